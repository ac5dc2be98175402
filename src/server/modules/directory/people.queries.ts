import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { auditLog, communityAnnotations, communityNotes, organisations, people, personAffiliations, users } from '../../db/schema';

export type PersonRow = typeof people.$inferSelect;
export type PersonValues = Omit<typeof people.$inferInsert, 'id' | 'version' | 'createdAt' | 'updatedAt'>;

export async function findPerson(db: Executor, id: string): Promise<PersonRow | undefined> {
  const [row] = await db.select().from(people).where(eq(people.id, id));
  return row;
}

export async function insertPerson(db: Executor, values: PersonValues): Promise<PersonRow> {
  const [row] = await db.insert(people).values(values).returning();
  return row!;
}

/** Same optimistic concurrency as organisations: changes only the version the editor started from. */
export async function updatePerson(db: Executor, id: string, version: number, values: Partial<PersonValues>) {
  const [row] = await db
    .update(people)
    .set({ ...values, version: sql`${people.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(people.id, id), eq(people.version, version)))
    .returning();
  return row;
}

export async function deletePerson(db: Executor, id: string) {
  const [row] = await db.delete(people).where(eq(people.id, id)).returning();
  return row;
}

// ---------------------------------------------------------------- affiliations

const affiliationColumns = {
  id: personAffiliations.id,
  personId: personAffiliations.personId,
  personNameZh: people.nameZh,
  personNameEn: people.nameEn,
  organisationId: personAffiliations.organisationId,
  organisationNameZh: organisations.nameZh,
  organisationNameEn: organisations.nameEn,
  role: personAffiliations.role,
  isCurrent: personAffiliations.isCurrent,
};

function affiliationsWhere(db: Executor) {
  return db
    .select(affiliationColumns)
    .from(personAffiliations)
    .innerJoin(people, eq(people.id, personAffiliations.personId))
    .innerJoin(organisations, eq(organisations.id, personAffiliations.organisationId));
}

export async function affiliationsOfPerson(db: Executor, personId: string) {
  return affiliationsWhere(db)
    .where(eq(personAffiliations.personId, personId))
    .orderBy(sql`${personAffiliations.isCurrent} desc`, asc(personAffiliations.createdAt), asc(personAffiliations.id));
}

export async function affiliationsOfOrganisation(db: Executor, organisationId: string) {
  return affiliationsWhere(db)
    .where(eq(personAffiliations.organisationId, organisationId))
    .orderBy(sql`${personAffiliations.isCurrent} desc`, asc(people.nameZh), asc(personAffiliations.id));
}

export async function findAffiliation(db: Executor, personId: string, affiliationId: string) {
  const [row] = await affiliationsWhere(db).where(and(eq(personAffiliations.personId, personId), eq(personAffiliations.id, affiliationId)));
  return row;
}

/** Adds an affiliation; undefined when the person already has this role at this organisation. */
export async function insertAffiliation(db: Executor, values: typeof personAffiliations.$inferInsert) {
  const [row] = await db.insert(personAffiliations).values(values).onConflictDoNothing().returning({ id: personAffiliations.id });
  return row;
}

export async function deleteAffiliation(db: Executor, id: string) {
  await db.delete(personAffiliations).where(eq(personAffiliations.id, id));
}

export async function personIdsAffiliatedWith(db: Executor, organisationId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: personAffiliations.personId })
    .from(personAffiliations)
    .where(eq(personAffiliations.organisationId, organisationId));
  return rows.map((r) => r.id);
}

// ---------------------------------------------------------------- what is stored about a person (PIPL export)

export async function notesOnPerson(db: Executor, personId: string, communityId: string | null) {
  return db
    .select({ note: communityNotes, authorName: users.displayName })
    .from(communityNotes)
    .leftJoin(users, eq(users.id, communityNotes.authorId))
    .where(and(eq(communityNotes.entityType, 'person'), eq(communityNotes.entityId, personId), communityId ? eq(communityNotes.communityId, communityId) : undefined))
    .orderBy(asc(communityNotes.createdAt), asc(communityNotes.id));
}

export async function annotationsOnPerson(db: Executor, personId: string, communityId: string | null) {
  return db
    .select()
    .from(communityAnnotations)
    .where(
      and(
        eq(communityAnnotations.entityType, 'person'),
        eq(communityAnnotations.entityId, personId),
        communityId ? eq(communityAnnotations.communityId, communityId) : undefined,
      ),
    );
}

export async function auditAboutPerson(db: Executor, personId: string) {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'person'), eq(auditLog.entityId, personId)))
    .orderBy(asc(auditLog.id));
}
