/**
 * The matching API contract: ranked matches of a record, the explanation of one pair, users'
 * feedback and the one-click contact, stored suggestions for home pages, and the full refresh.
 * Criteria are returned as codes and numbers; the web words them (locale area `matching`).
 */
import { z } from 'zod';
import { FEEDBACK_VERDICTS, MATCH_ENTITY_TYPES, MATCH_TARGETS } from '../../domain/matching/vocabularies';
import { PARTNERING_PRIORITIES } from '../../domain/partnering/vocabularies';
import { idSchema, multiLineText, timestampSchema } from './common';

export const matchEntityTypeSchema = z.enum(MATCH_ENTITY_TYPES);
export const matchTargetSchema = z.enum(MATCH_TARGETS);
export const feedbackVerdictSchema = z.enum(FEEDBACK_VERDICTS);

export const criterionSchema = z.object({
  code: z.string(),
  weight: z.number(),
  fit: z.number(),
  contribution: z.number(),
  status: z.enum(['met', 'partial', 'missing', 'not_applicable']),
  matched: z.array(z.string()),
  gaps: z.array(z.string()),
  values: z.record(z.string(), z.number()).optional(),
});
export type CriterionDto = z.infer<typeof criterionSchema>;

/** What a list shows of a record: enough for a card and a link. */
export const matchRecordSchema = z.object({
  type: matchEntityTypeSchema,
  id: idSchema,
  titleZh: z.string(),
  titleEn: z.string().nullable(),
  /** Organisation kind, project track, community kind, brief maturity, challenge kind. */
  kind: z.string(),
  /** One line under the title: owner organisation, city, stage … */
  subtitle: z.string(),
  segments: z.array(z.string()),
  province: z.string().nullable(),
  /** Communities the record belongs to (directory profiles open in one of them). */
  communityIds: z.array(idSchema),
  /** A community's slug (type community), else null. */
  slug: z.string().nullable(),
});
export type MatchRecord = z.infer<typeof matchRecordSchema>;

export const matchItemSchema = z.object({
  candidate: matchRecordSchema,
  rank: z.number().int(),
  score: z.number(),
  criteria: z.array(criterionSchema),
  /** The viewer's own verdict on this suggestion. */
  feedback: feedbackVerdictSchema.nullable(),
  /** Stored suggestions only: first suggested after the viewer's previous visit. */
  isNew: z.boolean().optional(),
});
export type MatchItem = z.infer<typeof matchItemSchema>;

export const subjectParams = z.strictObject({ subjectType: matchEntityTypeSchema, subjectId: idSchema });
export const pairParams = z.strictObject({
  subjectType: matchEntityTypeSchema,
  subjectId: idSchema,
  candidateType: matchEntityTypeSchema,
  candidateId: idSchema,
});

export const matchesQuery = z.strictObject({
  target: matchTargetSchema,
  limit: z.coerce.number().int().min(1).max(200).default(20),
  /** Include candidates the viewer marked not relevant (shown last, marked). */
  includeDismissed: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

/** The pair's target; absent: the first of the subject's targets whose kind the candidate is. */
export const explanationQuery = z.strictObject({ target: matchTargetSchema.optional() });

export const matchListSchema = z.object({
  subject: matchRecordSchema,
  target: matchTargetSchema,
  /** Targets that make sense for this subject (tabs in the UI). */
  targets: z.array(matchTargetSchema),
  items: z.array(matchItemSchema),
  /** Candidates the viewer may see that were ranked. */
  considered: z.number().int(),
});
export type MatchList = z.infer<typeof matchListSchema>;

export const matchExplanationSchema = z.object({
  subject: matchRecordSchema,
  candidate: matchRecordSchema,
  target: matchTargetSchema,
  score: z.number(),
  /** Position among the subject's matches of this target (null: not among the first 200). */
  rank: z.number().int().nullable(),
  considered: z.number().int(),
  criteria: z.array(criterionSchema),
  feedback: feedbackVerdictSchema.nullable(),
  /** What the viewer's "contacted" became. */
  pipelineItemId: idSchema.nullable(),
  partneringRequestId: idSchema.nullable(),
});
export type MatchExplanation = z.infer<typeof matchExplanationSchema>;

export const feedbackBody = z.strictObject({
  subjectType: matchEntityTypeSchema,
  subjectId: idSchema,
  candidateType: matchEntityTypeSchema,
  candidateId: idSchema,
  /** null clears the viewer's verdict. */
  verdict: feedbackVerdictSchema.nullable(),
});

export const feedbackResultSchema = z.object({ verdict: feedbackVerdictSchema.nullable() });
export type FeedbackResult = z.infer<typeof feedbackResultSchema>;

/** Contact in one click: the pair becomes a pipeline item in a community, or a partnering request at an event. */
export const contactBody = z.strictObject({
  subjectType: matchEntityTypeSchema,
  subjectId: idSchema,
  candidateType: matchEntityTypeSchema,
  candidateId: idSchema,
  via: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('pipeline'), communityId: idSchema, pipelineId: idSchema }),
    z.strictObject({
      kind: z.literal('partnering'),
      eventId: idSchema,
      priority: z.enum(PARTNERING_PRIORITIES).default('would_like'),
      message: multiLineText(2000, 'too_long').default(''),
    }),
  ]),
});
/** Where the viewer can take a contact: pipelines they may add to, partnering events both sides take part in. */
export const contactOptionsSchema = z.object({
  pipelines: z.array(
    z.object({ communityId: idSchema, communityName: z.string(), pipelineId: idSchema, pipelineName: z.string() }),
  ),
  partneringEvents: z.array(z.object({ eventId: idSchema, title: z.string(), startsAt: timestampSchema })),
});
export type ContactOptions = z.infer<typeof contactOptionsSchema>;

export const contactResultSchema = z.object({
  verdict: z.literal('contacted'),
  pipelineItemId: idSchema.nullable(),
  partneringRequestId: idSchema.nullable(),
});

export const suggestionGroupSchema = z.object({
  subject: matchRecordSchema,
  target: matchTargetSchema,
  items: z.array(matchItemSchema),
  refreshedAt: timestampSchema.nullable(),
});
export const mySuggestionsSchema = z.object({ groups: z.array(suggestionGroupSchema) });
export type SuggestionGroup = z.infer<typeof suggestionGroupSchema>;

export const refreshRunSchema = z.object({
  id: idSchema,
  status: z.enum(['running', 'succeeded', 'failed']),
  subjects: z.number().int(),
  suggestions: z.number().int(),
  durationMs: z.number().int().nullable(),
  peakRssMb: z.number().int().nullable(),
  error: z.string().nullable(),
  startedAt: timestampSchema,
  finishedAt: timestampSchema.nullable(),
});
export type RefreshRun = z.infer<typeof refreshRunSchema>;
export const refreshStatusSchema = z.object({ last: refreshRunSchema.nullable() });
