/**
 * A business rule task names its decision (zeebe:calledDecision decisionId and
 * resultVariable, binding latest, deployment or versionTag) or is a job for a worker
 * (zeebe:taskDefinition type), as Zeebe requires one of the two.
 */
import { extension, is } from '../../moddle';
import { ZEEBE, type CalledDecision, type TaskDefinition } from '../../zeebe';
import { engineRule } from '../engine-rule';

export const DECISION_BINDINGS = ['latest', 'deployment', 'versionTag'] as const;

export default engineRule('called-decision', (element, report) => {
  if (!is(element, 'bpmn:BusinessRuleTask')) return;
  const called = extension<CalledDecision>(element, ZEEBE.calledDecision);
  if (!called) {
    if (!extension<TaskDefinition>(element, ZEEBE.taskDefinition)?.type?.trim())
      report(
        element.id,
        'Missing decision: set zeebe:calledDecision decisionId and resultVariable (or zeebe:taskDefinition type for a job worker).',
      );
    return;
  }
  if (!called.decisionId?.trim())
    return report(element.id, 'Missing decision id: set zeebe:calledDecision decisionId.');
  if (!called.resultVariable?.trim())
    return report(element.id, 'Missing result variable: set zeebe:calledDecision resultVariable.');
  const binding = called.bindingType ?? 'latest';
  if (!(DECISION_BINDINGS as readonly string[]).includes(binding))
    return report(
      element.id,
      `Binding type "${binding}" is not supported (supported: ${DECISION_BINDINGS.join(', ')}).`,
    );
  if (binding === 'versionTag' && !called.versionTag?.trim())
    report(element.id, 'Binding type versionTag needs zeebe:calledDecision versionTag.');
});
