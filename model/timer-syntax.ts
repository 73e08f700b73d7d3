/**
 * The one timer grammar, as Zeebe accepts it: ISO 8601 durations, date-times and
 * `R[n]/[start/]duration` cycles, and cron (5 or 6 fields, or a macro). Lint checks static
 * values with it at deploy; the interpreter (engine/timers.ts) parses with it at run time
 * and does the arithmetic there, in workflow time and the configured time zone.
 */

const DURATION =
  /^P(?=\d|T\d)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
// Zeebe parses dates as ZonedDateTime: an offset is required, a [Region/City] suffix allowed.
const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:\d{2}))(\[[A-Za-z0-9_/+-]+\])?$/;
const CRON_FIELD = /^[0-9A-Za-z*?,/#-]+$/;
const CRON_MACROS = ['@yearly', '@annually', '@monthly', '@weekly', '@daily', '@midnight', '@hourly'];

export interface DurationParts {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

export function parseDuration(value: string): DurationParts | undefined {
  const m = DURATION.exec(value);
  if (!m) return undefined;
  const [years, months, weeks, days, hours, minutes] = m.slice(1, 7).map((v) => Number(v ?? 0));
  return { years, months, weeks, days, hours, minutes, seconds: Number(m[7] ?? 0) };
}

/** Shortest repeat interval of a cycle: Temporal schedules (timer starts) and timers below it never keep up. */
export const MIN_CYCLE_INTERVAL_SECONDS = 1;

export function isDuration(value: string): boolean {
  return parseDuration(value) !== undefined;
}

export function isDateTime(value: string): boolean {
  const match = DATE_TIME.exec(value);
  return !!match && !Number.isNaN(Date.parse(match[1]));
}

/** A cycle: `R[n]/[start/]interval` (times null: for ever), or anything else, read as cron. */
export type CycleParts =
  | { kind: 'repeat'; times: number | null; start?: string; interval: string }
  | { kind: 'cron'; expression: string };

/** The shape of a cycle; undefined for a malformed `R…` one. Start dates and cron fields are checked by their users. */
export function parseCycle(value: string): CycleParts | undefined {
  if (!value.startsWith('R')) return { kind: 'cron', expression: value };
  const parts = value.split('/');
  const times = /^R(\d*)$/.exec(parts[0]);
  if (!times || parts.length < 2 || parts.length > 3 || !isDuration(parts[parts.length - 1]))
    return undefined;
  return {
    kind: 'repeat',
    times: times[1] === '' ? null : Number(times[1]),
    ...(parts.length === 3 ? { start: parts[1] } : {}),
    interval: parts[parts.length - 1],
  };
}

/** `R[n]/[start/]duration` (ISO 8601 repeating interval) or a cron expression (5 or 6 fields, or a macro). */
export function isCycle(value: string): boolean {
  const cycle = parseCycle(value);
  if (!cycle) return false;
  if (cycle.kind === 'repeat') return cycle.start === undefined || isDateTime(cycle.start);
  return isCron(cycle.expression);
}

/**
 * Seconds between two firings of an `R[n]/[start/]duration` cycle (months as 30 days, years as
 * 365: only ever compared with MIN_CYCLE_INTERVAL_SECONDS); undefined for cron and invalid values.
 */
export function cycleIntervalSeconds(value: string): number | undefined {
  const cycle = isCycle(value) ? parseCycle(value) : undefined;
  if (cycle?.kind !== 'repeat') return undefined;
  const d = parseDuration(cycle.interval)!;
  return (
    (((d.years * 365 + d.months * 30 + d.weeks * 7 + d.days) * 24 + d.hours) * 60 + d.minutes) * 60 +
    d.seconds
  );
}

function isCron(value: string): boolean {
  if (CRON_MACROS.includes(value)) return true;
  const fields = value.split(/\s+/);
  return (fields.length === 5 || fields.length === 6) && fields.every((field) => CRON_FIELD.test(field));
}
