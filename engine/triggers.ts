/**
 * A timer fired or a message was correlated: route it to whatever caught it — a catch
 * event or receive task (completes), a boundary event (interrupting or not), an event
 * subprocess start, or an event-based gateway (the winner is entered already triggered).
 * Non-interrupting catchers keep listening; their timer cycles re-arm until the owner ends.
 */
import type { GraphNode } from '../model/process-graph';
import type { StepContext } from './context';
import { nodeOf } from './context';
import { startEventSubprocess } from './event-subprocess';
import { completeElement, enterTriggered, terminateElement } from './lifecycle';
import type { MessageSubscription, TimerSubscription, Variables } from './state';
import { armTimer, unsubscribe } from './subscriptions';
import { record } from './timeline';
import { nextFiring } from './timers';

export function keepsListening(node: GraphNode): boolean {
  return (
    (node.kind === 'boundaryEvent' && !node.cancelActivity) ||
    (node.kind === 'startEvent' && !node.interrupting)
  );
}

export function timerFired(ctx: StepContext, timer: TimerSubscription): void {
  delete ctx.state.timers[timer.timerKey];
  const node = nodeOf(ctx, timer.elementId);
  record(ctx, timer.elementId, 'timer-fired', { detail: { fireAt: new Date(timer.fireAt).toISOString() } });
  if (keepsListening(node) && timer.cycle) {
    const next = nextFiring(timer.cycle, timer.fireAt, ctx.now, ctx.timeZone);
    if (next) armTimer(ctx, timer.ownerKey, timer.elementId, next);
  }
  trigger(ctx, timer.ownerKey, node);
}

export function messageCorrelated(
  ctx: StepContext,
  subscription: MessageSubscription,
  variables: Variables | undefined,
): void {
  const node = nodeOf(ctx, subscription.elementId);
  if (!keepsListening(node)) unsubscribe(ctx, subscription.subscriptionKey);
  record(ctx, subscription.elementId, 'message-correlated', {
    detail: {
      name: subscription.name,
      ...(subscription.correlationKey !== undefined ? { correlationKey: subscription.correlationKey } : {}),
    },
  });
  trigger(ctx, subscription.ownerKey, node, variables);
}

/** Route a caught event to its catcher (see the file comment). */
export function trigger(ctx: StepContext, ownerKey: string, node: GraphNode, variables?: Variables): void {
  const owner = ctx.state.instances[ownerKey];
  if (!owner) return;
  if (node.kind === 'boundaryEvent') {
    if (node.cancelActivity) terminateElement(ctx, owner);
    enterTriggered(ctx, node.id, owner.parentKey!, variables);
  } else if (node.kind === 'startEvent') {
    startEventSubprocess(ctx, owner, node, variables, node.interrupting);
  } else if (owner.elementId === node.id) {
    delete owner.wait;
    completeElement(ctx, owner, { variables });
  } else {
    // The owner is an event-based gateway and `node` the event that won the race.
    completeElement(ctx, owner, { flows: [], keepScope: true });
    enterTriggered(ctx, node.id, owner.parentKey!, variables);
  }
}
