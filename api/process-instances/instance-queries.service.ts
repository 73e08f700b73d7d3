import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { executionInfoFromRaw } from '@temporalio/client/lib/helpers';
import {
  businessKeyAttribute,
  fromSearchKeyword,
  InstanceSnapshot,
  InstanceState,
  PROCESS_INSTANCE_WORKFLOW,
  SEARCH_ATTRIBUTES,
  snapshotQuery,
  TimelineEntry,
  timelineQuery,
} from '../../workflows/protocol';
import { notFound } from '../errors/domain-error';
import { badCursor, openToken, sealToken } from '../paging/cursor';
import { instanceStateOf, LATEST_RUNS, statusClause, visibilityLiteral } from '../temporal/instance-status';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';

const decodedKeyword = (value: string | undefined) =>
  value === undefined ? undefined : fromSearchKeyword(value);

export interface InstanceSummary {
  instanceId: string;
  processId?: string;
  version?: number;
  businessKey?: string;
  state: InstanceState;
  startedAt: string;
  closedAt?: string;
  /** Elements holding a token now, read from each running instance's snapshot (empty once closed). */
  activeElements: string[];
}

export interface InstanceFilter {
  processId?: string;
  state?: InstanceState;
  businessKey?: string;
  limit: number;
  cursor?: string;
}

/**
 * Reads instances from Temporal itself: listing through visibility (search attributes), the
 * live state and timeline through the interpreter's queries. No second copy to keep in sync.
 */
@Injectable()
export class InstanceQueries {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async get(
    instanceId: string,
  ): Promise<InstanceSnapshot & { instanceId: string; startedAt: string; closedAt?: string }> {
    const handle = this.client.workflow.getHandle(instanceId);
    const description = await this.describe(instanceId);
    const snapshot = await handle.query(snapshotQuery);
    const executionState = instanceStateOf(description.status.name);
    return {
      instanceId,
      ...snapshot,
      // A terminated or failed execution overrides what the interpreter last knew.
      state: executionState === 'ACTIVE' || executionState === 'COMPLETED' ? snapshot.state : executionState,
      startedAt: description.startTime.toISOString(),
      closedAt: description.closeTime?.toISOString(),
    };
  }

  async timeline(instanceId: string): Promise<TimelineEntry[]> {
    await this.describe(instanceId);
    return this.client.workflow.getHandle(instanceId).query(timelineQuery);
  }

  async list(filter: InstanceFilter): Promise<{ items: InstanceSummary[]; nextCursor?: string }> {
    const clauses = [`WorkflowType = ${visibilityLiteral(PROCESS_INSTANCE_WORKFLOW)}`, LATEST_RUNS];
    if (filter.processId)
      clauses.push(`${SEARCH_ATTRIBUTES.processId.name} = ${visibilityLiteral(filter.processId)}`);
    if (filter.businessKey)
      clauses.push(
        `${SEARCH_ATTRIBUTES.businessKey.name} = ${visibilityLiteral(businessKeyAttribute(filter.businessKey))}`,
      );
    if (filter.state) clauses.push(statusClause(filter.state));
    const nextPageToken = filter.cursor ? openToken(filter.cursor, 'INSTANCE.BAD_CURSOR') : undefined;
    const request = {
      namespace: this.client.options.namespace,
      pageSize: filter.limit,
      query: clauses.join(' AND '),
    };
    const response = await this.client.workflowService
      .listWorkflowExecutions({ ...request, nextPageToken })
      .catch(async (error: unknown) => {
        if (!nextPageToken) throw error;
        // Temporal fails on a page token it did not issue (how depends on the store): if the
        // same query without it succeeds, the cursor was the problem.
        await this.client.workflowService.listWorkflowExecutions({ ...request, pageSize: 1 }).catch(() => {
          throw error;
        });
        throw badCursor('INSTANCE.BAD_CURSOR');
      });
    const items = await Promise.all(
      response.executions.map(async (raw) => {
        const info = await executionInfoFromRaw(
          raw,
          this.client.options.loadedDataConverter,
          raw,
          this.client.options.namespace,
        );
        const attrs = info.typedSearchAttributes;
        return {
          instanceId: info.workflowId,
          processId: attrs.get(SEARCH_ATTRIBUTES.processId),
          version: attrs.get(SEARCH_ATTRIBUTES.version),
          businessKey: decodedKeyword(attrs.get(SEARCH_ATTRIBUTES.businessKey)),
          state: instanceStateOf(info.status.name),
          startedAt: info.startTime.toISOString(),
          closedAt: info.closeTime?.toISOString(),
          activeElements: info.status.name === 'RUNNING' ? await this.activeElementsOf(info.workflowId) : [],
        } satisfies InstanceSummary;
      }),
    );
    const token = response.nextPageToken;
    return {
      items,
      nextCursor: token && token.length ? sealToken(token) : undefined,
    };
  }

  /** The page's running instances answer from the worker's cache; a failed query leaves the step unknown. */
  private async activeElementsOf(instanceId: string): Promise<string[]> {
    try {
      return (await this.client.workflow.getHandle(instanceId).query(snapshotQuery)).activeElements;
    } catch {
      return [];
    }
  }

  async describe(instanceId: string) {
    try {
      return await this.client.workflow.getHandle(instanceId).describe();
    } catch (error) {
      if (error instanceof WorkflowNotFoundError)
        throw notFound('INSTANCE.NOT_FOUND', `No process instance ${instanceId}`);
      throw error;
    }
  }
}
