/**
 * Timers and message subscriptions owned by element instances: a catch event owns its own,
 * an activity owns its boundary events', a scope owns its event subprocesses' starts and an
 * event-based gateway owns those of the events after it. Ending the owner releases them.
 */
import type { EventDefinition } from '../model/process-graph';
import type { StepContext } from './context';
import { nextKey } from './context';
import { evaluateValue } from './feel';
import { releaseSignals, subscribeSignal } from './signal-subscriptions';
import { planTimer, type TimerPlan } from './timers';
import { visibleVariables } from './variables';

export function armTimer(ctx: StepContext, ownerKey: string, elementId: string, plan: TimerPlan): void {
  const timerKey = nextKey(ctx);
  ctx.state.timers[timerKey] = {
    timerKey,
    ownerKey,
    elementId,
    fireAt: plan.fireAt,
    ...(plan.cycle ? { cycle: plan.cycle } : {}),
  };
  ctx.commands.push({
    type: 'startTimer',
    timerKey,
    elementId,
    fireAt: plan.fireAt,
    fireAtIso: new Date(plan.fireAt).toISOString(),
  });
}

/** Subscribe to a timer, message or signal event definition; other kinds are caught passively. */
export function subscribe(
  ctx: StepContext,
  ownerKey: string,
  elementId: string,
  event: EventDefinition,
): void {
  const variables = visibleVariables(ctx, ownerKey);
  if (event.type === 'timer') {
    armTimer(ctx, ownerKey, elementId, planTimer(event.timer, ctx.now, ctx.timeZone, variables));
  } else if (event.type === 'message') {
    subscribeMessage(ctx, ownerKey, elementId, event.messageName, event.correlationKey);
  } else if (event.type === 'signal') {
    subscribeSignal(ctx, ownerKey, elementId, event.signalName);
  }
}

export function subscribeMessage(
  ctx: StepContext,
  ownerKey: string,
  elementId: string,
  messageName: string,
  correlationKeyExpression: string | undefined,
): void {
  const variables = visibleVariables(ctx, ownerKey);
  const name = String(evaluateValue(messageName, variables));
  const key =
    correlationKeyExpression === undefined ? undefined : evaluateValue(correlationKeyExpression, variables);
  const subscriptionKey = nextKey(ctx);
  const correlationKey = key === undefined || key === null ? undefined : String(key);
  ctx.state.messages[subscriptionKey] = {
    subscriptionKey,
    ownerKey,
    elementId,
    name,
    ...(correlationKey !== undefined ? { correlationKey } : {}),
  };
  ctx.commands.push({
    type: 'subscribeMessage',
    subscriptionKey,
    elementId,
    name,
    ...(correlationKey !== undefined ? { correlationKey } : {}),
  });
}

export function cancelTimer(ctx: StepContext, timerKey: string): void {
  if (!ctx.state.timers[timerKey]) return;
  delete ctx.state.timers[timerKey];
  ctx.commands.push({ type: 'cancelTimer', timerKey });
}

export function unsubscribe(ctx: StepContext, subscriptionKey: string): void {
  if (!ctx.state.messages[subscriptionKey]) return;
  delete ctx.state.messages[subscriptionKey];
  ctx.commands.push({ type: 'unsubscribeMessage', subscriptionKey });
}

/** Release every timer and subscription an instance owns (it completed or was terminated). */
export function releaseOwned(ctx: StepContext, ownerKey: string): void {
  for (const t of Object.values(ctx.state.timers)) if (t.ownerKey === ownerKey) cancelTimer(ctx, t.timerKey);
  for (const m of Object.values(ctx.state.messages))
    if (m.ownerKey === ownerKey) unsubscribe(ctx, m.subscriptionKey);
  releaseSignals(ctx, ownerKey);
}

/** Arm the timer and message boundary events of an activity that just became active. */
export function armBoundaryEvents(
  ctx: StepContext,
  ownerKey: string,
  boundaryIds: string[] | undefined,
): void {
  for (const id of boundaryIds ?? []) {
    const node = ctx.graph.nodes[id];
    if (node?.kind === 'boundaryEvent') subscribe(ctx, ownerKey, id, node.event);
  }
}
