/**
 * `npm run worker`: the engine worker as its own process (production: run as many as load needs).
 * Needs TEMPORAL_ADDRESS.
 */
import 'reflect-metadata';
import { loadConfig } from '../config/app-config';
import { openDatabase } from '../persistence/data-source';
import { installWorkerRuntime } from '../runtime/worker-runtime';
import { connectWorker } from '../runtime/temporal-connection';
import { createEngineWorkerWithHistory } from './create-worker';

async function main(): Promise<void> {
  const config = loadConfig();
  installWorkerRuntime(config.logLevel, config.logFile);
  if (!config.temporal.address)
    throw new Error(
      'TEMPORAL_ADDRESS is required for `npm run worker` (use `npm start` for the embedded default)',
    );
  const dataSource = await openDatabase(config.database);
  const connection = await connectWorker(config.temporal, config.temporal.address);
  const { worker, history, reconcile, keepRetention } = await createEngineWorkerWithHistory({
    connection,
    config,
    dataSource,
  });
  // Worker.run() resolves after SIGINT/SIGTERM once in-flight tasks have drained (the SDK installs the handlers).
  const running = worker.run();
  // Batches lost by a previous worker that died between a workflow task and its export come back now.
  const caughtUp = reconcile().then(
    (r) =>
      console.log(
        JSON.stringify({ msg: 'history reconciled', replayed: r.replayed, failed: r.failed.length }),
      ),
    (error) => console.error('history reconcile failed', error),
  );
  const stopRetention = keepRetention();
  await running;
  stopRetention();
  await caughtUp;
  await history.drain();
  await connection.close();
  await dataSource.destroy();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
