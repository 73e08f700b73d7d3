import type { DataSource } from 'typeorm';
import { recordExternalEnd } from '../../history/external-close';
import { HistoryWriter } from '../../history/history-writer';
import { HistoryReads } from '../../history/store-reads';
import { openDatabase } from '../../persistence/data-source';
import {
  HistoryElementEntity,
  HistoryEventEntity,
  HistoryInstanceEntity,
  HistoryVariableEntity,
} from '../../persistence/entities';
import { purgeExpiredHistory, registerHistoryRetention } from '../../history/retention';
import { VALUE_LIMIT } from '../../history/value-text';
import { testDatabases } from '../support/databases';
import { ExportDriver } from '../support/export-driver';
import { graph } from '../unit/engine/support/graph-builder';

const g = graph('store-writer')
  .start()
  .service('charge', 'payment')
  .user('approve', undefined, { candidateGroups: 'sales' })
  .end()
  .flow('start', 'charge', 'approve', 'end')
  .build();

describe.each(testDatabases())('history writer on %s', (_name, database) => {
  let db: DataSource;
  beforeAll(async () => {
    db = await openDatabase(database);
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('projects an instance run and ignores every batch delivered again, in any order', async () => {
    const writer = new HistoryWriter(db);
    const d = new ExportDriver(g, `bk-${Date.now()}`, Date.UTC(2026, 0, 1));
    d.start({ amount: 150, note: 'x'.repeat(VALUE_LIMIT + 10) });
    d.completeJob('charge', { paid: true }, 2000);
    await writer.write(d.batches.slice(0, 1));
    d.completeTask('approve', 'li.na', { approved: true }, 5000);
    // The first batch again (a replay), then the rest twice over.
    const outcome = await writer.write([...d.batches, ...d.batches.slice(1)]);
    expect(outcome.ignored).toBeGreaterThan(0);
    const again = await writer.write(d.batches);
    expect(again.written).toBe(0);

    const id = d.instance.executionId;
    const events = await db
      .getRepository(HistoryEventEntity)
      .find({ where: { executionId: id }, order: { seq: 'ASC' } });
    const total = d.batches.reduce((n, b) => n + b.records.length, 0);
    expect(events.map((e) => e.seq)).toEqual([...Array(total).keys()]);

    const instance = await db.getRepository(HistoryInstanceEntity).findOneByOrFail({ executionId: id });
    expect(instance).toMatchObject({
      state: 'COMPLETED',
      lastSeq: total - 1,
      startedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(Number(instance.durationMs)).toBe(7000);

    const elements = await db.getRepository(HistoryElementEntity).find({ where: { executionId: id } });
    expect(elements.map((e) => `${e.elementId}:${e.state}`).sort()).toEqual([
      'approve:completed',
      'charge:completed',
      'end:completed',
      'start:completed',
    ]);
    const approve = elements.find((e) => e.elementId === 'approve')!;
    expect(approve.actor).toBe('li.na');
    expect(Number(approve.durationMs)).toBe(5000);
    expect(Number(elements.find((e) => e.elementId === 'charge')!.durationMs)).toBe(2000);

    const vars = await db.getRepository(HistoryVariableEntity).find({ where: { executionId: id } });
    const byName = Object.fromEntries(vars.map((v) => [v.name, v]));
    expect(byName.amount).toMatchObject({ value: '150', valueKey: '150', truncated: false });
    expect(byName.note.truncated).toBe(true);
    expect(byName.note.value.length).toBe(VALUE_LIMIT);
    expect(byName.approved.value).toBe('true');
  });

  it("records an end Temporal made (terminate) and keeps it when the execution's late batches arrive", async () => {
    const writer = new HistoryWriter(db);
    const d = new ExportDriver(g, `bk-term-${Date.now()}`, Date.UTC(2026, 0, 2));
    d.start({ amount: 1 });
    await writer.write(d.batches.slice(0, 1));
    d.completeJob('charge', { paid: true }, 2000);
    const at = '2026-01-02T00:00:10.000Z';
    const target = { instanceId: d.instance.instanceId, runId: d.instance.runId };
    expect(await recordExternalEnd(db, target, 'TERMINATED', at)).toBe(true);
    // The batches a dead worker held come later (reconciler replay): the end stays.
    await writer.write(d.batches);
    const id = d.instance.executionId;
    const instance = await db.getRepository(HistoryInstanceEntity).findOneByOrFail({ executionId: id });
    expect(instance).toMatchObject({ state: 'TERMINATED', endedAt: at });
    expect(Number(instance.durationMs)).toBe(10_000);
    expect(await recordExternalEnd(db, target, 'TERMINATED', at)).toBe(false);
    const approve = await db
      .getRepository(HistoryElementEntity)
      .findOneByOrFail({ executionId: id, elementId: 'approve' });
    // The task the late batch opened ended with the instance.
    expect(approve).toMatchObject({ state: 'terminated', endedAt: at });
  });

  it('keeps the heatmap counters equal to the element rows through redeliveries, an external end and a purge', async () => {
    const writer = new HistoryWriter(db);
    const pg = graph(`stats-${Date.now()}`)
      .start()
      .service('charge', 'payment')
      .user('approve', undefined, { candidateGroups: 'sales' })
      .end()
      .flow('start', 'charge', 'approve', 'end')
      .build();
    const runs = Array.from(
      { length: 12 },
      (_, i) => new ExportDriver(pg, `s-${i}`, Date.UTC(2020, 0, 1) + i),
    );
    for (const [i, d] of runs.entries()) {
      d.start({ i });
      d.completeJob('charge', {}, 1000 + i * 100);
      if (i % 3 === 0) d.completeTask('approve', 'li.na', {}, 5000 + i * 1000);
      // Each batch written, then everything again in one go (a replay).
      for (const b of d.batches) await writer.write([b]);
      await writer.write(d.batches);
    }
    await recordExternalEnd(
      db,
      { instanceId: runs[1].instance.instanceId },
      'TERMINATED',
      '2020-01-02T00:00:00.000Z',
    );
    registerHistoryRetention(pg.processId, {
      keepUntil: async (instance) => (instance.businessKey === 's-3' ? null : '2999-01-01T00:00:00.000Z'),
    });
    expect((await purgeExpiredHistory(db, { defaultDays: 30 })).purged).toBeGreaterThanOrEqual(1);

    const stats = await new HistoryReads(db).statistics(pg.processId);
    const rows = await db.getRepository(HistoryElementEntity).find({ where: { processId: pg.processId } });
    const truth = new Map<
      string,
      { active: number; completed: number; terminated: number; passed: Set<string> }
    >();
    for (const r of rows) {
      const t = truth.get(r.elementId) ?? {
        active: 0,
        completed: 0,
        terminated: 0,
        passed: new Set<string>(),
      };
      truth.set(r.elementId, t);
      t[r.state]++;
      if (r.state === 'completed') t.passed.add(r.executionId);
    }
    expect(
      stats.elements.map((e) => [e.elementId, e.active, e.completed, e.terminated, e.instancesPassed]),
    ).toEqual(
      [...truth]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([id, t]) => [id, t.active, t.completed, t.terminated, t.passed.size]),
    );
    const approve = rows.filter((r) => r.elementId === 'approve' && r.state === 'completed');
    const mean = approve.reduce((n, r) => n + Number(r.durationMs), 0) / approve.length;
    expect(stats.elements.find((e) => e.elementId === 'approve')!.meanDurationMs).toBe(Math.round(mean));
    const instances = await db
      .getRepository(HistoryInstanceEntity)
      .find({ where: { processId: pg.processId } });
    expect(stats).toMatchObject({
      instances: instances.length,
      running: instances.filter((i) => i.state === 'ACTIVE').length,
      completedInstances: instances.filter((i) => i.state === 'COMPLETED').length,
      terminatedInstances: 1,
    });
    expect(instances.length).toBe(11); // s-3 purged
  });

  it('purges history past retention unless the process rule keeps it', async () => {
    const writer = new HistoryWriter(db);
    const ended = Date.UTC(2020, 0, 1);
    const keep = graph(`kept-${Date.now()}`).start().end().flow('start', 'end').build();
    const drop = graph(`dropped-${Date.now()}`).start().end().flow('start', 'end').build();
    const recent = graph(`recent-${Date.now()}`).start().end().flow('start', 'end').build();
    const runs = [
      new ExportDriver(keep, 'k', ended),
      new ExportDriver(drop, 'd', ended),
      new ExportDriver(recent, 'r', Date.now()),
    ];
    for (const d of runs) d.start();
    await writer.write(runs.flatMap((d) => d.batches));
    registerHistoryRetention(keep.processId, {
      keepUntil: async (instance) => (instance.businessKey === 'k' ? '2999-01-01T00:00:00.000Z' : null),
    });
    const outcome = await purgeExpiredHistory(db, { defaultDays: 30 });
    expect(outcome.purged).toBeGreaterThanOrEqual(1);
    const left = async (d: ExportDriver) => ({
      instance: await db
        .getRepository(HistoryInstanceEntity)
        .countBy({ executionId: d.instance.executionId }),
      events: await db.getRepository(HistoryEventEntity).countBy({ executionId: d.instance.executionId }),
      elements: await db.getRepository(HistoryElementEntity).countBy({ executionId: d.instance.executionId }),
    });
    expect(await left(runs[0])).toMatchObject({ instance: 1 });
    expect(await left(runs[1])).toEqual({ instance: 0, events: 0, elements: 0 });
    expect(await left(runs[2])).toMatchObject({ instance: 1 });
  });
});
