import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isValidScore, partialTotal, rankEntries, round6, scoreRound, sheetTotal, topN, weightShares, type RoundFacts, type SheetFacts } from './scoring';

const criteria = [
  { id: 'tech', weight: 3 },
  { id: 'market', weight: 2 },
  { id: 'team', weight: 5 },
];

function sheet(judgeId: string, applicationId: string, tech: number, market: number, team: number, submitted = true): SheetFacts {
  return { judgeId, applicationId, scores: { tech, market, team }, submitted };
}

function facts(sheets: SheetFacts[], extra: Partial<RoundFacts> = {}): RoundFacts {
  const applicationIds = [...new Set(sheets.map((s) => s.applicationId))].sort();
  const judgeIds = [...new Set(sheets.map((s) => s.judgeId))].sort();
  return { criteria, applicationIds, judgeIds, sheets, recusals: [], ...extra };
}

describe('sheet totals', () => {
  it('weights the scores by the criteria', () => {
    expect(sheetTotal(criteria, { tech: 10, market: 5, team: 8 })).toBeCloseTo((30 + 10 + 40) / 10);
  });
  it('does not total an incomplete sheet, and ignores scores of removed criteria', () => {
    expect(sheetTotal(criteria, { tech: 10, market: 5 })).toBeNull();
    expect(sheetTotal(criteria, { tech: 10, market: 5, team: 5, gone: 0 })).toBeCloseTo(6.5);
    expect(sheetTotal([], { tech: 1 })).toBeNull();
  });
  it('keeps a running total of what is filled', () => {
    expect(partialTotal(criteria, { tech: 10 })).toBe(10);
    expect(partialTotal(criteria, {})).toBeNull();
  });
  it('shows weights as shares of 100%', () => {
    const shares = weightShares(criteria);
    expect(shares.get('tech')).toBeCloseTo(30);
    expect([...shares.values()].reduce((a, b) => a + b, 0)).toBeCloseTo(100);
  });
  it('accepts scores on the scale in half steps only', () => {
    expect(isValidScore(7.5, 0, 10)).toBe(true);
    expect(isValidScore(0, 0, 10)).toBe(true);
    expect(isValidScore(10, 0, 10)).toBe(true);
    expect(isValidScore(7.25, 0, 10)).toBe(false);
    expect(isValidScore(10.5, 0, 10)).toBe(false);
    expect(isValidScore(-0.5, 0, 10)).toBe(false);
    expect(isValidScore(Number.NaN, 0, 10)).toBe(false);
    expect(isValidScore(1.5, 1, 5)).toBe(true);
  });
});

describe('ranking', () => {
  it('uses standard competition ranking and flags ties', () => {
    const ranked = rankEntries([
      { applicationId: 'a', score: 9 },
      { applicationId: 'b', score: 8 },
      { applicationId: 'c', score: 8.0000000001 },
      { applicationId: 'd', score: 7 },
      { applicationId: 'e', score: null },
    ]);
    expect(ranked.map((r) => [r.applicationId, r.rank, r.tied])).toEqual([
      ['a', 1, false],
      ['b', 2, true],
      ['c', 2, true],
      ['d', 4, false],
      ['e', null, false],
    ]);
  });

  it('counts only submitted, complete sheets of current judges, and says why an entry is unranked', () => {
    const result = scoreRound(
      facts(
        [
          sheet('j1', 'a', 8, 8, 8),
          sheet('j2', 'a', 6, 6, 6),
          sheet('j1', 'b', 9, 9, 9, false),
          { judgeId: 'j2', applicationId: 'b', scores: { tech: 9 }, submitted: true },
          sheet('gone', 'a', 0, 0, 0),
        ],
        { applicationIds: ['a', 'b', 'c'], judgeIds: ['j1', 'j2'], recusals: [{ judgeId: 'j1', applicationId: 'c' }, { judgeId: 'j2', applicationId: 'c' }] },
      ),
      'raw_mean',
    );
    expect(result[0]).toMatchObject({ applicationId: 'a', score: 7, judgesCounted: 2, min: 6, max: 8, spread: 2, rank: 1, tied: false, unrankedReason: null });
    expect(result.find((r) => r.applicationId === 'b')).toMatchObject({ score: null, rank: null, unrankedReason: 'no_scores' });
    expect(result.find((r) => r.applicationId === 'c')).toMatchObject({ score: null, rank: null, unrankedReason: 'all_recused' });
  });

  it('ranks differently under z-scores when a harsh judge scores one entry alone', () => {
    // A generous judge (j1) and a harsh one (j2). Raw means favour what the generous judge saw.
    const sheets = [
      sheet('j1', 'a', 9, 9, 9),
      sheet('j1', 'b', 8, 8, 8),
      sheet('j1', 'c', 7, 7, 7),
      sheet('j2', 'b', 3, 3, 3),
      sheet('j2', 'c', 5, 5, 5),
      sheet('j2', 'd', 4, 4, 4),
    ];
    const raw = scoreRound(facts(sheets), 'raw_mean');
    const z = scoreRound(facts(sheets), 'z_score');
    expect(raw.map((r) => r.applicationId)).toEqual(['a', 'c', 'b', 'd']);
    expect(z.map((r) => r.applicationId)).toEqual(['a', 'c', 'd', 'b']);
    expect(z.find((r) => r.applicationId === 'd')!.rawMean).toBe(4);
  });

  it('gives z = 0 for a judge with one sheet or all-equal totals', () => {
    const z = scoreRound(facts([sheet('j1', 'a', 5, 5, 5), sheet('j2', 'a', 7, 7, 7), sheet('j2', 'b', 7, 7, 7)]), 'z_score');
    expect(z.map((r) => [r.applicationId, r.score, r.rank, r.tied])).toEqual([
      ['a', 0, 1, true],
      ['b', 0, 1, true],
    ]);
  });

  it('takes the whole tied group at the top-N boundary', () => {
    const result = scoreRound(facts([sheet('j', 'a', 9, 9, 9), sheet('j', 'b', 8, 8, 8), sheet('j', 'c', 8, 8, 8), sheet('j', 'd', 1, 1, 1)]), 'raw_mean');
    expect(topN(result, 2).sort()).toEqual(['a', 'b', 'c']);
    expect(topN(result, 1)).toEqual(['a']);
  });
});

// ---------------------------------------------------------------- properties

const JUDGES = ['j1', 'j2', 'j3', 'j4'];
const APPS = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
const halfStep = fc.integer({ min: 0, max: 20 }).map((n) => n / 2);

const sheetArb = fc.record({
  judgeId: fc.constantFrom(...JUDGES),
  applicationId: fc.constantFrom(...APPS),
  scores: fc.record({ tech: halfStep, market: halfStep, team: halfStep }),
  submitted: fc.boolean(),
});
const roundArb = fc
  .record({
    sheets: fc.uniqueArray(sheetArb, { selector: (s) => `${s.judgeId}|${s.applicationId}`, maxLength: 24 }),
    recusals: fc.uniqueArray(fc.record({ judgeId: fc.constantFrom(...JUDGES), applicationId: fc.constantFrom(...APPS) }), { selector: (r) => `${r.judgeId}|${r.applicationId}`, maxLength: 4 }),
  })
  .map(({ sheets, recusals }): RoundFacts => ({ criteria, applicationIds: APPS, judgeIds: JUDGES, sheets, recusals }));
const normalisationArb = fc.constantFrom('raw_mean' as const, 'z_score' as const);

function ranks(result: ReturnType<typeof scoreRound>) {
  return Object.fromEntries(result.map((r) => [r.applicationId, r.rank]));
}

describe('scoring properties', () => {
  it('does not depend on the order of the input', () => {
    fc.assert(
      fc.property(roundArb, normalisationArb, fc.func(fc.integer()), (round, normalisation, key) => {
        const shuffled = { ...round, sheets: [...round.sheets].sort((a, b) => key(a) - key(b)), applicationIds: [...round.applicationIds].reverse(), judgeIds: [...round.judgeIds].reverse() };
        expect(scoreRound(shuffled, normalisation)).toEqual(scoreRound(round, normalisation));
      }),
    );
  });

  it('z-scores are unchanged when one judge shifts or stretches all totals', () => {
    fc.assert(
      fc.property(roundArb, fc.constantFrom(...JUDGES), fc.integer({ min: -5, max: 5 }), fc.constantFrom(0.5, 2, 3), (round, judge, shift, factor) => {
        const moved = {
          ...round,
          sheets: round.sheets.map((s) =>
            s.judgeId === judge ? { ...s, scores: Object.fromEntries(Object.entries(s.scores).map(([k, v]) => [k, v * factor + shift])) } : s,
          ),
        };
        const before = scoreRound(round, 'z_score');
        const after = scoreRound(moved, 'z_score');
        expect(ranks(after)).toEqual(ranks(before));
        for (const r of before) {
          const other = after.find((x) => x.applicationId === r.applicationId)!;
          if (r.score === null) expect(other.score).toBeNull();
          else expect(other.score!).toBeCloseTo(r.score, 5);
        }
      }),
    );
  });

  it('raising one sheet never lowers that entry under the raw mean', () => {
    fc.assert(
      fc.property(roundArb, fc.nat(), fc.constantFrom('tech', 'market', 'team'), fc.integer({ min: 1, max: 6 }), (round, pick, criterion, raise) => {
        if (round.sheets.length === 0) return;
        const index = pick % round.sheets.length;
        const target = round.sheets[index]!;
        const raised = { ...round, sheets: round.sheets.map((s, i) => (i === index ? { ...s, scores: { ...s.scores, [criterion]: s.scores[criterion]! + raise / 2 } } : s)) };
        const before = scoreRound(round, 'raw_mean').find((r) => r.applicationId === target.applicationId)!;
        const after = scoreRound(raised, 'raw_mean').find((r) => r.applicationId === target.applicationId)!;
        if (before.rank !== null) {
          expect(after.rank).not.toBeNull();
          expect(after.rank!).toBeLessThanOrEqual(before.rank);
          expect(after.score!).toBeGreaterThanOrEqual(before.score!);
        }
      }),
    );
  });

  it("a recused judge's sheet never influences anything", () => {
    fc.assert(
      fc.property(roundArb, normalisationArb, (round, normalisation) => {
        const recused = new Set(round.recusals.map((r) => `${r.judgeId}|${r.applicationId}`));
        const without = { ...round, sheets: round.sheets.filter((s) => !recused.has(`${s.judgeId}|${s.applicationId}`)) };
        // What a recused judge wrote, whatever it is, changes nothing.
        const scribbled = { ...round, sheets: round.sheets.map((s) => (recused.has(`${s.judgeId}|${s.applicationId}`) ? { ...s, scores: { tech: 10, market: 10, team: 10 }, submitted: true } : s)) };
        expect(scoreRound(round, normalisation)).toEqual(scoreRound(without, normalisation));
        expect(scoreRound(scribbled, normalisation)).toEqual(scoreRound(without, normalisation));
      }),
    );
  });

  it('ranks are 1-based and non-decreasing, and tied groups are exactly the equal scores', () => {
    fc.assert(
      fc.property(roundArb, normalisationArb, (round, normalisation) => {
        const result = scoreRound(round, normalisation);
        const ranked = result.filter((r) => r.rank !== null);
        const unranked = result.filter((r) => r.rank === null);
        expect(result.slice(ranked.length)).toEqual(unranked);
        if (ranked.length) expect(ranked[0]!.rank).toBe(1);
        ranked.forEach((r, i) => {
          if (i > 0) expect(r.rank!).toBeGreaterThanOrEqual(ranked[i - 1]!.rank!);
          // Competition ranking: a rank is 1 + the number of entries strictly ahead.
          expect(r.rank).toBe(1 + ranked.filter((o) => o.score! > r.score! + 1e-9).length);
          const equal = ranked.filter((o) => Math.abs(round6(o.score!) - round6(r.score!)) <= 1e-9);
          expect(r.tied).toBe(equal.length > 1);
          for (const o of equal) expect(o.rank).toBe(r.rank);
        });
        for (const u of unranked) {
          expect(u.judgesCounted).toBe(0);
          expect(u.unrankedReason).not.toBeNull();
        }
      }),
    );
  });

  it('the raw mean lies within the counted totals and the spread is their range', () => {
    fc.assert(
      fc.property(roundArb, (round) => {
        for (const r of scoreRound(round, 'raw_mean')) {
          if (r.score === null) continue;
          expect(r.min!).toBeLessThanOrEqual(r.score + 1e-9);
          expect(r.max!).toBeGreaterThanOrEqual(r.score - 1e-9);
          expect(r.spread!).toBeCloseTo(r.max! - r.min!, 6);
        }
      }),
    );
  });
});
