import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';

// TypeORM's schema builder, not raw SQL: one migration for SQLite and PostgreSQL.
const str = (name: string, length = 255, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const text = (name: string): TableColumnOptions => ({ name, type: 'text', isNullable: false });

export class DecisionTables1764650000000 implements MigrationInterface {
  name = 'DecisionTables1764650000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'decision_definition',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          str('decisionId'),
          { name: 'version', type: 'integer' },
          str('name', 255, true),
          str('versionTag', 255, true),
          str('definitionsId'),
          str('xmlHash', 64),
          text('xml'),
          text('graph'),
          str('deployedBy'),
          str('deployedAt', 30),
        ],
        indices: [
          new TableIndex({ columnNames: ['decisionId', 'version'], isUnique: true }),
          new TableIndex({ columnNames: ['decisionId', 'versionTag'] }),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'decision_evaluation',
        columns: [
          { ...str('jobKey', 700), isPrimary: true },
          str('instanceId', 512),
          str('elementId'),
          str('decisionId'),
          { name: 'decisionVersion', type: 'integer' },
          text('result'),
          text('evaluatedDecisions'),
          str('evaluatedAt', 30),
        ],
        indices: [new TableIndex({ columnNames: ['instanceId'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['decision_evaluation', 'decision_definition']) await q.dropTable(table);
  }
}
