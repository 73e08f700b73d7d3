import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { isDeepStrictEqual } from 'node:util';
import { PROCESS_INSTANCE_WORKFLOW, SEARCH_ATTRIBUTES, snapshotQuery } from '../../workflows/protocol';
import { badRequest } from '../errors/domain-error';
import { LATEST_RUNS, statusClause, visibilityLiteral } from '../temporal/instance-status';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { BATCH_ITEMS_LIMIT, type BatchFilterDto } from './batch-operation.request.dto';

/**
 * Which instances a batch acts on. Until the system of record's instance search (issue 8)
 * serves the filter, it is answered from Temporal visibility (process, version, business
 * key, state) and, for variables and the active element, from each candidate's snapshot.
 */
@Injectable()
export class BatchSelection {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async select(filter: BatchFilterDto): Promise<string[]> {
    const clauses = [
      `WorkflowType = ${visibilityLiteral(PROCESS_INSTANCE_WORKFLOW)}`,
      LATEST_RUNS,
      statusClause(filter.state ?? 'ACTIVE'),
    ];
    if (filter.processId)
      clauses.push(`${SEARCH_ATTRIBUTES.processId.name} = ${visibilityLiteral(filter.processId)}`);
    if (filter.version !== undefined) clauses.push(`${SEARCH_ATTRIBUTES.version.name} = ${filter.version}`);
    if (filter.businessKey)
      clauses.push(`${SEARCH_ATTRIBUTES.businessKey.name} = ${visibilityLiteral(filter.businessKey)}`);
    const candidates: string[] = [];
    for await (const execution of this.client.workflow.list({
      query: clauses.join(' AND '),
      pageSize: 1000,
    })) {
      candidates.push(execution.workflowId);
      if (candidates.length > BATCH_ITEMS_LIMIT)
        throw badRequest('BATCH.TOO_MANY', `the filter selects more than ${BATCH_ITEMS_LIMIT} instances`);
    }
    if (!filter.variables && !filter.activeElementId) return candidates;
    const kept: string[] = [];
    for (let i = 0; i < candidates.length; i += 20) {
      const page = candidates.slice(i, i + 20);
      const matches = await Promise.all(page.map((id) => this.matches(id, filter)));
      kept.push(...page.filter((_, j) => matches[j]));
    }
    return kept;
  }

  private async matches(instanceId: string, filter: BatchFilterDto): Promise<boolean> {
    const snapshot = await this.client.workflow
      .getHandle(instanceId)
      .query(snapshotQuery)
      .catch(() => undefined);
    if (!snapshot) return false;
    if (filter.activeElementId && !snapshot.activeElements.includes(filter.activeElementId)) return false;
    return Object.entries(filter.variables ?? {}).every(([k, v]) =>
      isDeepStrictEqual(snapshot.variables[k], v),
    );
  }
}
