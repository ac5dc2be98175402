/**
 * Totals of agreements, as parks report them upwards ("24 个项目签约，总金额 20.5 亿元"): how
 * many agreements, how many distinct projects they concern, the amount, and the same broken
 * down by kind, by segment and by month. Pure: the service loads the rows and asks here.
 *
 * Rules:
 * - an agreement without an amount counts as an agreement, adds nothing to the amount, and is
 *   counted in `withoutAmount`;
 * - projects are counted once each however many agreements name them, within the whole and
 *   within each bucket (so the buckets' project counts may add up to more than the whole);
 * - agreements without a project add to the agreement count and to no project count.
 */
import type { AgreementKind } from './vocabularies';
import { AGREEMENT_KINDS } from './vocabularies';

export interface AgreementFact {
  kind: AgreementKind;
  /** Segment code, or null when the agreement has none. */
  segment: string | null;
  /** ISO date (YYYY-MM-DD). */
  signedOn: string;
  amountFen: number | null;
  projectId: string | null;
}

export interface Bucket {
  count: number;
  projectCount: number;
  amountFen: number;
  withoutAmount: number;
}

export interface AgreementTotals extends Bucket {
  /** Every kind, in the vocabulary's order (zeros included, so tables keep their shape). */
  byKind: (Bucket & { kind: AgreementKind })[];
  /** Segments that occur, largest amount first, then by code; the null segment last. */
  bySegment: (Bucket & { segment: string | null })[];
  /** Months that occur (YYYY-MM), in order. */
  byMonth: (Bucket & { month: string })[];
}

class Acc {
  count = 0;
  amountFen = 0;
  withoutAmount = 0;
  readonly projects = new Set<string>();

  add(f: AgreementFact) {
    this.count += 1;
    if (f.amountFen === null) this.withoutAmount += 1;
    else this.amountFen += f.amountFen;
    if (f.projectId !== null) this.projects.add(f.projectId);
  }

  bucket(): Bucket {
    return { count: this.count, projectCount: this.projects.size, amountFen: this.amountFen, withoutAmount: this.withoutAmount };
  }
}

function group<K>(facts: readonly AgreementFact[], keyOf: (f: AgreementFact) => K): Map<K, Acc> {
  const out = new Map<K, Acc>();
  for (const f of facts) {
    const key = keyOf(f);
    let acc = out.get(key);
    if (!acc) out.set(key, (acc = new Acc()));
    acc.add(f);
  }
  return out;
}

export function agreementTotals(facts: readonly AgreementFact[]): AgreementTotals {
  const all = new Acc();
  for (const f of facts) all.add(f);
  const kinds = group(facts, (f) => f.kind);
  const segments = group(facts, (f) => f.segment);
  const months = group(facts, (f) => f.signedOn.slice(0, 7));
  return {
    ...all.bucket(),
    byKind: AGREEMENT_KINDS.map((kind) => ({ kind, ...(kinds.get(kind)?.bucket() ?? { count: 0, projectCount: 0, amountFen: 0, withoutAmount: 0 }) })),
    bySegment: [...segments.entries()]
      .map(([segment, acc]) => ({ segment, ...acc.bucket() }))
      .sort((a, b) => {
        if ((a.segment === null) !== (b.segment === null)) return a.segment === null ? 1 : -1;
        return b.amountFen - a.amountFen || (a.segment ?? '').localeCompare(b.segment ?? '');
      }),
    byMonth: [...months.entries()].map(([month, acc]) => ({ month, ...acc.bucket() })).sort((a, b) => a.month.localeCompare(b.month)),
  };
}

/** Fen as 万元 (for spreadsheets: a number column), to two decimals. */
export function fenToWanNumber(fen: number): number {
  return Math.round(fen / 10_000) / 100;
}
