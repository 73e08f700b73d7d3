/**
 * English left on a zh-CN page: the words of the English catalogues (the generic UI's, the
 * packs' sections, form-js's built-in texts) that no Chinese text uses too, looked for in
 * the page's own texts — headings, table headers, labels, legends, buttons, terms, empty
 * states, toasts, form-js labels, errors and select placeholders, and placeholder /
 * aria-label attributes. Data is left out (cells, select options such as process names): a
 * customer's name, a comment or a diagram's element name may be English in any language.
 */
import type { Page } from 'playwright-core';
import { messages as contractReview } from '../../../../web/src/contract-review/messages';
import { en } from '../../../../web/src/i18n/messages/en';
import { zhCN } from '../../../../web/src/i18n/messages/zh-CN';

type Tree = { [key: string]: string | Tree };

function texts(tree: Tree): string[] {
  return Object.values(tree).flatMap((v) => (typeof v === 'string' ? [v] : texts(v)));
}

const words = (text: string) =>
  (text.replace(/{{\w+}}/g, ' ').match(/[A-Za-z]{3,}/g) ?? []).map((w) => w.toLowerCase());

/** English catalogue words that no zh-CN text contains (so "CSV", "PDF", "PMC" are allowed). */
export function englishOnlyWords(): Set<string> {
  const chinese = new Set([...texts(zhCN as Tree), ...texts(contractReview['zh-CN'] as Tree)].flatMap(words));
  return new Set(
    [...texts(en as Tree), ...texts(contractReview.en as Tree)].flatMap(words).filter((w) => !chinese.has(w)),
  );
}

const CHROME = [
  'h1',
  'h2',
  'h3',
  'th',
  'label',
  'legend',
  'button',
  'dt',
  'caption',
  '.empty-state',
  '.toast',
  '.fjs-form-field-label',
  '.fjs-form-field-error',
  '.fjs-select-display',
  '.fjs-dropdownlist-empty',
].join(',');

/**
 * The English words (of `english`) the page's own texts still show, in `within` (default:
 * `main` and the navigation; a task page passes its form, since the task's name is the
 * diagram's, not the catalogue's).
 */
export async function untranslatedWords(
  page: Page,
  english: Set<string>,
  within = 'main, header nav',
): Promise<string[]> {
  const shown = await page.evaluate(
    ([selector, scope]) => {
      const roots = Array.from(document.querySelectorAll(scope));
      const found: string[] = [];
      for (const root of roots) {
        for (const el of Array.from(root.querySelectorAll(selector)))
          found.push((el as HTMLElement).innerText ?? '');
        // An example id ("order-change") or filter ("customer=ACME") is a value to type, not a text.
        for (const el of Array.from(root.querySelectorAll('[placeholder]'))) {
          const placeholder = el.getAttribute('placeholder') ?? '';
          if (!/^\w+([.-]\w+)+$/.test(placeholder) && !placeholder.includes('=')) found.push(placeholder);
        }
        for (const el of Array.from(
          root.querySelectorAll('section[aria-label], table[aria-label], button[aria-label]'),
        ))
          found.push(el.getAttribute('aria-label') ?? '');
        for (const el of Array.from(root.querySelectorAll('nav a')))
          found.push((el as HTMLElement).innerText ?? '');
      }
      return found;
    },
    [CHROME, within] as const,
  );
  return [...new Set(shown.flatMap(words).filter((w) => english.has(w)))].sort();
}
