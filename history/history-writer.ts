/**
 * The exporter's writing half: applies export batches to the store, idempotently. A record
 * is new when its (execution, seq) is not in `history_event` yet; only new records are
 * projected onto instances, element instances, variables and incidents, so a batch
 * delivered twice (replay, reconciler, retry after a failed write) changes nothing.
 */
import type { DataSource, EntityManager } from 'typeorm';
import { In } from 'typeorm';
import {
  HistoryElementEntity,
  HistoryEventEntity,
  HistoryIncidentEntity,
  HistoryInstanceEntity,
  HistoryVariableEntity,
} from '../persistence/entities/history';
import type { ExportBatch, ExportedInstance, ExportRecord } from './export-records';
import { addStatDifference, instanceTally, merged, tallyExecution } from './element-stats';
import { storedValue } from './value-text';

export interface WriteOutcome {
  /** Records written (new) and ignored (already stored). */
  written: number;
  ignored: number;
}

export class HistoryWriter {
  /** Milliseconds from each written batch's workflow time to its commit (the exporter's lag), newest last. */
  readonly lags: number[] = [];

  constructor(private readonly dataSource: DataSource) {}

  /** The database is closed: nothing more can be written (the reconciler fills in after a restart). */
  get closed(): boolean {
    return !this.dataSource.isInitialized;
  }

  async write(batches: readonly ExportBatch[]): Promise<WriteOutcome> {
    if (batches.length === 0) return { written: 0, ignored: 0 };
    const byExecution = new Map<string, ExportBatch[]>();
    for (const b of batches) {
      const list = byExecution.get(b.instance.executionId) ?? [];
      list.push(b);
      byExecution.set(b.instance.executionId, list);
    }
    const outcome = { written: 0, ignored: 0 };
    await this.dataSource.transaction(async (m) => {
      for (const list of byExecution.values()) {
        const r = await this.writeExecution(m, list);
        outcome.written += r.written;
        outcome.ignored += r.ignored;
      }
    });
    const now = Date.now();
    for (const b of batches) this.lags.push(now - Date.parse(b.at));
    if (this.lags.length > 100_000) this.lags.splice(0, this.lags.length - 100_000);
    return outcome;
  }

  private async writeExecution(m: EntityManager, batches: ExportBatch[]): Promise<WriteOutcome> {
    const header = batches[batches.length - 1].instance;
    const all = batches.flatMap((b) => b.records.map((record) => ({ record, at: b.at })));
    const instance = await this.ensureInstance(m, header, batches[0].at);
    // Records past the last one written are new (a worker delivers an execution's batches in
    // order); only those at or below it need a look at what is stored (replays, gap fills).
    const maybeStored = all.map((r) => r.record.seq).filter((seq) => seq <= instance.lastSeq);
    const existing = new Set<number>();
    if (maybeStored.length > 0) {
      const rows: { seq: number }[] = await m
        .getRepository(HistoryEventEntity)
        .createQueryBuilder('e')
        .select('e.seq', 'seq')
        .where('e.executionId = :id AND e.seq BETWEEN :lo AND :hi', {
          id: header.executionId,
          lo: Math.min(...maybeStored),
          hi: Math.max(...maybeStored),
        })
        .getRawMany();
      for (const row of rows) existing.add(Number(row.seq));
    }
    const seen = new Set<number>();
    const unique = all
      .filter((r) => !existing.has(r.record.seq) && !seen.has(r.record.seq) && seen.add(r.record.seq))
      .sort((a, b) => a.record.seq - b.record.seq);
    if (unique.length === 0) return { written: 0, ignored: all.length };
    const events = unique.map(({ record, at }) => eventRow(header.executionId, record, at));
    for (let i = 0; i < events.length; i += 100)
      await m.getRepository(HistoryEventEntity).insert(events.slice(i, i + 100));
    const stateBefore = instance.lastSeq === -1 ? undefined : instance.state;
    const versionBefore = instance.version;
    // Migrated to another version: the whole instance belongs to it now (as in Operate's
    // views), its element instances included.
    const migrated = instance.lastSeq !== -1 && header.version !== instance.version;
    if (migrated) instance.version = header.version;
    const projection = new Projection(instance);
    for (const { record, at } of unique) projection.add(record, at);
    const touched = migrated ? undefined : projection.touchedElementIds();
    const before = await tallyExecution(m, header.executionId, touched);
    if (migrated)
      await m
        .getRepository(HistoryElementEntity)
        .update({ executionId: header.executionId }, { version: header.version });
    await projection.flush(m);
    await addStatDifference(
      m,
      instance.processId,
      merged(before, instanceTally(versionBefore, stateBefore)),
      merged(
        await tallyExecution(m, header.executionId, touched),
        instanceTally(instance.version, instance.state),
      ),
    );
    const lastSeq = Math.max(instance.lastSeq, unique[unique.length - 1].record.seq);
    const last = batches[batches.length - 1];
    await m.getRepository(HistoryInstanceEntity).update(
      { executionId: header.executionId },
      {
        lastSeq,
        lastRunId: header.runId,
        version: instance.version,
        updatedAt: last.at,
        state: instance.state,
        startedAt: instance.startedAt,
        endedAt: instance.endedAt,
        durationMs: instance.durationMs,
        hasIncident: instance.hasIncident,
      },
    );
    instance.lastSeq = lastSeq;
    return { written: unique.length, ignored: all.length - unique.length };
  }

  private async ensureInstance(
    m: EntityManager,
    h: ExportedInstance,
    at: string,
  ): Promise<HistoryInstanceEntity> {
    const repo = m.getRepository(HistoryInstanceEntity);
    const found = await repo.findOneBy({ executionId: h.executionId });
    if (found) return found;
    const parent = h.parentInstanceId
      ? await repo.findOne({
          select: { executionId: true },
          where: { instanceId: h.parentInstanceId },
          order: { startedAt: 'DESC' },
        })
      : null;
    const row: HistoryInstanceEntity = {
      executionId: h.executionId,
      instanceId: h.instanceId,
      lastRunId: h.runId,
      processId: h.processId,
      version: h.version,
      businessKey: h.businessKey,
      state: 'ACTIVE',
      startedAt: at,
      endedAt: null,
      durationMs: null,
      parentInstanceId: h.parentInstanceId ?? null,
      parentExecutionId: parent?.executionId ?? null,
      hasIncident: false,
      lastSeq: -1,
      cancelledBy: null,
      updatedAt: at,
    };
    await repo.insert(row);
    return row;
  }
}

/**
 * The new records of one execution, folded in memory and written with a few statements:
 * element instances that start and end within the write become one row; only ends of
 * elements started by an earlier write read their row back.
 */
class Projection {
  private readonly elements = new Map<string, HistoryElementEntity>();
  private readonly ends: {
    key: string;
    state: 'completed' | 'terminated';
    at: string;
    entry: ElementEntry;
  }[] = [];
  private readonly actors = new Map<string, string>();
  private readonly variables = new Map<string, HistoryVariableEntity>();
  private readonly incidents = new Map<string, HistoryIncidentEntity>();
  private ended?: string;
  private readonly moves = new Map<
    string,
    Pick<HistoryElementEntity, 'elementId' | 'elementType' | 'name'>
  >();

  constructor(private readonly inst: HistoryInstanceEntity) {
    // Records of an execution that has ended already (late, or after an external end): no
    // element of it stays active.
    if (inst.state !== 'ACTIVE' && inst.endedAt) this.ended = inst.endedAt;
  }

  add(r: ExportRecord, at: string): void {
    const inst = this.inst;
    switch (r.kind) {
      case 'instance':
        if (r.seq === 0) inst.startedAt = at;
        // An end recorded from outside (recordExternalEnd: terminated, timed out) is not
        // reopened by the execution's own earlier records arriving late.
        if (r.state === 'ACTIVE' && inst.state !== 'ACTIVE') return;
        inst.state = r.state;
        if (r.state !== 'ACTIVE') {
          inst.endedAt = at;
          inst.durationMs = Date.parse(at) - Date.parse(inst.startedAt);
          this.ended = at;
        }
        return;
      case 'timeline':
        return this.timeline(r);
      case 'variable': {
        const v = storedValue(r.value);
        const name = r.name.slice(0, 255);
        this.variables.set(`${r.scopeKey}\u0000${name}`, {
          executionId: inst.executionId,
          scopeKey: r.scopeKey,
          name,
          processId: inst.processId,
          value: v.json,
          truncated: v.truncated,
          valueKey: v.key,
          updatedAt: at,
        });
        return;
      }
      case 'incident': {
        const i = r.incident;
        this.incidents.set(i.incidentId, {
          incidentId: i.incidentId,
          executionId: inst.executionId,
          instanceId: inst.instanceId,
          processId: inst.processId,
          elementId: i.elementId,
          elementInstanceId: i.elementInstanceId,
          kind: i.kind,
          message: i.message,
          createdAt: i.createdAt,
          state: i.resolved ? 'resolved' : 'open',
          resolvedAt: i.resolved ? at : null,
          resolvedBy: null,
        });
        return;
      }
      case 'element-moved': {
        const row = this.elements.get(r.elementInstanceKey);
        const moved = { elementId: r.elementId, elementType: r.elementType, name: r.name ?? null };
        if (row) Object.assign(row, moved);
        else this.moves.set(r.elementInstanceKey, moved);
        return;
      }
      case 'task-opened':
      case 'task-closed':
        return; // kept as events: the task lifecycle with its form data; user_task holds the inbox
    }
  }

  private timeline(r: Extract<ExportRecord, { kind: 'timeline' }>): void {
    const key = r.elementInstanceKey;
    if (!key) return;
    const e = r.entry;
    if (e.event === 'started') {
      this.elements.set(key, {
        executionId: this.inst.executionId,
        elementInstanceKey: key,
        processId: this.inst.processId,
        version: this.inst.version,
        elementId: e.elementId,
        elementType: e.elementType,
        name: e.name ?? null,
        scopeKey: r.scopeKey ?? null,
        state: 'active',
        startedAt: e.at,
        startedMs: Date.parse(e.at),
        endedAt: null,
        durationMs: null,
        actor: this.actors.get(key) ?? null,
      });
    } else if (e.event === 'completed' || e.event === 'terminated') {
      const row = this.elements.get(key);
      if (row) {
        row.state = e.event;
        row.endedAt = e.at;
        row.durationMs = Date.parse(e.at) - Number(row.startedMs);
      } else this.ends.push({ key, state: e.event, at: e.at, entry: { ...e, scopeKey: r.scopeKey } });
    } else if (e.event === 'task-completed' && e.actor) {
      const row = this.elements.get(key);
      if (row) row.actor = e.actor;
      else this.actors.set(key, e.actor);
    }
  }

  /** The element ids whose rows flush may change; undefined: any (the instance ended). */
  touchedElementIds(): string[] | undefined {
    if (this.ended || this.moves.size > 0) return undefined;
    const ids = new Set<string>();
    for (const e of this.elements.values()) ids.add(e.elementId);
    for (const e of this.ends) ids.add(e.entry.elementId);
    return [...ids];
  }

  async flush(m: EntityManager): Promise<void> {
    const repo = m.getRepository(HistoryElementEntity);
    const id = this.inst.executionId;
    const starts = [...this.elements.values()];
    for (let i = 0; i < starts.length; i += 100)
      await repo
        .createQueryBuilder()
        .insert()
        .values(starts.slice(i, i + 100))
        .orIgnore()
        .execute();
    if (this.ends.length > 0) {
      const stored = await repo.find({
        select: { elementInstanceKey: true, startedMs: true },
        where: { executionId: id, elementInstanceKey: In(this.ends.map((x) => x.key)) },
      });
      const startedMs = new Map(stored.map((s) => [s.elementInstanceKey, s.startedMs]));
      for (const end of this.ends) {
        const where = { executionId: id, elementInstanceKey: end.key };
        const from = startedMs.get(end.key);
        const actor = this.actors.get(end.key);
        if (startedMs.has(end.key))
          await repo.update(where, {
            state: end.state,
            endedAt: end.at,
            durationMs: from != null ? Date.parse(end.at) - Number(from) : null,
            ...(actor ? { actor } : {}),
          });
        else
          // The start is not stored (yet): keep the end; a late start fills nothing in (orIgnore).
          await repo.insert({
            ...where,
            processId: this.inst.processId,
            version: this.inst.version,
            elementId: end.entry.elementId,
            elementType: end.entry.elementType,
            name: end.entry.name ?? null,
            scopeKey: end.entry.scopeKey ?? null,
            state: end.state,
            startedAt: null,
            startedMs: null,
            endedAt: end.at,
            durationMs: null,
            actor: actor ?? null,
          });
        this.actors.delete(end.key);
      }
    }
    for (const [key, moved] of this.moves)
      await repo.update({ executionId: id, elementInstanceKey: key }, moved);
    for (const [key, actor] of this.actors)
      if (!this.elements.has(key)) await repo.update({ executionId: id, elementInstanceKey: key }, { actor });
    // Whatever was still open ended with the instance (cancel, terminate end event).
    if (this.ended)
      await repo.update({ executionId: id, state: 'active' }, { state: 'terminated', endedAt: this.ended });
    const variables = [...this.variables.values()];
    for (let i = 0; i < variables.length; i += 100)
      await m
        .getRepository(HistoryVariableEntity)
        .createQueryBuilder()
        .insert()
        .values(variables.slice(i, i + 100))
        .orUpdate(['value', 'truncated', 'valueKey', 'updatedAt'], ['executionId', 'scopeKey', 'name'])
        .execute();
    if (this.incidents.size > 0) {
      const incidents = m.getRepository(HistoryIncidentEntity);
      await incidents
        .createQueryBuilder()
        .insert()
        .values([...this.incidents.values()])
        .orUpdate(['state', 'resolvedAt'], ['incidentId'])
        .execute();
      this.inst.hasIncident = (await incidents.countBy({ executionId: id, state: 'open' })) > 0;
    }
  }
}

type ElementEntry = Extract<ExportRecord, { kind: 'timeline' }>['entry'] & { scopeKey?: string };

function eventRow(executionId: string, record: ExportRecord, at: string): HistoryEventEntity {
  const elementId =
    record.kind === 'timeline'
      ? record.entry.elementId
      : record.kind === 'variable'
        ? (record.elementId ?? null)
        : record.kind === 'incident'
          ? record.incident.elementId
          : record.kind === 'task-opened'
            ? record.task.elementId
            : record.kind === 'element-moved'
              ? record.elementId
              : null;
  const data =
    record.kind === 'variable'
      ? JSON.stringify({ ...record, value: undefined, ...valueFields(record.value) })
      : JSON.stringify(record);
  return {
    executionId,
    seq: record.seq,
    kind: record.kind,
    at,
    elementId: elementId?.slice(0, 255) ?? null,
    data,
  };
}

function valueFields(value: unknown): { valueJson: string; truncated?: true } {
  const v = storedValue(value);
  return v.truncated ? { valueJson: v.json, truncated: true } : { valueJson: v.json };
}
