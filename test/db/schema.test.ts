import type { DataSource } from 'typeorm';
import { openDatabase } from '../../persistence/data-source';
import { ProcessDefinitionEntity, UserTaskEntity } from '../../persistence/entities';
import { testDatabases } from '../support/databases';

describe.each(testDatabases())('schema on %s', (_name, database) => {
  let db: DataSource;

  beforeAll(async () => {
    db = await openDatabase(database);
  });
  afterAll(async () => {
    await db.query('DELETE FROM user_task');
    await db.query('DELETE FROM process_definition');
    await db.destroy();
  });

  it('runs every migration once and is a no-op on the next open', async () => {
    const again = await openDatabase(database);
    expect(await again.showMigrations()).toBe(false);
    await again.destroy();
    const tables = db.entityMetadatas.map((m) => m.tableName).sort();
    for (const table of tables)
      await expect(db.query(`SELECT COUNT(*) FROM ${table}`)).resolves.toBeDefined();
  });

  it('stores a definition with its graph as JSON and refuses a duplicate version', async () => {
    const repo = db.getRepository(ProcessDefinitionEntity);
    const row = {
      processId: 'p1',
      version: 1,
      name: '订单评审',
      xmlHash: 'a'.repeat(64),
      xml: '<definitions/>',
      graph: { format: 1 as const, processId: 'p1', nodes: {}, flows: {} },
      warnings: [{ elementId: 't1', rule: 'r', message: 'm' }],
      deployedBy: 'li.lei',
      deployedAt: '2026-11-29T10:00:00.000Z',
    };
    await repo.insert(row);
    const read = await repo.findOneByOrFail({ processId: 'p1', version: 1 });
    expect(read.graph).toEqual(row.graph);
    expect(read.name).toBe('订单评审');
    expect(read.warnings).toEqual(row.warnings);
    await expect(repo.insert({ ...row, xmlHash: 'b'.repeat(64) })).rejects.toThrow();
    expect(await repo.countBy({ processId: 'p1' })).toBe(1);
  });

  it('rolls a failed transaction back whole', async () => {
    const repo = db.getRepository(UserTaskEntity);
    const task = (taskId: string) => ({
      taskId,
      instanceId: 'contract-review/C-1',
      processId: 'contract-review',
      version: 1,
      elementId: 'review',
      name: null,
      candidateGroups: ['sales'],
      candidateUsers: [],
      assignee: null,
      formId: null,
      state: 'open' as const,
      createdAt: '2026-11-29T10:00:00.000Z',
      dueDate: null,
      followUpDate: null,
      completedAt: null,
      completedBy: null,
      variables: { a: 1 },
    });
    await expect(
      db.transaction(async (em) => {
        await em.insert(UserTaskEntity, task('t-1'));
        await em.insert(UserTaskEntity, task('t-1')); // duplicate key
      }),
    ).rejects.toThrow();
    expect(await repo.countBy({ instanceId: 'contract-review/C-1' })).toBe(0);
    await repo.insert(task('t-2'));
    expect((await repo.findOneByOrFail({ taskId: 't-2' })).candidateGroups).toEqual(['sales']);
  });
});
