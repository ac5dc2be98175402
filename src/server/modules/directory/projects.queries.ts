import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { files, organisations, projectAttachments, projectNamedInvestors, projects, referrals } from '../../db/schema';

export type ProjectRow = typeof projects.$inferSelect;
export type ProjectValues = Omit<typeof projects.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

export async function findProject(db: Executor, id: string): Promise<ProjectRow | undefined> {
  const [row] = await db.select().from(projects).where(eq(projects.id, id));
  return row;
}

export async function insertProject(db: Executor, values: ProjectValues): Promise<ProjectRow> {
  const [row] = await db.insert(projects).values(values).returning();
  return row!;
}

/** Same optimistic concurrency as organisations: changes only the version the editor started from. */
export async function updateProject(db: Executor, id: string, version: number, values: Partial<ProjectValues>) {
  const [row] = await db
    .update(projects)
    .set({ ...values, version: sql`${projects.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(projects.id, id), eq(projects.version, version)))
    .returning();
  return row;
}

export async function deleteProject(db: Executor, id: string) {
  const [row] = await db.delete(projects).where(eq(projects.id, id)).returning();
  return row;
}

export async function projectsOwnedBy(db: Executor, organisationId: string): Promise<ProjectRow[]> {
  return db.select().from(projects).where(eq(projects.ownerOrganisationId, organisationId)).orderBy(asc(projects.nameZh), asc(projects.id));
}

/** Named investors of each project, by project id. */
export async function namedInvestorIds(db: Executor, projectIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>(projectIds.map((id) => [id, []]));
  if (projectIds.length === 0) return out;
  const rows = await db.select().from(projectNamedInvestors).where(inArray(projectNamedInvestors.projectId, projectIds));
  for (const r of rows) out.get(r.projectId)?.push(r.organisationId);
  return out;
}

/** Referral statuses under which the receiving community sees the project. */
export const LIVE_REFERRAL_STATUSES = ['pending', 'accepted', 'landed'] as const;

/**
 * Who a project is shared with, by project id: its named investors, and the communities holding
 * a live referral of it (pending, accepted or landed; not declined or withdrawn).
 */
export async function projectSharing(db: Executor, projectIds: string[]): Promise<Map<string, { namedInvestorIds: string[]; referredToCommunityIds: string[] }>> {
  const out = new Map(projectIds.map((id) => [id, { namedInvestorIds: [] as string[], referredToCommunityIds: [] as string[] }]));
  if (projectIds.length === 0) return out;
  // One after the other: inside a transaction both would share one connection.
  const named = await db.select().from(projectNamedInvestors).where(inArray(projectNamedInvestors.projectId, projectIds));
  const referred = await db
    .selectDistinct({ projectId: referrals.projectId, communityId: referrals.toCommunityId })
    .from(referrals)
    .where(and(inArray(referrals.projectId, projectIds), inArray(referrals.status, [...LIVE_REFERRAL_STATUSES])));
  for (const r of named) out.get(r.projectId)?.namedInvestorIds.push(r.organisationId);
  for (const r of referred) out.get(r.projectId)?.referredToCommunityIds.push(r.communityId);
  return out;
}

export async function namedInvestorRefs(db: Executor, projectId: string) {
  return db
    .select({ id: organisations.id, nameZh: organisations.nameZh, nameEn: organisations.nameEn })
    .from(projectNamedInvestors)
    .innerJoin(organisations, eq(organisations.id, projectNamedInvestors.organisationId))
    .where(eq(projectNamedInvestors.projectId, projectId))
    .orderBy(asc(organisations.nameZh));
}

export async function setNamedInvestors(db: Executor, projectId: string, organisationIds: string[]) {
  await db.delete(projectNamedInvestors).where(eq(projectNamedInvestors.projectId, projectId));
  if (organisationIds.length) await db.insert(projectNamedInvestors).values(organisationIds.map((organisationId) => ({ projectId, organisationId })));
}

export async function projectIdsNamingInvestor(db: Executor, organisationId: string): Promise<string[]> {
  const rows = await db.select({ id: projectNamedInvestors.projectId }).from(projectNamedInvestors).where(eq(projectNamedInvestors.organisationId, organisationId));
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------- attachments

const attachmentColumns = {
  id: projectAttachments.id,
  projectId: projectAttachments.projectId,
  fileId: projectAttachments.fileId,
  kind: projectAttachments.kind,
  filename: files.filename,
  contentType: files.contentType,
  sizeBytes: files.sizeBytes,
  createdAt: projectAttachments.createdAt,
};

export async function listAttachments(db: Executor, projectId: string) {
  return db
    .select(attachmentColumns)
    .from(projectAttachments)
    .innerJoin(files, eq(files.id, projectAttachments.fileId))
    .where(eq(projectAttachments.projectId, projectId))
    .orderBy(asc(projectAttachments.createdAt), asc(projectAttachments.id));
}

export async function findAttachment(db: Executor, projectId: string, attachmentId: string) {
  const [row] = await db
    .select(attachmentColumns)
    .from(projectAttachments)
    .innerJoin(files, eq(files.id, projectAttachments.fileId))
    .where(and(eq(projectAttachments.projectId, projectId), eq(projectAttachments.id, attachmentId)));
  return row;
}

export async function insertAttachment(db: Executor, values: typeof projectAttachments.$inferInsert) {
  const [row] = await db.insert(projectAttachments).values(values).returning({ id: projectAttachments.id });
  return row!;
}

/** The project an uploaded file is attached to, if any. */
export async function projectOfFile(db: Executor, fileId: string): Promise<string | undefined> {
  const [row] = await db.select({ projectId: projectAttachments.projectId }).from(projectAttachments).where(eq(projectAttachments.fileId, fileId)).limit(1);
  return row?.projectId;
}

/** File ids of the projects' attachments (their rows and bytes go with the projects). */
export async function attachmentFileIds(db: Executor, projectIds: string[]): Promise<string[]> {
  if (projectIds.length === 0) return [];
  const rows = await db.select({ fileId: projectAttachments.fileId }).from(projectAttachments).where(inArray(projectAttachments.projectId, projectIds));
  return rows.map((r) => r.fileId);
}

/**
 * Erasure: takes the person out of every project's team list (name and link both). Bumps the
 * version so open edit forms, which would write the old list back, answer 409 instead.
 */
export async function removeFromTeams(db: Executor, personId: string) {
  return db
    .update(projects)
    .set({
      team: sql`(select coalesce(jsonb_agg(e order by n), '[]'::jsonb) from jsonb_array_elements(${projects.team}) with ordinality as m(e, n) where e ->> 'personId' is distinct from ${personId})`,
      version: sql`${projects.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(sql`${projects.team} @> ${JSON.stringify([{ personId }])}::jsonb`)
    .returning({ id: projects.id, nameZh: projects.nameZh, communityId: projects.communityId });
}
