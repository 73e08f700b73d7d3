/**
 * Several processes starting at once on one fresh database (issue 12 §3: two workers racing
 * on `CREATE TABLE migrations` killed one): on PostgreSQL the migrations run under an advisory
 * lock, so every opening succeeds and each migration is applied once.
 */
import { Client as PgClient } from 'pg';
import type { DataSource } from 'typeorm';
import { openDatabase } from '../../persistence/data-source';

describe('concurrent start on one fresh PostgreSQL database', () => {
  const admin = new PgClient({ connectionString: process.env.TEST_DATABASE_URL });
  const name = `concurrent_start_${Date.now()}`;
  let opened: DataSource[] = [];

  beforeAll(async () => {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
  });
  afterAll(async () => {
    await Promise.all(opened.map((db) => (db.isInitialized ? db.destroy() : undefined)));
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  });

  it('four processes opening it at once all start, and each migration is applied once', async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    const openings = await Promise.allSettled(
      Array.from({ length: 4 }, () => openDatabase({ kind: 'postgres', url: url.toString() })),
    );
    opened = openings.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []));
    expect(openings.map((o) => (o.status === 'rejected' ? String(o.reason) : 'opened'))).toEqual(
      Array(4).fill('opened'),
    );
    const applied: { name: string }[] = await opened[0].query('SELECT name FROM migrations');
    expect(applied.map((m) => m.name).sort()).toEqual(opened[0].migrations.map((m) => m.name).sort());
    for (const db of opened) expect(await db.showMigrations()).toBe(false);
  });
});
