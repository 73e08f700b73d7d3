/**
 * The TypeORM data source: SQLite (better-sqlite3) in the embedded default, PostgreSQL in
 * production. Schema changes go through migrations only; `synchronize` is never on here.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export function dataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: false,
  };
  if (database.kind === 'postgres') return { ...common, type: 'postgres', url: database.url };
  mkdirSync(dirname(database.file), { recursive: true });
  // WAL lets the API read while the worker writes; busy_timeout rides out short lock waits.
  return {
    ...common,
    type: 'better-sqlite3',
    database: database.file,
    prepareDatabase: (db: { pragma(s: string): unknown }) => {
      db.pragma('journal_mode = WAL');
      db.pragma('busy_timeout = 5000');
    },
  };
}

/** Opens the database and brings its schema up to date. */
export async function openDatabase(database: AppConfig['database']): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(database));
  await dataSource.initialize();
  if (database.kind === 'sqlite') serializeTransactions(dataSource);
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}

/**
 * better-sqlite3 is one connection: TypeORM would open a second transaction inside a running
 * one ("cannot start a transaction within a transaction") when two requests write at once.
 * SQLite runs one writer at a time anyway, so transactions queue here instead.
 */
function serializeTransactions(dataSource: DataSource): void {
  const manager = dataSource.manager;
  const transaction = manager.transaction.bind(manager) as (...args: unknown[]) => Promise<unknown>;
  let queue: Promise<unknown> = Promise.resolve();
  manager.transaction = ((...args: unknown[]) => {
    const run = queue.then(() => transaction(...args));
    queue = run.catch(() => undefined);
    return run;
  }) as typeof manager.transaction;
}
