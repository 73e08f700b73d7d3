import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import type { DataSource } from 'typeorm';
import type {
  InstanceDetailView,
  InstanceSummaryView,
  Page,
  TimelineItemView,
} from '../../history/history-views';
import { HistoryReads, type InstanceKey, type InstanceSearch } from '../../history/store-reads';
import { HistoryInstanceEntity } from '../../persistence/entities/history';
import type { QueryDefinition } from '@temporalio/common';
import { InstanceSnapshot, SEARCH_ATTRIBUTES, snapshotQuery, timelineQuery } from '../../workflows/protocol';
import { notFound } from '../errors/domain-error';
import { badCursor, openToken, sealToken } from '../paging/cursor';
import { TEMPORAL_CLIENT } from '../temporal/temporal.module';
import { withTimeout } from '../temporal/with-timeout';

export type InstanceSummary = InstanceSummaryView;

/** The list filter as the API takes it: the cursor is the sealed keyset position of the previous page. */
export type InstanceFilter = Omit<InstanceSearch, 'after'> & { cursor?: string };

const CURSOR_CODE = 'INSTANCE.BAD_CURSOR';
/**
 * How long a read may wait for a running execution to answer a query. A query needs a worker:
 * while the instance's worker is being replaced (it was killed) or its first workflow task has
 * not run, Temporal holds or refuses it, and the read answers from what it has instead.
 */
export const LIVE_QUERY_MS = 2000;

/**
 * Instances as the store (the exporter's system of record) knows them: lists, search, views
 * and timelines never fan out over Temporal, and outlive its retention. Only what the store
 * does not keep — a running instance's open message subscriptions — is asked of the execution.
 */
@Injectable()
export class InstanceQueries {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reads: HistoryReads,
  ) {}

  async get(instanceId: string): Promise<InstanceDetailView> {
    const row = await this.reads.find(instanceId);
    if (!row) return this.notExportedYet(instanceId);
    const detail = await this.reads.detail(row);
    return { ...detail, subscriptions: row.state === 'ACTIVE' ? await this.subscriptionsOf(instanceId) : [] };
  }

  async timeline(instanceId: string): Promise<TimelineItemView[]> {
    const row = await this.reads.find(instanceId);
    if (row) return this.reads.timeline(row);
    const live = await this.notExportedYet(instanceId);
    const entries = await this.live(instanceId, timelineQuery).catch(() => []);
    return entries.map((e) => ({ ...e, instanceId, processId: live.processId }));
  }

  /**
   * An instance started a moment ago may not be in the store yet (the exporter writes within
   * tens of milliseconds): its running execution answers, so a start is readable at once. Until
   * a worker has run its first step (or while its worker is replaced) the execution cannot
   * answer a query: then the instance is shown as Temporal describes it, running, no element yet.
   */
  private async notExportedYet(instanceId: string): Promise<InstanceDetailView> {
    const description = await this.describe(instanceId);
    if (description.status.name !== 'RUNNING')
      throw notFound('INSTANCE.NOT_FOUND', `No process instance ${instanceId} in the store`);
    const executionId = description.raw.workflowExecutionInfo?.firstRunId || description.runId;
    let s: InstanceSnapshot;
    try {
      s = await this.live(instanceId, snapshotQuery);
    } catch {
      return {
        instanceId,
        executionId,
        processId: description.typedSearchAttributes.get(SEARCH_ATTRIBUTES.processId) ?? '',
        version: description.typedSearchAttributes.get(SEARCH_ATTRIBUTES.version) ?? 0,
        businessKey: instanceId.slice(instanceId.indexOf('/') + 1),
        state: 'ACTIVE',
        startedAt: description.startTime.toISOString(),
        hasIncident: false,
        activeElements: [],
        completedElements: [],
        variables: {},
        truncatedVariables: [],
        incidents: [],
        openTasks: [],
        subscriptions: [],
        calledInstances: [],
      };
    }
    return {
      instanceId,
      executionId,
      processId: s.processId,
      version: s.version,
      businessKey: s.businessKey,
      state: s.state,
      startedAt: description.startTime.toISOString(),
      hasIncident: s.incidents.some((i) => !i.resolved),
      activeElements: s.activeElements,
      completedElements: s.completedElements,
      variables: s.variables,
      truncatedVariables: [],
      incidents: s.incidents.map((i) => ({ ...i, instanceId, processId: s.processId })),
      openTasks: s.openTasks,
      subscriptions: s.subscriptions,
      calledInstances: [],
    };
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

  /** Who cancelled an instance, on its store row (the audit entry is written by the caller). */
  async markCancelled(instanceId: string, user: string): Promise<HistoryInstanceEntity | null> {
    const row = await this.reads.find(instanceId);
    if (row)
      await this.dataSource
        .getRepository(HistoryInstanceEntity)
        .update({ executionId: row.executionId }, { cancelledBy: user });
    return row;
  }

  async list(filter: InstanceFilter): Promise<Page<InstanceSummaryView>> {
    const { cursor, ...search } = filter;
    const page = await this.reads.list({ ...search, after: cursor ? openKey(cursor) : undefined });
    return page.after ? { items: page.items, nextCursor: sealKey(page.after) } : { items: page.items };
  }

  private async subscriptionsOf(instanceId: string): Promise<InstanceDetailView['subscriptions']> {
    try {
      return (await this.live(instanceId, snapshotQuery)).subscriptions;
    } catch {
      return [];
    }
  }

  /** A query of the running execution, bounded by LIVE_QUERY_MS. */
  private live<T>(instanceId: string, query: QueryDefinition<T>): Promise<T> {
    return withTimeout(
      this.client.withDeadline(Date.now() + LIVE_QUERY_MS, () =>
        this.client.workflow.getHandle(instanceId).query(query),
      ),
      LIVE_QUERY_MS + 250,
      'the instance query',
    );
  }
}

/** A keyset position as a sealed cursor (a check tag: a cut, changed or made-up cursor is 400 at once). */
function sealKey(key: InstanceKey): string {
  return sealToken(Buffer.from(JSON.stringify([key.startedAt, key.executionId])));
}

function openKey(cursor: string): InstanceKey {
  let value: unknown;
  try {
    value = JSON.parse(openToken(cursor, CURSOR_CODE).toString('utf8'));
  } catch {
    throw badCursor(CURSOR_CODE);
  }
  if (
    !Array.isArray(value) ||
    value.length !== 2 ||
    value.some((v) => typeof v !== 'string') ||
    Number.isNaN(Date.parse(value[0] as string))
  )
    throw badCursor(CURSOR_CODE);
  return { startedAt: value[0] as string, executionId: value[1] as string };
}
