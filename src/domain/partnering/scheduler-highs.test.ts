import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countBreaks } from './breaks';
import { breaksBound, weightBound, weightBoundAggregated } from './highs-bounds';
import type { Instance } from './instance';
import { schedule } from './schedule';

const day = (n: number, d = 'd1') => Array.from({ length: n }, (_, i) => ({ id: `${d}s${i + 1}`, day: d, session: i < n / 2 ? 'am' : 'pm' }));
const people = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `p${i + 1}` }));
const tables = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `T${i + 1}` }));

/** Fewest breaks with every meeting placed, by trying every slot for every meeting (tiny instances). */
function bruteBreaks(inst: Instance): number {
  const S = inst.slots.length;
  const slotDay = inst.slots.map((s) => s.day);
  const cap = inst.locations.length;
  const forbidden = new Map(inst.participants.map((p) => [p.id, new Set(p.forbiddenSlots ?? [])]));
  let best = Infinity;
  const at: number[] = [];
  const rec = (i: number) => {
    if (i === inst.meetings.length) {
      const by = new Map<string, number[]>();
      inst.meetings.forEach((m, k) => m.participants.forEach((p) => by.set(p, [...(by.get(p) ?? []), at[k]!])));
      let b = 0;
      for (const list of by.values()) b += countBreaks(list, slotDay);
      best = Math.min(best, b);
      return;
    }
    const m = inst.meetings[i]!;
    for (let s = 0; s < S; s++) {
      if (m.participants.some((p) => forbidden.get(p)!.has(inst.slots[s]!.id))) continue;
      let clash = false;
      let load = 0;
      for (let k = 0; k < i; k++) {
        if (at[k] !== s) continue;
        load++;
        if (inst.meetings[k]!.participants.some((p) => m.participants.includes(p))) clash = true;
      }
      if (clash || load >= cap) continue;
      at[i] = s;
      rec(i + 1);
    }
  };
  rec(0);
  return best;
}

describe('HiGHS models', () => {
  it('the break model finds the exact optimum of small one-day and two-day instances', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 2 }),
        fc.integer({ min: 3, max: 5 }),
        fc.integer({ min: 3, max: 5 }),
        fc.array(fc.tuple(fc.nat(50), fc.nat(50)), { minLength: 2, maxLength: 6 }),
        fc.array(fc.nat(50), { maxLength: 3 }),
        async (days, perDay, nP, pairs, forb) => {
          const slots = Array.from({ length: days }, (_, d) => day(perDay, `d${d + 1}`)).flat();
          const participants = people(nP).map((p, i) => (forb.includes(i) ? { ...p, forbiddenSlots: [slots[(i * 7) % slots.length]!.id] } : p));
          const seen = new Set<string>();
          const meetings: Instance['meetings'] = [];
          for (const [a, b] of pairs) {
            const x = a % nP;
            const y = (x + 1 + (b % (nP - 1))) % nP;
            const key = `${Math.min(x, y)}-${Math.max(x, y)}`;
            if (seen.has(key)) continue;
            seen.add(key);
            meetings.push({ id: `m${meetings.length}`, participants: [`p${x + 1}`, `p${y + 1}`] });
          }
          const inst: Instance = { slots, locations: tables(2), participants, meetings };
          const want = bruteBreaks(inst);
          const r = schedule(inst, { seed: 1, maxIterations: 2_000, timeLimitMs: 5_000 });
          if (want === Infinity || r.unscheduled.length) return; // not everything fits: nothing to compare
          const got = await breaksBound(inst, { timeLimitSec: 20, start: new Map(r.assignments.map((a) => [a.meeting, a.slot])) });
          expect(got.optimal).toBe(true);
          expect(got.lower).toBe(want);
          expect(r.breaks).toBeGreaterThanOrEqual(want);
        },
      ),
      { numRuns: Number(process.env.HIGHS_RUNS ?? 40) },
    );
  }, 120_000);

  it('counts a forced break', async () => {
    // p1 meets p2 in slot 1 and p3 in slot 3 (fixed): one break, whatever else happens.
    const inst: Instance = {
      slots: day(4),
      locations: tables(2),
      participants: people(4),
      meetings: [
        { id: 'a', participants: ['p1', 'p2'], fixedSlot: 'd1s1' },
        { id: 'b', participants: ['p1', 'p3'], fixedSlot: 'd1s3' },
        { id: 'c', participants: ['p2', 'p4'] },
      ],
    };
    const got = await breaksBound(inst, { timeLimitSec: 10 });
    expect(got).toMatchObject({ optimal: true, lower: 1, found: 1 });
  });

  it('the aggregated relaxation bounds every schedule, and is no tighter than the slot-indexed LP allows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 3 }), fc.array(fc.tuple(fc.nat(60), fc.nat(60), fc.integer({ min: 1, max: 10 })), { minLength: 1, maxLength: 20 }), async (S, T, list) => {
        const nP = 6;
        const inst: Instance = {
          slots: day(S),
          locations: tables(T),
          participants: people(nP).map((p, i) => (i === 0 ? { ...p, maxMeetings: 2 } : i === 1 ? { ...p, forbiddenSlots: ['d1s1'] } : p)),
          meetings: list.map(([a, b, w], i) => {
            const x = a % nP;
            const y = (x + 1 + (b % (nP - 1))) % nP;
            return { id: `m${i}`, participants: [`p${x + 1}`, `p${y + 1}`] as [string, string], weight: w };
          }),
        };
        const r = schedule(inst, { seed: 2, maxIterations: 1_000, timeLimitMs: 5_000 });
        const agg = await weightBoundAggregated(inst, { timeLimitSec: 10 });
        const aggMip = await weightBoundAggregated(inst, { mip: true, timeLimitSec: 10 });
        const exact = await weightBound(inst, { mip: true, timeLimitSec: 10 });
        expect(agg.upper).toBeGreaterThanOrEqual(r.scheduledWeight - 1e-6);
        expect(aggMip.upper).toBeGreaterThanOrEqual(exact.upper - 1e-6);
        expect(agg.upper).toBeGreaterThanOrEqual(aggMip.upper - 1e-6);
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});
