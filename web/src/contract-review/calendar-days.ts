/** The year's holidays and make-up working days as a table; an admin removes one with its button. */
import type { CalendarDayRow } from '../../../api/contract-review/calendar/calendar.response';
import { messageOf } from '../api/client';
import { emptyState, h, table, toast } from '../ui/dom';
import { pack, tr } from './endpoints';

export function specialDays(days: CalendarDayRow[], admin: boolean, onRemoved: () => void): HTMLElement {
  if (!days.length) return emptyState(tr('calendar.empty'));
  const remove = (d: CalendarDayRow) =>
    pack
      .removeCalendarDay(d.date)
      .then(() => {
        toast(tr('calendar.removed', { date: d.date }), 'success');
        onRemoved();
      })
      .catch((e: unknown) => toast(messageOf(e), 'error'));
  return table(
    [
      tr('calendar.colDate'),
      tr('calendar.colKind'),
      tr('calendar.colName'),
      tr('calendar.colBy'),
      tr('calendar.colActions'),
    ],
    days,
    (d) => [
      d.date,
      tr(`calendar.kinds.${d.kind}`),
      d.name,
      d.updatedBy,
      admin
        ? h(
            'button',
            { type: 'button', class: 'btn btn-small', 'data-remove': d.date, onclick: () => void remove(d) },
            tr('calendar.remove'),
          )
        : null,
    ],
    { id: 'calendar-days', 'aria-label': tr('calendar.special') },
  );
}
