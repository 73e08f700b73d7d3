/**
 * The server's validation refusals on their fields: class-validator messages start with the
 * property path (`lines.0.quantity must not be less than 1`); the input with that
 * `data-field` (or the closest parent path) shows the message and is marked invalid.
 */
import { ApiError } from '../api/client';
import { h } from '../ui/dom';

export function clearFieldErrors(form: HTMLElement): void {
  form.querySelectorAll('.field-error').forEach((e) => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
}

/** Shows each message on its field; returns the messages no field took. */
export function showFieldErrors(form: HTMLElement, error: unknown): string[] {
  clearFieldErrors(form);
  if (!(error instanceof ApiError)) return [];
  const list = (error.body.details as { validation?: string[] } | undefined)?.validation ?? [];
  const rest: string[] = [];
  for (const message of list) {
    let path = message.split(' ')[0];
    let input: Element | null = null;
    while (path && !(input = form.querySelector(`[data-field="${CSS.escape(path)}"]`)))
      path = path.includes('.') ? path.slice(0, path.lastIndexOf('.')) : '';
    if (!input) {
      rest.push(message);
      continue;
    }
    input.setAttribute('aria-invalid', 'true');
    (input.closest('[data-field-wrap]') ?? input.parentElement)!.append(
      h('p', { class: 'field-error', role: 'alert', 'data-error-for': path }, message),
    );
  }
  return rest;
}
