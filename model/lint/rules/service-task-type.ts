/**
 * Work that goes to a job worker needs a job type: service and send tasks, and message
 * throw events (which Zeebe also implements as jobs). Without it nothing could pick it up.
 */
import { extension, is, isAny, type BpmnElement } from '../../moddle';
import { ZEEBE, type TaskDefinition } from '../../zeebe';
import { engineRule } from '../engine-rule';

export function needsJobWorker(element: BpmnElement): boolean {
  if (isAny(element, ['bpmn:ServiceTask', 'bpmn:SendTask'])) return true;
  const isMessageThrow =
    isAny(element, ['bpmn:EndEvent', 'bpmn:IntermediateThrowEvent']) &&
    is(element.eventDefinitions?.[0], 'bpmn:MessageEventDefinition');
  return isMessageThrow;
}

export default engineRule('service-task-type', (element, report) => {
  if (!needsJobWorker(element)) return;
  const definition = extension<TaskDefinition>(element, ZEEBE.taskDefinition);
  if (!definition?.type?.trim()) {
    report(element.id, 'Missing job type: set zeebe:taskDefinition type (the activity that does the work).');
  }
});
