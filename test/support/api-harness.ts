/**
 * The whole product in-process for end-to-end tests: a real Temporal dev server (Temporal CLI),
 * a real SQLite database in a temp folder, the engine worker and the NestJS API on a free
 * loopback port. Tests talk HTTP to `baseUrl`.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import type { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { DataSource } from 'typeorm';
import { createApp } from '../../api/create-app';
import { AppConfig, loadConfig } from '../../config/app-config';
import { openDatabase } from '../../persistence/data-source';
import { createEngineWorkerWithHistory, type EngineWorker } from '../../worker/create-worker';
import { createDevServerEnv } from './temporal-env';

export interface ApiHarness {
  baseUrl: string;
  app: INestApplication;
  config: AppConfig;
  env: TestWorkflowEnvironment;
  dataSource: DataSource;
  /** The engine worker with its history exporter (drain it to read the store up to date). */
  engine: EngineWorker;
  token(user: string, groups: string[]): Promise<string>;
  /** fetch with JSON in and out, and a bearer token when given. */
  call(
    method: string,
    path: string,
    opts?: { token?: string; body?: unknown; contentType?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any }>;
  /** Stops the engine worker (fault tests): instances stop advancing, the API keeps serving. */
  stopWorker(): Promise<void>;
  /** Stops the Temporal dev server (fault tests). */
  stopTemporal(): Promise<void>;
  close(): Promise<void>;
}

export async function startApiHarness(overrides: NodeJS.ProcessEnv = {}): Promise<ApiHarness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bpmn-temporal-e2e-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn', ...overrides });
  const env = await createDevServerEnv();
  const dataSource = await openDatabase(config.database);
  const engine: EngineWorker = await createEngineWorkerWithHistory({
    connection: env.nativeConnection,
    config,
    dataSource,
  });
  const worker: Worker = engine.worker;
  const running = worker.run();
  const app: INestApplication = await createApp({ config, temporal: env.client, dataSource });
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  const baseUrl = `http://127.0.0.1:${address.port}/api`;

  const call: ApiHarness['call'] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.body !== undefined) {
      headers['content-type'] = opts.contentType ?? 'application/json';
      body = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    }
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body: parsed };
  };

  let workerStopped: Promise<void> | undefined;
  const stopWorker = () => {
    if (!workerStopped) {
      worker.shutdown();
      workerStopped = running;
    }
    return workerStopped;
  };
  let temporalStopped: Promise<void> | undefined;
  const stopTemporal = () => (temporalStopped ??= env.teardown());

  return {
    baseUrl,
    app,
    config,
    env,
    dataSource,
    engine,
    call,
    token: async (user, groups) => (await call('POST', '/auth/token', { body: { user, groups } })).body.token,
    stopWorker,
    stopTemporal,
    close: async () => {
      await app.close();
      await stopWorker();
      await engine.history.drain();
      if (dataSource.isInitialized) await dataSource.destroy();
      await stopTemporal();
    },
  };
}
