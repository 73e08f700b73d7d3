import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type { IncidentHistoryView } from '../../history/history-views';
import { HistoryReads } from '../../history/store-reads';
import { HistoryIncidentEntity } from '../../persistence/entities/history';
import { retryIncidentUpdate } from '../../workflows/protocol';
import { AuditTrail } from '../audit/audit-trail.service';
import type { Principal } from '../auth/principal';
import { conflict, notFound } from '../errors/domain-error';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

export type IncidentView = IncidentHistoryView;

/** Incidents from the store (the exporter writes them as they open and resolve); a retry goes to the instance. */
@Injectable()
export class IncidentQueries {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reads: HistoryReads,
    private readonly audit: AuditTrail,
  ) {}

  list(filter: { instanceId?: string; state?: 'open' | 'resolved'; limit: number }): Promise<IncidentView[]> {
    return this.reads.incidents({ ...filter, state: filter.state ?? 'open' });
  }

  async retry(incidentId: string, principal: Principal): Promise<{ incidentId: string; retried: boolean }> {
    const incident = await this.reads.incident(incidentId);
    if (!incident) throw notFound('INCIDENT.NOT_FOUND', `No incident ${incidentId}`);
    if (incident.state === 'resolved')
      throw conflict('INCIDENT.RESOLVED', `Incident ${incidentId} is already resolved`);
    let result: { retried: boolean };
    try {
      result = await this.client.workflow
        .getHandle(incident.instanceId)
        .executeUpdate(retryIncidentUpdate, { args: [{ incidentId }] });
    } catch (error) {
      if (error instanceof WorkflowNotFoundError || error instanceof WorkflowUpdateFailedError) {
        throw conflict(
          'INCIDENT.NOT_RETRYABLE',
          (error.cause as Error | undefined)?.message ?? error.message,
        );
      }
      throw error;
    }
    await this.dataSource
      .getRepository(HistoryIncidentEntity)
      .update({ incidentId }, { resolvedBy: principal.user });
    await this.audit.record(principal.user, 'retry', {
      instanceId: incident.instanceId,
      processId: incident.processId,
      subject: incidentId,
      details: { elementId: incident.elementId, kind: incident.kind },
    });
    return { incidentId, ...result };
  }
}
