import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';

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

/** The notifications' address book and the task notices (new task, due tomorrow, overdue). */
export class Notifications1764620000000 implements MigrationInterface {
  name = 'Notifications1764620000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'mail_address',
        columns: [
          { ...str('recipient'), isPrimary: true },
          text('addresses'),
          str('updatedBy'),
          str('updatedAt', 30),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'task_notice',
        columns: [
          { ...str('id', 300), isPrimary: true },
          str('taskId'),
          str('kind', 16),
          text('recipients'),
          str('subject', 512),
          text('body'),
          str('createdAt', 30),
          str('claimedAt', 30, true),
          str('deliveredAt', 30, true),
          str('channel', 32, true),
          { name: 'attempts', type: 'integer', default: 0 },
          text('lastError', true),
        ],
        indices: [
          new TableIndex({ columnNames: ['taskId'] }),
          new TableIndex({ columnNames: ['deliveredAt'] }),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('task_notice');
    await q.dropTable('mail_address');
  }
}
