/**
 * Commands that must reach a process instance after a database write: start it, or pass it a
 * message. Recorded in the outbox inside the domain transaction, delivered afterwards.
 */
import { createHash } from 'node:crypto';
import type { CompleteTaskRequest, MessageSignal, SignalBroadcast } from '../../workflows/protocol';
import { fingerprint } from './idempotent-requests.service';
import type { StartInstanceRequest } from '../process-instances/start-instance.service';

export type InstanceCommand =
  | { kind: 'start'; workflowId: string; start: StartInstanceRequest & { version: number } }
  | { kind: 'message'; workflowId: string; message: MessageSignal }
  /** Not for one instance: the delivery finds the waiting instances and the processes it starts (api/signals/). */
  | { kind: 'broadcast'; workflowId: ''; signal: SignalBroadcast }
  /** A user task completion (api/tasks/): the completeTask Update, sent with the command id as its update id. */
  | { kind: 'complete-task'; workflowId: string; completion: TaskCompletionCommand };

/** What a completion command carries: the Update's argument and what the audit entry names. */
export interface TaskCompletionCommand {
  request: CompleteTaskRequest;
  processId: string;
  elementId: string;
  name?: string;
  requestedAt: string;
  /**
   * How often the same request came again after the instance refused it: each round is a new
   * Temporal update id, since Temporal answers a refused (e.g. denied by a listener) update id
   * with its old outcome.
   */
  round?: number;
}

/** The command's id, from its keys: one start per workflow id and key, one message per messageId. */
export function commandId(command: InstanceCommand, key?: string): string {
  if (command.kind === 'broadcast') return `broadcast:${command.signal.signalId}`;
  if (command.kind === 'complete-task') return completionCommandId(command.completion.request);
  return command.kind === 'start'
    ? startCommandId(command.workflowId, key)
    : messageCommandId(command.workflowId, command.message.messageId);
}

export const startCommandId = (workflowId: string, key?: string) => `start:${workflowId}:${key ?? ''}`;

export const messageCommandId = (workflowId: string, messageId: string) =>
  `message:${workflowId}:${messageId}`;

/** One command per task, user and variables: the same request again is the same command, a different one is another. */
export const completionCommandId = (request: CompleteTaskRequest) =>
  `complete:${request.taskId}:${fingerprint({ user: request.user, variables: request.variables }).slice(0, 24)}`;

/** What the outbox row carries for the command. */
export function payloadOf(command: InstanceCommand): Record<string, object> {
  if (command.kind === 'start') return { start: command.start };
  if (command.kind === 'complete-task') return { completion: command.completion };
  return command.kind === 'message' ? { message: command.message } : { signal: command.signal };
}

/** A UUID-shaped Temporal request id derived from the command id (Temporal deduplicates starts by it). */
export function temporalRequestId(id: string): string {
  const h = createHash('sha256').update(id).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
