/**
 * The API contract of what an event produces and shows: the projects presented (roadshow
 * slots, a closed-door meeting's projects), materials shared with attendees and the attendee
 * "room", the signing ceremony's running order, the outcomes figures and the follow-ups
 * created into pipelines. Money is integer fen; instants are ISO timestamps.
 */
import { z } from 'zod';
import { APPLICATION_STATUSES, FOLLOW_UP_SOURCES, REGISTRATION_STATUSES, SIGNING_STATUSES } from '../../domain/events/vocabularies';
import { agreementKindSchema, agreementPartySchema, agreementStatusSchema } from './agreements';
import { idSchema, timestampSchema } from './common';
import { entityRefSchema, isoDateSchema } from './directory';

const text = (max: number) => z.string().trim().max(max);

export const signingStatusSchema = z.enum(SIGNING_STATUSES);
export const followUpSourceSchema = z.enum(FOLLOW_UP_SOURCES);

export const eventProjectParams = z.strictObject({ communityId: idSchema, eventId: idSchema, projectId: idSchema });
export const eventMaterialParams = z.strictObject({ communityId: idSchema, eventId: idSchema, materialId: idSchema });
export const eventSigningParams = z.strictObject({ communityId: idSchema, eventId: idSchema, agreementId: idSchema });
export const roomParams = z.strictObject({ eventId: idSchema });
export const roomFileParams = z.strictObject({ eventId: idSchema, fileId: idSchema });

/** A taxonomy term as every language names it. */
export const termSchema = z.object({ code: z.string(), nameZhHans: z.string(), nameZhHant: z.string(), nameEn: z.string() });
export type Term = z.infer<typeof termSchema>;

/** A session of the agenda, as a presented project or a signing refers to it. */
export const sessionRefSchema = z.object({ id: idSchema, title: z.string(), kind: z.string(), startsAt: timestampSchema, endsAt: timestampSchema, room: z.string() });
export type SessionRef = z.infer<typeof sessionRefSchema>;

// ---------------------------------------------------------------- materials

export const eventMaterialSchema = z.object({
  id: idSchema,
  title: z.string(),
  /** The presented project it belongs to; null: for the whole event. */
  projectId: idSchema.nullable(),
  fileId: idSchema,
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  createdAt: timestampSchema,
});
export type EventMaterial = z.infer<typeof eventMaterialSchema>;

// ---------------------------------------------------------------- projects presented

export const eventProjectSchema = z.object({
  project: entityRefSchema,
  organisation: entityRefSchema.nullable(),
  segment: termSchema.nullable(),
  stage: termSchema.nullable(),
  confidentiality: z.string(),
  fundingSoughtFen: z.number().int().nullable(),
  session: sessionRefSchema.nullable(),
  position: z.number().int(),
  note: z.string(),
  /** The application it came from, when it came from the event's call. */
  applicationId: idSchema.nullable(),
  materialCount: z.number().int(),
  createdAt: timestampSchema,
});
export type EventProject = z.infer<typeof eventProjectSchema>;

export const eventProjectsReplySchema = z.object({ projects: z.array(eventProjectSchema), materials: z.array(eventMaterialSchema) });
export type EventProjectsReply = z.infer<typeof eventProjectsReplySchema>;

export const eventProjectCreateInput = z.strictObject({
  projectId: idSchema,
  sessionId: idSchema.nullable().optional(),
  note: text(500).optional(),
});
export type EventProjectCreateInput = z.input<typeof eventProjectCreateInput>;

export const eventProjectUpdateInput = z.strictObject({
  sessionId: idSchema.nullable().optional(),
  note: text(500).optional(),
});
export type EventProjectUpdateInput = z.input<typeof eventProjectUpdateInput>;

/** The whole running order: every presented project once. */
export const eventProjectOrderInput = z.strictObject({ projectIds: z.array(idSchema).min(1).max(500) });

export const fromApplicationsReplySchema = z.object({ added: z.number().int(), skipped: z.number().int(), projects: z.array(eventProjectSchema) });
export type FromApplicationsReply = z.infer<typeof fromApplicationsReplySchema>;

/** A directory project an organiser may add (the project picker). */
export const projectCandidateQuery = z.strictObject({ q: text(100).optional() });
export const projectCandidateSchema = z.object({ project: entityRefSchema, organisation: entityRefSchema.nullable(), segment: z.string(), presented: z.boolean() });
export type ProjectCandidate = z.infer<typeof projectCandidateSchema>;

// ---------------------------------------------------------------- the attendee room

export const roomFileSchema = z.object({ fileId: idSchema, title: z.string(), filename: z.string(), contentType: z.string(), sizeBytes: z.number().int(), url: z.string() });
export type RoomFile = z.infer<typeof roomFileSchema>;

export const roomProjectSchema = z.object({
  id: idSchema,
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  organisationName: z.string().nullable(),
  segment: termSchema.nullable(),
  stage: termSchema.nullable(),
  summaryZh: z.string(),
  summaryEn: z.string(),
  fundingSoughtFen: z.number().int().nullable(),
  fundingRound: z.string().nullable(),
  team: z.array(z.object({ name: z.string(), role: z.string() })),
  session: sessionRefSchema.nullable(),
  position: z.number().int(),
  files: z.array(roomFileSchema),
});
export type RoomProject = z.infer<typeof roomProjectSchema>;

export const roomSchema = z.object({
  eventId: idSchema,
  title: z.string(),
  projects: z.array(roomProjectSchema),
  /** Materials for the whole event (not tied to a project). */
  files: z.array(roomFileSchema),
});
export type Room = z.infer<typeof roomSchema>;

// ---------------------------------------------------------------- signing ceremony

export const signingSchema = z.object({
  agreement: z.object({
    id: idSchema,
    title: z.string(),
    kind: agreementKindSchema,
    status: agreementStatusSchema,
    amountFen: z.number().int().nullable(),
    signedOn: isoDateSchema,
    parties: z.array(agreementPartySchema),
  }),
  position: z.number().int(),
  status: signingStatusSchema,
  session: sessionRefSchema.nullable(),
  note: z.string(),
});
export type Signing = z.infer<typeof signingSchema>;

export const signingCreateInput = z.strictObject({ agreementId: idSchema, sessionId: idSchema.nullable().optional(), note: text(500).optional() });
export type SigningCreateInput = z.input<typeof signingCreateInput>;
export const signingUpdateInput = z.strictObject({ status: signingStatusSchema.optional(), sessionId: idSchema.nullable().optional(), note: text(500).optional() });
export type SigningUpdateInput = z.input<typeof signingUpdateInput>;
export const signingOrderInput = z.strictObject({ agreementIds: z.array(idSchema).min(1).max(500) });

// ---------------------------------------------------------------- follow-ups

export const followUpSchema = z.object({
  id: idSchema,
  source: followUpSourceSchema,
  item: z.object({
    id: idSchema,
    title: z.string(),
    pipelineId: idSchema,
    pipelineName: z.string(),
    stageId: idSchema,
    stageName: z.string(),
    /** The item left the pipeline without landing. */
    lost: z.boolean(),
    owner: z.object({ id: idSchema, displayName: z.string() }).nullable(),
  }),
  registration: z.object({ id: idSchema, name: z.string(), organisationName: z.string() }).nullable(),
  application: z.object({ id: idSchema, projectName: z.string() }).nullable(),
  /** Null also when the viewer may not see the project. */
  project: entityRefSchema.nullable(),
  organisation: entityRefSchema.nullable(),
  createdBy: z.object({ id: idSchema, displayName: z.string() }).nullable(),
  createdAt: timestampSchema,
});
export type FollowUp = z.infer<typeof followUpSchema>;

export const followUpCreateInput = z.strictObject({
  source: followUpSourceSchema,
  registrationId: idSchema.optional(),
  applicationId: idSchema.optional(),
  projectId: idSchema.optional(),
  pipelineId: idSchema,
  stageId: idSchema.optional(),
  /** From an attendee: the directory organisation, stored on the registration for next time. */
  organisationId: idSchema.optional(),
  /** Defaults to the person creating it when they may work the pipeline. */
  ownerUserId: idSchema.nullable().optional(),
});
export type FollowUpCreateInput = z.input<typeof followUpCreateInput>;

// ---------------------------------------------------------------- outcomes

export const attendeeQuery = z.strictObject({ q: text(100).optional(), checkedIn: z.enum(['true', 'false']).optional() });
export const attendeeSchema = z.object({
  id: idSchema,
  name: z.string(),
  email: z.string(),
  organisationName: z.string(),
  jobTitle: z.string(),
  ticketTypeName: z.string(),
  organisation: entityRefSchema.nullable(),
  checkedInAt: timestampSchema.nullable(),
  followUpCount: z.number().int(),
});
export type Attendee = z.infer<typeof attendeeSchema>;
export const attendeeListSchema = z.object({ items: z.array(attendeeSchema), total: z.number().int() });
export type AttendeeList = z.infer<typeof attendeeListSchema>;

const statusCounts = <T extends readonly [string, ...string[]]>(values: T) => z.record(z.enum(values), z.number().int());

export const outcomesSchema = z.object({
  /** The event is over: confirmed registrations not checked in count as no-shows. */
  ended: z.boolean(),
  registrations: z.object({
    total: z.number().int(),
    byStatus: statusCounts(REGISTRATION_STATUSES),
    byTicketType: z.array(
      z.object({
        ticketTypeId: idSchema,
        name: z.string(),
        capacity: z.number().int(),
        confirmed: z.number().int(),
        waitlisted: z.number().int(),
        pending: z.number().int(),
        checkedIn: z.number().int(),
      }),
    ),
    checkedIn: z.number().int(),
    /** Null until the event has ended. */
    noShows: z.number().int().nullable(),
    /** Checked in ÷ confirmed, 0…1; null without confirmed registrations. */
    attendanceRate: z.number().nullable(),
  }),
  agreements: z.object({
    count: z.number().int(),
    amountFen: z.number().int(),
    withoutAmount: z.number().int(),
    items: z.array(
      z.object({
        id: idSchema,
        title: z.string(),
        kind: agreementKindSchema,
        status: agreementStatusSchema,
        amountFen: z.number().int().nullable(),
        signedOn: isoDateSchema,
        signingStatus: signingStatusSchema.nullable(),
        parties: z.array(agreementPartySchema),
      }),
    ),
  }),
  applications: z.object({ total: z.number().int(), byStatus: statusCounts(APPLICATION_STATUSES) }),
  projects: z.object({ count: z.number().int(), items: z.array(z.object({ project: entityRefSchema, organisation: entityRefSchema.nullable() })) }),
  followUps: z.object({ count: z.number().int(), bySource: statusCounts(FOLLOW_UP_SOURCES), items: z.array(followUpSchema) }),
});
export type Outcomes = z.infer<typeof outcomesSchema>;
