import { MigrationInterface, QueryRunner, Table, TableColumnOptions, TableIndex } from 'typeorm';

const str = (name: string, length = 255, nullable = false): TableColumnOptions => ({
  name,
  type: 'varchar',
  length: String(length),
  isNullable: nullable,
});

/** Messages published with a time to live, kept until they expire (api/messages/). */
export class BufferedMessages1764740000000 implements MigrationInterface {
  name = 'BufferedMessages1764740000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'buffered_message',
        columns: [
          { ...str('messageId'), isPrimary: true },
          str('name'),
          str('correlationKey'),
          { name: 'variables', type: 'text' },
          str('expiresAt', 30),
          { name: 'correlatedProcessIds', type: 'text' },
          str('createdAt', 30),
          str('leaseUntil', 30, true),
        ],
        indices: [new TableIndex({ columnNames: ['expiresAt'] })],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('buffered_message');
  }
}
