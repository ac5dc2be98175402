import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from './credit-code';
import { parseSearch, stockCodeForms } from './search-query';

const code = '91320594MA1N2P3Q4' + creditCodeCheckChar('91320594MA1N2P3Q4')!;

describe('parseSearch', () => {
  it('lists when the box is empty or says nothing searchable', () => {
    expect(parseSearch(undefined)).toEqual({ mode: 'listing' });
    expect(parseSearch('   ')).toEqual({ mode: 'listing' });
    expect(parseSearch('，。！')).toEqual({ mode: 'listing' });
  });

  it('detects credit codes, pasted with spaces, dashes or in lower case', () => {
    for (const q of [code, code.toLowerCase(), `${code.slice(0, 4)} ${code.slice(4, 10)}-${code.slice(10)}`]) {
      const parsed = parseSearch(q);
      expect(parsed.mode === 'search' && parsed.codes).toContain(code);
    }
  });

  it('detects stock codes with or without the exchange', () => {
    const bare = parseSearch('600276');
    expect(bare.mode === 'search' && bare.codes).toEqual(['600276']);
    const suffixed = parseSearch('600276.sh');
    expect(suffixed.mode === 'search' && suffixed.codes).toEqual(['600276.SH']);
    const hk = parseSearch('01801.HK');
    expect(hk.mode === 'search' && hk.codes).toEqual(['01801.HK']);
    expect(stockCodeForms('600276.sh')).toEqual(['600276.SH', '600276']);
    expect(stockCodeForms('600276')).toEqual(['600276']);
  });

  it('stems plain English words but keeps abbreviations exact', () => {
    const parsed = parseSearch('CRO CDMO mRNA PD-1 vaccines cell therapy');
    if (parsed.mode !== 'search') throw new Error('expected a search');
    const stem = Object.fromEntries(parsed.terms.map((t) => [t.word, t.stem]));
    expect(stem).toEqual({ cro: false, cdmo: false, mrna: false, pd1: false, vaccines: true, cell: true, therapy: true });
  });

  it('drops legal-form words and stray single characters unless nothing else is left', () => {
    const parsed = parseSearch('Nanjing Chengqi Capital Management Co., Ltd.');
    expect(parsed.mode === 'search' && parsed.terms.map((t) => t.word)).toEqual(['nanjing', 'chengqi', 'capital', 'management']);
    const zh = parseSearch('泽康医疗科技有限公司');
    expect(zh.mode === 'search' && zh.terms.map((t) => t.word)).not.toContain('有限公司');
    const stray = parseSearch('临床前');
    expect(stray.mode === 'search' && stray.terms.map((t) => t.word)).toEqual(['临床']);
    const only = parseSearch('有限公司');
    expect(only.mode === 'search' && only.terms.map((t) => t.word)).toEqual(['有限公司']);
  });

  it('segments Chinese and folds the query for name similarity', () => {
    const parsed = parseSearch('  江蘇 醫療器械 ');
    if (parsed.mode !== 'search') throw new Error('expected a search');
    expect(parsed.folded).toBe('江苏 医疗器械');
    expect(parsed.terms.map((t) => t.word)).toEqual(['江苏', '医疗器械']);
    expect(parsed.terms.every((t) => !t.latin && !t.stem)).toBe(true);
    expect(parsed.codes).toEqual([]);
  });
});
