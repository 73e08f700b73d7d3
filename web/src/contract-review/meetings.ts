/**
 * /meetings — today's daily PMC late-order meeting and this week's production-sales
 * meeting as agendas (each item opens its task), and the late-order tracking sheet.
 */
import { api } from '../api/client';
import type { Page } from '../router';
import { emptyState, errorBox, h, link, replace, table } from '../ui/dom';
import { date } from '../ui/format';
import { field, isRow, rowsOf, text, type Row } from '../ui/loose-data';
import { optional } from '../ui/optional-endpoint';

const meetings: Page = async (root) => {
  const daily = h(
    'section',
    { class: 'card', 'aria-labelledby': 'daily-title' },
    h('h2', { id: 'daily-title' }, 'Daily PMC late-order meeting'),
    h('p', { class: 'loading' }, 'Loading…'),
  );
  const weekly = h(
    'section',
    { class: 'card', 'aria-labelledby': 'weekly-title' },
    h('h2', { id: 'weekly-title' }, 'Weekly production-sales meeting'),
    h('p', { class: 'loading' }, 'Loading…'),
  );
  const late = h(
    'section',
    { class: 'card', 'aria-labelledby': 'late-title' },
    h('h2', { id: 'late-title' }, 'Late orders'),
    h('p', { class: 'loading' }, 'Loading…'),
  );
  root.append(
    h('div', { class: 'page-head' }, h('h1', {}, 'Meetings')),
    h('div', { class: 'columns' }, daily, weekly),
    late,
  );

  await Promise.all([
    fill(daily, '/meetings/daily', "No late order is on today's agenda.", agenda),
    fill(weekly, '/meetings/weekly', "Nothing is waiting for this week's meeting.", agenda),
    fill(late, '/late-orders', 'No late orders.', lateOrders),
  ]);
};

async function fill(
  section: HTMLElement,
  path: string,
  empty: string,
  render: (body: unknown) => HTMLElement | null,
): Promise<void> {
  const result = await optional(path, () => api.get<unknown>(path));
  const heading = section.querySelector('h2')!;
  if (result.state === 'absent')
    replace(
      section,
      heading,
      emptyState(
        'Not available yet.',
        `This server does not offer ${path} yet: the contract review pack adds it.`,
      ),
    );
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
        chair ? `chair: ${text(chair)}` : null,
        Array.isArray(attendees) ? `attendees: ${attendees.join(', ')}` : null,
      ]
        .filter(Boolean)
        .join(' · '),
    ),
    items.length
      ? h('ol', { class: 'agenda' }, items.map(agendaItem))
      : h('p', { class: 'hint' }, 'No review task is open.'),
    waiting.length
      ? [
          h('h3', {}, 'Escalated, waiting for the meeting'),
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
    field(order, 'state'),
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
      ? h('span', {}, ' · ', link(`/instances/${encodeURIComponent(instanceId)}`, 'late order'))
      : null,
  );
}

function lateOrders(body: unknown): HTMLElement | null {
  const rows = rowsOf(body, 'lateOrders');
  if (!rows.length) return null;
  return table(['Contract', 'Customer', 'Committed', 'New date', 'Reason', 'Reviews', 'State'], rows, (r) => {
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
      text(field(r, 'state', 'status')),
    ];
  });
}

export default meetings;
