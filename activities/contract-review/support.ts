/** What every contract-review activity needs: the job input, workflow-consistent time, BPMN errors. */
import { ApplicationFailure, Context } from '@temporalio/activity';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../../config/app-config';
import type { JobInput } from '../../workflows/activity-contract';
import { BPMN_ERROR_TYPE, type BpmnErrorDetails, type Variables } from '../../workflows/protocol';
import { localDate } from './domain/dates';

export type { JobInput };
export type JobResult = Promise<Variables | undefined | void>;
export type JobHandler = (input: JobInput) => JobResult;

export interface ContractReviewDeps {
  dataSource: DataSource;
  config: Pick<AppConfig, 'plantTimeZone'>;
}

/**
 * The time the activity was scheduled, in the server's clock: the time-skipping test server
 * and replays agree with workflow time, which Date.now() in the worker would not.
 */
export function activityNow(): number {
  try {
    return Context.current().info.currentAttemptScheduledTimestampMs;
  } catch {
    return Date.now();
  }
}

export function nowIso(): string {
  return new Date(activityNow()).toISOString();
}

export function today(deps: ContractReviewDeps): string {
  return localDate(activityNow(), deps.config.plantTimeZone);
}

/** A BPMN error the diagram catches with an error boundary event (non-retryable by definition). */
export function bpmnError(
  errorCode: string,
  errorMessage: string,
  variables?: Variables,
): ApplicationFailure {
  const details: BpmnErrorDetails = { errorCode, errorMessage, variables };
  return ApplicationFailure.create({
    type: BPMN_ERROR_TYPE,
    message: errorMessage,
    nonRetryable: true,
    details: [details],
  });
}

/** A failure no retry can fix (bad data in the instance): an incident, not a retry storm. */
export function badInput(message: string): ApplicationFailure {
  return ApplicationFailure.create({ type: 'ContractReviewInputError', message, nonRetryable: true });
}

export function str(vars: Variables, name: string): string {
  const value = vars[name];
  if (typeof value !== 'string' || !value) throw badInput(`variable ${name} is missing`);
  return value;
}

export function optStr(vars: Variables, name: string): string | null {
  const value = vars[name];
  return typeof value === 'string' && value.trim() ? value : null;
}
