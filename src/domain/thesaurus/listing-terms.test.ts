import { describe, expect, it } from 'vitest';
import { listingSearchTerms } from './listing-terms';
import { Thesaurus } from './thesaurus';

const thesaurus = Thesaurus.build([
  { code: 'ivd', segment: 'ivd', relatedCodes: [], terms: [{ lang: 'en', term: 'IVD' }, { lang: 'zh_hans', term: '体外诊断' }, { lang: 'en', term: 'in vitro diagnostics' }] },
]);

describe('listingSearchTerms', () => {
  it('gives each word its folded spelling and its thesaurus synonyms; every word must match', () => {
    const terms = listingSearchTerms('體外診斷 快速', thesaurus);
    expect(terms).toHaveLength(2);
    expect(terms[0]).toEqual(expect.arrayContaining(['體外診斷', '体外诊断', 'ivd']));
    expect(terms[1]).toEqual(['快速']);
  });

  it('keeps a query that is one thesaurus term as a whole as one word', () => {
    expect(listingSearchTerms('in vitro diagnostics', thesaurus)).toHaveLength(1);
  });

  it('asks for nothing when the box is empty', () => {
    expect(listingSearchTerms(undefined, thesaurus)).toEqual([]);
  });
});
