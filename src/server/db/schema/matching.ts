import { sql } from 'drizzle-orm';
import { bigint, boolean, check, index, integer, pgTable, primaryKey, real, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { MATCH_ENTITY_TYPES, MATCH_TARGETS, FEEDBACK_VERDICTS, REFRESH_STATUSES, THESAURUS_LANGS } from '../../../domain/matching/vocabularies';
import { communities } from './communities';
import { created, inList, updated } from './columns';
import { pipelineItems } from './pipelines';
import { partneringRequests } from './partnering';
import { users } from './users';

/**
 * The domain thesaurus: concepts of the field, each with the terms that name it in simplified
 * and traditional Chinese and in English (CAR-T ~ 免疫细胞治疗 ~ cell therapy). Kept as data,
 * edited by platform admins; the search expands a query's words through it and the matching
 * engine compares records by the concepts their text names.
 */
export const thesaurusConcepts = pgTable(
  'thesaurus_concepts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stable handle (cell_therapy, ivd …), shown in explanations and used by the seed. */
    code: text('code').notNull(),
    /** The taxonomy segment this concept belongs to, when it belongs to one. */
    segment: text('segment'),
    /** Concepts whose meanings are related (干细胞 ~ 再生医学): matched at a lower weight. */
    relatedCodes: text('related_codes').array().notNull().default(sql`'{}'`),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [uniqueIndex('thesaurus_concepts_code_key').on(t.code), check('thesaurus_concepts_code_format', sql`${t.code} ~ '^[a-z0-9][a-z0-9_]{0,62}$'`)],
);

export const thesaurusTerms = pgTable(
  'thesaurus_terms',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    conceptId: uuid('concept_id')
      .notNull()
      .references(() => thesaurusConcepts.id, { onDelete: 'cascade' }),
    lang: text('lang').notNull(),
    term: text('term').notNull(),
    /** The term folded (simplified Chinese, NFKC, lower case, no spaces or hyphens): what lookups compare. */
    termKey: text('term_key').notNull(),
  },
  (t) => [
    // One key per language: 細胞治療 (zh_hant) and 细胞治疗 (zh_hans) fold alike and are both kept.
    uniqueIndex('thesaurus_terms_concept_key').on(t.conceptId, t.lang, t.termKey),
    index('thesaurus_terms_key_idx').on(t.termKey),
    check('thesaurus_terms_lang_known', inList(t.lang, THESAURUS_LANGS)),
    check('thesaurus_terms_not_blank', sql`length(btrim(${t.term})) > 0 and length(${t.termKey}) > 0`),
  ],
);

/**
 * What a community (a park, an alliance, an innovation centre) looks for in projects: its focus
 * segments and stages, entry criteria (milestones a project must have reached, company
 * qualifications), preferred regions, and whether it takes projects at all now.
 */
export const communityMatchProfiles = pgTable('community_match_profiles', {
  communityId: uuid('community_id')
    .primaryKey()
    .references(() => communities.id, { onDelete: 'cascade' }),
  accepting: boolean('accepting').notNull().default(true),
  focusSegments: text('focus_segments').array().notNull().default(sql`'{}'`),
  focusStages: text('focus_stages').array().notNull().default(sql`'{}'`),
  /** Entry criterion: the project has reached one of these milestones (e.g. ind_cleared). Empty: none. */
  requiredMilestones: text('required_milestones').array().notNull().default(sql`'{}'`),
  /** Entry criterion: the company holds one of these qualifications. Empty: none. */
  requiredQualifications: text('required_qualifications').array().notNull().default(sql`'{}'`),
  /** Provinces the community prefers projects from (empty: anywhere). */
  regions: text('regions').array().notNull().default(sql`'{}'`),
  /** What it offers and seeks, in words (matched through the thesaurus). */
  statementZh: text('statement_zh').notNull().default(''),
  statementEn: text('statement_en').notNull().default(''),
  version: integer('version').notNull().default(1),
  updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
  updatedAt: updated(),
});

/**
 * A user's verdict on one suggestion (subject → candidate). "contacted" may carry what the
 * contact became: a pipeline item or a partnering request.
 */
export const matchFeedback = pgTable(
  'match_feedback',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    candidateType: text('candidate_type').notNull(),
    candidateId: uuid('candidate_id').notNull(),
    verdict: text('verdict').notNull(),
    pipelineItemId: uuid('pipeline_item_id').references(() => pipelineItems.id, { onDelete: 'set null' }),
    partneringRequestId: uuid('partnering_request_id').references(() => partneringRequests.id, { onDelete: 'set null' }),
    createdAt: created(),
    updatedAt: updated(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.subjectType, t.subjectId, t.candidateType, t.candidateId] }),
    index('match_feedback_subject_idx').on(t.subjectType, t.subjectId),
    index('match_feedback_candidate_idx').on(t.candidateType, t.candidateId),
    check('match_feedback_subject_known', inList(t.subjectType, MATCH_ENTITY_TYPES)),
    check('match_feedback_candidate_known', inList(t.candidateType, MATCH_ENTITY_TYPES)),
    check('match_feedback_verdict_known', inList(t.verdict, FEEDBACK_VERDICTS)),
  ],
);

/**
 * Stored suggestions: the top matches of each subject for each target as the last full refresh
 * found them. Home pages read these; a record's own page ranks live.
 */
export const matchSuggestions = pgTable(
  'match_suggestions',
  {
    subjectType: text('subject_type').notNull(),
    subjectId: uuid('subject_id').notNull(),
    target: text('target').notNull(),
    candidateType: text('candidate_type').notNull(),
    candidateId: uuid('candidate_id').notNull(),
    rank: smallint('rank').notNull(),
    score: real('score').notNull(),
    /** When this candidate first appeared among the subject's suggestions ("new" badges). */
    firstSuggestedAt: timestamp('first_suggested_at', { withTimezone: true }).notNull().defaultNow(),
    refreshedAt: timestamp('refreshed_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.subjectType, t.subjectId, t.target, t.candidateType, t.candidateId] }),
    index('match_suggestions_rank_idx').on(t.subjectType, t.subjectId, t.target, t.rank),
    check('match_suggestions_subject_known', inList(t.subjectType, MATCH_ENTITY_TYPES)),
    check('match_suggestions_candidate_known', inList(t.candidateType, MATCH_ENTITY_TYPES)),
    check('match_suggestions_target_known', inList(t.target, MATCH_TARGETS)),
  ],
);

/** A full refresh of stored suggestions: one running at a time. */
export const matchRefreshRuns = pgTable(
  'match_refresh_runs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    status: text('status').notNull().default('running'),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    subjects: integer('subjects').notNull().default(0),
    suggestions: integer('suggestions').notNull().default(0),
    durationMs: integer('duration_ms'),
    peakRssMb: integer('peak_rss_mb'),
    error: text('error'),
    /** A crashed server's run stops counting as running after this instant. */
    leaseUntil: timestamp('lease_until', { withTimezone: true }).notNull(),
    startedAt: created(),
    finishedAt: timestamp('finished_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('match_refresh_runs_one_running').on(sql`(true)`).where(sql`${t.status} = 'running'`),
    check('match_refresh_runs_status_known', inList(t.status, REFRESH_STATUSES)),
  ],
);

/**
 * The change feed of the matching index: every write to a record the engine reads appends a
 * row (in the writer's transaction), and each server process's in-memory index catches up by
 * reading the rows after the last it saw. Old rows are pruned.
 */
export const matchChanges = pgTable(
  'match_changes',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    entityType: text('entity_type').notNull(),
    /** Null: every record of the type (a thesaurus edit re-reads all text). */
    entityId: uuid('entity_id'),
    changedAt: created(),
  },
  (t) => [index('match_changes_changed_idx').on(t.changedAt)],
);
