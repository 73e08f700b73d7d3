/**
 * `npm run bench:history`: the system of record at 10,000 instances. Fills a fresh store
 * with 10,000 instances of a small user-task process (half completed, half waiting at the
 * task) and one instance of 1,000 loop steps, then times the store's reads.
 *
 * The batches come from the interpreter's pure core and the exporter's own derivation
 * (history/derive-records.ts, exactly what the workflow emits) and go through the worker's
 * sink queue and writer (history/history-sink.ts, history/history-writer.ts) — the real
 * export path minus Temporal: running 10,000 workflows on this 2-core machine would take
 * the better part of an hour for the same rows. SQLite by default (the embedded store);
 * BENCH_DATABASE_URL=postgres://… runs it on PostgreSQL.
 */
import { statSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import 'reflect-metadata';
import { createHistoryQueue } from '../history/history-sink';
import { HistoryWriter } from '../history/history-writer';
import { HistoryReads } from '../history/store-reads';
import type { AppConfig } from '../config/app-config';
import { openDatabase } from '../persistence/data-source';
import { ExportDriver } from '../test/support/export-driver';
import { graph } from '../test/unit/engine/support/graph-builder';
import { payloadBytes } from './store-bytes';

const INSTANCES = Number(process.env.BENCH_INSTANCES ?? 10_000);
const LOOP_STEPS = 1000;
const log = (m: string) => console.log(`[bench:history] ${m}`);

const orderGraph = graph('bench-order')
  .start()
  .service('prepare', 'bench-prepare')
  .user('review', undefined, { candidateGroups: 'sales' })
  .service('confirm', 'bench-confirm')
  .end()
  .flow('start', 'prepare', 'review', 'confirm', 'end')
  .build();

const loopGraph = graph('bench-loop')
  .start()
  .service('work', 'bench-work')
  .gateway('exclusiveGateway', 'more')
  .end()
  .flow('start', 'work', 'more')
  .conditional('more', 'work', `=n < ${LOOP_STEPS}`)
  .defaultFlow('more', 'end')
  .build();

async function main(): Promise<void> {
  const database: AppConfig['database'] = process.env.BENCH_DATABASE_URL
    ? { kind: 'postgres', url: process.env.BENCH_DATABASE_URL }
    : { kind: 'sqlite', file: join(mkdtempSync(join(tmpdir(), 'bench-history-')), 'app.sqlite') };
  const db = await openDatabase(database);
  const writer = new HistoryWriter(db);
  const queue = createHistoryQueue(writer);
  const sink = queue.sinks.history.export.fn;
  const info = {} as Parameters<typeof sink>[0];

  log(`filling ${INSTANCES} instances of ${orderGraph.processId} (${database.kind})`);
  const t0 = performance.now();
  const day = 24 * 3600_000;
  const base = Date.UTC(2026, 10, 1);
  const customers = ['ACME', 'BOSCH', 'CONTI', 'DENSO', 'ZF'];
  for (let i = 0; i < INSTANCES; i++) {
    const d = new ExportDriver(orderGraph, `ORD-${i}`, base + Math.floor((i / INSTANCES) * 30 * day));
    const emit = (b: ReturnType<ExportDriver['start']>) => b && sink(info, b);
    emit(
      d.start({
        orderNo: `ORD-${i}`,
        customer: customers[i % customers.length],
        amount: (i * 37) % 5000,
        priority: i % 7 === 0 ? 'high' : 'normal',
      }),
    );
    emit(d.completeJob('prepare', { prepared: true, lines: (i % 9) + 1 }, 200 + (i % 50) * 20));
    if (i % 2 === 0) {
      emit(d.completeTask('review', `user${i % 40}`, { approved: i % 4 === 0 }, 60_000 + (i % 100) * 3_600));
      emit(d.completeJob('confirm', { confirmedAt: new Date(d.now).toISOString() }, 500));
    }
    if (i % 500 === 499) await queue.drain();
  }
  await queue.drain();
  const fillMs = performance.now() - t0;
  log(`filled in ${(fillMs / 1000).toFixed(1)} s (${((INSTANCES / fillMs) * 1000).toFixed(0)} instances/s)`);

  const loop = new ExportDriver(loopGraph, 'long', base);
  sink(info, loop.start({ n: 0 })!);
  for (let n = 1; n <= LOOP_STEPS; n++) sink(info, loop.completeJob('work', { n }, 1000)!);
  await queue.drain();

  const reads = new HistoryReads(db);
  const timed = async (name: string, runs: number, fn: (i: number) => Promise<unknown>) => {
    await fn(0); // warm
    const ms: number[] = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      await fn(i);
      ms.push(performance.now() - s);
    }
    ms.sort((a, b) => a - b);
    const at = (q: number) => ms[Math.min(ms.length - 1, Math.ceil(q * ms.length) - 1)];
    return { name, runs, p50: at(0.5), p99: at(0.99), max: ms[ms.length - 1] };
  };

  const firstPage = await reads.list({ processId: orderGraph.processId, limit: 50 });
  const results = [
    await timed('list page of 50 (first page, by process)', 200, () =>
      reads.list({ processId: orderGraph.processId, limit: 50 }),
    ),
    await timed('list page of 50 (next page, state=ACTIVE)', 200, () =>
      reads.list({
        processId: orderGraph.processId,
        state: 'ACTIVE',
        limit: 50,
        after: firstPage.after,
      }),
    ),
    await timed('list page of 50 (active element = review)', 200, () =>
      reads.list({ activeElement: 'review', limit: 50 }),
    ),
    await timed('heatmap over all instances', 30, () => reads.statistics(orderGraph.processId)),
    await timed('heatmap of version 1', 30, () => reads.statistics(orderGraph.processId, 1)),
    await timed(`timeline of a ${LOOP_STEPS}-step instance`, 30, async () => {
      const row = await reads.find(loop.instance.instanceId);
      const t = await reads.timeline(row!);
      if (t.length < LOOP_STEPS) throw new Error(`timeline has ${t.length} entries`);
    }),
    await timed('variable search orderNo=ORD-<n>', 200, async (i) => {
      const page = await reads.list({
        variables: [{ name: 'orderNo', value: `ORD-${(i * 7919) % INSTANCES}` }],
        limit: 50,
      });
      if (page.items.length !== 1) throw new Error('variable search found no single instance');
    }),
    await timed('variable search customer=ACME & priority=high (page of 50)', 200, () =>
      reads.list({
        variables: [
          { name: 'customer', value: 'ACME' },
          { name: 'priority', value: 'high' },
        ],
        limit: 50,
      }),
    ),
  ];
  const stats = await reads.statistics(orderGraph.processId);
  const bytes = await storeBytes(db, database);
  const perInstance = bytes / (INSTANCES + 1);
  const payload = await payloadBytes(db);
  const overhead = bytes / payload;
  console.log('');
  console.log('| read | runs | p50 ms | p99 ms | max ms |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of results)
    console.log(
      `| ${r.name} | ${r.runs} | ${r.p50.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.max.toFixed(1)} |`,
    );
  console.log('');
  console.log(
    `heatmap: ${stats.instances} instances, ${stats.running} running, review active ${stats.elements.find((e) => e.elementId === 'review')?.active}, completed ${stats.elements.find((e) => e.elementId === 'review')?.completed}`,
  );
  console.log(`row payload ${(payload / 1e6).toFixed(1)} MB, on-disk overhead x ${overhead.toFixed(2)}`);
  console.log(
    `store: ${(bytes / 1e6).toFixed(1)} MB for ${INSTANCES + 1} instances = ${(perInstance / 1024).toFixed(1)} KiB per instance of ${orderGraph.processId}`,
  );
  const out = process.env.BENCH_OUT ?? join(__dirname, '..', '..', 'bench', 'history-results.json');
  writeFileSync(
    out,
    JSON.stringify(
      {
        at: new Date().toISOString(),
        database: database.kind,
        instances: INSTANCES,
        fillMs,
        results,
        bytes,
        perInstance,
        payload,
        overhead,
        stats,
      },
      null,
      2,
    ) + '\n', // as prettier writes JSON: `npm run lint` stays green after a run
  );
  log(`figures written to ${out}`);
  await db.destroy();
}

/** SQLite: the file after a checkpoint and VACUUM; PostgreSQL: the history tables' total relation size. */
async function storeBytes(
  db: Awaited<ReturnType<typeof openDatabase>>,
  database: AppConfig['database'],
): Promise<number> {
  if (database.kind === 'sqlite') {
    await db.query('PRAGMA wal_checkpoint(TRUNCATE)');
    await db.query('VACUUM');
    return statSync(database.file).size;
  }
  const rows: { n: string }[] = await db.query(
    `SELECT SUM(pg_total_relation_size(c.oid))::bigint AS n FROM pg_class c WHERE c.relname IN ('history_instance','history_event','history_element','history_variable','history_incident')`,
  );
  return Number(rows[0].n);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
