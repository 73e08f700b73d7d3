/**
 * A broadcast signal reached the instance: every open subscription of its name catches it,
 * oldest first (a catch event completes, a boundary event or event-subprocess start fires,
 * an event-based gateway takes that branch). One that an earlier catch released (an
 * interrupting boundary or event subprocess ended its owner) no longer fires. A signal id
 * seen before changes nothing, so a redelivered broadcast is caught once.
 */
import type { StepContext } from './context';
import { nodeOf } from './context';
import { unsubscribeSignal } from './signal-subscriptions';
import type { Stimulus } from './stimulus';
import { record } from './timeline';
import { keepsListening, trigger } from './triggers';

const SEEN_IDS = 1000;

export function signalReceived(ctx: StepContext, s: Extract<Stimulus, { type: 'signal' }>): void {
  const seen = `signal:${s.signalId}`;
  if (ctx.state.seenMessageIds.includes(seen)) return;
  ctx.state.seenMessageIds = [...ctx.state.seenMessageIds, seen].slice(-SEEN_IDS);
  const matching = Object.values(ctx.state.signals ?? {})
    .filter((sub) => sub.name === s.name)
    .sort((a, b) => Number(a.subscriptionKey) - Number(b.subscriptionKey));
  for (const sub of matching) {
    if (ctx.state.status !== 'ACTIVE' || !ctx.state.signals?.[sub.subscriptionKey]) continue;
    const node = nodeOf(ctx, sub.elementId);
    if (!keepsListening(node)) unsubscribeSignal(ctx, sub.subscriptionKey);
    record(ctx, sub.elementId, 'signal-caught', { detail: { name: sub.name } });
    trigger(ctx, sub.ownerKey, node, s.variables);
  }
}
