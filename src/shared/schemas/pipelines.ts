/**
 * The API contract of the 招商 pipelines: pipelines and their stages, items (the kanban cards
 * and the table rows), moves, losses, activities, conversion statistics and reminders.
 * Money is integer fen; areas are square metres; dates are ISO dates in the community's zone.
 */
import { z } from 'zod';
import { ACTIVITY_KINDS, ITEM_EVENT_KINDS, ITEM_SOURCES, LOSS_REASONS, PIPELINE_KINDS, STAGE_ACTIONS } from '../../domain/lifecycle/vocabularies';
import { communityRefSchema, idSchema, pageQuery, timestampSchema } from './common';
import { entityRefSchema, fenSchema, isoDateSchema } from './directory';

export const pipelineKindSchema = z.enum(PIPELINE_KINDS);
export const stageActionSchema = z.enum(STAGE_ACTIONS);
export const activityKindSchema = z.enum(ACTIVITY_KINDS);
export const lossReasonSchema = z.enum(LOSS_REASONS);
export const itemSourceSchema = z.enum(ITEM_SOURCES);
export const itemEventKindSchema = z.enum(ITEM_EVENT_KINDS);

const text = (max: number) => z.string().trim().max(max);
const areaSchema = z.number().int().min(0).max(100_000_000);
const percentSchema = z.number().int().min(0).max(100);
const versionSchema = z.number().int().min(1);

// ---------------------------------------------------------------- pipelines and stages

export const pipelineStageSchema = z.object({
  id: idSchema,
  code: z.string(),
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  position: z.number().int(),
  probability: z.number().int(),
  action: stageActionSchema,
});
export type PipelineStage = z.infer<typeof pipelineStageSchema>;

/** One column of the board: how many open items, and their expected investment (plain and weighted). */
export const stageSummarySchema = z.object({
  stageId: idSchema,
  openCount: z.number().int(),
  expectedInvestmentFen: z.number().int(),
  weightedInvestmentFen: z.number().int(),
  expectedAreaSqm: z.number().int(),
});
export type StageSummary = z.infer<typeof stageSummarySchema>;

export const pipelineSchema = z.object({
  id: idSchema,
  communityId: idSchema,
  kind: pipelineKindSchema,
  nameZh: z.string(),
  nameEn: z.string().nullable(),
  archived: z.boolean(),
  version: z.number().int(),
  stages: z.array(pipelineStageSchema),
  /** Per stage, in stage order. */
  summary: z.array(stageSummarySchema),
  lostCount: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Pipeline = z.infer<typeof pipelineSchema>;

/**
 * A stage as the settings form sends it: `id` for a stage that exists (renamed or reordered in
 * place), none for a new one. The list's order is the stages' order. A stage that still holds
 * items cannot be removed (409 stage_in_use).
 */
export const stageInput = z.strictObject({
  id: idSchema.optional(),
  code: z.string().regex(/^[a-z0-9][a-z0-9_]{0,62}$/),
  nameZh: text(60).min(1),
  nameEn: text(60).nullable().optional(),
  probability: percentSchema,
  action: stageActionSchema.default('none'),
});
export type StageInput = z.input<typeof stageInput>;

export const pipelineCreateInput = z.strictObject({
  kind: pipelineKindSchema,
  nameZh: text(100).min(1),
  nameEn: text(100).nullable().optional(),
  /** Omitted: the kind's standard stages (for attraction: lead → contacted → … → producing). */
  stages: z.array(stageInput).min(2).max(20).optional(),
});
export type PipelineCreateInput = z.input<typeof pipelineCreateInput>;

export const pipelineUpdateInput = z.strictObject({
  version: versionSchema,
  nameZh: text(100).min(1).optional(),
  nameEn: text(100).nullable().optional(),
  archived: z.boolean().optional(),
  stages: z.array(stageInput).min(2).max(20).optional(),
});
export type PipelineUpdateInput = z.input<typeof pipelineUpdateInput>;

/** `archived=true` lists archived pipelines too (after the others). */
export const pipelineListQuery = z.strictObject({ archived: z.enum(['true', 'false']).optional() });

export const pipelineParams = z.strictObject({ communityId: idSchema, pipelineId: idSchema });
export const itemParams = z.strictObject({ communityId: idSchema, itemId: idSchema });

// ---------------------------------------------------------------- items

export const userRefSchema = z.object({ userId: idSchema, displayName: z.string() });
export type UserRef = z.infer<typeof userRefSchema>;

export const pipelineItemSchema = z.object({
  id: idSchema,
  pipelineId: idSchema,
  stageId: idSchema,
  title: z.string(),
  /** Null also when the project exists but the viewer may not see it. */
  project: entityRefSchema.nullable(),
  organisation: entityRefSchema.nullable(),
  owner: userRefSchema.nullable(),
  expectedInvestmentFen: z.number().int().nullable(),
  expectedAreaSqm: z.number().int().nullable(),
  /** The item's own probability when set, else its stage's. */
  probability: z.number().int(),
  probabilityOverride: z.number().int().nullable(),
  nextAction: z.string(),
  nextActionOn: isoDateSchema.nullable(),
  /** The next action's date has passed (in the community's time zone) and the item is open. */
  overdue: z.boolean(),
  source: itemSourceSchema,
  rank: z.string(),
  lostReason: lossReasonSchema.nullable(),
  lostNote: z.string(),
  lostAt: timestampSchema.nullable(),
  stageEnteredAt: timestampSchema,
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type PipelineItem = z.infer<typeof pipelineItemSchema>;

export const itemEventSchema = z.object({
  id: idSchema,
  kind: itemEventKindSchema,
  fromStageId: idSchema.nullable(),
  toStageId: idSchema.nullable(),
  lostReason: lossReasonSchema.nullable(),
  note: z.string(),
  actor: userRefSchema.nullable(),
  at: timestampSchema,
  /** For a skip: the stages passed over, in the pipeline's current stage order. */
  skippedStageIds: z.array(idSchema).optional(),
});
export type ItemEvent = z.infer<typeof itemEventSchema>;

export const pipelineItemDetailSchema = pipelineItemSchema.extend({
  history: z.array(itemEventSchema),
  /** Records made from this item (the web app offers them at stages with an action). */
  agreementIds: z.array(idSchema),
  landingId: idSchema.nullable(),
  /** Set when the item came from a referral this community accepted. */
  referralId: idSchema.nullable(),
  /** The caller may delete it: the community's admins and whoever created it. */
  canDelete: z.boolean(),
});
export type PipelineItemDetail = z.infer<typeof pipelineItemDetailSchema>;

const optionalId = idSchema.nullable().optional();
const itemFields = {
  title: text(200).min(1),
  projectId: optionalId,
  organisationId: optionalId,
  ownerUserId: optionalId,
  expectedInvestmentFen: fenSchema.nullable().optional(),
  expectedAreaSqm: areaSchema.nullable().optional(),
  probability: percentSchema.nullable().optional(),
  nextAction: text(500).optional(),
  nextActionOn: isoDateSchema.nullable().optional(),
};

export const itemCreateInput = z.strictObject({
  ...itemFields,
  /** Omitted: the first stage. */
  stageId: idSchema.optional(),
});
export type ItemCreateInput = z.input<typeof itemCreateInput>;

export const itemUpdateInput = z.strictObject({ version: versionSchema, ...itemFields, title: itemFields.title.optional() });
export type ItemUpdateInput = z.input<typeof itemUpdateInput>;

/**
 * A drag to a column (and a place in it). `afterId`/`beforeId` name the cards it was dropped
 * between; both omitted puts it at the end. A move back needs a `reason` (400 validation_failed, fields.reason).
 * A stale `version` answers 409 version_conflict and changes nothing.
 */
export const itemMoveInput = z.strictObject({
  version: versionSchema,
  stageId: idSchema,
  afterId: idSchema.nullable().optional(),
  beforeId: idSchema.nullable().optional(),
  reason: text(500).optional(),
});
export type ItemMoveInput = z.input<typeof itemMoveInput>;

/** Closing an item as lost; `other` needs a note. */
export const itemLoseInput = z.strictObject({ version: versionSchema, reason: lossReasonSchema, note: text(1000).optional() });
export type ItemLoseInput = z.input<typeof itemLoseInput>;

export const itemReopenInput = z.strictObject({ version: versionSchema, note: text(1000).optional() });

export const itemListQuery = z.strictObject({
  ...pageQuery,
  stageId: idSchema.optional(),
  status: z.enum(['open', 'lost', 'all']).default('open'),
  ownerUserId: idSchema.optional(),
  /** Words in the title, the project's or the organisation's name. */
  q: text(100).optional(),
  overdue: z.enum(['true', 'false']).optional(),
  sort: z.enum(['rank', 'updated', 'next_action', 'investment', 'stage_age']).default('rank'),
});
export type ItemListQuery = z.input<typeof itemListQuery>;

/** The table view as a spreadsheet: the same filters and sort, every matching row (up to 10,000). */
export const itemExportQuery = itemListQuery.omit({ limit: true, cursor: true });

export const itemPageSchema = z.object({ items: z.array(pipelineItemSchema), nextCursor: z.string().nullable(), total: z.number().int() });
export type ItemPage = z.infer<typeof itemPageSchema>;

// ---------------------------------------------------------------- activities

export const activitySchema = z.object({
  id: idSchema,
  itemId: idSchema,
  kind: activityKindSchema,
  occurredAt: timestampSchema,
  body: z.string(),
  author: userRefSchema.nullable(),
  createdAt: timestampSchema,
});
export type Activity = z.infer<typeof activitySchema>;

export const activityInput = z.strictObject({
  kind: activityKindSchema,
  occurredAt: timestampSchema,
  body: text(4000).min(1),
  /** Optionally set the item's next action in the same step. */
  nextAction: text(500).optional(),
  nextActionOn: isoDateSchema.nullable().optional(),
});
export type ActivityInput = z.input<typeof activityInput>;

// ---------------------------------------------------------------- conversion

export const conversionQuery = z.strictObject({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  period: z.enum(['month', 'quarter', 'year']).default('month'),
});

/** For one stage and period: items that entered it, moved on from it, and were lost while in it (by reason). */
export const stageConversionSchema = z.object({
  stageId: idSchema,
  entered: z.number().int(),
  movedOn: z.number().int(),
  lost: z.number().int(),
  lostByReason: z.record(z.string(), z.number().int()),
  /** movedOn / entered, null when nothing entered. */
  conversionRate: z.number().nullable(),
  /** Median days an item spent in the stage before moving on, null without moves. */
  medianDays: z.number().nullable(),
});
export const conversionSchema = z.object({
  pipelineId: idSchema,
  periods: z.array(z.object({ period: z.string(), stages: z.array(stageConversionSchema) })),
  totals: z.array(stageConversionSchema),
});
export type Conversion = z.infer<typeof conversionSchema>;

// ---------------------------------------------------------------- reminders

/** An open item whose next action is due today or overdue, owned by the signed-in user. */
export const reminderSchema = z.object({
  community: communityRefSchema,
  pipelineId: idSchema,
  pipelineNameZh: z.string(),
  pipelineNameEn: z.string().nullable(),
  itemId: idSchema,
  title: z.string(),
  stageNameZh: z.string(),
  stageNameEn: z.string().nullable(),
  nextAction: z.string(),
  nextActionOn: isoDateSchema,
  overdueDays: z.number().int(),
});
export type Reminder = z.infer<typeof reminderSchema>;
