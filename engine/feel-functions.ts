/**
 * Camunda's FEEL extensions that feelin lacks or implements differently, as functions put
 * into every evaluation's context (a context entry shadows feelin's built-in of that name,
 * and makes multi-word names such as `get or else` known to the parser). Behaviour follows
 * Camunda 8's FEEL reference; model/feel-functions.ts lists every name for lint and docs.
 *
 * `now()` and `today()` read the step's clock and the plant's zone (feel-session.ts):
 * workflow time, so they are deterministic on replay. `random number()` and `uuid()` draw
 * from the session's generator, seeded by the instance and the step.
 */
import type * as Feelin from 'feelin';
import { currentFeelSession } from './feel-session';

/** assert() failed: the evaluation becomes an incident with the given cause. */
export class FeelAssertionFailed extends Error {}

type Fn = ((...args: never[]) => unknown) & { $args?: string[] };

function feelFn<F extends Fn>(params: string[], impl: F): F {
  impl.$args = params;
  return impl;
}

const isList = (v: unknown): v is unknown[] => Array.isArray(v);
const isContext = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && Object.getPrototypeOf(v) === Object.prototype;

export function camundaFunctions(feelin: typeof Feelin): Record<string, Fn> {
  const random = () => currentFeelSession()!.random();
  const clock = () => {
    const session = currentFeelSession();
    return wallClock(session?.now ?? Date.now(), session?.timeZone ?? 'UTC');
  };
  return {
    'is defined': feelFn(['value'], (value: unknown) => value !== null && value !== undefined),
    'get or else': feelFn(['value', 'default'], (value: unknown, fallback: unknown) =>
      value === null || value === undefined ? (fallback ?? null) : value,
    ),
    assert: feelFn(['value', 'condition', 'cause'], (value: unknown, condition: unknown, cause: unknown) => {
      if (condition === true) return value;
      throw new FeelAssertionFailed(
        typeof cause === 'string' ? cause : `assertion failed for value ${JSON.stringify(value) ?? 'null'}`,
      );
    }),
    extract: feelFn(['string', 'pattern'], (string: unknown, pattern: unknown) => {
      if (typeof string !== 'string' || typeof pattern !== 'string') return null;
      return [...string.matchAll(new RegExp(pattern, 'g'))].map((m) => m[0]);
    }),
    'string join': feelFn(
      ['list', 'delimiter', 'prefix', 'suffix'],
      (list: unknown, delimiter: unknown, prefix: unknown, suffix: unknown) => {
        if (!isList(list) || list.some((e) => e !== null && typeof e !== 'string')) return null;
        const text = list.filter((e) => e !== null).join(typeof delimiter === 'string' ? delimiter : '');
        return `${typeof prefix === 'string' ? prefix : ''}${text}${typeof suffix === 'string' ? suffix : ''}`;
      },
    ),
    'is blank': feelFn(['string'], (string: unknown) =>
      typeof string === 'string' ? string.trim() === '' : null,
    ),
    trim: feelFn(['string'], (string: unknown) => (typeof string === 'string' ? string.trim() : null)),
    'to base64': feelFn(['value'], (value: unknown) => (typeof value === 'string' ? toBase64(value) : null)),
    uuid: feelFn([], () => uuid4(random)),
    'random number': feelFn([], () => random()),
    'is empty': feelFn(['list'], (list: unknown) => (isList(list) ? list.length === 0 : null)),
    'duplicate values': feelFn(['list'], (list: unknown) => {
      if (!isList(list)) return null;
      const seen = new Map<string, number>();
      const duplicates: unknown[] = [];
      for (const item of list) {
        const key = JSON.stringify(item) ?? 'null';
        const count = (seen.get(key) ?? 0) + 1;
        seen.set(key, count);
        if (count === 2) duplicates.push(item);
      }
      return duplicates;
    }),
    partition: feelFn(['list', 'size'], (list: unknown, size: unknown) => {
      if (!isList(list) || typeof size !== 'number' || !Number.isInteger(size) || size <= 0) return null;
      const parts: unknown[][] = [];
      for (let i = 0; i < list.length; i += size) parts.push(list.slice(i, i + size));
      return parts;
    }),
    'get value': feelFn(['context', 'key'], (context: unknown, key: unknown) => {
      const path = isList(key) ? key : [key];
      let value: unknown = context;
      for (const k of path) {
        if (!isContext(value) || typeof k !== 'string' || !(k in value)) return null;
        value = value[k];
      }
      return value ?? null;
    }),
    'context put': feelFn(
      ['context', 'keys', 'value', 'key'],
      (context: unknown, keys: unknown, value: unknown, key: unknown) => {
        // Positional `context put(c, "a", 1)` binds the key to `keys`.
        const path = isList(keys) ? keys : [keys ?? key];
        if (!isContext(context) || path.length === 0 || path.some((k) => typeof k !== 'string')) return null;
        return putPath(context, path as string[], value);
      },
    ),
    now: feelFn([], () => {
      const c = clock();
      return feelin.dateAndTime(`${c.date}T${c.time}@${c.zone}`);
    }),
    today: feelFn([], () => feelin.date(clock().date)),
    'last day of month': feelFn(['date'], (date: unknown) => {
      const match = /^(-?\d{4,})-(\d{2})/.exec(date === null || date === undefined ? '' : String(date));
      if (!match || typeof date !== 'object') return null;
      const year = Number(match[1]);
      const month = Number(match[2]);
      const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
      return feelin.date(`${match[1]}-${match[2]}-${String(last).padStart(2, '0')}`);
    }),
  };
}

function putPath(context: Record<string, unknown>, [key, ...rest]: string[], value: unknown): unknown {
  if (rest.length === 0) return { ...context, [key]: value };
  const inner = isContext(context[key]) ? (context[key] as Record<string, unknown>) : {};
  return { ...context, [key]: putPath(inner, rest, value) };
}

function wallClock(epoch: number, zone: string): { date: string; time: string; zone: string } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(new Date(epoch))
      .map((p) => [p.type, p.value]),
  );
  const millis = String(((epoch % 1000) + 1000) % 1000).padStart(3, '0');
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}:${parts.second}.${millis}`,
    zone,
  };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

function toBase64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += BASE64[(n >> 18) & 63] + BASE64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? BASE64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? BASE64[n & 63] : '=';
  }
  return out;
}

function uuid4(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((parseInt(hex[16], 16) & 3) | 8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}
