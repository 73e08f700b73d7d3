/**
 * Batch selection by filter reads the system of record (the store's instance search), on
 * SQLite and PostgreSQL: process, version, state, business key, variables and active element;
 * pages through more instances than one query reads; special characters in business keys
 * and variable values (%, _, \, quotes) match only themselves.
 */
import type { DataSource } from 'typeorm';
import { BatchSelection } from '../../api/batch-operations/batch-selection.service';
import type { BatchFilterDto } from '../../api/batch-operations/batch-operation.request.dto';
import { DomainError } from '../../api/errors/domain-error';
import { HistoryWriter } from '../../history/history-writer';
import { HistoryReads } from '../../history/store-reads';
import { openDatabase } from '../../persistence/data-source';
import { testDatabases } from '../support/databases';
import { ExportDriver } from '../support/export-driver';
import { graph } from '../unit/engine/support/graph-builder';

/** Business keys that a LIKE pattern or a hand-built SQL string would get wrong, with decoys. */
const SPECIAL_KEYS = ['50%', '50', '500', 'a_b', 'axb', 'a\\b', 'a\\\\b', "o'neil", 'oneil', 'say "hi"'];

describe.each(testDatabases())('batch selection from the store on %s', (name, database) => {
  let db: DataSource;
  let selection: BatchSelection;
  const processId = `batch-select-${name}-${Date.now().toString(36)}`;
  const g = graph(processId)
    .start()
    .user('review', undefined, { candidateGroups: 'sales' })
    .user('approve', undefined, { candidateGroups: 'manager' })
    .end()
    .flow('start', 'review', 'approve', 'end')
    .build();
  const id = (businessKey: string) => `${processId}/${businessKey}`;
  const select = (filter: Partial<BatchFilterDto>) =>
    selection.select({ processId, ...filter }).then((ids) => ids.sort());

  beforeAll(async () => {
    db = await openDatabase(database);
    selection = new BatchSelection(new HistoryReads(db));
    const writer = new HistoryWriter(db);
    const at = Date.UTC(2026, 5, 1);
    const drivers: ExportDriver[] = [];
    // v1: r-0..r-5 at review, p-0..p-3 passed review (at approve), done-0..1 completed.
    const run = (key: string, version: number, vars: Record<string, unknown>, steps: number) => {
      const d = new ExportDriver(g, key, at + drivers.length * 1000, version);
      d.start(vars);
      if (steps > 0) d.completeTask('review', 'li.na');
      if (steps > 1) d.completeTask('approve', 'zhao.lei');
      drivers.push(d);
    };
    for (let i = 0; i < 6; i++) run(`r-${i}`, 1, { customer: i % 2 ? 'ACME' : 'BOSCH', amount: i }, 0);
    for (let i = 0; i < 4; i++) run(`p-${i}`, 1, { customer: 'ACME', amount: 100 + i }, 1);
    for (let i = 0; i < 2; i++) run(`done-${i}`, 1, { customer: 'ACME', amount: 200 + i }, 2);
    for (let i = 0; i < 3; i++) run(`v2-${i}`, 2, { customer: 'ACME', amount: i, tags: ['x', 'y'] }, 0);
    SPECIAL_KEYS.forEach((key) => run(key, 3, { note: key, flags: { key } }, 0));
    await writer.write(drivers.flatMap((d) => d.batches));
  });
  afterAll(() => db.destroy());

  it('selects running instances by process and version, not completed ones unless asked', async () => {
    const v1Running = [
      ...[0, 1, 2, 3, 4, 5].map((i) => id(`r-${i}`)),
      ...[0, 1, 2, 3].map((i) => id(`p-${i}`)),
    ];
    expect(await select({ version: 1 })).toEqual(v1Running.sort());
    expect(await select({ version: 1, state: 'COMPLETED' })).toEqual([id('done-0'), id('done-1')]);
    expect(await select({ version: 2 })).toEqual([0, 1, 2].map((i) => id(`v2-${i}`)));
    expect(await select({ processId: `${processId}-other` })).toEqual([]);
  });

  it('selects by active element and by variables (strings, numbers, arrays, objects)', async () => {
    expect(await select({ version: 1, activeElementId: 'approve' })).toEqual(
      [0, 1, 2, 3].map((i) => id(`p-${i}`)),
    );
    expect(await select({ version: 1, activeElementId: 'review', variables: { customer: 'ACME' } })).toEqual([
      id('r-1'),
      id('r-3'),
      id('r-5'),
    ]);
    expect(await select({ variables: { amount: 101 } })).toEqual([id('p-1')]);
    expect(await select({ variables: { amount: 1, customer: 'ACME' } })).toEqual([id('r-1'), id('v2-1')]);
    expect(await select({ variables: { tags: ['x', 'y'] } })).toEqual([0, 1, 2].map((i) => id(`v2-${i}`)));
    expect(await select({ variables: { tags: ['y', 'x'] } })).toEqual([]);
    expect(await select({ variables: { amount: 101, customer: 'BOSCH' } })).toEqual([]);
    expect(await select({ variables: { missing: 'x' } })).toEqual([]);
  });

  it.each(SPECIAL_KEYS)('a business key %j matches only itself', async (key) => {
    expect(await select({ businessKey: key })).toEqual([id(key)]);
    expect(await select({ version: 3, variables: { note: key } })).toEqual([id(key)]);
    expect(await select({ version: 3, variables: { flags: { key } } })).toEqual([id(key)]);
  });

  it('wildcards and quotes are not patterns: %, _ and a lone quote select nothing', async () => {
    for (const key of ['%', '5%', '_', 'a_', '\\', "'", "' OR '1'='1", '"'])
      expect(await select({ businessKey: key })).toEqual([]);
    expect(await select({ variables: { note: '%' } })).toEqual([]);
    expect(await select({ variables: { note: 'a_%' } })).toEqual([]);
  });

  it('pages through the store and refuses a filter wider than the limit', async () => {
    const all = await selection.select({ processId }, { page: 4, limit: 100 });
    expect(all).toHaveLength(6 + 4 + 3 + SPECIAL_KEYS.length);
    expect(new Set(all).size).toBe(all.length);
    const refused = await selection.select({ processId }, { page: 4, limit: 10 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'BATCH.TOO_MANY' });
  });
});
