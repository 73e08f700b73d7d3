/**
 * Exclusive, inclusive and parallel gateways pass straight through once entered (joins are
 * handled in flow.ts before the gateway is entered); they differ in the flows they take.
 */
import type { Behaviour } from '../behaviour';
import type { StepContext } from '../context';
import { nodeOf } from '../context';
import { evaluateCondition, ExpressionError } from '../feel';
import { completeElement } from '../lifecycle';
import type { ElementInstance } from '../state';
import { visibleVariables } from '../variables';
import type { GatewayNode } from '../../model/process-graph';

function conditionalFlows(ctx: StepContext, inst: ElementInstance): { holding: string[]; fallback?: string } {
  const node = nodeOf(ctx, inst.elementId) as GatewayNode;
  const variables = visibleVariables(ctx, inst.key);
  const holding = node.outgoing.filter((id) => {
    if (id === node.defaultFlow) return false;
    const condition = ctx.graph.flows[id].condition;
    return condition === undefined || evaluateCondition(condition, variables);
  });
  return { holding, fallback: node.defaultFlow };
}

function noFlow(ctx: StepContext, inst: ElementInstance): never {
  throw new ExpressionError(
    `no outgoing sequence flow of gateway '${inst.elementId}' has a condition that holds, and there is no default flow`,
  );
}

export const exclusiveGateway: Behaviour = {
  activate: (ctx, inst) => completeElement(ctx, inst),
  outgoing(ctx, inst) {
    const { holding, fallback } = conditionalFlows(ctx, inst);
    const chosen = holding[0] ?? fallback;
    return chosen ? [chosen] : noFlow(ctx, inst);
  },
};

export const inclusiveGateway: Behaviour = {
  activate: (ctx, inst) => completeElement(ctx, inst),
  outgoing(ctx, inst) {
    const { holding, fallback } = conditionalFlows(ctx, inst);
    if (holding.length) return holding;
    return fallback ? [fallback] : noFlow(ctx, inst);
  },
};

export const parallelGateway: Behaviour = {
  activate: (ctx, inst) => completeElement(ctx, inst),
  outgoing: (ctx, inst) => nodeOf(ctx, inst.elementId).outgoing,
};
