import { and, desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { communityAnnotations, communityNotes, users } from '../../db/schema';

export type NoteRow = typeof communityNotes.$inferSelect;
export type AnnotationRow = typeof communityAnnotations.$inferSelect;

const noteColumns = { note: communityNotes, authorName: users.displayName };

/** A community's notes on one record, newest first. The community id is always in the WHERE. */
export async function listNotes(db: Executor, communityId: string, entityType: string, entityId: string) {
  return db
    .select(noteColumns)
    .from(communityNotes)
    .leftJoin(users, eq(users.id, communityNotes.authorId))
    .where(and(eq(communityNotes.communityId, communityId), eq(communityNotes.entityType, entityType), eq(communityNotes.entityId, entityId)))
    .orderBy(desc(communityNotes.createdAt), desc(communityNotes.id))
    .limit(500);
}

/** One note of this community; another community's note id finds nothing. */
export async function findNote(db: Executor, communityId: string, noteId: string) {
  const [row] = await db
    .select(noteColumns)
    .from(communityNotes)
    .leftJoin(users, eq(users.id, communityNotes.authorId))
    .where(and(eq(communityNotes.communityId, communityId), eq(communityNotes.id, noteId)));
  return row;
}

export async function insertNote(db: Executor, values: typeof communityNotes.$inferInsert): Promise<NoteRow> {
  const [row] = await db.insert(communityNotes).values(values).returning();
  return row!;
}

export async function updateNote(db: Executor, communityId: string, noteId: string, body: string): Promise<NoteRow | undefined> {
  const [row] = await db
    .update(communityNotes)
    .set({ body, updatedAt: sql`now()` })
    .where(and(eq(communityNotes.communityId, communityId), eq(communityNotes.id, noteId)))
    .returning();
  return row;
}

export async function deleteNote(db: Executor, communityId: string, noteId: string): Promise<void> {
  await db.delete(communityNotes).where(and(eq(communityNotes.communityId, communityId), eq(communityNotes.id, noteId)));
}

export async function findAnnotation(db: Executor, communityId: string, entityType: string, entityId: string): Promise<AnnotationRow | undefined> {
  const [row] = await db
    .select()
    .from(communityAnnotations)
    .where(and(eq(communityAnnotations.communityId, communityId), eq(communityAnnotations.entityType, entityType), eq(communityAnnotations.entityId, entityId)));
  return row;
}

/** One row per community and record: a second write replaces the tags and rating. */
export async function upsertAnnotation(db: Executor, values: typeof communityAnnotations.$inferInsert): Promise<AnnotationRow> {
  const [row] = await db
    .insert(communityAnnotations)
    .values(values)
    .onConflictDoUpdate({
      target: [communityAnnotations.communityId, communityAnnotations.entityType, communityAnnotations.entityId],
      set: { tags: values.tags, rating: values.rating, updatedBy: values.updatedBy, updatedAt: sql`now()` },
    })
    .returning();
  return row!;
}

/** The tags this community uses and on how many records, most used first. */
export async function tagCounts(db: Executor, communityId: string) {
  const result = (await db.execute(sql`
    select tag, count(*)::int as count
    from ${communityAnnotations}, unnest(${communityAnnotations.tags}) as tag
    where ${communityAnnotations.communityId} = ${communityId}
    group by tag order by count(*) desc, tag limit 500`)) as unknown as { rows: { tag: string; count: number }[] };
  return result.rows;
}
