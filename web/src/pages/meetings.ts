/**
 * /meetings — today's daily PMC late-order meeting and this week's production-sales
 * meeting as agendas (each item opens its task), and the late-order tracking sheet.
 */
import { api } from '../api/client';
import type { Page } from '../router';
import { emptyState, errorBox, h, link, replace, table } from '../ui/dom';
import { date } from '../ui/format';
import { field, rowsOf, text, type Row } from '../ui/loose-data';
import { optional } from '../ui/optional-endpoint';

const meetings: Page = async (root) => {
  const daily = h('section', { class: 'card', 'aria-labelledby': 'daily-title' }, h('h2', { id: 'daily-title' }, 'Daily PMC late-order meeting'), h('p', { class: 'loading' }, 'Loading…'));
  const weekly = h('section', { class: 'card', 'aria-labelledby': 'weekly-title' }, h('h2', { id: 'weekly-title' }, 'Weekly production-sales meeting'), h('p', { class: 'loading' }, 'Loading…'));
  const late = h('section', { class: 'card', 'aria-labelledby': 'late-title' }, h('h2', { id: 'late-title' }, 'Late orders'), h('p', { class: 'loading' }, 'Loading…'));
  root.append(h('div', { class: 'page-head' }, h('h1', {}, 'Meetings')), h('div', { class: 'columns' }, daily, weekly), late);

  await Promise.all([
    fill(daily, '/meetings/daily', 'No late order is on today\'s agenda.', agenda),
    fill(weekly, '/meetings/weekly', 'Nothing is waiting for this week\'s meeting.', agenda),
    fill(late, '/late-orders', 'No late orders.', lateOrders),
  ]);
};

async function fill(section: HTMLElement, path: string, empty: string, render: (body: unknown) => HTMLElement | null): Promise<void> {
  const result = await optional(() => api.get<unknown>(path));
  const heading = section.querySelector('h2')!;
  if (result.state === 'absent') replace(section, heading, emptyState('Not available yet.', `This server does not offer ${path} yet: the contract review pack adds it.`));
  else if (result.state === 'error') replace(section, heading, errorBox(result.message));
  else replace(section, heading, render(result.body) ?? emptyState(empty));
}

function agenda(body: unknown): HTMLElement | null {
  const items = rowsOf(body, 'agenda');
  if (!items.length) return null;
  const meta = body && typeof body === 'object' && !Array.isArray(body) ? (body as Row) : {};
  const when = field(meta, 'date', 'week', 'scheduledAt');
  return h(
    'div',
    {},
    when ? h('p', { class: 'hint' }, text(when)) : null,
    h(
      'ol',
      { class: 'agenda' },
      items.map((item) => {
        const title = text(field(item, 'title', 'name', 'contractNo', 'orderNo', 'taskName', 'elementId'));
        const taskId = field(item, 'taskId');
        const instanceId = field(item, 'instanceId');
        const detail = [field(item, 'customer', 'customerName'), field(item, 'reason'), field(item, 'newDate', 'dueDate')].filter((x) => x !== undefined).map(text).join(' · ');
        return h(
          'li',
          {},
          typeof taskId === 'string' ? link(`/tasks/${encodeURIComponent(taskId)}`, title) : h('strong', {}, title),
          detail ? h('span', { class: 'hint' }, ` ${detail}`) : null,
          typeof instanceId === 'string' ? h('span', {}, ' · ', link(`/instances/${encodeURIComponent(instanceId)}`, 'order')) : null,
        );
      }),
    ),
  );
}

function lateOrders(body: unknown): HTMLElement | null {
  const rows = rowsOf(body, 'lateOrders');
  if (!rows.length) return null;
  return table(['Contract', 'Customer', 'Committed', 'New date', 'Reason', 'State'], rows, (r) => {
    const instanceId = field(r, 'instanceId');
    const contract = text(field(r, 'contractNo', 'orderNo', 'id'));
    return [
      typeof instanceId === 'string' ? link(`/instances/${encodeURIComponent(instanceId)}`, contract) : contract,
      text(field(r, 'customer', 'customerName', 'customerId')),
      date(field(r, 'committedDate', 'committedDeliveryDate', 'dueDate') as string | undefined),
      date(field(r, 'newDate') as string | undefined),
      text(field(r, 'reason')),
      text(field(r, 'state', 'status')),
    ];
  });
}

export default meetings;
