/**
 * Commands that must reach a process instance after a database write: start it, or pass it a
 * message. Recorded in the outbox inside the domain transaction, delivered afterwards.
 */
import { createHash } from 'node:crypto';
import type { MessageSignal } from '../../workflows/protocol';
import type { StartInstanceRequest } from '../process-instances/start-instance.service';

export type InstanceCommand =
  | { kind: 'start'; workflowId: string; start: StartInstanceRequest & { version: number } }
  | { kind: 'message'; workflowId: string; message: MessageSignal };

/** The command's id, from its keys: one start per workflow id and key, one message per messageId. */
export function commandId(command: InstanceCommand, key?: string): string {
  return command.kind === 'start'
    ? startCommandId(command.workflowId, key)
    : messageCommandId(command.workflowId, command.message.messageId);
}

export const startCommandId = (workflowId: string, key?: string) => `start:${workflowId}:${key ?? ''}`;

export const messageCommandId = (workflowId: string, messageId: string) =>
  `message:${workflowId}:${messageId}`;

/** A UUID-shaped Temporal request id derived from the command id (Temporal deduplicates starts by it). */
export function temporalRequestId(id: string): string {
  const h = createHash('sha256').update(id).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
