/** The plant's working-day calendar as stored (cr_plant_calendar_day), for the activities and the API. */
import type { EntityManager } from 'typeorm';
import { PlantCalendarDayEntity } from '../../../persistence/entities/contract-review';
import { WorkingCalendar } from '../domain/working-days';

/** The whole calendar: a few dozen rows a year, read once per job. */
export async function loadWorkingCalendar(em: EntityManager): Promise<WorkingCalendar> {
  return new WorkingCalendar(await em.find(PlantCalendarDayEntity, { select: { date: true, kind: true } }));
}
