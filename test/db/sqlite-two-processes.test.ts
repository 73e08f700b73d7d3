/**
 * Two processes on one SQLite file (issue 12 §3: TypeORM's deferred BEGIN gave "database is
 * locked"): both start on a fresh file and run read-then-write transactions at the same time;
 * BEGIN IMMEDIATE with the busy timeout makes them queue, so no write fails. Runs the built
 * data source (`npm run build`) in two real processes, as the product runs.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { openDatabase } from '../../persistence/data-source';
import { IdempotentRequestEntity } from '../../persistence/entities/idempotent-request.entity';

const DIST = join(__dirname, '..', '..', 'dist');
const WRITER = join(__dirname, '..', 'support', 'sqlite-writer.js');
const PER_PROCESS = 150;

it('two processes writing one SQLite file at once: every transaction commits, none is "database is locked"', async () => {
  if (!existsSync(join(DIST, 'persistence', 'data-source.js')))
    throw new Error('dist/ is missing: run `npm run build` first');
  const file = join(mkdtempSync(join(tmpdir(), 'bpmn-sqlite-two-')), 'app.sqlite');
  const run = (who: string) =>
    promisify(execFile)(process.execPath, [WRITER, DIST, file, String(PER_PROCESS), who], {
      timeout: 120_000,
    });
  const outputs = await Promise.all([run('a'), run('b')]);
  // The writer's result is its last line (a migration run may log before it).
  const failures = outputs.map((o) => JSON.parse(o.stdout.trim().split('\n').pop() ?? '').failures);
  expect(failures).toEqual([[], []]);
  const db = await openDatabase({ kind: 'sqlite', file });
  expect(await db.getRepository(IdempotentRequestEntity).countBy({ scope: 'sqlite-two-processes' })).toBe(
    2 * PER_PROCESS,
  );
  await db.destroy();
});
