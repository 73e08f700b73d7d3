/**
 * form-js's built-in texts in zh-CN: the catalogue's English entries are form-js's own texts
 * (checked against the installed form-js, so an upgrade that rewords one fails here), and
 * formJsText puts the Chinese text in their place with the values form-js filled in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formJsText, type Translate } from '../../../web/src/i18n/form-js-texts';
import { formJsEn, formJsZhCN } from '../../../web/src/i18n/messages/form-js';

const FORM_JS = readFileSync(
  join(__dirname, '..', '..', '..', 'node_modules', '@bpmn-io', 'form-js-viewer', 'dist', 'index.es.js'),
  'utf8',
);

const zh: Translate = (key, values) =>
  formJsZhCN[key].replace(/{{(\w+)}}/g, (_, name: string) => values[name] ?? `{{${name}}}`);
const en: Translate = (key, values) =>
  formJsEn[key].replace(/{{(\w+)}}/g, (_, name: string) => values[name] ?? `{{${name}}}`);

/** Texts form-js builds from pieces ('Value is expected to ' + (… 'be an integer' : `have at most ${n} decimal digit${s}`) + '.'). */
const COMPOSED: Partial<Record<keyof typeof formJsEn, string[]>> = {
  integer: ['Value is expected to ', 'be an integer'],
  decimalDigit: ['Value is expected to ', 'have at most ${decimalDigits} decimal digit'],
  decimalDigits: ['Value is expected to ', 'have at most ${decimalDigits} decimal digit'],
};

describe("form-js's built-in texts", () => {
  it.each(Object.keys(formJsEn).filter((k) => !k.endsWith('Letters')) as (keyof typeof formJsEn)[])(
    'the catalogue entry %s is a text the installed form-js writes',
    (key) => {
      const pieces = COMPOSED[key];
      if (pieces) for (const piece of pieces) expect(FORM_JS).toContain(piece);
      else {
        const source = formJsEn[key]
          .split(/{{\w+}}/)
          .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
          .join('\\$\\{[^}]+\\}');
        expect(new RegExp(source).test(FORM_JS)).toBe(true);
      }
    },
  );

  it('puts the zh-CN text in place, with the values form-js filled in', () => {
    expect(formJsText('Field is required.', zh)).toBe('此项必填。');
    expect(formJsText('Field must have minimum value of 5.', zh)).toBe('不能小于 5。');
    expect(formJsText('Field must have maximum length of 200.', zh)).toBe('最多 200 个字符。');
    expect(formJsText('Field must match pattern ^[A-Z]{2}-\\d+$.', zh)).toBe('格式不符合 ^[A-Z]{2}-\\d+$。');
    expect(formJsText('Please select a valid value, the two nearest valid values are 10 and 15.', zh)).toBe(
      '请输入有效值，最接近的两个有效值为 10 和 15。',
    );
    expect(formJsText('Value is expected to have at most 2 decimal digits.', zh)).toBe('最多 2 位小数。');
    expect(formJsText('Select', zh)).toBe('请选择');
    expect(formJsText(' Search ', zh)).toBe(' 搜索 ');
    expect(formJsText('Remove list item 3', zh)).toBe('删除第 3 项');
  });

  it('turns the date placeholder form-js derives from the date format into the language’s letters', () => {
    expect(formJsText('yyyy/mm/dd', zh)).toBe('年/月/日');
    expect(formJsText('mm/dd/yyyy', zh)).toBe('月/日/年');
    expect(formJsText('dd.mm.yyyy', zh)).toBe('日.月.年');
    expect(formJsText('hh:mm', zh)).toBe('时:分');
  });

  it('leaves every other text as it is, and English as form-js wrote it', () => {
    for (const text of ['Lumen Trading', 'a) 对采购', 'Selected', 'mm', 'TL-300', '2026/12/02', ''])
      expect(formJsText(text, zh)).toBe(text);
    expect(formJsText('Field must have minimum value of 5.', en)).toBe('Field must have minimum value of 5.');
  });
});
