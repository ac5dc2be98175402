/**
 * The words of partnering (one-to-one meetings at an event): who a participant is, how much a
 * meeting matters to them, where they meet, and the states of requests, meetings and runs.
 * Shared by the database CHECKs, the API contract and the pages.
 */

/** What a participant comes as; organisers' "who may request whom" rules are pairs of these. */
export const PARTNERING_SIDES = ['startup', 'investor', 'pharma', 'research', 'hospital', 'park', 'service', 'other'] as const;
export type PartneringSide = (typeof PARTNERING_SIDES)[number];

/** A request's (or a wish's) priority, most important first. */
export const PARTNERING_PRIORITIES = ['must', 'would_like', 'if_time'] as const;
export type PartneringPriority = (typeof PARTNERING_PRIORITIES)[number];

/**
 * Scheduler weights. The gaps are wide on purpose: one "must meet" outweighs any number of
 * "if time allows" a participant could have in one day, so the scheduler never trades it away.
 */
export const PRIORITY_WEIGHT: Record<PartneringPriority, number> = { must: 100, would_like: 10, if_time: 1 };

/** Where a participant holds meetings: the shared tables, a booth of their own, or online. */
export const MEETING_PLACES = ['table', 'booth', 'online'] as const;
export type MeetingPlace = (typeof MEETING_PLACES)[number];

export const LOCATION_KINDS = ['table', 'room', 'booth', 'online'] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

/** requests: one side asks, the other accepts; wishlist: both sides only rank, mutual wishes become meetings. */
export const PARTNERING_MODES = ['requests', 'wishlist'] as const;
export type PartneringMode = (typeof PARTNERING_MODES)[number];

export const PARTICIPANT_STATUSES = ['active', 'withdrawn'] as const;
export type ParticipantStatus = (typeof PARTICIPANT_STATUSES)[number];

export const REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'cancelled'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
/** A pair has at most one request in these states at a time. */
export const LIVE_REQUEST_STATUSES = ['pending', 'accepted'] as const satisfies readonly RequestStatus[];

/** Where a meeting came from. */
export const MEETING_SOURCES = ['request', 'wishlist', 'organiser'] as const;
export type MeetingSource = (typeof MEETING_SOURCES)[number];

export const MEETING_STATUSES = ['active', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const RUN_STATUSES = ['running', 'finished', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** A participant's own account of a meeting afterwards. */
export const MEETING_OUTCOMES = ['held', 'no_show', 'cancelled_on_day'] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];
