/**
 * Sequence flows. Conditions are FEEL, as in Zeebe, and only mean something on flows
 * leaving exclusive or inclusive gateways: anywhere else they are rejected rather than
 * silently ignored.
 */
import { bodyOf, isAny, isExpression, type BpmnElement } from '../moddle';
import type { SequenceFlow } from '../process-graph';
import type { CompileContext } from './context';

export function compileFlow(flow: BpmnElement, context: CompileContext): SequenceFlow {
  const condition = bodyOf(flow.conditionExpression);
  if (condition !== undefined) checkCondition(flow, condition, context);
  return {
    id: flow.id ?? '',
    name: flow.name,
    source: flow.sourceRef?.id ?? '',
    target: flow.targetRef?.id ?? '',
    condition,
  };
}

function checkCondition(flow: BpmnElement, condition: string, context: CompileContext): void {
  if (!isAny(flow.sourceRef, ['bpmn:ExclusiveGateway', 'bpmn:InclusiveGateway'])) {
    context.report(
      flow.id,
      'Conditions are only supported on flows leaving exclusive or inclusive gateways.',
    );
  } else if (!isExpression(condition)) {
    context.report(
      flow.id,
      `The condition must be a FEEL expression starting with "=" (found "${condition}").`,
    );
  }
}
