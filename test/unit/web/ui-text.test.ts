/**
 * Every text the web UI shows goes through the message catalogue: no page writes a word
 * straight into the DOM (children of h(), table headers, text attributes, toasts…). The
 * scanner is tried on small sources first, so a change that blinds it fails here too.
 */
import { join } from 'node:path';
import { literalsOfSource, uiLiterals } from './support/ui-literals';

const ROOT = join(__dirname, '..', '..', '..');

/** Placeholders that show a value to type (an id, a token): the same in every language. */
const EXAMPLE_VALUES = new Set([
  '{ "amount": 10 }',
  'contract-class',
  'sales-review',
  'customer=ACME, amount=150',
  'wang.fang',
  'process-owner, sales',
  'eyJhbGciOi…',
  'order-change',
]);

describe('the UI text scanner', () => {
  const found = (code: string) => literalsOfSource('page.ts', code).map((l) => l.text);

  it('finds literal words in children, table headers, text attributes, toasts and template literals', () => {
    expect(found(`h('p', {}, 'Loading');`)).toEqual(['Loading']);
    expect(found(`h('p', { class: 'hint', title: 'Due date' }, t('x'));`)).toEqual(['Due date']);
    expect(found(`table(['Part', t('qty')], rows, (r) => [r.a]);`)).toEqual(['Part']);
    expect(found("h('span', {}, `${n} by ${who}`);")).toEqual([' by ']);
    expect(found(`h('td', {}, ok ? 'on time' : t('late'));`)).toEqual(['on time']);
    expect(found(`h('td', {}, [a && 'annual', b && t('x')].filter(Boolean).join(', '));`)).toEqual([
      'annual',
    ]);
    expect(found(`toast('Saved.', 'success'); emptyState(t('a'), 'Nothing here');`)).toEqual([
      'Saved.',
      'Nothing here',
    ]);
    expect(found(`el.textContent = 'Done';`)).toEqual(['Done']);
  });

  it('leaves alone keys, class names, ids, codes and words that read the same in every language', () => {
    expect(
      found(
        `h('a', { class: 'btn btn-primary', id: 'x', href: '/contracts' }, t('cr.title'), ' · ', 'CSV', 42);` +
          `toast(t('saved'), 'success'); api.get('/late-orders'); h('td', {}, \`\${a} · \${b}\`);`,
      ),
    ).toEqual([]);
  });
});

describe('the web UI', () => {
  it('shows no text that is not in the message catalogue', () => {
    const literals = uiLiterals(join(ROOT, 'web'), ROOT).filter((l) => !EXAMPLE_VALUES.has(l.text));
    expect(literals.map((l) => `${l.file}:${l.line} ${JSON.stringify(l.text)}`)).toEqual([]);
  });
});
