/**
 * What the search box text asks for, decided before any SQL: identifiers that match exactly
 * (a unified social credit code, a stock code), the terms for the full-text match (Chinese
 * words from the segmenter, Latin words and abbreviations), and the folded text the trigram
 * similarity compares with names. An empty box is a listing, sorted by name.
 */
import { CREDIT_CODE_ALPHABET, normaliseCreditCode } from './credit-code';
import { fold } from './text/fold';
import { queryTerms, type QueryTerm } from './text/tokenise';

export interface SearchTerm extends QueryTerm {
  /**
   * A Latin word the `english` stemmer may also match ("vaccines" finds "vaccine").
   * Abbreviations (CRO, CDMO, mRNA, PD-1: capitals inside, or digits) match exactly only.
   */
  stem: boolean;
}

export type ParsedSearch =
  | { mode: 'listing' }
  | {
      mode: 'search';
      /** Folded query (simplified, lower case, NFKC) for trigram similarity against names. */
      folded: string;
      terms: SearchTerm[];
      /** Exact identifiers as stored in search_documents.codes (upper case). */
      codes: string[];
    };

const CREDIT_CODE_SHAPE = new RegExp(`^[${CREDIT_CODE_ALPHABET}]{18}$`);
/** 600276, 600276.SH, 00700.HK (Hong Kong codes have five digits), 430047.BJ. */
const STOCK_CODE = /^(\d{6}|\d{5}\.hk|\d{6}\.(?:sh|sz|bj|hk))$/i;
/**
 * Words of legal forms (Co., Ltd., 有限公司 …): nearly every organisation's name has them, so as
 * query terms they select nothing and cost the most (the longest index entries). Dropped from
 * a query unless nothing else is left.
 */
const LEGAL_FORM_WORDS = new Set(['co', 'ltd', 'inc', 'corp', 'llc', 'limited', 'company', 'gmbh', 'plc', '有限公司', '有限', '公司', '股份', '股份有限公司', '有限责任', '责任', '集团']);
const ABBREVIATION = /[A-Z].*[A-Z]|[0-9]|^[a-z]+[A-Z]/;

/** Stock codes as the index stores them: the code with its exchange suffix, and its bare digits. */
export function stockCodeForms(stockCode: string): string[] {
  const upper = stockCode.trim().toUpperCase();
  const digits = upper.split('.')[0]!;
  return digits === upper ? [upper] : [upper, digits];
}

function codesIn(text: string): string[] {
  const codes: string[] = [];
  // A credit code is often pasted with spaces or dashes inside (9132 0700 …): try the whole box first.
  const whole = normaliseCreditCode(text);
  if (CREDIT_CODE_SHAPE.test(whole)) codes.push(whole);
  for (const word of text.normalize('NFKC').split(/[\s,，;；、]+/)) {
    const w = word.toUpperCase();
    if (CREDIT_CODE_SHAPE.test(w)) codes.push(w);
    if (STOCK_CODE.test(w)) codes.push(w);
  }
  return [...new Set(codes)];
}

/** Latin words of the original text, keyed by their folded form, telling abbreviations apart. */
function abbreviationsIn(text: string): Set<string> {
  const found = new Set<string>();
  for (const m of text.normalize('NFKC').matchAll(/[A-Za-z0-9]+(?:[-.+/][A-Za-z0-9]+)*/g)) {
    if (ABBREVIATION.test(m[0])) found.add(m[0].toLowerCase().replace(/[-.+/]/g, ''));
  }
  return found;
}

export function parseSearch(q: string | undefined | null): ParsedSearch {
  const text = (q ?? '').trim();
  if (text.length === 0) return { mode: 'listing' };
  const codes = codesIn(text);
  const abbreviations = abbreviationsIn(text);
  const all = queryTerms(text).map((t) => ({ ...t, stem: t.latin && /^[a-z]{3,}$/.test(t.word) && !abbreviations.has(t.word) }));
  // Single Chinese characters the segmenter leaves over (前 of 临床前, 生 of a name being typed)
  // select little and are often a fragment: dropped when other words remain.
  const meaningful = all.filter((t) => !LEGAL_FORM_WORDS.has(t.word) && (t.latin || t.word.length > 1));
  const terms = meaningful.length > 0 ? meaningful : all;
  // Nothing searchable (only punctuation): the box says nothing, so list.
  if (terms.length === 0 && codes.length === 0) return { mode: 'listing' };
  return { mode: 'search', folded: fold(text).replace(/\s+/g, ' '), terms, codes };
}
