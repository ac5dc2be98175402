import { and, asc, desc, eq, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { EntityType, LinkTargetType } from '../../../domain/directory';
import type { Executor } from '../../db/client';
import {
  auditLog,
  communities,
  communityAnnotations,
  communityNotes,
  directoryLinks,
  files,
  memberships,
  organisationRepresentatives,
  organisations,
  people,
  projects,
  taxonomyTerms,
  users,
} from '../../db/schema';

export type TaxonomyRow = typeof taxonomyTerms.$inferSelect;
export type LinkRow = typeof directoryLinks.$inferSelect;
export type FileRow = typeof files.$inferSelect;

// ---------------------------------------------------------------- the viewer

export async function rolesOfUser(db: Executor, userId: string) {
  return db.select({ communityId: memberships.communityId, role: memberships.role }).from(memberships).where(eq(memberships.userId, userId));
}

export async function organisationsRepresentedBy(db: Executor, userId: string): Promise<string[]> {
  const rows = await db
    .select({ id: organisationRepresentatives.organisationId })
    .from(organisationRepresentatives)
    .where(eq(organisationRepresentatives.userId, userId));
  return rows.map((r) => r.id);
}

export async function findUserByEmail(db: Executor, email: string) {
  const [row] = await db.select({ id: users.id, email: users.email, displayName: users.displayName }).from(users).where(eq(users.email, email));
  return row;
}

export async function communityExists(db: Executor, id: string): Promise<boolean> {
  const [row] = await db.select({ id: communities.id }).from(communities).where(eq(communities.id, id));
  return Boolean(row);
}

// ---------------------------------------------------------------- taxonomy

export async function listTaxonomy(db: Executor): Promise<TaxonomyRow[]> {
  return db.select().from(taxonomyTerms).orderBy(asc(taxonomyTerms.taxonomy), asc(taxonomyTerms.sortOrder), asc(taxonomyTerms.code));
}

/** Inserts a term; undefined when the code is taken in that taxonomy. */
export async function insertTaxonomyTerm(db: Executor, values: typeof taxonomyTerms.$inferInsert): Promise<TaxonomyRow | undefined> {
  const [row] = await db.insert(taxonomyTerms).values(values).onConflictDoNothing().returning();
  return row;
}

// ---------------------------------------------------------------- names of records

export interface Named {
  nameZh: string;
  nameEn: string | null;
}

/** Names of records of several types at once, keyed "type:id"; missing records are absent. */
export async function namesOf(db: Executor, refs: { type: LinkTargetType; id: string }[]): Promise<Map<string, Named>> {
  const byType = new Map<LinkTargetType, string[]>();
  for (const r of refs) byType.set(r.type, [...(byType.get(r.type) ?? []), r.id]);
  const out = new Map<string, Named>();
  for (const [type, ids] of byType) {
    const unique = [...new Set(ids)];
    let rows: { id: string; nameZh: string; nameEn: string | null }[];
    switch (type) {
      case 'organisation':
        rows = await db.select({ id: organisations.id, nameZh: organisations.nameZh, nameEn: organisations.nameEn }).from(organisations).where(inArray(organisations.id, unique));
        break;
      case 'person':
        rows = await db.select({ id: people.id, nameZh: people.nameZh, nameEn: people.nameEn }).from(people).where(inArray(people.id, unique));
        break;
      case 'project':
        rows = await db.select({ id: projects.id, nameZh: projects.nameZh, nameEn: projects.nameEn }).from(projects).where(inArray(projects.id, unique));
        break;
      case 'community':
        rows = await db.select({ id: communities.id, nameZh: communities.nameZhHans, nameEn: communities.nameEn }).from(communities).where(inArray(communities.id, unique));
        break;
    }
    for (const r of rows) out.set(`${type}:${r.id}`, { nameZh: r.nameZh, nameEn: r.nameEn });
  }
  return out;
}

// ---------------------------------------------------------------- links

const touches = (type: string, ids: string[]): SQL =>
  or(and(eq(directoryLinks.fromType, type), inArray(directoryLinks.fromId, ids)), and(eq(directoryLinks.toType, type), inArray(directoryLinks.toId, ids)))!;

/** Links going out of or pointing at the record, oldest first. */
export async function listLinksOf(db: Executor, type: EntityType, id: string): Promise<LinkRow[]> {
  return db.select().from(directoryLinks).where(touches(type, [id])).orderBy(asc(directoryLinks.createdAt), asc(directoryLinks.id));
}

export async function findLink(db: Executor, id: string): Promise<LinkRow | undefined> {
  const [row] = await db.select().from(directoryLinks).where(eq(directoryLinks.id, id));
  return row;
}

/** Inserts a link; undefined when the same link already exists. */
export async function insertLink(db: Executor, values: typeof directoryLinks.$inferInsert): Promise<LinkRow | undefined> {
  const [row] = await db.insert(directoryLinks).values(values).onConflictDoNothing().returning();
  return row;
}

export async function deleteLink(db: Executor, id: string): Promise<LinkRow | undefined> {
  const [row] = await db.delete(directoryLinks).where(eq(directoryLinks.id, id)).returning();
  return row;
}

/** Removes every link with one of these records at either end (links die with either end). */
export async function deleteLinksOf(db: Executor, type: EntityType, ids: string[]): Promise<LinkRow[]> {
  if (ids.length === 0) return [];
  return db.delete(directoryLinks).where(touches(type, ids)).returning();
}

// ---------------------------------------------------------------- communities' private data on a record

/** Deletes every community's notes and annotations on the records; returns the notes' ids. */
export async function deleteCommunityDataOn(db: Executor, type: EntityType, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const notes = await db
    .delete(communityNotes)
    .where(and(eq(communityNotes.entityType, type), inArray(communityNotes.entityId, ids)))
    .returning({ id: communityNotes.id });
  await db.delete(communityAnnotations).where(and(eq(communityAnnotations.entityType, type), inArray(communityAnnotations.entityId, ids)));
  return notes.map((n) => n.id);
}

// ---------------------------------------------------------------- files

export async function insertFile(db: Executor, values: typeof files.$inferInsert): Promise<FileRow> {
  const [row] = await db.insert(files).values(values).returning();
  return row!;
}

export async function findFile(db: Executor, id: string): Promise<FileRow | undefined> {
  const [row] = await db.select().from(files).where(eq(files.id, id));
  return row;
}

/** Deletes file rows; returns their storage keys so the bytes can go once the transaction commits. */
export async function deleteFiles(db: Executor, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.delete(files).where(inArray(files.id, ids)).returning({ key: files.storageKey });
  return rows.map((r) => r.key);
}

/** Whether the file is some organisation's logo (logos are shown to everyone signed in). */
export async function isLogo(db: Executor, fileId: string): Promise<boolean> {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.logoFileId, fileId)).limit(1);
  return Boolean(row);
}

// ---------------------------------------------------------------- audit of a record

/** A record's audit entries, newest first; keyset on the id, which only grows. */
export async function listRecordAudit(db: Executor, entityType: EntityType, entityId: string, beforeId: number | undefined, limit: number) {
  const conditions: SQL[] = [eq(auditLog.entityType, entityType), eq(auditLog.entityId, entityId)];
  if (beforeId !== undefined) conditions.push(lt(auditLog.id, beforeId));
  return db
    .select({ entry: auditLog, actorName: users.displayName, actorEmail: users.email })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(limit + 1);
}

/**
 * Erasure (PIPL): the entries keep what happened, to what kind of record, when and by whom, but
 * every recorded value and the record's name are replaced. Values that were null stay null, so
 * it still reads which fields were set.
 */
export async function redactAudit(db: Executor, entityIds: string[]): Promise<number> {
  if (entityIds.length === 0) return 0;
  const rows = await db
    .update(auditLog)
    .set({
      entityLabel: null,
      changes: sql`coalesce((
        select jsonb_object_agg(key, jsonb_build_object(
          'before', case when jsonb_typeof(value -> 'before') in ('null') or value -> 'before' is null then 'null'::jsonb else '"[erased]"'::jsonb end,
          'after', case when jsonb_typeof(value -> 'after') in ('null') or value -> 'after' is null then 'null'::jsonb else '"[erased]"'::jsonb end))
        from jsonb_each(${auditLog.changes})), '{}'::jsonb)`,
    })
    .where(inArray(auditLog.entityId, entityIds))
    .returning({ id: auditLog.id });
  return rows.length;
}

/** Erasure within other records' history: replaces the values of one field in their audit entries. */
export async function redactAuditField(db: Executor, entityIds: string[], field: string): Promise<void> {
  if (entityIds.length === 0) return;
  await db
    .update(auditLog)
    .set({
      changes: sql`jsonb_set(${auditLog.changes}, ${`{${field}}`}::text[], jsonb_build_object(
        'before', case when ${auditLog.changes} -> ${field} -> 'before' = 'null'::jsonb then 'null'::jsonb else '"[erased]"'::jsonb end,
        'after', case when ${auditLog.changes} -> ${field} -> 'after' = 'null'::jsonb then 'null'::jsonb else '"[erased]"'::jsonb end))`,
    })
    .where(and(inArray(auditLog.entityId, entityIds), sql`${auditLog.changes} ? ${field}`));
}
