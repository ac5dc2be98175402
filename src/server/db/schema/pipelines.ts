import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  ACTIVITY_KINDS,
  DECLINE_REASONS,
  ITEM_EVENT_KINDS,
  ITEM_SOURCES,
  LOSS_REASONS,
  PIPELINE_KINDS,
  REFERRAL_STATUSES,
  STAGE_ACTIONS,
} from '../../../domain/lifecycle/vocabularies';
import { communities } from './communities';
import { organisations, projects } from './directory';
import { users } from './users';
import { inList, created, updated } from './columns';


/** A community's pipeline (招商, incubation intake …). A community runs one or more. */
export const pipelines = pgTable(
  'pipelines',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull().default('attraction'),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    archived: boolean('archived').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [index('pipelines_community_idx').on(t.communityId), check('pipelines_kind_known', inList(t.kind, PIPELINE_KINDS))],
);

/**
 * A stage of a pipeline, in `position` order. The last stage is where an item has been won
 * (for 招商: producing). `probability` (0–100) weights expected investment in forecasts.
 */
export const pipelineStages = pgTable(
  'pipeline_stages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    pipelineId: uuid('pipeline_id')
      .notNull()
      .references(() => pipelines.id, { onDelete: 'cascade' }),
    /** Stable within the pipeline (lead, contacted, site_visit …): conversion reports group by it. */
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en'),
    position: smallint('position').notNull(),
    probability: smallint('probability').notNull().default(0),
    action: text('action').notNull().default('none'),
    createdAt: created(),
  },
  (t) => [
    uniqueIndex('pipeline_stages_code_key').on(t.pipelineId, t.code),
    uniqueIndex('pipeline_stages_position_key').on(t.pipelineId, t.position),
    check('pipeline_stages_probability_range', sql`${t.probability} between 0 and 100`),
    check('pipeline_stages_action_known', inList(t.action, STAGE_ACTIONS)),
    check('pipeline_stages_code_format', sql`${t.code} ~ '^[a-z0-9][a-z0-9_]{0,62}$'`),
  ],
);

/**
 * A project or company being courted. It is open, or lost (with a reason); an item in the last
 * stage has been won. `version` decides between two staff moving the same card at once.
 */
export const pipelineItems = pgTable(
  'pipeline_items',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    pipelineId: uuid('pipeline_id')
      .notNull()
      .references(() => pipelines.id, { onDelete: 'cascade' }),
    stageId: uuid('stage_id')
      .notNull()
      .references(() => pipelineStages.id),
    title: text('title').notNull(),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    expectedInvestmentFen: bigint('expected_investment_fen', { mode: 'number' }),
    /** Square metres. */
    expectedAreaSqm: integer('expected_area_sqm'),
    /** Overrides the stage's probability for this item when set. */
    probability: smallint('probability'),
    nextAction: text('next_action').notNull().default(''),
    nextActionOn: date('next_action_on', { mode: 'string' }),
    source: text('source').notNull().default('direct'),
    /** Order within the stage's column: fractional, so a drop between two cards writes one row. */
    rank: text('rank').notNull(),
    lostReason: text('lost_reason'),
    lostNote: text('lost_note').notNull().default(''),
    lostAt: timestamp('lost_at', { withTimezone: true }),
    stageEnteredAt: timestamp('stage_entered_at', { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('pipeline_items_board_idx').on(t.pipelineId, t.stageId, t.rank),
    index('pipeline_items_community_idx').on(t.communityId),
    index('pipeline_items_owner_due_idx').on(t.ownerUserId, t.nextActionOn).where(sql`${t.lostReason} is null`),
    index('pipeline_items_project_idx').on(t.projectId),
    check('pipeline_items_source_known', inList(t.source, ITEM_SOURCES)),
    check('pipeline_items_lost_known', sql`${t.lostReason} is null or ${inList(t.lostReason, LOSS_REASONS)}`),
    check('pipeline_items_lost_dated', sql`(${t.lostReason} is null) = (${t.lostAt} is null)`),
    check('pipeline_items_probability_range', sql`${t.probability} is null or ${t.probability} between 0 and 100`),
    check('pipeline_items_money_positive', sql`coalesce(${t.expectedInvestmentFen}, 0) >= 0 and coalesce(${t.expectedAreaSqm}, 0) >= 0`),
  ],
);

/** An item's history: created, every move (with its kind), lost and reopened. Conversion reports read it. */
export const pipelineItemEvents = pgTable(
  'pipeline_item_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => pipelineItems.id, { onDelete: 'cascade' }),
    pipelineId: uuid('pipeline_id')
      .notNull()
      .references(() => pipelines.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    fromStageId: uuid('from_stage_id').references(() => pipelineStages.id, { onDelete: 'set null' }),
    toStageId: uuid('to_stage_id').references(() => pipelineStages.id, { onDelete: 'set null' }),
    /** A skip: the stages passed over, as they stood when it happened (stages may be reordered later). */
    skippedStageIds: uuid('skipped_stage_ids').array().notNull().default(sql`'{}'`),
    lostReason: text('lost_reason'),
    note: text('note').notNull().default(''),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('pipeline_item_events_item_idx').on(t.itemId, t.at),
    index('pipeline_item_events_pipeline_idx').on(t.pipelineId, t.at),
    check('pipeline_item_events_kind_known', inList(t.kind, ITEM_EVENT_KINDS)),
  ],
);

/** A call, visit, meeting, e-mail or note on an item. */
export const pipelineActivities = pgTable(
  'pipeline_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    itemId: uuid('item_id')
      .notNull()
      .references(() => pipelineItems.id, { onDelete: 'cascade' }),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    body: text('body').notNull(),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: created(),
  },
  (t) => [index('pipeline_activities_item_idx').on(t.itemId, t.occurredAt), check('pipeline_activities_kind_known', inList(t.kind, ACTIVITY_KINDS))],
);

/**
 * A project one community refers to another. The referrer sees the status (and a decline's
 * reason), never the receiving side's pipeline, item or notes: `acceptedItemId` is the
 * receiving community's own data.
 */
export const referrals = pgTable(
  'referrals',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    fromCommunityId: uuid('from_community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    toCommunityId: uuid('to_community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    note: text('note').notNull().default(''),
    status: text('status').notNull().default('pending'),
    declineReason: text('decline_reason'),
    declineNote: text('decline_note').notNull().default(''),
    acceptedItemId: uuid('accepted_item_id').references(() => pipelineItems.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('referrals_from_idx').on(t.fromCommunityId, t.createdAt),
    index('referrals_to_idx').on(t.toCommunityId, t.createdAt),
    // One open referral of a project to a community at a time.
    uniqueIndex('referrals_open_key').on(t.projectId, t.toCommunityId).where(sql`${t.status} in ('pending', 'accepted')`),
    check('referrals_status_known', inList(t.status, REFERRAL_STATUSES)),
    check('referrals_decline_known', sql`${t.declineReason} is null or ${inList(t.declineReason, DECLINE_REASONS)}`),
    check('referrals_declined_reasoned', sql`(${t.status} = 'declined') = (${t.declineReason} is not null)`),
    check('referrals_not_self', sql`${t.fromCommunityId} <> ${t.toCommunityId}`),
  ],
);
