/**
 * Whether a participant may ask another for a meeting now, under the organisers' rules. Pure:
 * the service gathers the facts (under row locks) and maps the answer to an error code; the
 * participants' list uses the same answer to show or hide the "request" button.
 */
import { PRIORITY_WEIGHT, PARTNERING_PRIORITIES, type PartneringMode, type PartneringPriority, type PartneringSide, type ParticipantStatus } from './vocabularies';

export type RequestBlock = 'self' | 'rules_pair' | 'deadline' | 'max_requests' | 'existing_request' | 'withdrawn' | 'wishlist_mode';

export interface RequestRules {
  mode: PartneringMode;
  /** The effective deadline (see effectiveDeadline), epoch milliseconds. */
  deadline: number;
  maxRequestsPerParticipant: number | null;
  allowedPairs: readonly (readonly [PartneringSide, PartneringSide])[] | null;
}

export interface RequestFacts {
  now: number;
  from: { id: string; side: PartneringSide; status: ParticipantStatus };
  to: { id: string; side: PartneringSide; status: ParticipantStatus };
  /** Live requests (pending or accepted) the sender has sent. */
  liveSent: number;
  /** A live request between the two exists, in either direction. */
  liveBetween: boolean;
}

/** The set deadline, else the event's start. */
export function effectiveDeadline(requestDeadline: Date | null, eventStartsAt: Date): Date {
  return requestDeadline ?? eventStartsAt;
}

/** Whether `from` may request `to` under the pair rules (null rules: anyone may request anyone). */
export function pairAllowed(allowedPairs: RequestRules['allowedPairs'], from: PartneringSide, to: PartneringSide): boolean {
  return allowedPairs === null || allowedPairs.some(([a, b]) => a === from && b === to);
}

export function deadlinePassed(rules: Pick<RequestRules, 'deadline'>, now: number): boolean {
  return now >= rules.deadline;
}

/**
 * The first rule that keeps `from` from requesting `to`, or null when the request may go.
 * Checked in this order: self, withdrawn (either side), wish-list mode, deadline, an existing
 * live request, the pair rule, the sender's request allowance.
 */
export function requestBlockedBy(rules: RequestRules, facts: RequestFacts): RequestBlock | null {
  if (facts.from.id === facts.to.id) return 'self';
  if (facts.from.status !== 'active' || facts.to.status !== 'active') return 'withdrawn';
  if (rules.mode === 'wishlist') return 'wishlist_mode';
  if (deadlinePassed(rules, facts.now)) return 'deadline';
  if (facts.liveBetween) return 'existing_request';
  if (!pairAllowed(rules.allowedPairs, facts.from.side, facts.to.side)) return 'rules_pair';
  if (rules.maxRequestsPerParticipant !== null && facts.liveSent >= rules.maxRequestsPerParticipant) return 'max_requests';
  return null;
}

/** The more important of two priorities (must before would_like before if_time). */
export function higherPriority(a: PartneringPriority, b: PartneringPriority | null | undefined): PartneringPriority {
  if (!b) return a;
  return PARTNERING_PRIORITIES.indexOf(a) <= PARTNERING_PRIORITIES.indexOf(b) ? a : b;
}

/**
 * A meeting's scheduler weight: the weight of the higher of the sender's and the receiver's
 * priorities, so a meeting either side must have is scheduled as a "must".
 */
export function meetingWeight(senderPriority: PartneringPriority, responsePriority: PartneringPriority | null | undefined): number {
  return PRIORITY_WEIGHT[higherPriority(senderPriority, responsePriority)];
}
