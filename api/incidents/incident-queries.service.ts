import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import {
  Incident,
  instanceOfIncident,
  PROCESS_INSTANCE_WORKFLOW,
  retryIncidentUpdate,
  SEARCH_ATTRIBUTES,
  snapshotQuery,
} from '../../workflows/protocol';
import { conflict, notFound } from '../errors/domain-error';
import { visibilityLiteral } from '../temporal/instance-status';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

export type IncidentView = Incident & { instanceId: string; processId: string };

/**
 * Incidents live in their instance's state. Running instances with an unresolved incident
 * carry BpmnHasIncident = true, so listing asks visibility for those and reads each one's
 * snapshot: no projection to drift from the truth.
 */
@Injectable()
export class IncidentQueries {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async list(filter: { instanceId?: string; limit: number }): Promise<IncidentView[]> {
    const ids = filter.instanceId ? [filter.instanceId] : await this.instancesWithIncidents(filter.limit);
    const views = await Promise.all(ids.map((id) => this.incidentsOf(id).catch(() => [] as IncidentView[])));
    return views.flat().filter((i) => !i.resolved);
  }

  async retry(incidentId: string): Promise<{ incidentId: string; retried: boolean }> {
    const instanceId = instanceOfIncident(incidentId);
    if (!instanceId) throw notFound('INCIDENT.NOT_FOUND', `No incident ${incidentId}`);
    const incident = (await this.incidentsOf(instanceId).catch(() => [])).find(
      (i) => i.incidentId === incidentId,
    );
    if (!incident) throw notFound('INCIDENT.NOT_FOUND', `No incident ${incidentId}`);
    if (incident.resolved) throw conflict('INCIDENT.RESOLVED', `Incident ${incidentId} is already resolved`);
    try {
      return {
        incidentId,
        ...(await this.client.workflow
          .getHandle(instanceId)
          .executeUpdate(retryIncidentUpdate, { args: [{ incidentId }] })),
      };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError || error instanceof WorkflowUpdateFailedError) {
        throw conflict(
          'INCIDENT.NOT_RETRYABLE',
          (error.cause as Error | undefined)?.message ?? error.message,
        );
      }
      throw error;
    }
  }

  private async instancesWithIncidents(limit: number): Promise<string[]> {
    const query = [
      `WorkflowType = ${visibilityLiteral(PROCESS_INSTANCE_WORKFLOW)}`,
      `ExecutionStatus = 'Running'`,
      `${SEARCH_ATTRIBUTES.hasIncident.name} = true`,
    ].join(' AND ');
    const ids: string[] = [];
    for await (const execution of this.client.workflow.list({ query, pageSize: limit })) {
      ids.push(execution.workflowId);
      if (ids.length >= limit) break;
    }
    return ids;
  }

  private async incidentsOf(instanceId: string): Promise<IncidentView[]> {
    const snapshot = await this.client.workflow.getHandle(instanceId).query(snapshotQuery);
    return snapshot.incidents.map((i) => ({ ...i, instanceId, processId: snapshot.processId }));
  }
}
