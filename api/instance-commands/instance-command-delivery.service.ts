import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import { AuditTrail } from '../audit/audit-trail.service';
import { DomainError } from '../errors/domain-error';
import { messageSignal } from '../../workflows/protocol';
import { StartInstanceService } from '../process-instances/start-instance.service';
import { SignalBroadcaster } from '../signals/signal-broadcaster.service';
import { EngineWorkers } from '../temporal/engine-workers';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { recordTaskCompletion, sendTaskCompletion } from '../tasks/task-completion-record';
import { TaskCompletionCommand, temporalRequestId } from './instance-command';
import type { InstanceCommandEntity } from '../../persistence/entities/instance-command.entity';

export type DeliveryOutcome =
  | { delivered: true; note?: string }
  /** instanceBusy: Temporal answered, but the instance did not take the command in time (its worker was killed). */
  | { delivered: false; rejected: boolean; error: string; instanceBusy?: boolean };

const GRPC_UNAVAILABLE = 14;

/** How long one delivery attempt may take before it counts as failed (Temporal down or frozen). */
export const DELIVERY_ATTEMPT_MS = 5_000;

/** Hands one recorded command to Temporal, idempotently (a repeated delivery changes nothing). */
@Injectable()
export class InstanceCommandDelivery {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly starter: StartInstanceService,
    private readonly signals: SignalBroadcaster,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditTrail,
    private readonly workers: EngineWorkers,
  ) {}

  async deliver(row: InstanceCommandEntity): Promise<DeliveryOutcome> {
    // A completion waits for a worker: while Temporal lists none, sending it would only park an
    // Update on the instance (and hold an RPC open); it stays pending until a worker polls.
    if (row.kind === 'complete-task') {
      const waiting = await this.noEngineWorker();
      if (waiting) return { delivered: false, rejected: false, error: waiting, instanceBusy: true };
    }
    try {
      await this.client.withDeadline(Date.now() + DELIVERY_ATTEMPT_MS, () => this.send(row));
      return { delivered: true };
    } catch (error) {
      // Another start already created this instance (without our request id): the command has its instance.
      if (error instanceof DomainError && error.code === 'INSTANCE.ALREADY_RUNNING')
        return { delivered: true, note: 'the instance was already running' };
      const message = messageOf(error);
      // The instance has ended or never existed, its definition is gone, or its input is above Temporal's limit: no retry can deliver it.
      if (
        error instanceof WorkflowNotFoundError ||
        // The instance refused the completion (task closed, not a candidate, variables over its limit).
        error instanceof WorkflowUpdateFailedError ||
        (error instanceof DomainError && (error.kind === 'not-found' || error.kind === 'payload-too-large'))
      )
        return { delivered: false, rejected: true, error: message };
      return {
        delivered: false,
        rejected: false,
        error: message,
        instanceBusy: row.kind === 'complete-task' && grpcCodeOf(error) !== GRPC_UNAVAILABLE,
      };
    }
  }

  private async noEngineWorker(): Promise<string | undefined> {
    try {
      const { livePollers } = await this.workers.status(1500);
      return livePollers === 0 ? 'no engine worker polls bpmn-engine' : undefined;
    } catch (error) {
      return `Temporal does not answer: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  private async send(row: InstanceCommandEntity): Promise<void> {
    const payload = row.payload as Record<string, never>;
    if (row.kind === 'start') {
      await this.starter.launch(payload.start, temporalRequestId(row.id));
      return;
    }
    if (row.kind === 'complete-task') {
      const completion = payload.completion as unknown as TaskCompletionCommand;
      const result = await sendTaskCompletion(this.client, row.workflowId, row.id, completion);
      await recordTaskCompletion(this.dataSource, this.audit, row.workflowId, completion, result);
      return;
    }
    if (row.kind === 'broadcast') {
      await this.signals.broadcast(payload.signal);
      return;
    }
    await this.client.workflow.getHandle(row.workflowId).signal(messageSignal, payload.message);
  }
}

function grpcCodeOf(error: unknown): number | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 3; i++) {
    if (typeof e.code === 'number') return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}

/** A refused Update says why in its cause (`TASK.NOT_OPEN: Task … is completed`). */
function messageOf(error: unknown): string {
  if (error instanceof WorkflowUpdateFailedError && error.cause) {
    const type = (error.cause as { type?: string }).type;
    return type ? `${type}: ${error.cause.message}` : error.cause.message;
  }
  return error instanceof Error ? error.message : String(error);
}
