/**
 * bpmn-js / properties-panel texts in the chosen language: the community translations of
 * bpmn-js-i18n for Chinese (its file is named `zn`), English as written by bpmn.io.
 * Replaces diagram-js's `translate` service; templates like "{element}" are filled in.
 */
import zh from 'bpmn-js-i18n/translations/zn';
import { language } from '../src/i18n';

function translate(template: string, replacements: Record<string, string> = {}): string {
  const text = language() === 'zh-CN' ? ((zh as Record<string, string>)[template] ?? template) : template;
  return text.replace(/{([^}]+)}/g, (_, key: string) => replacements[key] ?? `{${key}}`);
}

export const TranslateModule = { translate: ['value', translate] };
