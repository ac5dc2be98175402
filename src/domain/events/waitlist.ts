/**
 * The seat rules of one ticket type: who gets a seat, who waits, who is promoted when a seat
 * comes free. Pure; the registration service calls these while it holds the ticket type's row
 * lock, so the facts passed in are the current ones and the answers are applied at once.
 */
import type { ApprovalMode } from './vocabularies';

/** What the service knows about a ticket type while it holds its row lock. */
export interface SeatFacts {
  capacity: number;
  /** Registrations holding a seat now. */
  confirmed: number;
  /** The last waitlist number handed out (numbers are never reused). */
  waitlistSeq: number;
}

export type Placement = { status: 'confirmed' } | { status: 'waitlisted'; waitlistNo: number } | { status: 'pending' };

export function seatsLeft(facts: Pick<SeatFacts, 'capacity' | 'confirmed'>): number {
  return Math.max(0, facts.capacity - facts.confirmed);
}

/**
 * Where a seat-seeking registration goes: a free seat confirms it, otherwise it joins the end of
 * the waitlist under the next number. Used for new registrations in automatic mode and for an
 * organiser's approval in reviewed mode.
 */
export function placeWithSeat(facts: SeatFacts): Exclude<Placement, { status: 'pending' }> {
  if (seatsLeft(facts) > 0) return { status: 'confirmed' };
  return { status: 'waitlisted', waitlistNo: facts.waitlistSeq + 1 };
}

/** A new registration: reviewed mode never takes a seat before an organiser approves. */
export function placeArrival(mode: ApprovalMode, facts: SeatFacts): Placement {
  return mode === 'reviewed' ? { status: 'pending' } : placeWithSeat(facts);
}

export interface Waiting {
  id: string;
  waitlistNo: number;
}

/**
 * Who is promoted now: as many of the waiting as there are free seats, lowest number first
 * (arrival order). Returns the ids in promotion order.
 */
export function promotions(facts: Pick<SeatFacts, 'capacity' | 'confirmed'>, waiting: readonly Waiting[]): string[] {
  const free = seatsLeft(facts);
  if (free === 0) return [];
  return [...waiting]
    .sort((a, b) => a.waitlistNo - b.waitlistNo)
    .slice(0, free)
    .map((w) => w.id);
}

/** A waitlisted registration's place in line: 1 + how many of the waiting hold a lower number. */
export function waitlistPosition(own: number, waitingNumbers: readonly number[]): number {
  return 1 + waitingNumbers.filter((n) => n < own).length;
}

/** Why a capacity change is refused, if it is: never fewer seats than confirmed registrations. */
export function capacityProblem(newCapacity: number, confirmed: number): 'capacity_below_confirmed' | null {
  return newCapacity < confirmed ? 'capacity_below_confirmed' : null;
}
