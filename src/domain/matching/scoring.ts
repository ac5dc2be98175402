/**
 * How a (subject, candidate) pair is scored: for each kind of pair, criteria with weights; each
 * criterion a fit in [0,1] or "not applicable" (data absent on either side).
 *
 * Score = Σ contribution_i, contribution_i = (w_i / W) × fit_i, where W is the sum of the
 * weights of the APPLICABLE criteria (renormalisation: a criterion nobody can judge neither
 * helps nor hurts; the others keep their proportions and still sum to 1). A pair where nothing
 * is applicable scores 0. The explanation reports each criterion's renormalised weight
 * (0 for not applicable), so its contributions add up to the score.
 *
 * One arithmetic path: `evaluate` computes the fits and the score; the ranking calls it for every
 * candidate, and `explainPair` calls the same function and then only words the criteria.
 */
import type { Criterion, CriterionStatus, MatchScore } from './types';
import type { MatchEntityType, MatchTarget } from './vocabularies';
import {
  F_CON,
  F_CTERM,
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
  N_CONTACTED,
  N_FREE,
  N_FUND,
  N_NOTREL,
  N_PROVINCE,
  N_TMAX,
  N_TMIN,
  N_USEFUL,
  ROLE_BIT,
  numOf,
  intersection,
  intersects,
  listEnd,
  listHas,
  listLength,
  listOf,
  listStart,
  type MatchThesaurus,
  type RecView,
  type Tables,
} from './records';
import { servicesNeeded, STAGE_TRACKS, stagePosition } from './stages';

/** Criterion codes (stable: the web translates them). */
export const CRITERION_CODES = [
  'segment',
  'stage',
  'ticket',
  'region',
  'portfolio',
  'milestones',
  'qualifications',
  'space',
  'services',
  'partnership',
  'cluster',
  'text',
  'feedback',
] as const;
export type CriterionCode = (typeof CRITERION_CODES)[number];

/**
 * Gap codes. Some carry codes after a colon, comma-separated (`milestone_missing:ind_cleared,nda_accepted`);
 * read them with `parseGap`. Numbers are in the criterion's `values`.
 */
export const GAP_CODES = [
  'segment_not_in_focus',
  'stage_adjacent',
  'stage_not_in_focus',
  'ticket_below_sought',
  'ticket_above_sought',
  'region_outside',
  'different_province',
  'regions_not_stated',
  'no_residents_in_segment',
  'no_portfolio_in_segment',
  'no_portfolio_at_stage',
  'milestone_missing',
  'qualification_missing',
  'no_free_space',
  'service_not_offered',
  'partnership_not_done',
  'no_shared_text',
  'no_shared_concepts',
  'others_not_relevant',
] as const;
export type GapCode = (typeof GAP_CODES)[number];

export function parseGap(gap: string): { code: string; args: string[] } {
  const at = gap.indexOf(':');
  return at < 0 ? { code: gap, args: [] } : { code: gap.slice(0, at), args: gap.slice(at + 1).split(',').filter((s) => s.length > 0) };
}

/**
 * A `matched` entry of the text criterion: `concept:<code>|<subject term>|<candidate term>`,
 * `related:<subject concept>~<candidate concept>|<subject term>|<candidate term>`, or
 * `term:<token>`. Other criteria list plain codes (segments, stages, services …).
 */
export function parseMatched(entry: string):
  | { kind: 'concept'; code: string; subjectTerm: string; candidateTerm: string }
  | { kind: 'related'; code: string; relatedCode: string; subjectTerm: string; candidateTerm: string }
  | { kind: 'term'; term: string }
  | { kind: 'code'; code: string } {
  if (entry.startsWith('term:')) return { kind: 'term', term: entry.slice(5) };
  if (entry.startsWith('concept:')) {
    const [code = '', subjectTerm = '', candidateTerm = ''] = entry.slice(8).split('|');
    return { kind: 'concept', code, subjectTerm, candidateTerm };
  }
  if (entry.startsWith('related:')) {
    const [codes = '', subjectTerm = '', candidateTerm = ''] = entry.slice(8).split('|');
    const [code = '', relatedCode = ''] = codes.split('~');
    return { kind: 'related', code, relatedCode, subjectTerm, candidateTerm };
  }
  return { kind: 'code', code: entry };
}

/**
 * Kinds of pairs. Each has a left and a right side: project ↔ investor, project ↔ park,
 * need (project, enterprise) → service provider, brief ↔ company, challenge ↔ research team,
 * challenge → brief; `generic` for any other pairing (subject left).
 */
export type PairKind = 'project_investor' | 'project_park' | 'need_service' | 'brief_company' | 'challenge_team' | 'challenge_brief' | 'generic';

interface KindSpec {
  criteria: readonly { code: CriterionCode; weight: number }[];
  /** Region: the fit of the same province when the right side names no regions (null: not applicable then). */
  sameProvinceFit: number | null;
}

/**
 * Weights (before renormalisation), each kind summing to 1. Why these:
 * - project ↔ investor: segment and stage are the thesis' hard edges (0.25, 0.20), a ticket
 *   that cannot fund the round is nearly as decisive (0.20); text (0.15) catches what codes
 *   miss (modality, indication); portfolio (0.10) is evidence the thesis is real; region (0.05)
 *   is a preference; others' feedback (0.05) a weak signal.
 * - project ↔ park: focus segment (0.20) and stage (0.15), entry criteria (milestones 0.10,
 *   qualifications 0.10), region (0.15: projects land mostly in parks of their own province —
 *   local policy and money), free space (0.05), cluster (0.05: the park's residents already work
 *   in the project's segment; portfolioSegments of a park are its residents' segments), the
 *   park's statement vs the project's text (0.15).
 * Region when the right side (investor, park) states no regions: the same province as the left
 * side counts `sameProvinceFit` (0.5 for investors and parks: a partial fit, gap
 * `regions_not_stated`), another province 0 (`different_province`); with stated regions, a
 * listed province is 1, the same province as the right side's own `sameProvinceFit`, else 0.
 * - need → service: the services needed at the stage (0.40) are the point; text (0.30) tells a
 *   cell-therapy CDMO from a small-molecule one; segment experience 0.15, region 0.10.
 * - brief ↔ company: text/concepts (0.50) carry the technology; segment 0.25; a company that
 *   has done the kind of partnership sought (licensing, co-development, investment) 0.15.
 * - challenges: text/concepts are the heart of it (0.65), segment 0.25.
 */
const TEXT_LED: KindSpec = {
  criteria: [
    { code: 'segment', weight: 0.25 },
    { code: 'region', weight: 0.05 },
    { code: 'text', weight: 0.65 },
    { code: 'feedback', weight: 0.05 },
  ],
  sameProvinceFit: 1,
};

export const KIND_SPECS: Record<PairKind, KindSpec> = {
  project_investor: {
    criteria: [
      { code: 'segment', weight: 0.25 },
      { code: 'stage', weight: 0.2 },
      { code: 'ticket', weight: 0.2 },
      { code: 'region', weight: 0.05 },
      { code: 'portfolio', weight: 0.1 },
      { code: 'text', weight: 0.15 },
      { code: 'feedback', weight: 0.05 },
    ],
    sameProvinceFit: 0.5,
  },
  project_park: {
    criteria: [
      { code: 'segment', weight: 0.2 },
      { code: 'stage', weight: 0.15 },
      { code: 'milestones', weight: 0.1 },
      { code: 'qualifications', weight: 0.1 },
      { code: 'region', weight: 0.15 },
      { code: 'space', weight: 0.05 },
      { code: 'cluster', weight: 0.05 },
      { code: 'text', weight: 0.15 },
      { code: 'feedback', weight: 0.05 },
    ],
    sameProvinceFit: 0.5,
  },
  need_service: {
    criteria: [
      { code: 'services', weight: 0.4 },
      { code: 'segment', weight: 0.15 },
      { code: 'region', weight: 0.1 },
      { code: 'text', weight: 0.3 },
      { code: 'feedback', weight: 0.05 },
    ],
    sameProvinceFit: 0.5,
  },
  brief_company: {
    criteria: [
      { code: 'segment', weight: 0.25 },
      { code: 'partnership', weight: 0.15 },
      { code: 'region', weight: 0.05 },
      { code: 'text', weight: 0.5 },
      { code: 'feedback', weight: 0.05 },
    ],
    sameProvinceFit: 1,
  },
  // A challenge is judged on what it asks for, in words: teams and briefs alike.
  challenge_team: TEXT_LED,
  challenge_brief: TEXT_LED,
  generic: {
    criteria: [
      { code: 'segment', weight: 0.3 },
      { code: 'stage', weight: 0.15 },
      { code: 'region', weight: 0.05 },
      { code: 'text', weight: 0.45 },
      { code: 'feedback', weight: 0.05 },
    ],
    sameProvinceFit: 1,
  },
};

/** Text: a related concept counts this much of a shared one. */
export const RELATED_CONCEPT_WEIGHT = 0.5;
/** Text: sharing this many of the subject's concepts (or all, if it names fewer) is a full concept fit. */
export const CONCEPT_SATURATION = 3;
/** Text: covering this share of the subject's token weight (IDF) is a full token fit. */
export const TOKEN_SATURATION = 0.4;
/** Text: the share of concepts and of tokens in the text fit when the subject has both. */
export const CONCEPT_SHARE = 0.6;
/** Feedback: a "contacted" counts as this many "useful". */
export const CONTACTED_WEIGHT = 2;
/** Ticket: below this ratio of the sought amount (or of the minimum ticket) the fit is 0. */
export const TICKET_PARTIAL_FLOOR = 0.5;

/** Which kind of pair a target makes with a subject, and whether the subject is the right side. */
export function pairKindOf(target: MatchTarget, subject: { type: MatchEntityType; roles: number }): { kind: PairKind; swap: boolean } {
  switch (target) {
    case 'investors':
      return { kind: 'project_investor', swap: false };
    case 'parks':
      return { kind: 'project_park', swap: false };
    case 'services':
      return { kind: 'need_service', swap: false };
    case 'projects':
      if (subject.type === 'community' || (subject.roles & ROLE_BIT.park) !== 0) return { kind: 'project_park', swap: true };
      if ((subject.roles & ROLE_BIT.investor) !== 0) return { kind: 'project_investor', swap: true };
      return { kind: 'generic', swap: false };
    case 'companies':
      return subject.type === 'brief' ? { kind: 'brief_company', swap: false } : { kind: 'generic', swap: false };
    case 'briefs':
      return subject.type === 'challenge' ? { kind: 'challenge_brief', swap: false } : { kind: 'brief_company', swap: true };
    case 'research_teams':
      return subject.type === 'challenge' ? { kind: 'challenge_team', swap: false } : { kind: 'generic', swap: false };
    case 'challenges':
      return { kind: 'challenge_team', swap: true };
  }
}

const C_SEGMENT = 0;
const C_STAGE = 1;
const C_TICKET = 2;
const C_REGION = 3;
const C_PORTFOLIO = 4;
const C_MILESTONES = 5;
const C_QUALIFICATIONS = 6;
const C_SPACE = 7;
const C_SERVICES = 8;
const C_PARTNERSHIP = 9;
const C_CLUSTER = 10;
const C_TEXT = 11;
const C_FEEDBACK = 12;

/** What a ranking knows of its subject, computed once: text weights, concept slots, the services needed. */
export interface SubjectContext {
  kind: PairKind;
  swap: boolean;
  subject: RecView;
  criteria: Int32Array;
  weights: Float64Array;
  sameProvinceFit: number;
  /** IDF of each of the subject's tokens, by token id (0 elsewhere). Shared scratch: call release() when done. */
  qw: Float64Array;
  tokTotal: number;
  /** The subject's concepts (ids) and the terms that named them (symbols). */
  concepts: Int32Array;
  conceptTerms: Int32Array;
  /** By concept id: position in `concepts`, or -1. */
  conceptSlot: Int32Array;
  /** By concept id: positions of the subject's concepts related to it. */
  related: (number[] | undefined)[];
  best: Float64Array;
  needSyms: Int32Array;
  needWeights: Float64Array;
  needTotal: number;
  /** By stage symbol: track × 1024 + position, -1 for an unknown stage (covers every symbol of the records scored). */
  stageKeys: Int32Array;
  /**
   * Token sums already accumulated by slot (the ranking walks the postings of the subject's
   * tokens in ascending token order, which is the order the per-candidate loop adds them in:
   * the same number). Null: add them per candidate.
   */
  tokenSums: Float64Array | null;
  tables: Tables;
  /** Fits of the last evaluate (one per criterion of the kind, -1: not applicable). */
  fits: Float64Array;
  /**
   * The order evaluate computes the criteria in (positions in `criteria`): the cheap ones by
   * weight, the text last; `rest[k]`: the weight of the criteria after the k-th of that order.
   */
  order: Int32Array;
  rest: Float64Array;
  /**
   * By symbol: bit f set when the subject's list f holds the symbol (f < 16: F_SEG … F_PART),
   * and `stageStep[s]` twice the stage fit of a candidate stage s against the subject's stages
   * (2: the same stage, 1: adjacent on the same track, 0 otherwise). Covers the symbols interned when
   * the context was made; later symbols are in no subject list (and fit 0).
   */
  subjectBits: Uint16Array;
  stageStep: Uint8Array;
  release(): void;
}

export interface ContextInputs {
  tables: Tables;
  thesaurus: MatchThesaurus;
  /** Document frequency of a token id, and the number of documents. */
  df: (token: number) => number;
  documents: number;
  /** Tokens found in more documents than this are not distinctive: weight 0. */
  maxDf: number;
  stageKeys: Int32Array;
  /** Scratch of at least vocab.size entries, all 0. */
  qw: Float64Array;
}

/**
 * Inverse document frequency: rare tokens say more. Tokens in more than
 * max(MIN_COMMON_DF, COMMON_DF_SHARE × documents) documents are not distinctive and weigh 0
 * (they say little, and skipping them keeps the ranking fast).
 */
export const COMMON_DF_SHARE = 0.05;
export const MIN_COMMON_DF = 1000;
export const maxDistinctiveDf = (documents: number, minCommonDf = MIN_COMMON_DF): number => Math.max(minCommonDf, Math.floor(COMMON_DF_SHARE * documents));

export const idf = (df: number, documents: number): number => Math.log(1 + documents / (1 + df));

export function subjectContext(target: MatchTarget, subject: RecView, inputs: ContextInputs): SubjectContext {
  const { kind, swap } = pairKindOf(target, subject);
  const spec = KIND_SPECS[kind];
  const criteria = Int32Array.from(spec.criteria.map((c) => CRITERION_CODES.indexOf(c.code)));
  const weights = Float64Array.from(spec.criteria.map((c) => c.weight));
  const { tables, qw } = inputs;
  let tokTotal = 0;
  const toks = listOf(subject, F_TOK);
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    const df = inputs.df(t);
    if (df > inputs.maxDf) continue;
    const w = idf(df, inputs.documents);
    qw[t] = w;
    tokTotal += w;
  }
  const concepts = listOf(subject, F_CON).slice();
  const conceptTerms = listOf(subject, F_CTERM).slice();
  const relatedCodes = [...concepts].map((c) => inputs.thesaurus.relatedOf(tables.concepts.names[c]!).map((code) => tables.concepts.intern(code)));
  const conceptSlot = new Int32Array(tables.concepts.size).fill(-1);
  concepts.forEach((c, i) => (conceptSlot[c] = i));
  const related: (number[] | undefined)[] = [];
  relatedCodes.forEach((rel, i) => {
    for (const r of rel) {
      if (conceptSlot[r] === i) continue;
      (related[r] ??= []).push(i);
    }
  });
  let needSyms = new Int32Array(0);
  let needWeights = new Float64Array(0);
  let needTotal = 0;
  if (kind === 'need_service') {
    const needSide = subject;
    const names = (f: number) => [...listOf(needSide, f)].map((s) => tables.syms.names[s]!);
    const needed = servicesNeeded(names(F_STG), names(F_SRV));
    needSyms = Int32Array.from(needed.map((n) => tables.syms.intern(n.code)));
    needWeights = Float64Array.from(needed.map((n) => n.weight));
    for (let i = 0; i < needWeights.length; i++) needTotal += needWeights[i]!;
  }
  // Cheap criteria first by weight (ties: kind order), the text last (it is the dearest).
  const positions = [...criteria.keys()];
  const cost = (i: number) => (criteria[i] === C_TEXT ? 1 : 0);
  positions.sort((i, j) => cost(i) - cost(j) || weights[j]! - weights[i]! || i - j);
  const order = Int32Array.from(positions);
  const rest = new Float64Array(order.length);
  for (let k = order.length - 2; k >= 0; k--) rest[k] = rest[k + 1]! + weights[order[k + 1]!]!;
  const symCount = tables.syms.size;
  const subjectBits = new Uint16Array(symCount);
  for (const f of [F_SEG, F_STG, F_REG, F_SRV, F_MIL, F_QUA, F_PSEG, F_PSTG, F_PART])
    for (let i = listStart(subject, f), e = listEnd(subject, f); i < e; i++) subjectBits[subject.a[i]!]! |= 1 << f;
  const stageStep = new Uint8Array(symCount);
  for (let i = listStart(subject, F_STG), e = listEnd(subject, F_STG); i < e; i++) {
    const at = stagePosition(tables.syms.names[subject.a[i]!]!);
    if (at === undefined) continue;
    const track = STAGE_TRACKS[at.track]!;
    for (const next of [track[at.index - 1], track[at.index + 1]]) {
      const t = next === undefined ? -1 : tables.syms.lookup(next);
      if (t >= 0 && t < symCount) stageStep[t] = 1;
    }
  }
  for (let i = listStart(subject, F_STG), e = listEnd(subject, F_STG); i < e; i++) stageStep[subject.a[i]!] = 2;
  return {
    kind,
    swap,
    subject,
    criteria,
    weights,
    order,
    rest,
    subjectBits,
    stageStep,
    sameProvinceFit: spec.sameProvinceFit ?? -1,
    qw,
    tokTotal,
    concepts,
    conceptTerms,
    conceptSlot,
    related,
    best: new Float64Array(concepts.length),
    needSyms,
    needWeights,
    needTotal,
    stageKeys: inputs.stageKeys,
    tokenSums: null,
    tables,
    fits: new Float64Array(criteria.length),
    release() {
      for (let i = 0; i < toks.length; i++) qw[toks[i]!] = 0;
    },
  };
}

/** Whether the candidate's list `fc` holds a symbol of the subject's list `fs` (read from the subject's bits). */
function candidateHits(ctx: SubjectContext, c: RecView, fc: number, fs: number): boolean {
  const bits = ctx.subjectBits;
  const bit = 1 << fs;
  const a = c.a;
  for (let i = c.o + a[c.o + fc]!, e = c.o + a[c.o + fc + 1]!; i < e; i++) {
    const x = a[i]!;
    if (x < bits.length && (bits[x]! & bit) !== 0) return true;
  }
  return false;
}

/** Whether l's list fl and r's list fr share a symbol (one of l, r is the subject). */
function shares(ctx: SubjectContext, l: RecView, fl: number, r: RecView, fr: number): boolean {
  return ctx.swap ? candidateHits(ctx, l, fl, fr) : candidateHits(ctx, r, fr, fl);
}

function setFit(ctx: SubjectContext, l: RecView, fl: number, r: RecView, fr: number): number {
  if (listLength(l, fl) === 0 || listLength(r, fr) === 0) return -1;
  return shares(ctx, l, fl, r, fr) ? 1 : 0;
}

/** 1 for a shared stage, 0.5 for stages next to each other on the same track, else 0. */
function stageFit(ctx: SubjectContext, l: RecView, r: RecView): number {
  if (listLength(l, F_STG) === 0 || listLength(r, F_STG) === 0) return -1;
  const c = ctx.swap ? l : r;
  const step = ctx.stageStep;
  const a = c.a;
  let best = 0;
  for (let i = listStart(c, F_STG), e = listEnd(c, F_STG); i < e; i++) {
    const x = a[i]!;
    const f = x < step.length ? step[x]! : 0;
    if (f > best) best = f;
  }
  return best === 2 ? 1 : best === 1 ? 0.5 : 0;
}

function ticketFit(l: RecView, r: RecView): number {
  const sought = numOf(l, N_FUND);
  const min = numOf(r, N_TMIN);
  const max = numOf(r, N_TMAX);
  if (Number.isNaN(sought) || (Number.isNaN(min) && Number.isNaN(max))) return -1;
  if (!Number.isNaN(max) && sought > max) {
    const ratio = Math.min(max / sought, 0.999999);
    return ratio >= TICKET_PARTIAL_FLOOR ? ratio : 0;
  }
  if (!Number.isNaN(min) && sought < min) {
    const ratio = Math.min(sought / min, 0.999999);
    return ratio >= TICKET_PARTIAL_FLOOR ? ratio : 0;
  }
  return 1;
}

function regionFit(ctx: SubjectContext, l: RecView, r: RecView): number {
  const province = numOf(l, N_PROVINCE);
  if (province < 0) return -1;
  const same = ctx.sameProvinceFit;
  if (listLength(r, F_REG) > 0) {
    if (listHas(r, F_REG, province)) return 1;
    return same >= 0 && numOf(r, N_PROVINCE) === province ? same : 0;
  }
  if (same < 0 || numOf(r, N_PROVINCE) < 0) return -1;
  return numOf(r, N_PROVINCE) === province ? same : 0;
}

function portfolioFit(ctx: SubjectContext, l: RecView, r: RecView): number {
  let w = 0;
  let s = 0;
  if (listLength(l, F_SEG) > 0 && listLength(r, F_PSEG) > 0) {
    w += 0.6;
    if (shares(ctx, l, F_SEG, r, F_PSEG)) s += 0.6;
  }
  if (listLength(l, F_STG) > 0 && listLength(r, F_PSTG) > 0) {
    w += 0.4;
    if (shares(ctx, l, F_STG, r, F_PSTG)) s += 0.4;
  }
  return w === 0 ? -1 : s / w;
}

function servicesFit(ctx: SubjectContext, r: RecView): number {
  if (ctx.needTotal === 0 || listLength(r, F_SRV) === 0) return -1;
  let s = 0;
  for (let i = 0; i < ctx.needSyms.length; i++) if (listHas(r, F_SRV, ctx.needSyms[i]!)) s += ctx.needWeights[i]!;
  return s / ctx.needTotal;
}

/** Concept fit of a candidate (fills ctx.best). */
function conceptPart(ctx: SubjectContext, c: RecView): number {
  const n = ctx.concepts.length;
  const best = ctx.best;
  for (let i = 0; i < n; i++) best[i] = 0;
  const slots = ctx.conceptSlot;
  for (let i = listStart(c, F_CON), ie = listEnd(c, F_CON); i < ie; i++) {
    const k = c.a[i]!;
    const slot = k < slots.length ? slots[k]! : -1;
    if (slot >= 0) best[slot] = 1;
    const rel = ctx.related[k];
    if (rel !== undefined) for (const r of rel) if (best[r]! < RELATED_CONCEPT_WEIGHT) best[r] = RELATED_CONCEPT_WEIGHT;
  }
  let sum = 0;
  for (let i = 0; i < n; i++) sum += best[i]!;
  return Math.min(1, sum / Math.min(n, CONCEPT_SATURATION));
}

function tokenPart(ctx: SubjectContext, c: RecView): number {
  let sum = 0;
  if (ctx.tokenSums !== null && c.slot >= 0) sum = ctx.tokenSums[c.slot]!;
  else {
    const qw = ctx.qw;
    for (let i = listStart(c, F_TOK), ie = listEnd(c, F_TOK); i < ie; i++) sum += qw[c.a[i]!]!;
  }
  return Math.min(1, sum / (TOKEN_SATURATION * ctx.tokTotal));
}

function textFit(ctx: SubjectContext, c: RecView): number {
  const hasC = ctx.concepts.length > 0;
  const hasT = ctx.tokTotal > 0;
  if (!hasC && !hasT) return -1;
  if (listLength(c, F_CON) === 0 && listLength(c, F_TOK) === 0) return -1;
  if (hasC && hasT) return CONCEPT_SHARE * conceptPart(ctx, c) + (1 - CONCEPT_SHARE) * tokenPart(ctx, c);
  return hasC ? conceptPart(ctx, c) : tokenPart(ctx, c);
}

function feedbackFit(c: RecView): number {
  const pos = numOf(c, N_USEFUL) + CONTACTED_WEIGHT * numOf(c, N_CONTACTED);
  const neg = numOf(c, N_NOTREL);
  return pos + neg === 0 ? -1 : pos / (pos + neg);
}

function fitOf(criterion: number, ctx: SubjectContext, l: RecView, r: RecView, c: RecView): number {
  switch (criterion) {
    case C_SEGMENT:
      return setFit(ctx, l, F_SEG, r, F_SEG);
    case C_STAGE:
      return stageFit(ctx, l, r);
    case C_TICKET:
      return ticketFit(l, r);
    case C_REGION:
      return regionFit(ctx, l, r);
    case C_PORTFOLIO:
      return portfolioFit(ctx, l, r);
    case C_MILESTONES:
      return listLength(r, F_MIL) === 0 ? -1 : shares(ctx, l, F_MIL, r, F_MIL) ? 1 : 0;
    case C_QUALIFICATIONS:
      return listLength(r, F_QUA) === 0 ? -1 : shares(ctx, l, F_QUA, r, F_QUA) ? 1 : 0;
    case C_SPACE:
      return Number.isNaN(numOf(r, N_FREE)) ? -1 : numOf(r, N_FREE) > 0 ? 1 : 0;
    case C_SERVICES:
      return servicesFit(ctx, r);
    case C_PARTNERSHIP:
      return setFit(ctx, l, F_PART, r, F_PART);
    case C_CLUSTER:
      return setFit(ctx, l, F_SEG, r, F_PSEG);
    case C_TEXT:
      return textFit(ctx, c);
    case C_FEEDBACK:
      return feedbackFit(c);
    default:
      return -1;
  }
}

/**
 * The score of a candidate for the context's subject; leaves the fits in ctx.fits. THE arithmetic
 * of the engine.
 *
 * With a `floor` (the ranking passes the worst score its heap keeps, less a margin), it stops
 * as soon as even a perfect fit of the criteria not yet computed could not reach the floor, and
 * returns -1 (ctx.fits then partly filled). The criteria are computed in ctx.order (cheap first,
 * the text last); after A = Σ w·fit and W = Σ w over the applicable ones computed so far, with R
 * the weight of the rest, no candidate scores more than (A + R) / (W + R) (the rest all
 * applicable and met: the bound grows with the applicable weight of the rest since A ≤ W). A
 * candidate that is not pruned gets the same number as without a floor: the score itself is
 * always added up in criterion order.
 */
export function evaluate(ctx: SubjectContext, c: RecView, floor = -Infinity): number {
  const l = ctx.swap ? c : ctx.subject;
  const r = ctx.swap ? ctx.subject : c;
  const fits = ctx.fits;
  const weights = ctx.weights;
  const criteria = ctx.criteria;
  const order = ctx.order;
  const rest = ctx.rest;
  const n = criteria.length;
  const prune = floor > 0;
  let met = 0;
  let applicable = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const fit = fitOf(criteria[i]!, ctx, l, r, c);
    fits[i] = fit;
    if (fit >= 0) {
      applicable += weights[i]!;
      met += weights[i]! * fit;
    }
    if (prune) {
      const more = rest[k]!;
      const room = applicable + more;
      if (room > 0 && (met + more) / room < floor) return -1;
      if (room === 0) return -1;
    }
  }
  let total = 0;
  for (let i = 0; i < n; i++) if (fits[i]! >= 0) total += weights[i]!;
  if (total === 0) return 0;
  let score = 0;
  for (let i = 0; i < n; i++) if (fits[i]! >= 0) score += (weights[i]! / total) * fits[i]!;
  return score > 1 ? 1 : score;
}

const statusOf = (fit: number): CriterionStatus => (fit < 0 ? 'not_applicable' : fit >= 1 ? 'met' : fit <= 0 ? 'missing' : 'partial');

/** The full explanation of a pair: the same evaluate, then each criterion in words (codes). */
export function explainPair(ctx: SubjectContext, c: RecView): MatchScore {
  const score = evaluate(ctx, c);
  const l = ctx.swap ? c : ctx.subject;
  const r = ctx.swap ? ctx.subject : c;
  const fits = ctx.fits.slice();
  const n = ctx.criteria.length;
  let total = 0;
  for (let i = 0; i < n; i++) if (fits[i]! >= 0) total += ctx.weights[i]!;
  const criteria: Criterion[] = [];
  for (let i = 0; i < n; i++) {
    const fit = fits[i]!;
    const applicable = fit >= 0 && total > 0;
    const weight = applicable ? ctx.weights[i]! / total : 0;
    const status = applicable ? statusOf(fit) : 'not_applicable';
    const criterion: Criterion = {
      code: CRITERION_CODES[ctx.criteria[i]!]!,
      weight,
      fit: applicable ? fit : 0,
      contribution: applicable ? weight * fit : 0,
      status,
      matched: [],
      gaps: [],
    };
    describe(criterion, ctx, l, r, c, fit);
    criteria.push(criterion);
  }
  return { score, criteria };
}

const names = (ctx: SubjectContext, xs: ArrayLike<number>): string[] => Array.from(xs, (x) => ctx.tables.syms.names[x]!);

/** Fills matched, gaps and values of one criterion (never changes its numbers). */
function describe(out: Criterion, ctx: SubjectContext, l: RecView, r: RecView, c: RecView, fit: number): void {
  const applicable = fit >= 0;
  switch (out.code as CriterionCode) {
    case 'segment':
      out.matched = names(ctx, intersection(l, F_SEG, r, F_SEG));
      if (applicable && fit < 1) out.gaps.push('segment_not_in_focus');
      return;
    case 'stage':
      out.matched = names(ctx, intersection(l, F_STG, r, F_STG));
      if (applicable && fit < 1) out.gaps.push(fit > 0 ? 'stage_adjacent' : 'stage_not_in_focus');
      return;
    case 'ticket': {
      const values: Record<string, number> = {};
      if (!Number.isNaN(numOf(l, N_FUND))) values.soughtFen = numOf(l, N_FUND);
      if (!Number.isNaN(numOf(r, N_TMIN))) values.ticketMinFen = numOf(r, N_TMIN);
      if (!Number.isNaN(numOf(r, N_TMAX))) values.ticketMaxFen = numOf(r, N_TMAX);
      out.values = values;
      if (applicable && fit < 1) out.gaps.push(!Number.isNaN(numOf(r, N_TMAX)) && numOf(l, N_FUND) > numOf(r, N_TMAX) ? 'ticket_below_sought' : 'ticket_above_sought');
      return;
    }
    case 'region': {
      const stated = listLength(r, F_REG) > 0;
      if (applicable && (fit >= 1 || (!stated && fit > 0))) out.matched = names(ctx, [numOf(l, N_PROVINCE)]);
      if (applicable && fit < 1) out.gaps.push(stated ? 'region_outside' : fit > 0 ? 'regions_not_stated' : 'different_province');
      return;
    }
    case 'cluster':
      out.matched = names(ctx, intersection(l, F_SEG, r, F_PSEG));
      if (applicable && fit < 1) out.gaps.push('no_residents_in_segment');
      return;
    case 'portfolio':
      out.matched = [...names(ctx, intersection(l, F_SEG, r, F_PSEG)), ...names(ctx, intersection(l, F_STG, r, F_PSTG))];
      if (applicable && fit < 1) {
        if (listLength(l, F_SEG) > 0 && listLength(r, F_PSEG) > 0 && !intersects(l, F_SEG, r, F_PSEG)) out.gaps.push('no_portfolio_in_segment');
        if (listLength(l, F_STG) > 0 && listLength(r, F_PSTG) > 0 && !intersects(l, F_STG, r, F_PSTG)) out.gaps.push('no_portfolio_at_stage');
      }
      return;
    case 'milestones':
      out.matched = names(ctx, intersection(l, F_MIL, r, F_MIL));
      if (applicable && fit < 1) out.gaps.push(`milestone_missing:${names(ctx, listOf(r, F_MIL)).join(',')}`);
      return;
    case 'qualifications':
      out.matched = names(ctx, intersection(l, F_QUA, r, F_QUA));
      if (applicable && fit < 1) out.gaps.push(`qualification_missing:${names(ctx, listOf(r, F_QUA)).join(',')}`);
      return;
    case 'space':
      if (!Number.isNaN(numOf(r, N_FREE))) out.values = { freeAreaSqm: numOf(r, N_FREE) };
      if (applicable && fit < 1) out.gaps.push('no_free_space');
      return;
    case 'services': {
      if (!applicable) return;
      const covered: string[] = [];
      const missingStrong: string[] = [];
      const missingWeak: string[] = [];
      for (let i = 0; i < ctx.needSyms.length; i++) {
        const code = ctx.tables.syms.names[ctx.needSyms[i]!]!;
        if (listHas(r, F_SRV, ctx.needSyms[i]!)) covered.push(code);
        else (ctx.needWeights[i]! >= 1 ? missingStrong : missingWeak).push(code);
      }
      out.matched = covered;
      out.values = { covered: covered.length, needed: ctx.needSyms.length };
      if (fit < 1) out.gaps.push(`service_not_offered:${[...missingStrong, ...missingWeak].join(',')}`);
      return;
    }
    case 'partnership':
      out.matched = names(ctx, intersection(l, F_PART, r, F_PART));
      if (applicable && fit < 1) out.gaps.push(`partnership_not_done:${names(ctx, listOf(l, F_PART)).join(',')}`);
      return;
    case 'text':
      describeText(out, ctx, c, fit);
      return;
    case 'feedback':
      out.values = { useful: numOf(c, N_USEFUL), notRelevant: numOf(c, N_NOTREL), contacted: numOf(c, N_CONTACTED) };
      if (applicable && fit < 1) out.gaps.push('others_not_relevant');
      return;
  }
}

function describeText(out: Criterion, ctx: SubjectContext, c: RecView, fit: number): void {
  const { syms, concepts: conceptNames, vocab } = ctx.tables;
  const candConcepts = listOf(c, F_CON);
  const candTerms = listOf(c, F_CTERM);
  const termOfCandidate = (k: number): string => {
    const at = candConcepts.indexOf(k);
    return at < 0 ? '' : syms.names[candTerms[at]!]!;
  };
  let direct = 0;
  let related = 0;
  ctx.concepts.forEach((k, i) => {
    const code = conceptNames.names[k]!;
    const subjectTerm = syms.names[ctx.conceptTerms[i]!]!;
    if (candConcepts.includes(k)) {
      direct++;
      out.matched.push(`concept:${code}|${subjectTerm}|${termOfCandidate(k)}`);
      return;
    }
    for (const ck of candConcepts) {
      if (ctx.related[ck]?.includes(i)) {
        related++;
        out.matched.push(`related:${code}~${conceptNames.names[ck]!}|${subjectTerm}|${termOfCandidate(ck)}`);
        return;
      }
    }
  });
  const shared: { token: string; w: number }[] = [];
  for (const t of listOf(c, F_TOK)) if (ctx.qw[t]! > 0) shared.push({ token: vocab.names[t]!, w: ctx.qw[t]! });
  shared.sort((a, b) => b.w - a.w || (a.token < b.token ? -1 : a.token > b.token ? 1 : 0));
  for (const s of shared.slice(0, 8)) out.matched.push(`term:${s.token}`);
  out.values = { concepts: direct, relatedConcepts: related, terms: shared.length };
  if (fit < 0) return;
  if (fit <= 0) out.gaps.push('no_shared_text');
  else if (ctx.concepts.length > 0 && direct + related === 0) out.gaps.push('no_shared_concepts');
}
