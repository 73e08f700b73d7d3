/**
 * form-js forms in the chosen language beyond their own texts (i18n/form-texts.ts): its
 * built-in texts (i18n/form-js-texts.ts) and its date pickers. Validation messages are
 * translated where form-js makes them, by a module that wraps its `validator` service; the
 * texts its components write (placeholders, "Select", "No results", aria labels) are
 * replaced in the rendered form as they appear. Date fields read and write dates in the
 * UI language's format and flatpickr names months and weekdays in it.
 */
import flatpickr from 'flatpickr';
import { Mandarin } from 'flatpickr/dist/l10n/zh';
import { language, sectionT } from './index';
import { formJsText, type Translate } from './form-js-texts';

const formJsT = sectionT('formJs');
const translate: Translate = (key, values) => formJsT(key, values);
const localized = (text: string) => (language() === 'en' ? text : formJsText(text, translate));

type Validate = (...args: unknown[]) => string[];
type FormValidator = Partial<Record<'validateFieldInstance' | 'validateField', Validate>>;

/** Wraps form-js's validator so its messages come in the chosen language. */
class LocalizedValidation {
  static $inject = ['validator'];
  constructor(validator: FormValidator) {
    for (const method of ['validateFieldInstance', 'validateField'] as const) {
      const validate = validator[method]?.bind(validator);
      if (validate) validator[method] = (...args) => validate(...args).map(localized);
    }
  }
}

/** For `additionalModules` of a form-js Form. */
export const FormJsLanguageModule = {
  __init__: ['localizedValidation'],
  localizedValidation: ['type', LocalizedValidation],
};

const ATTRIBUTES = ['placeholder', 'aria-label', 'title'];

/** Replaces form-js's built-in texts inside `container` now and whenever form-js renders; returns the stop. */
export function localizeRenderedForm(container: HTMLElement): () => void {
  const fix = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = node.nodeValue ?? '';
      const next = localized(text);
      if (next !== text) node.nodeValue = next;
    } else if (node instanceof Element) {
      for (const name of ATTRIBUTES) {
        const value = node.getAttribute(name);
        if (value) {
          const next = localized(value);
          if (next !== value) node.setAttribute(name, next);
        }
      }
    }
  };
  const walk = (root: Node) => {
    fix(root);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) fix(n);
  };
  walk(container);
  if (language() === 'en') return () => undefined;
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'childList') r.addedNodes.forEach(walk);
      else fix(r.target);
    }
  });
  observer.observe(container, {
    subtree: true,
    childList: true,
    characterData: true,
    attributes: true,
    attributeFilter: ATTRIBUTES,
  });
  return () => observer.disconnect();
}

const NativeDateTimeFormat = Intl.DateTimeFormat;

/**
 * form-js takes its date format from the browser's default locale (`'default'`); it is
 * routed to the UI language, and flatpickr's month and weekday names follow it.
 */
export function datesInUiLanguage(): void {
  if (Intl.DateTimeFormat === NativeDateTimeFormat) {
    const routed = function DateTimeFormat(
      locales?: string | string[],
      options?: Intl.DateTimeFormatOptions,
    ) {
      return new NativeDateTimeFormat(locales === 'default' ? language() : locales, options);
    } as unknown as typeof Intl.DateTimeFormat;
    Object.defineProperties(routed, {
      prototype: { value: NativeDateTimeFormat.prototype },
      supportedLocalesOf: { value: NativeDateTimeFormat.supportedLocalesOf.bind(NativeDateTimeFormat) },
    });
    Intl.DateTimeFormat = routed;
  }
  flatpickr.localize(language() === 'zh-CN' ? Mandarin : (flatpickr.l10ns.en ?? flatpickr.l10ns.default));
}
