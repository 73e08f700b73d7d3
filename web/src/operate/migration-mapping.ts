/**
 * The migration dialog's mapping: one choice of target element per element an instance can
 * rest in, shown as a numbered table and drawn on both diagrams (each pair carries the same
 * numbered badge).
 */
import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import { h } from '../ui/dom';
import { ot } from './messages';
import type { MigrationMapping } from './operate-api';

/** Element types an instance can rest in (engine/operations/migrate.ts). */
const RESTING = new Set([
  'bpmn:UserTask',
  'bpmn:ReceiveTask',
  'bpmn:IntermediateCatchEvent',
  'bpmn:CallActivity',
  'bpmn:SubProcess',
  'bpmn:ServiceTask',
  'bpmn:SendTask',
]);

interface Shape {
  id: string;
  type: string;
  businessObject: { name?: string };
}

export interface MappingChoice {
  sourceId: string;
  select: HTMLSelectElement;
}

function restingElements(viewer: NavigatedViewer): Shape[] {
  return viewer
    .get<{ getAll(): Shape[] }>('elementRegistry')
    .getAll()
    .filter((e) => RESTING.has(e.type));
}

export function drawMapping(viewer: NavigatedViewer, ids: string[]): void {
  const overlays = viewer.get<{
    remove(filter: { type: string }): void;
    add(id: string, type: string, o: { position: object; html: HTMLElement }): void;
  }>('overlays');
  overlays.remove({ type: 'migration-mapping' });
  ids.forEach((id, i) => {
    if (!id) return;
    try {
      overlays.add(id, 'migration-mapping', {
        position: { top: -12, left: -12 },
        html: h('span', { class: 'mapping-badge', title: ot('mapping') }, String(i + 1)),
      });
    } catch {
      /* not on this diagram */
    }
  });
}

/** A choice per resting element of `source`, preset to the plan's suggestion. */
export function mappingChoices(
  source: NavigatedViewer,
  target: NavigatedViewer,
  suggested: MigrationMapping[],
  onchange: () => void,
): MappingChoice[] {
  const targets = restingElements(target);
  return restingElements(source).map((s) => {
    const preset = suggested.find((m) => m.sourceElementId === s.id)?.targetElementId ?? '';
    const select = h(
      'select',
      { 'aria-label': `${ot('mapping')} ${s.id}`, 'data-source': s.id, onchange },
      h('option', { value: '' }, ot('noMapping')),
      targets.map((t) =>
        h('option', { value: t.id, selected: t.id === preset }, `${t.businessObject.name ?? t.id} (${t.id})`),
      ),
    );
    return { sourceId: s.id, select };
  });
}

export function mappingTable(choices: MappingChoice[]): HTMLTableElement {
  return h(
    'table',
    { class: 'data-table' },
    h(
      'tbody',
      {},
      choices.map((s, i) =>
        h(
          'tr',
          {},
          h('td', {}, String(i + 1)),
          h('td', {}, s.sourceId),
          h('td', {}, '→'),
          h('td', {}, s.select),
        ),
      ),
    ),
  );
}

export function chosenMappings(choices: MappingChoice[]): MigrationMapping[] {
  return choices
    .filter((s) => s.select.value)
    .map((s) => ({ sourceElementId: s.sourceId, targetElementId: s.select.value }));
}
