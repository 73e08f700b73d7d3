/**
 * Every read of the system of record, on SQLite and PostgreSQL alike: instance list and
 * search, instance detail, timeline with called instances, heatmap statistics with
 * durations, incidents. Plain TypeORM, no Nest: the API wraps it, bench:history times it.
 */
import { Brackets, type DataSource, In } from 'typeorm';
import type { InstanceStatus } from '../engine/state';
import {
  HistoryElementEntity,
  HistoryEventEntity,
  HistoryIncidentEntity,
  HistoryInstanceEntity,
  HistoryStatEntity,
  HistoryVariableEntity,
} from '../persistence/entities/history';
import { INSTANCE_ROW } from './element-stats';
import { UserTaskEntity } from '../persistence/entities/user-task.entity';
import type { ExportRecord } from './export-records';
import type {
  IncidentHistoryView,
  InstanceDetailView,
  InstanceSummaryView,
  ProcessStatisticsView,
  TimelineItemView,
} from './history-views';
import { searchKey } from './value-text';

export interface InstanceSearch {
  processId?: string;
  version?: number;
  state?: InstanceStatus;
  businessKey?: string;
  startedFrom?: string;
  startedTo?: string;
  endedFrom?: string;
  endedTo?: string;
  activeElement?: string;
  hasIncident?: boolean;
  /** Root-scope variables equal to a value (its text form: a string as is, anything else as JSON). */
  variables?: { name: string; value: string }[];
  limit: number;
  /** Keyset position: the page starts after this instance (the previous page's `after`). */
  after?: InstanceKey;
}

/** Where a page of the newest-first instance list ends. */
export interface InstanceKey {
  startedAt: string;
  executionId: string;
}

export interface InstancePage {
  items: InstanceSummaryView[];
  /** Present when more instances follow: pass it as `after` for the next page. */
  after?: InstanceKey;
}

export class HistoryReads {
  constructor(private readonly dataSource: DataSource) {}

  /** Newest first, keyset paging on (startedAt, executionId). */
  async list(q: InstanceSearch): Promise<InstancePage> {
    const qb = this.dataSource.getRepository(HistoryInstanceEntity).createQueryBuilder('i');
    if (q.processId) qb.andWhere('i.processId = :processId', { processId: q.processId });
    if (q.version !== undefined) qb.andWhere('i.version = :version', { version: q.version });
    if (q.state) qb.andWhere('i.state = :state', { state: q.state });
    if (q.businessKey) qb.andWhere('i.businessKey = :businessKey', { businessKey: q.businessKey });
    if (q.startedFrom) qb.andWhere('i.startedAt >= :startedFrom', { startedFrom: iso(q.startedFrom) });
    if (q.startedTo) qb.andWhere('i.startedAt <= :startedTo', { startedTo: iso(q.startedTo) });
    if (q.endedFrom) qb.andWhere('i.endedAt >= :endedFrom', { endedFrom: iso(q.endedFrom) });
    if (q.endedTo) qb.andWhere('i.endedAt <= :endedTo', { endedTo: iso(q.endedTo) });
    // A literal: better-sqlite3 binds no booleans, PostgreSQL compares no boolean with 1.
    if (q.hasIncident !== undefined) qb.andWhere(`i.hasIncident = ${q.hasIncident ? 'TRUE' : 'FALSE'}`);
    if (q.activeElement)
      qb.andWhere(
        `i.executionId IN (SELECT e."executionId" FROM history_element e WHERE e."elementId" = :activeElement AND e.state = 'active')`,
        { activeElement: q.activeElement },
      );
    (q.variables ?? []).forEach((v, n) =>
      qb.andWhere(
        `i.executionId IN (SELECT v${n}."executionId" FROM history_variable v${n} WHERE v${n}.name = :vn${n} AND v${n}."valueKey" = :vv${n} AND v${n}."scopeKey" = '0')`,
        { [`vn${n}`]: v.name, [`vv${n}`]: searchKey(v.value) },
      ),
    );
    if (q.after) {
      const { startedAt, executionId } = q.after;
      qb.andWhere(
        new Brackets((w) =>
          w
            .where('i.startedAt < :cs', { cs: startedAt })
            .orWhere('(i.startedAt = :cs AND i.executionId < :ce)', { cs: startedAt, ce: executionId }),
        ),
      );
    }
    const rows = await qb
      .orderBy('i.startedAt', 'DESC')
      .addOrderBy('i.executionId', 'DESC')
      .take(q.limit + 1)
      .getMany();
    const page = rows.slice(0, q.limit);
    const active = await this.activeElements(
      page.filter((r) => r.state === 'ACTIVE').map((r) => r.executionId),
    );
    const items = page.map((r) => summary(r, active.get(r.executionId) ?? []));
    const last = page[page.length - 1];
    return rows.length > q.limit
      ? { items, after: { startedAt: last.startedAt, executionId: last.executionId } }
      : { items };
  }

  /** The latest execution of an instance id (ids are reused once an instance ends). */
  async find(instanceId: string): Promise<HistoryInstanceEntity | null> {
    return this.dataSource
      .getRepository(HistoryInstanceEntity)
      .findOne({ where: { instanceId }, order: { startedAt: 'DESC' } });
  }

  async detail(row: HistoryInstanceEntity): Promise<Omit<InstanceDetailView, 'subscriptions'>> {
    const id = row.executionId;
    const [active, completed, variables, incidents, tasks, called] = await Promise.all([
      this.activeElements([id]),
      this.dataSource
        .getRepository(HistoryElementEntity)
        .createQueryBuilder('e')
        .select('e.elementId', 'elementId')
        .addSelect('COUNT(*)', 'count')
        .where('e.executionId = :id AND e.state = :s', { id, s: 'completed' })
        .groupBy('e.elementId')
        .getRawMany<{ elementId: string; count: string | number }>(),
      this.dataSource
        .getRepository(HistoryVariableEntity)
        .find({ where: { executionId: id, scopeKey: '0' } }),
      this.dataSource
        .getRepository(HistoryIncidentEntity)
        .find({ where: { executionId: id }, order: { createdAt: 'ASC' } }),
      row.state === 'ACTIVE'
        ? this.dataSource
            .getRepository(UserTaskEntity)
            .find({ where: { instanceId: row.instanceId, state: 'open' }, order: { createdAt: 'ASC' } })
        : Promise.resolve([]),
      this.dataSource
        .getRepository(HistoryInstanceEntity)
        .find({ where: { parentExecutionId: id }, order: { startedAt: 'ASC' } }),
    ]);
    const vars: Record<string, unknown> = {};
    const truncated: string[] = [];
    for (const v of variables.sort((a, b) => a.name.localeCompare(b.name))) {
      if (v.truncated) {
        truncated.push(v.name);
        vars[v.name] = v.value;
      } else vars[v.name] = JSON.parse(v.value);
    }
    return {
      ...summary(row, active.get(id) ?? []),
      completedElements: completed
        .map((c) => ({ elementId: c.elementId, count: Number(c.count) }))
        .sort((a, b) => a.elementId.localeCompare(b.elementId)),
      variables: vars,
      truncatedVariables: truncated,
      incidents: incidents.map(incidentView),
      openTasks: tasks.map((t) => ({
        taskId: t.taskId,
        elementId: t.elementId,
        ...(t.name ? { name: t.name } : {}),
        candidateGroups: t.candidateGroups,
        candidateUsers: t.candidateUsers,
        ...(t.assignee ? { assignee: t.assignee } : {}),
        ...(t.formId ? { formId: t.formId } : {}),
        ...(t.dueDate ? { dueDate: t.dueDate } : {}),
        ...(t.followUpDate ? { followUpDate: t.followUpDate } : {}),
        createdAt: t.createdAt,
      })),
      calledInstances: called.map((c) => ({
        instanceId: c.instanceId,
        processId: c.processId,
        version: c.version,
        state: c.state,
        startedAt: c.startedAt,
        ...(c.endedAt ? { closedAt: c.endedAt } : {}),
      })),
      ...(row.cancelledBy ? { cancelledBy: row.cancelledBy } : {}),
    };
  }

  /** The instance's timeline with those of the instances it called (recursively), in time order. */
  async timeline(row: HistoryInstanceEntity): Promise<TimelineItemView[]> {
    const executions = new Map<string, HistoryInstanceEntity>([[row.executionId, row]]);
    let frontier = [row.executionId];
    while (frontier.length > 0) {
      const children = await this.dataSource
        .getRepository(HistoryInstanceEntity)
        .find({ where: { parentExecutionId: In(frontier) } });
      frontier = children.filter((c) => !executions.has(c.executionId)).map((c) => c.executionId);
      for (const c of children) executions.set(c.executionId, c);
    }
    // Raw rows in key order per execution (no entity hydration: a long instance has thousands).
    const rows: { executionId: string; data: string; at: string; seq: number }[] = await this.dataSource
      .getRepository(HistoryEventEntity)
      .createQueryBuilder('e')
      .select(['e.executionId AS "executionId"', 'e.data AS data', 'e.at AS at', 'e.seq AS seq'])
      .where('e.executionId IN (:...ids) AND e.kind = :kind', {
        ids: [...executions.keys()],
        kind: 'timeline',
      })
      .orderBy('e.executionId')
      .addOrderBy('e.seq')
      .getRawMany();
    if (executions.size > 1)
      rows.sort((x, y) => (x.at < y.at ? -1 : x.at > y.at ? 1 : Number(x.seq) - Number(y.seq)));
    return rows.map((e) => {
      const record = JSON.parse(e.data) as Extract<ExportRecord, { kind: 'timeline' }>;
      const owner = executions.get(e.executionId)!;
      return {
        ...record.entry,
        instanceId: owner.instanceId,
        processId: owner.processId,
      };
    });
  }

  /** Heatmap over every instance of the process (version) in the store: counts and durations per element. */
  async statistics(processId: string, version?: number): Promise<ProcessStatisticsView> {
    const scope = version === undefined ? { processId } : { processId, version };
    const where =
      version === undefined ? 'processId = :processId' : 'processId = :processId AND version = :version';
    // The writer's counters (history/element-stats.ts): a few rows per version, not a GROUP BY
    // over every element instance.
    const counters = await this.dataSource.getRepository(HistoryStatEntity).find({ where: scope });
    const instances = { active: 0, completed: 0, terminated: 0, failed: 0 };
    const byElement = new Map<string, ProcessStatisticsView['elements'][number]>();
    const durations = new Map<string, { sum: number; count: number }>();
    for (const c of counters) {
      if (c.elementId === INSTANCE_ROW) {
        instances.active += c.active;
        instances.completed += c.completed;
        instances.terminated += c.terminated;
        instances.failed += c.failed;
        continue;
      }
      let s = byElement.get(c.elementId);
      if (!s)
        byElement.set(
          c.elementId,
          (s = { elementId: c.elementId, active: 0, completed: 0, instancesPassed: 0, terminated: 0 }),
        );
      s.active += c.active;
      s.completed += c.completed;
      s.terminated += c.terminated;
      s.instancesPassed += c.passed;
      const d = durations.get(c.elementId) ?? { sum: 0, count: 0 };
      d.sum += Number(c.durationSum);
      d.count += c.durationCount;
      durations.set(c.elementId, d);
    }
    for (const [elementId, s] of byElement)
      if (s.active + s.completed + s.terminated === 0) byElement.delete(elementId);
    const timedCompletions = new Map<string, number>();
    for (const [elementId, d] of durations)
      if (d.count > 0 && byElement.has(elementId)) {
        byElement.get(elementId)!.meanDurationMs = Math.round(d.sum / d.count);
        timedCompletions.set(elementId, d.count);
      }
    // p90: the duration at the 90th-percentile rank, read off the (process, element, state, duration) index.
    await Promise.all(
      [...timedCompletions].map(async ([elementId, n]) => {
        if (n === 0) return;
        const row = await this.dataSource
          .getRepository(HistoryElementEntity)
          .createQueryBuilder('e')
          .select('e.durationMs', 'd')
          .where(where.replace(/(processId|version) =/g, 'e.$1 ='), scope)
          .andWhere('e.elementId = :elementId AND e.state = :s AND e.durationMs IS NOT NULL', {
            elementId,
            s: 'completed',
          })
          .orderBy('e.durationMs', 'ASC')
          .offset(Math.ceil(0.9 * n) - 1)
          .limit(1)
          .getRawOne<{ d: unknown }>();
        if (row) byElement.get(elementId)!.p90DurationMs = Number(row.d);
      }),
    );
    return {
      processId,
      ...(version !== undefined ? { version } : {}),
      instances: instances.active + instances.completed + instances.terminated + instances.failed,
      running: instances.active,
      completedInstances: instances.completed,
      terminatedInstances: instances.terminated,
      failedInstances: instances.failed,
      elements: [...byElement.values()].sort((a, b) => a.elementId.localeCompare(b.elementId)),
    };
  }

  async incidents(filter: {
    instanceId?: string;
    state?: 'open' | 'resolved';
    limit: number;
  }): Promise<IncidentHistoryView[]> {
    const rows = await this.dataSource.getRepository(HistoryIncidentEntity).find({
      where: {
        ...(filter.instanceId ? { instanceId: filter.instanceId } : {}),
        ...(filter.state ? { state: filter.state } : {}),
      },
      order: { createdAt: 'DESC' },
      take: filter.limit,
    });
    return rows.map(incidentView);
  }

  async incident(incidentId: string): Promise<HistoryIncidentEntity | null> {
    return this.dataSource.getRepository(HistoryIncidentEntity).findOneBy({ incidentId });
  }

  private async activeElements(executionIds: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (executionIds.length === 0) return out;
    const rows = await this.dataSource
      .getRepository(HistoryElementEntity)
      .createQueryBuilder('e')
      .select('e.executionId', 'executionId')
      .addSelect('e.elementId', 'elementId')
      .where('e.executionId IN (:...ids) AND e.state = :s', { ids: executionIds, s: 'active' })
      .distinct(true)
      .getRawMany<{ executionId: string; elementId: string }>();
    for (const r of rows) out.set(r.executionId, [...(out.get(r.executionId) ?? []), r.elementId].sort());
    return out;
  }
}

function summary(r: HistoryInstanceEntity, activeElements: string[]): InstanceSummaryView {
  return {
    instanceId: r.instanceId,
    executionId: r.executionId,
    processId: r.processId,
    version: r.version,
    businessKey: r.businessKey,
    state: r.state,
    startedAt: r.startedAt,
    ...(r.endedAt ? { closedAt: r.endedAt } : {}),
    ...(r.durationMs != null ? { durationMs: Number(r.durationMs) } : {}),
    hasIncident: !!r.hasIncident,
    activeElements,
    ...(r.parentInstanceId ? { parentInstanceId: r.parentInstanceId } : {}),
  };
}

function incidentView(i: HistoryIncidentEntity): IncidentHistoryView {
  return {
    incidentId: i.incidentId,
    elementId: i.elementId,
    elementInstanceId: i.elementInstanceId,
    kind: i.kind as IncidentHistoryView['kind'],
    message: i.message,
    createdAt: i.createdAt,
    resolved: i.state === 'resolved',
    instanceId: i.instanceId,
    processId: i.processId,
    ...(i.resolvedAt ? { resolvedAt: i.resolvedAt } : {}),
    ...(i.resolvedBy ? { resolvedBy: i.resolvedBy } : {}),
  };
}

function iso(value: string): string {
  return new Date(value).toISOString();
}
