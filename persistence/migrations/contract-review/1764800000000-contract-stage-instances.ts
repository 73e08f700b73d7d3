import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

// The contract's receipt and execution stages run in called instances (cr-receipt, cr-execution)
// of their own: the memo confirmation, deliveries, delays and amendments the API takes are
// messages for those instances.
export class ContractStageInstances1764800000000 implements MigrationInterface {
  name = 'ContractStageInstances1764800000000';

  async up(q: QueryRunner): Promise<void> {
    for (const name of ['receiptInstanceId', 'executionInstanceId'])
      await q.addColumn(
        'cr_contract',
        new TableColumn({ name, type: 'varchar', length: '512', isNullable: true }),
      );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropColumn('cr_contract', 'executionInstanceId');
    await q.dropColumn('cr_contract', 'receiptInstanceId');
  }
}
