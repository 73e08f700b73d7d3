/**
 * Instance state on a read-only diagram: where tokens are now (active), how often each
 * element completed, and incidents with a Retry button. The heatmap uses the same overlays
 * with counts summed over many instances.
 */
import { escapeHTML } from 'diagram-js/lib/util/EscapeUtil';
import { t } from '../../../src/i18n';

export interface ElementIncident {
  incidentId: string;
  elementId: string;
  message: string;
}

export interface TokenState {
  /** element id → number of tokens there now */
  active: Map<string, number>;
  /** element id → times completed */
  completed: Map<string, number>;
  incidents?: ElementIncident[];
}

const TYPE = 'token-state';

export default class TokenOverlays {
  static $inject = ['overlays', 'elementRegistry', 'canvas'];

  private markedIds: string[] = [];

  constructor(
    private readonly overlays: any,
    private readonly elementRegistry: any,
    private readonly canvas: any,
  ) {}

  show(state: TokenState, onRetry?: (incident: ElementIncident) => void): void {
    this.clear();
    for (const [elementId, count] of state.active) {
      if (!this.place(elementId, 'token-active')) continue;
      this.overlays.add(elementId, TYPE, {
        position: { top: -12, left: -12 },
        html: `<span class="token-badge token-badge-active" data-element-id="${escapeHTML(elementId)}" title="${escapeHTML(t('overlays.active', { count }))}">${count}</span>`,
      });
    }
    for (const [elementId, count] of state.completed) {
      if (!this.place(elementId, state.active.has(elementId) ? undefined : 'token-completed')) continue;
      this.overlays.add(elementId, TYPE, {
        position: { bottom: -12, right: -4 },
        html: `<span class="token-badge token-badge-completed" data-element-id="${escapeHTML(elementId)}" title="${escapeHTML(t('overlays.completed', { count }))}">${count}✓</span>`,
      });
    }
    for (const incident of state.incidents ?? []) {
      if (!this.place(incident.elementId, 'token-incident')) continue;
      const html = document.createElement('div');
      html.className = 'token-incident';
      html.setAttribute('role', 'alert');
      html.dataset.elementId = incident.elementId;
      html.append(document.createTextNode(incident.message));
      if (onRetry) {
        const button = document.createElement('button');
        button.type = 'button';
        button.className = 'btn btn-small';
        button.textContent = t('overlays.retry');
        button.addEventListener('click', () => onRetry(incident));
        html.append(' ', button);
      }
      this.overlays.add(incident.elementId, TYPE, { position: { top: -40, left: 0 }, html });
    }
  }

  clear(): void {
    this.overlays.remove({ type: TYPE });
    for (const id of this.markedIds) {
      if (!this.elementRegistry.get(id)) continue;
      for (const marker of ['token-active', 'token-completed', 'token-incident'])
        this.canvas.removeMarker(id, marker);
    }
    this.markedIds = [];
  }

  /** Marks the element; false when it is not on this diagram (another version's element). */
  private place(elementId: string, marker: string | undefined): boolean {
    if (!this.elementRegistry.get(elementId)) return false;
    if (marker) {
      this.canvas.addMarker(elementId, marker);
      this.markedIds.push(elementId);
    }
    return true;
  }
}
