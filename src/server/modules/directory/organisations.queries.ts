import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { organisationRepresentatives, organisations, users } from '../../db/schema';

export type OrganisationRow = typeof organisations.$inferSelect;
export type OrganisationValues = Omit<typeof organisations.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

export async function findOrganisation(db: Executor, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id));
  return row;
}

export async function insertOrganisation(db: Executor, values: OrganisationValues): Promise<OrganisationRow> {
  const [row] = await db.insert(organisations).values(values).returning();
  return row!;
}

/**
 * Optimistic concurrency in one statement: the row changes only if it is still at the version
 * the editor started from. Two edits from the same version: the second waits for the first's
 * row lock, then finds the version moved on and changes nothing (undefined).
 */
export async function updateOrganisation(db: Executor, id: string, version: number, values: Partial<OrganisationValues>) {
  const [row] = await db
    .update(organisations)
    .set({ ...values, version: sql`${organisations.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(organisations.id, id), eq(organisations.version, version)))
    .returning();
  return row;
}

/** Changes that are not edits of the profile (the logo) still move the version, so open forms notice. */
export async function setLogo(db: Executor, id: string, logoFileId: string | null) {
  const [row] = await db
    .update(organisations)
    .set({ logoFileId, version: sql`${organisations.version} + 1`, updatedAt: sql`now()` })
    .where(eq(organisations.id, id))
    .returning();
  return row;
}

export async function deleteOrganisation(db: Executor, id: string) {
  const [row] = await db.delete(organisations).where(eq(organisations.id, id)).returning();
  return row;
}

/** The organisation holding a credit code, other than `exceptId`. */
export async function creditCodeHolder(db: Executor, code: string, exceptId?: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(eq(organisations.creditCode, code), exceptId ? ne(organisations.id, exceptId) : undefined));
  return row?.id;
}

export async function kindsOf(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: organisations.id, kind: organisations.kind }).from(organisations).where(inArray(organisations.id, ids));
  return new Map(rows.map((r) => [r.id, r.kind]));
}

// ---------------------------------------------------------------- representatives

export async function listRepresentatives(db: Executor, organisationId: string) {
  return db
    .select({ userId: users.id, displayName: users.displayName, email: users.email })
    .from(organisationRepresentatives)
    .innerJoin(users, eq(users.id, organisationRepresentatives.userId))
    .where(eq(organisationRepresentatives.organisationId, organisationId))
    .orderBy(asc(organisationRepresentatives.createdAt), asc(users.id));
}

export async function hasRepresentatives(db: Executor, organisationId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: organisationRepresentatives.userId })
    .from(organisationRepresentatives)
    .where(eq(organisationRepresentatives.organisationId, organisationId))
    .limit(1);
  return Boolean(row);
}

/** Adds a representative; false when the user already is one. */
export async function addRepresentative(db: Executor, organisationId: string, userId: string, addedBy: string): Promise<boolean> {
  const rows = await db.insert(organisationRepresentatives).values({ organisationId, userId, addedBy }).onConflictDoNothing().returning();
  return rows.length > 0;
}

export async function removeRepresentative(db: Executor, organisationId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(organisationRepresentatives)
    .where(and(eq(organisationRepresentatives.organisationId, organisationId), eq(organisationRepresentatives.userId, userId)))
    .returning();
  return rows.length > 0;
}
