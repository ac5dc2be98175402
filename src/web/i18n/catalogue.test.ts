import { describe, expect, it } from 'vitest';
import { CATALOGUES } from './catalogue';

type Tree = { [key: string]: string | Tree };

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
}

// Chinese has one plural form (`key`), English two (`key_one`, `key_other`): compare the base keys.
const PLURAL = /_(zero|one|two|few|many|other)$/;
const baseKeys = (tree: Tree) => [...new Set(keys(tree).map((k) => k.replace(PLURAL, '')))].sort();

describe('translation catalogues', () => {
  it('have the same keys in zh-CN, zh-TW and en', () => {
    const zhCN = baseKeys(CATALOGUES['zh-CN']);
    expect(baseKeys(CATALOGUES['zh-TW'])).toEqual(zhCN);
    expect(baseKeys(CATALOGUES.en)).toEqual(zhCN);
  });

  it('use the same {{placeholders}} in every language', () => {
    const placeholders = (s: string) => (s.match(/\{\{\w+\}\}/g) ?? []).sort().join(',');
    const flat = (tree: Tree) => Object.fromEntries(keys(tree).map((k) => [k, k.split('.').reduce<string | Tree>((t, p) => (t as Tree)[p]!, tree) as string]));
    const zhCN = flat(CATALOGUES['zh-CN']);
    for (const lang of ['zh-TW', 'en'] as const) {
      const other = flat(CATALOGUES[lang]);
      for (const [k, v] of Object.entries(zhCN)) {
        const translated = other[k] ?? other[`${k}_other`] ?? '';
        expect(placeholders(translated), `${lang} ${k}`).toBe(placeholders(v));
      }
    }
  });
});
