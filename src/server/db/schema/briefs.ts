import { sql } from 'drizzle-orm';
import { bigint, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  ANSWER_EVENT_KINDS,
  ANSWER_STAGES,
  ANSWER_STATUSES,
  BRIEF_MATURITIES,
  BRIEF_PARTNERSHIPS,
  BRIEF_STATUSES,
  CHALLENGE_KINDS,
  CHALLENGE_STATUSES,
  IP_STATUSES,
  LISTING_VISIBILITIES,
  THREAD_SIDES,
} from '../../../domain/matching/vocabularies';
import { communities } from './communities';
import { created, inList, updated } from './columns';
import { files, organisations } from './directory';
import { users } from './users';

/**
 * A technology brief: a short, standard description of a result available for licensing,
 * co-development or investment, published by a research institute, hospital or startup.
 */
export const techBriefs = pgTable(
  'tech_briefs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The organisation whose result it is. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** The community whose staff posted it for the organisation (null: the organisation's representatives did). */
    communityId: uuid('community_id').references(() => communities.id, { onDelete: 'set null' }),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en'),
    problem: text('problem').notNull(),
    solution: text('solution').notNull(),
    advantages: text('advantages').notNull().default(''),
    maturity: text('maturity').notNull(),
    ipStatus: text('ip_status').notNull(),
    /** Patent numbers, claims scope, licences already granted … */
    ipDetail: text('ip_detail').notNull().default(''),
    partnerships: text('partnerships').array().notNull(),
    /** What kind of partner is sought, in words. */
    partnerSought: text('partner_sought').notNull().default(''),
    segments: text('segments').array().notNull().default(sql`'{}'`),
    keywords: text('keywords').array().notNull().default(sql`'{}'`),
    visibility: text('visibility').notNull().default('public'),
    status: text('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    /** Who answers enquiries about it. */
    contactUserId: uuid('contact_user_id').references(() => users.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('tech_briefs_organisation_idx').on(t.organisationId),
    index('tech_briefs_published_idx').on(t.status, t.publishedAt),
    check('tech_briefs_maturity_known', inList(t.maturity, BRIEF_MATURITIES)),
    check('tech_briefs_ip_known', inList(t.ipStatus, IP_STATUSES)),
    check('tech_briefs_partnerships_known', sql`${t.partnerships} <@ array[${sql.raw(BRIEF_PARTNERSHIPS.map((p) => `'${p}'`).join(', '))}]::text[] and cardinality(${t.partnerships}) > 0`),
    check('tech_briefs_visibility_known', inList(t.visibility, LISTING_VISIBILITIES)),
    check('tech_briefs_status_known', inList(t.status, BRIEF_STATUSES)),
    check('tech_briefs_published_dated', sql`${t.status} = 'draft' or ${t.publishedAt} is not null`),
  ],
);

/** The communities whose members see a brief of visibility "communities". */
export const techBriefCommunities = pgTable(
  'tech_brief_communities',
  {
    briefId: uuid('brief_id')
      .notNull()
      .references(() => techBriefs.id, { onDelete: 'cascade' }),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.briefId, t.communityId] }), index('tech_brief_communities_community_idx').on(t.communityId)],
);

/**
 * A challenge (揭榜挂帅-style call): a company, hospital or park publishes a need with a
 * deadline; teams answer with a one-page proposal in a fixed structure.
 */
export const challenges = pgTable(
  'challenges',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** The poster: an organisation (company, hospital) … */
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'cascade' }),
    /** … or a community (a park) — exactly one of the two. */
    communityId: uuid('community_id').references(() => communities.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    titleZh: text('title_zh').notNull(),
    titleEn: text('title_en'),
    /** The need, the context, and what has been tried. */
    description: text('description').notNull(),
    /** What a good answer must show (criteria the poster screens by). */
    requirements: text('requirements').notNull().default(''),
    /** What the chosen team gets (contract, funding, access to patients or a line …). */
    offer: text('offer').notNull().default(''),
    budgetFen: bigint('budget_fen', { mode: 'number' }),
    segments: text('segments').array().notNull().default(sql`'{}'`),
    keywords: text('keywords').array().notNull().default(sql`'{}'`),
    deadline: timestamp('deadline', { withTimezone: true }).notNull(),
    visibility: text('visibility').notNull().default('public'),
    status: text('status').notNull().default('draft'),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    index('challenges_organisation_idx').on(t.organisationId),
    index('challenges_community_idx').on(t.communityId),
    index('challenges_open_idx').on(t.status, t.deadline),
    check('challenges_one_poster', sql`(${t.organisationId} is null) <> (${t.communityId} is null)`),
    check('challenges_kind_known', inList(t.kind, CHALLENGE_KINDS)),
    check('challenges_visibility_known', inList(t.visibility, LISTING_VISIBILITIES)),
    check('challenges_status_known', inList(t.status, CHALLENGE_STATUSES)),
    check('challenges_published_dated', sql`${t.status} = 'draft' or ${t.publishedAt} is not null`),
    check('challenges_budget_positive', sql`coalesce(${t.budgetFen}, 0) >= 0`),
  ],
);

export const challengeCommunities = pgTable(
  'challenge_communities',
  {
    challengeId: uuid('challenge_id')
      .notNull()
      .references(() => challenges.id, { onDelete: 'cascade' }),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.challengeId, t.communityId] }), index('challenge_communities_community_idx').on(t.communityId)],
);

/**
 * A team's one-page proposal, in a fixed structure, and where it stands in the poster's
 * screening. One per submitting user and challenge; the team edits it until it is screened.
 */
export const challengeAnswers = pgTable(
  'challenge_answers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    challengeId: uuid('challenge_id')
      .notNull()
      .references(() => challenges.id, { onDelete: 'cascade' }),
    submittedBy: uuid('submitted_by')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** The team's organisation (a university, an institute, a company), when it has one on the platform. */
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    teamName: text('team_name').notNull(),
    summary: text('summary').notNull(),
    approach: text('approach').notNull(),
    evidence: text('evidence').notNull(),
    team: text('team').notNull(),
    ip: text('ip').notNull().default(''),
    resources: text('resources').notNull().default(''),
    timeline: text('timeline').notNull(),
    budgetFen: bigint('budget_fen', { mode: 'number' }),
    attachmentFileId: uuid('attachment_file_id').references(() => files.id, { onDelete: 'set null' }),
    stage: text('stage').notNull().default('submitted'),
    status: text('status').notNull().default('active'),
    declineReason: text('decline_reason').notNull().default(''),
    /** The poster's private screening note (never shown to the team). */
    screeningNote: text('screening_note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    uniqueIndex('challenge_answers_one_per_user').on(t.challengeId, t.submittedBy),
    index('challenge_answers_challenge_idx').on(t.challengeId, t.stage),
    index('challenge_answers_submitter_idx').on(t.submittedBy),
    check('challenge_answers_stage_known', inList(t.stage, ANSWER_STAGES)),
    check('challenge_answers_status_known', inList(t.status, ANSWER_STATUSES)),
    check('challenge_answers_budget_positive', sql`coalesce(${t.budgetFen}, 0) >= 0`),
  ],
);

/** An answer's history: submitted, edited, each screening move, declined, reopened, withdrawn. */
export const challengeAnswerEvents = pgTable(
  'challenge_answer_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    answerId: uuid('answer_id')
      .notNull()
      .references(() => challengeAnswers.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    fromStage: text('from_stage'),
    toStage: text('to_stage'),
    note: text('note').notNull().default(''),
    actorId: uuid('actor_id').references(() => users.id, { onDelete: 'set null' }),
    createdAt: created(),
  },
  (t) => [index('challenge_answer_events_answer_idx').on(t.answerId, t.createdAt), check('challenge_answer_events_kind_known', inList(t.kind, ANSWER_EVENT_KINDS))],
);

/** The private thread between a challenge's poster and one answering team. */
export const challengeMessages = pgTable(
  'challenge_messages',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    answerId: uuid('answer_id')
      .notNull()
      .references(() => challengeAnswers.id, { onDelete: 'cascade' }),
    authorId: uuid('author_id').references(() => users.id, { onDelete: 'set null' }),
    side: text('side').notNull(),
    body: text('body').notNull(),
    createdAt: created(),
  },
  (t) => [
    index('challenge_messages_answer_idx').on(t.answerId, t.createdAt),
    check('challenge_messages_side_known', inList(t.side, THREAD_SIDES)),
    check('challenge_messages_not_blank', sql`length(btrim(${t.body})) > 0`),
  ],
);
