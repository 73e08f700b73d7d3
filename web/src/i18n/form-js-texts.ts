/**
 * form-js's own texts in the chosen language. form-js 1.x writes its validation messages,
 * "Select", "Search", the date and time placeholders… in English, with no translation
 * hook, so their English text is matched against the catalogue section `formJs` (whose
 * English entries are form-js's texts, values as {{placeholders}}) and replaced. Pure: the
 * unit tests use it without a DOM.
 */
import { formJsEn } from './messages/form-js';

type Key = keyof typeof formJsEn;
export type Translate = (key: Key, values: Record<string, string>) => string;

interface Matcher {
  key: Key;
  pattern: RegExp;
  names: string[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Every catalogued text as an anchored pattern; values are what the {{placeholders}} match. */
const MATCHERS: Matcher[] = (Object.keys(formJsEn) as Key[])
  .filter((key) => !key.endsWith('Letters'))
  .map((key) => {
    const names: string[] = [];
    const source = formJsEn[key]
      .split(/{{(\w+)}}/)
      .map((part, i) => (i % 2 ? (names.push(part), '(.+?)') : escape(part)))
      .join('');
    return { key, pattern: new RegExp(`^${source}$`), names };
  });

/** A date placeholder form-js derives from the date format, e.g. "mm/dd/yyyy" or "yyyy/mm/dd". */
const DATE_PLACEHOLDER = /^(?=.*y)(?=.*m)(?=.*d)[ymd]+(?:[^\sA-Za-z0-9][ymd]+)+$/;

/** `text` in the language `translate` speaks, or `text` when it is not one of form-js's own. */
export function formJsText(text: string, translate: Translate): string {
  const trimmed = text.trim();
  if (!trimmed) return text;
  if (DATE_PLACEHOLDER.test(trimmed))
    return trimmed.replace(/y+|m+|d+/g, (letters) =>
      translate(letters[0] === 'y' ? 'yearLetters' : letters[0] === 'm' ? 'monthLetters' : 'dayLetters', {}),
    );
  for (const { key, pattern, names } of MATCHERS) {
    const match = pattern.exec(trimmed);
    if (match)
      return text.replace(
        trimmed,
        translate(key, Object.fromEntries(names.map((name, i) => [name, match[i + 1]]))),
      );
  }
  return text;
}
