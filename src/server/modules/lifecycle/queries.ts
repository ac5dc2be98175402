import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { files, lifecycleModels, milestoneKinds, projectMilestones, projects, projectStageChanges, taxonomyTerms, users } from '../../db/schema';
import { rowsOf } from '../../db/sql-helpers';

export type ModelRow = typeof lifecycleModels.$inferSelect;
export type MilestoneKindRow = typeof milestoneKinds.$inferSelect;
export type StageChangeValues = typeof projectStageChanges.$inferInsert;

export async function listModels(db: Executor): Promise<ModelRow[]> {
  return db.select().from(lifecycleModels).orderBy(asc(lifecycleModels.sortOrder), asc(lifecycleModels.code));
}

export async function listMilestoneKinds(db: Executor): Promise<MilestoneKindRow[]> {
  return db.select().from(milestoneKinds).orderBy(asc(milestoneKinds.sortOrder), asc(milestoneKinds.code));
}

export async function findMilestoneKind(db: Executor, code: string): Promise<MilestoneKindRow | undefined> {
  const [row] = await db.select().from(milestoneKinds).where(eq(milestoneKinds.code, code));
  return row;
}

/** Names of every stage term, by code. */
export async function stageNames(db: Executor) {
  const rows = await db
    .select({ code: taxonomyTerms.code, nameZhHans: taxonomyTerms.nameZhHans, nameZhHant: taxonomyTerms.nameZhHant, nameEn: taxonomyTerms.nameEn })
    .from(taxonomyTerms)
    .where(eq(taxonomyTerms.taxonomy, 'stage'));
  return new Map(rows.map((r) => [r.code, r]));
}


const changeColumns = {
  id: projectStageChanges.id,
  fromStage: projectStageChanges.fromStage,
  toStage: projectStageChanges.toStage,
  kind: projectStageChanges.kind,
  skipped: projectStageChanges.skipped,
  reason: projectStageChanges.reason,
  changedOn: projectStageChanges.changedOn,
  createdAt: projectStageChanges.createdAt,
  recorderId: users.id,
  recorderName: users.displayName,
};

export async function stageChanges(db: Executor, projectId: string) {
  return db
    .select(changeColumns)
    .from(projectStageChanges)
    .leftJoin(users, eq(users.id, projectStageChanges.changedBy))
    .where(eq(projectStageChanges.projectId, projectId));
}

export async function findStageChange(db: Executor, id: string) {
  const [row] = await db.select(changeColumns).from(projectStageChanges).leftJoin(users, eq(users.id, projectStageChanges.changedBy)).where(eq(projectStageChanges.id, id));
  return row;
}

const milestoneColumns = {
  id: projectMilestones.id,
  kind: projectMilestones.kind,
  occurredOn: projectMilestones.occurredOn,
  note: projectMilestones.note,
  evidenceUrl: projectMilestones.evidenceUrl,
  fileId: files.id,
  filename: files.filename,
  contentType: files.contentType,
  sizeBytes: files.sizeBytes,
  recordedBy: projectMilestones.recordedBy,
  recorderName: users.displayName,
  createdAt: projectMilestones.createdAt,
};

export async function milestones(db: Executor, projectId: string) {
  return db
    .select(milestoneColumns)
    .from(projectMilestones)
    .leftJoin(files, eq(files.id, projectMilestones.evidenceFileId))
    .leftJoin(users, eq(users.id, projectMilestones.recordedBy))
    .where(eq(projectMilestones.projectId, projectId));
}

export async function findMilestone(db: Executor, projectId: string, id: string) {
  const [row] = await db
    .select(milestoneColumns)
    .from(projectMilestones)
    .leftJoin(files, eq(files.id, projectMilestones.evidenceFileId))
    .leftJoin(users, eq(users.id, projectMilestones.recordedBy))
    .where(and(eq(projectMilestones.projectId, projectId), eq(projectMilestones.id, id)));
  return row;
}
export type MilestoneRow = NonNullable<Awaited<ReturnType<typeof findMilestone>>>;

export async function insertMilestone(db: Executor, values: typeof projectMilestones.$inferInsert) {
  const [row] = await db.insert(projectMilestones).values(values).returning({ id: projectMilestones.id });
  return row!;
}

export async function deleteMilestone(db: Executor, projectId: string, id: string) {
  const [row] = await db
    .delete(projectMilestones)
    .where(and(eq(projectMilestones.projectId, projectId), eq(projectMilestones.id, id)))
    .returning();
  return row;
}

export async function insertStageChange(db: Executor, values: StageChangeValues) {
  const [row] = await db.insert(projectStageChanges).values(values).returning({ id: projectStageChanges.id });
  return row!;
}

/** Moves the project (only from the version the editor saw); undefined when that version is gone. */
export async function setStage(db: Executor, id: string, version: number, stage: string, stageSince: string) {
  const [row] = await db
    .update(projects)
    .set({ stage, stageSince, version: sql`${projects.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(projects.id, id), eq(projects.version, version)))
    .returning();
  return row;
}

/** Sets when the project entered its stage (the version was already bumped by the edit that moved it). */
export async function setStageSince(db: Executor, id: string, stageSince: string) {
  await db.update(projects).set({ stageSince }).where(eq(projects.id, id));
}

/** Whether the file is one of the project's attachments (evidence is uploaded as one). */
export async function isAttachmentOf(db: Executor, projectId: string, fileId: string): Promise<boolean> {
  const rows = await rowsOf<{ one: number }>(db, sql`select 1 as one from project_attachments where project_id = ${projectId} and file_id = ${fileId} limit 1`);
  return rows.length > 0;
}

/**
 * The projects "of the community": those whose home it is, and those whose owner organisation
 * is resident in it (a resident_of link to the community). Full rows, for the visibility rules.
 */
export async function projectsOfCommunity(db: Executor, communityId: string, filter: { track?: string; segment?: string }) {
  const resident = sql`select l.from_id from directory_links l where l.role = 'resident_of' and l.from_type = 'organisation' and l.to_type = 'community' and l.to_id = ${communityId}`;
  const rows = await db
    .select()
    .from(projects)
    .where(
      and(
        sql`(${projects.communityId} = ${communityId} or ${projects.ownerOrganisationId} in (${resident}))`,
        filter.track ? eq(projects.track, filter.track) : undefined,
        filter.segment ? eq(projects.segment, filter.segment) : undefined,
      ),
    )
    .orderBy(asc(projects.stageSince), asc(projects.nameZh), asc(projects.id));
  return rows;
}
