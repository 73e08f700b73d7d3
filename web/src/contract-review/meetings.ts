/**
 * /meetings — today's daily PMC late-order meeting and this week's production-sales
 * meeting as agendas (each item opens its task), and the late-order tracking sheet.
 */
import { api } from '../api/client';
import type { Page } from '../router';
import { emptyState, errorBox, h, link, loading, replace, table } from '../ui/dom';
import { date } from '../ui/format';
import { field, isRow, rowsOf, text, type Row } from '../ui/loose-data';
import { optional } from '../ui/optional-endpoint';
import { codeName } from './code-names';
import { tr } from './endpoints';

const meetings: Page = async (root) => {
  const daily = card('daily-title', tr('meetings.daily'));
  const weekly = card('weekly-title', tr('meetings.weekly'));
  const late = card('late-title', tr('meetings.lateOrders'));
  root.append(
    h('div', { class: 'page-head' }, h('h1', {}, tr('meetings.title'))),
    h('div', { class: 'columns' }, daily, weekly),
    late,
  );

  await Promise.all([
    fill(daily, '/meetings/daily', tr('meetings.dailyEmpty'), agenda),
    fill(weekly, '/meetings/weekly', tr('meetings.weeklyEmpty'), agenda),
    fill(late, '/late-orders', tr('meetings.lateEmpty'), lateOrders),
  ]);
};

function card(titleId: string, title: string): HTMLElement {
  return h(
    'section',
    { class: 'card', 'aria-labelledby': titleId },
    h('h2', { id: titleId }, title),
    loading(),
  );
}

async function fill(
  section: HTMLElement,
  path: string,
  empty: string,
  render: (body: unknown) => HTMLElement | null,
): Promise<void> {
  const result = await optional(path, () => api.get<unknown>(path));
  const heading = section.querySelector('h2')!;
  if (result.state === 'absent')
    replace(section, heading, emptyState(tr('meetings.absent'), tr('meetings.absentDetail', { path })));
  else if (result.state === 'error') replace(section, heading, errorBox(result.message));
  else replace(section, heading, render(result.body) ?? emptyState(empty));
}

/** `{ date|week, items: [{ taskId, createdAt, lateOrder }], waiting? }` (api/meetings). */
function agenda(body: unknown): HTMLElement | null {
  const items = rowsOf(body, 'agenda');
  const meta = isRow(body) ? body : {};
  const waiting = rowsOf(meta.waiting);
  if (!items.length && !waiting.length) return null;
  const when = field(meta, 'date', 'week');
  const chair = field(meta, 'chair');
  const attendees = field(meta, 'attendees');
  return h(
    'div',
    {},
    h(
      'p',
      { class: 'hint' },
      [
        when ? text(when) : null,
        chair ? tr('meetings.chair', { chair: codeName('department', text(chair)) }) : null,
        Array.isArray(attendees)
          ? tr('meetings.attendees', {
              attendees: attendees
                .map((a) => codeName('department', text(a)))
                .join(tr('records.listSeparator')),
            })
          : null,
      ]
        .filter(Boolean)
        .join(' · '),
    ),
    items.length
      ? h('ol', { class: 'agenda' }, items.map(agendaItem))
      : h('p', { class: 'hint' }, tr('meetings.noTask')),
    waiting.length
      ? [
          h('h3', {}, tr('meetings.waiting')),
          h(
            'ul',
            { class: 'agenda' },
            waiting.map((lateOrder) => agendaItem({ lateOrder })),
          ),
        ]
      : null,
  );
}

function agendaItem(item: Row): HTMLElement {
  const order = isRow(item.lateOrder) ? item.lateOrder : item;
  const title = text(field(order, 'contractNo', 'title', 'name', 'id'));
  const taskId = field(item, 'taskId');
  const instanceId = field(order, 'id', 'instanceId');
  const dates = [field(order, 'originalDate'), field(order, 'newDate')]
    .filter((d) => d !== undefined)
    .map((d) => date(String(d)));
  const detail = [
    field(order, 'customerId', 'customer'),
    field(order, 'reason'),
    dates.length ? dates.join(' → ') : undefined,
    typeof field(order, 'state') === 'string'
      ? codeName('lateState', String(field(order, 'state')))
      : undefined,
  ]
    .filter((x) => x !== undefined)
    .map(text)
    .join(' · ');
  return h(
    'li',
    {},
    typeof taskId === 'string' ? link(`/tasks/${encodeURIComponent(taskId)}`, title) : h('strong', {}, title),
    detail ? h('span', { class: 'hint' }, ` ${detail}`) : null,
    typeof instanceId === 'string' && instanceId.includes('/')
      ? h('span', {}, ' · ', link(`/instances/${encodeURIComponent(instanceId)}`, tr('meetings.lateOrder')))
      : null,
  );
}

function lateOrders(body: unknown): HTMLElement | null {
  const rows = rowsOf(body, 'lateOrders');
  if (!rows.length) return null;
  const headers = [
    'colContract',
    'colCustomer',
    'colCommitted',
    'colNewDate',
    'colReason',
    'colReviews',
    'colState',
  ];
  return table(
    headers.map((key) => tr(`meetings.${key}`)),
    rows,
    (r) => {
      const instanceId = field(r, 'id', 'instanceId');
      const contract = text(field(r, 'contractNo', 'orderNo', 'id'));
      return [
        typeof instanceId === 'string' && instanceId.includes('/')
          ? link(`/instances/${encodeURIComponent(instanceId)}`, contract)
          : contract,
        text(field(r, 'customer', 'customerName', 'customerId')),
        date(field(r, 'originalDate', 'committedDate', 'dueDate') as string | undefined),
        date(field(r, 'newDate') as string | undefined),
        text(field(r, 'reason')),
        String(rowsOf(r.reviews).length),
        codeName('lateState', text(field(r, 'state', 'status'))),
      ];
    },
  );
}

export default meetings;
