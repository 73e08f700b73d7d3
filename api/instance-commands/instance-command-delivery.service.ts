import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { DomainError } from '../errors/domain-error';
import { messageSignal } from '../../workflows/protocol';
import { StartInstanceService } from '../process-instances/start-instance.service';
import { SignalBroadcaster } from '../signals/signal-broadcaster.service';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { temporalRequestId } from './instance-command';
import type { InstanceCommandEntity } from '../../persistence/entities/instance-command.entity';

export type DeliveryOutcome =
  { delivered: true; note?: string } | { delivered: false; rejected: boolean; error: string };

/** How long one delivery attempt may take before it counts as failed (Temporal down or frozen). */
export const DELIVERY_ATTEMPT_MS = 5_000;

/** Hands one recorded command to Temporal, idempotently (a repeated delivery changes nothing). */
@Injectable()
export class InstanceCommandDelivery {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    private readonly starter: StartInstanceService,
    private readonly signals: SignalBroadcaster,
  ) {}

  async deliver(row: InstanceCommandEntity): Promise<DeliveryOutcome> {
    try {
      await this.client.withDeadline(Date.now() + DELIVERY_ATTEMPT_MS, () => this.send(row));
      return { delivered: true };
    } catch (error) {
      // Another start already created this instance (without our request id): the command has its instance.
      if (error instanceof DomainError && error.code === 'INSTANCE.ALREADY_RUNNING')
        return { delivered: true, note: 'the instance was already running' };
      const message = error instanceof Error ? error.message : String(error);
      // The instance has ended or never existed, its definition is gone, or its input is above Temporal's limit: no retry can deliver it.
      if (
        error instanceof WorkflowNotFoundError ||
        (error instanceof DomainError && (error.kind === 'not-found' || error.kind === 'payload-too-large'))
      )
        return { delivered: false, rejected: true, error: message };
      return { delivered: false, rejected: false, error: message };
    }
  }

  private async send(row: InstanceCommandEntity): Promise<void> {
    const payload = row.payload as Record<string, never>;
    if (row.kind === 'start') {
      await this.starter.launch(payload.start, temporalRequestId(row.id));
      return;
    }
    if (row.kind === 'broadcast') {
      await this.signals.broadcast(payload.signal);
      return;
    }
    await this.client.workflow.getHandle(row.workflowId).signal(messageSignal, payload.message);
  }
}
