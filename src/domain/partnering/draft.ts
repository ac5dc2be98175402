/**
 * The organisers' draft: building the scheduler's instance from plain rows, comparing the draft
 * with the published schedule, and counting breaks for any set of placements. Pure: no I/O.
 */
import { breakSummary } from './breaks';
import type { Instance } from './instance';
import type { ScheduleResult } from './result';

export interface Place {
  slotId: string;
  locationId: string;
}

export interface SlotRow {
  id: string;
  day: string;
  session: string;
  startsAt: Date;
  endsAt?: Date;
}

export interface LocationRow {
  id: string;
  kind: 'table' | 'room' | 'booth' | 'online';
  name: string;
  ownerParticipantId: string | null;
}

export interface ParticipantRow {
  id: string;
  displayName: string;
  maxMeetings: number | null;
  unavailableSlotIds: string[];
}

export interface MeetingRow {
  id: string;
  participantAId: string;
  participantBId: string;
  weight: number;
  locked: boolean;
  draft: Place | null;
  published: Place | null;
}

export interface InstanceRows {
  slots: SlotRow[];
  locations: LocationRow[];
  /** Active participants only. */
  participants: ParticipantRow[];
  /** Active meetings; those with a participant not in `participants` are left out. */
  meetings: MeetingRow[];
  defaultMaxMeetings: number | null;
  fairness: number | null;
  /** Pin published meetings to their published place. */
  keepPublished: boolean;
}

export interface BuiltInstance {
  instance: Instance;
  /** Meetings left out because a participant is not active. */
  leftOut: string[];
  /** Meetings pinned, and why: 'locked' (its draft place) or 'published' (its published place). */
  pinned: Map<string, 'locked' | 'published'>;
}

/**
 * The scheduler instance for the rows. A locked meeting is fixed to its draft place; with
 * `keepPublished`, a published meeting is fixed to its published place, unless that place can no
 * longer be (a participant now unavailable then, the location gone or someone else's booth): then
 * it is free to move. A locked meeting stays fixed to its draft slot even then (the scheduler
 * reports why it cannot be placed), and to its location unless that is gone or now someone else's. Owned locations (booths, personal online rooms) of participants not active
 * are left out.
 */
export function buildInstance(rows: InstanceRows): BuiltInstance {
  const slots = [...rows.slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const active = new Set(rows.participants.map((p) => p.id));
  const slotIds = new Set(slots.map((s) => s.id));
  const locations = rows.locations.filter((l) => l.ownerParticipantId === null || active.has(l.ownerParticipantId));
  const locationById = new Map(locations.map((l) => [l.id, l]));
  const forbidden = new Map(rows.participants.map((p) => [p.id, new Set(p.unavailableSlotIds.filter((s) => slotIds.has(s)))]));

  const possible = (m: MeetingRow, place: Place): boolean => {
    if (!slotIds.has(place.slotId)) return false;
    const loc = locationById.get(place.locationId);
    if (!loc) return false;
    if (loc.ownerParticipantId !== null && loc.ownerParticipantId !== m.participantAId && loc.ownerParticipantId !== m.participantBId) return false;
    return !forbidden.get(m.participantAId)!.has(place.slotId) && !forbidden.get(m.participantBId)!.has(place.slotId);
  };

  const leftOut: string[] = [];
  const pinned = new Map<string, 'locked' | 'published'>();
  const meetings: Instance['meetings'] = [];
  for (const m of rows.meetings) {
    if (!active.has(m.participantAId) || !active.has(m.participantBId)) {
      leftOut.push(m.id);
      continue;
    }
    const out: Instance['meetings'][number] = { id: m.id, participants: [m.participantAId, m.participantBId], weight: m.weight };
    if (m.locked && m.draft && slotIds.has(m.draft.slotId)) {
      out.fixedSlot = m.draft.slotId;
      // The location too, unless it is gone or now someone else's (then the slot alone holds).
      const loc = locationById.get(m.draft.locationId);
      if (loc && (loc.ownerParticipantId === null || loc.ownerParticipantId === m.participantAId || loc.ownerParticipantId === m.participantBId)) out.fixedLocation = m.draft.locationId;
      pinned.set(m.id, 'locked');
    } else if (rows.keepPublished && m.published && possible(m, m.published)) {
      out.fixedSlot = m.published.slotId;
      out.fixedLocation = m.published.locationId;
      pinned.set(m.id, 'published');
    }
    meetings.push(out);
  }

  const instance: Instance = {
    version: 1,
    slots: slots.map((s) => ({ id: s.id, day: s.day, session: s.session })),
    locations: locations.map((l) => ({ id: l.id, name: l.name, kind: l.kind, ...(l.ownerParticipantId !== null ? { owner: l.ownerParticipantId } : {}) })),
    participants: rows.participants.map((p) => {
      const max = p.maxMeetings ?? rows.defaultMaxMeetings;
      return { id: p.id, name: p.displayName, forbiddenSlots: [...forbidden.get(p.id)!], ...(max !== null ? { maxMeetings: max } : {}) };
    }),
    meetings,
    ...(rows.fairness !== null ? { fairness: rows.fairness } : {}),
  };
  return { instance, leftOut, pinned };
}

export interface PlacementPair {
  meetingId: string;
  before: Place | null;
  after: Place | null;
}

export interface PlacementDiff {
  /** Placed before and after, somewhere else. */
  moved: string[];
  /** Not placed before, placed now. */
  added: string[];
  /** Placed before, not now. */
  removed: string[];
  unchanged: string[];
}

export function samePlace(a: Place | null, b: Place | null): boolean {
  if (a === null || b === null) return a === b;
  return a.slotId === b.slotId && a.locationId === b.locationId;
}

/** How `after` (e.g. the draft) differs from `before` (e.g. the published schedule), meeting by meeting. */
export function diffPlacements(pairs: readonly PlacementPair[]): PlacementDiff {
  const diff: PlacementDiff = { moved: [], added: [], removed: [], unchanged: [] };
  for (const p of pairs) {
    if (p.before && p.after) (samePlace(p.before, p.after) ? diff.unchanged : diff.moved).push(p.meetingId);
    else if (p.after) diff.added.push(p.meetingId);
    else if (p.before) diff.removed.push(p.meetingId);
    else diff.unchanged.push(p.meetingId);
  }
  return diff;
}

/**
 * Breaks (see breaks.ts) per participant for placed meetings, with the total and the spread
 * over the participants named in `participantIds` (everyone with a placed meeting when absent).
 * `slots` in any order; they are put in time order.
 */
export function breaksOf(
  placements: readonly { participants: readonly [string, string]; slotId: string }[],
  slots: readonly Pick<SlotRow, 'id' | 'day' | 'startsAt'>[],
  participantIds?: readonly string[],
): { perParticipant: Map<string, number>; total: number; spread: number } {
  const ordered = [...slots].sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
  const index = new Map(ordered.map((s, i) => [s.id, i]));
  const slotDay = ordered.map((s) => s.day);
  const bySlot = new Map<string, number[]>();
  for (const id of participantIds ?? []) bySlot.set(id, []);
  for (const p of placements) {
    const i = index.get(p.slotId);
    if (i === undefined) continue;
    for (const who of p.participants) {
      if (participantIds && !bySlot.has(who)) continue;
      let list = bySlot.get(who);
      if (!list) bySlot.set(who, (list = []));
      list.push(i);
    }
  }
  const ids = [...bySlot.keys()];
  const summary = breakSummary(
    ids.map((id) => bySlot.get(id)!),
    slotDay,
  );
  return { perParticipant: new Map(ids.map((id, i) => [id, summary.perParticipant[i]!])), total: summary.total, spread: summary.spread };
}

/** What a run stores about itself (the API's runSummarySchema): counts, weight, breaks and what was proved. */
export type RunSummary = {
  meetings: number;
  scheduled: number;
  unscheduled: number;
  scheduledWeight: number;
  totalWeight: number;
  breaks: number;
  breakSpread: number;
  proved: string[];
  moved: number;
  durationMs: number;
};

/** The summary of one scheduler result; `moved` counts published meetings the run placed elsewhere. */
export function runSummary(result: ScheduleResult, meetings: number, moved: number, durationMs: number): RunSummary {
  const proved: string[] = [];
  if (result.bound.weight.proof === 'all_scheduled') proved.push('all_scheduled');
  if (result.optimal.weight) proved.push('weight_optimal');
  if (result.optimal.breaks) proved.push(result.breaks === 0 ? 'zero_breaks' : 'breaks_optimal');
  if (result.fairness?.met) proved.push('fairness_met');
  return {
    meetings,
    scheduled: result.scheduledMeetings,
    unscheduled: result.unscheduled.length,
    scheduledWeight: result.scheduledWeight,
    totalWeight: result.totalWeight,
    breaks: result.breaks,
    breakSpread: result.breakSpread,
    proved,
    moved,
    durationMs: Math.round(durationMs),
  };
}

export interface DraftMeeting {
  id: string;
  participantAId: string;
  participantBId: string;
  place: Place | null;
}

/**
 * Draft meetings that no longer fit what participants and locations say now (the draft was made
 * before a late change): a participant who is unavailable in the slot, a participant in two
 * meetings of one slot, or a booth or personal room of someone outside the meeting. Publishing
 * refuses such a draft, so an agenda never shows a meeting its participant cannot attend.
 */
export function staleDraftMeetings(
  meetings: readonly DraftMeeting[],
  unavailable: ReadonlySet<string>,
  locationOwner: ReadonlyMap<string, string | null>,
): { meetingId: string; problem: 'participant_unavailable' | 'participant_busy' | 'location_not_theirs' }[] {
  const out: { meetingId: string; problem: 'participant_unavailable' | 'participant_busy' | 'location_not_theirs' }[] = [];
  const busy = new Map<string, string>();
  for (const m of meetings) {
    if (!m.place) continue;
    const { slotId, locationId } = m.place;
    const pair = [m.participantAId, m.participantBId];
    const owner = locationOwner.get(locationId) ?? null;
    if (pair.some((p) => unavailable.has(`${p}|${slotId}`))) out.push({ meetingId: m.id, problem: 'participant_unavailable' });
    else if (owner !== null && !pair.includes(owner)) out.push({ meetingId: m.id, problem: 'location_not_theirs' });
    else if (pair.some((p) => busy.has(`${p}|${slotId}`))) out.push({ meetingId: m.id, problem: 'participant_busy' });
    for (const p of pair) busy.set(`${p}|${slotId}`, m.id);
  }
  return out;
}
