import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fold } from '../text/fold';
import { THESAURUS_SEED } from './seed';
import { Thesaurus, termKey, type ThesaurusConceptData } from './thesaurus';

const seed = Thesaurus.build(THESAURUS_SEED);
const codesIn = (t: Thesaurus, text: string) => t.conceptsIn(fold(text)).map((m) => m.code);

describe('termKey', () => {
  it('folds scripts and case and drops spaces, hyphens and dots', () => {
    expect(termKey('CAR-T')).toBe('cart');
    expect(termKey('CAR T')).toBe('cart');
    expect(termKey('car.t')).toBe('cart');
    expect(termKey('體外診斷')).toBe('体外诊断');
    expect(termKey('ＩＶＤ')).toBe('ivd');
    expect(termKey('In Vitro  Diagnostics')).toBe('invitrodiagnostics');
  });
});

describe('conceptsIn', () => {
  it('finds the same concept in simplified Chinese, traditional Chinese and English', () => {
    expect(codesIn(seed, '本公司专注体外诊断试剂的研发')).toContain('ivd');
    expect(codesIn(seed, '本公司專注體外診斷試劑的研發')).toContain('ivd');
    expect(codesIn(seed, 'We develop in vitro diagnostics for hospitals')).toContain('ivd');
    expect(codesIn(seed, 'An IVD start-up')).toContain('ivd');
    expect(codesIn(seed, '间充质干细胞')).toContain('stem_cell');
    expect(codesIn(seed, '間充質幹細胞')).toContain('stem_cell');
    expect(codesIn(seed, 'mesenchymal stem cells')).toContain('stem_cell');
  });

  it('treats hyphens, spaces and dots in Latin terms alike', () => {
    for (const text of ['CAR-T 产品', 'car t therapy', 'a CART product', '开发CAR-T细胞']) expect(codesIn(seed, text)).toContain('cell_therapy');
  });

  it('matches Latin terms on whole words only', () => {
    expect(codesIn(seed, 'microbe research')).not.toContain('cro');
    expect(codesIn(seed, 'a microbiome company')).not.toContain('cro');
    expect(codesIn(seed, 'carts and cartoons')).not.toContain('cell_therapy');
    expect(codesIn(seed, 'we are a CRO')).toContain('cro');
    expect(codesIn(seed, 'CRO服务')).toContain('cro');
    expect(codesIn(seed, '(CRO)')).toContain('cro');
  });

  it('matches Chinese terms inside longer text', () => {
    expect(codesIn(seed, '公司的抗肿瘤管线')).toContain('oncology');
  });

  it('does not count a term found only inside a longer term of another concept', () => {
    const codes = codesIn(seed, '抗体偶联药物');
    expect(codes).toContain('adc');
    expect(codes).not.toContain('antibody');
    expect(codesIn(seed, 'GLP-1 受体激动剂')).toEqual(['metabolic']);
    // Both named on their own.
    expect(codesIn(seed, '抗体偶联药物与双特异性抗体')).toEqual(['adc', 'antibody']);
  });

  it('names each concept once, in order of first mention, with the term that named it', () => {
    expect(seed.conceptsIn(fold('IVD 与 CAR-T，以及体外诊断'))).toEqual([
      { code: 'ivd', term: 'IVD' },
      { code: 'cell_therapy', term: 'CAR-T' },
    ]);
  });

  it('is empty for an empty thesaurus or text', () => {
    expect(Thesaurus.empty().conceptsIn('体外诊断')).toEqual([]);
    expect(seed.conceptsIn('')).toEqual([]);
  });

  it('finds every term of every seed concept in a text made of it', () => {
    for (const c of THESAURUS_SEED) for (const t of c.terms) expect(codesIn(seed, `前文 ${t.term} 后文`), `${c.code}: ${t.term}`).toContain(c.code);
  });

  it('agrees with a naive scan (property)', () => {
    // Random small thesauri over a tiny alphabet, random texts: the automaton finds a concept
    // exactly when some term key occurs at word boundaries (before the containment rule).
    const alphabet = fc.constantFrom('a', 'b', '-', ' ', '细', '胞');
    const word = fc.array(fc.constantFrom('a', 'b', '细', '胞'), { minLength: 1, maxLength: 3 }).map((xs) => xs.join(''));
    fc.assert(
      fc.property(fc.array(fc.array(word, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 4 }), fc.array(alphabet, { maxLength: 20 }), (termLists, textChars) => {
        const concepts: ThesaurusConceptData[] = termLists.map((terms, i) => ({ code: `c${i}`, segment: null, relatedCodes: [], terms: terms.map((term) => ({ lang: 'en', term })) }));
        const t = Thesaurus.build(concepts);
        const text = textChars.join('');
        const found = new Set(t.conceptsIn(text).map((m) => m.code));
        // Naive: words of the text (separators dropped), boundary-aware search by brute force.
        const chars: string[] = [];
        const sep: boolean[] = [];
        let pending = false;
        for (const ch of text) {
          if (ch === '-' || ch === ' ') pending = true;
          else {
            chars.push(ch);
            sep.push(pending);
            pending = false;
          }
        }
        const latin = (c: string | undefined) => c === 'a' || c === 'b';
        const boundary = (k: number) => k === 0 || k === chars.length || sep[k]! || !latin(chars[k - 1]) || !latin(chars[k]);
        const naive = new Set<string>();
        concepts.forEach((c) => {
          for (const term of c.terms) {
            const key = [...termKey(term.term)];
            for (let s = 0; s + key.length <= chars.length; s++) {
              if (key.every((ch, j) => chars[s + j] === ch) && (!latin(key[0]) || boundary(s)) && (!latin(key[key.length - 1]) || boundary(s + key.length))) naive.add(c.code);
            }
          }
        });
        // Everything found was really there; whatever was there is found unless inside a longer hit.
        for (const code of found) expect(naive.has(code)).toBe(true);
        if (concepts.length === 1) expect(found).toEqual(naive);
      }),
    );
  });
});

describe('relations and expansions', () => {
  it('relates concepts both ways, ignoring unknown codes', () => {
    const t = Thesaurus.build([
      { code: 'a', segment: 'x', relatedCodes: ['b', 'nope'], terms: [{ lang: 'en', term: 'alpha' }] },
      { code: 'b', segment: null, relatedCodes: [], terms: [{ lang: 'en', term: 'beta' }] },
    ]);
    expect(t.relatedOf('a')).toEqual(['b']);
    expect(t.relatedOf('b')).toEqual(['a']);
    expect(t.relatedOf('zzz')).toEqual([]);
    expect(t.segmentOf('a')).toBe('x');
    expect(t.segmentOf('b')).toBeNull();
  });

  it('seed: stem cells are related to regenerative medicine', () => {
    expect(seed.relatedOf('stem_cell')).toContain('regenerative_medicine');
    expect(seed.relatedOf('regenerative_medicine')).toContain('stem_cell');
    expect(seed.segmentOf('ivd')).toBe('ivd');
  });

  it('expands a term key to the other terms of its concept', () => {
    const ex = seed.expansions(termKey('体外诊断'));
    expect(ex).toContain('ivd');
    expect(ex).toContain('in vitro diagnostics');
    expect(ex).not.toContain('体外诊断');
    expect(seed.expansions(termKey('CAR-T'))).toContain('免疫细胞治疗');
    expect(seed.expansions('notaterm')).toEqual([]);
  });

  it('every seed concept is consistent: codes, segments, related codes, one term per language at least', () => {
    const codes = new Set(THESAURUS_SEED.map((c) => c.code));
    expect(codes.size).toBe(THESAURUS_SEED.length);
    expect(THESAURUS_SEED.length).toBeGreaterThanOrEqual(60);
    const segments = ['innovative_drug', 'medical_device', 'ivd', 'cell_therapy', 'gene_therapy', 'mrna', 'phage_therapy', 'regenerative_medicine', 'biomaterials', 'vaccines', 'digital_health'];
    for (const c of THESAURUS_SEED) {
      expect(c.code).toMatch(/^[a-z0-9][a-z0-9_]{0,62}$/);
      if (c.segment !== null) expect(segments).toContain(c.segment);
      for (const r of c.relatedCodes) expect(codes.has(r), `${c.code} → ${r}`).toBe(true);
      for (const lang of ['zh_hans', 'zh_hant', 'en'] as const) expect(c.terms.some((t) => t.lang === lang), `${c.code} ${lang}`).toBe(true);
      const keys = c.terms.map((t) => `${t.lang}:${termKey(t.term)}`);
      expect(new Set(keys).size, c.code).toBe(keys.length);
    }
  });
});
