/** /calendar — the plant working-day calendar: a year of months, its holidays and make-up working days (调休); an admin edits it. */
import type {
  CalendarDayRow,
  CalendarYearResponse,
} from '../../../api/contract-review/calendar/calendar.response';
import { messageOf } from '../api/client';
import { currentSession, hasGroup } from '../auth';
import type { Page } from '../router';
import { emptyState, errorBox, h, loading, replace, table, toast } from '../ui/dom';
import { pack, tr } from './endpoints';

const pad = (n: number) => String(n).padStart(2, '0');

/** One month as a Monday-first grid; each day carries its class (working, weekend, holiday, make-up). */
function monthGrid(year: number, month: number, cal: CalendarYearResponse): HTMLElement {
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
  const monthName = new Intl.DateTimeFormat(document.documentElement.lang || 'zh-CN', {
    month: 'long',
    timeZone: 'UTC',
  }).format(first);
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

function editor(onSaved: () => void, prefill?: CalendarDayRow): HTMLElement {
  const status = h('div', { class: 'form-status', role: 'status' });
  const dateInput = h('input', {
    id: 'cal-date',
    name: 'date',
    type: 'date',
    required: true,
    value: prefill?.date,
  });
  const kindSelect = h(
    'select',
    { id: 'cal-kind', name: 'kind' },
    (['holiday', 'workday'] as const).map((k) =>
      h('option', { value: k, selected: prefill?.kind === k }, tr(`calendar.kinds.${k}`)),
    ),
  );
  const nameInput = h('input', {
    id: 'cal-name',
    name: 'name',
    required: true,
    maxlength: 255,
    value: prefill?.name,
  });
  const form = h(
    'form',
    {
      class: 'inline-form',
      id: 'calendar-edit',
      onsubmit: (event: Event) => {
        event.preventDefault();
        pack
          .putCalendarDay(dateInput.value, { kind: kindSelect.value, name: nameInput.value })
          .then(() => {
            toast(tr('calendar.saved', { date: dateInput.value }), 'success');
            onSaved();
          })
          .catch((e: unknown) => replace(status, errorBox(messageOf(e))));
      },
    },
    h('h2', {}, tr('calendar.edit')),
    h('div', { class: 'field' }, h('label', { for: 'cal-date' }, tr('calendar.date')), dateInput),
    h('div', { class: 'field' }, h('label', { for: 'cal-kind' }, tr('calendar.kind')), kindSelect),
    h('div', { class: 'field' }, h('label', { for: 'cal-name' }, tr('calendar.name')), nameInput),
    h('button', { type: 'submit', class: 'btn btn-primary' }, tr('calendar.save')),
    status,
  );
  return form;
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
      const cal = await pack.calendar(year);
      const count = (kind: string) => cal.days.filter((d) => d.kind === kind).length;
      replace(
        body,
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
          (['working', 'weekend', 'holiday', 'workday'] as const).map((k) =>
            h('span', { class: `cal-day cal-${k}` }, tr(`calendar.legend${k[0].toUpperCase()}${k.slice(1)}`)),
          ),
        ),
        h(
          'div',
          { class: 'cal-year', id: 'calendar-year' },
          Array.from({ length: 12 }, (_, i) => monthGrid(year, i + 1, cal)),
        ),
        h('h2', {}, tr('calendar.special')),
        cal.days.length
          ? table(
              [
                tr('calendar.colDate'),
                tr('calendar.colKind'),
                tr('calendar.colName'),
                tr('calendar.colBy'),
                tr('calendar.colActions'),
              ],
              cal.days,
              (d) => [
                d.date,
                tr(`calendar.kinds.${d.kind}`),
                d.name,
                d.updatedBy,
                admin
                  ? h(
                      'button',
                      {
                        type: 'button',
                        class: 'btn btn-small',
                        'data-remove': d.date,
                        onclick: () =>
                          pack
                            .removeCalendarDay(d.date)
                            .then(() => {
                              toast(tr('calendar.removed', { date: d.date }), 'success');
                              void render();
                            })
                            .catch((e: unknown) => toast(messageOf(e), 'error')),
                      },
                      tr('calendar.remove'),
                    )
                  : null,
              ],
              { id: 'calendar-days', 'aria-label': tr('calendar.special') },
            )
          : emptyState(tr('calendar.empty')),
        admin ? editor(() => void render()) : h('p', { class: 'hint' }, tr('calendar.adminOnly')),
      );
    } catch (error) {
      replace(body, errorBox(messageOf(error)));
    }
  };
  await render();
};

export default calendarPage;
