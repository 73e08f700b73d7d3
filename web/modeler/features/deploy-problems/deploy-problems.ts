/**
 * The server's deploy errors and warnings as overlays on the offending elements, so a
 * rejected deploy points at the shapes to fix. Cleared on the next attempt.
 */
import { escapeHTML } from 'diagram-js/lib/util/EscapeUtil';

export interface ModelProblem {
  elementId: string | null;
  rule: string;
  message: string;
}

const OVERLAY_TYPE = 'deploy-problem';

export default class DeployProblems {
  static $inject = ['overlays', 'elementRegistry', 'canvas'];

  constructor(
    private readonly overlays: any,
    private readonly elementRegistry: any,
    private readonly canvas: any,
  ) {}

  /** Shows the problems; returns those that name no element on the canvas (show them elsewhere). */
  show(problems: ModelProblem[], severity: 'error' | 'warning' = 'error'): ModelProblem[] {
    const unplaced: ModelProblem[] = [];
    const byElement = new Map<string, ModelProblem[]>();
    for (const problem of problems) {
      const element = problem.elementId ? this.elementRegistry.get(problem.elementId) : undefined;
      if (!element || element === this.canvas.getRootElement()) {
        unplaced.push(problem);
        continue;
      }
      byElement.set(problem.elementId!, [...(byElement.get(problem.elementId!) ?? []), problem]);
    }
    for (const [elementId, list] of byElement) {
      const items = list
        .map((p) => `<li><strong>${escapeHTML(p.rule)}</strong>: ${escapeHTML(p.message)}</li>`)
        .join('');
      this.overlays.add(elementId, OVERLAY_TYPE, {
        position: { bottom: -6, left: 0 },
        html: `<div class="deploy-problem deploy-problem-${severity}" role="note" data-element-id="${escapeHTML(elementId)}"><ul>${items}</ul></div>`,
      });
      this.canvas.addMarker(elementId, `deploy-${severity}`);
    }
    return unplaced;
  }

  clear(): void {
    this.overlays.remove({ type: OVERLAY_TYPE });
    for (const element of this.elementRegistry.getAll()) {
      this.canvas.removeMarker(element, 'deploy-error');
      this.canvas.removeMarker(element, 'deploy-warning');
    }
  }
}
