/** The databases every database test runs on: SQLite (embedded default) and PostgreSQL (production). */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppConfig } from '../../config/app-config';

export function testDatabases(): [string, AppConfig['database']][] {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('TEST_DATABASE_URL is not set: the db project globalSetup starts PostgreSQL');
  return [
    [
      'sqlite',
      { kind: 'sqlite', file: join(mkdtempSync(join(tmpdir(), 'bpmn-temporal-sqlite-')), 'app.sqlite') },
    ],
    ['postgres', { kind: 'postgres', url }],
  ];
}
