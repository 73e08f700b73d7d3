/**
 * `npm start`: everything in one command. Starts the Temporal dev server (unless
 * TEMPORAL_ADDRESS is set), opens and migrates the database, runs the engine worker and
 * the API (which serves the web UI), deploys the process pack, and prints the URLs.
 * SIGINT/SIGTERM stop it all cleanly; the next start finds every execution and row again.
 */
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { Worker } from '@temporalio/worker';
import { ConfigError, loadConfig } from '../config/app-config';
import { createApp } from '../api/create-app';
import { openDatabase } from '../persistence/data-source';
import { EmbeddedTemporal, startEmbeddedTemporal } from '../runtime/embedded-temporal';
import { installWorkerRuntime } from '../runtime/worker-runtime';
import { connectClient, connectWorker } from '../runtime/temporal-connection';
import { createEngineWorker } from '../worker/create-worker';
import { deployProcessPack } from './deploy-process-pack';

const log = (msg: string) => console.log(`[start] ${msg}`);

let embedded: EmbeddedTemporal | undefined;

async function main(): Promise<void> {
  const config = loadConfig();
  const started = Date.now();
  installWorkerRuntime(config.logLevel);
  let address = config.temporal.address;
  if (!address) {
    embedded = await startEmbeddedTemporal({
      dataDir: config.dataDir,
      port: config.temporal.embedded!.port,
      uiPort: config.temporal.embedded!.uiPort,
      namespace: config.temporal.namespace,
      log: (line) => line && console.error(`[temporal] ${line}`),
    });
    address = embedded.address;
    log(`Temporal dev server on ${address} (state in ${config.dataDir}/temporal.sqlite)`);
  }
  const dataSource = await openDatabase(config.database);
  const client = await connectClient(config.temporal, address);
  const workerConnection = await connectWorker(config.temporal, address);
  const worker: Worker = await createEngineWorker({ connection: workerConnection, config, dataSource });
  const workerRun = worker.run();
  const app: INestApplication = await createApp({ config, temporal: client, dataSource });
  await app.listen(config.port, config.host);
  const deployed = await deployProcessPack(app);

  const base = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
  log(`ready in ${((Date.now() - started) / 1000).toFixed(1)}s`);
  log(`Web UI          ${base}/`);
  log(`API             ${base}/api`);
  log(`OpenAPI         ${base}/api/docs`);
  log(`Health          ${base}/api/health`);
  if (embedded) log(`Temporal Web UI ${embedded.uiUrl}`);
  if (deployed.length) log(`process pack    ${deployed.join(', ')}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    await app.close(); // also closes the data source (TypeORM module)
    try {
      worker.shutdown(); // the SDK may already be draining on the same signal
    } catch {
      /* already shutting down */
    }
    await workerRun.catch(() => undefined);
    await workerConnection.close();
    await client.connection.close();
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
    log('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch(async (error) => {
  console.error(error instanceof ConfigError ? error.message : error);
  await embedded?.stop(); // never leave an orphaned dev server behind
  process.exit(1);
});
