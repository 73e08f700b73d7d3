import { Client } from '@temporalio/client';
import {
  bundleWorkflowCode,
  NativeConnection,
  Worker,
  type WorkflowBundleWithSourceMap,
} from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createActivities } from '../activities';
import { createBatchActivities } from '../activities/operations/batch.activity';
import type { AppConfig } from '../config/app-config';
import { createHistoryQueue, type HistoryQueue } from '../history/history-sink';
import { HistoryWriter } from '../history/history-writer';
import { reconcileHistory, type ReconcileOutcome } from '../history/reconciler';
import { purgeExpiredHistory } from '../history/retention';
import { ENGINE_TASK_QUEUE } from '../workflows/protocol';
import { heartbeatWhileRunning } from './heartbeat-interceptor';

export interface EngineWorkerDeps {
  connection: NativeConnection;
  config: AppConfig;
  dataSource: DataSource;
}

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** The interpreter's workflow bundle, built once per process (the worker and the reconciler share it). */
export function engineWorkflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  // cron-parser carries a crontab-file reader the workflow bundle never calls.
  bundle ??= bundleWorkflowCode({
    workflowsPath: require.resolve('../workflows'),
    ignoreModules: ['fs', 'fs/promises'],
    logger: {
      trace() {},
      debug() {},
      info() {},
      warn() {},
      error: (m: string) => console.error(m),
      log() {},
    } as never,
  });
  return bundle;
}

export interface EngineWorker {
  worker: Worker;
  /** The exporter's queue into the store (drain it before closing the database). */
  history: HistoryQueue;
  /** Replays executions that may lag behind in the store (history/reconciler.ts). */
  reconcile(): Promise<ReconcileOutcome>;
  /** Purges the store's history past retention now and then daily; returns the stop function. */
  keepRetention(): () => void;
}

/**
 * The engine worker: the BPMN interpreter workflow plus the in-process activities, on one task
 * queue, with the history exporter's sink into the store.
 */
export async function createEngineWorker(deps: EngineWorkerDeps): Promise<Worker> {
  return (await createEngineWorkerWithHistory(deps)).worker;
}

export async function createEngineWorkerWithHistory({
  connection,
  config,
  dataSource,
}: EngineWorkerDeps): Promise<EngineWorker> {
  const writer = new HistoryWriter(dataSource);
  const history = createHistoryQueue(writer, { flushMs: config.history.flushMs });
  const workflowBundle = await engineWorkflowBundle();
  const worker = await Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: ENGINE_TASK_QUEUE,
    workflowBundle,
    interceptors: { activity: [heartbeatWhileRunning] },
    // A workflow task stuck on a dead worker's sticky queue moves to the shared queue after this.
    stickyQueueScheduleToStartTimeout: '3 seconds',
    activities: {
      ...createActivities({ dataSource, config }),
      // Batch operations drive instances through their Updates: a client on the worker's own connection.
      ...createBatchActivities(new Client({ connection, namespace: config.temporal.namespace }), dataSource),
    },
    sinks: history.sinks,
  });
  return {
    worker,
    history,
    reconcile: () =>
      reconcileHistory({
        workflowService: connection.workflowService,
        namespace: config.temporal.namespace,
        dataSource,
        writer,
        workflowBundle,
        lookbackMs: config.history.reconcileLookbackHours * 3600_000,
      }),
    keepRetention: () => {
      const purge = () =>
        purgeExpiredHistory(dataSource, { defaultDays: config.history.retentionDays }).catch((error) =>
          console.error('history retention purge failed', error),
        );
      void purge();
      const timer = setInterval(() => void purge(), 24 * 3600_000);
      timer.unref();
      return () => clearInterval(timer);
    },
  };
}
