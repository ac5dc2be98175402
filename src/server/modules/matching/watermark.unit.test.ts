import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { advance, startAt } from './watermark';

describe('change feed watermark', () => {
  it('applies each id once and moves the floor over a contiguous run', () => {
    const a = advance(startAt(0), [1, 2, 3], 0);
    expect(a.fresh).toEqual([1, 2, 3]);
    expect(a.next.floor).toBe(3);
    expect(a.next.seen.size).toBe(0);
    const b = advance(a.next, [4], 10);
    expect(b.fresh).toEqual([4]);
    expect(b.next.floor).toBe(4);
  });

  it('waits below a gap and applies the late id when it commits', () => {
    const a = advance(startAt(0), [1, 3], 0);
    expect(a.fresh).toEqual([1, 3]);
    expect(a.next.floor).toBe(1);
    expect([...a.next.missingSince.keys()]).toEqual([2]);
    // Read again from the floor: 3 is not applied twice, 2 is new.
    const b = advance(a.next, [2, 3], 1000);
    expect(b.fresh).toEqual([2]);
    expect(b.next.floor).toBe(3);
    expect(b.next.missingSince.size).toBe(0);
  });

  it('gives up a missing id after the grace period', () => {
    const a = advance(startAt(0), [1, 3], 0, 60_000);
    const b = advance(a.next, [3], 59_999, 60_000);
    expect(b.next.floor).toBe(1);
    const c = advance(b.next, [3], 60_000, 60_000);
    expect(c.fresh).toEqual([]);
    expect(c.next.floor).toBe(3);
  });

  it('never applies an id twice and never skips a committed id read within the grace period', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 60 }), fc.integer({ min: 1, max: 8 }), (commitOrder, reads) => {
        const committed = [...new Set(commitOrder)];
        let mark = startAt(0);
        const applied: number[] = [];
        const step = Math.max(1, Math.ceil(committed.length / reads));
        for (let i = 0; i <= committed.length; i += step) {
          const visible = committed.slice(0, i + step).filter((id) => id > mark.floor);
          const { fresh, next } = advance(mark, visible, 0);
          applied.push(...fresh);
          mark = next;
        }
        expect(new Set(applied).size).toBe(applied.length);
        expect([...applied].sort((x, y) => x - y)).toEqual([...committed].sort((x, y) => x - y));
      }),
    );
  });
});
