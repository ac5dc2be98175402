import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { capacityProblem, placeArrival, placeWithSeat, promotions, seatsLeft, waitlistPosition, type SeatFacts } from './waitlist';
import type { ApprovalMode } from './vocabularies';

/**
 * A model of one ticket type driven the way the registration service drives it: every step
 * asks the pure functions what to do and applies the answer. The properties are checked on
 * the model after every step of random sequences.
 */
type Status = 'pending' | 'confirmed' | 'waitlisted' | 'declined' | 'cancelled';
interface Reg {
  id: string;
  mode: ApprovalMode;
  status: Status;
  waitlistNo: number | null;
  approved: boolean;
}
interface Model {
  capacity: number;
  waitlistSeq: number;
  regs: Reg[];
  /** Waitlist numbers in the order they were promoted. */
  promoted: number[];
}

type Op =
  | { kind: 'arrive'; mode: ApprovalMode }
  | { kind: 'approve'; pick: number }
  | { kind: 'decline'; pick: number }
  | { kind: 'cancel'; pick: number }
  | { kind: 'capacity'; delta: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom<ApprovalMode>('automatic', 'reviewed').map((mode) => ({ kind: 'arrive' as const, mode })) },
  { weight: 2, arbitrary: fc.nat(1000).map((pick) => ({ kind: 'approve' as const, pick })) },
  { weight: 1, arbitrary: fc.nat(1000).map((pick) => ({ kind: 'decline' as const, pick })) },
  { weight: 3, arbitrary: fc.nat(1000).map((pick) => ({ kind: 'cancel' as const, pick })) },
  { weight: 1, arbitrary: fc.integer({ min: -3, max: 3 }).map((delta) => ({ kind: 'capacity' as const, delta })) },
);

const confirmedOf = (m: Model) => m.regs.filter((r) => r.status === 'confirmed').length;
const facts = (m: Model): SeatFacts => ({ capacity: m.capacity, confirmed: confirmedOf(m), waitlistSeq: m.waitlistSeq });

function place(m: Model, reg: Reg, placement: ReturnType<typeof placeWithSeat>) {
  reg.status = placement.status;
  if (placement.status === 'waitlisted') {
    reg.waitlistNo = placement.waitlistNo;
    m.waitlistSeq = placement.waitlistNo;
  }
}

function promote(m: Model): string[] {
  const waiting = m.regs.filter((r) => r.status === 'waitlisted').map((r) => ({ id: r.id, waitlistNo: r.waitlistNo! }));
  const ids = promotions(facts(m), waiting);
  for (const id of ids) {
    const reg = m.regs.find((r) => r.id === id)!;
    m.promoted.push(reg.waitlistNo!);
    reg.status = 'confirmed';
    reg.waitlistNo = null;
  }
  return ids;
}

function step(m: Model, op: Op): { cancelledConfirmed?: boolean; promotedIds?: string[]; headBefore?: string } {
  const live = m.regs.filter((r) => r.status === 'pending' || r.status === 'confirmed' || r.status === 'waitlisted');
  const pending = m.regs.filter((r) => r.status === 'pending');
  switch (op.kind) {
    case 'arrive': {
      const reg: Reg = { id: `r${m.regs.length}`, mode: op.mode, status: 'pending', waitlistNo: null, approved: false };
      m.regs.push(reg);
      const placement = placeArrival(op.mode, facts(m));
      if (placement.status !== 'pending') place(m, reg, placement);
      return {};
    }
    case 'approve': {
      const reg = pending[op.pick % Math.max(1, pending.length)];
      if (!reg) return {};
      reg.approved = true;
      place(m, reg, placeWithSeat(facts(m)));
      return {};
    }
    case 'decline': {
      const reg = pending[op.pick % Math.max(1, pending.length)];
      if (reg) reg.status = 'declined';
      return {};
    }
    case 'cancel': {
      const reg = live[op.pick % Math.max(1, live.length)];
      if (!reg) return {};
      const wasConfirmed = reg.status === 'confirmed';
      const head = m.regs.filter((r) => r.status === 'waitlisted').sort((a, b) => a.waitlistNo! - b.waitlistNo!)[0]?.id;
      reg.status = 'cancelled';
      reg.waitlistNo = null;
      return { cancelledConfirmed: wasConfirmed, promotedIds: promote(m), headBefore: head };
    }
    case 'capacity': {
      const next = Math.max(0, m.capacity + op.delta);
      if (capacityProblem(next, confirmedOf(m))) return {};
      m.capacity = next;
      promote(m);
      return {};
    }
  }
}

const start = (capacity: number): Model => ({ capacity, waitlistSeq: 0, regs: [], promoted: [] });

describe('waitlist rules', () => {
  it('never confirms more than the capacity, and never leaves a seat idle while someone waits', () => {
    fc.assert(
      fc.property(fc.nat(8), fc.array(opArb, { maxLength: 120 }), (capacity, ops) => {
        const m = start(capacity);
        for (const op of ops) {
          step(m, op);
          const confirmed = confirmedOf(m);
          expect(confirmed).toBeLessThanOrEqual(m.capacity);
          if (m.regs.some((r) => r.status === 'waitlisted')) expect(confirmed).toBe(m.capacity);
        }
      }),
    );
  });

  it('promotes in FIFO order: promoted numbers only ever increase, and waitlist numbers are unique', () => {
    fc.assert(
      fc.property(fc.nat(6), fc.array(opArb, { maxLength: 120 }), (capacity, ops) => {
        const m = start(capacity);
        for (const op of ops) step(m, op);
        for (let i = 1; i < m.promoted.length; i++) expect(m.promoted[i]!).toBeGreaterThan(m.promoted[i - 1]!);
        const numbers = m.regs.filter((r) => r.waitlistNo !== null).map((r) => r.waitlistNo);
        expect(new Set(numbers).size).toBe(numbers.length);
      }),
    );
  });

  it('every cancellation of a confirmed registration frees exactly one seat, which goes to the head of the waitlist', () => {
    fc.assert(
      fc.property(fc.nat(6), fc.array(opArb, { maxLength: 120 }), (capacity, ops) => {
        const m = start(capacity);
        for (const op of ops) {
          const before = confirmedOf(m);
          const waitingBefore = m.regs.filter((r) => r.status === 'waitlisted').length;
          const result = step(m, op);
          if (op.kind !== 'cancel' || result.cancelledConfirmed === undefined) continue;
          if (result.cancelledConfirmed) {
            if (waitingBefore > 0) {
              expect(result.promotedIds).toEqual([result.headBefore]);
              expect(confirmedOf(m)).toBe(before);
            } else {
              expect(result.promotedIds).toEqual([]);
              expect(confirmedOf(m)).toBe(before - 1);
            }
          } else {
            // A pending or waiting registration held no seat: nobody moves up.
            expect(result.promotedIds).toEqual([]);
            expect(confirmedOf(m)).toBe(before);
          }
        }
      }),
    );
  });

  it('never confirms a reviewed-mode registration without an approval', () => {
    fc.assert(
      fc.property(fc.nat(6), fc.array(opArb, { maxLength: 120 }), (capacity, ops) => {
        const m = start(capacity);
        for (const op of ops) step(m, op);
        for (const r of m.regs) if (r.mode === 'reviewed' && (r.status === 'confirmed' || r.status === 'waitlisted')) expect(r.approved).toBe(true);
      }),
    );
  });

  it('gives a capacity increase to as many of the waiting as it adds seats, in order', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 8 }), (capacity, arrivals, added) => {
        const m = start(capacity);
        for (let i = 0; i < arrivals; i++) step(m, { kind: 'arrive', mode: 'automatic' });
        const waiting = m.regs.filter((r) => r.status === 'waitlisted').map((r) => r.id);
        m.capacity += added;
        const ids = promote(m);
        expect(ids).toEqual(waiting.slice(0, added));
      }),
    );
  });
});

describe('placements and positions', () => {
  it('confirms while seats are free, then numbers the waitlist from the sequence', () => {
    expect(placeArrival('automatic', { capacity: 2, confirmed: 1, waitlistSeq: 0 })).toEqual({ status: 'confirmed' });
    expect(placeArrival('automatic', { capacity: 2, confirmed: 2, waitlistSeq: 7 })).toEqual({ status: 'waitlisted', waitlistNo: 8 });
    expect(placeArrival('reviewed', { capacity: 2, confirmed: 0, waitlistSeq: 0 })).toEqual({ status: 'pending' });
    expect(seatsLeft({ capacity: 3, confirmed: 5 })).toBe(0);
  });
  it('counts the waiting ahead, not the numbers handed out', () => {
    expect(waitlistPosition(9, [3, 9, 12])).toBe(2);
    expect(waitlistPosition(1, [1])).toBe(1);
  });
  it('refuses fewer seats than confirmed', () => {
    expect(capacityProblem(4, 5)).toBe('capacity_below_confirmed');
    expect(capacityProblem(5, 5)).toBeNull();
  });
});
