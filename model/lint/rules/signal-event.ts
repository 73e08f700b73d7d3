/**
 * A signal event reaches its subscribers by name, so it must reference a signal with one
 * (Zeebe: "Must reference a signal", "signal name must be present"). A FEEL name must parse;
 * a process-level signal start is subscribed at deploy, so its name is static, and two signal
 * starts of one process or event-subprocess scope may not share a name.
 */
import { is, isAny, type BpmnElement } from '../../moddle';
import { feelSyntaxError } from '../../feel-syntax';
import { engineRule } from '../engine-rule';

function signalOf(element: BpmnElement): BpmnElement | undefined {
  const definition = element.eventDefinitions?.[0];
  return is(definition, 'bpmn:SignalEventDefinition') ? definition : undefined;
}

function isProcessStart(element: BpmnElement): boolean {
  return is(element, 'bpmn:StartEvent') && is(element.$parent, 'bpmn:Process');
}

/** Signal starts of the same process (process-level starts) with the same name, other than this one. */
function sameNamedStarts(element: BpmnElement, name: string): BpmnElement[] {
  const siblings: BpmnElement[] = element.$parent?.flowElements ?? [];
  return siblings.filter(
    (other) =>
      other !== element && is(other, 'bpmn:StartEvent') && signalOf(other)?.signalRef?.name?.trim() === name,
  );
}

export default engineRule('signal-event', (element, report) => {
  if (
    !isAny(element, [
      'bpmn:StartEvent',
      'bpmn:IntermediateCatchEvent',
      'bpmn:IntermediateThrowEvent',
      'bpmn:BoundaryEvent',
      'bpmn:EndEvent',
    ])
  )
    return;
  const definition = signalOf(element);
  if (!definition) return;
  const name = definition.signalRef?.name?.trim();
  if (!name) {
    report(element.id, 'Missing signal: reference a signal with a name.');
    return;
  }
  if (name.startsWith('=')) {
    if (isProcessStart(element)) {
      report(element.id, `A signal start event needs a static signal name, not the expression "${name}".`);
      return;
    }
    const error = feelSyntaxError(name);
    if (error) report(element.id, `Invalid FEEL in the name of signal "${name}": ${error}.`);
    return;
  }
  if (isProcessStart(element) && sameNamedStarts(element, name).length > 0)
    report(element.id, `Several signal start events of this process listen for signal "${name}".`);
});
