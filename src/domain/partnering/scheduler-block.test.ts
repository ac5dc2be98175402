import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assign, BLOCK_INF } from './scheduler-block';

/** Brute force over all permutations (n ≤ 6). */
function bruteForce(n: number, cost: Float64Array): number {
  let best = Infinity;
  const rec = (i: number, used: number, sum: number) => {
    if (i === n) {
      best = Math.min(best, sum);
      return;
    }
    for (let j = 0; j < n; j++) if (!(used & (1 << j)) && cost[i * n + j]! < BLOCK_INF / 2) rec(i + 1, used | (1 << j), sum + cost[i * n + j]!);
  };
  rec(0, 0, 0);
  return best;
}

describe('assignment (Hungarian method)', () => {
  it('finds a minimum-cost perfect assignment, or none when the forbidden entries leave none', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.array(fc.integer({ min: -3, max: 6 }), { minLength: 36, maxLength: 36 }), (n, raw) => {
        const cost = new Float64Array(n * n);
        for (let i = 0; i < n * n; i++) cost[i] = raw[i]! === 6 ? BLOCK_INF : raw[i]!;
        const want = bruteForce(n, cost);
        const got = assign(n, cost);
        if (want === Infinity) expect(got).toBeNull();
        else {
          expect(got).not.toBeNull();
          expect(new Set(got!).size).toBe(n);
          let sum = 0;
          for (let i = 0; i < n; i++) sum += cost[i * n + got![i]!]!;
          expect(sum).toBe(want);
        }
      }),
      { numRuns: 400 },
    );
  });
});
