/** /calendar — the plant working-day calendar: a year of months, its holidays and make-up working days (调休); an admin edits it. */
import type { CalendarYearResponse } from '../../../api/contract-review/calendar/calendar.response';
import { messageOf } from '../api/client';
import { currentSession, hasGroup } from '../auth';
import type { Page } from '../router';
import { errorBox, h, loading, replace } from '../ui/dom';
import { specialDays } from './calendar-days';
import { calendarEditor } from './calendar-editor';
import { monthGrid } from './calendar-month';
import { pack, tr } from './endpoints';

const LEGEND = ['working', 'weekend', 'holiday', 'workday'] as const;

function yearView(
  year: number,
  cal: CalendarYearResponse,
  admin: boolean,
  rerender: () => void,
): HTMLElement[] {
  const count = (kind: string) => cal.days.filter((d) => d.kind === kind).length;
  return [
    h(
      'p',
      { id: 'calendar-summary' },
      tr('calendar.summary', {
        workingDays: cal.workingDays.length,
        holidays: count('holiday'),
        workdays: count('workday'),
      }),
    ),
    h(
      'p',
      { class: 'cal-legend' },
      LEGEND.map((k) =>
        h('span', { class: `cal-day cal-${k}` }, tr(`calendar.legend${k[0].toUpperCase()}${k.slice(1)}`)),
      ),
    ),
    h(
      'div',
      { class: 'cal-year', id: 'calendar-year' },
      Array.from({ length: 12 }, (_, i) => monthGrid(year, i + 1, cal)),
    ),
    h('h2', {}, tr('calendar.special')),
    specialDays(cal.days, admin, rerender),
    admin ? calendarEditor(rerender) : h('p', { class: 'hint' }, tr('calendar.adminOnly')),
  ];
}

const calendarPage: Page = async (root, { query, navigate }) => {
  const year = Number(query.get('year')) || new Date().getFullYear();
  const admin = hasGroup(currentSession(), 'admin');
  const body = h('div', {}, loading());
  const go = (y: number) => navigate(`/calendar?year=${y}`);
  root.append(
    h(
      'div',
      { class: 'page-head' },
      h('h1', {}, `${tr('calendar.title')} ${year}`),
      h(
        'div',
        { class: 'toolbar' },
        h('button', { type: 'button', class: 'btn', onclick: () => go(year - 1) }, tr('calendar.previous')),
        h('button', { type: 'button', class: 'btn', onclick: () => go(year + 1) }, tr('calendar.next')),
      ),
    ),
    body,
  );
  const render = async () => {
    try {
      replace(body, ...yearView(year, await pack.calendar(year), admin, () => void render()));
    } catch (error) {
      replace(body, errorBox(messageOf(error)));
    }
  };
  await render();
};

export default calendarPage;
