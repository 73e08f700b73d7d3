/**
 * `npm start`: everything in one command. Provisions the Temporal CLI when it is missing,
 * starts the Temporal dev server (unless TEMPORAL_ADDRESS is set), opens and migrates the
 * database, runs the engine worker and the API (which serves the web UI), deploys the
 * process pack, and prints a short banner with the URLs. JSON logs go to DATA_DIR/logs
 * (to the console with LOG_LEVEL=debug or trace, or to LOG_FILE when set).
 * SIGINT/SIGTERM stop it all cleanly; the next start finds every execution and row again.
 */
import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import type { Worker } from '@temporalio/worker';
import { join } from 'node:path';
import { AppConfig, ConfigError, loadConfig } from '../config/app-config';
import { createApp } from '../api/create-app';
import { openDatabase } from '../persistence/data-source';
import { EmbeddedTemporal, startEmbeddedTemporal } from '../runtime/embedded-temporal';
import { installWorkerRuntime } from '../runtime/worker-runtime';
import { connectClient, connectWorker } from '../runtime/temporal-connection';
import { createEngineWorkerWithHistory } from '../worker/create-worker';
import { processLogger } from '../runtime/log-destination';
import { deployProcessPacks } from './deploy-process-pack';

const log = (msg: string) => console.log(`[start] ${msg}`);

let embedded: EmbeddedTemporal | undefined;

/** JSON logs stay on the console only when asked for with a debug level; otherwise they go to a file. */
function withLogFile(config: AppConfig): AppConfig {
  if (config.logFile || config.logLevel === 'debug' || config.logLevel === 'trace') return config;
  return { ...config, logFile: join(config.dataDir, 'logs', 'app.log') };
}

async function main(): Promise<void> {
  const config = withLogFile(loadConfig());
  const started = Date.now();
  installWorkerRuntime(config.logLevel, config.logFile);
  let address = config.temporal.address;
  if (!address) {
    log('starting the Temporal dev server');
    const temporalLog = processLogger('warn', config.logFile, 'temporal-dev-server');
    embedded = await startEmbeddedTemporal({
      dataDir: config.dataDir,
      port: config.temporal.embedded!.port,
      uiPort: config.temporal.embedded!.uiPort,
      retentionDays: config.temporal.embedded!.retentionDays,
      namespace: config.temporal.namespace,
      log: (line) => line && (config.logFile ? temporalLog.warn(line) : console.error(`[temporal] ${line}`)),
    });
    address = embedded.address;
  }
  log('opening the database, starting the engine worker and the API');
  const dataSource = await openDatabase(config.database);
  const client = await connectClient(config.temporal, address);
  const workerConnection = await connectWorker(config.temporal, address);
  const engine = await createEngineWorkerWithHistory({ connection: workerConnection, config, dataSource });
  const worker: Worker = engine.worker;
  const workerRun = worker.run();
  // Catch up on batches a previous run lost when it was killed between a workflow task and its export.
  const caughtUp = engine
    .reconcile()
    .catch((error) => console.error('[start] history reconcile failed', error));
  const stopRetention = engine.keepRetention();
  const app: INestApplication = await createApp({ config, temporal: client, dataSource });
  await app.listen(config.port, config.host);
  const deployed = await deployProcessPacks(app);

  const base = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${config.port}`;
  const definitions = deployed.filter((label) => !label.startsWith('form ') && / v\d+$/.test(label));
  console.log(
    [
      '',
      `BPMN on Temporal is ready (${((Date.now() - started) / 1000).toFixed(1)} s)`,
      `  Web UI           ${base}/`,
      `  API              ${base}/api   (OpenAPI ${base}/api/docs, health ${base}/api/health)`,
      `  Temporal         ${address}${embedded ? `   (Web UI ${embedded.uiUrl}, state in ${join(config.dataDir, 'temporal.sqlite')})` : ''}`,
      `  Database         ${config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL (DATABASE_URL)'}`,
      `  Process pack     ${definitions.length ? definitions.join(', ') : 'nothing deployed'}`,
      `  Logs             ${config.logFile ?? 'this console (JSON)'}`,
      'Ctrl-C stops it.',
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: shutting down`);
    try {
      worker.shutdown(); // the SDK may already be draining on the same signal
    } catch {
      /* already shutting down */
    }
    await workerRun.catch(() => undefined);
    stopRetention();
    await caughtUp;
    await engine.history.drain();
    await app.close(); // also closes the data source (TypeORM module)
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
