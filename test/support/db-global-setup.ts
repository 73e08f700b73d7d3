// Jest globalSetup of the `db` project: a real PostgreSQL for the PostgreSQL half of the suite.
import { freePort } from '../../runtime/free-port';
import { startPostgres } from './postgres-server';

export default async function setup(): Promise<void> {
  if (process.env.TEST_DATABASE_URL) return;
  const server = await startPostgres(await freePort(55432));
  process.env.TEST_DATABASE_URL = server.url;
  (globalThis as { __postgres?: { stop(): void } }).__postgres = server;
}
