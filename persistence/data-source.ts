/**
 * The TypeORM data source: SQLite (better-sqlite3) in the embedded default, PostgreSQL in
 * production. Schema changes go through migrations only; `synchronize` is never on here.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import 'reflect-metadata';
import { DataSource, DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { PROCESS_PACKS } from '../config/process-packs';
import { ENGINE_ENTITIES } from './entities';
import { ENGINE_MIGRATIONS } from './migrations';

export function dataSourceOptions(database: AppConfig['database']): DataSourceOptions {
  const common = {
    entities: [...ENGINE_ENTITIES, ...PROCESS_PACKS.flatMap((pack) => pack.entities)],
    migrations: [...ENGINE_MIGRATIONS, ...PROCESS_PACKS.flatMap((pack) => pack.migrations)],
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
  if (database.kind === 'sqlite') {
    beginImmediate(dataSource);
    serializeTransactions(dataSource);
  }
  await runMigrationsExclusively(dataSource);
  return dataSource;
}

/** Any fixed 64-bit number, the same in every process of this application. */
const MIGRATION_LOCK_KEY = 7_341_925_180;

/** Waits for SQLite's write lock (busy timeout, then retries) and migrates while holding it. */
async function runSqliteMigrationsExclusively(dataSource: DataSource): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    try {
      await dataSource.query('BEGIN IMMEDIATE TRANSACTION');
      break;
    } catch (error) {
      if (!/SQLITE_BUSY|database is locked/i.test(String(error)) || Date.now() > deadline) throw error;
    }
  }
  try {
    await dataSource.runMigrations({ transaction: 'none' });
    await dataSource.query('COMMIT');
  } catch (error) {
    await dataSource.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * Every process applies pending migrations at start; on PostgreSQL several may start at once
 * (two workers racing on `CREATE TABLE migrations` killed one). A session-level advisory lock
 * lets one migrate while the others wait, then find nothing left to do. On SQLite the whole
 * run, including TypeORM's look at which migrations are pending, happens inside one
 * BEGIN IMMEDIATE transaction, so a second process waits for the write lock and then sees
 * nothing pending (with per-migration transactions both saw the same migration pending).
 */
export async function runMigrationsExclusively(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'postgres') {
    await runSqliteMigrationsExclusively(dataSource);
    return;
  }
  const lock = dataSource.createQueryRunner();
  try {
    await lock.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    await lock.release();
  }
}

/**
 * TypeORM opens SQLite transactions with a deferred BEGIN: a transaction that reads, then
 * writes, fails at once with "database is locked" when another process wrote in between (the
 * busy timeout does not apply to a lock upgrade). BEGIN IMMEDIATE takes the write lock up
 * front, waiting up to the busy timeout for it, so two processes on one file queue instead.
 */
function beginImmediate(dataSource: DataSource): void {
  const runner = dataSource.driver.createQueryRunner('master');
  const query = runner.query.bind(runner) as (...args: unknown[]) => Promise<unknown>;
  runner.query = ((sql: string, ...rest: unknown[]) =>
    query(sql === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : sql, ...rest)) as typeof runner.query;
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
