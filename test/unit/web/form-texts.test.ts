/**
 * Form-js forms in both languages: every text of the contract review pack's forms has its
 * zh-CN translation, with the same {{placeholders}}, and the render-time walk translates
 * labels, text blocks and option labels (nested ones too) without touching the schema.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import zhCN from '../../../web/src/contract-review/form-texts/zh-CN.json';
import { formSchemaTexts, mapFormSchemaTexts } from '../../../web/src/i18n/translate-form-schema';

const DIAGRAMS = join(__dirname, '..', '..', '..', 'diagrams', 'contract-review');
const forms = readdirSync(DIAGRAMS)
  .filter((f) => f.endsWith('.form'))
  .map((f) => [f, JSON.parse(readFileSync(join(DIAGRAMS, f), 'utf8'))] as const);
const catalogue: Record<string, string> = zhCN;
const placeholders = (text: string) => [...text.matchAll(/{{\s*([\w.]+)\s*}}/g)].map((m) => m[1]).sort();

describe('form texts of the contract review pack', () => {
  it.each(forms)(
    '%s: every label, text and option has a zh-CN translation (add it to web/src/contract-review/form-texts/zh-CN.json)',
    (_file, schema) => {
      const missing = formSchemaTexts(schema).filter((text) => !catalogue[text]);
      expect(missing).toEqual([]);
    },
  );

  it('translates into Chinese and keeps every {{placeholder}}', () => {
    for (const [source, text] of Object.entries(catalogue)) {
      expect({ source, chinese: /[\u4e00-\u9fff]/.test(text) }).toEqual({ source, chinese: true });
      expect({ source, placeholders: placeholders(text) }).toEqual({
        source,
        placeholders: placeholders(source),
      });
    }
  });

  it('has no entry that no form uses any more', () => {
    const used = new Set(forms.flatMap(([, schema]) => formSchemaTexts(schema)));
    expect(Object.keys(catalogue).filter((text) => !used.has(text))).toEqual([]);
  });
});

describe('mapFormSchemaTexts', () => {
  const schema = {
    id: 'f',
    components: [
      { type: 'text', text: '## Title' },
      {
        type: 'group',
        label: 'Group',
        components: [
          {
            type: 'select',
            key: 's',
            label: 'Pick',
            description: 'Help',
            values: [{ value: 'a', label: 'A' }],
          },
          { type: 'textfield', key: 't', label: 'Unknown label', placeholder: 'Type' },
        ],
      },
    ],
  };
  const lookup = (text: string) =>
    ({ '## Title': '## 标题', Group: '组', Pick: '选择', Help: '帮助', A: '甲', Type: '输入' })[text] ?? text;

  it('translates text blocks, labels, descriptions, placeholders and option labels, nested too', () => {
    const out = mapFormSchemaTexts(schema, lookup);
    expect(out.components[0]).toEqual({ type: 'text', text: '## 标题' });
    expect(out.components[1].label).toBe('组');
    expect(out.components[1].components![0]).toMatchObject({
      label: '选择',
      description: '帮助',
      values: [{ value: 'a', label: '甲' }],
    });
    // no entry: shown as written; values and keys untouched
    expect(out.components[1].components![1]).toMatchObject({
      key: 't',
      label: 'Unknown label',
      placeholder: '输入',
    });
  });

  it('leaves the schema it was given as it was', () => {
    const before = JSON.stringify(schema);
    mapFormSchemaTexts(schema, lookup);
    expect(JSON.stringify(schema)).toBe(before);
    expect(formSchemaTexts(schema)).toEqual([
      '## Title',
      'Group',
      'Pick',
      'Help',
      'A',
      'Unknown label',
      'Type',
    ]);
  });
});
