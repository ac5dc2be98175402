/**
 * The API contract of applications to roadshows and competitions: the organisers' call
 * settings, the public call and apply form, the applicant's own page (by its manage token),
 * screening by organisers, and the list of the signed-in user's applications.
 */
import { z } from 'zod';
import { APPLICATION_STATUSES, EVENT_KINDS, ROUND_KINDS, ROUND_STATUSES } from '../../domain/events/vocabularies';
import { communityRefSchema, emailSchema, idSchema, pageQuery, timestampSchema } from './common';
import { entityRefSchema } from './directory';
import { answersSchema, questionListSchema, questionSchema } from './events';

export const APPLICATION_LIMITS = {
  projectName: 200,
  organisationName: 200,
  summary: 2000,
  teamSize: 20,
  teamName: 100,
  teamRole: 100,
  contactName: 100,
  contactPhone: 40,
  note: 1000,
  bulk: 200,
} as const;

export const applicationStatusSchema = z.enum(APPLICATION_STATUSES);
export type ApplicationStatusValue = z.infer<typeof applicationStatusSchema>;

/** A manage token as it appears in a link (randomToken: 43 base64url characters). */
export const applicationTokenParams = z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{20,100}$/) });
export const publicEventParams = z.strictObject({ eventId: idSchema });
export const applicationParams = z.strictObject({ communityId: idSchema, eventId: idSchema, applicationId: idSchema });

// ---------------------------------------------------------------- the call (organisers)

export const callInput = z.strictObject({
  applicationsOpen: z.boolean(),
  applicationDeadline: timestampSchema.nullable(),
  applicationQuestions: questionListSchema,
  version: z.number().int().min(1),
});
export type CallInput = z.input<typeof callInput>;

/** The call as organisers see it after a change: the event's version moves on. */
export const callSchema = z.object({
  eventId: idSchema,
  applicationsOpen: z.boolean(),
  applicationDeadline: timestampSchema.nullable(),
  applicationQuestions: z.array(questionSchema),
  version: z.number().int(),
});
export type CallSettings = z.infer<typeof callSchema>;

// ---------------------------------------------------------------- the public call and the form

/** A directory project the signed-in caller may submit (one of an organisation they represent). */
export const ownProjectSchema = z.object({
  id: idSchema,
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  segment: z.string(),
  summaryZh: z.string(),
  team: z.array(z.object({ name: z.string(), role: z.string() })),
  organisation: entityRefSchema.nullable(),
});
export type OwnProject = z.infer<typeof ownProjectSchema>;

export const publicCallSchema = z.object({
  eventId: idSchema,
  kind: z.enum(EVENT_KINDS),
  title: z.string(),
  summary: z.string(),
  venue: z.string(),
  startsAt: timestampSchema,
  endsAt: timestampSchema,
  timeZone: z.string(),
  community: communityRefSchema,
  applicationDeadline: timestampSchema.nullable(),
  /** The deadline written out in the community's time zone, in the request's language. */
  deadlineText: z.string().nullable(),
  questions: z.array(questionSchema),
  /** Open now: the call is on, the event published, and the deadline not passed. */
  open: z.boolean(),
  signedIn: z.boolean(),
  myProjects: z.array(ownProjectSchema),
});
export type PublicCall = z.infer<typeof publicCallSchema>;

const teamMemberSchema = z.strictObject({
  name: z.string().trim().min(1).max(APPLICATION_LIMITS.teamName),
  role: z.string().trim().max(APPLICATION_LIMITS.teamRole).default(''),
});

const applicationFields = {
  projectName: z.string().trim().min(1).max(APPLICATION_LIMITS.projectName),
  organisationName: z.string().trim().min(1).max(APPLICATION_LIMITS.organisationName),
  summary: z.string().trim().max(APPLICATION_LIMITS.summary).default(''),
  segment: z
    .string()
    .regex(/^[a-z0-9_]{1,63}$/)
    .nullable()
    .optional(),
  team: z.array(teamMemberSchema).max(APPLICATION_LIMITS.teamSize).default([]),
  answers: answersSchema.default({}),
  contactName: z.string().trim().min(1).max(APPLICATION_LIMITS.contactName),
  contactEmail: emailSchema,
  contactPhone: z.string().trim().max(APPLICATION_LIMITS.contactPhone).default(''),
};

export const applicationInput = z.strictObject({ ...applicationFields, projectId: idSchema.nullable().optional() });
export type ApplicationInput = z.input<typeof applicationInput>;

export const applicationUpdateInput = z.strictObject({
  projectName: applicationFields.projectName.optional(),
  organisationName: applicationFields.organisationName.optional(),
  summary: z.string().trim().max(APPLICATION_LIMITS.summary).optional(),
  segment: applicationFields.segment,
  team: z.array(teamMemberSchema).max(APPLICATION_LIMITS.teamSize).optional(),
  answers: answersSchema.optional(),
  contactName: applicationFields.contactName.optional(),
  contactPhone: z.string().trim().max(APPLICATION_LIMITS.contactPhone).optional(),
  version: z.number().int().min(1),
});
export type ApplicationUpdateInput = z.input<typeof applicationUpdateInput>;

export const deckSchema = z.object({ filename: z.string(), contentType: z.string(), sizeBytes: z.number().int(), uploadedAt: timestampSchema });
export type Deck = z.infer<typeof deckSchema>;

/** A round's published result for one application. */
export const roundResultSchema = z.object({
  roundId: idSchema,
  roundName: z.string(),
  roundKind: z.enum(ROUND_KINDS),
  position: z.number().int(),
  publishedAt: timestampSchema.nullable(),
  rank: z.number().int().nullable(),
  score: z.number().nullable(),
  /** How many applications were ranked in the round. */
  of: z.number().int(),
  award: z.string(),
  advanced: z.boolean(),
});
export type RoundResult = z.infer<typeof roundResultSchema>;

/** The applicant's own view (by the manage token): their answers, the outcome, published results only. */
export const myApplicationSchema = z.object({
  id: idSchema,
  event: z.object({
    id: idSchema,
    kind: z.enum(EVENT_KINDS),
    title: z.string(),
    startsAt: timestampSchema,
    endsAt: timestampSchema,
    timeZone: z.string(),
    venue: z.string(),
    community: communityRefSchema,
  }),
  projectName: z.string(),
  organisationName: z.string(),
  summary: z.string(),
  segment: z.string().nullable(),
  team: z.array(z.object({ name: z.string(), role: z.string() })),
  answers: z.record(z.string(), z.unknown()),
  questions: z.array(questionSchema),
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string(),
  status: applicationStatusSchema,
  screenedAt: timestampSchema.nullable(),
  deck: deckSchema.nullable(),
  results: z.array(roundResultSchema),
  applicationDeadline: timestampSchema.nullable(),
  /** Before the deadline and not withdrawn: the applicant may still edit and replace the deck. */
  editable: z.boolean(),
  /** Not withdrawn and in no round yet. */
  withdrawable: z.boolean(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type MyApplication = z.infer<typeof myApplicationSchema>;

export const applicationCreatedSchema = myApplicationSchema.extend({ manageToken: z.string() });
export type ApplicationCreated = z.infer<typeof applicationCreatedSchema>;

export const withdrawInput = z.strictObject({ version: z.number().int().min(1) });

/** The signed-in user's applications, across events. */
export const myApplicationItemSchema = z.object({
  id: idSchema,
  eventId: idSchema,
  eventTitle: z.string(),
  eventKind: z.enum(EVENT_KINDS),
  eventStartsAt: timestampSchema,
  timeZone: z.string(),
  community: communityRefSchema,
  projectName: z.string(),
  status: applicationStatusSchema,
  /** Published results exist for it. */
  hasResults: z.boolean(),
  manageToken: z.string(),
  createdAt: timestampSchema,
});
export type MyApplicationItem = z.infer<typeof myApplicationItemSchema>;
export const myApplicationListSchema = z.object({ items: z.array(myApplicationItemSchema) });

// ---------------------------------------------------------------- screening (organisers)

export const applicationListQuery = z.strictObject({
  status: applicationStatusSchema.optional(),
  q: z.string().trim().max(100).optional(),
  ...pageQuery,
});

export const applicationItemSchema = z.object({
  id: idSchema,
  eventId: idSchema,
  projectName: z.string(),
  organisationName: z.string(),
  segment: z.string().nullable(),
  contactName: z.string(),
  contactEmail: z.string(),
  contactPhone: z.string(),
  status: applicationStatusSchema,
  hasDeck: z.boolean(),
  project: entityRefSchema.nullable(),
  organisation: entityRefSchema.nullable(),
  /** The number of rounds it is an entry of: screening can no longer change once it is in one. */
  roundCount: z.number().int(),
  screenedAt: timestampSchema.nullable(),
  version: z.number().int(),
  createdAt: timestampSchema,
});
export type ApplicationItem = z.infer<typeof applicationItemSchema>;

export const applicationCountsSchema = z.object(Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, z.number().int()])) as Record<(typeof APPLICATION_STATUSES)[number], z.ZodNumber>);
export type ApplicationCounts = z.infer<typeof applicationCountsSchema>;

export const applicationPageSchema = z.object({
  items: z.array(applicationItemSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
  counts: applicationCountsSchema,
});
export type ApplicationPage = z.infer<typeof applicationPageSchema>;

export const applicationRoundSchema = z.object({
  roundId: idSchema,
  roundName: z.string(),
  roundKind: z.enum(ROUND_KINDS),
  roundStatus: z.enum(ROUND_STATUSES),
  position: z.number().int(),
  publishedRank: z.number().int().nullable(),
  publishedScore: z.number().nullable(),
  award: z.string(),
  advanced: z.boolean(),
});

export const applicationDetailSchema = applicationItemSchema.extend({
  summary: z.string(),
  team: z.array(z.object({ name: z.string(), role: z.string() })),
  answers: z.record(z.string(), z.unknown()),
  questions: z.array(questionSchema),
  deck: deckSchema.nullable(),
  screeningNote: z.string(),
  screenedBy: z.string().nullable(),
  /** The account that applied, when signed in. */
  applicantAccount: z.string().nullable(),
  locale: z.string(),
  rounds: z.array(applicationRoundSchema),
  updatedAt: timestampSchema,
});
export type ApplicationDetail = z.infer<typeof applicationDetailSchema>;

export const screenDecisionSchema = z.enum(['in', 'out']);
export const screenInput = z.strictObject({
  decision: screenDecisionSchema,
  note: z.string().trim().max(APPLICATION_LIMITS.note).default(''),
  version: z.number().int().min(1),
});
export type ScreenInput = z.input<typeof screenInput>;

export const bulkScreenInput = z.strictObject({
  items: z
    .array(z.strictObject({ applicationId: idSchema, version: z.number().int().min(1) }))
    .min(1)
    .max(APPLICATION_LIMITS.bulk),
  decision: screenDecisionSchema,
  note: z.string().trim().max(APPLICATION_LIMITS.note).default(''),
});
export type BulkScreenInput = z.input<typeof bulkScreenInput>;
export const bulkScreenReplySchema = z.object({ items: z.array(applicationItemSchema) });

export const linksInput = z.strictObject({
  projectId: idSchema.nullable().optional(),
  organisationId: idSchema.nullable().optional(),
  version: z.number().int().min(1),
});
export type LinksInput = z.input<typeof linksInput>;

export const applicationExportQuery = z.strictObject({
  status: applicationStatusSchema.optional(),
  q: z.string().trim().max(100).optional(),
});
