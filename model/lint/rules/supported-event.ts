/**
 * Which event definitions this engine runs, by event position (see design.md, "Supported
 * subset"). Signal, conditional, link, compensation and cancel events are never supported.
 */
import { is, type BpmnElement } from '../../moddle';
import { engineRule } from '../engine-rule';

type Kind = 'none' | 'message' | 'timer' | 'error' | 'escalation' | 'terminate' | 'other';

const KIND_BY_TYPE: Record<string, Kind> = {
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:EscalationEventDefinition': 'escalation',
  'bpmn:TerminateEventDefinition': 'terminate',
};

function allowedKinds(event: BpmnElement): readonly Kind[] {
  if (is(event, 'bpmn:StartEvent')) {
    const scope = event.$parent;
    if (is(scope, 'bpmn:SubProcess') && scope?.triggeredByEvent)
      return ['message', 'timer', 'error', 'escalation'];
    if (is(scope, 'bpmn:SubProcess')) return ['none'];
    return ['none', 'message', 'timer'];
  }
  if (is(event, 'bpmn:EndEvent')) return ['none', 'terminate', 'error', 'escalation', 'message'];
  if (is(event, 'bpmn:IntermediateCatchEvent')) return ['timer', 'message'];
  if (is(event, 'bpmn:IntermediateThrowEvent')) return ['none', 'escalation', 'message'];
  if (is(event, 'bpmn:BoundaryEvent')) return ['timer', 'message', 'error', 'escalation'];
  return [];
}

export default engineRule('supported-event', (element, report) => {
  if (!is(element, 'bpmn:Event')) return;
  const definitions = element.eventDefinitions ?? [];
  // bpmnlint's single-event-definition reports multiple definitions; judge the first here.
  const kind: Kind = definitions.length === 0 ? 'none' : (KIND_BY_TYPE[definitions[0].$type] ?? 'other');
  const label =
    kind === 'other' ? definitions[0].$type.replace(/^bpmn:|EventDefinition$/g, '').toLowerCase() : kind;
  const allowed = allowedKinds(element);
  if (!allowed.includes(kind)) {
    report(
      element.id,
      `A ${label} ${describe(element)} is not supported here (supported: ${allowed.join(', ')}).`,
    );
    return;
  }
  if (kind === 'error' && is(element, 'bpmn:BoundaryEvent') && element.cancelActivity === false) {
    report(element.id, 'An error boundary event is always interrupting.');
  }
});

function describe(event: BpmnElement): string {
  return event.$type
    .replace(/^bpmn:/, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
}
