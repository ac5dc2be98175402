/**
 * Scoring a round of judging: a sheet's weighted total, normalisation across judges (raw mean
 * or z-score per judge) and the ranking with ties made visible. Pure: the server loads the
 * facts and shows the result; property tests in scoring.test.ts.
 */
import type { Normalisation } from './vocabularies';

export interface CriterionWeight {
  id: string;
  weight: number;
}

export interface SheetFacts {
  judgeId: string;
  applicationId: string;
  scores: Readonly<Record<string, number>>;
  /** Drafts never count. */
  submitted: boolean;
}

export interface RoundFacts {
  criteria: readonly CriterionWeight[];
  /** The round's entries: only these are ranked, in any order. */
  applicationIds: readonly string[];
  /** The round's judges now: a sheet of someone no longer a judge does not count. */
  judgeIds: readonly string[];
  sheets: readonly SheetFacts[];
  /** Judge × application pairs that must not count, whatever the sheet says. */
  recusals: readonly { judgeId: string; applicationId: string }[];
}

/** Why an entry has no rank: no counted sheet at all, or every judge of the round recused. */
export type UnrankedReason = 'no_scores' | 'all_recused';

export interface EntryResult {
  applicationId: string;
  /** The score ranked on (raw mean or mean z), rounded to 6 decimals; null when unranked. */
  score: number | null;
  /** Mean of the counted judges' weighted totals, whatever the normalisation (rounded to 6 decimals). */
  rawMean: number | null;
  judgesCounted: number;
  /** The lowest and highest counted total, and their difference: how much the judges disagree. */
  min: number | null;
  max: number | null;
  spread: number | null;
  rank: number | null;
  /** Shares its rank with another entry. */
  tied: boolean;
  unrankedReason: UnrankedReason | null;
}

const DECIMALS = 6;
const TIE_EPSILON = 1e-9;
// Below this a judge's totals are treated as all equal (float noise, not disagreement).
const SD_EPSILON = 1e-12;

export function round6(value: number): number {
  const f = 10 ** DECIMALS;
  const r = Math.round(value * f) / f;
  // Normalise -0 so equal scores compare and serialise alike.
  return r === 0 ? 0 : r;
}

/**
 * Σ wᵢ·sᵢ / Σ wᵢ over the round's criteria; null when a criterion has no score (an incomplete
 * sheet does not count) or there are no criteria. Scores of criteria no longer in the round are ignored.
 */
export function sheetTotal(criteria: readonly CriterionWeight[], scores: Readonly<Record<string, number>>): number | null {
  if (criteria.length === 0) return null;
  let weighted = 0;
  let weights = 0;
  for (const c of criteria) {
    const s = scores[c.id];
    if (typeof s !== 'number' || !Number.isFinite(s)) return null;
    weighted += c.weight * s;
    weights += c.weight;
  }
  return weights > 0 ? weighted / weights : null;
}

/** The weighted total of what is filled so far (the score sheet's running total); null when nothing is. */
export function partialTotal(criteria: readonly CriterionWeight[], scores: Readonly<Record<string, number>>): number | null {
  let weighted = 0;
  let weights = 0;
  for (const c of criteria) {
    const s = scores[c.id];
    if (typeof s !== 'number' || !Number.isFinite(s)) continue;
    weighted += c.weight * s;
    weights += c.weight;
  }
  return weights > 0 ? weighted / weights : null;
}

/** Each criterion's share of the round's total weight, in percent (for showing 30% / 25% …). */
export function weightShares(criteria: readonly CriterionWeight[]): Map<string, number> {
  const total = criteria.reduce((sum, c) => sum + c.weight, 0);
  return new Map(criteria.map((c) => [c.id, total > 0 ? (c.weight / total) * 100 : 0]));
}

/** A score is on the scale and on a half step (0, 0.5, 1 … from the scale's minimum). */
export function isValidScore(value: number, scaleMin: number, scaleMax: number): boolean {
  if (!Number.isFinite(value) || value < scaleMin || value > scaleMax) return false;
  const steps = (value - scaleMin) / 0.5;
  return Math.abs(steps - Math.round(steps)) < 1e-9;
}

interface CountedSheet {
  judgeId: string;
  applicationId: string;
  total: number;
}

/** The sheets that count: submitted, complete, by a current judge, for an entry, not recused. */
export function countedSheets(facts: RoundFacts): CountedSheet[] {
  const entries = new Set(facts.applicationIds);
  const judges = new Set(facts.judgeIds);
  const recused = new Set(facts.recusals.map((r) => `${r.judgeId}|${r.applicationId}`));
  const seen = new Set<string>();
  const counted: CountedSheet[] = [];
  for (const sheet of facts.sheets) {
    const key = `${sheet.judgeId}|${sheet.applicationId}`;
    if (!sheet.submitted || !entries.has(sheet.applicationId) || !judges.has(sheet.judgeId) || recused.has(key) || seen.has(key)) continue;
    const total = sheetTotal(facts.criteria, sheet.scores);
    if (total === null) continue;
    seen.add(key);
    counted.push({ judgeId: sheet.judgeId, applicationId: sheet.applicationId, total });
  }
  return counted;
}

function mean(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * Each counted sheet's z against its judge's own totals in the round: (total − mean_j) / sd_j with
 * the population sd. A judge with one sheet, or who gave every entry the same total, says nothing
 * about relative merit and contributes 0.
 */
function zScores(sheets: readonly CountedSheet[]): Map<CountedSheet, number> {
  const byJudge = new Map<string, CountedSheet[]>();
  for (const s of sheets) byJudge.set(s.judgeId, [...(byJudge.get(s.judgeId) ?? []), s]);
  const z = new Map<CountedSheet, number>();
  for (const list of byJudge.values()) {
    const totals = list.map((s) => s.total);
    const m = mean(totals);
    const sd = Math.sqrt(mean(totals.map((t) => (t - m) ** 2)));
    for (const s of list) z.set(s, list.length < 2 || sd < SD_EPSILON * Math.max(1, Math.abs(m)) ? 0 : (s.total - m) / sd);
  }
  return z;
}

/**
 * Standard competition ranking (1, 2, 2, 4) of the scored entries, highest first; entries whose
 * rounded scores are equal share a rank and are flagged tied. Unscored entries come last,
 * unranked. Equal scores are listed by application id, so the input order never matters.
 */
export function rankEntries<T extends { applicationId: string; score: number | null }>(items: readonly T[]): (T & { rank: number | null; tied: boolean })[] {
  const byId = (a: T, b: T) => (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0);
  // Sorted on the rounded score, so entries that tie are next to each other.
  const scored = items.filter((i) => i.score !== null).sort((a, b) => round6(b.score!) - round6(a.score!) || byId(a, b));
  const unscored = items.filter((i) => i.score === null).sort(byId);
  const ranked: (T & { rank: number | null; tied: boolean })[] = [];
  let i = 0;
  while (i < scored.length) {
    let j = i + 1;
    while (j < scored.length && Math.abs(round6(scored[i]!.score!) - round6(scored[j]!.score!)) <= TIE_EPSILON) j++;
    for (let k = i; k < j; k++) ranked.push({ ...scored[k]!, rank: i + 1, tied: j - i > 1 });
    i = j;
  }
  for (const u of unscored) ranked.push({ ...u, rank: null, tied: false });
  return ranked;
}

/** Scores and ranks the round's entries under the chosen normalisation; the result is in rank order. */
export function scoreRound(facts: RoundFacts, normalisation: Normalisation): EntryResult[] {
  const sheets = countedSheets(facts);
  const z = normalisation === 'z_score' ? zScores(sheets) : null;
  const byApplication = new Map<string, CountedSheet[]>();
  for (const s of sheets) byApplication.set(s.applicationId, [...(byApplication.get(s.applicationId) ?? []), s]);
  const judges = new Set(facts.judgeIds);
  const recusedFrom = new Map<string, Set<string>>();
  for (const r of facts.recusals) {
    if (!judges.has(r.judgeId)) continue;
    recusedFrom.set(r.applicationId, (recusedFrom.get(r.applicationId) ?? new Set()).add(r.judgeId));
  }
  const results = [...new Set(facts.applicationIds)].map((applicationId) => {
    const list = byApplication.get(applicationId) ?? [];
    if (list.length === 0) {
      const allRecused = judges.size > 0 && (recusedFrom.get(applicationId)?.size ?? 0) >= judges.size;
      return {
        applicationId,
        score: null,
        rawMean: null,
        judgesCounted: 0,
        min: null,
        max: null,
        spread: null,
        unrankedReason: (allRecused ? 'all_recused' : 'no_scores') as UnrankedReason,
      };
    }
    const totals = list.map((s) => s.total);
    const rawMean = mean(totals);
    const score = z ? mean(list.map((s) => z.get(s)!)) : rawMean;
    const min = Math.min(...totals);
    const max = Math.max(...totals);
    return { applicationId, score: round6(score), rawMean: round6(rawMean), judgesCounted: list.length, min: round6(min), max: round6(max), spread: round6(max - min), unrankedReason: null };
  });
  return rankEntries(results);
}

/**
 * The entries that go on to the next round when the organiser takes the top `n`: every entry
 * ranked n or better, so a tie at the boundary takes the whole tied group (never an arbitrary cut).
 */
export function topN(results: readonly EntryResult[], n: number): string[] {
  return results.filter((r) => r.rank !== null && r.rank <= n).map((r) => r.applicationId);
}
