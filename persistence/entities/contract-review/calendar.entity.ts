import { Column, Entity, PrimaryColumn } from 'typeorm';

/** `holiday`: a day off (on a weekday too); `workday`: a make-up working day (调休) on a weekend. */
export type PlantCalendarDayKind = 'holiday' | 'workday';

/**
 * One day of the plant's working-day calendar that differs from Monday-to-Friday: a holiday
 * or a make-up working day. Seeded with the year's PRC public holidays; an admin edits it.
 */
@Entity('cr_plant_calendar_day')
export class PlantCalendarDayEntity {
  /** `YYYY-MM-DD` */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  date!: string;

  @Column({ type: 'varchar', length: 16 })
  kind!: PlantCalendarDayKind;

  @Column({ type: 'varchar', length: 255 })
  name!: string;

  /** Who set the day (token `sub`), or `seed` for the shipped public holidays. */
  @Column({ type: 'varchar', length: 255 })
  updatedBy!: string;

  @Column({ type: 'varchar', length: 30 })
  updatedAt!: string;
}
