/** A small element builder: h('a', { href: '/x', class: 'btn' }, 'text', child). Text is never parsed as HTML. */
import { t } from '../i18n';

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function')
      el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  append(el, ...children);
  return el;
}

export function append(parent: Node, ...children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** replaceChildren that skips null/false (optional parts of a view). */
export function replace(el: Element, ...children: (Child | Child[])[]): void {
  el.replaceChildren();
  append(el, ...children);
}

/** An in-app link (the router intercepts clicks on a[data-link]). */
export function link(href: string, ...children: (Child | Child[])[]): HTMLAnchorElement {
  return h('a', { href, 'data-link': true }, ...children);
}

export function emptyState(title: string, detail?: string): HTMLElement {
  return h(
    'div',
    { class: 'empty-state' },
    h('p', { class: 'empty-title' }, title),
    detail ? h('p', {}, detail) : null,
  );
}

export function errorBox(message: string): HTMLElement {
  return h('div', { class: 'error-box', role: 'alert' }, message);
}

export function loading(what?: string): HTMLElement {
  return h('p', { class: 'loading', 'aria-busy': 'true' }, what ? `${what}…` : t('common.loading'));
}

export function toast(message: string, kind: 'info' | 'error' | 'success' = 'info'): void {
  const host = document.getElementById('toasts');
  if (!host) return;
  const el = h('div', { class: `toast toast-${kind}` }, message);
  host.appendChild(el);
  setTimeout(() => el.remove(), 6000);
}

/** A table from rows; `cells` returns one row's cells. */
export function table<T>(
  headers: string[],
  rows: T[],
  cells: (row: T) => (Child | Child[])[],
  attrs: Attrs = {},
): HTMLTableElement {
  return h(
    'table',
    { class: 'data-table', ...attrs },
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        headers.map((title) => h('th', { scope: 'col' }, title)),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          {},
          cells(row).map((cell) => h('td', {}, cell)),
        ),
      ),
    ),
  );
}
