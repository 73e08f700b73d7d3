/**
 * Thrown errors and escalations are caught by code, so a throw needs a referenced error
 * (or escalation) with a code. Catch events may omit it: they then catch all.
 */
import { is, isAny } from '../../moddle';
import { engineRule } from '../engine-rule';

export default engineRule('throw-event-code', (element, report) => {
  if (!isAny(element, ['bpmn:EndEvent', 'bpmn:IntermediateThrowEvent'])) return;
  const definition = element.eventDefinitions?.[0];
  if (is(definition, 'bpmn:ErrorEventDefinition') && !definition?.errorRef?.errorCode?.trim()) {
    report(element.id, 'An error end event must reference an error with an error code.');
  }
  if (
    is(definition, 'bpmn:EscalationEventDefinition') &&
    !definition?.escalationRef?.escalationCode?.trim()
  ) {
    report(element.id, 'An escalation throw event must reference an escalation with an escalation code.');
  }
});
