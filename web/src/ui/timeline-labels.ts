/** Time-axis labels and zone offsets for the timeline, in a given zone and language (pure: no vis-timeline, no DOM). */
export type Scale =
  'millisecond' | 'second' | 'minute' | 'hour' | 'weekday' | 'day' | 'week' | 'month' | 'year';

/** Minutes east of UTC of `zone` at `at`. */
export function zoneOffsetMinutes(at: number, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(at);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((wall - Math.floor(at / 1000) * 1000) / 60_000);
}

const MINOR: Record<Scale, Intl.DateTimeFormatOptions> = {
  millisecond: { second: '2-digit', fractionalSecondDigits: 3 },
  second: { second: '2-digit' },
  minute: { hour: '2-digit', minute: '2-digit' },
  hour: { hour: '2-digit', minute: '2-digit' },
  weekday: { weekday: 'short', day: 'numeric' },
  day: { day: 'numeric' },
  week: { day: 'numeric' },
  month: { month: 'short' },
  year: { year: 'numeric' },
};
const MAJOR: Record<Scale, Intl.DateTimeFormatOptions | null> = {
  millisecond: { hour: '2-digit', minute: '2-digit', second: '2-digit' },
  second: { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' },
  minute: { weekday: 'short', month: 'short', day: 'numeric' },
  hour: { weekday: 'short', month: 'short', day: 'numeric' },
  weekday: { year: 'numeric', month: 'long' },
  day: { year: 'numeric', month: 'long' },
  week: { year: 'numeric', month: 'long' },
  month: { year: 'numeric' },
  year: null,
};

export function axisLabel(at: number, scale: Scale, major: boolean, lng: string, zone: string): string {
  const options = major ? MAJOR[scale] : MINOR[scale];
  return options
    ? new Intl.DateTimeFormat(lng, { ...options, hourCycle: 'h23', timeZone: zone }).format(at)
    : '';
}
