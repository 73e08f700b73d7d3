/** The instance's history as the API shows it, and the completed-element counts. */
import type { StepContext } from './context';
import { nowIso } from './context';
import type { EngineTimelineEntry, TimelineEvent } from './state';

export function record(
  ctx: StepContext,
  elementId: string,
  event: TimelineEvent,
  extra: Pick<EngineTimelineEntry, 'actor' | 'detail'> = {},
): void {
  const node = ctx.graph.nodes[elementId];
  const entry: EngineTimelineEntry = { at: nowIso(ctx), elementId, elementType: node?.kind ?? 'process', event };
  const name = node ? node.name : ctx.graph.name;
  if (name) entry.name = name;
  if (extra.actor) entry.actor = extra.actor;
  if (extra.detail) entry.detail = extra.detail;
  ctx.state.timeline.push(entry);
}

export function countCompleted(ctx: StepContext, elementId: string): void {
  ctx.state.completed[elementId] = (ctx.state.completed[elementId] ?? 0) + 1;
}
