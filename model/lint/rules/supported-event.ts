/**
 * Which event definitions this engine runs, by event position (see design.md, "Supported
 * subset"). Conditional and cancel events are not supported (yet); compensation only
 * where Zeebe has it (boundary, intermediate throw, end: no compensation event subprocess).
 */
import { is, type BpmnElement } from '../../moddle';
import { engineRule } from '../engine-rule';

export type Kind =
  | 'none'
  | 'message'
  | 'timer'
  | 'error'
  | 'escalation'
  | 'terminate'
  | 'link'
  | 'compensation'
  | 'signal'
  | 'other';

const KIND_BY_TYPE: Record<string, Kind> = {
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:EscalationEventDefinition': 'escalation',
  'bpmn:TerminateEventDefinition': 'terminate',
  'bpmn:LinkEventDefinition': 'link',
  'bpmn:CompensateEventDefinition': 'compensation',
  'bpmn:SignalEventDefinition': 'signal',
};

/** Where an event stands; the coverage table in docs/coverage.md has one column per position. */
export type EventPosition =
  | 'start'
  | 'subprocess start'
  | 'event subprocess start'
  | 'intermediate catch'
  | 'intermediate throw'
  | 'boundary'
  | 'end';

/** The event definitions this engine runs, per position (docs/coverage.md is checked against it). */
export const EVENT_SUPPORT: Readonly<Record<EventPosition, readonly Kind[]>> = {
  start: ['none', 'message', 'timer', 'signal'],
  'subprocess start': ['none'],
  'event subprocess start': ['message', 'timer', 'error', 'escalation', 'signal'],
  'intermediate catch': ['timer', 'message', 'link', 'signal'],
  'intermediate throw': ['none', 'escalation', 'message', 'link', 'compensation', 'signal'],
  boundary: ['timer', 'message', 'error', 'escalation', 'compensation', 'signal'],
  end: ['none', 'terminate', 'error', 'escalation', 'message', 'compensation', 'signal'],
};

function positionOf(event: BpmnElement): EventPosition | undefined {
  if (is(event, 'bpmn:StartEvent')) {
    const scope = event.$parent;
    if (is(scope, 'bpmn:SubProcess') && scope?.triggeredByEvent) return 'event subprocess start';
    if (is(scope, 'bpmn:SubProcess')) return 'subprocess start';
    return 'start';
  }
  if (is(event, 'bpmn:EndEvent')) return 'end';
  if (is(event, 'bpmn:IntermediateCatchEvent')) return 'intermediate catch';
  if (is(event, 'bpmn:IntermediateThrowEvent')) return 'intermediate throw';
  if (is(event, 'bpmn:BoundaryEvent')) return 'boundary';
  return undefined;
}

function allowedKinds(event: BpmnElement): readonly Kind[] {
  const position = positionOf(event);
  return position ? EVENT_SUPPORT[position] : [];
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
