import { MigrationInterface, QueryRunner, TableColumn } from 'typeorm';

// CR-12 as written: a late order counts how often it went late and keeps the weekly decision and
// how it ended; each meeting entry keeps who completed it and when (from the token), attendees and chair.
export class LateOrderRules1764720000000 implements MigrationInterface {
  name = 'LateOrderRules1764720000000';

  async up(q: QueryRunner): Promise<void> {
    await q.addColumns('cr_late_order', [
      new TableColumn({ name: 'timesLate', type: 'integer', isNullable: false, default: 1 }),
      new TableColumn({ name: 'lateAgainAt', type: 'varchar', length: '30', isNullable: true }),
      new TableColumn({ name: 'lastDecision', type: 'varchar', length: '32', isNullable: true }),
      new TableColumn({ name: 'resolution', type: 'varchar', length: '16', isNullable: true }),
    ]);
    await q.addColumns('cr_late_order_review', [
      new TableColumn({ name: 'reviewedBy', type: 'varchar', length: '255', isNullable: true }),
      new TableColumn({ name: 'reviewedAt', type: 'varchar', length: '30', isNullable: true }),
      new TableColumn({ name: 'attendees', type: 'text', isNullable: true }),
      new TableColumn({ name: 'chair', type: 'varchar', length: '255', isNullable: true }),
    ]);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const c of ['chair', 'attendees', 'reviewedAt', 'reviewedBy'])
      await q.dropColumn('cr_late_order_review', c);
    for (const c of ['resolution', 'lastDecision', 'lateAgainAt', 'timesLate'])
      await q.dropColumn('cr_late_order', c);
  }
}
