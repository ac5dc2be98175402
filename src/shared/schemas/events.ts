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
