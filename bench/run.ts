/**
 * `npm run bench`: the BPMN interpreter against a hand-written Temporal workflow doing the
 * same work, on one Temporal dev server in one run.
 *
 * One process holds everything: the dev server (child process), two workers on separate
 * task queues (the interpreter bundle from workflows/, the hand-written bundle), the shared
 * in-memory activities, and the client. The client starts an instance, completes its user
 * task through the `completeTask` Update as soon as createUserTask has written it, and
 * waits for the result; latency is start call → result. Each concurrency level runs a
 * closed loop of `concurrency` clients, in alternating rounds (H I H I) so drift of the
 * machine favours no side.
 *
 * Environment: BENCH_SCALE (default 1) multiplies the instance counts; BENCH_OUT overrides
 * the results file (default bench/results.json next to this source).
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Client, WorkflowHandle } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import 'reflect-metadata';
import { createHistoryQueue } from '../history/history-sink';
import { HistoryWriter } from '../history/history-writer';
import { analyseBpmn } from '../model/deploy-model';
import { openDatabase } from '../persistence/data-source';
import type { ProcessGraph } from '../model/process-graph';
import { installWorkerRuntime } from '../runtime/worker-runtime';
import { createDevServerEnv } from '../test/support/temporal-env';
import {
  completeTaskUpdate,
  PROCESS_INSTANCE_WORKFLOW,
  SEARCH_ATTRIBUTES,
  type ProcessInstanceInput,
  type ProcessInstanceResult,
} from '../workflows/protocol';
import { BENCH_TASK_TYPES, BenchTaskStore, createBenchActivities } from './bench-activities';
import type { HandWrittenInput, orderHandWritten } from './hand-written.workflow';

/** The two benchmarked kinds. */
type Kind = 'hand-written' | 'interpreter';
const KINDS: Kind[] = ['hand-written', 'interpreter'];
const QUEUES: Record<Kind, string> = {
  'hand-written': 'bench-hand-written',
  interpreter: 'bench-interpreter',
};

const SCALE = Number(process.env.BENCH_SCALE ?? '1');
/** Instances per kind at each concurrency level (split over two alternating rounds). */
const LEVELS = [
  { concurrency: 1, instances: 30 },
  { concurrency: 10, instances: 200 },
  { concurrency: 50, instances: 350 },
].map((l) => ({ ...l, instances: Math.max(l.concurrency * 2, Math.round(l.instances * SCALE)) }));
const WARM_UP = { concurrency: 10, instances: Math.max(10, Math.round(40 * SCALE)) };
/** Histories fetched per kind and level to check that the event count does not depend on load. */
const HISTORY_SAMPLE = 20;
/**
 * An instance slower than this stalled (on a loaded machine the server now and then loses a
 * task, which comes back only after a timeout): its round is reported and run again once.
 */
const STALL_MS = 30_000;

/** Where an instance's latency goes, in ms: start call; started → task open; the update call; update → result. */
interface Phases {
  start: number;
  open: number;
  update: number;
  finish: number;
}
const PHASES: (keyof Phases)[] = ['start', 'open', 'update', 'finish'];

interface RoundResult {
  latencies: number[];
  phases: Phases[];
  wallMs: number;
  cpuMs: number;
  ids: string[];
}

interface LevelStats {
  concurrency: number;
  instances: number;
  throughput: number;
  p50: number;
  p99: number;
  mean: number;
  cpuMsPerInstance: number;
  meanHistoryEvents: number;
  meanWorkflowTasks: number;
  /** Mean ms per phase (see Phases). */
  phases: Phases;
}

function sourceDir(): string {
  // dist/bench/run.js → bench/ (the .bpmn and results.json live with the sources).
  const fromDist = join(__dirname, '..', '..', 'bench');
  return existsSync(join(fromDist, 'order-process.bpmn')) ? fromDist : __dirname;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))];
}

/** `WorkflowTaskCompleted` etc.: the name of the one attributes field set on a history event. */
function eventTypeName(event: object): string {
  for (const [key, value] of Object.entries(event)) {
    if (key.endsWith('EventAttributes') && value != null) {
      const name = key.slice(0, -'EventAttributes'.length);
      return name[0].toUpperCase() + name.slice(1);
    }
  }
  return 'Unknown';
}

async function historyBreakdown(
  client: Client,
  workflowId: string,
): Promise<{ total: number; byType: Record<string, number>; sequence: string[] }> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const sequence = (history.events ?? []).map((e) => eventTypeName(e));
  const byType: Record<string, number> = {};
  for (const name of sequence) byType[name] = (byType[name] ?? 0) + 1;
  return { total: sequence.length, byType, sequence };
}

interface Stall {
  kind: Kind;
  concurrency: number;
  workflowId: string;
  latencyMs: number;
  /** The longest quiet stretch of its history: between which events, how long. */
  gap: { after: string; before: string; seconds: number };
}

async function describeStall(
  client: Client,
  kind: Kind,
  concurrency: number,
  workflowId: string,
  latencyMs: number,
): Promise<Stall> {
  const history = await client.workflow.getHandle(workflowId).fetchHistory();
  const events = history.events ?? [];
  const at = (e: (typeof events)[number]) =>
    Number(e.eventTime?.seconds ?? 0) + (e.eventTime?.nanos ?? 0) / 1e9;
  let gap = { after: '', before: '', seconds: 0 };
  for (let n = 1; n < events.length; n++) {
    const seconds = at(events[n]) - at(events[n - 1]);
    if (seconds > gap.seconds)
      gap = {
        after: eventTypeName(events[n - 1]),
        before: eventTypeName(events[n]),
        seconds: Math.round(seconds * 10) / 10,
      };
  }
  return { kind, concurrency, workflowId, latencyMs: Math.round(latencyMs), gap };
}

class Bench {
  private counter = 0;

  constructor(
    private readonly client: Client,
    private readonly store: BenchTaskStore,
    private readonly graph: ProcessGraph,
  ) {}

  private async start(kind: Kind, amount: number): Promise<WorkflowHandle> {
    const businessKey = `${kind}-${++this.counter}-${randomUUID().slice(0, 8)}`;
    const variables = { orderId: businessKey, amount };
    if (kind === 'interpreter') {
      const input: ProcessInstanceInput = {
        graph: this.graph,
        version: 1,
        businessKey,
        variables,
        timeZone: 'Asia/Shanghai',
        inProcessTaskTypes: [...BENCH_TASK_TYPES],
        taskIdsWithRunKey: true,
      };
      // As api/process-instances/start-instance.service.ts starts an instance.
      return this.client.workflow.start(PROCESS_INSTANCE_WORKFLOW, {
        taskQueue: QUEUES.interpreter,
        workflowId: `${this.graph.processId}/${businessKey}`,
        args: [input],
        typedSearchAttributes: [
          { key: SEARCH_ATTRIBUTES.processId, value: this.graph.processId },
          { key: SEARCH_ATTRIBUTES.version, value: 1 },
          { key: SEARCH_ATTRIBUTES.businessKey, value: businessKey },
        ],
      });
    }
    const input: HandWrittenInput = { processId: this.graph.processId, version: 1, businessKey, variables };
    return this.client.workflow.start<typeof orderHandWritten>('orderHandWritten', {
      taskQueue: QUEUES['hand-written'],
      workflowId: `order-hand-written/${businessKey}`,
      args: [input],
    });
  }

  /** One instance, start → result, completing its user task as soon as it opens. */
  async instance(kind: Kind, amount: number): Promise<{ id: string; ms: number; phases: Phases }> {
    const t0 = performance.now();
    const handle = await this.start(kind, amount);
    const t1 = performance.now();
    const task = await this.store.waitForTask(handle.workflowId);
    const t2 = performance.now();
    await handle.executeUpdate(completeTaskUpdate, {
      args: [{ taskId: task.taskId, user: 'bench', groups: ['sales'], variables: { approved: true } }],
    });
    const t3 = performance.now();
    const result = (await handle.result()) as ProcessInstanceResult;
    const t4 = performance.now();
    if (result.state !== 'COMPLETED' || result.variables.confirmed !== true)
      throw new Error(`${handle.workflowId} ended ${JSON.stringify(result)}`);
    this.store.forget(handle.workflowId);
    return {
      id: handle.workflowId,
      ms: t4 - t0,
      phases: { start: t1 - t0, open: t2 - t1, update: t3 - t2, finish: t4 - t3 },
    };
  }

  /** A closed loop: `concurrency` clients each start the next instance when theirs ends. */
  async round(kind: Kind, concurrency: number, instances: number): Promise<RoundResult> {
    const latencies: number[] = [];
    const phases: Phases[] = [];
    const ids: string[] = [];
    let next = 0;
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const client = async () => {
      while (next < instances) {
        const n = next++;
        const { id, ms, phases: p } = await this.instance(kind, n % 2 === 0 ? 50 : 150);
        latencies.push(ms);
        phases.push(p);
        ids.push(id);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, client));
    const wallMs = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { latencies, phases, wallMs, cpuMs: (cpu.user + cpu.system) / 1000, ids };
  }
}

function fmt(n: number, digits = 1): string {
  return Number.isFinite(n) ? n.toFixed(digits) : '—';
}

function mean(xs: number[]): number {
  return xs.reduce((s, x) => s + x, 0) / xs.length;
}

type History = Awaited<ReturnType<typeof historyBreakdown>>;

function summarise(concurrency: number, rounds: RoundResult[], histories: History[]): LevelStats {
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const phases = rounds.flatMap((r) => r.phases);
  const wallMs = rounds.reduce((s, r) => s + r.wallMs, 0);
  const cpuMs = rounds.reduce((s, r) => s + r.cpuMs, 0);
  return {
    concurrency,
    instances: latencies.length,
    throughput: latencies.length / (wallMs / 1000),
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    mean: mean(latencies),
    cpuMsPerInstance: cpuMs / latencies.length,
    meanHistoryEvents: mean(histories.map((h) => h.total)),
    meanWorkflowTasks: mean(histories.map((h) => h.byType.WorkflowTaskCompleted ?? 0)),
    phases: Object.fromEntries(PHASES.map((p) => [p, mean(phases.map((x) => x[p]))])) as unknown as Phases,
  };
}

function report(single: Record<Kind, History>, stats: Record<Kind, LevelStats[]>): string {
  const H = single['hand-written'];
  const I = single.interpreter;
  const lines: string[] = [];
  const signed = (n: number) => (n === 0 ? '' : `${n > 0 ? '+' : ''}${n}`);
  lines.push('');
  lines.push(
    `History events of one instance (amount 150 → C1): hand-written ${H.total}, interpreter ${I.total} (ratio ${fmt(I.total / H.total, 2)})`,
  );
  lines.push('');
  lines.push('| event type | hand-written | interpreter | I − H |');
  lines.push('|---|---:|---:|---:|');
  const types = [...new Set(KINDS.flatMap((k) => Object.keys(single[k].byType)))].sort();
  for (const t of types) {
    const h = H.byType[t] ?? 0;
    const i = I.byType[t] ?? 0;
    lines.push(`| ${t} | ${h} | ${i} | ${signed(i - h)} |`);
  }
  lines.push(`| **total** | **${H.total}** | **${I.total}** | **${signed(I.total - H.total) || '0'}** |`);
  lines.push('');
  lines.push(
    '| concurrency | instances | throughput/s H | throughput/s I | **I ÷ H** | p50 ms H | p50 ms I | I ÷ H | p99 ms H | p99 ms I | I ÷ H |',
  );
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  LEVELS.forEach((level, n) => {
    const [h, i] = KINDS.map((k) => stats[k][n]);
    lines.push(
      `| ${level.concurrency} | ${h.instances} | ${fmt(h.throughput)} | ${fmt(i.throughput)} | **${fmt(i.throughput / h.throughput, 2)}** | ${fmt(h.p50)} | ${fmt(i.p50)} | ${fmt(i.p50 / h.p50, 2)} | ${fmt(h.p99)} | ${fmt(i.p99)} | ${fmt(i.p99 / h.p99, 2)} |`,
    );
  });
  lines.push('');
  lines.push(
    '| concurrency | kind | history events (mean) | workflow tasks (mean) | CPU ms/instance | start ms | → task open ms | update ms | → result ms |',
  );
  lines.push('|---:|---|---:|---:|---:|---:|---:|---:|---:|');
  LEVELS.forEach((level, n) => {
    for (const k of KINDS) {
      const x = stats[k][n];
      lines.push(
        `| ${level.concurrency} | ${k} | ${fmt(x.meanHistoryEvents)} | ${fmt(x.meanWorkflowTasks)} | ${fmt(x.cpuMsPerInstance)} | ${PHASES.map((p) => fmt(x.phases[p])).join(' | ')} |`,
      );
    }
  });
  lines.push('');
  lines.push('H = hand-written, I = interpreter; ratios are I ÷ H.');
  lines.push(
    'Latency: client start call → result, including completing the user task through the Update as soon as it opens.',
  );
  lines.push(
    `History events / workflow tasks (mean): over the last ${HISTORY_SAMPLE} instances of each kind at that level.`,
  );
  lines.push(
    'CPU ms/instance: user+system CPU of this process (client, both workers, activities); the dev server is a separate process.',
  );
  return lines.join('\n');
}

function lagStats(lags: number[]): { p50: number; p99: number; max: number; batches: number } {
  const sorted = [...lags].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? 0, batches: sorted.length };
}

async function main(): Promise<void> {
  installWorkerRuntime('warn');
  const began = Date.now();
  const loadBefore = loadavg();
  const log = (msg: string) =>
    console.log(`[${((Date.now() - began) / 1000).toFixed(0).padStart(4)}s] ${msg}`);

  const dir = sourceDir();
  const analysis = await analyseBpmn(readFileSync(join(dir, 'order-process.bpmn'), 'utf8'));
  if (analysis.errors.length > 0 || analysis.graphs.length !== 1)
    throw new Error(`order-process.bpmn does not compile: ${JSON.stringify(analysis.errors)}`);
  const graph = analysis.graphs[0];

  log('starting the Temporal dev server');
  const env = await createDevServerEnv();
  const store = new BenchTaskStore();
  const activities = createBenchActivities(store);
  // The interpreter exports its history into a real store (SQLite), as the engine worker does.
  const historyDb = await openDatabase({
    kind: 'sqlite',
    file: join(mkdtempSync(join(tmpdir(), 'bench-store-')), 'app.sqlite'),
  });
  const historyWriter = new HistoryWriter(historyDb);
  const historyQueue = createHistoryQueue(historyWriter, { flushMs: 50 });
  const exportLag: Record<number, { p50: number; p99: number; max: number; batches: number }> = {};
  log('bundling both workflows');
  const workers = await Promise.all([
    Worker.create({
      connection: env.nativeConnection,
      taskQueue: QUEUES.interpreter,
      workflowsPath: require.resolve('../workflows'),
      // cron-parser carries a crontab-file reader the workflow bundle never calls (as worker/create-worker.ts).
      bundlerOptions: { ignoreModules: ['fs', 'fs/promises'] },
      activities,
      sinks: historyQueue.sinks,
    }),
    Worker.create({
      connection: env.nativeConnection,
      taskQueue: QUEUES['hand-written'],
      workflowsPath: require.resolve('./hand-written.workflow'),
      activities,
    }),
  ]);
  const running = workers.map((w) => w.run());

  try {
    const bench = new Bench(env.client, store, graph);
    log(`warm-up: ${WARM_UP.instances} instances of each kind at concurrency ${WARM_UP.concurrency}`);
    for (const kind of KINDS) await bench.round(kind, WARM_UP.concurrency, WARM_UP.instances);

    // One instance of each on a quiet server for the history-event breakdown.
    const single = {} as Record<Kind, History>;
    for (const kind of KINDS) {
      const { id } = await bench.instance(kind, 150);
      single[kind] = await historyBreakdown(env.client, id);
    }
    log(`history events per instance: ${KINDS.map((k) => `${k} ${single[k].total}`).join(', ')}`);

    const stats: Record<Kind, LevelStats[]> = { 'hand-written': [], interpreter: [] };
    const stalls: Stall[] = [];
    for (const level of LEVELS) {
      const half = Math.ceil(level.instances / 2);
      await historyQueue.drain();
      historyWriter.lags.length = 0;
      const rounds: Record<Kind, RoundResult[]> = { 'hand-written': [], interpreter: [] };
      for (let r = 0; r < 2; r++) {
        for (const kind of KINDS) {
          for (let attempt = 1; ; attempt++) {
            const round = await bench.round(kind, level.concurrency, half);
            const slow = round.ids
              .map((id, n) => ({ id, ms: round.latencies[n] }))
              .filter((x) => x.ms > STALL_MS);
            for (const x of slow)
              stalls.push(await describeStall(env.client, kind, level.concurrency, x.id, x.ms));
            if (slow.length === 0 || attempt === 2) {
              rounds[kind].push(round);
              break;
            }
            log(
              `${kind} at concurrency ${level.concurrency}: ${slow.length} instance(s) stalled (${JSON.stringify(stalls[stalls.length - 1].gap)}): running the round again`,
            );
          }
        }
      }
      await historyQueue.drain();
      exportLag[level.concurrency] = lagStats(historyWriter.lags);
      log(
        `concurrency ${level.concurrency}: export lag event → row p50 ${fmt(exportLag[level.concurrency].p50)} ms, p99 ${fmt(exportLag[level.concurrency].p99)} ms over ${exportLag[level.concurrency].batches} batches`,
      );
      for (const kind of KINDS) {
        const sample = rounds[kind].flatMap((r) => r.ids).slice(-HISTORY_SAMPLE);
        const histories = await Promise.all(sample.map((id) => historyBreakdown(env.client, id)));
        stats[kind].push(summarise(level.concurrency, rounds[kind], histories));
      }
      const [h, i] = KINDS.map((k) => stats[k][stats[k].length - 1]);
      log(
        `concurrency ${level.concurrency}: ${h.instances} instances of each; throughput/s hand-written ${fmt(h.throughput)}, interpreter ${fmt(i.throughput)} (I ÷ H ${fmt(i.throughput / h.throughput, 2)})`,
      );
    }

    console.log(report(single, stats));
    if (stalls.length > 0)
      console.log(
        `\nStalled instances (round run again): ${stalls.map((x) => `${x.kind} @${x.concurrency}: ${(x.latencyMs / 1000).toFixed(0)} s, ${x.gap.seconds} s between ${x.gap.after} and ${x.gap.before}`).join('; ')}`,
      );

    const results = {
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        cpuModel: cpus()[0]?.model,
        node: process.version,
        platform: process.platform,
      },
      /** 1/5/15-minute load averages before and after: other processes on the machine skew the figures. */
      loadAverage: { before: loadBefore, after: loadavg() },
      command: 'npm run bench',
      scale: SCALE,
      warmUp: WARM_UP,
      history: Object.fromEntries(KINDS.map((k) => [k, single[k]])),
      levels: LEVELS.map((level, n) => ({
        concurrency: level.concurrency,
        ...Object.fromEntries(KINDS.map((k) => [k, stats[k][n]])),
        ratios: {
          throughput: stats.interpreter[n].throughput / stats['hand-written'][n].throughput,
          p50: stats.interpreter[n].p50 / stats['hand-written'][n].p50,
          p99: stats.interpreter[n].p99 / stats['hand-written'][n].p99,
          historyEvents: stats.interpreter[n].meanHistoryEvents / stats['hand-written'][n].meanHistoryEvents,
          cpuMsPerInstance: stats.interpreter[n].cpuMsPerInstance / stats['hand-written'][n].cpuMsPerInstance,
        },
      })),
      /** Interpreter only: workflow time of each exported batch → its commit in the store. */
      exportLag,
      stalls,
      jobCalls: Object.fromEntries(store.jobCalls),
      durationSeconds: (Date.now() - began) / 1000,
    };
    const out = process.env.BENCH_OUT ?? join(dir, 'results.json');
    writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
    log(`wrote ${out}`);
  } finally {
    for (const w of workers) w.shutdown();
    await Promise.allSettled(running);
    await historyQueue.drain();
    await historyDb.destroy();
    await env.teardown();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
