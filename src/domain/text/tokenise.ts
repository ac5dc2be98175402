import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { fold } from './fold';

/**
 * Tokenising for search. The database's text-search parser cannot segment Chinese, so the
 * application does it: text is folded (simplified, NFKC, lower case), Chinese runs go through
 * jieba in cut-for-search mode (a word and its shorter words: 恒瑞医药 → 恒瑞, 医药, 恒瑞医药),
 * and Latin/number runs (CRO, mRNA, PD-1) are kept whole. The space-joined result is what the
 * `simple` text-search configuration reads, so PGlite and PostgreSQL index it identically.
 *
 * Every token consists of letters and digits only: PostgreSQL's parser splits on anything
 * else (it turns "pd-1" into 'pd' and '-1'), so a token with a hyphen would never match the
 * lexemes it produced. Hyphenated Latin runs are therefore joined ("PD-1" → "pd1",
 * "CAR-T" → "cart"), and their longer parts are kept as tokens of their own ("car").
 */

let jieba: Jieba | null = null;
/** The dictionary takes ~0.3 s to load: done once, on first use. */
function segmenter(): Jieba {
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** A Latin/number run, possibly hyphenated or dotted (PD-1, CAR-T, 3.5, co.ltd). */
const LATIN_RUN = /[a-z0-9]+(?:[-.+/][a-z0-9]+)*/g;
/** Runs the segmenter sees: anything that is a letter but not Latin (Han, kana, hangul …). */
const OTHER_RUN = /[^\sa-z0-9\p{P}\p{S}]+/gu;
const LETTERS_AND_DIGITS = /[^\p{L}\p{N}]+/gu;

/** Tokens of one Latin run: the joined form, and its parts of two characters or more. */
function latinTokens(run: string): string[] {
  const parts = run.split(/[-.+/]/).filter((p) => p.length > 0);
  const joined = parts.join('');
  if (parts.length === 1) return [joined];
  return [joined, ...parts.filter((p) => p.length >= 2 && p !== joined)];
}

function hanTokens(run: string, forSearch: boolean): string[] {
  const words = forSearch ? segmenter().cutForSearch(run, true) : segmenter().cut(run, true);
  return words.map((w) => w.replace(LETTERS_AND_DIGITS, '')).filter((w) => w.length > 0);
}

interface Piece {
  latin: boolean;
  text: string;
}

/** Splits folded text into Latin runs and other-script runs, in order, dropping the rest. */
function pieces(folded: string): Piece[] {
  const found: (Piece & { at: number })[] = [];
  for (const m of folded.matchAll(LATIN_RUN)) found.push({ latin: true, text: m[0], at: m.index });
  for (const m of folded.matchAll(OTHER_RUN)) {
    // Latin letters are excluded from OTHER_RUN by class, but accented Latin (é) is not: keep it
    // with the other-script runs, where the segmenter passes it through as a word.
    found.push({ latin: false, text: m[0], at: m.index });
  }
  return found.sort((a, b) => a.at - b.at).map(({ latin, text }) => ({ latin, text }));
}

/** Tokens of a text for the index (cut-for-search: words and the shorter words inside them). */
export function tokenise(text: string): string[] {
  const out: string[] = [];
  for (const p of pieces(fold(text))) out.push(...(p.latin ? latinTokens(p.text) : hanTokens(p.text, true)));
  return out;
}

/** Space-joined tokens of several texts (null and empty ones skipped): a name_tokens or body_tokens value. */
export function tokensText(...texts: (string | null | undefined)[]): string {
  return texts
    .filter((t): t is string => typeof t === 'string' && t.length > 0)
    .flatMap(tokenise)
    .join(' ');
}

/**
 * A query term: the word as the user meant it (`word`) and, for a Chinese word the segmenter
 * splits further, its shorter words (`parts`). A document matches the term when it has the
 * word, or all of its parts (the document's own segmentation may have split it differently).
 */
export interface QueryTerm {
  word: string;
  parts: string[];
  latin: boolean;
}

/** Terms of a search query: precise-mode words (not every sub-word), each with its parts. */
export function queryTerms(text: string): QueryTerm[] {
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  const add = (term: QueryTerm) => {
    if (seen.has(term.word)) return;
    seen.add(term.word);
    terms.push(term);
  };
  for (const p of pieces(fold(text))) {
    if (p.latin) {
      const [joined, ...parts] = latinTokens(p.text);
      add({ word: joined!, parts: [], latin: true });
      // "car-t" also finds documents that wrote it "car t": the parts, all required, as an alternative.
      if (parts.length > 1) terms[terms.length - 1]!.parts = parts;
      continue;
    }
    for (const word of hanTokens(p.text, false)) {
      const parts = hanTokens(word, true).filter((w) => w !== word);
      add({ word, parts, latin: false });
    }
  }
  return terms;
}
