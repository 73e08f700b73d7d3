/**
 * The message catalogue: zh-CN and en carry the same keys, no empty text, and each
 * translation fills in the same {{placeholders}} as the English text.
 */
import { en } from '../../../web/src/i18n/messages/en';
import { zhCN } from '../../../web/src/i18n/messages/zh-CN';
import { messages as contractReview } from '../../../web/src/contract-review/messages';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();

describe.each([
  ['the generic UI', en as Tree, zhCN as Tree],
  ['the contract review pack (section cr)', contractReview.en as Tree, contractReview['zh-CN'] as Tree],
])('web message catalogue of %s', (_name, enTree, zhTree) => {
  const english = flatten(enTree);
  const chinese = flatten(zhTree);

  it('has the same keys in zh-CN and en', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('has no empty text and the same placeholders in both languages', () => {
    for (const [key, text] of english) {
      expect({ key, empty: text.length === 0 }).toEqual({ key, empty: false });
      expect({ key, placeholders: placeholders(chinese.get(key) ?? '') }).toEqual({
        key,
        placeholders: placeholders(text),
      });
    }
  });

  it('is really translated: most zh-CN texts contain Chinese characters', () => {
    const translated = [...chinese.values()].filter((text) => /[\u4e00-\u9fff]/.test(text)).length;
    expect(translated / chinese.size).toBeGreaterThan(0.8);
  });
});
