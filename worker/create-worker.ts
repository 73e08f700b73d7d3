import { Client } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createActivities } from '../activities';
import { createBatchActivities } from '../activities/operations/batch.activity';
import type { AppConfig } from '../config/app-config';
import { ENGINE_TASK_QUEUE } from '../workflows/protocol';
import { heartbeatWhileRunning } from './heartbeat-interceptor';

export interface EngineWorkerDeps {
  connection: NativeConnection;
  config: AppConfig;
  dataSource: DataSource;
}

/** The engine worker: the BPMN interpreter workflow plus the in-process activities, on one task queue. */
export async function createEngineWorker({
  connection,
  config,
  dataSource,
}: EngineWorkerDeps): Promise<Worker> {
  return Worker.create({
    connection,
    namespace: config.temporal.namespace,
    taskQueue: ENGINE_TASK_QUEUE,
    workflowsPath: require.resolve('../workflows'),
    // cron-parser carries a crontab-file reader the workflow bundle never calls.
    bundlerOptions: { ignoreModules: ['fs', 'fs/promises'] },
    interceptors: { activity: [heartbeatWhileRunning] },
    // A workflow task stuck on a dead worker's sticky queue moves to the shared queue after this.
    stickyQueueScheduleToStartTimeout: '3 seconds',
    activities: {
      ...createActivities({ dataSource, config }),
      // Batch operations drive instances through their Updates: a client on the worker's own connection.
      ...createBatchActivities(new Client({ connection, namespace: config.temporal.namespace }), dataSource),
    },
  });
}
