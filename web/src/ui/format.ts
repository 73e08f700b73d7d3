/**
 * Dates and durations for people, in the plant's time zone (the server's PLANT_TIME_ZONE,
 * read at start from GET /api/settings) and the chosen language.
 */
import { language, t } from '../i18n';

let plantTimeZone = 'Asia/Shanghai';
const formatters = new Map<string, Intl.DateTimeFormat>();

export function setPlantTimeZone(timeZone: string): void {
  plantTimeZone = timeZone;
  formatters.clear();
}

export function timeZone(): string {
  return plantTimeZone;
}

function formatter(kind: 'dateTime' | 'date'): Intl.DateTimeFormat {
  const key = `${kind}|${language()}|${plantTimeZone}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(
      language(),
      kind === 'dateTime'
        ? { dateStyle: 'medium', timeStyle: 'short', timeZone: plantTimeZone }
        : { dateStyle: 'medium', timeZone: plantTimeZone },
    );
    formatters.set(key, f);
  }
  return f;
}

export function dateTime(iso: string | undefined | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatter('dateTime').format(d);
}

/** A calendar date: `YYYY-MM-DD` strings are plant-local days already and stay as they are. */
export function date(iso: string | undefined | null): string {
  if (!iso) return '—';
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : formatter('date').format(d);
}

/** Today in the plant, as `YYYY-MM-DD`. */
export function plantToday(now = Date.now()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: plantTimeZone }).format(now);
}

/** "3d 4h", "12m", "40s" (in the chosen language) */
export function age(fromIso: string, to: number = Date.now()): string {
  const ms = Math.max(0, to - new Date(fromIso).getTime());
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d) return t('duration.daysHours', { d, h });
  if (h) return t('duration.hoursMinutes', { h, m });
  if (m) return t('duration.minutes', { m });
  return t('duration.seconds', { s });
}

export function isOverdue(dueIso: string | undefined | null, now = Date.now()): boolean {
  return !!dueIso && new Date(dueIso).getTime() < now;
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
