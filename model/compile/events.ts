/**
 * Events: start, end, intermediate catch/throw and boundary, with their event definition.
 * Message throws carry the job type that delivers them (Zeebe implements them as jobs).
 */
import { bodyOf, extension, is, type BpmnElement } from '../moddle';
import type { EventDefinition, TimerSpec } from '../process-graph';
import { ZEEBE, type Subscription } from '../zeebe';
import type { CompileContext, HandlerMap } from './context';
import { jobWorker } from './tasks';

export function eventDefinition(event: BpmnElement, context: CompileContext): EventDefinition {
  const definition = event.eventDefinitions?.[0];
  if (!definition) return { type: 'none' };
  if (is(definition, 'bpmn:MessageEventDefinition')) {
    const message = definition.messageRef;
    const subscription = extension<Subscription>(message, ZEEBE.subscription);
    return {
      type: 'message',
      messageName: message?.name ?? '',
      correlationKey: subscription?.correlationKey,
    };
  }
  if (is(definition, 'bpmn:TimerEventDefinition')) return { type: 'timer', timer: timerSpec(definition) };
  if (is(definition, 'bpmn:ErrorEventDefinition'))
    return { type: 'error', errorCode: definition.errorRef?.errorCode };
  if (is(definition, 'bpmn:EscalationEventDefinition')) {
    return { type: 'escalation', escalationCode: definition.escalationRef?.escalationCode };
  }
  if (is(definition, 'bpmn:TerminateEventDefinition')) return { type: 'terminate' };
  if (is(definition, 'bpmn:SignalEventDefinition'))
    return { type: 'signal', signalName: definition.signalRef?.name ?? '' };
  if (is(definition, 'bpmn:LinkEventDefinition')) return { type: 'link', linkName: definition.name ?? '' };
  if (is(definition, 'bpmn:CompensateEventDefinition')) {
    const activityRef = definition.activityRef?.id;
    return activityRef ? { type: 'compensation', activityRef } : { type: 'compensation' };
  }
  context.report(event.id, `Unsupported event definition ${definition.$type}.`);
  return { type: 'none' };
}

function timerSpec(timer: BpmnElement): TimerSpec {
  const cycle = bodyOf(timer.timeCycle);
  if (cycle) return { kind: 'cycle', expression: cycle };
  const date = bodyOf(timer.timeDate);
  if (date) return { kind: 'date', expression: date };
  return { kind: 'duration', expression: bodyOf(timer.timeDuration) ?? '' };
}

function isMessageThrow(event: BpmnElement): boolean {
  return is(event.eventDefinitions?.[0], 'bpmn:MessageEventDefinition');
}

export const eventHandlers: HandlerMap = {
  'bpmn:StartEvent': (element, context) => ({
    kind: 'startEvent',
    event: eventDefinition(element, context),
    interrupting: element.isInterrupting ?? true,
  }),
  'bpmn:EndEvent': (element, context) => ({
    kind: 'endEvent',
    event: eventDefinition(element, context),
    ...(isMessageThrow(element) ? jobWorker(element) : {}),
  }),
  'bpmn:IntermediateCatchEvent': (element, context) => ({
    kind: 'intermediateCatchEvent',
    event: eventDefinition(element, context),
  }),
  'bpmn:IntermediateThrowEvent': (element, context) => ({
    kind: 'intermediateThrowEvent',
    event: eventDefinition(element, context),
    ...(isMessageThrow(element) ? jobWorker(element) : {}),
  }),
  'bpmn:BoundaryEvent': (element, context) => ({
    kind: 'boundaryEvent',
    attachedTo: element.attachedToRef?.id ?? '',
    cancelActivity: element.cancelActivity ?? true,
    event: eventDefinition(element, context),
  }),
};
