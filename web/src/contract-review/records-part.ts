/** The building blocks of the contract record: a fact of the facts list, a titled part with its row count. */
import { h } from '../ui/dom';
import { tr } from './endpoints';

export function fact(term: string, ...value: (Node | string | null)[]): HTMLElement[] {
  return [h('dt', {}, term), h('dd', {}, ...value)];
}

export function part<T>(title: string, id: string, rows: T[], render: () => HTMLElement): HTMLElement {
  return h(
    'section',
    { class: 'records-part', id, 'aria-label': title },
    h('h3', {}, title, h('span', { class: 'count' }, ` (${rows.length})`)),
    rows.length ? render() : h('p', { class: 'hint' }, tr('records.none')),
  );
}
