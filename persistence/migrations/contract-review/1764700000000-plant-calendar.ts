import { MigrationInterface, QueryRunner, Table } from 'typeorm';
import { PRC_PUBLIC_HOLIDAYS_2026 } from './seed/prc-public-holidays-2026';

// The plant's working-day calendar (PlantCalendarDayEntity), seeded with the 2026 PRC public
// holidays and make-up working days; later years are entered by an admin through the API.
export class PlantCalendar1764700000000 implements MigrationInterface {
  name = 'PlantCalendar1764700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'cr_plant_calendar_day',
        columns: [
          { name: 'date', type: 'varchar', length: '10', isPrimary: true },
          { name: 'kind', type: 'varchar', length: '16', isNullable: false },
          { name: 'name', type: 'varchar', length: '255', isNullable: false },
          { name: 'updatedBy', type: 'varchar', length: '255', isNullable: false },
          { name: 'updatedAt', type: 'varchar', length: '30', isNullable: false },
        ],
      }),
    );
    const at = '2026-01-01T00:00:00.000Z';
    await q.manager
      .createQueryBuilder()
      .insert()
      .into('cr_plant_calendar_day', ['date', 'kind', 'name', 'updatedBy', 'updatedAt'])
      .values(PRC_PUBLIC_HOLIDAYS_2026.map((d) => ({ ...d, updatedBy: 'seed', updatedAt: at })))
      .execute();
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('cr_plant_calendar_day');
  }
}
