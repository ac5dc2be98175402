/**
 * The API contract of judging: rounds with weighted criteria, judges and their recusals, the
 * entries of each round, the judge's score sheets, progress, the ranking and publishing.
 */
import { z } from 'zod';
import { NORMALISATIONS, RECUSAL_SOURCES, ROUND_KINDS, ROUND_STATUSES } from '../../domain/events/vocabularies';
import { communityRefSchema, idSchema, membershipRoleSchema, timestampSchema } from './common';

const text = (max: number) => z.string().trim().max(max);

export const roundKindSchema = z.enum(ROUND_KINDS);
export const roundStatusSchema = z.enum(ROUND_STATUSES);
export const judgingNormalisationSchema = z.enum(NORMALISATIONS);
export const recusalSourceSchema = z.enum(RECUSAL_SOURCES);

/** A scale's ends: from 0 to 1000, in half steps (what a score can be is checked against them). */
const scaleEnd = z
  .number()
  .min(0)
  .max(1000)
  .refine((n) => Number.isInteger(n * 2), { message: 'half_step' });

export const JUDGING_LIMITS = { maxEntries: 500, maxCriteria: 30, comment: 4000, reason: 500, award: 60 } as const;

// ---------------------------------------------------------------- params

export const roundParams = z.strictObject({ communityId: idSchema, eventId: idSchema, roundId: idSchema });
export const criterionParams = roundParams.extend({ criterionId: idSchema });
export const roundJudgeParams = roundParams.extend({ userId: idSchema });
export const recusalParams = roundParams.extend({ userId: idSchema, applicationId: idSchema });
export const judgeRoundParams = z.strictObject({ roundId: idSchema });
export const judgeApplicationParams = z.strictObject({ roundId: idSchema, applicationId: idSchema });

// ---------------------------------------------------------------- organiser inputs

/** Which applications a new round takes: the top N of the previous round's ranking, or a chosen list. */
export const roundEntriesChoice = z.union([
  z.strictObject({ top: z.number().int().min(1).max(JUDGING_LIMITS.maxEntries) }),
  z.strictObject({ applicationIds: z.array(idSchema).max(JUDGING_LIMITS.maxEntries) }),
]);

export const roundCreateInput = z
  .strictObject({
    kind: roundKindSchema,
    name: text(100).min(1),
    scoreMin: scaleEnd.default(0),
    scoreMax: scaleEnd.default(10),
    /** Omitted: the first round takes every screened-in application; a later one, the previous round's advanced entries. */
    entries: roundEntriesChoice.optional(),
    /** A later round starts with the previous round's criteria and judges unless told not to. */
    copyCriteria: z.boolean().default(true),
    copyJudges: z.boolean().default(true),
  })
  .refine((v) => v.scoreMax > v.scoreMin, { path: ['scoreMax'], message: 'judging_scale_order' });
export type RoundCreateInput = z.input<typeof roundCreateInput>;

export const roundUpdateInput = z.strictObject({
  version: z.number().int(),
  kind: roundKindSchema.optional(),
  name: text(100).min(1).optional(),
  scoreMin: scaleEnd.optional(),
  scoreMax: scaleEnd.optional(),
});
export type RoundUpdateInput = z.input<typeof roundUpdateInput>;

export const versionInput = z.strictObject({ version: z.number().int() });

export const criterionInput = z.strictObject({
  name: text(100).min(1),
  description: text(1000).default(''),
  weight: z.number().gt(0).max(1000),
});
export type CriterionInput = z.input<typeof criterionInput>;
export const criterionUpdateInput = z.strictObject({
  name: text(100).min(1).optional(),
  description: text(1000).optional(),
  weight: z.number().gt(0).max(1000).optional(),
  position: z.number().int().min(0).max(JUDGING_LIMITS.maxCriteria).optional(),
});
export type CriterionUpdateInput = z.input<typeof criterionUpdateInput>;

export const entriesInput = z.strictObject({ version: z.number().int(), applicationIds: z.array(idSchema).max(JUDGING_LIMITS.maxEntries) });
export type EntriesInput = z.input<typeof entriesInput>;

export const organiserRecusalInput = z.strictObject({ userId: idSchema, applicationId: idSchema, reason: text(JUDGING_LIMITS.reason).min(1) });
export type OrganiserRecusalInput = z.input<typeof organiserRecusalInput>;
export const declareRecusalInput = z.strictObject({ reason: text(JUDGING_LIMITS.reason).min(1) });
export type DeclareRecusalInput = z.input<typeof declareRecusalInput>;

export const judgingSettingsInput = z.strictObject({ normalisation: judgingNormalisationSchema, version: z.number().int() });
export type JudgingSettingsInput = z.input<typeof judgingSettingsInput>;

export const publishInput = z.strictObject({
  version: z.number().int(),
  /** Award per application (一等奖, 最佳创新奖 …); entries not named get none. */
  awards: z.record(idSchema, text(JUDGING_LIMITS.award)).optional(),
});
export type PublishInput = z.input<typeof publishInput>;

export const rankingQuery = z.strictObject({ normalisation: judgingNormalisationSchema.optional() });

// ---------------------------------------------------------------- judge inputs

export const sheetInput = z.strictObject({
  /** criterionId → score; criteria left out stay unscored (a draft may be partial, a submitted sheet may not). */
  scores: z.record(idSchema, z.number()),
  comment: text(JUDGING_LIMITS.comment).default(''),
  submit: z.boolean(),
  /** The sheet's version as loaded; omitted for a first save. */
  version: z.number().int().optional(),
});
export type SheetInput = z.input<typeof sheetInput>;

// ---------------------------------------------------------------- replies

export const criterionSchema = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string(),
  weight: z.number(),
  /** The weight as a share of the round's total weight, in percent. */
  sharePercent: z.number(),
  position: z.number().int(),
});
export type Criterion = z.infer<typeof criterionSchema>;

/** Why a judge must not score an application, as the directory shows it. */
export const conflictSchema = z.object({
  kind: z.enum(['affiliation', 'representative', 'investor']),
  /** The judge's organisation that causes it. */
  organisationId: idSchema,
  organisationName: z.string(),
  /** affiliation: the judge's role there. */
  role: z.string().nullable(),
  /** What it touches on the application: the applicant organisation, the project's owner, or (investor) the project. */
  side: z.enum(['applicant', 'project_owner', 'project']),
  /** investor: the name of what was invested in. */
  targetName: z.string().nullable(),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const recusalSchema = z.object({
  userId: idSchema,
  judgeName: z.string(),
  applicationId: idSchema,
  source: recusalSourceSchema,
  /** Declared or organiser: the reason given; affiliation: empty (see conflicts). */
  reason: z.string(),
  conflicts: z.array(conflictSchema),
  createdAt: timestampSchema,
});
export type Recusal = z.infer<typeof recusalSchema>;

export const roundSummarySchema = z.object({
  id: idSchema,
  eventId: idSchema,
  kind: roundKindSchema,
  name: z.string(),
  position: z.number().int(),
  status: roundStatusSchema,
  scoreMin: z.number(),
  scoreMax: z.number(),
  publishedAt: timestampSchema.nullable(),
  version: z.number().int(),
  createdAt: timestampSchema,
  entryCount: z.number().int(),
  judgeCount: z.number().int(),
  criteriaCount: z.number().int(),
  /** Submitted sheets that count, against judge × entry pairs less recusals. */
  submittedCount: z.number().int(),
  expectedCount: z.number().int(),
});
export type RoundSummary = z.infer<typeof roundSummarySchema>;

export const roundJudgeSchema = z.object({
  userId: idSchema,
  displayName: z.string(),
  email: z.string(),
  /** The judge's membership role in the community (null: a platform admin without one). */
  role: membershipRoleSchema.nullable(),
  submitted: z.number().int(),
  drafts: z.number().int(),
  recused: z.number().int(),
});
export type RoundJudge = z.infer<typeof roundJudgeSchema>;

export const roundEntrySchema = z.object({
  applicationId: idSchema,
  projectName: z.string(),
  organisationName: z.string(),
  segment: z.string().nullable(),
  applicationStatus: z.string(),
  position: z.number().int(),
  advanced: z.boolean(),
  publishedRank: z.number().int().nullable(),
  publishedScore: z.number().nullable(),
  award: z.string(),
  recusals: z.array(recusalSchema),
});
export type RoundEntry = z.infer<typeof roundEntrySchema>;

export const roundDetailSchema = roundSummarySchema.extend({
  criteria: z.array(criterionSchema),
  judges: z.array(roundJudgeSchema),
  entries: z.array(roundEntrySchema),
  /** What could still be added as entries: screened-in applications (first round) or the previous round's entries. */
  candidates: z.array(z.object({ applicationId: idSchema, projectName: z.string(), organisationName: z.string() })),
});
export type RoundDetail = z.infer<typeof roundDetailSchema>;

export const judgingOverviewSchema = z.object({
  eventId: idSchema,
  normalisation: judgingNormalisationSchema,
  /** The event's version, for the judging setting (optimistic concurrency). */
  eventVersion: z.number().int(),
  screenedInCount: z.number().int(),
  rounds: z.array(roundSummarySchema),
});
export type JudgingOverview = z.infer<typeof judgingOverviewSchema>;

export const cellStateSchema = z.enum(['submitted', 'draft', 'none', 'recused']);
export type CellState = z.infer<typeof cellStateSchema>;
export const progressSchema = z.object({
  roundId: idSchema,
  judges: z.array(z.object({ userId: idSchema, displayName: z.string() })),
  entries: z.array(z.object({ applicationId: idSchema, projectName: z.string() })),
  cells: z.array(z.object({ userId: idSchema, applicationId: idSchema, state: cellStateSchema, submittedAt: timestampSchema.nullable() })),
  submittedCount: z.number().int(),
  expectedCount: z.number().int(),
});
export type Progress = z.infer<typeof progressSchema>;

export const rankingRowSchema = z.object({
  applicationId: idSchema,
  projectName: z.string(),
  organisationName: z.string(),
  score: z.number().nullable(),
  rawMean: z.number().nullable(),
  judgesCounted: z.number().int(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  spread: z.number().nullable(),
  rank: z.number().int().nullable(),
  tied: z.boolean(),
  unrankedReason: z.enum(['no_scores', 'all_recused']).nullable(),
  award: z.string(),
  advanced: z.boolean(),
  publishedRank: z.number().int().nullable(),
  publishedScore: z.number().nullable(),
});
export type RankingRow = z.infer<typeof rankingRowSchema>;
export const rankingSchema = z.object({
  roundId: idSchema,
  roundName: z.string(),
  status: roundStatusSchema,
  version: z.number().int(),
  normalisation: judgingNormalisationSchema,
  /** The event's choice (what publishing uses). */
  eventNormalisation: judgingNormalisationSchema,
  judgeCount: z.number().int(),
  rows: z.array(rankingRowSchema),
});
export type Ranking = z.infer<typeof rankingSchema>;

// ---------------------------------------------------------------- judge views

export const judgingEventRefSchema = z.object({ id: idSchema, title: z.string(), kind: z.string(), startsAt: timestampSchema, timeZone: z.string() });

export const myJudgingItemSchema = z.object({
  roundId: idSchema,
  roundName: z.string(),
  kind: roundKindSchema,
  status: roundStatusSchema,
  event: judgingEventRefSchema,
  community: communityRefSchema,
  total: z.number().int(),
  submitted: z.number().int(),
  drafts: z.number().int(),
  recused: z.number().int(),
});
export type MyJudgingItem = z.infer<typeof myJudgingItemSchema>;

export const sheetStateSchema = z.enum(['submitted', 'draft', 'none']);
export const sheetSchema = z.object({
  applicationId: idSchema,
  scores: z.record(z.string(), z.number()),
  comment: z.string(),
  submittedAt: timestampSchema.nullable(),
  version: z.number().int(),
  /** The weighted total when every criterion is scored. */
  total: z.number().nullable(),
  updatedAt: timestampSchema,
});
export type Sheet = z.infer<typeof sheetSchema>;

export const judgeRoundSchema = z.object({
  round: z.object({ id: idSchema, name: z.string(), kind: roundKindSchema, status: roundStatusSchema, scoreMin: z.number(), scoreMax: z.number() }),
  event: judgingEventRefSchema,
  community: communityRefSchema,
  criteria: z.array(criterionSchema),
  entries: z.array(
    z.object({
      applicationId: idSchema,
      projectName: z.string(),
      organisationName: z.string(),
      segment: z.string().nullable(),
      state: sheetStateSchema,
      total: z.number().nullable(),
      recused: z.boolean(),
      recusalSource: recusalSourceSchema.nullable(),
      recusalReason: z.string().nullable(),
      conflicts: z.array(conflictSchema),
    }),
  ),
  submitted: z.number().int(),
  total: z.number().int(),
});
export type JudgeRound = z.infer<typeof judgeRoundSchema>;

export const judgeApplicationSchema = z.object({
  roundId: idSchema,
  applicationId: idSchema,
  projectName: z.string(),
  organisationName: z.string(),
  segment: z.string().nullable(),
  summary: z.string(),
  team: z.array(z.object({ name: z.string(), role: z.string() })),
  answers: z.array(z.object({ id: z.string(), label: z.string(), value: z.union([z.string(), z.array(z.string()), z.boolean()]) })),
  project: z.object({ id: idSchema, nameZh: z.string(), nameEn: z.string().nullable() }).nullable(),
  deck: z.object({ filename: z.string(), sizeBytes: z.number().int(), url: z.string() }).nullable(),
  sheet: sheetSchema.nullable(),
  /** Neighbours in the round's order among those the judge may score, for next/previous. */
  previousId: idSchema.nullable(),
  nextId: idSchema.nullable(),
});
export type JudgeApplication = z.infer<typeof judgeApplicationSchema>;
