/**
 * Draws one state of an instance on its page: tokens, completed counts and incidents on the
 * diagram, the token editor, summary, open tasks, incidents, variables and actions; and its
 * timeline with the called instances, its date variables and the packs' markers.
 */
import type NavigatedViewer from 'bpmn-js/lib/NavigatedViewer';
import type { TokenOverlays } from '../../modeler/features/token-overlays';
import type { InstanceDetail } from '../api/types';
import type { TokenEditor } from '../operate/token-editor';
import type { InstanceTimeline } from '../ui/instance-timeline';
import type { InstancePanel } from '../web-pack';
import { timelineWithCalled } from './instance-called';
import { dateVariables } from './instance-facts';
import type { InstanceLayout } from './instance-layout';
import {
  renderActions,
  renderIncidents,
  renderOpenTasks,
  renderSummary,
  renderVariables,
} from './instance-sections';

export interface InstanceHandlers {
  retry(incidentId: string): void;
  refresh(): void;
  cancel(): void;
}

export function renderInstance(
  el: InstanceLayout,
  viewer: NavigatedViewer | undefined,
  tokenEditor: TokenEditor | undefined,
  d: InstanceDetail,
  on: InstanceHandlers,
): void {
  renderSummary(el.summary, d);
  const active = new Map<string, number>();
  for (const id of d.activeElements) active.set(id, (active.get(id) ?? 0) + 1);
  viewer?.get<TokenOverlays>('tokenOverlays').show(
    {
      active,
      completed: new Map(d.completedElements.map((c) => [c.elementId, c.count])),
      incidents: d.incidents.filter((i) => !i.resolved),
    },
    (incident) => on.retry(incident.incidentId),
  );
  tokenEditor?.update(d);
  renderOpenTasks(el.tasks, d);
  renderIncidents(el.incidents, d, (id) => on.retry(id));
  renderVariables(el.variables, d);
  renderActions(el.actions, d, { refresh: on.refresh, cancel: on.cancel });
}

export async function refreshInstanceTimeline(
  instanceId: string,
  host: HTMLElement,
  timeline: InstanceTimeline,
  panels: InstancePanel[],
  d: InstanceDetail,
): Promise<void> {
  try {
    const source = await timelineWithCalled(instanceId, d.businessKey);
    const markers = dateVariables(d.variables ?? {}).map((m) => ({
      id: `var-${m.name}`,
      at: m.at,
      label: m.name,
    }));
    const seen = new Set(markers.map((m) => m.at.slice(0, 10)));
    markers.push(...panels.flatMap((panel) => panel.markers()).filter((m) => !seen.has(m.at)));
    timeline.update(source, markers);
    delete host.dataset.error;
  } catch (error) {
    host.dataset.error = String(error);
  }
}
