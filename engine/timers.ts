/**
 * Timer semantics in one file: ISO 8601 durations and dates, `R[n]/[start/]duration`
 * cycles and cron (5 or 6 fields, as Zeebe's Spring cron) in a configured IANA zone. All
 * arithmetic starts from the workflow time passed in, so replay computes the same instants.
 */
import type * as CronParser from 'cron-parser';
import type { TimerSpec } from '../model/process-graph';
import { parseCycle, parseDuration } from '../model/timer-syntax';
import { evaluateValue, ExpressionError } from './feel';
import type { TimerSubscription, Variables } from './state';

export type TimerCycle = NonNullable<TimerSubscription['cycle']>;

export interface TimerPlan {
  fireAt: number;
  cycle?: TimerCycle;
}

/** When a timer armed at `now` fires first (and how it repeats, for cycles). */
export function planTimer(spec: TimerSpec, now: number, timeZone: string, context: Variables): TimerPlan {
  const text = String(evaluateValue(spec.expression, context) ?? '').trim();
  switch (spec.kind) {
    case 'duration':
      return { fireAt: addDuration(now, text) };
    case 'date':
      return { fireAt: parseDateTime(text, timeZone) };
    case 'cycle':
      return planCycle(text, now, timeZone);
  }
}

/** The next firing of a repeating timer after the one at `previous`, or undefined when it is exhausted. */
export function nextFiring(
  cycle: TimerCycle,
  previous: number,
  now: number,
  timeZone: string,
): TimerPlan | undefined {
  if (cycle.remaining !== null && cycle.remaining <= 0) return undefined;
  const remaining = cycle.remaining === null ? null : cycle.remaining - 1;
  if (cycle.cron)
    return {
      fireAt: nextCron(cycle.cron, Math.max(previous, now), timeZone),
      cycle: { ...cycle, remaining },
    };
  let fireAt = addDuration(previous, cycle.interval!);
  // A host that delivered the firing late must not fire a burst of catch-up timers.
  while (fireAt <= now) fireAt = addDuration(fireAt, cycle.interval!);
  return { fireAt, cycle: { ...cycle, remaining } };
}

function planCycle(text: string, now: number, timeZone: string): TimerPlan {
  const cycle = cycleOf(text);
  if (cycle.kind === 'cron')
    return { fireAt: nextCron(text, now, timeZone), cycle: { remaining: null, cron: text } };
  const remaining = cycle.times === null ? null : Math.max(cycle.times - 1, 0);
  const fireAt =
    cycle.start !== undefined ? parseDateTime(cycle.start, timeZone) : addDuration(now, cycle.interval);
  return { fireAt, cycle: { remaining, interval: cycle.interval } };
}

function cycleOf(text: string) {
  const cycle = parseCycle(text);
  if (!cycle) throw new ExpressionError(`invalid timer cycle '${text}'`);
  return cycle;
}

export function addDuration(from: number, duration: string): number {
  const parts = parseDuration(duration);
  if (!parts) throw new ExpressionError(`invalid ISO 8601 duration '${duration}'`);
  const { years, months, weeks, days, hours, minutes, seconds } = parts;
  const date = new Date(from);
  if (years || months) date.setUTCMonth(date.getUTCMonth() + years * 12 + months);
  return date.getTime() + ((weeks * 7 + days) * 86400 + hours * 3600 + minutes * 60 + seconds) * 1000;
}

/** ISO date-time; without an offset it is wall time in the configured zone. */
export function parseDateTime(text: string, timeZone: string): number {
  const hasZone = /(Z|[+-]\d\d:?\d\d)$/.test(text) || /\[.+\]$/.test(text);
  if (hasZone) {
    const ms = Date.parse(text.replace(/\[.+\]$/, ''));
    if (Number.isNaN(ms)) throw new ExpressionError(`invalid date-time '${text}'`);
    return ms;
  }
  const wall = Date.parse(`${text}Z`);
  if (Number.isNaN(wall)) throw new ExpressionError(`invalid date-time '${text}'`);
  const first = wall - zoneOffset(timeZone, wall);
  return wall - zoneOffset(timeZone, first);
}

/** Loaded on first use: cron-parser (with luxon) is evaluated afresh for every workflow that imports it, and few processes use cron. */
let cronParser: typeof CronParser | undefined;

function nextCron(expression: string, after: number, timeZone: string): number {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cronParser ??= require('cron-parser') as typeof CronParser;
    return cronParser.CronExpressionParser.parse(expression, { currentDate: new Date(after), tz: timeZone })
      .next()
      .getTime();
  } catch (err) {
    throw new ExpressionError(`invalid timer cycle '${expression}': ${(err as Error).message}`);
  }
}

/** Offset of `timeZone` from UTC at `epoch`, in milliseconds. */
function zoneOffset(timeZone: string, epoch: number): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(new Date(epoch));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(
    get('year'),
    get('month') - 1,
    get('day'),
    get('hour'),
    get('minute'),
    get('second'),
  );
  return asUtc - Math.floor(epoch / 1000) * 1000;
}

/**
 * How a timer start event repeats, for the Temporal Schedule the deployment creates: a cron
 * in Temporal's 7-field form (Zeebe's 6-field Spring cron puts seconds first and allows `?`),
 * a fixed interval (`R[n]/[start/]duration`), or a single date. `times` bounds the firings.
 */
export type TimerStartSchedule =
  | { kind: 'cron'; cron: string; times?: number }
  | { kind: 'interval'; everyMs: number; startAt?: number; times?: number }
  | { kind: 'once'; at: number };

export function timerStartSchedule(spec: TimerSpec, now: number, timeZone: string): TimerStartSchedule {
  const text = String(evaluateValue(spec.expression, {}) ?? '').trim();
  if (spec.kind === 'date') return { kind: 'once', at: parseDateTime(text, timeZone) };
  if (spec.kind === 'duration') return { kind: 'once', at: addDuration(now, text) };
  const cycle = cycleOf(text);
  if (cycle.kind === 'cron') {
    nextCron(text, now, timeZone); // validates
    const fields = text.replace(/\?/g, '*').split(/\s+/);
    return { kind: 'cron', cron: fields.length === 6 ? `${fields.join(' ')} *` : fields.join(' ') };
  }
  return {
    kind: 'interval',
    everyMs: addDuration(0, cycle.interval),
    ...(cycle.start !== undefined ? { startAt: parseDateTime(cycle.start, timeZone) } : {}),
    ...(cycle.times === null ? {} : { times: cycle.times }),
  };
}
