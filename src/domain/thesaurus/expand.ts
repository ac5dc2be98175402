/**
 * Query expansion for the search box: runs of consecutive query terms that spell a thesaurus
 * term (体外 + 诊断 = 体外诊断; in + vitro + diagnostics; cart) also match the other terms of the
 * same concept (IVD, 體外診斷 → 体外诊断, in vitro diagnostics …). Only runs that are thesaurus
 * terms are expanded, so a query that names no concept costs nothing more.
 */
import { queryTerms, type QueryTerm } from '../text/tokenise';
import type { Thesaurus } from './thesaurus';

/** Terms `from` (inclusive) to `to` (exclusive) of the query may instead match any alternative (all its terms). */
export interface SynonymGroup {
  from: number;
  to: number;
  /** The concept codes the run names. */
  codes: string[];
  /** Each alternative is the query terms of one other term of the concept, all required. */
  alternatives: QueryTerm[][];
}

/** Longest first: a run of up to this many query terms may spell one thesaurus term. */
const MAX_SPAN = 6;
/** Alternatives kept per group (a concept has a few dozen terms at most). */
const MAX_ALTERNATIVES = 24;

export function synonymGroups(terms: readonly Pick<QueryTerm, 'word'>[], thesaurus: Thesaurus): SynonymGroup[] {
  if (thesaurus.size === 0) return [];
  const groups: SynonymGroup[] = [];
  for (let i = 0; i < terms.length; ) {
    let found: SynonymGroup | null = null;
    for (let j = Math.min(terms.length, i + MAX_SPAN); j > i && !found; j--) {
      const key = terms
        .slice(i, j)
        .map((t) => t.word)
        .join('');
      const codes = thesaurus.codesOfKey(key);
      if (codes.length === 0) continue;
      const own = terms.slice(i, j).map((t) => t.word).join(' ');
      const seen = new Set<string>([own]);
      const alternatives: QueryTerm[][] = [];
      for (const expansion of thesaurus.expansions(key)) {
        const alt = queryTerms(expansion);
        const signature = alt.map((t) => t.word).join(' ');
        if (alt.length === 0 || seen.has(signature)) continue;
        seen.add(signature);
        alternatives.push(alt);
        if (alternatives.length >= MAX_ALTERNATIVES) break;
      }
      found = { from: i, to: j, codes, alternatives };
    }
    if (found && found.alternatives.length > 0) {
      groups.push(found);
      i = found.to;
    } else i++;
  }
  return groups;
}
