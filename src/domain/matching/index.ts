/**
 * The matching index: every record the engine may rank, compiled (records.ts) into columns and
 * one Int32Array arena, and the ranking over it.
 *
 * top() scores every candidate of the target's role the viewer may see with the one scoring
 * function (scoring.ts `evaluate`: numbers only, no allocation), keeps a bounded heap of the best
 * k, then explains those k with `explainPair`, which calls the same `evaluate` — so a listed
 * score and its explanation are the same number.
 *
 * Concepts are read from a record's text when it is upserted, with the thesaurus set then; after
 * setThesaurus() the caller re-upserts the records whose concepts should follow (the server does
 * it for every record: a thesaurus edit is a change of every record's text).
 */
import {
  compile,
  emptyView,
  F_CON,
  F_LINK,
  F_MIL,
  F_PART,
  F_PSEG,
  F_PSTG,
  F_QUA,
  F_REG,
  F_SEG,
  F_SRV,
  F_STG,
  F_TOK,
  F_VCOM,
  F_VORG,
  LEVEL_COMMUNITIES,
  LEVEL_COMMUNITY,
  LEVEL_NAMED,
  LEVEL_PUBLIC,
  LEVELS,
  NO_THESAURUS,
  NUMBERS,
  N_CONTACTED,
  N_FREE,
  N_FUND,
  N_NOTREL,
  N_PROVINCE,
  N_TMAX,
  N_TMIN,
  N_USEFUL,
  numOf,
  ROLE_BIT,
  Symbols,
  listHas,
  listLength,
  listOf,
  listEnd,
  listStart,
  type MatchThesaurus,
  type RecView,
  type Tables,
} from './records';
import { evaluate, explainPair, maxDistinctiveDf, subjectContext, type SubjectContext } from './scoring';
import { STAGE_TRACKS, stagePosition } from './stages';
import { CANDIDATE_ROLES, ROLE_OF_TARGET, type MatchFeatures, type MatchScore, type MatchViewer, type OwnFeedback } from './types';
import { MATCH_ENTITY_TYPES, type MatchEntityType, type MatchTarget } from './vocabularies';

export interface RecordRef {
  type: MatchEntityType;
  id: string;
}

export interface TopOptions {
  limit: number;
  viewer: MatchViewer;
  /** The viewer's own verdicts by candidate id: not_relevant drops a candidate (or puts it last). */
  ownFeedback?: OwnFeedback;
  includeDismissed?: boolean;
  /** Candidate ids never to list. */
  exclude?: Iterable<string>;
}

export interface TopItem {
  type: MatchEntityType;
  id: string;
  /** 1-based. */
  rank: number;
  score: MatchScore;
  /** The viewer marked it not relevant (only with includeDismissed; such items come last). */
  dismissed: boolean;
}

export interface TopResult {
  items: TopItem[];
  /** Candidates the viewer may see that were ranked (after the exclusions). */
  considered: number;
}

const isRef = (x: MatchFeatures | RecordRef): x is RecordRef => !('roles' in x);
const keyOf = (type: MatchEntityType, id: string) => `${type}:${id}`;
const TRACKS = Object.keys(STAGE_TRACKS);

function anyIn(c: RecView, f: number, set: Set<number>): boolean {
  if (set.size === 0) return false;
  for (let i = listStart(c, f), e = listEnd(c, f); i < e; i++) if (set.has(c.a[i]!)) return true;
  return false;
}

/** Rounding room between evaluate's bound and a score (both within a few ulps of the exact numbers). */
const PRUNE_MARGIN = 1e-9;

const MARK_EXCLUDED = 1;
const MARK_DISMISSED = 2;

type Typed = Int32Array | Float64Array | Uint8Array | Uint16Array;

/** Room for `size` entries: grows by half (amortised O(1) a push, at most a third of it unused). */
function grow<T extends Typed>(arr: T, size: number, fill?: number): T {
  if (arr.length >= size) return arr;
  let n = Math.max(16, arr.length);
  while (n < size) n = Math.ceil(n * 1.5);
  return resize(arr, n, fill);
}

function resize<T extends Typed>(arr: T, n: number, fill?: number): T {
  const next = new (arr.constructor as new (n: number) => T)(n);
  next.set(arr.length <= n ? arr : arr.subarray(0, n));
  if (fill !== undefined && n > arr.length) next.fill(fill, arr.length);
  return next;
}

/** Capacity left unused after a bulk load that is worth giving back. */
const TRIM_SLACK = 1.1;

export class MatchIndex {
  readonly tables: Tables = { syms: new Symbols(), vocab: new Symbols(), concepts: new Symbols() };
  private thesaurus: MatchThesaurus;

  private arena = new Int32Array(1 << 16);
  private arenaUsed = 0;
  private garbage = 0;

  private readonly slotByKey = new Map<string, number>();
  private readonly slotById = new Map<string, number>();
  private readonly ids: (string | undefined)[] = [];
  private readonly freeSlots: number[] = [];
  private slots = 0;
  private live = 0;

  private blobStart = new Int32Array(0);
  private blobLen = new Int32Array(0);
  private types = new Uint8Array(0);
  private roles = new Uint16Array(0);
  /** NUMBERS numbers per slot, row by row (one cache line a record). */
  private nums = new Float64Array(0);
  private closed = new Uint8Array(0);
  private level = new Uint8Array(0);
  private mark = new Uint8Array(0);

  private readonly roleMembers: number[][] = CANDIDATE_ROLES.map(() => []);
  private rolePos: Int32Array[] = CANDIDATE_ROLES.map(() => new Int32Array(0));

  private df = new Int32Array(0);
  private qw = new Float64Array(0);
  private stageKeys = new Int32Array(0);
  private stageKeysDone = 0;
  /** Token → slots (CSR), rebuilt on the first ranking after a change. */
  private postingsDirty = true;
  private postOffsets = new Int32Array(1);
  private postings = new Int32Array(0);
  private tokenSums = new Float64Array(0);
  private readonly minCommonDf: number | undefined;

  /** `minCommonDf`: see maxDistinctiveDf (tests lower it). */
  constructor(thesaurus: MatchThesaurus = NO_THESAURUS, options: { minCommonDf?: number } = {}) {
    this.thesaurus = thesaurus;
    this.minCommonDf = options.minCommonDf;
  }

  /** Records in the index. */
  get size(): number {
    return this.live;
  }

  /** The thesaurus read by later upserts and by the subjects of later rankings. */
  setThesaurus(thesaurus: MatchThesaurus): void {
    this.thesaurus = thesaurus;
  }

  has(type: MatchEntityType, id: string): boolean {
    return this.slotByKey.has(keyOf(type, id));
  }

  upsert(features: MatchFeatures): void {
    this.postingsDirty = true;
    const view = compile(features, this.tables, this.thesaurus);
    const key = keyOf(features.type, features.id);
    let slot = this.slotByKey.get(key);
    if (slot !== undefined) this.release(slot);
    else {
      slot = this.freeSlots.pop() ?? this.slots++;
      if (this.slots > this.blobStart.length) this.ensureSlots(this.slots);
      this.slotByKey.set(key, slot);
      this.live++;
    }
    this.slotById.set(features.id, slot);
    this.ids[slot] = features.id;
    const len = view.a.length;
    this.reserve(len);
    this.arena.set(view.a, this.arenaUsed);
    this.blobStart[slot] = this.arenaUsed;
    this.blobLen[slot] = len;
    this.arenaUsed += len;
    this.types[slot] = MATCH_ENTITY_TYPES.indexOf(view.type);
    this.roles[slot] = view.roles;
    this.nums.set(view.n.subarray(view.no, view.no + NUMBERS), slot * NUMBERS);
    this.closed[slot] = view.closed ? 1 : 0;
    this.level[slot] = view.level;
    this.df = grow(this.df, this.tables.vocab.size);
    const df = this.df;
    for (let i = listStart(view, F_TOK), e = listEnd(view, F_TOK); i < e; i++) df[view.a[i]!]!++;
    for (let r = 0; r < CANDIDATE_ROLES.length; r++) {
      if ((view.roles & (1 << r)) === 0) continue;
      this.rolePos[r]![slot] = this.roleMembers[r]!.length;
      this.roleMembers[r]!.push(slot);
    }
  }

  /**
   * Gives back unused capacity (arena garbage, room left by growth): the ranking calls it after
   * changes, so a bulk load ends at about the size it needs. Later upserts grow again.
   */
  trim(): void {
    const liveInts = this.arenaUsed - this.garbage;
    if (this.garbage > 0 || this.arena.length > liveInts * TRIM_SLACK + 1024) {
      const next = new Int32Array(liveInts);
      let at = 0;
      for (let slot = 0; slot < this.slots; slot++) {
        if (this.ids[slot] === undefined) continue;
        const start = this.blobStart[slot]!;
        const n = this.blobLen[slot]!;
        next.set(this.arena.subarray(start, start + n), at);
        this.blobStart[slot] = at;
        at += n;
      }
      this.arena = next;
      this.arenaUsed = at;
      this.garbage = 0;
    }
    const n = this.slots;
    if (this.blobStart.length > n * TRIM_SLACK + 16) {
      this.blobStart = resize(this.blobStart, n);
      this.blobLen = resize(this.blobLen, n);
      this.types = resize(this.types, n);
      this.roles = resize(this.roles, n);
      this.nums = resize(this.nums, n * NUMBERS);
      this.closed = resize(this.closed, n);
      this.level = resize(this.level, n);
      this.mark = resize(this.mark, n);
      this.rolePos = this.rolePos.map((p) => resize(p, n));
    }
    const vocab = this.tables.vocab.size;
    if (this.df.length > vocab * TRIM_SLACK + 16) this.df = resize(this.df, vocab);
  }

  remove(type: MatchEntityType, id: string): boolean {
    const key = keyOf(type, id);
    const slot = this.slotByKey.get(key);
    if (slot === undefined) return false;
    this.postingsDirty = true;
    this.release(slot);
    this.slotByKey.delete(key);
    if (this.slotById.get(id) === slot) this.slotById.delete(id);
    this.ids[slot] = undefined;
    this.blobLen[slot] = 0;
    this.freeSlots.push(slot);
    this.live--;
    return true;
  }

  /** What the index holds of a record (its text is not kept: `text` is ''). */
  get(type: MatchEntityType, id: string): MatchFeatures | undefined {
    const slot = this.slotByKey.get(keyOf(type, id));
    if (slot === undefined) return undefined;
    const v = this.load(slot, emptyView());
    const names = (f: number) => [...listOf(v, f)].map((s) => this.tables.syms.names[s]!);
    const nul = (x: number) => (Number.isNaN(x) ? null : x);
    return {
      type: v.type,
      id: v.id,
      roles: CANDIDATE_ROLES.filter((r) => (v.roles & ROLE_BIT[r]) !== 0),
      segments: names(F_SEG),
      stages: names(F_STG),
      province: numOf(v, N_PROVINCE) < 0 ? null : this.tables.syms.names[numOf(v, N_PROVINCE)]!,
      regions: names(F_REG),
      ticketMinFen: nul(numOf(v, N_TMIN)),
      ticketMaxFen: nul(numOf(v, N_TMAX)),
      fundingSoughtFen: nul(numOf(v, N_FUND)),
      services: names(F_SRV),
      milestones: names(F_MIL),
      qualifications: names(F_QUA),
      freeAreaSqm: nul(numOf(v, N_FREE)),
      closed: v.closed,
      tokens: [...listOf(v, F_TOK)].map((t) => this.tables.vocab.names[t]!),
      text: '',
      portfolioSegments: names(F_PSEG),
      portfolioStages: names(F_PSTG),
      linkedIds: names(F_LINK),
      partnerships: names(F_PART),
      visibility: { level: LEVELS[v.level]!, communityIds: names(F_VCOM), orgIds: names(F_VORG) },
      feedback: { useful: numOf(v, N_USEFUL), notRelevant: numOf(v, N_NOTREL), contacted: numOf(v, N_CONTACTED) },
    };
  }

  /** Thesaurus concepts the index found in a record's text (codes). */
  conceptsOf(type: MatchEntityType, id: string): string[] {
    const slot = this.slotByKey.get(keyOf(type, id));
    if (slot === undefined) return [];
    const v = this.load(slot, emptyView());
    return [...listOf(v, F_CON)].map((c) => this.tables.concepts.names[c]!);
  }

  /** The best candidates of a target for a subject (a record of the index, or features compiled for this call). */
  top(target: MatchTarget, subject: MatchFeatures | RecordRef, options: TopOptions): TopResult {
    const s = this.subjectView(subject);
    if (s === undefined) return { items: [], considered: 0 };
    const limit = Math.max(0, Math.floor(options.limit));
    const ctx = this.context(target, s);
    const touched: number[] = [];
    const sums = this.accumulateTokens(ctx);
    try {
      this.markExclusions(s, options, touched);
      const role = CANDIDATE_ROLES.indexOf(ROLE_OF_TARGET[target]);
      const members = this.roleMembers[role]!;
      const vis = this.viewerSets(options.viewer);
      const subjectSym = this.tables.syms.lookup(s.id);
      const includeDismissed = options.includeDismissed === true;
      const c = emptyView();
      // The heap: worst of the kept at the root.
      const hSlot: number[] = [];
      const hScore: number[] = [];
      const hDis: number[] = [];
      const worse = (i: number, j: number): boolean => this.before(hDis[j]!, hScore[j]!, hSlot[j]!, hDis[i]!, hScore[i]!, hSlot[i]!);
      const swap = (i: number, j: number) => {
        [hSlot[i], hSlot[j]] = [hSlot[j]!, hSlot[i]!];
        [hScore[i], hScore[j]] = [hScore[j]!, hScore[i]!];
        [hDis[i], hDis[j]] = [hDis[j]!, hDis[i]!];
      };
      const siftDown = (i: number) => {
        const n = hSlot.length;
        for (;;) {
          const a = 2 * i + 1;
          const b = a + 1;
          let w = i;
          if (a < n && worse(a, w)) w = a;
          if (b < n && worse(b, w)) w = b;
          if (w === i) return;
          swap(i, w);
          i = w;
        }
      };
      const siftUp = (i: number) => {
        while (i > 0) {
          const p = (i - 1) >> 1;
          if (!worse(i, p)) return;
          swap(i, p);
          i = p;
        }
      };
      let considered = 0;
      const mark = this.mark;
      const closed = this.closed;
      const level = this.level;
      const roles = this.roles;
      const blobStart = this.blobStart;
      c.a = this.arena;
      c.n = this.nums;
      c.closed = false;
      for (let m = 0; m < members.length; m++) {
        const slot = members[m]!;
        if (closed[slot] === 1) continue;
        const mk = mark[slot]!;
        if ((mk & MARK_EXCLUDED) !== 0) continue;
        const dismissed = (mk & MARK_DISMISSED) !== 0 ? 1 : 0;
        if (dismissed === 1 && !includeDismissed) continue;
        // loadNumbers, inlined: the arena and the numbers are the same for every candidate.
        c.o = blobStart[slot]!;
        c.slot = slot;
        c.roles = roles[slot]!;
        c.no = slot * NUMBERS;
        c.level = level[slot]!;
        if (c.level !== LEVEL_PUBLIC && !this.visible(c, vis)) continue;
        if (subjectSym >= 0 && listLength(c, F_LINK) > 0 && listHas(c, F_LINK, subjectSym)) continue;
        considered++;
        if (limit === 0) continue;
        // Once the heap is full, a candidate that cannot beat its worst is not scored to the end
        // (evaluate's exact bound; a score equal to the worst may still win on its id).
        let floor = -Infinity;
        if (hSlot.length === limit) {
          if (dismissed > hDis[0]!) continue;
          if (dismissed === hDis[0]) floor = hScore[0]! - PRUNE_MARGIN;
        }
        const score = evaluate(ctx, c, floor);
        if (score < 0) continue;
        if (hSlot.length === limit && dismissed === hDis[0] && score < hScore[0]!) continue;
        if (hSlot.length < limit) {
          hSlot.push(slot);
          hScore.push(score);
          hDis.push(dismissed);
          siftUp(hSlot.length - 1);
        } else if (this.before(dismissed, score, slot, hDis[0]!, hScore[0]!, hSlot[0]!)) {
          hSlot[0] = slot;
          hScore[0] = score;
          hDis[0] = dismissed;
          siftDown(0);
        }
      }
      const order = hSlot.map((_, i) => i).sort((i, j) => (this.before(hDis[i]!, hScore[i]!, hSlot[i]!, hDis[j]!, hScore[j]!, hSlot[j]!) ? -1 : 1));
      const items = order.map((i, rank): TopItem => {
        const slot = hSlot[i]!;
        this.load(slot, c);
        return { type: c.type, id: c.id, rank: rank + 1, score: explainPair(ctx, c), dismissed: hDis[i] === 1 };
      });
      return { items, considered };
    } finally {
      ctx.release();
      ctx.tokenSums = null;
      sums.fill(0);
      for (const slot of touched) this.mark[slot] = 0;
    }
  }

  /** Rankings of many subjects (the full refresh): top() for each, with its viewer. */
  topForMany(
    target: MatchTarget,
    subjects: readonly (MatchFeatures | RecordRef)[],
    k: number,
    viewerOf: (subject: MatchFeatures | RecordRef) => MatchViewer,
    ownFeedbackOf?: (subject: MatchFeatures | RecordRef) => OwnFeedback | undefined,
  ): TopResult[] {
    return subjects.map((subject) => this.top(target, subject, { limit: k, viewer: viewerOf(subject), ownFeedback: ownFeedbackOf?.(subject) }));
  }

  /**
   * The explanation of one pair, whatever the visibility and exclusions (the caller checks the
   * viewer may see both). Undefined when a referenced record is not in the index.
   */
  explain(target: MatchTarget, subject: MatchFeatures | RecordRef, candidate: MatchFeatures | RecordRef): MatchScore | undefined {
    const s = this.subjectView(subject);
    const c = this.subjectView(candidate);
    if (s === undefined || c === undefined) return undefined;
    const ctx = this.context(target, s);
    try {
      return explainPair(ctx, c);
    } finally {
      ctx.release();
    }
  }

  /** Bytes held by the index's typed arrays (strings and maps not counted). */
  typedBytes(): number {
    let n = this.arena.byteLength + this.postings.byteLength + this.postOffsets.byteLength + this.tokenSums.byteLength + this.df.byteLength + this.qw.byteLength + this.stageKeys.byteLength + this.mark.byteLength;
    for (const a of [this.blobStart, this.blobLen, this.types, this.roles, this.nums, this.closed, this.level])
      n += a.byteLength;
    for (const p of this.rolePos) n += p.byteLength;
    return n;
  }

  // ---- internals ----

  /** a ranks before b: not dismissed first, higher score, then smaller id. */
  private before(dA: number, sA: number, slotA: number, dB: number, sB: number, slotB: number): boolean {
    if (dA !== dB) return dA < dB;
    if (sA !== sB) return sA > sB;
    const ia = this.ids[slotA]!;
    const ib = this.ids[slotB]!;
    return ia < ib || (ia === ib && slotA < slotB);
  }

  private context(target: MatchTarget, s: RecView): SubjectContext {
    this.qw = grow(this.qw, this.tables.vocab.size);
    const syms = this.tables.syms;
    this.stageKeys = grow(this.stageKeys, syms.size);
    for (; this.stageKeysDone < syms.size; this.stageKeysDone++) {
      const p = stagePosition(syms.names[this.stageKeysDone]!);
      this.stageKeys[this.stageKeysDone] = p === undefined ? -1 : TRACKS.indexOf(p.track) * 1024 + p.index;
    }
    const df = this.df;
    return subjectContext(target, s, {
      tables: this.tables,
      thesaurus: this.thesaurus,
      df: (t) => (t < df.length ? df[t]! : 0),
      documents: this.live,
      maxDf: maxDistinctiveDf(this.live, this.minCommonDf),
      stageKeys: this.stageKeys,
      qw: this.qw,
    });
  }

  /**
   * Adds up, for every slot, the weights of the subject's tokens it has, walking the postings of
   * the subject's distinctive tokens in ascending token order (see SubjectContext.tokenSums).
   * Returns the array to clear afterwards.
   */
  private accumulateTokens(ctx: SubjectContext): Float64Array {
    if (this.postingsDirty) this.buildPostings();
    this.tokenSums = grow(this.tokenSums, this.slots);
    const sums = this.tokenSums;
    const qw = ctx.qw;
    const offsets = this.postOffsets;
    const postings = this.postings;
    for (const t of listOf(ctx.subject, F_TOK)) {
      const w = qw[t]!;
      if (w === 0 || t + 1 >= offsets.length) continue;
      for (let i = offsets[t]!, e = offsets[t + 1]!; i < e; i++) sums[postings[i]!]! += w;
    }
    ctx.tokenSums = sums;
    return sums;
  }

  private buildPostings(): void {
    this.trim();
    const vocab = this.tables.vocab.size;
    const offsets = new Int32Array(vocab + 1);
    for (let t = 0; t < vocab; t++) offsets[t + 1] = offsets[t]! + (t < this.df.length ? this.df[t]! : 0);
    const postings = new Int32Array(offsets[vocab]!);
    const fill = offsets.slice(0, vocab);
    const v = emptyView();
    for (let slot = 0; slot < this.slots; slot++) {
      if (this.ids[slot] === undefined) continue;
      this.loadNumbers(slot, v);
      for (let i = listStart(v, F_TOK), e = listEnd(v, F_TOK); i < e; i++) postings[fill[v.a[i]!]!++] = slot;
    }
    this.postOffsets = offsets;
    this.postings = postings;
    this.postingsDirty = false;
  }

  private subjectView(x: MatchFeatures | RecordRef): RecView | undefined {
    if (!isRef(x)) return compile(x, this.tables, this.thesaurus);
    const slot = this.slotByKey.get(keyOf(x.type, x.id));
    if (slot === undefined) return undefined;
    const v = this.load(slot, emptyView());
    v.a = this.arena.slice(v.o, v.o + this.blobLen[slot]!);
    v.o = 0;
    v.n = this.nums.slice(v.no, v.no + NUMBERS);
    v.no = 0;
    return v;
  }

  private markExclusions(s: RecView, options: TopOptions, touched: number[]): void {
    const markId = (id: string, bit: number) => {
      const slot = this.slotById.get(id);
      if (slot === undefined) return;
      if (this.mark[slot] === 0) touched.push(slot);
      this.mark[slot]! |= bit;
    };
    const own = this.slotByKey.get(keyOf(s.type, s.id));
    if (own !== undefined) {
      if (this.mark[own] === 0) touched.push(own);
      this.mark[own]! |= MARK_EXCLUDED;
    }
    markId(s.id, MARK_EXCLUDED);
    for (const l of listOf(s, F_LINK)) markId(this.tables.syms.names[l]!, MARK_EXCLUDED);
    if (options.exclude) for (const id of options.exclude) markId(id, MARK_EXCLUDED);
    if (options.ownFeedback) for (const [id, verdict] of options.ownFeedback) if (verdict === 'not_relevant') markId(id, MARK_DISMISSED);
  }

  private viewerSets(v: MatchViewer): { admin: boolean; member: Set<number>; staff: Set<number>; reps: Set<number> } {
    const syms = (xs: ReadonlySet<string>) => {
      const out = new Set<number>();
      for (const x of xs) {
        const s = this.tables.syms.lookup(x);
        if (s >= 0) out.add(s);
      }
      return out;
    };
    return { admin: v.isPlatformAdmin, member: syms(v.memberOf), staff: syms(v.staffOf), reps: syms(v.represents) };
  }

  /** canSee (visibility.ts) on the compiled form. */
  private visible(c: RecView, v: { admin: boolean; member: Set<number>; staff: Set<number>; reps: Set<number> }): boolean {
    switch (c.level) {
      case LEVEL_PUBLIC:
        return true;
      case LEVEL_COMMUNITY:
        return v.admin || anyIn(c, F_VCOM, v.member) || anyIn(c, F_VORG, v.reps);
      case LEVEL_NAMED:
        return anyIn(c, F_VORG, v.reps) || anyIn(c, F_VCOM, v.staff);
      case LEVEL_COMMUNITIES:
        return anyIn(c, F_VCOM, v.member) || anyIn(c, F_VORG, v.reps);
      default:
        return false;
    }
  }

  private load(slot: number, v: RecView): RecView {
    v.type = MATCH_ENTITY_TYPES[this.types[slot]!]!;
    v.id = this.ids[slot]!;
    return this.loadNumbers(slot, v);
  }

  /** What scoring reads (not the type and id). */
  private loadNumbers(slot: number, v: RecView): RecView {
    v.a = this.arena;
    v.o = this.blobStart[slot]!;
    v.slot = slot;
    v.roles = this.roles[slot]!;
    v.n = this.nums;
    v.no = slot * NUMBERS;
    v.closed = this.closed[slot] === 1;
    v.level = this.level[slot]!;
    return v;
  }

  /** Takes a slot's blob out of the counts (document frequencies, roles) before it is replaced or removed. */
  private release(slot: number): void {
    const v = this.load(slot, emptyView());
    for (const t of listOf(v, F_TOK)) this.df[t]!--;
    this.garbage += this.blobLen[slot]!;
    CANDIDATE_ROLES.forEach((_, r) => {
      if ((v.roles & (1 << r)) === 0) return;
      const members = this.roleMembers[r]!;
      const pos = this.rolePos[r]!;
      const at = pos[slot]!;
      const last = members.pop()!;
      if (last !== slot) {
        members[at] = last;
        pos[last] = at;
      }
    });
    this.roles[slot] = 0;
    this.blobLen[slot] = 0;
  }

  private ensureSlots(n: number): void {
    this.blobStart = grow(this.blobStart, n);
    this.blobLen = grow(this.blobLen, n);
    this.types = grow(this.types, n);
    this.roles = grow(this.roles, n);
    this.nums = grow(this.nums, this.blobStart.length * NUMBERS);
    if (this.nums.length > this.blobStart.length * NUMBERS) this.nums = resize(this.nums, this.blobStart.length * NUMBERS);
    this.closed = grow(this.closed, n);
    this.level = grow(this.level, n);
    this.mark = grow(this.mark, n);
    this.rolePos = this.rolePos.map((p) => grow(p, n));
  }

  /** Room for `len` more ints in the arena: compacts when half of it is garbage, else grows. */
  private reserve(len: number): void {
    if (this.arenaUsed + len <= this.arena.length) return;
    const liveInts = this.arenaUsed - this.garbage;
    if (this.garbage > liveInts) {
      const next = new Int32Array(Math.max(this.arena.length, (liveInts + len) * 2));
      let at = 0;
      for (const slot of this.slotByKey.values()) {
        const start = this.blobStart[slot]!;
        const n = this.blobLen[slot]!;
        next.set(this.arena.subarray(start, start + n), at);
        this.blobStart[slot] = at;
        at += n;
      }
      this.arena = next;
      this.arenaUsed = at;
      this.garbage = 0;
      if (at + len <= next.length) return;
    }
    this.arena = grow(this.arena, this.arenaUsed + len);
  }
}
