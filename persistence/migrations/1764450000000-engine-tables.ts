import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';

// Written with TypeORM's schema builder rather than raw SQL so that one migration serves
// both SQLite (embedded) and PostgreSQL (production).
const str = (name: string, length = 255, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const text = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});
const time = (name: string, nullable = false) => str(name, 30, nullable);

export class EngineTables1764450000000 implements MigrationInterface {
  name = 'EngineTables1764450000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'process_definition',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          str('processId'),
          { name: 'version', type: 'integer' },
          str('name', 255, true),
          str('xmlHash', 64),
          text('xml'),
          text('graph'),
          text('warnings'),
          str('deployedBy'),
          time('deployedAt'),
        ],
        indices: [
          new TableIndex({ columnNames: ['processId', 'version'], isUnique: true }),
          new TableIndex({ columnNames: ['processId', 'xmlHash'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'user_task',
        columns: [
          { ...str('taskId'), isPrimary: true },
          str('instanceId', 512),
          str('processId'),
          { name: 'version', type: 'integer' },
          str('elementId'),
          str('name', 255, true),
          text('candidateGroups'),
          text('candidateUsers'),
          str('assignee', 255, true),
          str('formId', 255, true),
          str('state', 16),
          time('createdAt'),
          time('dueDate', true),
          time('followUpDate', true),
          time('completedAt', true),
          str('completedBy', 255, true),
          text('variables', true),
        ],
        indices: [
          new TableIndex({ columnNames: ['state', 'dueDate'] }),
          new TableIndex({ columnNames: ['instanceId'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'form',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          str('formId'),
          { name: 'version', type: 'integer' },
          str('schemaHash', 64),
          text('schema'),
          str('deployedBy'),
          time('deployedAt'),
        ],
        indices: [new TableIndex({ columnNames: ['formId', 'version'], isUnique: true })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['form', 'user_task', 'process_definition']) await q.dropTable(table);
  }
}
