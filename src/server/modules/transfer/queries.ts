import { and, desc, eq, getTableColumns, getTableName, inArray, isNull, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { FieldChanges } from '../../../domain/audit-diff';
import type { Executor, Tx } from '../../db/client';
import {
  auditLog,
  files,
  importJobs,
  organisationRepresentatives,
  organisations,
  people,
  personAffiliations,
  projects,
  taxonomyTerms,
} from '../../db/schema';

export type ImportJobRow = typeof importJobs.$inferSelect;
export type OrganisationRow = typeof organisations.$inferSelect;
export type PersonRow = typeof people.$inferSelect;
export type ProjectRow = typeof projects.$inferSelect;
export type OrganisationValues = typeof organisations.$inferInsert;
export type PersonValues = typeof people.$inferInsert;
export type ProjectValues = typeof projects.$inferInsert;

export async function listTerms(db: Executor) {
  return db
    .select({
      taxonomy: taxonomyTerms.taxonomy,
      code: taxonomyTerms.code,
      groupCode: taxonomyTerms.groupCode,
      nameZhHans: taxonomyTerms.nameZhHans,
      nameZhHant: taxonomyTerms.nameZhHant,
      nameEn: taxonomyTerms.nameEn,
      aliases: taxonomyTerms.aliases,
    })
    .from(taxonomyTerms)
    .orderBy(taxonomyTerms.taxonomy, taxonomyTerms.sortOrder);
}

// ---------------------------------------------------------------- jobs

export async function insertFile(tx: Executor, values: typeof files.$inferInsert) {
  const [row] = await tx.insert(files).values(values).returning();
  return row!;
}

export async function insertJob(tx: Executor, values: typeof importJobs.$inferInsert): Promise<ImportJobRow> {
  const [row] = await tx.insert(importJobs).values(values).returning();
  return row!;
}

export async function findJob(db: Executor, communityId: string, id: string): Promise<ImportJobRow | undefined> {
  const [row] = await db.select().from(importJobs).where(and(eq(importJobs.id, id), eq(importJobs.communityId, communityId)));
  return row;
}

/** The job, locked until the transaction ends: two commits of one import queue here, and the second finds it committed. */
export async function lockJob(tx: Tx, communityId: string, id: string): Promise<ImportJobRow | undefined> {
  const [row] = await tx
    .select()
    .from(importJobs)
    .where(and(eq(importJobs.id, id), eq(importJobs.communityId, communityId)))
    .for('update');
  return row;
}

export async function updateJob(tx: Executor, id: string, values: Partial<typeof importJobs.$inferInsert>): Promise<ImportJobRow> {
  const [row] = await tx
    .update(importJobs)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(importJobs.id, id))
    .returning();
  return row!;
}

export async function listJobs(db: Executor, communityId: string, limit: number) {
  return db
    .select({ job: importJobs, filename: files.filename })
    .from(importJobs)
    .innerJoin(files, eq(files.id, importJobs.fileId))
    .where(eq(importJobs.communityId, communityId))
    .orderBy(desc(importJobs.createdAt), desc(importJobs.id))
    .limit(limit);
}

export async function fileOf(db: Executor, fileId: string) {
  const [row] = await db.select().from(files).where(eq(files.id, fileId));
  return row;
}

// ---------------------------------------------------------------- matching

const hasRepresentatives = sql<boolean>`exists (select 1 from ${organisationRepresentatives} r where r.organisation_id = ${organisations.id})`;
const orgMatchColumns = {
  id: organisations.id,
  nameZh: organisations.nameZh,
  nameKey: organisations.nameKey,
  creditCode: organisations.creditCode,
  stewardCommunityId: organisations.stewardCommunityId,
  hasRepresentatives,
};
export type OrganisationMatch = { id: string; nameZh: string; nameKey: string; creditCode: string | null; stewardCommunityId: string | null; hasRepresentatives: boolean };

export async function organisationsByCreditCode(db: Executor, codes: string[]): Promise<OrganisationMatch[]> {
  if (codes.length === 0) return [];
  return db.select(orgMatchColumns).from(organisations).where(inArray(organisations.creditCode, codes));
}

/** Oldest first, so the record a name matches is stable. */
export async function organisationsByNameKey(db: Executor, keys: string[]): Promise<OrganisationMatch[]> {
  if (keys.length === 0) return [];
  return db.select(orgMatchColumns).from(organisations).where(inArray(organisations.nameKey, keys)).orderBy(organisations.createdAt, organisations.id);
}

/** People the community holds (it stewards them): the only ones an import of its own may match. */
export async function peopleByEmail(db: Executor, communityId: string, emails: string[]) {
  if (emails.length === 0) return [];
  return db
    .select({ id: people.id, nameZh: people.nameZh, email: people.email, userId: people.userId, stewardCommunityId: people.stewardCommunityId, consentToContact: people.consentToContact })
    .from(people)
    .where(and(eq(people.stewardCommunityId, communityId), inArray(people.email, emails)))
    .orderBy(people.createdAt, people.id);
}

export async function peopleAtOrganisations(db: Executor, communityId: string, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  return db
    .selectDistinct({
      id: people.id,
      nameZh: people.nameZh,
      organisationId: personAffiliations.organisationId,
      userId: people.userId,
      stewardCommunityId: people.stewardCommunityId,
      consentToContact: people.consentToContact,
      createdAt: people.createdAt,
    })
    .from(people)
    .innerJoin(personAffiliations, eq(personAffiliations.personId, people.id))
    .where(and(eq(people.stewardCommunityId, communityId), inArray(personAffiliations.organisationId, organisationIds)))
    .orderBy(people.createdAt, people.id);
}

export async function projectsOfOwners(db: Executor, communityId: string, ownerIds: string[]) {
  if (ownerIds.length === 0) return [];
  return db
    .select({ id: projects.id, nameZh: projects.nameZh, ownerOrganisationId: projects.ownerOrganisationId, communityId: projects.communityId })
    .from(projects)
    .where(and(eq(projects.communityId, communityId), inArray(projects.ownerOrganisationId, ownerIds)))
    .orderBy(projects.createdAt, projects.id);
}

export async function projectsWithoutOwner(db: Executor, communityId: string, names: string[]) {
  if (names.length === 0) return [];
  return db
    .select({ id: projects.id, nameZh: projects.nameZh, ownerOrganisationId: projects.ownerOrganisationId, communityId: projects.communityId })
    .from(projects)
    .where(and(eq(projects.communityId, communityId), isNull(projects.ownerOrganisationId), inArray(projects.nameZh, names)))
    .orderBy(projects.createdAt, projects.id);
}

// ---------------------------------------------------------------- writes

/**
 * Many rows in one INSERT: they travel as a single JSON parameter that json_populate_recordset
 * turns into rows of the table's own type. One parameter instead of thousands of bind
 * parameters is what makes a 50,000-row import fast on PGlite. Keys are the schema's field
 * names; ids are made by the caller, so nothing needs to come back. A column some rows leave
 * out gets null in them, not its default: callers give NOT NULL columns a value in every row.
 */
async function insertJson(tx: Tx, table: PgTable, rows: readonly Record<string, unknown>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((k) => columns[k]);
  const list = sql.raw(keys.map((k) => `"${columns[k]!.name}"`).join(', '));
  const json = JSON.stringify(rows.map((r) => Object.fromEntries(keys.map((k) => [columns[k]!.name, r[k] === undefined ? null : r[k]]))));
  const name = sql.identifier(getTableName(table));
  await tx.execute(sql`insert into ${name} (${list}) select ${list} from json_populate_recordset(null::${name}, ${json}::json)`);
}

export async function insertOrganisations(tx: Tx, values: (OrganisationValues & { id: string })[]): Promise<void> {
  await insertJson(tx, organisations, values);
}

export async function insertPeople(tx: Tx, values: (PersonValues & { id: string })[]): Promise<void> {
  await insertJson(tx, people, values);
}

export async function insertProjects(tx: Tx, values: (ProjectValues & { id: string })[]): Promise<void> {
  await insertJson(tx, projects, values);
}

export async function insertAffiliations(tx: Tx, values: { personId: string; organisationId: string; role: string }[]) {
  if (values.length === 0) return;
  await tx.insert(personAffiliations).values(values).onConflictDoNothing();
}

export async function organisationsById(db: Executor, ids: string[]): Promise<OrganisationRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(organisations).where(inArray(organisations.id, ids));
}

export async function peopleById(db: Executor, ids: string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(people).where(inArray(people.id, ids));
}

export async function projectsById(db: Executor, ids: string[]): Promise<ProjectRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(projects).where(inArray(projects.id, ids));
}

const bump = { version: sql`version + 1`, updatedAt: sql`now()` };

export async function updateOrganisationRow(tx: Tx, id: string, values: Partial<OrganisationValues>): Promise<OrganisationRow> {
  const [row] = await tx.update(organisations).set({ ...values, ...bump }).where(eq(organisations.id, id)).returning();
  return row!;
}

export async function updatePersonRow(tx: Tx, id: string, values: Partial<PersonValues>): Promise<PersonRow> {
  const [row] = await tx.update(people).set({ ...values, ...bump }).where(eq(people.id, id)).returning();
  return row!;
}

export async function updateProjectRow(tx: Tx, id: string, values: Partial<ProjectValues>): Promise<ProjectRow> {
  const [row] = await tx.update(projects).set({ ...values, ...bump }).where(eq(projects.id, id)).returning();
  return row!;
}

export interface AuditValues {
  actorUserId: string | null;
  communityId: string;
  action: string;
  entityType: string;
  entityId: string;
  entityLabel: string;
  changes: FieldChanges;
  requestId: string;
}

/** Many audit entries in one statement: an import of thousands of records audits each of them. */
export async function insertAuditEntries(tx: Tx, entries: AuditValues[]): Promise<void> {
  await insertJson(tx, auditLog, entries as unknown as Record<string, unknown>[]);
}

// ---------------------------------------------------------------- export

/** Each person's current organisation (the oldest current affiliation), for the export's organisation column. */
export async function currentOrganisationNames(db: Executor, personIds: string[]): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .select({ personId: personAffiliations.personId, nameZh: organisations.nameZh, creditCode: organisations.creditCode })
    .from(personAffiliations)
    .innerJoin(organisations, eq(organisations.id, personAffiliations.organisationId))
    .where(and(inArray(personAffiliations.personId, personIds), eq(personAffiliations.isCurrent, true)))
    .orderBy(personAffiliations.createdAt, personAffiliations.id);
  const out = new Map<string, string>();
  for (const r of rows) if (!out.has(r.personId)) out.set(r.personId, r.nameZh);
  return out;
}

export async function organisationNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: organisations.id, nameZh: organisations.nameZh }).from(organisations).where(inArray(organisations.id, ids));
  return new Map(rows.map((r) => [r.id, r.nameZh]));
}
