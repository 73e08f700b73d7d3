/**
 * Reading Temporal failures as BPMN outcomes: a non-retryable `BpmnError` ApplicationFailure
 * (from a job or a failed child instance) is a BPMN error; a cancellation is ignored (the
 * core already moved on); anything else ended the retries and becomes an incident.
 */
import { TimeoutType } from '@temporalio/common';
import { ApplicationFailure, isCancellation, TemporalFailure, TimeoutFailure } from '@temporalio/workflow';
import type { BpmnErrorPayload } from '../engine';
import { BPMN_ERROR_TYPE, type BpmnErrorDetails } from './protocol';

export type FailureOutcome =
  | { kind: 'cancelled' }
  | { kind: 'bpmnError'; error: BpmnErrorPayload }
  | { kind: 'failed'; message: string; noWorker?: boolean };

export function classifyFailure(err: unknown): FailureOutcome {
  if (isCancellation(err)) return { kind: 'cancelled' };
  for (let cause: unknown = err; cause; cause = cause instanceof TemporalFailure ? cause.cause : undefined) {
    if (cause instanceof ApplicationFailure && cause.type === BPMN_ERROR_TYPE) {
      const details = (cause.details?.[0] ?? {}) as Partial<BpmnErrorDetails>;
      return {
        kind: 'bpmnError',
        error: {
          errorCode: String(details.errorCode ?? cause.message),
          ...(details.errorMessage ? { errorMessage: details.errorMessage } : {}),
          ...(details.variables ? { variables: details.variables } : {}),
        },
      };
    }
  }
  if (noWorkerPolled(err))
    return {
      kind: 'failed',
      message: 'no worker took the job in time: is a worker polling its task queue?',
      noWorker: true,
    };
  return { kind: 'failed', message: rootMessage(err) };
}

/** A schedule-to-start timeout: the job sat on its task queue and no worker picked it up. */
function noWorkerPolled(err: unknown): boolean {
  for (let cause: unknown = err; cause instanceof TemporalFailure; cause = cause.cause) {
    if (cause instanceof TimeoutFailure && cause.timeoutType === TimeoutType.SCHEDULE_TO_START) return true;
  }
  return false;
}

function rootMessage(err: unknown): string {
  let message = err instanceof Error ? err.message : String(err);
  for (let cause: unknown = err; cause instanceof TemporalFailure; cause = cause.cause)
    if (cause.message) message = cause.message;
  return message;
}

/** How a child instance reports an uncaught BPMN error to its parent's call activity. */
export function bpmnErrorFailure(error: BpmnErrorPayload): ApplicationFailure {
  const details: BpmnErrorDetails = {
    errorCode: error.errorCode,
    ...(error.errorMessage ? { errorMessage: error.errorMessage } : {}),
    ...(error.variables ? { variables: error.variables } : {}),
  };
  return ApplicationFailure.create({
    message: `Uncaught BPMN error '${error.errorCode}'`,
    type: BPMN_ERROR_TYPE,
    nonRetryable: true,
    details: [details],
  });
}
