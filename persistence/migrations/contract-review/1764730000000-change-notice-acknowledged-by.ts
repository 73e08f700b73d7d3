import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

// Who acknowledged a change notice (合同更改通知单): the signed-in user who completed the task, never typed.
export class ChangeNoticeAcknowledgedBy1764730000000 implements MigrationInterface {
  name = 'ChangeNoticeAcknowledgedBy1764730000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumn(
      'cr_change_notice',
      new TableColumn({ name: 'acknowledgedBy', type: 'varchar', length: '255', isNullable: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('cr_change_notice', 'acknowledgedBy');
  }
}
