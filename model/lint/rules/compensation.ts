/**
 * Zeebe's deploy checks for compensation: a compensation boundary event is joined to its
 * handler by an association and has no outgoing flow; a handler (`isForCompensation`) is a
 * task, subprocess or call activity outside the sequence flow, without boundary events; a
 * compensation throw waits for completion; its `activityRef` is compensable and in its scope.
 */
import { is, isAny, type BpmnElement } from '../../moddle';
import { engineRule, type Report } from '../engine-rule';

const HANDLER_TYPES = [
  'bpmn:ServiceTask',
  'bpmn:UserTask',
  'bpmn:SendTask',
  'bpmn:ReceiveTask',
  'bpmn:BusinessRuleTask',
  'bpmn:ScriptTask',
  'bpmn:ManualTask',
  'bpmn:CallActivity',
];

const compensationOf = (element: BpmnElement) =>
  element.eventDefinitions?.find((d) => is(d, 'bpmn:CompensateEventDefinition'));

/** Associations anywhere in the element's process (bpmn-js puts them in the process or subprocess). */
function associationsFrom(element: BpmnElement): BpmnElement[] {
  let root: BpmnElement | undefined = element;
  while (root.$parent && !is(root, 'bpmn:Process')) root = root.$parent;
  const found: BpmnElement[] = [];
  const walk = (scope: BpmnElement) => {
    for (const a of scope.artifacts ?? [])
      if (is(a, 'bpmn:Association') && a.sourceRef === element) found.push(a);
    for (const child of scope.flowElements ?? []) if (is(child, 'bpmn:SubProcess')) walk(child);
  };
  walk(root);
  return found;
}

function boundaryEventsOf(activity: BpmnElement): BpmnElement[] {
  const scope = activity.$parent;
  return (scope?.flowElements ?? []).filter(
    (e) => is(e, 'bpmn:BoundaryEvent') && e.attachedToRef === activity,
  );
}

function checkBoundary(element: BpmnElement, report: Report): void {
  const handler = associationsFrom(element)
    .map((a) => a.targetRef)
    .find((target) => target?.isForCompensation);
  if (!handler || (element.outgoing ?? []).length > 0)
    report(
      element.id,
      'A compensation boundary event needs an association to its compensation handler (an isForCompensation activity) and no outgoing sequence flows.',
    );
}

function checkHandler(element: BpmnElement, report: Report): void {
  const isHandlerType =
    isAny(element, HANDLER_TYPES) ||
    element.$type === 'bpmn:Task' ||
    (element.$type === 'bpmn:SubProcess' && !element.triggeredByEvent);
  if (!isHandlerType) {
    report(element.id, 'A compensation handler must be a task, an embedded subprocess or a call activity.');
  } else if ((element.incoming ?? []).length > 0 || (element.outgoing ?? []).length > 0) {
    report(element.id, 'A compensation handler has no incoming or outgoing sequence flows.');
  } else if (boundaryEventsOf(element).length > 0) {
    report(element.id, 'A compensation handler has no boundary events.');
  }
}

/** The flow scope of an element: the process or subprocess that contains it. */
const scopeOf = (element: BpmnElement) => element.$parent;

function checkThrow(event: BpmnElement, definition: BpmnElement, report: Report): void {
  if (definition.waitForCompletion === false) {
    report(
      event.id,
      'A compensation throw event must wait for completion (waitForCompletion true or absent).',
    );
    return;
  }
  const activity = definition.activityRef;
  if (!activity) return;
  const compensable =
    boundaryEventsOf(activity).some((b) => compensationOf(b)) ||
    (activity.$type === 'bpmn:SubProcess' && !activity.triggeredByEvent);
  if (!compensable) {
    report(
      event.id,
      `The referenced compensation activity '${activity.id}' must have a compensation boundary event or be an embedded subprocess.`,
    );
    return;
  }
  // As Zeebe's validator: the throw's own scope, an event subprocess being one (its throws
  // without activityRef still reach the scope around it at run time).
  if (scopeOf(activity) !== scopeOf(event))
    report(
      event.id,
      `The referenced compensation activity '${activity.id}' must be in the same scope as the compensation throw event.`,
    );
}

export default engineRule('compensation', (element, report) => {
  if (is(element, 'bpmn:Activity') && element.isForCompensation) return checkHandler(element, report);
  const definition = is(element, 'bpmn:Event') ? compensationOf(element) : undefined;
  if (!definition) return;
  if (is(element, 'bpmn:BoundaryEvent')) return checkBoundary(element, report);
  if (isAny(element, ['bpmn:IntermediateThrowEvent', 'bpmn:EndEvent']))
    checkThrow(element, definition, report);
});
