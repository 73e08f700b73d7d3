/**
 * The business rule task's job (type DECISION_TASK_TYPE): loads the decision version its
 * binding names, evaluates it, records which version gave which result, and returns the
 * result variable. All of it is I/O, so it runs here and not in the workflow; the workflow's
 * history keeps the activity result, so a replay never evaluates again.
 */
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import { evaluateString } from '../../engine/feel';
import { DecisionEvaluationError, evaluateDecision } from '../../model/dmn/evaluate/evaluate-decision';
import {
  DECISION_TASK_TYPE,
  type BusinessRuleTaskNode,
  type CalledDecision,
} from '../../model/process-graph';
import { DecisionEvaluationEntity, ProcessDefinitionEntity } from '../../persistence/entities';
import type { JobInput } from '../../workflows/activity-contract';
import type { Variables } from '../../workflows/protocol';
import { describeBinding, findDecision, type DecisionBinding } from './decision-store';

/** Failure types of a decision job; each becomes an incident (the job has one attempt). */
export const DECISION_FAILURES = {
  notFound: 'DECISION.NOT_FOUND',
  evaluation: 'DECISION.EVALUATION_FAILED',
} as const;

export function createDecisionActivities(dataSource: DataSource) {
  return {
    async [DECISION_TASK_TYPE](input: JobInput): Promise<Variables> {
      const called = await calledDecisionOf(dataSource, input);
      const decisionId = called.decisionId.startsWith('=')
        ? evaluateString(called.decisionId, input.variables)
        : called.decisionId;
      const binding = bindingOf(called);
      const row = await findDecision(dataSource, decisionId, binding);
      if (!row)
        throw ApplicationFailure.nonRetryable(
          `no deployed ${describeBinding(decisionId, binding)}: deploy it, then retry the incident`,
          DECISION_FAILURES.notFound,
        );
      let evaluation;
      try {
        evaluation = evaluateDecision(row.graph, decisionId, input.variables);
      } catch (error) {
        if (!(error instanceof DecisionEvaluationError)) throw error;
        throw ApplicationFailure.nonRetryable(
          `${decisionId} version ${row.version}: ${error.message}`,
          DECISION_FAILURES.evaluation,
        );
      }
      // Keyed by job: a retried attempt overwrites its own record, never adds one.
      await dataSource.getRepository(DecisionEvaluationEntity).save({
        jobKey: input.jobKey,
        instanceId: input.instanceId,
        elementId: input.elementId,
        decisionId,
        decisionVersion: row.version,
        result: evaluation.result,
        evaluatedDecisions: evaluation.evaluatedDecisions,
        evaluatedAt: new Date(Context.current().info.currentAttemptScheduledTimestampMs).toISOString(),
      });
      return { [called.resultVariable]: evaluation.result };
    },
  };
}

async function calledDecisionOf(dataSource: DataSource, input: JobInput): Promise<CalledDecision> {
  const definition = await dataSource
    .getRepository(ProcessDefinitionEntity)
    .findOne({ where: { processId: input.processId, version: input.version } });
  const node = definition?.graph.nodes[input.elementId] as BusinessRuleTaskNode | undefined;
  if (!node?.calledDecision)
    throw ApplicationFailure.nonRetryable(
      `${input.processId} version ${input.version} has no called decision on ${input.elementId}`,
      DECISION_FAILURES.notFound,
    );
  return node.calledDecision;
}

function bindingOf(called: CalledDecision): DecisionBinding {
  if (called.binding === 'deployment' && called.deployedVersion !== undefined)
    return { binding: 'deployment', version: called.deployedVersion };
  if (called.binding === 'versionTag' && called.versionTag)
    return { binding: 'versionTag', versionTag: called.versionTag };
  return { binding: 'latest' };
}
