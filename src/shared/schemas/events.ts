/**
 * The API contract of events, core part: the event itself (kind, times, venue, visibility,
 * organisers) as organisers and members see it, and the custom-question definitions used by
 * the registration and application forms. Registrations, the door, applications, judging,
 * outcomes and messages have their own schema files beside this one.
 */
import { z } from 'zod';
import { QUESTION_LIMITS } from '../../domain/events/questions';
import {
  APPROVAL_MODES,
  EVENT_KINDS,
  EVENT_STATUSES,
  EVENT_VISIBILITIES,
  NORMALISATIONS,
  ORGANISER_ROLES,
  QUESTION_TYPES,
  SESSION_KINDS,
  SESSION_ROLES,
} from '../../domain/events/vocabularies';
import { communityRefSchema, idSchema, timestampSchema } from './common';
import { entityRefSchema } from './directory';

export const eventKindSchema = z.enum(EVENT_KINDS);
export const eventVisibilitySchema = z.enum(EVENT_VISIBILITIES);
export const eventStatusSchema = z.enum(EVENT_STATUSES);
export const approvalModeSchema = z.enum(APPROVAL_MODES);
export const organiserRoleSchema = z.enum(ORGANISER_ROLES);
export const normalisationSchema = z.enum(NORMALISATIONS);

/** Every route under an event names its community too, so the tenancy gate runs first. */
export const eventParams = z.strictObject({ communityId: idSchema, eventId: idSchema });

// ---------------------------------------------------------------- custom questions

export const questionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_]{1,40}$/),
  type: z.enum(QUESTION_TYPES),
  label: z.string().trim().min(1).max(QUESTION_LIMITS.labelLength),
  options: z.array(z.string().trim().min(1).max(QUESTION_LIMITS.optionLength)).max(QUESTION_LIMITS.maxOptions).default([]),
  required: z.boolean().default(false),
  maxLength: z.number().int().min(1).max(QUESTION_LIMITS.textLength).default(500),
});
/** A form's questions: unique ids; single and multi questions offer at least two choices. */
export const questionListSchema = z
  .array(questionSchema)
  .max(QUESTION_LIMITS.maxQuestions)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: 'duplicate' });
      seen.add(q.id);
      if ((q.type === 'single' || q.type === 'multi') && q.options.length < 2) ctx.addIssue({ code: 'custom', path: [i, 'options'], message: 'too_few_options' });
    });
  });
export type QuestionInput = z.input<typeof questionSchema>;
export type QuestionDef = z.infer<typeof questionSchema>;
/** Answers as posted: question id → text, choice(s) or a tick. */
export const answersSchema = z.record(z.string().max(40), z.union([z.string().max(QUESTION_LIMITS.textLength * 2), z.array(z.string().max(200)).max(QUESTION_LIMITS.maxOptions), z.boolean()]));

// ---------------------------------------------------------------- the event

export const eventOrganiserSchema = z.object({ organisation: entityRefSchema, role: organiserRoleSchema, position: z.number().int() });
export type EventOrganiser = z.infer<typeof eventOrganiserSchema>;

/** An event in lists: enough for a row or a card. */
export const eventSummarySchema = z.object({
  id: idSchema,
  communityId: idSchema,
  kind: eventKindSchema,
  title: z.string(),
  summary: z.string(),
  venue: z.string(),
  onlineUrl: z.string().nullable(),
  startsAt: timestampSchema,
  endsAt: timestampSchema,
  timeZone: z.string(),
  visibility: eventVisibilitySchema,
  status: eventStatusSchema,
  /** Confirmed registrations and total seats over all ticket types. */
  confirmedCount: z.number().int(),
  capacity: z.number().int(),
  checkedInCount: z.number().int(),
});
export type EventSummary = z.infer<typeof eventSummarySchema>;

/** One event as its organisers and the community's members see it. */
export const eventDetailSchema = eventSummarySchema.extend({
  community: communityRefSchema,
  descriptionHtml: z.string(),
  approvalMode: approvalModeSchema,
  registrationClosesAt: timestampSchema.nullable(),
  registrationQuestions: z.array(questionSchema),
  applicationsOpen: z.boolean(),
  applicationDeadline: timestampSchema.nullable(),
  applicationQuestions: z.array(questionSchema),
  normalisation: normalisationSchema,
  organisers: z.array(eventOrganiserSchema),
  publishedAt: timestampSchema.nullable(),
  cancelledAt: timestampSchema.nullable(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
  /** The caller may change the event and see its registrations (events.manage). */
  canManage: z.boolean(),
  /** The public page's address (/e/<id>), for sharing. */
  publicPath: z.string(),
});
export type EventDetail = z.infer<typeof eventDetailSchema>;

// ---------------------------------------------------------------- writing the event

const text = (max: number) => z.string().trim().max(max);
/** Links people click: http or https only (no javascript:, data: or file:). */
export const webUrlSchema = z.url({ protocol: /^https?$/ }).max(500);

export const EVENT_LIMITS = { title: 200, summary: 500, descriptionHtml: 50_000, venue: 300, organisers: 20, capacity: 100_000 } as const;

export const eventOrganiserInput = z.strictObject({ organisationId: idSchema, role: organiserRoleSchema });
export type EventOrganiserInput = z.input<typeof eventOrganiserInput>;

const eventFields = {
  kind: eventKindSchema,
  title: text(EVENT_LIMITS.title).min(1),
  summary: text(EVENT_LIMITS.summary).optional(),
  /** Rich text from the editor; the server keeps only the allowed tags (see sanitise.ts). */
  descriptionHtml: z.string().max(EVENT_LIMITS.descriptionHtml).optional(),
  venue: text(EVENT_LIMITS.venue).optional(),
  onlineUrl: webUrlSchema.nullable().optional(),
  startsAt: timestampSchema,
  endsAt: timestampSchema,
  /** Omitted: public, and invitation for a closed-door meeting (which allows nothing else). */
  visibility: eventVisibilitySchema.optional(),
  approvalMode: approvalModeSchema.optional(),
  /** Null: registration closes when the event starts. */
  registrationClosesAt: timestampSchema.nullable().optional(),
  registrationQuestions: questionListSchema.optional(),
  /** In order; one entry per organisation. */
  organisers: z.array(eventOrganiserInput).max(EVENT_LIMITS.organisers).optional(),
};

export const eventCreateInput = z.strictObject({
  ...eventFields,
  /** Seats of the first ticket type, created with the event. */
  capacity: z.number().int().min(0).max(EVENT_LIMITS.capacity),
});
export type EventCreateInput = z.input<typeof eventCreateInput>;

export const eventUpdateInput = z.strictObject({
  version: z.number().int().min(1),
  kind: eventFields.kind.optional(),
  title: eventFields.title.optional(),
  summary: eventFields.summary,
  descriptionHtml: eventFields.descriptionHtml,
  venue: eventFields.venue,
  onlineUrl: eventFields.onlineUrl,
  startsAt: eventFields.startsAt.optional(),
  endsAt: eventFields.endsAt.optional(),
  visibility: eventFields.visibility,
  approvalMode: eventFields.approvalMode,
  registrationClosesAt: eventFields.registrationClosesAt,
  registrationQuestions: eventFields.registrationQuestions,
  /** When present, replaces the organisers as a set. */
  organisers: eventFields.organisers,
});
export type EventUpdateInput = z.input<typeof eventUpdateInput>;

/** Publishing: the version the organiser saw, when known (a stale one answers version_conflict). */
export const eventVersionInput = z.strictObject({ version: z.number().int().min(1).optional() });
export const eventCancelInput = z.strictObject({ version: z.number().int().min(1).optional(), reason: text(500).optional() });
export type EventCancelInput = z.input<typeof eventCancelInput>;
/** A copy of the event as a new draft, its times (and its agenda's) moved so it starts at `startsAt`. */
export const eventDuplicateInput = z.strictObject({ startsAt: timestampSchema, title: text(EVENT_LIMITS.title).min(1).optional() });
export type EventDuplicateInput = z.input<typeof eventDuplicateInput>;

export const EVENT_WHEN = ['upcoming', 'past', 'all'] as const;
export const eventListQuery = z.strictObject({
  /** upcoming: not yet ended, soonest first; past: ended, latest first; all: latest first. */
  when: z.enum(EVENT_WHEN).default('upcoming'),
  kind: eventKindSchema.optional(),
  status: eventStatusSchema.optional(),
  q: z.string().trim().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type EventListQuery = z.input<typeof eventListQuery>;
export const eventPageSchema = z.object({ items: z.array(eventSummarySchema), nextCursor: z.string().nullable() });
export type EventPage = z.infer<typeof eventPageSchema>;

// ---------------------------------------------------------------- the agenda

export const sessionKindSchema = z.enum(SESSION_KINDS);
export const sessionRoleSchema = z.enum(SESSION_ROLES);
export const sessionParams = z.strictObject({ communityId: idSchema, eventId: idSchema, sessionId: idSchema });

export const SESSION_LIMITS = { title: 200, description: 4000, room: 100, people: 30 } as const;
export const sessionPersonInput = z.strictObject({ personId: idSchema, role: sessionRoleSchema });
export type SessionPersonInput = z.input<typeof sessionPersonInput>;

const sessionFields = {
  kind: sessionKindSchema,
  title: text(SESSION_LIMITS.title).min(1),
  description: text(SESSION_LIMITS.description).optional(),
  startsAt: timestampSchema,
  endsAt: timestampSchema,
  room: text(SESSION_LIMITS.room).optional(),
  /** Speakers and moderators in the order they are printed. */
  people: z.array(sessionPersonInput).max(SESSION_LIMITS.people).optional(),
};
export const sessionCreateInput = z.strictObject(sessionFields);
export type SessionCreateInput = z.input<typeof sessionCreateInput>;
export const sessionUpdateInput = z.strictObject({
  version: z.number().int().min(1),
  kind: sessionFields.kind.optional(),
  title: sessionFields.title.optional(),
  description: sessionFields.description,
  startsAt: sessionFields.startsAt.optional(),
  endsAt: sessionFields.endsAt.optional(),
  room: sessionFields.room,
  people: sessionFields.people,
});
export type SessionUpdateInput = z.input<typeof sessionUpdateInput>;
export const sessionDeleteQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });

export const sessionPersonSchema = z.object({
  person: z.object({ id: idSchema, nameZh: z.string(), nameEn: z.string().nullable(), title: z.string().nullable() }),
  role: sessionRoleSchema,
  position: z.number().int(),
});
export type SessionPerson = z.infer<typeof sessionPersonSchema>;

export const sessionSchema = z.object({
  id: idSchema,
  eventId: idSchema,
  kind: sessionKindSchema,
  title: z.string(),
  description: z.string(),
  startsAt: timestampSchema,
  endsAt: timestampSchema,
  room: z.string(),
  people: z.array(sessionPersonSchema),
  version: z.number().int(),
});
export type EventSession = z.infer<typeof sessionSchema>;

/**
 * A warning on the agenda. person: one person on two overlapping sessions of this event;
 * person_elsewhere: on a session here and, at the same time, on a session of another event of
 * the community (`other`); room: two overlapping sessions in one room; outside_event: a session
 * outside the event's times.
 */
export const agendaConflictSchema = z.object({
  kind: z.enum(['person', 'person_elsewhere', 'room', 'outside_event']),
  sessionIds: z.array(idSchema),
  personId: idSchema.nullable(),
  personName: z.string().nullable(),
  room: z.string().nullable(),
  other: z
    .object({ eventId: idSchema, eventTitle: z.string(), sessionId: idSchema, sessionTitle: z.string(), startsAt: timestampSchema, endsAt: timestampSchema })
    .nullable(),
});
export type AgendaConflictView = z.infer<typeof agendaConflictSchema>;

export const agendaSchema = z.object({ sessions: z.array(sessionSchema), conflicts: z.array(agendaConflictSchema), rooms: z.array(z.string()) });
export type Agenda = z.infer<typeof agendaSchema>;
/** A write's reply: the session written and the agenda's warnings after it. */
export const sessionWriteSchema = z.object({ session: sessionSchema, conflicts: z.array(agendaConflictSchema) });
export type SessionWrite = z.infer<typeof sessionWriteSchema>;
/** Public agenda routes: `invite` is a personal invitation's token, for invitation-only events. */
export const agendaPdfQuery = z.strictObject({ invite: z.string().max(200).optional() });
