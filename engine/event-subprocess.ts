/**
 * Event subprocesses: their timer, message and signal starts are subscribed while the enclosing
 * scope is active (owned by the scope instance); error and escalation starts are found by
 * catching.ts. An interrupting start ends everything else in the scope first.
 */
import type { StartEventNode } from '../model/process-graph';
import type { StepContext } from './context';
import { nodesIn } from './context';
import { createInstance, enterTriggered, interruptScope } from './lifecycle';
import type { ElementInstance, Variables } from './state';
import { releaseSignals } from './signal-subscriptions';
import { cancelTimer, subscribe, unsubscribe } from './subscriptions';
import { record } from './timeline';
import { applyInputs } from './variables';

/** Start listening for the timer and message starts of the event subprocesses directly in a scope. */
export function subscribeEventSubprocesses(ctx: StepContext, scope: ElementInstance): void {
  const scopeElementId = scope.kind === 'process' ? ctx.graph.processId : scope.elementId;
  for (const es of nodesIn(ctx, scopeElementId)) {
    if (es.kind !== 'subProcess' || !es.triggeredByEvent) continue;
    for (const start of nodesIn(ctx, es.id))
      if (start.kind === 'startEvent') subscribe(ctx, scope.key, start.id, start.event);
  }
}

export function startEventSubprocess(
  ctx: StepContext,
  scope: ElementInstance,
  start: StartEventNode,
  variables: Variables | undefined,
  interrupting: boolean,
): void {
  if (interrupting) {
    interruptScope(ctx, scope.key);
    releaseEventSubprocessStarts(ctx, scope.key);
  }
  const es = createInstance(ctx, start.parent, scope.key);
  record(ctx, es.elementId, 'started');
  applyInputs(ctx, es.key, ctx.graph.nodes[es.elementId].inputs);
  subscribeEventSubprocesses(ctx, es);
  enterTriggered(ctx, start.id, es.key, variables);
}

/** After an interrupting event subprocess starts, the others of the scope cannot start any more; boundary events stay. */
function releaseEventSubprocessStarts(ctx: StepContext, scopeKey: string): void {
  const isStart = (id: string) => ctx.graph.nodes[id]?.kind === 'startEvent';
  for (const t of Object.values(ctx.state.timers))
    if (t.ownerKey === scopeKey && isStart(t.elementId)) cancelTimer(ctx, t.timerKey);
  for (const m of Object.values(ctx.state.messages))
    if (m.ownerKey === scopeKey && isStart(m.elementId)) unsubscribe(ctx, m.subscriptionKey);
  releaseSignals(ctx, scopeKey, isStart);
}
