/** The admin's form for one day of the plant calendar: a holiday or a make-up working day (调休), with its name. */
import type { CalendarDayRow } from '../../../api/contract-review/calendar/calendar.response';
import { messageOf } from '../api/client';
import { errorBox, h, replace, toast } from '../ui/dom';
import { pack, tr } from './endpoints';

export function calendarEditor(onSaved: () => void, prefill?: CalendarDayRow): HTMLElement {
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
  const save = (event: Event) => {
    event.preventDefault();
    pack
      .putCalendarDay(dateInput.value, { kind: kindSelect.value, name: nameInput.value })
      .then(() => {
        toast(tr('calendar.saved', { date: dateInput.value }), 'success');
        onSaved();
      })
      .catch((e: unknown) => replace(status, errorBox(messageOf(e))));
  };
  return h(
    'form',
    { class: 'inline-form', id: 'calendar-edit', onsubmit: save },
    h('h2', {}, tr('calendar.edit')),
    h('div', { class: 'field' }, h('label', { for: 'cal-date' }, tr('calendar.date')), dateInput),
    h('div', { class: 'field' }, h('label', { for: 'cal-kind' }, tr('calendar.kind')), kindSelect),
    h('div', { class: 'field' }, h('label', { for: 'cal-name' }, tr('calendar.name')), nameInput),
    h('button', { type: 'submit', class: 'btn btn-primary' }, tr('calendar.save')),
    status,
  );
}
