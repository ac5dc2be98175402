import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyMove, needsReason } from './moves';

/** An ordered list of distinct stage codes, with two indexes into it. */
const stagesWithTwo = fc
  .uniqueArray(fc.stringMatching(/^[a-z][a-z0-9_]{0,10}$/), { minLength: 2, maxLength: 12 })
  .chain((order) => fc.tuple(fc.constant(order), fc.nat(order.length - 1), fc.nat(order.length - 1)));

describe('classifyMove', () => {
  it('accepts only stages of the list', () => {
    fc.assert(
      fc.property(stagesWithTwo, fc.stringMatching(/^[A-Z]{1,5}$/), ([order, a], stranger) => {
        expect(classifyMove(order, order[a]!, stranger)).toEqual({ ok: false, problem: 'unknown_stage' });
        expect(classifyMove(order, stranger, order[a]!)).toEqual({ ok: false, problem: 'unknown_stage' });
      }),
    );
  });

  it('rejects a move to the same stage', () => {
    fc.assert(
      fc.property(stagesWithTwo, ([order, a]) => {
        expect(classifyMove(order, order[a]!, order[a]!)).toEqual({ ok: false, problem: 'same_stage' });
      }),
    );
  });

  it('reads one step on as an advance, more as a skip with exactly the passed-over stages, back as a rollback', () => {
    fc.assert(
      fc.property(stagesWithTwo, ([order, a, b]) => {
        fc.pre(a !== b);
        const move = classifyMove(order, order[a]!, order[b]!);
        if (!move.ok) throw new Error('expected a move');
        if (b === a + 1) expect(move).toEqual({ ok: true, kind: 'advance', skipped: [] });
        else if (b > a) {
          expect(move.kind).toBe('skip');
          expect(move.skipped).toEqual(order.slice(a + 1, b));
          expect(move.skipped).toHaveLength(b - a - 1);
          expect(move.skipped).not.toContain(order[a]);
          expect(move.skipped).not.toContain(order[b]);
        } else expect(move).toEqual({ ok: true, kind: 'rollback', skipped: [] });
        // Only a rollback needs a reason.
        expect(needsReason(move)).toBe(b < a);
      }),
    );
  });

  it('names the stages of a concrete skip', () => {
    expect(classifyMove(['a', 'b', 'c', 'd'], 'a', 'd')).toEqual({ ok: true, kind: 'skip', skipped: ['b', 'c'] });
  });
});
