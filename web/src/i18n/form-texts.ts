/**
 * Form-js forms in both languages. A form is written once (its labels in the source
 * language); its translations are a catalogue of source text → text per language, kept in
 * the i18next namespace `forms` and applied when the form is rendered: labels,
 * descriptions, text blocks, placeholders and option labels. A text without an entry (a
 * field the process owner just added or reworded in the form editor) is shown as written,
 * never blank, so a deployed form can change without its translations breaking it.
 * Packs bring their catalogues (WebPack.formTexts).
 */
import i18next from 'i18next';
import { language, LANGUAGES, type Language } from './index';
import { mapFormSchemaTexts } from './translate-form-schema';

const NAMESPACE = 'forms';

export type FormTexts = Partial<Record<Language, Record<string, string>>>;

export function addFormTexts(texts: FormTexts): void {
  for (const lng of LANGUAGES) {
    const bundle = texts[lng];
    if (bundle) i18next.addResourceBundle(lng, NAMESPACE, bundle, true, true);
  }
}

/** The text in `lng`, or the source text when the catalogue has none. */
export function formText(source: string, lng: Language = language()): string {
  const found: unknown = i18next.getResource(lng, NAMESPACE, source, { keySeparator: false });
  return typeof found === 'string' && found ? found : source;
}

/** A copy of a form-js schema with its texts in `lng` (the schema itself is left as it is). */
export function translateFormSchema<T extends { components?: unknown[] }>(
  schema: T,
  lng: Language = language(),
): T {
  return mapFormSchemaTexts(schema, (text) => formText(text, lng));
}
