import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';

// The system of record (history/): one migration for SQLite and PostgreSQL, via the schema builder.
const str = (name: string, length = 255, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const time = (name: string, nullable = false) => str(name, 30, nullable);
const int = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'integer',
  isNullable: nullable,
});
const big = (name: string): TableColumnOptions => ({ name, type: 'bigint', isNullable: true });
const bool = (name: string): TableColumnOptions => ({ name, type: 'boolean', default: false });
const text = (name: string, nullable = false): TableColumnOptions => ({
  name,
  type: 'text',
  isNullable: nullable,
});
const index = (...columnNames: string[]) => new TableIndex({ columnNames });

export class HistoryTables1764630000000 implements MigrationInterface {
  name = 'HistoryTables1764630000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'history_instance',
        columns: [
          { ...str('executionId', 64), isPrimary: true },
          str('instanceId', 512),
          str('lastRunId', 64),
          str('processId'),
          int('version'),
          str('businessKey'),
          str('state', 16),
          time('startedAt'),
          time('endedAt', true),
          big('durationMs'),
          str('parentInstanceId', 512, true),
          str('parentExecutionId', 64, true),
          bool('hasIncident'),
          int('lastSeq'),
          str('cancelledBy', 255, true),
          time('updatedAt'),
        ],
        // List pages are ordered by start time, newest first, within the usual filters.
        indices: [
          index('startedAt'),
          index('processId', 'version', 'startedAt'),
          index('state', 'startedAt'),
          index('businessKey'),
          index('instanceId', 'startedAt'),
          index('parentExecutionId'),
          index('endedAt'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'history_event',
        columns: [
          { ...str('executionId', 64), isPrimary: true },
          { ...int('seq'), isPrimary: true },
          str('kind', 16),
          time('at'),
          str('elementId', 255, true),
          text('data'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'history_element',
        columns: [
          { ...str('executionId', 64), isPrimary: true },
          { ...str('elementInstanceKey', 32), isPrimary: true },
          str('processId'),
          int('version'),
          str('elementId'),
          str('elementType', 64),
          str('name', 255, true),
          str('scopeKey', 32, true),
          str('state', 16),
          time('startedAt', true),
          big('startedMs'),
          time('endedAt', true),
          big('durationMs'),
          str('actor', 255, true),
        ],
        // Heatmap: counts and durations per element of a process (version); list: active element.
        indices: [
          index('processId', 'elementId', 'state', 'durationMs'),
          index('processId', 'version', 'elementId', 'state', 'durationMs'),
          index('elementId', 'state', 'executionId'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'history_variable',
        columns: [
          { ...str('executionId', 64), isPrimary: true },
          { ...str('scopeKey', 32), isPrimary: true },
          { ...str('name'), isPrimary: true },
          str('processId'),
          text('value'),
          bool('truncated'),
          str('valueKey'),
          time('updatedAt'),
        ],
        indices: [index('name', 'valueKey', 'executionId')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'history_incident',
        columns: [
          { ...str('incidentId', 600), isPrimary: true },
          str('executionId', 64),
          str('instanceId', 512),
          str('processId'),
          str('elementId'),
          str('elementInstanceId', 32),
          str('kind', 32),
          text('message'),
          time('createdAt'),
          str('state', 16),
          time('resolvedAt', true),
          str('resolvedBy', 255, true),
        ],
        indices: [index('state', 'createdAt'), index('executionId'), index('instanceId')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'audit_entry',
        columns: [
          {
            name: 'id',
            type: 'integer',
            isPrimary: true,
            isGenerated: true,
            generationStrategy: 'increment',
          },
          time('at'),
          str('user'),
          str('action', 32),
          str('instanceId', 512, true),
          str('processId', 255, true),
          str('subject', 600, true),
          text('details', true),
        ],
        indices: [index('instanceId', 'id'), index('user', 'id'), index('action', 'id'), index('at')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'audit_entry',
      'history_incident',
      'history_variable',
      'history_element',
      'history_event',
      'history_instance',
    ])
      await q.dropTable(table);
  }
}
