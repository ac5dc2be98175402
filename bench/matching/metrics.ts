/**
 * Ranking metrics of the offline evaluation: a ranking is a list of candidate ids, best first;
 * `relevant` is the set of hidden links of the subject. Pure functions, no randomness.
 */

/** Share of the relevant items found in the first k of the ranking (0 when nothing is relevant). */
export function recallAt(ranking: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  let hits = 0;
  const n = Math.min(k, ranking.length);
  for (let i = 0; i < n; i++) if (relevant.has(ranking[i]!)) hits++;
  return hits / relevant.size;
}

/**
 * NDCG@k with binary gains: DCG = Σ 1/log2(rank+1) over relevant items in the first k, divided
 * by the DCG of an ideal ranking (all relevant items first, at most k of them).
 */
export function ndcgAt(ranking: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  if (relevant.size === 0) return 0;
  let dcg = 0;
  const n = Math.min(k, ranking.length);
  for (let i = 0; i < n; i++) if (relevant.has(ranking[i]!)) dcg += 1 / Math.log2(i + 2);
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return dcg / ideal;
}

export interface RankingMetrics {
  recall10: number;
  recall50: number;
  ndcg10: number;
}

export const METRIC_NAMES = ['recall10', 'recall50', 'ndcg10'] as const satisfies readonly (keyof RankingMetrics)[];

/** Sums per subject, averaged at the end (macro average over subjects). */
export class MetricAccumulator {
  private sums: RankingMetrics = { recall10: 0, recall50: 0, ndcg10: 0 };
  subjects = 0;

  add(ranking: readonly string[], relevant: ReadonlySet<string>): void {
    if (relevant.size === 0) return;
    this.sums.recall10 += recallAt(ranking, relevant, 10);
    this.sums.recall50 += recallAt(ranking, relevant, 50);
    this.sums.ndcg10 += ndcgAt(ranking, relevant, 10);
    this.subjects++;
  }

  mean(): RankingMetrics {
    const n = Math.max(1, this.subjects);
    return { recall10: round(this.sums.recall10 / n), recall50: round(this.sums.recall50 / n), ndcg10: round(this.sums.ndcg10 / n) };
  }

  /** Adds another accumulator's sums (the overall figure over every relation's subjects). */
  merge(other: MetricAccumulator): void {
    for (const m of METRIC_NAMES) this.sums[m] += other.sums[m];
    this.subjects += other.subjects;
  }
}

export function round(n: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** a / b, rounded; null when b is 0 (a ratio against nothing says nothing). */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : round(a / b, 2);
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
