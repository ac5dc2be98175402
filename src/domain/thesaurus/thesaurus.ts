/**
 * The domain thesaurus in memory: concepts of the field (cell_therapy, ivd …), the terms that
 * name each in simplified Chinese, traditional Chinese and English, the taxonomy segment a
 * concept belongs to and the concepts related to it.
 *
 * Two uses:
 * - `conceptsIn(foldedText)` finds the concepts a text names (the matching engine runs it on
 *   every record's text when it builds its index: ~200,000 texts of ~300 characters), with an
 *   Aho–Corasick automaton over term keys, so the cost is linear in the text whatever the number
 *   of terms;
 * - `expansions(termKey)` gives the other terms of the concept(s) a search word names, so a
 *   search for 体外诊断 also finds documents that say IVD.
 *
 * Comparison is on term keys: `termKey` folds (simplified Chinese, NFKC, lower case) and drops
 * spaces, hyphens and dots, so "CAR-T", "CAR T" and "car-t" are one key ("cart") and 體外診斷 is
 * 体外诊断. Latin terms match whole words only (CRO does not match "microbe"); terms in Chinese
 * match as substrings (the text has no spaces to bound them).
 *
 * Pure: no I/O. The server builds one from the database (src/server/modules/thesaurus/load.ts).
 */
import type { ThesaurusLang } from '../matching/vocabularies';
import { fold } from '../text/fold';

export interface ThesaurusTermData {
  lang: ThesaurusLang;
  term: string;
}

export interface ThesaurusConceptData {
  code: string;
  segment: string | null;
  relatedCodes: string[];
  terms: ThesaurusTermData[];
}

/** A concept a text names, and the term (as written in the thesaurus) that named it. */
export interface ConceptMention {
  code: string;
  term: string;
}

/** Characters a term key drops: white space, hyphens and dashes, dots (also the CJK middle dot). */
const DROPPED_ALL = /[\s\-‐‑‒–—―.·・。]+/gu;

/** The key a term is compared by: folded, then spaces, hyphens and dots dropped. */
export function termKey(term: string): string {
  return fold(term).toLowerCase().replace(DROPPED_ALL, '');
}

interface Entry {
  /** Term key length (the match ends at the node; it starts this many code units before). */
  length: number;
  code: string;
  term: string;
  latinStart: boolean;
  latinEnd: boolean;
}

interface Node {
  next: Map<number, number>;
  fail: number;
  /** Entries ending exactly here. */
  out: Entry[];
  /** The nearest node on the fail chain (excluding this one) with entries, or -1. */
  dictLink: number;
}

/** UTF-16 code units termKey drops (the class DROPPED_ALL repeats): matching works on code units, keys and text alike. */
function isDropped(c: number): boolean {
  return (
    c === 0x20 || c === 0x2d || c === 0x2e || (c >= 0x09 && c <= 0x0d) || c === 0xa0 || c === 0xb7 || (c >= 0x2010 && c <= 0x2015) ||
    c === 0x3000 || c === 0x3002 || c === 0x30fb || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff || c === 0x85
  );
}

function isLatinCode(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
}

/** Scratch buffers reused between calls (matching is synchronous). */
let keptBuf = new Uint16Array(1024);
let separatedBuf = new Uint8Array(1024);

export class Thesaurus {
  private readonly nodes: Node[] = [{ next: new Map(), fail: 0, out: [], dictLink: -1 }];
  /** The root's transitions by code unit (0: stay at the root), the hot path of matching. */
  private readonly root = new Int32Array(65536);
  private readonly concepts = new Map<string, ThesaurusConceptData>();
  private readonly related = new Map<string, Set<string>>();
  /** term key → codes of the concepts that have a term with that key. */
  private readonly codesByKey = new Map<string, string[]>();
  /** concept code → its terms folded (spaces kept), distinct. */
  private readonly foldedTerms = new Map<string, { key: string; folded: string }[]>();

  private constructor(concepts: readonly ThesaurusConceptData[]) {
    for (const c of concepts) this.concepts.set(c.code, c);
    for (const c of this.concepts.values()) {
      const own = this.related.get(c.code) ?? new Set<string>();
      this.related.set(c.code, own);
      for (const r of c.relatedCodes) {
        if (r === c.code || !this.concepts.has(r)) continue;
        own.add(r);
        const back = this.related.get(r) ?? new Set<string>();
        back.add(c.code);
        this.related.set(r, back);
      }
      const seen = new Set<string>();
      const folded: { key: string; folded: string }[] = [];
      for (const t of c.terms) {
        const key = termKey(t.term);
        if (key.length === 0 || seen.has(key)) continue;
        seen.add(key);
        folded.push({ key, folded: fold(t.term).trim().replace(/\s+/g, ' ') });
        const codes = this.codesByKey.get(key) ?? [];
        if (!codes.includes(c.code)) codes.push(c.code);
        this.codesByKey.set(key, codes);
        this.insert(key, c.code, t.term);
      }
      this.foldedTerms.set(c.code, folded);
    }
    this.link();
    for (const [ch, to] of this.nodes[0]!.next) this.root[ch] = to;
  }

  /** A thesaurus of these concepts (related codes naming unknown concepts are ignored). */
  static build(concepts: readonly ThesaurusConceptData[]): Thesaurus {
    return new Thesaurus(concepts);
  }

  static empty(): Thesaurus {
    return new Thesaurus([]);
  }

  /** Number of concepts. */
  get size(): number {
    return this.concepts.size;
  }

  has(code: string): boolean {
    return this.concepts.has(code);
  }

  concept(code: string): ThesaurusConceptData | undefined {
    return this.concepts.get(code);
  }

  codes(): string[] {
    return [...this.concepts.keys()];
  }

  /**
   * The concepts a folded text (see `fold`) names, each once, in order of first mention, with the
   * term that named it. A term found only inside a longer term of another concept does not count
   * (抗体偶联药物 names adc, not also antibody).
   */
  conceptsIn(foldedText: string): ConceptMention[] {
    if (this.nodes.length === 1 || foldedText.length === 0) return [];
    const text = foldedText.toLowerCase();
    if (keptBuf.length < text.length + 1) {
      keptBuf = new Uint16Array(text.length * 2);
      separatedBuf = new Uint8Array(text.length * 2);
    }
    const kept = keptBuf;
    const separated = separatedBuf;
    // The text as termKey would see it: dropped characters removed, remembering where they were.
    let n = 0;
    let pending = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (isDropped(c)) {
        pending = 1;
        continue;
      }
      kept[n] = c;
      separated[n] = pending;
      pending = 0;
      n++;
    }
    const boundary = (k: number) => k === 0 || k === n || separated[k] === 1 || !isLatinCode(kept[k - 1]!) || !isLatinCode(kept[k]!);
    const hits: { start: number; end: number; entry: Entry }[] = [];
    const nodes = this.nodes;
    const root = this.root;
    let state = 0;
    for (let i = 0; i < n; i++) {
      const ch = kept[i]!;
      for (;;) {
        if (state === 0) {
          state = root[ch]!;
          break;
        }
        const to = nodes[state]!.next.get(ch);
        if (to !== undefined) {
          state = to;
          break;
        }
        state = nodes[state]!.fail;
      }
      if (state === 0) continue;
      const end = i + 1;
      for (let m = nodes[state]!.out.length > 0 ? state : nodes[state]!.dictLink; m !== -1; m = nodes[m]!.dictLink) {
        for (const entry of nodes[m]!.out) {
          const start = end - entry.length;
          if (entry.latinStart && !boundary(start)) continue;
          if (entry.latinEnd && !boundary(end)) continue;
          hits.push({ start, end, entry });
        }
      }
    }
    if (hits.length === 0) return [];
    // Drop hits strictly inside a longer hit of another concept.
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    const chosen: typeof hits = [];
    let maxEnd = -1;
    let maxEndStart = -1;
    let maxEndCode = '';
    for (const h of hits) {
      const inside = maxEnd >= h.end && (maxEnd > h.end || maxEndStart < h.start);
      if (!(inside && maxEndCode !== h.entry.code)) chosen.push(h);
      if (h.end > maxEnd) {
        maxEnd = h.end;
        maxEndStart = h.start;
        maxEndCode = h.entry.code;
      }
    }
    chosen.sort((a, b) => a.start - b.start || b.end - a.end);
    const out: ConceptMention[] = [];
    const seen = new Set<string>();
    for (const h of chosen) {
      if (seen.has(h.entry.code)) continue;
      seen.add(h.entry.code);
      out.push({ code: h.entry.code, term: h.entry.term });
    }
    return out;
  }

  /** Codes of the concepts named by a text that is not folded yet. */
  conceptsInText(text: string): ConceptMention[] {
    return this.conceptsIn(fold(text));
  }

  /** Concepts related to this one, whichever of the two recorded the relation. */
  relatedOf(code: string): string[] {
    return [...(this.related.get(code) ?? [])];
  }

  segmentOf(code: string): string | null {
    return this.concepts.get(code)?.segment ?? null;
  }

  /** Codes of the concepts that have a term with this key (usually one). */
  codesOfKey(key: string): string[] {
    return [...(this.codesByKey.get(key) ?? [])];
  }

  /**
   * The other terms (folded, spaces kept: "in vitro diagnostics") of the concept(s) that have a
   * term with this key. Empty when no concept has it. The given key's own term is not included.
   */
  expansions(key: string): string[] {
    const codes = this.codesByKey.get(key);
    if (!codes) return [];
    const out: string[] = [];
    const seen = new Set<string>([key]);
    for (const code of codes) {
      for (const t of this.foldedTerms.get(code) ?? []) {
        if (seen.has(t.key)) continue;
        seen.add(t.key);
        out.push(t.folded);
      }
    }
    return out;
  }

  private insert(key: string, code: string, term: string): void {
    let state = 0;
    for (let i = 0; i < key.length; i++) {
      const ch = key.charCodeAt(i);
      const node = this.nodes[state]!;
      let to = node.next.get(ch);
      if (to === undefined) {
        to = this.nodes.length;
        this.nodes.push({ next: new Map(), fail: 0, out: [], dictLink: -1 });
        node.next.set(ch, to);
      }
      state = to;
    }
    const out = this.nodes[state]!.out;
    if (out.some((e) => e.code === code)) return;
    out.push({ length: key.length, code, term, latinStart: isLatinCode(key.charCodeAt(0)), latinEnd: isLatinCode(key.charCodeAt(key.length - 1)) });
  }

  /** Failure and dictionary links, breadth first. */
  private link(): void {
    const queue: number[] = [];
    for (const to of this.nodes[0]!.next.values()) {
      this.nodes[to]!.fail = 0;
      queue.push(to);
    }
    for (let head = 0; head < queue.length; head++) {
      const s = queue[head]!;
      const node = this.nodes[s]!;
      for (const [ch, to] of node.next) {
        let f = node.fail;
        while (f !== 0 && !this.nodes[f]!.next.has(ch)) f = this.nodes[f]!.fail;
        const target = this.nodes[f]!.next.get(ch);
        const fail = target !== undefined && target !== to ? target : 0;
        const child = this.nodes[to]!;
        child.fail = fail;
        child.dictLink = this.nodes[fail]!.out.length > 0 ? fail : this.nodes[fail]!.dictLink;
        queue.push(to);
      }
    }
  }
}
