import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';

const str = (name: string, length = 255, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});
const time = (name: string, nullable = false) => str(name, 30, nullable);

/** The outbox of commands for instances and the answers to keyed write requests. */
export class InstanceCommandOutbox1764600000000 implements MigrationInterface {
  name = 'InstanceCommandOutbox1764600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'instance_command',
        columns: [
          { ...str('id', 700), isPrimary: true },
          str('kind', 16),
          str('workflowId', 512),
          { name: 'payload', type: 'text' },
          str('state', 16),
          { name: 'attempts', type: 'integer' },
          { name: 'lastError', type: 'text', isNullable: true },
          time('createdAt'),
          time('nextAttemptAt'),
          time('leaseUntil', true),
          time('deliveredAt', true),
        ],
        indices: [new TableIndex({ columnNames: ['state', 'nextAttemptAt'] })],
      }),
    );
    await q.createTable(
      new Table({
        name: 'idempotent_request',
        columns: [
          { ...str('scope', 64), isPrimary: true },
          { ...str('key', 600), isPrimary: true },
          str('fingerprint', 64),
          { name: 'response', type: 'text' },
          time('createdAt'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('idempotent_request');
    await q.dropTable('instance_command');
  }
}
