import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreementTotals, fenToWanNumber, type AgreementFact } from './agreement-totals';
import { AGREEMENT_KINDS } from './vocabularies';

const fact: fc.Arbitrary<AgreementFact> = fc.record({
  kind: fc.constantFrom(...AGREEMENT_KINDS),
  segment: fc.constantFrom(null, 'drug', 'device', 'ivd'),
  signedOn: fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2026-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  amountFen: fc.option(fc.integer({ min: 0, max: 1e12 }), { nil: null }),
  projectId: fc.option(fc.constantFrom('p1', 'p2', 'p3', 'p4', 'p5'), { nil: null }),
});

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('agreementTotals', () => {
  it('adds up: every breakdown sums to the totals', () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 60 }), (facts) => {
        const t = agreementTotals(facts);
        expect(t.count).toBe(facts.length);
        expect(t.amountFen).toBe(sum(facts.map((f) => f.amountFen ?? 0)));
        expect(t.withoutAmount).toBe(facts.filter((f) => f.amountFen === null).length);
        for (const breakdown of [t.byKind, t.bySegment, t.byMonth]) {
          expect(sum(breakdown.map((b) => b.count))).toBe(t.count);
          expect(sum(breakdown.map((b) => b.amountFen))).toBe(t.amountFen);
          expect(sum(breakdown.map((b) => b.withoutAmount))).toBe(t.withoutAmount);
          // A project is counted once in the whole, at least once among the buckets it appears in.
          expect(sum(breakdown.map((b) => b.projectCount))).toBeGreaterThanOrEqual(t.projectCount);
          for (const b of breakdown) expect(b.projectCount).toBeLessThanOrEqual(Math.min(b.count, t.projectCount));
        }
      }),
    );
  });

  it('counts distinct projects, ignoring agreements without one', () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 60 }), (facts) => {
        const t = agreementTotals(facts);
        expect(t.projectCount).toBe(new Set(facts.map((f) => f.projectId).filter((p) => p !== null)).size);
      }),
    );
  });

  it('keeps every kind, months in order and the null segment last', () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 40 }), (facts) => {
        const t = agreementTotals(facts);
        expect(t.byKind.map((b) => b.kind)).toEqual([...AGREEMENT_KINDS]);
        const months = t.byMonth.map((b) => b.month);
        expect(months).toEqual([...months].sort());
        const nullAt = t.bySegment.findIndex((b) => b.segment === null);
        if (nullAt >= 0) expect(nullAt).toBe(t.bySegment.length - 1);
      }),
    );
  });

  it('gives exact figures on a known set', () => {
    const t = agreementTotals([
      { kind: 'investment', segment: 'drug', signedOn: '2026-03-02', amountFen: 100_000_000_00, projectId: 'a' },
      { kind: 'landing', segment: 'drug', signedOn: '2026-03-20', amountFen: 50_000_000_00, projectId: 'a' },
      { kind: 'cooperation', segment: 'device', signedOn: '2026-04-01', amountFen: null, projectId: 'b' },
      { kind: 'service', segment: null, signedOn: '2026-04-30', amountFen: 1_00, projectId: null },
    ]);
    expect([t.count, t.projectCount, t.amountFen, t.withoutAmount]).toEqual([4, 2, 150_000_001_00, 1]);
    expect(t.byKind.find((b) => b.kind === 'investment')).toEqual({ kind: 'investment', count: 1, projectCount: 1, amountFen: 100_000_000_00, withoutAmount: 0 });
    expect(t.byKind.find((b) => b.kind === 'strategic')!.count).toBe(0);
    expect(t.bySegment.map((b) => [b.segment, b.count, b.projectCount])).toEqual([
      ['drug', 2, 1],
      ['device', 1, 1],
      [null, 1, 0],
    ]);
    expect(t.byMonth.map((b) => [b.month, b.count, b.amountFen])).toEqual([
      ['2026-03', 2, 150_000_000_00],
      ['2026-04', 2, 1_00],
    ]);
  });

  it('turns fen into 万元 with two decimals', () => {
    expect(fenToWanNumber(20_500_000_000_00 / 100)).toBe(20_500);
    expect(fenToWanNumber(1_234_567)).toBe(1.23);
    expect(fenToWanNumber(0)).toBe(0);
  });
});
