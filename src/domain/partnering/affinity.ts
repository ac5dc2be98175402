/**
 * How well two partnering participants fit, for the "likely matches first" ordering of the
 * participants' list. Pure and cheap (an event has at most some 16,000 participants and the
 * list is ranked in memory for one viewer at a time).
 *
 * The score is a weighted sum of components, each in 0..1, with weights that add up to 1, so
 * the score is in 0..1. Every component grows with what the two cards share and never shrinks
 * when they share more, so more shared segments or stages never lower the score.
 *
 * - segment: directory segments both cards carry (taxonomy codes);
 * - stage: development stages both carry;
 * - thesis_segment / thesis_stage: an investor's thesis (their organisation's thesis segments and
 *   stages) meets the other side's segments or stages, in either direction;
 * - ticket_fits: a project's funding sought lies within the other side's ticket range;
 * - seek_offer_text: words (Latin words, Chinese character pairs) of one side's "seek" found in
 *   the other side's "offer";
 * - side_pair: the two sides usually have business together (a startup and an investor …).
 */
import type { PartneringSide } from './vocabularies';

export type MatchReasonCode = 'segment' | 'stage' | 'thesis_segment' | 'thesis_stage' | 'ticket_fits' | 'seek_offer_text' | 'side_pair';

export interface MatchReason {
  code: MatchReasonCode;
  terms: string[];
}

export interface AffinityParty {
  side: PartneringSide;
  segments: readonly string[];
  stages: readonly string[];
  offer: string;
  seek: string;
  /** The investing organisation's thesis (empty when the organisation is not an investor). */
  thesisSegments: readonly string[];
  thesisStages: readonly string[];
  /** The organisation's ticket range in fen (null: not said). */
  ticketMinFen: number | null;
  ticketMaxFen: number | null;
  /** Funding sought by the projects the participant presents, in fen. */
  fundingSoughtFen: readonly number[];
}

export interface Affinity {
  score: number;
  reasons: MatchReason[];
}

export const AFFINITY_WEIGHTS: Record<MatchReasonCode, number> = {
  segment: 0.3,
  stage: 0.15,
  thesis_segment: 0.2,
  thesis_stage: 0.1,
  ticket_fits: 0.1,
  seek_offer_text: 0.1,
  side_pair: 0.05,
};

/** Pairs of sides that usually have business with each other (unordered). */
const COMPLEMENTARY: ReadonlyArray<readonly [PartneringSide, PartneringSide]> = [
  ['startup', 'investor'],
  ['startup', 'pharma'],
  ['startup', 'hospital'],
  ['startup', 'service'],
  ['startup', 'park'],
  ['startup', 'research'],
  ['research', 'pharma'],
  ['research', 'investor'],
  ['hospital', 'pharma'],
  ['pharma', 'service'],
  ['pharma', 'investor'],
];

export function sidesComplement(a: PartneringSide, b: PartneringSide): boolean {
  return COMPLEMENTARY.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/** 0 for nothing shared, approaching 1 as more is shared: 1 − 0.5ⁿ. */
function saturate(n: number, base = 0.5): number {
  return n <= 0 ? 0 : 1 - base ** n;
}

function shared(a: readonly string[], b: readonly string[]): string[] {
  const set = new Set(b);
  return [...new Set(a.filter((x) => set.has(x)))].sort();
}

function union(a: string[], b: string[]): string[] {
  return [...new Set([...a, ...b])].sort();
}

/**
 * Words of a text for the seek/offer overlap: lower-cased Latin words of three letters or more
 * and pairs of neighbouring Chinese characters (a cheap stand-in for word segmentation).
 */
export function textTokens(text: string): Set<string> {
  const out = new Set<string>();
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(/[a-z0-9][a-z0-9+-]{2,}/g)) out.add(m[0]);
  for (const run of lower.matchAll(/[\u3400-\u9fff]+/g)) {
    const s = run[0];
    for (let i = 0; i + 1 < s.length; i++) out.add(s.slice(i, i + 2));
  }
  return out;
}

function textOverlap(seek: string, offer: string): string[] {
  const offered = textTokens(offer);
  return [...textTokens(seek)].filter((t) => offered.has(t)).sort();
}

function ticketFits(funding: readonly number[], min: number | null, max: number | null): boolean {
  if (min === null && max === null) return false;
  return funding.some((f) => f > 0 && (min === null || f >= min) && (max === null || f <= max));
}

/** How well `other` fits `me` (symmetric in what it looks at, so both see the same score). */
export function affinity(me: AffinityParty, other: AffinityParty): Affinity {
  const reasons: MatchReason[] = [];
  let score = 0;
  const add = (code: MatchReasonCode, component: number, terms: string[]) => {
    if (component <= 0) return;
    score += AFFINITY_WEIGHTS[code] * component;
    reasons.push({ code, terms });
  };

  const segments = shared(me.segments, other.segments);
  add('segment', saturate(segments.length), segments);
  const stages = shared(me.stages, other.stages);
  add('stage', saturate(stages.length), stages);

  const thesisSegments = union(shared(me.segments, other.thesisSegments), shared(other.segments, me.thesisSegments));
  add('thesis_segment', saturate(thesisSegments.length), thesisSegments);
  const thesisStages = union(shared(me.stages, other.thesisStages), shared(other.stages, me.thesisStages));
  add('thesis_stage', saturate(thesisStages.length), thesisStages);

  const fits = ticketFits(me.fundingSoughtFen, other.ticketMinFen, other.ticketMaxFen) || ticketFits(other.fundingSoughtFen, me.ticketMinFen, me.ticketMaxFen);
  add('ticket_fits', fits ? 1 : 0, []);

  const words = union(textOverlap(me.seek, other.offer), textOverlap(other.seek, me.offer));
  add('seek_offer_text', saturate(words.length, 0.7), words.slice(0, 10));

  add('side_pair', sidesComplement(me.side, other.side) ? 1 : 0, []);

  // Rounded down to three places: never above 1, and rounding keeps the order of two scores.
  return { score: Math.min(1, Math.floor(score * 1000 + 1e-9) / 1000), reasons };
}
