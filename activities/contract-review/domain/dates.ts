/** Calendar arithmetic on ISO dates (`YYYY-MM-DD`), in the plant's time zone where a clock time is involved. */

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  // 29 February plus a year is 28 February, not 1 March.
  const last = new Date(Date.UTC(y + years, m, 0)).getUTCDate();
  return `${String(y + years).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The calendar date of an instant in `timeZone`. */
export function localDate(epochMs: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(new Date(epochMs));
}

/** `2026-12` → `2026-12-31`: the day before the 1st of the following month. */
export function lastDayOfMonth(month: string): string {
  return addDays(`${addDays(`${month}-01`, 32).slice(0, 7)}-01`, -1);
}

/** `2026-12` */
export function monthOf(date: string): string {
  return date.slice(0, 7);
}

/** ISO 8601 week, `2026-W49`. */
export function isoWeekOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86400000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** Monday of an ISO week `2026-W49`. */
export function mondayOfIsoWeek(week: string): string {
  const [, y, w] = /^(\d{4})-W(\d{2})$/.exec(week) ?? [];
  if (!y) throw new Error(`invalid ISO week '${week}'`);
  const jan4 = new Date(Date.UTC(Number(y), 0, 4));
  const monday = new Date(jan4);
  monday.setUTCDate(jan4.getUTCDate() - ((jan4.getUTCDay() || 7) - 1) + (Number(w) - 1) * 7);
  return monday.toISOString().slice(0, 10);
}

/** The first instant after a committed date has passed: 00:00 of the next day, wall time in the plant zone (the engine reads it so). */
export function dueDatePassedAt(committedDate: string): string {
  return `${addDays(committedDate, 1)}T00:00:00`;
}

/** The plant wall time of an instant, `YYYY-MM-DDTHH:MM:SS` (what a timeDate without offset means). */
export function localDateTime(epochMs: number, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(epochMs));
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}:${get('second')}`;
}
