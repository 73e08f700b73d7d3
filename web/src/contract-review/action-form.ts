/** One action on a contract: a small form posting to the pack's API; refusals land on their fields. */
import { messageOf } from '../api/client';
import { errorBox, h, replace, toast } from '../ui/dom';
import { clearFieldErrors, showFieldErrors } from './field-errors';

export interface ActionSpec {
  id: string;
  title: string;
  fields: HTMLElement[];
  submit: string;
  done: string;
  send: (form: HTMLFormElement) => Promise<unknown>;
}

export function actionForm(spec: ActionSpec, after: () => void): HTMLFormElement {
  const status = h('div', { class: 'form-status', role: 'status' });
  const form = h(
    'form',
    { class: 'card action-form', id: spec.id, novalidate: true },
    h('h3', {}, spec.title),
    ...spec.fields,
    h('button', { type: 'submit', class: 'btn btn-primary' }, spec.submit),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFieldErrors(form);
    try {
      await spec.send(form);
      replace(status, h('div', { class: 'success-box' }, spec.done));
      toast(spec.done, 'success');
      after();
    } catch (error) {
      showFieldErrors(form, error);
      replace(status, errorBox(messageOf(error)));
    }
  });
  return form;
}

export const input = (name: string, attrs: Record<string, string | number | boolean> = {}) =>
  h('input', { name, ...attrs });

export const val = (form: HTMLFormElement, name: string) =>
  (form.elements.namedItem(name) as HTMLInputElement).value.trim();

export const select = (name: string, options: [value: string, label: string][]) =>
  h(
    'select',
    { name },
    options.map(([value, label]) => h('option', { value }, label)),
  );
