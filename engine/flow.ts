/**
 * Tokens travelling on sequence flows: entering the target, or waiting at a joining
 * gateway. Parallel joins fire once a token waits on every incoming flow; inclusive joins
 * fire once no live token in the scope can still reach them (checked when the step's
 * agenda is empty, so every token of a fork has been created first).
 */
import type { GraphNode } from '../model/process-graph';
import type { StepContext } from './context';
import { childrenOf, nodeOf } from './context';
import { activateElement } from './lifecycle';

export function isJoining(node: GraphNode): boolean {
  return (node.kind === 'parallelGateway' || node.kind === 'inclusiveGateway') && node.incoming.length > 1;
}

/** Run queued tokens until none is left and no inclusive join can fire any more. */
export function drainAgenda(ctx: StepContext): void {
  for (;;) {
    const token = ctx.agenda.shift();
    if (token) {
      arrive(ctx, token.flowId, token.scopeKey);
      continue;
    }
    if (!fireReadyInclusiveJoin(ctx)) return;
  }
}

function arrive(ctx: StepContext, flowId: string, scopeKey: string): void {
  if (!ctx.state.instances[scopeKey]) return; // the scope ended while the token was queued
  const target = nodeOf(ctx, ctx.graph.flows[flowId].target);
  if (!isJoining(target)) {
    activateElement(ctx, target.id, scopeKey);
    return;
  }
  const joinKey = `${scopeKey}/${target.id}`;
  const arrivals = (ctx.state.joins[joinKey] ??= {});
  arrivals[flowId] = (arrivals[flowId] ?? 0) + 1;
  if (target.kind === 'parallelGateway' && target.incoming.every((f) => (arrivals[f] ?? 0) > 0)) {
    fireJoin(ctx, scopeKey, target, target.incoming);
  }
}

function fireJoin(ctx: StepContext, scopeKey: string, gateway: GraphNode, consumed: string[]): void {
  const joinKey = `${scopeKey}/${gateway.id}`;
  const arrivals = ctx.state.joins[joinKey];
  for (const f of consumed) if (--arrivals[f] <= 0) delete arrivals[f];
  if (Object.keys(arrivals).length === 0) delete ctx.state.joins[joinKey];
  activateElement(ctx, gateway.id, scopeKey);
}

function fireReadyInclusiveJoin(ctx: StepContext): boolean {
  for (const joinKey of Object.keys(ctx.state.joins)) {
    const cut = joinKey.lastIndexOf('/');
    const scopeKey = joinKey.slice(0, cut);
    const gateway = nodeOf(ctx, joinKey.slice(cut + 1));
    if (gateway.kind !== 'inclusiveGateway' || !ctx.state.instances[scopeKey]) continue;
    if (livePositions(ctx, scopeKey, gateway.id).some((id) => canReach(ctx, id, gateway.id))) continue;
    fireJoin(ctx, scopeKey, gateway, Object.keys(ctx.state.joins[joinKey]));
    return true;
  }
  return false;
}

/** Elements in a scope that hold a token, other than the join itself. */
function livePositions(ctx: StepContext, scopeKey: string, gatewayId: string): string[] {
  const positions = childrenOf(ctx, scopeKey).map((i) => i.elementId);
  for (const joinKey of Object.keys(ctx.state.joins)) {
    const cut = joinKey.lastIndexOf('/');
    if (joinKey.slice(0, cut) === scopeKey && joinKey.slice(cut + 1) !== gatewayId)
      positions.push(joinKey.slice(cut + 1));
  }
  return positions;
}

/** Whether a token at `fromId` can still arrive at `gatewayId` (through boundary events too). */
export function canReach(ctx: StepContext, fromId: string, gatewayId: string): boolean {
  const seen = new Set<string>();
  const queue = [fromId];
  while (queue.length) {
    const id = queue.shift()!;
    if (seen.has(id)) continue;
    seen.add(id);
    const node = ctx.graph.nodes[id];
    if (!node) continue;
    for (const next of [
      ...node.outgoing.map((f) => ctx.graph.flows[f].target),
      ...(node.boundaryEvents ?? []),
      ...(node.kind === 'intermediateThrowEvent' && node.linkTarget ? [node.linkTarget] : []),
    ]) {
      if (next === gatewayId) return true;
      queue.push(next);
    }
  }
  return false;
}
