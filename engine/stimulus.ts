/** Everything that can happen to an instance from outside the pure core. */
import type { Variables } from './state';

export interface BpmnErrorPayload {
  errorCode: string;
  errorMessage?: string;
  variables?: Variables;
}

export type Stimulus =
  | {
      type: 'start';
      instanceId: string;
      variables: Variables;
      startEventId?: string;
      propagateErrors?: boolean;
      /** Tells this run of the instance id from earlier ones (a reused business key): part of its task ids. */
      runKey?: string;
    }
  | { type: 'activityCompleted'; jobKey: string; variables?: Variables }
  /** The job threw a BPMN error: caught by a boundary / event subprocess or it becomes an incident. */
  | { type: 'activityError'; jobKey: string; error: BpmnErrorPayload }
  /** Retries exhausted (or a non-BPMN failure): an incident the operator resolves with incidentRetried. */
  | { type: 'activityFailed'; jobKey: string; message: string; incidentKind?: 'job-failed' | 'no-worker' }
  | { type: 'taskCompleted'; taskId: string; user: string; variables?: Variables }
  | { type: 'timerFired'; timerKey: string }
  /** `timeToLiveMs`: kept that long for a subscription that opens later (Zeebe's message TTL); without it an unmatched message is dropped. */
  | {
      type: 'message';
      name: string;
      correlationKey?: string;
      variables?: Variables;
      messageId: string;
      timeToLiveMs?: number;
    }
  /** A broadcast signal: triggers every open subscription of that name; `signalId` makes a redelivery a no-op. */
  | { type: 'signal'; name: string; variables?: Variables; signalId: string }
  | { type: 'childCompleted'; childKey: string; variables?: Variables }
  | { type: 'childFailed'; childKey: string; error?: BpmnErrorPayload; message: string }
  | { type: 'incidentRetried'; incidentId: string }
  | { type: 'cancel' };
