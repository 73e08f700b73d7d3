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
  const entry: EngineTimelineEntry = { at: nowIso(ctx), elementId, elementType: node.kind, event };
  if (node.name) entry.name = node.name;
  if (extra.actor) entry.actor = extra.actor;
  if (extra.detail) entry.detail = extra.detail;
  ctx.state.timeline.push(entry);
}

export function countCompleted(ctx: StepContext, elementId: string): void {
  ctx.state.completed[elementId] = (ctx.state.completed[elementId] ?? 0) + 1;
}

/** The process itself (its id may equal an element id, so it is never looked up among the nodes). */
export function recordProcess(
  ctx: StepContext,
  event: TimelineEvent,
  detail?: Record<string, unknown>,
): void {
  const entry: EngineTimelineEntry = {
    at: nowIso(ctx),
    elementId: ctx.graph.processId,
    elementType: 'process',
    event,
  };
  if (ctx.graph.name) entry.name = ctx.graph.name;
  if (detail) entry.detail = detail;
  ctx.state.timeline.push(entry);
}
