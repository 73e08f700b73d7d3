/**
 * Compares the diagram on the canvas with a deployed version (bpmn-js-differ) and marks
 * added, changed and re-laid-out elements. Removed elements are no longer on the canvas:
 * they are returned for the page to list.
 */
import { diff } from 'bpmn-js-differ';

export interface DiffEntry {
  id: string;
  type: string;
  name?: string;
  kind: 'added' | 'changed' | 'removed' | 'layout';
  /** Changed attributes, e.g. `timeDuration`. */
  attrs?: string[];
}

const MARKERS = ['diff-added', 'diff-changed', 'diff-layout'];

export default class VersionDiff {
  static $inject = ['bpmnjs', 'moddle', 'canvas', 'elementRegistry'];

  private marked: string[] = [];

  constructor(
    private readonly bpmnjs: any,
    private readonly moddle: any,
    private readonly canvas: any,
    private readonly elementRegistry: any,
  ) {}

  async compare(deployedXml: string): Promise<DiffEntry[]> {
    this.clear();
    const { rootElement: deployed } = await this.moddle.fromXML(deployedXml, 'bpmn:Definitions');
    const changes = diff(deployed, this.bpmnjs.getDefinitions());
    const entries: DiffEntry[] = [
      ...this.entries(changes._added, 'added'),
      ...Object.entries(
        changes._changed as Record<string, { model: any; attrs: Record<string, unknown> }>,
      ).map(([id, change]) => ({
        ...describe(id, change.model),
        kind: 'changed' as const,
        attrs: Object.keys(change.attrs),
      })),
      ...this.entries(changes._removed, 'removed'),
      ...this.entries(changes._layoutChanged, 'layout').filter(
        (e) => !(e.id in changes._changed) && !(e.id in changes._added),
      ),
    ];
    for (const entry of entries) {
      if (entry.kind === 'removed' || !this.elementRegistry.get(entry.id)) continue;
      this.canvas.addMarker(entry.id, `diff-${entry.kind}`);
      this.marked.push(entry.id);
    }
    return entries;
  }

  clear(): void {
    for (const id of this.marked) {
      if (!this.elementRegistry.get(id)) continue;
      for (const marker of MARKERS) this.canvas.removeMarker(id, marker);
    }
    this.marked = [];
  }

  private entries(map: Record<string, any>, kind: DiffEntry['kind']): DiffEntry[] {
    return Object.entries(map).map(([id, model]) => ({ ...describe(id, model), kind }));
  }
}

function describe(id: string, model: any): Omit<DiffEntry, 'kind'> {
  return { id, type: String(model?.$type ?? '').replace(/^bpmn:/, ''), name: model?.name || undefined };
}
