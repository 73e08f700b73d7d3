/**
 * Business rule tasks: zeebe:calledDecision becomes a job of the reserved decision type,
 * which the engine's own activity serves; zeebe:taskDefinition (the job worker variant of
 * Camunda 8) stays a job for an external worker.
 */
import { extension } from '../moddle';
import { DECISION_TASK_TYPE, type CalledDecision } from '../process-graph';
import { ZEEBE, type CalledDecision as ZeebeCalledDecision } from '../zeebe';
import type { HandlerMap } from './context';
import { headersOf, jobWorker } from './tasks';

export const businessRuleTaskHandlers: HandlerMap = {
  'bpmn:BusinessRuleTask': (element) => {
    const called = extension<ZeebeCalledDecision>(element, ZEEBE.calledDecision);
    if (!called) return { kind: 'businessRuleTask', ...jobWorker(element) };
    const binding = (called.bindingType ?? 'latest') as CalledDecision['binding'];
    const calledDecision: CalledDecision = {
      decisionId: called.decisionId?.trim() ?? '',
      resultVariable: called.resultVariable?.trim() ?? '',
      binding,
      ...(binding === 'versionTag' && called.versionTag ? { versionTag: called.versionTag.trim() } : {}),
    };
    return {
      kind: 'businessRuleTask',
      taskType: DECISION_TASK_TYPE,
      retries: '1',
      headers: headersOf(element),
      calledDecision,
    };
  },
};
