import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold, nameKey, toSimplified } from './fold';

// Traditional (Taiwan and Hong Kong forms) and simplified spellings of the same words.
const PAIRS: [traditional: string, simplified: string][] = [
  ['醫療器械', '医疗器械'],
  ['體外診斷', '体外诊断'],
  ['細胞治療', '细胞治疗'],
  ['基因編輯', '基因编辑'],
  ['藥物研發', '药物研发'],
  ['江蘇恒瑞醫藥', '江苏恒瑞医药'],
  ['廣東省', '广东省'],
  ['臨床試驗', '临床试验'],
  ['專精特新', '专精特新'],
  ['噬菌體', '噬菌体'],
];
const word = fc.constantFrom(...PAIRS.flat(), 'CRO', 'mRNA', 'PD-1', 'ＣＤＭＯ', '１２３', ' ', '（', '）', 'Co., Ltd.');
const text = fc.array(word, { maxLength: 8 }).map((w) => w.join(''));

describe('fold', () => {
  it('folds traditional to simplified, full width to ASCII, Latin to lower case', () => {
    expect(fold('醫療器械')).toBe('医疗器械');
    expect(fold('ＣＤＭＯ　服務')).toBe('cdmo 服务');
    expect(fold('mRNA')).toBe('mrna');
    expect(toSimplified('plain ascii')).toBe('plain ascii');
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.oneof(text, fc.string()), (s) => fold(fold(s)) === fold(s)));
  });

  it('folds traditional and simplified spellings of a text together', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PAIRS), { minLength: 1, maxLength: 6 }), (pairs) => {
        const traditional = pairs.map(([t]) => t).join('');
        const simplified = pairs.map(([, s]) => s).join('');
        expect(fold(traditional)).toBe(fold(simplified));
      }),
    );
  });
});

describe('nameKey', () => {
  it('ignores legal forms, brackets, width, case and script', () => {
    const key = nameKey('江苏恒瑞医药股份有限公司');
    for (const variant of ['江蘇恒瑞醫藥（股份有限公司）', '江苏恒瑞医药有限公司', '江苏 恒瑞 医药', '江苏恒瑞医药集团', '江苏恒瑞医药(股份有限公司)']) {
      expect(nameKey(variant), variant).toBe(key);
    }
    expect(nameKey('Hengrui Pharma Co., Ltd.')).toBe(nameKey('HENGRUI PHARMA'));
    expect(nameKey('Ｈｅｎｇｒｕｉ Pharma Inc.')).toBe(nameKey('hengrui pharma'));
  });

  it('keeps names that differ in substance apart, and never empties a name', () => {
    expect(nameKey('恒瑞医药')).not.toBe(nameKey('恒瑞医疗'));
    expect(nameKey('有限公司')).not.toBe('');
  });

  it('is stable under folding and legal-form suffixes (property)', () => {
    const base = fc.array(fc.constantFrom(...PAIRS.flat(), '泽康', 'Nova'), { minLength: 1, maxLength: 4 }).map((w) => w.join(''));
    const suffix = fc.constantFrom('', '有限公司', '股份有限公司', '（有限公司）', ' Co., Ltd.', ' Inc.', '集团');
    fc.assert(
      fc.property(base, suffix, (name, legal) => {
        expect(nameKey(name + legal)).toBe(nameKey(name));
        expect(nameKey(fold(name))).toBe(nameKey(name));
        expect(nameKey(nameKey(name))).toBe(nameKey(name));
      }),
    );
  });
});
