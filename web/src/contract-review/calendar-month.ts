/** One month of the plant calendar as a Monday-first grid; each day carries its class (working, weekend, holiday, make-up). */
import type { CalendarYearResponse } from '../../../api/contract-review/calendar/calendar.response';
import { language } from '../i18n';
import { h } from '../ui/dom';
import { tr } from './endpoints';

const pad = (n: number) => String(n).padStart(2, '0');

export function monthGrid(year: number, month: number, cal: CalendarYearResponse): HTMLElement {
  const working = new Set(cal.workingDays);
  const special = new Map(cal.days.map((d) => [d.date, d]));
  const first = new Date(Date.UTC(year, month - 1, 1));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (first.getUTCDay() + 6) % 7;
  const cells: HTMLElement[] = Array.from({ length: lead }, () => h('span', { class: 'cal-blank' }));
  for (let d = 1; d <= daysInMonth; d++) {
    const date = `${year}-${pad(month)}-${pad(d)}`;
    const day = special.get(date);
    const kind = day ? day.kind : working.has(date) ? 'working' : 'weekend';
    cells.push(
      h(
        'span',
        { class: `cal-day cal-${kind}`, 'data-date': date, 'data-kind': kind, title: day?.name ?? '' },
        String(d),
      ),
    );
  }
  const monthName = new Intl.DateTimeFormat(language(), { month: 'long', timeZone: 'UTC' }).format(first);
  return h(
    'section',
    { class: 'cal-month', 'aria-label': monthName },
    h('h3', {}, monthName),
    h(
      'div',
      { class: 'cal-grid' },
      tr('calendar.weekdays')
        .split(',')
        .map((w) => h('span', { class: 'cal-weekday' }, w)),
      cells,
    ),
  );
}
