/** Dates and durations for people: local time, short, unambiguous. */
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const DATE = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });

export function dateTime(iso: string | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE_TIME.format(d);
}

export function date(iso: string | undefined): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : DATE.format(d);
}

/** "3d 4h", "12m", "40s" */
export function age(fromIso: string, to: number = Date.now()): string {
  const ms = Math.max(0, to - new Date(fromIso).getTime());
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d) return `${d}d ${h}h`;
  if (h) return `${h}h ${m}m`;
  if (m) return `${m}m`;
  return `${s}s`;
}

export function isOverdue(dueIso: string | undefined, now = Date.now()): boolean {
  return !!dueIso && new Date(dueIso).getTime() < now;
}

export function json(value: unknown): string {
  return JSON.stringify(value, null, 2);
}
