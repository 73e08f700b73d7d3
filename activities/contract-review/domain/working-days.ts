/**
 * The plant's working-day calendar: Monday to Friday are working days, except the days the
 * calendar marks as holidays; a weekend day it marks as a make-up working day (调休) is one.
 * Pure: the days come from the calendar table (records/plant-calendar.ts).
 */
import { addDays } from './dates';

export type CalendarDayKind = 'holiday' | 'workday';

export interface CalendarDay {
  /** `YYYY-MM-DD` */
  date: string;
  kind: CalendarDayKind;
  /** e.g. 春节 Spring Festival, or 春节调休 for a make-up working day. */
  name: string;
}

/** More than the longest run of non-working days any calendar can hold (Spring Festival is 9). */
const SEARCH_LIMIT_DAYS = 370;

export class WorkingCalendar {
  private readonly kinds: ReadonlyMap<string, CalendarDayKind>;

  constructor(days: readonly Pick<CalendarDay, 'date' | 'kind'>[]) {
    this.kinds = new Map(days.map((d) => [d.date, d.kind]));
  }

  isWorkingDay(date: string): boolean {
    const kind = this.kinds.get(date);
    if (kind) return kind === 'workday';
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    return weekday !== 0 && weekday !== 6;
  }

  /** The first working day on or after `date`. */
  onOrAfter(date: string): string {
    let day = date;
    for (let i = 0; i < SEARCH_LIMIT_DAYS; i++, day = addDays(day, 1)) if (this.isWorkingDay(day)) return day;
    throw new Error(`the plant calendar has no working day within ${SEARCH_LIMIT_DAYS} days of ${date}`);
  }

  /** The first working day strictly after `date`. */
  after(date: string): string {
    return this.onOrAfter(addDays(date, 1));
  }

  /** `count` working days after `date` (count 0: `date` itself if it is a working day, else the next one). */
  addWorkingDays(date: string, count: number): string {
    let day = this.onOrAfter(date);
    for (let i = 0; i < count; i++) day = this.after(day);
    return day;
  }

  /** Working days in [from, to], both included. */
  workingDaysBetween(from: string, to: string): string[] {
    const days: string[] = [];
    for (let day = from; day <= to; day = addDays(day, 1)) if (this.isWorkingDay(day)) days.push(day);
    return days;
  }
}

/**
 * The next meeting at `time` (`HH:MM`) on a working day, strictly after the plant wall time
 * `nowLocal` (`YYYY-MM-DDTHH:MM:SS`): as plant wall time, which the engine's timeDate reads so.
 */
export function nextMeetingAt(calendar: WorkingCalendar, nowLocal: string, time = '09:00'): string {
  const today = nowLocal.slice(0, 10);
  const at = (day: string) => `${day}T${time}:00`;
  if (calendar.isWorkingDay(today) && at(today) > nowLocal) return at(today);
  return at(calendar.after(today));
}

/** The weekly meeting: Monday at `time`, on the first working day of the week when Monday is a holiday. */
export function nextWeeklyMeetingAt(calendar: WorkingCalendar, nowLocal: string, time = '09:00'): string {
  const today = nowLocal.slice(0, 10);
  const weekday = new Date(`${today}T00:00:00Z`).getUTCDay() || 7;
  for (let week = 0; week < 3; week++) {
    const monday = addDays(today, 1 - weekday + 7 * week);
    const sunday = addDays(monday, 6);
    const day = calendar.workingDaysBetween(monday, sunday)[0];
    if (day && `${day}T${time}:00` > nowLocal) return `${day}T${time}:00`;
  }
  throw new Error(`no weekly meeting found after ${nowLocal}`);
}
