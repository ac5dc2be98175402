import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { queryTerms, tokenise, tokensText } from './tokenise';

describe('tokenise', () => {
  it('segments Chinese for search: words and the shorter words inside them', () => {
    const tokens = tokenise('江苏恒瑞医药股份有限公司');
    expect(tokens).toEqual(expect.arrayContaining(['江苏', '恒瑞', '医药', '恒瑞医药', '有限公司']));
  });

  it('folds first: traditional text gives the simplified tokens', () => {
    expect(tokenise('醫療器械研發')).toEqual(tokenise('医疗器械研发'));
    expect(tokenise('ＣＤＭＯ服務')).toEqual(tokenise('cdmo服务'));
  });

  it('keeps Latin and number runs whole and lower-cased, joining hyphenated ones', () => {
    const tokens = tokenise('CRO、CDMO与mRNA疫苗，PD-1单抗和CAR-T细胞治疗，2024年');
    expect(tokens).toEqual(expect.arrayContaining(['cro', 'cdmo', 'mrna', 'pd1', 'cart', 'car', '2024', '疫苗', '单抗']));
    expect(tokens).not.toContain('pd-1');
    expect(tokens).not.toContain('t');
  });

  it('drops punctuation and whitespace', () => {
    expect(tokenise('  （）【】，。！？…—— ·  ')).toEqual([]);
    expect(tokensText('泽康，医疗！', null, undefined, '')).toBe(tokenise('泽康医疗').join(' '));
  });

  it('only ever yields letters and digits, so PostgreSQL parses each token as one word (property)', () => {
    const piece = fc.oneof(
      fc.constantFrom('医疗器械', '細胞治療', 'CRO', 'PD-1', 'mRNA', 'Ｆｕｌｌ', '3.5mg', 'a/b', 'α-1', '—', '。', ' '),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        for (const token of tokenise(pieces.join(''))) expect(token).toMatch(/^[\p{L}\p{N}]+$/u);
      }),
    );
  });
});

describe('queryTerms', () => {
  it('gives precise-mode words with the shorter words inside them', () => {
    const terms = queryTerms('苏州生物医药');
    expect(terms.map((t) => t.word)).toEqual(['苏州', '生物医药']);
    expect(terms[1]!.parts).toEqual(expect.arrayContaining(['生物', '医药']));
  });

  it('marks Latin terms and folds traditional queries', () => {
    expect(queryTerms('醫療器械').map((t) => t.word)).toEqual(queryTerms('医疗器械').map((t) => t.word));
    expect(queryTerms('CDMO vaccines')).toEqual([
      { word: 'cdmo', parts: [], latin: true },
      { word: 'vaccines', parts: [], latin: true },
    ]);
  });

  it('every query term is a token the index holds for the same text (property)', () => {
    const phrase = fc.array(fc.constantFrom('医疗器械', '细胞治疗', '恒瑞医药', '苏州', '生物', 'CRO', 'PD-1', 'vaccines', '臨床試驗'), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(phrase, (words) => {
        const text = words.join(' ');
        const indexed = new Set(tokenise(text));
        for (const term of queryTerms(text)) {
          const whole = indexed.has(term.word);
          const split = term.parts.length > 0 && term.parts.every((p) => indexed.has(p));
          expect(whole || split, term.word).toBe(true);
        }
      }),
    );
  });
});
