/**
 * `node dist/bench/replay-cpu.js` (after `npm run build`): the workflow-side CPU of one
 * instance of each kind, without the dev server, the activities or the client in the
 * figure, and far less sensitive to other load on the machine than `npm run bench`.
 * Records one history of each (amount 150) on a dev server once (kept in BENCH_HISTORIES,
 * default <tmpdir>/bpmn-bench-histories.json), then replays each REPLAYS times (default 300)
 * per round, ROUNDS rounds (default 3), with `Worker.runReplayHistories` on a pre-built
 * bundle (reuseV8Context, as the worker runs), and reports CPU ms per replayed instance —
 * a new workflow execution each time, module evaluation included. Replaying also proves
 * that the interpreter still issues the commands of the recorded history.
 * BENCH_KINDS=interpreter replays one kind only; TEMPORAL_DEBUG=1 runs the workflows on the
 * main thread, so `node --cpu-prof` sees them.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { temporal } from '@temporalio/proto';
import { bundleWorkflowCode, Worker, type WorkflowBundle } from '@temporalio/worker';
import { DISCARD_HISTORY_SINKS } from '../history/history-sink';
import { analyseBpmn } from '../model/deploy-model';
import { installWorkerRuntime } from '../runtime/worker-runtime';
import { createDevServerEnv } from '../test/support/temporal-env';
import {
  completeTaskUpdate,
  PROCESS_INSTANCE_WORKFLOW,
  SEARCH_ATTRIBUTES,
  type ProcessInstanceInput,
} from '../workflows/protocol';
import { BENCH_TASK_TYPES, BenchTaskStore, createBenchActivities } from './bench-activities';
import type { HandWrittenInput } from './hand-written.workflow';

type Kind = 'hand-written' | 'interpreter';
const PATHS: Record<Kind, string> = {
  'hand-written': require.resolve('./hand-written.workflow'),
  interpreter: require.resolve('../workflows'),
};

function sourceDir(): string {
  const fromDist = join(__dirname, '..', '..', 'bench');
  return existsSync(join(fromDist, 'order-process.bpmn')) ? fromDist : __dirname;
}

async function record(file: string): Promise<void> {
  const graph = (await analyseBpmn(readFileSync(join(sourceDir(), 'order-process.bpmn'), 'utf8'))).graphs[0];
  const env = await createDevServerEnv();
  const store = new BenchTaskStore();
  const activities = createBenchActivities(store);
  const workers = await Promise.all(
    (['hand-written', 'interpreter'] as Kind[]).map((kind) =>
      Worker.create({
        connection: env.nativeConnection,
        taskQueue: `replay-${kind}`,
        workflowsPath: PATHS[kind],
        bundlerOptions: { ignoreModules: ['fs', 'fs/promises'] },
        activities,
        sinks: DISCARD_HISTORY_SINKS,
      }),
    ),
  );
  const running = workers.map((w) => w.run());
  const out: Record<string, unknown> = {};
  try {
    for (const kind of ['hand-written', 'interpreter'] as Kind[]) {
      const businessKey = `replay-${kind}-${Date.now()}`;
      const variables = { orderId: businessKey, amount: 150 };
      const handle =
        kind === 'interpreter'
          ? await env.client.workflow.start(PROCESS_INSTANCE_WORKFLOW, {
              taskQueue: `replay-${kind}`,
              workflowId: `${graph.processId}/${businessKey}`,
              args: [
                {
                  graph,
                  version: 1,
                  businessKey,
                  variables,
                  timeZone: 'Asia/Shanghai',
                  inProcessTaskTypes: [...BENCH_TASK_TYPES],
                  taskIdsWithRunKey: true,
                } satisfies ProcessInstanceInput,
              ],
              typedSearchAttributes: [
                { key: SEARCH_ATTRIBUTES.processId, value: graph.processId },
                { key: SEARCH_ATTRIBUTES.version, value: 1 },
                { key: SEARCH_ATTRIBUTES.businessKey, value: businessKey },
              ],
            })
          : await env.client.workflow.start('orderHandWritten', {
              taskQueue: `replay-${kind}`,
              workflowId: `order-hand-written/${businessKey}`,
              args: [
                { processId: graph.processId, version: 1, businessKey, variables } satisfies HandWrittenInput,
              ],
            });
      const task = await store.waitForTask(handle.workflowId);
      await handle.executeUpdate(completeTaskUpdate, {
        args: [{ taskId: task.taskId, user: 'bench', groups: ['sales'], variables: { approved: true } }],
      });
      await handle.result();
      const history = await handle.fetchHistory();
      // protobufjs' toJSON, as test/workflow/support/histories.ts records them.
      out[kind] = { workflowId: handle.workflowId, history };
    }
  } finally {
    for (const w of workers) w.shutdown();
    await Promise.allSettled(running);
    await env.teardown();
  }
  writeFileSync(file, JSON.stringify(out));
}

async function replay(
  kind: Kind,
  bundle: WorkflowBundle,
  recorded: { workflowId: string; history: object },
  times: number,
): Promise<{ cpuMs: number; wallMs: number; errors: number }> {
  const history = temporal.api.history.v1.History.fromObject(recorded.history);
  // The same workflow id each time: the recorded update does not replay under another id.
  const histories = Array.from({ length: times }, () => ({ workflowId: recorded.workflowId, history }));
  // Warm the bundle and the worker thread first.
  for await (const r of Worker.runReplayHistories(
    { workflowBundle: bundle, reuseV8Context: true, sinks: DISCARD_HISTORY_SINKS },
    histories.slice(0, 1),
  ))
    if (r.error) console.error(`${kind}: replay failed: ${String(r.error).slice(0, 300)}`);
  let errors = 0;
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for await (const r of Worker.runReplayHistories(
    { workflowBundle: bundle, reuseV8Context: true, sinks: DISCARD_HISTORY_SINKS },
    histories,
  )) {
    if (r.error) {
      errors++;
      if (errors === 1) console.error(kind, r.error);
    }
  }
  const cpu = process.cpuUsage(cpu0);
  return { cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - t0, errors };
}

async function main(): Promise<void> {
  installWorkerRuntime('warn');
  const file = process.env.BENCH_HISTORIES ?? join(tmpdir(), 'bpmn-bench-histories.json');
  if (!existsSync(file)) await record(file);
  const recorded = JSON.parse(readFileSync(file, 'utf8')) as Record<
    Kind,
    { workflowId: string; history: object }
  >;
  const times = Number(process.env.REPLAYS ?? '300');
  // Bundled once, outside the measurement (runReplayHistories would bundle on every call).
  const bundles = {} as Record<Kind, WorkflowBundle>;
  for (const kind of ['hand-written', 'interpreter'] as Kind[])
    bundles[kind] = await bundleWorkflowCode({
      workflowsPath: PATHS[kind],
      ignoreModules: ['fs', 'fs/promises'],
      logger: undefined,
    });
  const best: Record<Kind, number> = { 'hand-written': Infinity, interpreter: Infinity };
  for (let round = 0; round < Number(process.env.ROUNDS ?? '3'); round++) {
    for (const kind of (process.env.BENCH_KINDS?.split(',') ?? ['hand-written', 'interpreter']) as Kind[]) {
      const r = await replay(kind, bundles[kind], recorded[kind], times);
      best[kind] = Math.min(best[kind], r.cpuMs / times);
      console.log(
        `${kind}: ${(r.cpuMs / times).toFixed(2)} CPU ms / replayed instance, ${(r.wallMs / times).toFixed(2)} ms wall${r.errors ? `, ${r.errors} replay errors` : ''}`,
      );
    }
  }
  // Other processes only ever add CPU time (cache misses, preemption): the best round is the least disturbed.
  console.log(
    `best of rounds: hand-written ${best['hand-written'].toFixed(2)}, interpreter ${best.interpreter.toFixed(2)} CPU ms / instance (I − H ${(best.interpreter - best['hand-written']).toFixed(2)})`,
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
