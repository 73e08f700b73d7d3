/**
 * Zeebe's deploy-time checks of zeebe:executionListeners and zeebe:taskListeners
 * (ExecutionListenersValidator and the per-element validators of zeebe-bpmn-model): a known
 * event type and a job type on each listener, no two with the same event type and job type,
 * and only the events an element can have — no `start` on start or boundary events, no `end`
 * on gateways, error end events or escalation throws, none on compensation boundary events.
 * Task listeners `updating` and `canceling` (which Zeebe accepts) are refused here: this
 * engine has no task update and runs none on cancel, so they would never run; and so are
 * execution listeners on event subprocesses, which this engine would not run at their start.
 */
import { extension, is, isAny, type BpmnElement } from '../../moddle';
import { TASK_LISTENER_EVENTS } from '../../compile/listeners';
import { ZEEBE, type ExecutionListeners, type TaskListeners } from '../../zeebe';
import { engineRule, type Report } from '../engine-rule';

/** What Zeebe lets carry execution listeners. */
const LISTENING_ELEMENTS = [
  'bpmn:Process',
  'bpmn:SubProcess',
  'bpmn:CallActivity',
  'bpmn:Task',
  'bpmn:StartEvent',
  'bpmn:IntermediateThrowEvent',
  'bpmn:IntermediateCatchEvent',
  'bpmn:BoundaryEvent',
  'bpmn:EndEvent',
  'bpmn:ExclusiveGateway',
  'bpmn:InclusiveGateway',
  'bpmn:ParallelGateway',
  'bpmn:EventBasedGateway',
];

const definitionOf = (element: BpmnElement) => element.eventDefinitions?.[0];

/** The event type an element cannot listen to, and why, if any. */
function refusedEvent(
  element: BpmnElement,
): { eventType: 'start' | 'end' | 'any'; where: string } | undefined {
  const definition = definitionOf(element);
  if (is(element, 'bpmn:BoundaryEvent') && is(definition, 'bpmn:CompensateEventDefinition'))
    return { eventType: 'any', where: 'compensation boundary events' };
  if (is(element, 'bpmn:StartEvent')) return { eventType: 'start', where: 'start events' };
  if (is(element, 'bpmn:BoundaryEvent')) return { eventType: 'start', where: 'boundary events' };
  if (is(element, 'bpmn:Gateway')) return { eventType: 'end', where: 'gateways' };
  if (is(element, 'bpmn:EndEvent') && is(definition, 'bpmn:ErrorEventDefinition'))
    return { eventType: 'end', where: 'error end events' };
  if (is(element, 'bpmn:IntermediateThrowEvent') && is(definition, 'bpmn:EscalationEventDefinition'))
    return { eventType: 'end', where: 'escalation intermediate throw events' };
  return undefined;
}

function checkExecutionListeners(element: BpmnElement, report: Report): void {
  const listeners = extension<ExecutionListeners>(element, ZEEBE.executionListeners)?.listeners ?? [];
  if (listeners.length === 0) return;
  if (!isAny(element, LISTENING_ELEMENTS)) {
    report(element.id, `Execution listeners are not supported on ${element.$type.replace('bpmn:', '')}.`);
    return;
  }
  if (is(element, 'bpmn:SubProcess') && element.triggeredByEvent) {
    // Zeebe runs them; this engine starts an event subprocess without its start listeners, so it refuses them.
    report(element.id, 'Execution listeners on an event subprocess are not supported by this engine.');
    return;
  }
  const refused = refusedEvent(element);
  const seen = new Set<string>();
  for (const listener of listeners) {
    const eventType = listener.eventType ?? '';
    if (eventType !== 'start' && eventType !== 'end') {
      report(element.id, `Execution listener event type "${eventType}" is unknown: use start or end.`);
      continue;
    }
    if (!listener.type?.trim()) report(element.id, `An execution listener (${eventType}) needs a job type.`);
    if (refused && (refused.eventType === 'any' || refused.eventType === eventType))
      report(element.id, `Execution listeners of type '${eventType}' are not supported by ${refused.where}.`);
    const key = `${eventType}|${listener.type?.trim() ?? ''}`;
    if (seen.has(key))
      report(
        element.id,
        `Two execution listeners with event type ${eventType} and job type "${listener.type}".`,
      );
    seen.add(key);
  }
}

function checkTaskListeners(element: BpmnElement, report: Report): void {
  const listeners = extension<TaskListeners>(element, ZEEBE.taskListeners)?.listeners ?? [];
  for (const listener of listeners) {
    const eventType = listener.eventType ?? '';
    if (!TASK_LISTENER_EVENTS[eventType])
      report(
        element.id,
        `Task listener event type "${eventType}" is not supported: use creating, assigning or completing.`,
      );
    if (!listener.type?.trim()) report(element.id, `A task listener (${eventType}) needs a job type.`);
  }
}

export default engineRule('listeners', (element, report) => {
  checkExecutionListeners(element, report);
  if (is(element, 'bpmn:UserTask')) checkTaskListeners(element, report);
});
