/** What the scheduler returns (and `npm run schedule` prints as JSON). */

/** Why a meeting is not in the schedule: the rule that stopped it. */
export type UnscheduledReason =
  /** Its fixed slot is forbidden for one of the two participants. */
  | 'fixed_slot_forbidden'
  /** Its fixed slot is not in its required session. */
  | 'fixed_slot_outside_session'
  /** Its fixed slot has no location (no shared one, no booth of either participant). */
  | 'fixed_slot_no_location'
  /** Its fixed location does not exist in any allowed slot (or not in its fixed slot). */
  | 'fixed_location_unavailable'
  /** Its fixed location is held by another meeting fixed to it in every slot where both participants are free. */
  | 'fixed_location_taken'
  /** No slot is allowed for both participants (forbidden slots, required session). */
  | 'no_common_free_slot'
  /** The allowed slots have no location at all. */
  | 'no_location'
  /** A participant's maximum number of meetings is 0. */
  | 'max_meetings_zero'
  /** A predecessor cannot be placed early enough, or is not scheduled. */
  | 'no_slot_after_predecessors'
  | 'predecessor_unscheduled'
  /** A participant already has their maximum number of meetings (of higher weight). */
  | 'max_meetings'
  /** In every allowed slot one of the two participants is already in a meeting. */
  | 'participants_busy'
  /** In every allowed slot with both participants free, every location is taken. */
  | 'locations_full'
  /** Both: some allowed slots have a participant busy, the others have no free location. */
  | 'participants_busy_or_locations_full';

export interface Assignment {
  meeting: string;
  slot: string;
  location: string;
}

export interface Unscheduled {
  meeting: string;
  reason: UnscheduledReason;
  /** The participant concerned, when the reason is about one (max_meetings). */
  participant?: string;
}

export interface ScheduleResult {
  assignments: Assignment[];
  unscheduled: Unscheduled[];
  /** Total breaks over all participants. */
  breaks: number;
  /** Largest minus smallest break count over all participants. */
  breakSpread: number;
  /** The fairness bound d of the instance, and whether breakSpread ≤ d. */
  fairness: { d: number; met: boolean } | null;
  scheduledWeight: number;
  totalWeight: number;
  scheduledMeetings: number;
  /** Bounds proved, each with how. */
  bound: {
    /** An upper bound on the scheduled weight. */
    weight: { upper: number; proof: 'all_scheduled' | 'trivial' | 'highs_lp' | 'highs_mip' };
    /** A lower bound on the breaks of any schedule with the same scheduled weight. */
    breaks: { lower: number; proof: 'zero' | 'highs_mip' | 'none' };
  };
  /** Which objective levels are proved optimal. */
  optimal: { weight: boolean; breaks: boolean };
  stats: { timeMs: number; iterations: number; seed: number; breaksAfterConstruction: number };
}
