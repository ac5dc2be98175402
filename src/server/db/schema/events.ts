import { sql } from 'drizzle-orm';
import {
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  real,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  APPLICATION_STATUSES,
  APPROVAL_MODES,
  EVENT_KINDS,
  EVENT_STATUSES,
  EVENT_VISIBILITIES,
  FOLLOW_UP_SOURCES,
  INVITATION_STATUSES,
  NORMALISATIONS,
  ORGANISER_ROLES,
  RECUSAL_SOURCES,
  REGISTRATION_STATUSES,
  ROUND_KINDS,
  ROUND_STATUSES,
  SESSION_KINDS,
  SESSION_ROLES,
  SIGNING_STATUSES,
} from '../../../domain/events/vocabularies';
import type { Question } from '../../../domain/events/questions';
import { agreements } from './agreements';
import { communities } from './communities';
import { created, inList, updated } from './columns';
import { files, organisations, people, projects } from './directory';
import { pipelineItems } from './pipelines';
import { users } from './users';

/**
 * An event a community runs: a salon, forum, roadshow, competition, closed-door meeting,
 * signing ceremony, training or partnering day. Times are instants; pages show them in the
 * community's time zone. `descriptionHtml` is stored already sanitised.
 */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull().default(''),
    descriptionHtml: text('description_html').notNull().default(''),
    venue: text('venue').notNull().default(''),
    onlineUrl: text('online_url'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    visibility: text('visibility').notNull().default('public'),
    status: text('status').notNull().default('draft'),
    approvalMode: text('approval_mode').notNull().default('automatic'),
    /** Registration closes at this instant (null: when the event starts). */
    registrationClosesAt: timestamp('registration_closes_at', { withTimezone: true }),
    /** Custom questions of the registration form, beside the standard fields. */
    registrationQuestions: jsonb('registration_questions').$type<Question[]>().notNull().default(sql`'[]'`),
    /** Roadshows and competitions: the call for applications. */
    applicationsOpen: boolean('applications_open').notNull().default(false),
    applicationDeadline: timestamp('application_deadline', { withTimezone: true }),
    applicationQuestions: jsonb('application_questions').$type<Question[]>().notNull().default(sql`'[]'`),
    normalisation: text('normalisation').notNull().default('raw_mean'),
    /** Set once when the day-before reminders are queued, so several servers queue them once. */
    remindersQueuedAt: timestamp('reminders_queued_at', { withTimezone: true }),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('events_community_idx').on(t.communityId, t.startsAt),
    index('events_reminders_idx').on(t.startsAt).where(sql`${t.status} = 'published' and ${t.remindersQueuedAt} is null`),
    check('events_kind_known', inList(t.kind, EVENT_KINDS)),
    check('events_visibility_known', inList(t.visibility, EVENT_VISIBILITIES)),
    check('events_status_known', inList(t.status, EVENT_STATUSES)),
    check('events_approval_known', inList(t.approvalMode, APPROVAL_MODES)),
    check('events_normalisation_known', inList(t.normalisation, NORMALISATIONS)),
    check('events_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
    check('events_closed_door_invitation', sql`${t.kind} <> 'closed_door' or ${t.visibility} = 'invitation'`),
  ],
);

/** Organisations behind an event: host, co-host, guidance (指导单位), support (支持单位). */
export const eventOrganisers = pgTable(
  'event_organisers',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    position: smallint('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.organisationId] }),
    index('event_organisers_org_idx').on(t.organisationId),
    check('event_organisers_role_known', inList(t.role, ORGANISER_ROLES)),
  ],
);

/** One item of the agenda: a time, a room, a kind, and the people on stage. */
export const eventSessions = pgTable(
  'event_sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    room: text('room').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('event_sessions_event_idx').on(t.eventId, t.startsAt),
    check('event_sessions_kind_known', inList(t.kind, SESSION_KINDS)),
    check('event_sessions_ends_after_start', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);

/** Speakers and moderators of a session, as directory people. */
export const eventSessionPeople = pgTable(
  'event_session_people',
  {
    sessionId: uuid('session_id')
      .notNull()
      .references(() => eventSessions.id, { onDelete: 'cascade' }),
    personId: uuid('person_id')
      .notNull()
      .references(() => people.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    position: smallint('position').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.sessionId, t.personId, t.role] }),
    index('event_session_people_person_idx').on(t.personId),
    check('event_session_people_role_known', inList(t.role, SESSION_ROLES)),
  ],
);

/**
 * A kind of ticket with its own capacity (investors, enterprises, media …). `confirmedCount`
 * is kept by a trigger on event_registrations, and the CHECK refuses any write that would put
 * more confirmed registrations on a ticket type than it has seats, whichever server wrote it.
 * `waitlistSeq` numbers the waitlist in arrival order: a registration takes the row lock by
 * bumping it, so arrivals are serialised per ticket type.
 */
export const eventTicketTypes = pgTable(
  'event_ticket_types',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    capacity: integer('capacity').notNull(),
    confirmedCount: integer('confirmed_count').notNull().default(0),
    waitlistSeq: integer('waitlist_seq').notNull().default(0),
    /** Closed ticket types take no new registrations (existing ones stand). */
    isOpen: boolean('is_open').notNull().default(true),
    position: smallint('position').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [
    index('event_ticket_types_event_idx').on(t.eventId),
    uniqueIndex('event_ticket_types_name_key').on(t.eventId, t.name),
    check('event_ticket_types_capacity_range', sql`${t.capacity} >= 0 and ${t.capacity} <= 100000`),
    check('event_ticket_types_within_capacity', sql`${t.confirmedCount} >= 0 and ${t.confirmedCount} <= ${t.capacity}`),
  ],
);

/** A personal invitation to an event: the link carries `token`; one registration per invitation. */
export const eventInvitations = pgTable(
  'event_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    name: text('name').notNull(),
    ticketTypeId: uuid('ticket_type_id')
      .notNull()
      .references(() => eventTicketTypes.id, { onDelete: 'cascade' }),
    token: text('token').notNull(),
    locale: text('locale').notNull().default('zh-CN'),
    note: text('note').notNull().default(''),
    personId: uuid('person_id').references(() => people.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('sent'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('event_invitations_token_key').on(t.token),
    uniqueIndex('event_invitations_email_key').on(t.eventId, t.email),
    check('event_invitations_status_known', inList(t.status, INVITATION_STATUSES)),
    check('event_invitations_email_normalised', sql`${t.email} = lower(btrim(${t.email}))`),
  ],
);

/**
 * A person's registration. Anyone may register for a public event without an account: the
 * registrant manages it through `manageToken` (sent by e-mail), the door scans `code`.
 * One live registration per e-mail address (and per account) per event, by unique indexes.
 */
export const eventRegistrations = pgTable(
  'event_registrations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    ticketTypeId: uuid('ticket_type_id')
      .notNull()
      .references(() => eventTicketTypes.id, { onDelete: 'restrict' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    invitationId: uuid('invitation_id').references(() => eventInvitations.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    email: text('email').notNull(),
    phone: text('phone').notNull().default(''),
    organisationName: text('organisation_name').notNull().default(''),
    jobTitle: text('job_title').notNull().default(''),
    /** The directory organisation, when the registrant's is known there (for follow-ups). */
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    locale: text('locale').notNull().default('zh-CN'),
    status: text('status').notNull(),
    /** Place in the waitlist's arrival order (from the ticket type's waitlistSeq); set only while waitlisted. */
    waitlistNo: integer('waitlist_no'),
    /** What the door scans (shown as a QR code); short, unambiguous characters. */
    code: text('code').notNull(),
    /** The registrant's own link to see, cancel and download the registration. */
    manageToken: text('manage_token').notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    checkedInBy: uuid('checked_in_by').references(() => users.id, { onDelete: 'set null' }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    declineReason: text('decline_reason'),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** Arrival order across the whole event (bigserial: increases with each insert). */
    seq: bigserial('seq', { mode: 'number' }).notNull(),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('event_registrations_code_key').on(t.code),
    uniqueIndex('event_registrations_manage_key').on(t.manageToken),
    uniqueIndex('event_registrations_live_email_key').on(t.eventId, t.email).where(sql`${t.status} in ('pending', 'confirmed', 'waitlisted')`),
    uniqueIndex('event_registrations_live_user_key').on(t.eventId, t.userId).where(sql`${t.userId} is not null and ${t.status} in ('pending', 'confirmed', 'waitlisted')`),
    uniqueIndex('event_registrations_invitation_key').on(t.invitationId).where(sql`${t.invitationId} is not null and ${t.status} in ('pending', 'confirmed', 'waitlisted')`),
    uniqueIndex('event_registrations_waitlist_key').on(t.ticketTypeId, t.waitlistNo).where(sql`${t.waitlistNo} is not null`),
    index('event_registrations_event_idx').on(t.eventId, t.seq),
    index('event_registrations_user_idx').on(t.userId),
    index('event_registrations_ticket_idx').on(t.ticketTypeId, t.status),
    check('event_registrations_status_known', inList(t.status, REGISTRATION_STATUSES)),
    check('event_registrations_waitlist_only_waiting', sql`(${t.status} = 'waitlisted') = (${t.waitlistNo} is not null)`),
    check('event_registrations_checkin_confirmed', sql`${t.checkedInAt} is null or ${t.status} = 'confirmed'`),
    check('event_registrations_email_normalised', sql`${t.email} = lower(btrim(${t.email}))`),
  ],
);

/**
 * An application to a roadshow or competition. Like registrations, applicants need no account:
 * `manageToken` is their link to the application and, once published, its results.
 */
export const eventApplications = pgTable(
  'event_applications',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The directory project and organisation, when known (set by the applicant or linked by an organiser). */
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    projectName: text('project_name').notNull(),
    organisationName: text('organisation_name').notNull(),
    summary: text('summary').notNull().default(''),
    segment: text('segment'),
    /** [{ name, role }] */
    team: jsonb('team').$type<{ name: string; role: string }[]>().notNull().default(sql`'[]'`),
    deckFileId: uuid('deck_file_id').references(() => files.id, { onDelete: 'set null' }),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default(sql`'{}'`),
    contactName: text('contact_name').notNull(),
    contactEmail: text('contact_email').notNull(),
    contactPhone: text('contact_phone').notNull().default(''),
    locale: text('locale').notNull().default('zh-CN'),
    status: text('status').notNull().default('submitted'),
    screeningNote: text('screening_note').notNull().default(''),
    screenedBy: uuid('screened_by').references(() => users.id, { onDelete: 'set null' }),
    screenedAt: timestamp('screened_at', { withTimezone: true }),
    manageToken: text('manage_token').notNull(),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('event_applications_manage_key').on(t.manageToken),
    uniqueIndex('event_applications_project_key').on(t.eventId, t.projectId).where(sql`${t.projectId} is not null and ${t.status} <> 'withdrawn'`),
    uniqueIndex('event_applications_name_key').on(t.eventId, t.contactEmail, t.projectName).where(sql`${t.status} <> 'withdrawn'`),
    index('event_applications_event_idx').on(t.eventId, t.createdAt),
    check('event_applications_status_known', inList(t.status, APPLICATION_STATUSES)),
    check('event_applications_email_normalised', sql`${t.contactEmail} = lower(btrim(${t.contactEmail}))`),
  ],
);

/** A round of judging: preliminary, semi-final, final. The entries are the applications that go on to it. */
export const eventRounds = pgTable(
  'event_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    position: smallint('position').notNull(),
    status: text('status').notNull().default('open'),
    /** The scale every criterion of the round is scored on. */
    scoreMin: real('score_min').notNull().default(0),
    scoreMax: real('score_max').notNull().default(10),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('event_rounds_position_key').on(t.eventId, t.position),
    check('event_rounds_kind_known', inList(t.kind, ROUND_KINDS)),
    check('event_rounds_status_known', inList(t.status, ROUND_STATUSES)),
    check('event_rounds_score_range', sql`${t.scoreMax} > ${t.scoreMin}`),
  ],
);

/** A weighted criterion of a round (技术创新性 30%, 市场前景 25% …). */
export const eventCriteria = pgTable(
  'event_criteria',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => eventRounds.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    weight: real('weight').notNull(),
    position: smallint('position').notNull().default(0),
  },
  (t) => [index('event_criteria_round_idx').on(t.roundId), check('event_criteria_weight_positive', sql`${t.weight} > 0`)],
);

/** The applications in a round; on publishing, the rank and award as published. */
export const eventRoundEntries = pgTable(
  'event_round_entries',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => eventRounds.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => eventApplications.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull().default(0),
    publishedRank: integer('published_rank'),
    publishedScore: real('published_score'),
    award: text('award').notNull().default(''),
    advanced: boolean('advanced').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.applicationId] }), index('event_round_entries_application_idx').on(t.applicationId)],
);

/** The judges of a round: accounts (a judge's directory person, found by people.user_id, gives the affiliations). */
export const eventRoundJudges = pgTable(
  'event_round_judges',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => eventRounds.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId] }), index('event_round_judges_user_idx').on(t.userId)],
);

/** A judge who does not score an application in a round, and why. */
export const eventRecusals = pgTable(
  'event_recusals',
  {
    roundId: uuid('round_id')
      .notNull()
      .references(() => eventRounds.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => eventApplications.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    reason: text('reason').notNull().default(''),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.roundId, t.userId, t.applicationId] }), check('event_recusals_source_known', inList(t.source, RECUSAL_SOURCES))],
);

/** One judge's scores for one application in one round: { criterionId: score }, a comment, submitted or draft. */
export const eventScoreSheets = pgTable(
  'event_score_sheets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    roundId: uuid('round_id')
      .notNull()
      .references(() => eventRounds.id, { onDelete: 'cascade' }),
    applicationId: uuid('application_id')
      .notNull()
      .references(() => eventApplications.id, { onDelete: 'cascade' }),
    judgeUserId: uuid('judge_user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default(sql`'{}'`),
    comment: text('comment').notNull().default(''),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [uniqueIndex('event_score_sheets_key').on(t.roundId, t.applicationId, t.judgeUserId), index('event_score_sheets_judge_idx').on(t.judgeUserId)],
);

/** Projects presented at an event (roadshow slots, a closed-door meeting's projects), in running order. */
export const eventProjects = pgTable(
  'event_projects',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    sessionId: uuid('session_id').references(() => eventSessions.id, { onDelete: 'set null' }),
    position: smallint('position').notNull().default(0),
    note: text('note').notNull().default(''),
    createdAt: created(),
  },
  (t) => [primaryKey({ columns: [t.eventId, t.projectId] }), index('event_projects_project_idx').on(t.projectId)],
);

/**
 * Materials shared with an event's confirmed attendees only (a closed-door meeting's decks):
 * seeing them here grants nothing outside this event.
 */
export const eventMaterials = pgTable(
  'event_materials',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: created(),
  },
  (t) => [index('event_materials_event_idx').on(t.eventId)],
);

/** A signing ceremony's running order: the agreements to be signed, each an agreement record. */
export const eventSignings = pgTable(
  'event_signings',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    sessionId: uuid('session_id').references(() => eventSessions.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('planned'),
    note: text('note').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.eventId, t.agreementId] }),
    uniqueIndex('event_signings_agreement_key').on(t.agreementId),
    check('event_signings_status_known', inList(t.status, SIGNING_STATUSES)),
  ],
);

/** A pipeline item created from an event: who or what it came from. */
export const eventFollowUps = pgTable(
  'event_follow_ups',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    pipelineItemId: uuid('pipeline_item_id')
      .notNull()
      .references(() => pipelineItems.id, { onDelete: 'cascade' }),
    source: text('source').notNull(),
    registrationId: uuid('registration_id').references(() => eventRegistrations.id, { onDelete: 'set null' }),
    applicationId: uuid('application_id').references(() => eventApplications.id, { onDelete: 'set null' }),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('event_follow_ups_item_key').on(t.pipelineItemId),
    index('event_follow_ups_event_idx').on(t.eventId),
    check('event_follow_ups_source_known', inList(t.source, FOLLOW_UP_SOURCES)),
  ],
);
