/**
 * The words of a listing's search box (briefs, challenges), each with its spellings: as typed,
 * folded (traditional → simplified, lower case) and the other terms of the thesaurus concept it
 * names (IVD → 体外诊断, in vitro diagnostics …). A record matches a word when it contains any of
 * its spellings, and must match every word. A query that is one thesaurus term as a whole
 * ("cell therapy") is one word.
 */
import { fold } from '../text/fold';
import { termKey, type Thesaurus } from './thesaurus';

const MAX_SPELLINGS = 16;
const MAX_WORDS = 8;

export function listingSearchTerms(text: string | undefined, thesaurus?: Pick<Thesaurus, 'expansions' | 'codesOfKey'>): string[][] {
  if (!text) return [];
  const spell = (w: string) => [...new Set([w, fold(w), ...(thesaurus?.expansions(termKey(w)) ?? [])])].slice(0, MAX_SPELLINGS);
  const words = text.split(/\s+/).filter((w) => w.length > 0);
  if (words.length > 1 && thesaurus && thesaurus.codesOfKey(termKey(text)).length > 0) return [spell(text.trim())];
  return words.slice(0, MAX_WORDS).map(spell);
}
