/**
 * Signal subscriptions owned by element instances, like message subscriptions but by name
 * only: a broadcast reaches every one of them (engine/signal-delivery.ts). The host publishes
 * them in the BpmnSubscriptions search attribute, which is how a broadcast finds its instances.
 * `state.signals` is replaced on every change, never mutated (the step shares it with its input).
 */
import type { StepContext } from './context';
import { nextKey } from './context';
import { evaluateValue } from './feel';
import { visibleVariables } from './variables';

export function subscribeSignal(
  ctx: StepContext,
  ownerKey: string,
  elementId: string,
  signalName: string,
): void {
  const name = String(evaluateValue(signalName, visibleVariables(ctx, ownerKey)));
  const subscriptionKey = nextKey(ctx);
  ctx.state.signals = {
    ...ctx.state.signals,
    [subscriptionKey]: { subscriptionKey, ownerKey, elementId, name },
  };
  ctx.commands.push({ type: 'subscribeSignal', subscriptionKey, elementId, name });
}

export function unsubscribeSignal(ctx: StepContext, subscriptionKey: string): void {
  if (!ctx.state.signals?.[subscriptionKey]) return;
  const { [subscriptionKey]: _gone, ...rest } = ctx.state.signals;
  ctx.state.signals = rest;
  ctx.commands.push({ type: 'unsubscribeSignal', subscriptionKey });
}

/** Release the signal subscriptions of an owner, or only those on elements `only` accepts. */
export function releaseSignals(
  ctx: StepContext,
  ownerKey: string,
  only?: (elementId: string) => boolean,
): void {
  for (const s of Object.values(ctx.state.signals ?? {}))
    if (s.ownerKey === ownerKey && (!only || only(s.elementId))) unsubscribeSignal(ctx, s.subscriptionKey);
}
