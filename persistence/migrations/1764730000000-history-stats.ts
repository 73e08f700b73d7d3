import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';

// Heatmap counters kept by the history writer (history/element-stats.ts), and list indexes
// that carry the keyset order's tie-breaker (startedAt DESC, executionId DESC) per filter.
const counter = (name: string, type = 'integer') => ({ name, type, default: 0 });
const LIST_INDEXES = [
  ['startedAt', 'executionId'],
  ['processId', 'startedAt', 'executionId'],
  ['processId', 'version', 'startedAt', 'executionId'],
  ['state', 'startedAt', 'executionId'],
];
const indexName = (columns: string[]) => `IDX_history_instance_list_${columns.join('_')}`;

export class HistoryStats1764730000000 implements MigrationInterface {
  name = 'HistoryStats1764730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'history_stat',
        columns: [
          { name: 'processId', type: 'varchar', length: '255', isPrimary: true },
          { name: 'version', type: 'integer', isPrimary: true },
          { name: 'elementId', type: 'varchar', length: '255', isPrimary: true },
          counter('active'),
          counter('completed'),
          counter('terminated'),
          counter('failed'),
          counter('passed'),
          counter('durationSum', 'bigint'),
          counter('durationCount'),
        ],
      }),
    );
    // Counters for what the store already holds.
    await q.query(
      `INSERT INTO history_stat ("processId", "version", "elementId", "active", "completed", "terminated", "failed", "passed", "durationSum", "durationCount")
       SELECT "processId", "version", "elementId",
              SUM(CASE WHEN state = 'active' THEN 1 ELSE 0 END),
              SUM(CASE WHEN state = 'completed' THEN 1 ELSE 0 END),
              SUM(CASE WHEN state = 'terminated' THEN 1 ELSE 0 END),
              0,
              COUNT(DISTINCT CASE WHEN state = 'completed' THEN "executionId" END),
              COALESCE(SUM(CASE WHEN state = 'completed' THEN "durationMs" END), 0),
              COUNT(CASE WHEN state = 'completed' THEN "durationMs" END)
       FROM history_element GROUP BY "processId", "version", "elementId"`,
    );
    await q.query(
      `INSERT INTO history_stat ("processId", "version", "elementId", "active", "completed", "terminated", "failed", "passed", "durationSum", "durationCount")
       SELECT "processId", "version", '',
              SUM(CASE WHEN state = 'ACTIVE' THEN 1 ELSE 0 END),
              SUM(CASE WHEN state = 'COMPLETED' THEN 1 ELSE 0 END),
              SUM(CASE WHEN state = 'TERMINATED' THEN 1 ELSE 0 END),
              SUM(CASE WHEN state = 'FAILED' THEN 1 ELSE 0 END),
              0, 0, 0
       FROM history_instance GROUP BY "processId", "version"`,
    );
    for (const columns of LIST_INDEXES)
      await q.createIndex(
        'history_instance',
        new TableIndex({ name: indexName(columns), columnNames: columns }),
      );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const columns of LIST_INDEXES) await q.dropIndex('history_instance', indexName(columns));
    await q.dropTable('history_stat');
  }
}
