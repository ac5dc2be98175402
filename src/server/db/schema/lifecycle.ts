import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { DEVICE_CLASSES, PROJECT_TRACKS } from '../../../domain/directory';
import { STAGE_MOVE_KINDS } from '../../../domain/lifecycle/vocabularies';
import { communities } from './communities';
import { files, projects } from './directory';
import { users } from './users';
import { inList } from './columns';


/**
 * A lifecycle model: the ordered stages a project of one track (and, for devices, one class)
 * walks through. Kept as data: a class I device is filed, not registered, and skips clinical
 * evaluation; platform admins add models without a release.
 */
export const lifecycleModels = pgTable(
  'lifecycle_models',
  {
    code: text('code').primaryKey(),
    track: text('track').notNull(),
    /** Devices only: the class this model is for; null for the other tracks. */
    deviceClass: text('device_class'),
    nameZhHans: text('name_zh_hans').notNull(),
    nameZhHant: text('name_zh_hant').notNull(),
    nameEn: text('name_en').notNull(),
    /** Codes of taxonomy `stage` (group = track), in order. */
    stages: text('stages').array().notNull(),
    sortOrder: integer('sort_order').notNull().default(0),
  },
  (t) => [
    check('lifecycle_models_track_known', inList(t.track, PROJECT_TRACKS)),
    check('lifecycle_models_class_known', sql`${t.deviceClass} is null or ${inList(t.deviceClass, DEVICE_CLASSES)}`),
    check('lifecycle_models_has_stages', sql`cardinality(${t.stages}) > 0`),
  ],
);

/**
 * The dated milestones a project records (IND accepted, phase I first patient, NMPA
 * registration certificate, GMP certification, first sale, listing). `tracks` empty means
 * every track; `stageCode`, when set, is the stage the milestone shows the project has reached.
 */
export const milestoneKinds = pgTable('milestone_kinds', {
  code: text('code').primaryKey(),
  tracks: text('tracks').array().notNull().default(sql`'{}'`),
  stageCode: text('stage_code'),
  nameZhHans: text('name_zh_hans').notNull(),
  nameZhHant: text('name_zh_hant').notNull(),
  nameEn: text('name_en').notNull(),
  sortOrder: integer('sort_order').notNull().default(0),
});

/** Every change of a project's stage, with its kind: a rollback or skip is recorded with its reason. */
export const projectStageChanges = pgTable(
  'project_stage_changes',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    fromStage: text('from_stage'),
    toStage: text('to_stage').notNull(),
    kind: text('kind').notNull(),
    /** Stages passed over by a skip. */
    skipped: text('skipped').array().notNull().default(sql`'{}'`),
    reason: text('reason').notNull().default(''),
    changedOn: date('changed_on', { mode: 'string' }).notNull(),
    changedBy: uuid('changed_by').references(() => users.id, { onDelete: 'set null' }),
    /** The community whose staff made the change, when it was made through one. */
    communityId: uuid('community_id').references(() => communities.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('project_stage_changes_project_idx').on(t.projectId, t.changedOn),
    check('project_stage_changes_kind_known', inList(t.kind, STAGE_MOVE_KINDS)),
    check('project_stage_changes_reasoned', sql`${t.kind} <> 'rollback' or length(btrim(${t.reason})) > 0`),
  ],
);

/** A dated milestone with its evidence: an uploaded document or a link (at least one). */
export const projectMilestones = pgTable(
  'project_milestones',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    projectId: uuid('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    kind: text('kind')
      .notNull()
      .references(() => milestoneKinds.code),
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    note: text('note').notNull().default(''),
    evidenceFileId: uuid('evidence_file_id').references(() => files.id),
    evidenceUrl: text('evidence_url'),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    communityId: uuid('community_id').references(() => communities.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('project_milestones_project_idx').on(t.projectId, t.occurredOn),
    check('project_milestones_evidenced', sql`${t.evidenceFileId} is not null or ${t.evidenceUrl} is not null`),
  ],
);
