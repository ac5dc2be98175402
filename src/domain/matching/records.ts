/**
 * The compact form of a record the engine scores: every code, id and token is interned to an
 * int, and the lists of a record live in one Int32Array "blob" (a header of offsets, then the
 * lists, each sorted ascending), numbers beside it. The index keeps all blobs in one arena.
 */
import type { CandidateRole, MatchFeatures, RecordVisibility } from './types';
import { CANDIDATE_ROLES } from './types';
import type { MatchEntityType } from './vocabularies';

/**
 * What the engine asks of the thesaurus (`Thesaurus` in src/domain/thesaurus satisfies it):
 * the concepts a folded text names, and the concepts related to one.
 */
export interface MatchThesaurus {
  conceptsIn(foldedText: string): { code: string; term: string }[];
  relatedOf(code: string): string[];
}

export const NO_THESAURUS: MatchThesaurus = { conceptsIn: () => [], relatedOf: () => [] };

/** Strings ↔ ints. */
export class Symbols {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  intern(name: string): number {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.names.length;
      this.ids.set(name, id);
      this.names.push(name);
    }
    return id;
  }

  lookup(name: string): number {
    return this.ids.get(name) ?? -1;
  }

  get size(): number {
    return this.names.length;
  }
}

/** The lists of a blob, in header order. */
export const F_SEG = 0;
export const F_STG = 1;
export const F_REG = 2;
export const F_SRV = 3;
export const F_MIL = 4;
export const F_QUA = 5;
export const F_PSEG = 6;
export const F_PSTG = 7;
export const F_PART = 8;
/** Concept ids, and (same positions) the symbol of the term that named each. */
export const F_CON = 9;
export const F_CTERM = 10;
export const F_TOK = 11;
export const F_VCOM = 12;
export const F_VORG = 13;
export const F_LINK = 14;
export const FIELD_COUNT = 15;
/** Header: FIELD_COUNT + 1 offsets (relative to the blob's start). */
export const HEADER = FIELD_COUNT + 1;

export const LEVELS: readonly RecordVisibility['level'][] = ['public', 'community', 'named', 'communities'];
export const LEVEL_PUBLIC = 0;
export const LEVEL_COMMUNITY = 1;
export const LEVEL_NAMED = 2;
export const LEVEL_COMMUNITIES = 3;

export const ROLE_BIT: Record<CandidateRole, number> = Object.fromEntries(CANDIDATE_ROLES.map((r, i) => [r, 1 << i])) as Record<CandidateRole, number>;

/**
 * One record as the scorer reads it: a blob (`a` from offset `o`) and numbers. NaN stands for
 * an unknown amount, -1 for an unknown province. Reused for every candidate of a ranking.
 */
export interface RecView {
  a: Int32Array;
  o: number;
  /** Numbers (see N_*), from offset `no`: one row per record in the index. */
  n: Float64Array;
  no: number;
  /** Slot in the index, -1 for a record compiled on the fly. */
  slot: number;
  type: MatchEntityType;
  id: string;
  roles: number;
  closed: boolean;
  level: number;
}

/** The numbers of a record: NaN for an unknown amount, -1 for an unknown province (a symbol). */
export const N_PROVINCE = 0;
export const N_TMIN = 1;
export const N_TMAX = 2;
export const N_FUND = 3;
export const N_FREE = 4;
export const N_USEFUL = 5;
export const N_NOTREL = 6;
export const N_CONTACTED = 7;
export const NUMBERS = 8;

export const numOf = (r: RecView, k: number): number => r.n[r.no + k]!;

export const emptyView = (): RecView => ({
  a: new Int32Array(HEADER),
  o: 0,
  n: Float64Array.of(-1, NaN, NaN, NaN, NaN, 0, 0, 0),
  no: 0,
  slot: -1,
  type: 'project',
  id: '',
  roles: 0,
  closed: false,
  level: 0,
});

export const listStart = (r: RecView, f: number): number => r.o + r.a[r.o + f]!;
export const listEnd = (r: RecView, f: number): number => r.o + r.a[r.o + f + 1]!;
export const listLength = (r: RecView, f: number): number => r.a[r.o + f + 1]! - r.a[r.o + f]!;

export function listOf(r: RecView, f: number): Int32Array {
  return r.a.subarray(listStart(r, f), listEnd(r, f));
}

/** Whether a sorted list of the record contains x (binary search). */
export function listHas(r: RecView, f: number, x: number): boolean {
  let lo = listStart(r, f);
  let hi = listEnd(r, f) - 1;
  const a = r.a;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = a[mid]!;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Whether two sorted lists share an element. */
export function intersects(r1: RecView, f1: number, r2: RecView, f2: number): boolean {
  const a = r1.a;
  const b = r2.a;
  let i = listStart(r1, f1);
  const ie = listEnd(r1, f1);
  let j = listStart(r2, f2);
  const je = listEnd(r2, f2);
  while (i < ie && j < je) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) return true;
    if (x < y) i++;
    else j++;
  }
  return false;
}

/** The shared elements of two sorted lists. */
export function intersection(r1: RecView, f1: number, r2: RecView, f2: number): number[] {
  const out: number[] = [];
  const a = r1.a;
  const b = r2.a;
  let i = listStart(r1, f1);
  const ie = listEnd(r1, f1);
  let j = listStart(r2, f2);
  const je = listEnd(r2, f2);
  while (i < ie && j < je) {
    const x = a[i]!;
    const y = b[j]!;
    if (x === y) {
      out.push(x);
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return out;
}

/** The interning tables a compiled record refers to. */
export interface Tables {
  /** Codes, provinces, community/organisation/record ids, concept terms. */
  syms: Symbols;
  /** Folded tokens. */
  vocab: Symbols;
  /** Thesaurus concept codes. */
  concepts: Symbols;
}

const sortedUnique = (xs: number[]): number[] => {
  xs.sort((x, y) => x - y);
  let n = 0;
  for (let i = 0; i < xs.length; i++) if (i === 0 || xs[i] !== xs[i - 1]) xs[n++] = xs[i]!;
  xs.length = n;
  return xs;
};

const num = (x: number | null): number => (x === null || !Number.isFinite(x) ? NaN : x);

/** Compiles a record: its lists into a blob (concepts found in its text through the thesaurus), its numbers into a view. */
export function compile(features: MatchFeatures, tables: Tables, thesaurus: MatchThesaurus): RecView {
  const { syms, vocab, concepts } = tables;
  const codes = (xs: readonly string[]) => sortedUnique(xs.map((x) => syms.intern(x)));
  const found = new Map<string, string>();
  if (features.text.length > 0) for (const c of thesaurus.conceptsIn(features.text)) if (!found.has(c.code)) found.set(c.code, c.term);
  const conceptPairs = [...found.entries()].map(([code, term]) => [concepts.intern(code), syms.intern(term)] as const).sort((x, y) => x[0] - y[0]);
  const lists: number[][] = [];
  lists[F_SEG] = codes(features.segments);
  lists[F_STG] = codes(features.stages);
  lists[F_REG] = codes(features.regions);
  lists[F_SRV] = codes(features.services);
  lists[F_MIL] = codes(features.milestones);
  lists[F_QUA] = codes(features.qualifications);
  lists[F_PSEG] = codes(features.portfolioSegments);
  lists[F_PSTG] = codes(features.portfolioStages);
  lists[F_PART] = codes(features.partnerships);
  lists[F_CON] = conceptPairs.map((p) => p[0]);
  lists[F_CTERM] = conceptPairs.map((p) => p[1]);
  lists[F_TOK] = sortedUnique(features.tokens.filter((t) => t.length > 0).map((t) => vocab.intern(t)));
  lists[F_VCOM] = codes(features.visibility.communityIds);
  lists[F_VORG] = codes(features.visibility.orgIds);
  lists[F_LINK] = codes(features.linkedIds);
  let size = HEADER;
  for (const l of lists) size += l.length;
  const a = new Int32Array(size);
  let at = HEADER;
  for (let f = 0; f < FIELD_COUNT; f++) {
    a[f] = at;
    a.set(lists[f]!, at);
    at += lists[f]!.length;
  }
  a[FIELD_COUNT] = at;
  let roles = 0;
  for (const r of features.roles) roles |= ROLE_BIT[r] ?? 0;
  const n = new Float64Array(NUMBERS);
  n[N_PROVINCE] = features.province === null || features.province === '' ? -1 : syms.intern(features.province);
  n[N_TMIN] = num(features.ticketMinFen);
  n[N_TMAX] = num(features.ticketMaxFen);
  n[N_FUND] = num(features.fundingSoughtFen);
  n[N_FREE] = num(features.freeAreaSqm);
  n[N_USEFUL] = Math.max(0, features.feedback.useful | 0);
  n[N_NOTREL] = Math.max(0, features.feedback.notRelevant | 0);
  n[N_CONTACTED] = Math.max(0, features.feedback.contacted | 0);
  return {
    a,
    o: 0,
    n,
    no: 0,
    slot: -1,
    type: features.type,
    id: features.id,
    roles,
    closed: features.closed,
    level: Math.max(0, LEVELS.indexOf(features.visibility.level)),
  };
}
