/**
 * The API contract of partnering (one-to-one meetings at an event).
 *
 * Participants' routes live under `/api/events/:eventId/partnering/…` (signed in; a participant
 * is a user with a confirmed registration for the event, so they need not be a member of the
 * community). Organisers' routes live under
 * `/api/communities/:communityId/events/:eventId/partnering/…` behind the events.manage gate.
 * Times are ISO instants; pages show them in the community's time zone (`timeZone`).
 */
import { z } from 'zod';
import {
  LOCATION_KINDS,
  MEETING_OUTCOMES,
  MEETING_PLACES,
  MEETING_SOURCES,
  MEETING_STATUSES,
  PARTICIPANT_STATUSES,
  PARTNERING_MODES,
  PARTNERING_PRIORITIES,
  PARTNERING_SIDES,
  REQUEST_STATUSES,
  RUN_STATUSES,
} from '../../domain/partnering/vocabularies';
import { CONTROL_CHARACTERS, idSchema, multiLineText, oneLineText, pageQuery, timestampSchema } from './common';
import { eventKindSchema, eventParams, eventStatusSchema, webUrlSchema } from './events';

export const partneringSideSchema = z.enum(PARTNERING_SIDES);
export const partneringPrioritySchema = z.enum(PARTNERING_PRIORITIES);
export const meetingPlaceSchema = z.enum(MEETING_PLACES);
export const locationKindSchema = z.enum(LOCATION_KINDS);
export const partneringModeSchema = z.enum(PARTNERING_MODES);
export const participantStatusSchema = z.enum(PARTICIPANT_STATUSES);
export const requestStatusSchema = z.enum(REQUEST_STATUSES);
export const meetingSourceSchema = z.enum(MEETING_SOURCES);
export const meetingStatusSchema = z.enum(MEETING_STATUSES);
export const runStatusSchema = z.enum(RUN_STATUSES);
export const meetingOutcomeSchema = z.enum(MEETING_OUTCOMES);

const line = (max: number) => oneLineText(max, 'partnering_control_characters');
const paragraph = (max: number) => multiLineText(max, 'partnering_control_characters');
const httpUrl = z.string().trim().pipe(webUrlSchema);
const versionSchema = z.number().int().min(1);
/** 'YYYY-MM-DD', a calendar day in the community's zone. */
const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** 'HH:mm', a wall-clock time in the community's zone. */
const clockSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const PARTNERING_LIMITS = {
  headline: 120,
  offerSeek: 2000,
  message: 1000,
  reason: 300,
  followUp: 1000,
  maxMeetings: 200,
  projects: 10,
  wishes: 200,
  slotsPerEvent: 2000,
  locationsPerBulk: 2000,
} as const;

// ================================================================ participants' side

export const participantEventParams = z.strictObject({ eventId: idSchema });
export const participantTargetParams = participantEventParams.extend({ participantId: idSchema });
export const requestParams = participantEventParams.extend({ requestId: idSchema });
export const participantMeetingParams = participantEventParams.extend({ meetingId: idSchema });

export const slotSchema = z.object({
  id: idSchema,
  day: daySchema,
  session: z.string(),
  startsAt: timestampSchema,
  endsAt: timestampSchema,
});
export type PartneringSlot = z.infer<typeof slotSchema>;

/** What organisers decided, as every participant may read it. */
export const partneringRulesSchema = z.object({
  mode: partneringModeSchema,
  optInOpen: z.boolean(),
  /** The effective deadline: the set one, or the event's start. */
  requestDeadline: timestampSchema,
  maxRequestsPerParticipant: z.number().int().nullable(),
  /** null: anyone may request anyone. */
  allowedPairs: z.array(z.tuple([partneringSideSchema, partneringSideSchema])).nullable(),
  defaultMaxMeetings: z.number().int().nullable(),
});

export const projectBriefSchema = z.object({
  id: idSchema,
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  segment: z.string(),
  stage: z.string(),
  fundingSoughtFen: z.number().nullable(),
});

/** A participant as the other participants see them. */
export const participantCardSchema = z.object({
  id: idSchema,
  side: partneringSideSchema,
  displayName: z.string(),
  organisationName: z.string(),
  organisationId: idSchema.nullable(),
  jobTitle: z.string(),
  headline: z.string(),
  offer: z.string(),
  seek: z.string(),
  segments: z.array(z.string()),
  stages: z.array(z.string()),
  projects: z.array(projectBriefSchema),
  meetingPlace: meetingPlaceSchema,
});
export type ParticipantCard = z.infer<typeof participantCardSchema>;

/** A participant's own record (their card plus what only they and organisers see). */
export const myParticipantSchema = participantCardSchema.extend({
  status: participantStatusSchema,
  maxMeetings: z.number().int().nullable(),
  onlineUrl: z.string().nullable(),
  unavailableSlotIds: z.array(idSchema),
  version: z.number().int(),
});
export type MyParticipant = z.infer<typeof myParticipantSchema>;

/** The partnering page's opening answer for the signed-in user. */
export const partneringOverviewSchema = z.object({
  event: z.object({
    id: idSchema,
    communityId: idSchema,
    communitySlug: z.string(),
    title: z.string(),
    kind: eventKindSchema,
    status: eventStatusSchema,
    startsAt: timestampSchema,
    endsAt: timestampSchema,
    venue: z.string(),
    timeZone: z.string(),
  }),
  rules: partneringRulesSchema,
  slots: z.array(slotSchema),
  me: myParticipantSchema.nullable(),
  /** Why the user cannot opt in, when they cannot: not registered (confirmed) or opt-in closed. */
  optInBlockedBy: z.enum(['not_registered', 'opt_in_closed', 'event_over']).nullable(),
  /** Whether the user may manage this event's partnering (a link to the organisers' page). */
  canManage: z.boolean(),
  counts: z.object({
    participants: z.number().int(),
    incomingPending: z.number().int(),
    outgoingLive: z.number().int(),
    accepted: z.number().int(),
    scheduled: z.number().int(),
  }),
  schedule: z.object({ version: z.number().int(), publishedAt: timestampSchema.nullable() }),
});
export type PartneringOverview = z.infer<typeof partneringOverviewSchema>;

/** What the directory says about the user, to prefill the opt-in form. */
export const participantPrefillSchema = z.object({
  displayName: z.string(),
  organisationId: idSchema.nullable(),
  organisationName: z.string(),
  jobTitle: z.string(),
  side: partneringSideSchema,
  segments: z.array(z.string()),
  stages: z.array(z.string()),
  /** Projects of the user's organisation they may present. */
  projects: z.array(projectBriefSchema),
});

export const participantProfileInput = z.strictObject({
  /** Absent when opting in; the version read when editing. */
  version: versionSchema.optional(),
  side: partneringSideSchema,
  displayName: line(80).pipe(z.string().min(1)),
  organisationName: line(120).default(''),
  jobTitle: line(80).default(''),
  headline: line(PARTNERING_LIMITS.headline).default(''),
  offer: paragraph(PARTNERING_LIMITS.offerSeek).default(''),
  seek: paragraph(PARTNERING_LIMITS.offerSeek).default(''),
  segments: z.array(z.string().max(60)).max(20).default([]),
  stages: z.array(z.string().max(60)).max(20).default([]),
  projectIds: z.array(idSchema).max(PARTNERING_LIMITS.projects).default([]),
  maxMeetings: z.number().int().min(0).max(PARTNERING_LIMITS.maxMeetings).nullable().default(null),
  meetingPlace: meetingPlaceSchema.default('table'),
  onlineUrl: httpUrl.nullable().default(null),
  unavailableSlotIds: z.array(idSchema).max(PARTNERING_LIMITS.slotsPerEvent).default([]),
});
export type ParticipantProfileInput = z.input<typeof participantProfileInput>;

export const withdrawInput = z.strictObject({ version: versionSchema });

/** Why a participant is suggested: the ranking's reasons, as codes the page words. */
export const matchReasonSchema = z.object({
  code: z.enum(['segment', 'stage', 'thesis_segment', 'thesis_stage', 'ticket_fits', 'seek_offer_text', 'side_pair']),
  /** The shared terms (taxonomy codes or words), when the reason has any. */
  terms: z.array(z.string()),
});

/** How the viewer stands with this participant. */
export const relationSchema = z.object({
  /** The live or last request between the two, either direction. */
  request: z
    .object({ id: idSchema, direction: z.enum(['outgoing', 'incoming']), status: requestStatusSchema, priority: partneringPrioritySchema })
    .nullable(),
  /** Wish-list mode: the viewer's wish for them, and whether they wished for the viewer too (shown only once mutual). */
  wish: partneringPrioritySchema.nullable(),
  mutualWish: z.boolean(),
  /** Whether the rules let the viewer send them a request now. */
  canRequest: z.boolean(),
  requestBlockedBy: z.enum(['self', 'rules_pair', 'deadline', 'max_requests', 'existing_request', 'withdrawn', 'wishlist_mode']).nullable(),
});

export const participantListItemSchema = participantCardSchema.extend({
  /** 0..1, higher fits better; null when sorted by name and not computed. */
  matchScore: z.number().nullable(),
  reasons: z.array(matchReasonSchema),
  relation: relationSchema,
});
export type ParticipantListItem = z.infer<typeof participantListItemSchema>;

export const participantListQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  side: partneringSideSchema.optional(),
  segment: z.string().max(60).optional(),
  /** match: best fits first (the default); name: alphabetical. */
  sort: z.enum(['match', 'name']).default('match'),
  ...pageQuery,
});
export const participantPageSchema = z.object({
  items: z.array(participantListItemSchema),
  total: z.number().int(),
  nextCursor: z.string().nullable(),
});

export const participantDetailSchema = participantListItemSchema;

// ---------------------------------------------------------------- requests

export const requestSchema = z.object({
  id: idSchema,
  direction: z.enum(['outgoing', 'incoming']),
  /** The other side. */
  counterpart: participantCardSchema,
  priority: partneringPrioritySchema,
  responsePriority: partneringPrioritySchema.nullable(),
  message: z.string(),
  status: requestStatusSchema,
  declineReason: z.string().nullable(),
  cancelledByMe: z.boolean().nullable(),
  respondedAt: timestampSchema.nullable(),
  createdAt: timestampSchema,
  /** The meeting an accepted request became, with its published slot when there is one. */
  meeting: z
    .object({ id: idSchema, slot: slotSchema.nullable(), locationName: z.string().nullable() })
    .nullable(),
  version: z.number().int(),
});
export type PartneringRequest = z.infer<typeof requestSchema>;

export const requestListQuery = z.strictObject({
  box: z.enum(['incoming', 'outgoing', 'all']).default('all'),
  status: requestStatusSchema.optional(),
  ...pageQuery,
});
export const requestPageSchema = z.object({ items: z.array(requestSchema), nextCursor: z.string().nullable() });

export const requestCreateInput = z.strictObject({
  toParticipantId: idSchema,
  priority: partneringPrioritySchema,
  message: paragraph(PARTNERING_LIMITS.message).default(''),
});
export const requestAcceptInput = z.strictObject({
  version: versionSchema,
  /** The receiver's own priority; the sender's when absent. */
  priority: partneringPrioritySchema.optional(),
});
export const requestDeclineInput = z.strictObject({ version: versionSchema, reason: line(PARTNERING_LIMITS.reason).optional() });
export const requestCancelInput = z.strictObject({ version: versionSchema, reason: line(PARTNERING_LIMITS.reason).optional() });

// ---------------------------------------------------------------- wish list

export const wishSchema = z.object({ target: participantCardSchema, priority: partneringPrioritySchema, mutual: z.boolean() });
export const wishListSchema = z.object({ items: z.array(wishSchema) });
/** Replaces the whole list (wish-list mode only); order in the list is not kept, priority is. */
export const wishListInput = z.strictObject({
  items: z
    .array(z.strictObject({ targetParticipantId: idSchema, priority: partneringPrioritySchema }))
    .max(PARTNERING_LIMITS.wishes)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((w, i) => {
        if (seen.has(w.targetParticipantId)) ctx.addIssue({ code: 'custom', path: [i, 'targetParticipantId'], message: 'partnering_duplicate_wish' });
        seen.add(w.targetParticipantId);
      });
    }),
});

// ---------------------------------------------------------------- the personal agenda

export const feedbackSchema = z.object({
  outcome: meetingOutcomeSchema,
  rating: z.number().int().min(1).max(5).nullable(),
  followUp: z.string(),
  updatedAt: timestampSchema,
});

export const agendaMeetingSchema = z.object({
  id: idSchema,
  counterpart: participantCardSchema,
  source: meetingSourceSchema,
  /** Published placement (the agenda shows only published meetings). */
  slot: slotSchema,
  location: z.object({ id: idSchema, kind: locationKindSchema, name: z.string(), onlineUrl: z.string().nullable() }),
  myFeedback: feedbackSchema.nullable(),
});
export type AgendaMeeting = z.infer<typeof agendaMeetingSchema>;

export const agendaSchema = z.object({
  timeZone: z.string(),
  schedule: z.object({ version: z.number().int(), publishedAt: timestampSchema.nullable() }),
  meetings: z.array(agendaMeetingSchema),
  /** Accepted meetings the published schedule does not hold (not yet scheduled, or could not be placed). */
  unscheduled: z.array(z.object({ id: idSchema, counterpart: participantCardSchema })),
});
export type Agenda = z.infer<typeof agendaSchema>;

export const feedbackInput = z
  .strictObject({
    outcome: meetingOutcomeSchema,
    rating: z.number().int().min(1).max(5).nullable().default(null),
    followUp: paragraph(PARTNERING_LIMITS.followUp).default(''),
  })
  .refine((f) => f.rating === null || f.outcome === 'held', { path: ['rating'], message: 'partnering_rating_only_held' });

// ================================================================ organisers' side

export const orgPartneringParams = eventParams;
export const orgSlotParams = eventParams.extend({ slotId: idSchema });
export const orgLocationParams = eventParams.extend({ locationId: idSchema });
export const orgParticipantParams = eventParams.extend({ participantId: idSchema });
export const orgMeetingParams = eventParams.extend({ meetingId: idSchema });
export const orgRunParams = eventParams.extend({ runId: idSchema });

export const settingsSchema = z.object({
  enabled: z.boolean(),
  mode: partneringModeSchema,
  optInOpen: z.boolean(),
  /** As set (null: the event's start). */
  requestDeadline: timestampSchema.nullable(),
  maxRequestsPerParticipant: z.number().int().nullable(),
  allowedPairs: z.array(z.tuple([partneringSideSchema, partneringSideSchema])).nullable(),
  defaultMaxMeetings: z.number().int().nullable(),
  fairness: z.number().int().nullable(),
  scheduleVersion: z.number().int(),
  publishedAt: timestampSchema.nullable(),
  timeZone: z.string(),
  /** 0 until enabled. */
  version: z.number().int(),
});
export type PartneringSettings = z.infer<typeof settingsSchema>;

/** Enables partnering when `version` is absent (409 when already enabled), else edits it. */
export const settingsInput = z.strictObject({
  version: versionSchema.optional(),
  mode: partneringModeSchema.optional(),
  optInOpen: z.boolean().optional(),
  requestDeadline: timestampSchema.nullable().optional(),
  maxRequestsPerParticipant: z.number().int().min(1).max(1000).nullable().optional(),
  allowedPairs: z
    .array(z.tuple([partneringSideSchema, partneringSideSchema]))
    .max(PARTNERING_SIDES.length ** 2)
    .nullable()
    .optional(),
  defaultMaxMeetings: z.number().int().min(1).max(PARTNERING_LIMITS.maxMeetings).nullable().optional(),
  fairness: z.number().int().min(0).max(20).nullable().optional(),
});

// ---------------------------------------------------------------- slots

export const orgSlotSchema = slotSchema.extend({
  /** Active meetings placed here, in the draft and in the published schedule. */
  draftMeetings: z.number().int(),
  publishedMeetings: z.number().int(),
});
export const slotListSchema = z.object({ timeZone: z.string(), items: z.array(orgSlotSchema) });

/**
 * Generates slots for days × sessions: each session from `start` to `end` cut into
 * `slotMinutes` pieces, skipping the breaks. Times are wall-clock in the community's zone.
 * `replace` deletes the existing slots first (409 when any holds a published meeting).
 */
export const slotGenerateInput = z.strictObject({
  days: z.array(daySchema).min(1).max(14),
  sessions: z
    .array(z.strictObject({ label: line(30).pipe(z.string().min(1)), start: clockSchema, end: clockSchema }))
    .min(1)
    .max(6),
  slotMinutes: z.number().int().min(5).max(240),
  /** Minutes between consecutive slots (changeover). */
  gapMinutes: z.number().int().min(0).max(120).default(0),
  breaks: z.array(z.strictObject({ start: clockSchema, end: clockSchema })).max(10).default([]),
  replace: z.boolean().default(false),
});
export const slotCreateInput = z.strictObject({ session: line(30).pipe(z.string().min(1)), startsAt: timestampSchema, endsAt: timestampSchema });

// ---------------------------------------------------------------- locations

export const orgLocationSchema = z.object({
  id: idSchema,
  kind: locationKindSchema,
  name: z.string(),
  owner: z.object({ id: idSchema, displayName: z.string(), organisationName: z.string() }).nullable(),
  onlineUrl: z.string().nullable(),
  position: z.number().int(),
  draftMeetings: z.number().int(),
  publishedMeetings: z.number().int(),
});
export const locationListSchema = z.object({ items: z.array(orgLocationSchema) });

export const locationCreateInput = z.strictObject({
  kind: locationKindSchema,
  name: line(60).pipe(z.string().min(1)),
  /** A booth or online room of one participant. */
  ownerParticipantId: idSchema.nullable().default(null),
  onlineUrl: httpUrl.nullable().default(null),
  position: z.number().int().min(0).max(100000).optional(),
});
/** Numbered locations in one go: `${prefix}${n}` for n in start..start+count-1 (names already taken are refused, 409). */
export const locationBulkInput = z.strictObject({
  kind: z.enum(['table', 'room', 'online']),
  /** Leading spaces go, a trailing one stays: "Table " + 1 makes "Table 1". */
  prefix: z
    .string()
    .max(30)
    .refine((v) => !CONTROL_CHARACTERS.test(v), { message: 'partnering_control_characters' })
    .transform((v) => v.trimStart())
    .default(''),
  start: z.number().int().min(0).max(100000).default(1),
  count: z.number().int().min(1).max(PARTNERING_LIMITS.locationsPerBulk),
});
export const locationUpdateInput = z.strictObject({
  name: line(60).pipe(z.string().min(1)).optional(),
  ownerParticipantId: idSchema.nullable().optional(),
  onlineUrl: httpUrl.nullable().optional(),
  position: z.number().int().min(0).max(100000).optional(),
});

// ---------------------------------------------------------------- participants (organisers' view)

export const orgParticipantSchema = myParticipantSchema.extend({
  email: z.string(),
  requestsSent: z.number().int(),
  requestsReceived: z.number().int(),
  meetingsAccepted: z.number().int(),
  meetingsDraft: z.number().int(),
  meetingsPublished: z.number().int(),
  /** Breaks in the draft schedule (idle runs between meetings on one day). */
  draftBreaks: z.number().int(),
});
export const orgParticipantQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  side: partneringSideSchema.optional(),
  status: participantStatusSchema.optional(),
  ...pageQuery,
});
export const orgParticipantPageSchema = z.object({ items: z.array(orgParticipantSchema), total: z.number().int(), nextCursor: z.string().nullable() });
export const orgParticipantUpdateInput = z.strictObject({
  version: versionSchema,
  maxMeetings: z.number().int().min(0).max(PARTNERING_LIMITS.maxMeetings).nullable().optional(),
  status: participantStatusSchema.optional(),
  unavailableSlotIds: z.array(idSchema).max(PARTNERING_LIMITS.slotsPerEvent).optional(),
});

// ---------------------------------------------------------------- meetings, runs, the draft, publishing

export const orgMeetingSchema = z.object({
  id: idSchema,
  source: meetingSourceSchema,
  status: meetingStatusSchema,
  requestId: idSchema.nullable(),
  participantA: z.object({ id: idSchema, displayName: z.string(), organisationName: z.string(), side: partneringSideSchema }),
  participantB: z.object({ id: idSchema, displayName: z.string(), organisationName: z.string(), side: partneringSideSchema }),
  weight: z.number().int(),
  draftSlotId: idSchema.nullable(),
  draftLocationId: idSchema.nullable(),
  publishedSlotId: idSchema.nullable(),
  publishedLocationId: idSchema.nullable(),
  locked: z.boolean(),
  /** A scheduler reason code (see docs/partnering/scheduler.md), when the last run could not place it. */
  unscheduledReason: z.string().nullable(),
  /** Draft placement differs from the published one (both set). */
  moved: z.boolean(),
  version: z.number().int(),
});
export type OrgMeeting = z.infer<typeof orgMeetingSchema>;

export const runOptionsInput = z.strictObject({
  /** Keep published meetings where they are (the default); false lets the run move them. */
  keepPublished: z.boolean().default(true),
  timeLimitSeconds: z.number().min(0.1).max(120).optional(),
  seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
});

export const runSummarySchema = z.object({
  meetings: z.number().int(),
  scheduled: z.number().int(),
  unscheduled: z.number().int(),
  scheduledWeight: z.number(),
  totalWeight: z.number(),
  breaks: z.number().int(),
  breakSpread: z.number().int(),
  /** What the scheduler proved, when it proved anything (e.g. weight optimal, zero breaks). */
  proved: z.array(z.string()),
  /** Published meetings whose draft placement the run changed (0 when keepPublished). */
  moved: z.number().int(),
  durationMs: z.number().int(),
});
export const runSchema = z.object({
  id: idSchema,
  status: runStatusSchema,
  startedAt: timestampSchema,
  finishedAt: timestampSchema.nullable(),
  startedBy: z.string().nullable(),
  options: z.object({ keepPublished: z.boolean(), timeLimitSeconds: z.number().nullable(), seed: z.number().int().nullable() }),
  summary: runSummarySchema.nullable(),
  error: z.string().nullable(),
});
export type PartneringRun = z.infer<typeof runSchema>;
export const runListSchema = z.object({ items: z.array(runSchema) });

export const scheduleQuery = z.strictObject({
  view: z.enum(['draft', 'published']).default('draft'),
  /** One day of the grid (the first day when absent). */
  day: daySchema.optional(),
  participantId: idSchema.optional(),
});
/** The grid for one day (slots × locations) and what could not be placed. */
export const scheduleSchema = z.object({
  view: z.enum(['draft', 'published']),
  timeZone: z.string(),
  days: z.array(daySchema),
  day: daySchema.nullable(),
  slots: z.array(slotSchema),
  locations: z.array(orgLocationSchema.pick({ id: true, kind: true, name: true, owner: true, onlineUrl: true, position: true })),
  /** Meetings placed on `day` in this view (or all of one participant's when participantId is given). */
  meetings: z.array(orgMeetingSchema),
  /** Active meetings without a placement in this view, with the reason the last run gave. */
  unplaced: z.array(orgMeetingSchema),
  summary: z.object({
    meetings: z.number().int(),
    placed: z.number().int(),
    locked: z.number().int(),
    /** Draft placements that differ from the published ones. */
    moved: z.number().int(),
    breaks: z.number().int(),
    breakSpread: z.number().int(),
  }),
  scheduleVersion: z.number().int(),
  publishedAt: timestampSchema.nullable(),
  /** The latest run, to show its summary above the grid. */
  lastRun: runSchema.nullable(),
});
export type PartneringSchedule = z.infer<typeof scheduleSchema>;

/** The schedule workbook (.xlsx): the draft (default) or the published schedule. */
export const scheduleExportQuery = z.strictObject({ view: z.enum(['draft', 'published']).default('draft') });

/** An organiser adds a meeting by hand (it is scheduled like the others). */
export const meetingCreateInput = z.strictObject({
  participantAId: idSchema,
  participantBId: idSchema,
  priority: partneringPrioritySchema.default('would_like'),
});
/** Move a meeting in the draft (both or neither of slot and location), lock or unlock it, or cancel it. */
export const meetingUpdateInput = z.strictObject({
  version: versionSchema,
  draftSlotId: idSchema.nullable().optional(),
  draftLocationId: idSchema.nullable().optional(),
  locked: z.boolean().optional(),
  status: z.literal('cancelled').optional(),
});

/** Publish the current draft; `scheduleVersion` is the published version the organiser saw (409 schedule_changed when another publish came first). */
export const publishInput = z.strictObject({ scheduleVersion: z.number().int().min(0) });
export const publishResultSchema = z.object({
  scheduleVersion: z.number().int(),
  publishedAt: timestampSchema,
  published: z.number().int(),
  /** Published before and now in another slot or location. */
  moved: z.number().int(),
  added: z.number().int(),
  /** Published before and now not in the schedule. */
  removed: z.number().int(),
  /** Participants told (those whose agenda changed). */
  notified: z.number().int(),
});

export const statsSchema = z.object({
  participants: z.number().int(),
  participantsBySide: z.array(z.object({ side: partneringSideSchema, count: z.number().int() })),
  requests: z.object({
    sent: z.number().int(),
    pending: z.number().int(),
    accepted: z.number().int(),
    declined: z.number().int(),
    cancelled: z.number().int(),
    byPriority: z.array(z.object({ priority: partneringPrioritySchema, count: z.number().int() })),
  }),
  wishes: z.object({ total: z.number().int(), mutualPairs: z.number().int() }),
  meetings: z.object({
    active: z.number().int(),
    scheduled: z.number().int(),
    held: z.number().int(),
    noShows: z.number().int(),
    /** Meetings with feedback from at least one side. */
    withFeedback: z.number().int(),
  }),
  /** Mean rating (1–5) over held meetings' ratings; null with none. */
  satisfaction: z.number().nullable(),
  ratings: z.number().int(),
  /** Share of received requests answered (accepted or declined). */
  responseRate: z.number().nullable(),
});
export type PartneringStats = z.infer<typeof statsSchema>;

// ================================================================ the signed-in user's partnering events

/** Events with partnering where the user takes part or may opt in (a confirmed registration), soonest first. */
export const myPartneringEventSchema = z.object({
  eventId: idSchema,
  title: z.string(),
  startsAt: timestampSchema,
  endsAt: timestampSchema,
  timeZone: z.string(),
  communityName: z.string(),
  /** null: not opted in yet. */
  participantStatus: participantStatusSchema.nullable(),
  incomingPending: z.number().int(),
  publishedMeetings: z.number().int(),
});
export const myPartneringEventsSchema = z.object({ items: z.array(myPartneringEventSchema) });
