import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
} from '../../../domain/partnering/vocabularies';
import type { PartneringSide } from '../../../domain/partnering/vocabularies';
import { created, inList, updated } from './columns';
import { organisations, people } from './directory';
import { eventRegistrations, events } from './events';
import { users } from './users';

/**
 * Partnering (one-to-one meetings) at an event: its rules, slots, locations, participants,
 * requests or wishes, the meetings they become, scheduler runs, and feedback afterwards.
 * A row here exists only for events whose organisers turned partnering on.
 */
export const partneringSettings = pgTable(
  'partnering_settings',
  {
    eventId: uuid('event_id')
      .primaryKey()
      .references(() => events.id, { onDelete: 'cascade' }),
    mode: text('mode').notNull().default('requests'),
    /** Participants may opt in (and edit their profile) while this is true. */
    optInOpen: boolean('opt_in_open').notNull().default(true),
    /** No new requests, wishes or acceptances after this instant (null: until the event starts). */
    requestDeadline: timestamp('request_deadline', { withTimezone: true }),
    /** Live requests (pending or accepted) a participant may have sent; null: no limit. */
    maxRequestsPerParticipant: integer('max_requests_per_participant'),
    /** [fromSide, toSide] pairs allowed to request; null: anyone may request anyone. */
    allowedPairs: jsonb('allowed_pairs').$type<[PartneringSide, PartneringSide][] | null>(),
    /** A participant's meeting cap when they set none; null: no cap beyond the slots. */
    defaultMaxMeetings: smallint('default_max_meetings'),
    /** Fairness bound d for the scheduler (break counts differ by at most d); null: none. */
    fairness: smallint('fairness'),
    /** Increments with each publish; a publish names the one it replaces, so two at once cannot both win. */
    scheduleVersion: integer('schedule_version').notNull().default(0),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    publishedBy: uuid('published_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    check('partnering_settings_mode_known', inList(t.mode, PARTNERING_MODES)),
    check('partnering_settings_max_requests_positive', sql`${t.maxRequestsPerParticipant} is null or ${t.maxRequestsPerParticipant} >= 1`),
    check('partnering_settings_max_meetings_positive', sql`${t.defaultMaxMeetings} is null or ${t.defaultMaxMeetings} >= 1`),
    check('partnering_settings_fairness_positive', sql`${t.fairness} is null or ${t.fairness} >= 0`),
  ],
);

/** One meeting slot. `day` is the calendar date in the community's zone; `session` a label such as "morning". */
export const partneringSlots = pgTable(
  'partnering_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    day: text('day').notNull(),
    session: text('session').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('partnering_slots_start_key').on(t.eventId, t.startsAt),
    check('partnering_slots_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('partnering_slots_day_format', sql`${t.day} ~ '^\\d{4}-\\d{2}-\\d{2}$'`),
  ],
);

/** Participants of partnering: a signed-in registrant of the event with a partnering profile. */
export const partneringParticipants = pgTable(
  'partnering_participants',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    registrationId: uuid('registration_id').references(() => eventRegistrations.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    side: text('side').notNull(),
    displayName: text('display_name').notNull(),
    organisationName: text('organisation_name').notNull().default(''),
    jobTitle: text('job_title').notNull().default(''),
    /** One line under the name in lists. */
    headline: text('headline').notNull().default(''),
    offer: text('offer').notNull().default(''),
    seek: text('seek').notNull().default(''),
    /** Taxonomy codes (segment, stage), copied from the directory at opt-in and editable. */
    segments: text('segments').array().notNull().default(sql`'{}'`),
    stages: text('stages').array().notNull().default(sql`'{}'`),
    /** Directory projects the participant presents (their organisation's). */
    projectIds: uuid('project_ids').array().notNull().default(sql`'{}'`),
    maxMeetings: smallint('max_meetings'),
    meetingPlace: text('meeting_place').notNull().default('table'),
    /** The participant's own video link when they meet online. */
    onlineUrl: text('online_url'),
    status: text('status').notNull().default('active'),
    locale: text('locale').notNull().default('zh-CN'),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('partnering_participants_user_key').on(t.eventId, t.userId),
    index('partnering_participants_user_idx').on(t.userId),
    check('partnering_participants_side_known', inList(t.side, PARTNERING_SIDES)),
    check('partnering_participants_place_known', inList(t.meetingPlace, MEETING_PLACES)),
    check('partnering_participants_status_known', inList(t.status, PARTICIPANT_STATUSES)),
    check('partnering_participants_max_meetings', sql`${t.maxMeetings} is null or ${t.maxMeetings} >= 0`),
  ],
);

/** Slots a participant cannot attend. */
export const partneringUnavailability = pgTable(
  'partnering_unavailability',
  {
    participantId: uuid('participant_id')
      .notNull()
      .references(() => partneringParticipants.id, { onDelete: 'cascade' }),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => partneringSlots.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.participantId, t.slotId] }), index('partnering_unavailability_slot_idx').on(t.slotId)],
);

/**
 * Where meetings happen: numbered tables, rooms and online rooms everyone shares, and booths
 * (or online rooms) that belong to one participant, which only that participant's meetings use.
 */
export const partneringLocations = pgTable(
  'partnering_locations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    ownerParticipantId: uuid('owner_participant_id').references(() => partneringParticipants.id, { onDelete: 'cascade' }),
    onlineUrl: text('online_url'),
    position: integer('position').notNull().default(0),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('partnering_locations_name_key').on(t.eventId, t.name),
    index('partnering_locations_owner_idx').on(t.ownerParticipantId),
    check('partnering_locations_kind_known', inList(t.kind, LOCATION_KINDS)),
  ],
);

/** A meeting request; the other side accepts or declines, either side may cancel. */
export const partneringRequests = pgTable(
  'partnering_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    fromParticipantId: uuid('from_participant_id')
      .notNull()
      .references(() => partneringParticipants.id, { onDelete: 'cascade' }),
    toParticipantId: uuid('to_participant_id')
      .notNull()
      .references(() => partneringParticipants.id, { onDelete: 'cascade' }),
    priority: text('priority').notNull(),
    /** The receiver's own priority, given when accepting. */
    responsePriority: text('response_priority'),
    message: text('message').notNull().default(''),
    status: text('status').notNull().default('pending'),
    declineReason: text('decline_reason'),
    respondedAt: timestamp('responded_at', { withTimezone: true }),
    cancelledByParticipantId: uuid('cancelled_by_participant_id').references(() => partneringParticipants.id, { onDelete: 'set null' }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    // One live request per pair, whichever side sent it.
    uniqueIndex('partnering_requests_live_pair_key')
      .on(t.eventId, sql`least(${t.fromParticipantId}, ${t.toParticipantId})`, sql`greatest(${t.fromParticipantId}, ${t.toParticipantId})`)
      .where(sql`${t.status} in ('pending', 'accepted')`),
    index('partnering_requests_from_idx').on(t.fromParticipantId, t.status),
    index('partnering_requests_to_idx').on(t.toParticipantId, t.status),
    check('partnering_requests_two_sides', sql`${t.fromParticipantId} <> ${t.toParticipantId}`),
    check('partnering_requests_status_known', inList(t.status, REQUEST_STATUSES)),
    check('partnering_requests_priority_known', inList(t.priority, PARTNERING_PRIORITIES)),
    check('partnering_requests_response_priority_known', sql`${t.responsePriority} is null or ${inList(t.responsePriority, PARTNERING_PRIORITIES)}`),
  ],
);

/** Wish-list mode: a participant ranks whom they want to meet; mutual wishes become meetings. */
export const partneringWishes = pgTable(
  'partnering_wishes',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => partneringParticipants.id, { onDelete: 'cascade' }),
    targetParticipantId: uuid('target_participant_id')
      .notNull()
      .references(() => partneringParticipants.id, { onDelete: 'cascade' }),
    priority: text('priority').notNull(),
    createdAt: created(),
  },
  (t) => [
    primaryKey({ columns: [t.participantId, t.targetParticipantId] }),
    index('partnering_wishes_target_idx').on(t.targetParticipantId),
    index('partnering_wishes_event_idx').on(t.eventId),
    check('partnering_wishes_two_sides', sql`${t.participantId} <> ${t.targetParticipantId}`),
    check('partnering_wishes_priority_known', inList(t.priority, PARTNERING_PRIORITIES)),
  ],
);

/** A scheduler run: one at a time per event (the partial unique index), with what it found. */
export const partneringRuns = pgTable(
  'partnering_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    status: text('status').notNull().default('running'),
    startedBy: uuid('started_by').references(() => users.id, { onDelete: 'set null' }),
    startedAt: timestamp('started_at', { withTimezone: true }).notNull().defaultNow(),
    /** A running run whose lease passed is taken to have died with its server. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }).notNull(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    /** keepPublished, seed, timeLimitSeconds … as asked. */
    options: jsonb('options').$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    /** What the run found: counts, weight, breaks, spread, bounds, moved, duration (see the API schema). */
    summary: jsonb('summary').$type<Record<string, unknown>>(),
    error: text('error'),
  },
  (t) => [
    uniqueIndex('partnering_runs_one_running_key').on(t.eventId).where(sql`${t.status} = 'running'`),
    index('partnering_runs_event_idx').on(t.eventId, t.startedAt),
    check('partnering_runs_status_known', inList(t.status, RUN_STATUSES)),
  ],
);

/**
 * A meeting to schedule: from an accepted request, a mutual wish, or added by an organiser.
 * The draft placement is what the last run (or a hand edit) proposes; the published one is what
 * participants see. Locked meetings keep their draft placement through re-runs.
 */
export const partneringMeetings = pgTable(
  'partnering_meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id').references(() => partneringRequests.id, { onDelete: 'set null' }),
    participantAId: uuid('participant_a_id')
      .notNull()
      .references(() => partneringParticipants.id, { onDelete: 'cascade' }),
    participantBId: uuid('participant_b_id')
      .notNull()
      .references(() => partneringParticipants.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    weight: integer('weight').notNull(),
    status: text('status').notNull().default('active'),
    draftSlotId: uuid('draft_slot_id').references(() => partneringSlots.id, { onDelete: 'set null' }),
    draftLocationId: uuid('draft_location_id').references(() => partneringLocations.id, { onDelete: 'set null' }),
    /** The rule that kept the last run from placing it (a scheduler reason code). */
    unscheduledReason: text('unscheduled_reason'),
    locked: boolean('locked').notNull().default(false),
    publishedSlotId: uuid('published_slot_id').references(() => partneringSlots.id, { onDelete: 'set null' }),
    publishedLocationId: uuid('published_location_id').references(() => partneringLocations.id, { onDelete: 'set null' }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('partnering_meetings_request_key').on(t.requestId).where(sql`${t.requestId} is not null`),
    uniqueIndex('partnering_meetings_live_pair_key')
      .on(t.eventId, sql`least(${t.participantAId}, ${t.participantBId})`, sql`greatest(${t.participantAId}, ${t.participantBId})`)
      .where(sql`${t.status} = 'active'`),
    // A location holds one meeting per slot, in the draft and in the published schedule.
    uniqueIndex('partnering_meetings_draft_place_key')
      .on(t.draftSlotId, t.draftLocationId)
      .where(sql`${t.status} = 'active' and ${t.draftSlotId} is not null and ${t.draftLocationId} is not null`),
    uniqueIndex('partnering_meetings_published_place_key')
      .on(t.publishedSlotId, t.publishedLocationId)
      .where(sql`${t.status} = 'active' and ${t.publishedSlotId} is not null and ${t.publishedLocationId} is not null`),
    index('partnering_meetings_event_idx').on(t.eventId),
    index('partnering_meetings_a_idx').on(t.participantAId),
    index('partnering_meetings_b_idx').on(t.participantBId),
    check('partnering_meetings_two_sides', sql`${t.participantAId} <> ${t.participantBId}`),
    check('partnering_meetings_source_known', inList(t.source, MEETING_SOURCES)),
    check('partnering_meetings_status_known', inList(t.status, MEETING_STATUSES)),
    check('partnering_meetings_weight_positive', sql`${t.weight} > 0`),
    check('partnering_meetings_draft_whole', sql`(${t.draftSlotId} is null) = (${t.draftLocationId} is null)`),
    check('partnering_meetings_published_whole', sql`(${t.publishedSlotId} is null) = (${t.publishedLocationId} is null)`),
  ],
);

/** Each side's own account of a meeting afterwards. */
export const partneringFeedback = pgTable(
  'partnering_feedback',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => partneringMeetings.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => partneringParticipants.id, { onDelete: 'cascade' }),
    outcome: text('outcome').notNull(),
    /** 1–5; only when the meeting was held. */
    rating: smallint('rating'),
    followUp: text('follow_up').notNull().default(''),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.participantId] }),
    check('partnering_feedback_outcome_known', inList(t.outcome, MEETING_OUTCOMES)),
    check('partnering_feedback_rating_range', sql`${t.rating} is null or (${t.rating} between 1 and 5 and ${t.outcome} = 'held')`),
  ],
);
