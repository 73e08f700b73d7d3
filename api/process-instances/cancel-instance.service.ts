import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { Brackets, DataSource } from 'typeorm';
import { recordExternalEnd } from '../../history/external-close';
import { UserTaskEntity } from '../../persistence/entities/user-task.entity';
import { AuditTrail } from '../audit/audit-trail.service';
import type { Principal } from '../auth/principal';
import { TEMPORAL_CLIENT } from '../temporal/temporal-client';
import { withTimeout } from '../temporal/with-timeout';
import { InstanceQueries } from './instance-queries.service';

/** How long a delivered cancellation may take to end the instance before it is terminated instead. */
export const CANCEL_GRACE_MS = 5000;

export interface CancelOutcome {
  instanceId: string;
  cancelRequested: true;
  /** cancelled: the instance ran its cancellation; terminated: it could not, so Temporal ended it; ended: it had ended already. */
  outcome: 'cancelled' | 'terminated' | 'ended';
  reason?: string;
}

/**
 * Cancel always takes effect. The instance is asked to cancel (it closes its open tasks and
 * jobs itself); when that does not end it within CANCEL_GRACE_MS — no worker runs it, or its
 * workflow task keeps failing — it is terminated with the reason, and its open task records
 * (and those of its called instances) are closed here as cancelled.
 */
@Injectable()
export class CancelInstanceService {
  private readonly logger = new Logger('CancelInstanceService');

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly queries: InstanceQueries,
    private readonly audit: AuditTrail,
  ) {}

  async cancel(instanceId: string, principal: Principal): Promise<CancelOutcome> {
    const outcome = await this.carryOut(instanceId, principal);
    if (outcome.outcome !== 'ended') {
      const row = await this.queries.markCancelled(instanceId, principal.user);
      await this.audit.record(principal.user, 'cancel', {
        instanceId,
        processId: row?.processId,
        details: { outcome: outcome.outcome },
      });
    }
    return outcome;
  }

  private async carryOut(instanceId: string, principal: Principal): Promise<CancelOutcome> {
    const description = await this.queries.describe(instanceId);
    if (description.status.name !== 'RUNNING') return { instanceId, cancelRequested: true, outcome: 'ended' };
    const handle = this.client.workflow.getHandle(instanceId);
    const started = Date.now();
    try {
      await withTimeout(handle.cancel(), CANCEL_GRACE_MS, 'the cancellation request');
    } catch (error) {
      if (error instanceof WorkflowNotFoundError)
        return { instanceId, cancelRequested: true, outcome: 'ended' };
      this.logger.warn(`cancel of ${instanceId} not delivered: ${(error as Error).message}`);
    }
    if (await this.endsWithin(instanceId, CANCEL_GRACE_MS - (Date.now() - started)))
      return { instanceId, cancelRequested: true, outcome: 'cancelled' };
    const reason = `cancelled by ${principal.user}: the instance did not end within ${CANCEL_GRACE_MS} ms of the cancellation (no worker ran it, or its workflow task keeps failing), so it was terminated`;
    try {
      await handle.terminate(reason);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
    await this.closeOpenTasks(instanceId);
    // The instance's exporter never ran its end: the store learns it here.
    await recordExternalEnd(this.dataSource, { instanceId }, 'TERMINATED', new Date().toISOString());
    return { instanceId, cancelRequested: true, outcome: 'terminated', reason };
  }

  private async endsWithin(instanceId: string, ms: number): Promise<boolean> {
    const deadline = Date.now() + Math.max(ms, 0);
    for (;;) {
      try {
        const { status } = await this.client.withDeadline(Date.now() + 1000, () =>
          this.client.workflow.getHandle(instanceId).describe(),
        );
        if (status.name !== 'RUNNING') return true;
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return true;
      }
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** The instance could not close its tasks itself; called instances' ids extend its own. */
  private async closeOpenTasks(instanceId: string): Promise<void> {
    const prefix = `${instanceId.replace(/[\\%_]/g, (c) => `\\${c}`)}/%`;
    await this.dataSource
      .getRepository(UserTaskEntity)
      .createQueryBuilder()
      .update()
      .set({ state: 'cancelled', completedAt: new Date().toISOString() })
      .where('state = :open', { open: 'open' })
      .andWhere(
        new Brackets((w) =>
          w
            .where('instanceId = :instanceId', { instanceId })
            .orWhere("instanceId LIKE :prefix ESCAPE '\\'", { prefix }),
        ),
      )
      .execute();
  }
}
