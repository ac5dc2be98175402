import { describe, expect, it } from 'vitest';
import { parseSearch } from '../search-query';
import { THESAURUS_SEED } from './seed';
import { synonymGroups } from './expand';
import { Thesaurus } from './thesaurus';

const seed = Thesaurus.build(THESAURUS_SEED);
const groupsOf = (q: string) => {
  const parsed = parseSearch(q);
  if (parsed.mode !== 'search') return [];
  return synonymGroups(parsed.terms, seed).map((g) => ({ from: g.from, to: g.to, codes: g.codes, alternatives: g.alternatives.map((a) => a.map((t) => t.word).join(' ')) }));
};

describe('synonymGroups', () => {
  it('groups the query words that spell a thesaurus term, in any script', () => {
    for (const q of ['体外诊断', '體外診斷']) {
      const [g] = groupsOf(q);
      expect(g).toMatchObject({ from: 0, to: 2, codes: ['ivd'] });
      expect(g!.alternatives).toEqual(expect.arrayContaining(['ivd', 'in vitro diagnostics']));
    }
    expect(groupsOf('in vitro diagnostics')[0]).toMatchObject({ from: 0, to: 3, codes: ['ivd'] });
    expect(groupsOf('CAR-T')[0]!.alternatives).toEqual(expect.arrayContaining(['免疫 细胞 治疗', 'cell therapy']));
  });

  it('leaves other words alone and expands nothing when the query names no concept', () => {
    expect(groupsOf('恒瑞医药')).toEqual([]);
    const groups = groupsOf('泰州 IVD 企业');
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ from: 1, to: 2, codes: ['ivd'] });
  });

  it('never offers the typed words themselves as an alternative', () => {
    for (const q of ['体外诊断', 'IVD', 'CAR-T', '干细胞']) {
      for (const g of groupsOf(q)) expect(g.alternatives).not.toContain(parseSearch(q).mode === 'search' ? (parseSearch(q) as { terms: { word: string }[] }).terms.slice(g.from, g.to).map((t) => t.word).join(' ') : '');
    }
  });

  it('expands nothing with an empty thesaurus', () => {
    const parsed = parseSearch('体外诊断');
    expect(parsed.mode === 'search' && synonymGroups(parsed.terms, Thesaurus.empty())).toEqual([]);
  });
});
