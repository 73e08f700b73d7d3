/**
 * Commands that must reach a process instance after a database write: start it, or pass it a
 * message. Recorded in the outbox inside the domain transaction, delivered afterwards.
 */
import { createHash } from 'node:crypto';
import type { MessageSignal, SignalBroadcast } from '../../workflows/protocol';
import type { StartInstanceRequest } from '../process-instances/start-instance.service';

export type InstanceCommand =
  | { kind: 'start'; workflowId: string; start: StartInstanceRequest & { version: number } }
  | { kind: 'message'; workflowId: string; message: MessageSignal }
  /** Not for one instance: the delivery finds the waiting instances and the processes it starts (api/signals/). */
  | { kind: 'broadcast'; workflowId: ''; signal: SignalBroadcast };

/** The command's id, from its keys: one start per workflow id and key, one message per messageId. */
export function commandId(command: InstanceCommand, key?: string): string {
  if (command.kind === 'broadcast') return `broadcast:${command.signal.signalId}`;
  return command.kind === 'start'
    ? startCommandId(command.workflowId, key)
    : messageCommandId(command.workflowId, command.message.messageId);
}

export const startCommandId = (workflowId: string, key?: string) => `start:${workflowId}:${key ?? ''}`;

export const messageCommandId = (workflowId: string, messageId: string) =>
  `message:${workflowId}:${messageId}`;

/** What the outbox row carries for the command. */
export function payloadOf(command: InstanceCommand): Record<string, object> {
  if (command.kind === 'start') return { start: command.start };
  return command.kind === 'message' ? { message: command.message } : { signal: command.signal };
}

/** A UUID-shaped Temporal request id derived from the command id (Temporal deduplicates starts by it). */
export function temporalRequestId(id: string): string {
  const h = createHash('sha256').update(id).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`;
}
