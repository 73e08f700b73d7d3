/**
 * The one message catalogue (i18next): zh-CN is the plant's default, en the switch. The
 * choice is remembered in localStorage and the document's `lang` follows it. Every UI
 * string goes through `t`; its keys are checked against `messages/en.ts` at compile time
 * (see `i18next.d.ts`), and the zh-CN catalogue must have exactly the same keys.
 *
 * Packs add their own section with `addMessages(section, { en, 'zh-CN' })` (read with
 * `t('<section>.<key>')`).
 */
import i18next from 'i18next';
import { en } from './messages/en';
import { zhCN } from './messages/zh-CN';

export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';
const STORAGE_KEY = 'bpmn-temporal.lang';

export function storedLanguage(): Language {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return (LANGUAGES as readonly string[]).includes(value ?? '') ? (value as Language) : DEFAULT_LANGUAGE;
  } catch {
    return DEFAULT_LANGUAGE;
  }
}

void i18next.init({
  lng: storedLanguage(),
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  resources: { en: { translation: en }, 'zh-CN': { translation: zhCN } },
  initAsync: false,
  interpolation: { escapeValue: false },
  returnNull: false,
});
document.documentElement.lang = i18next.language;

export const t = i18next.t.bind(i18next);

export function language(): Language {
  return (i18next.language as Language) ?? DEFAULT_LANGUAGE;
}

/** Switches the language, remembers it and sets `<html lang>`; the caller re-renders. */
export function setLanguage(lng: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, lng);
  } catch {
    /* private mode: the choice lasts for this page only */
  }
  void i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
}

export type Messages = { [key: string]: string | Messages };

/** A pack's (or feature's) own catalogue section, in both languages. */
export function addMessages(section: string, messages: Record<Language, Messages>): void {
  for (const lng of LANGUAGES)
    i18next.addResourceBundle(lng, 'translation', { [section]: messages[lng] }, true, true);
}

/** A translator for keys under one section added by addMessages (not checked at compile time). */
export function sectionT(section: string): (key: string, options?: Record<string, unknown>) => string {
  return (key, options) => String(i18next.t(`${section}.${key}` as never, options as never));
}
