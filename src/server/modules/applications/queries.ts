import { and, asc, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { communities, eventApplications, eventRoundEntries, eventRounds, events, files, organisationRepresentatives, organisations, projects, users } from '../../db/schema';
import { rowsOf, uuidArray } from '../../db/sql-helpers';

export type ApplicationRow = typeof eventApplications.$inferSelect;
export type ApplicationValues = typeof eventApplications.$inferInsert;
export type EventRow = typeof events.$inferSelect;

// ---------------------------------------------------------------- the event and its call

export async function findEvent(db: Executor, communityId: string, eventId: string): Promise<EventRow | undefined> {
  const [row] = await db
    .select()
    .from(events)
    .where(and(eq(events.communityId, communityId), eq(events.id, eventId)));
  return row;
}

export async function findEventById(db: Executor, eventId: string): Promise<EventRow | undefined> {
  const [row] = await db.select().from(events).where(eq(events.id, eventId));
  return row;
}

/** The call changes only on the version the organiser saw. */
export async function updateCall(
  db: Executor,
  eventId: string,
  version: number,
  values: Pick<EventRow, 'applicationsOpen' | 'applicationDeadline' | 'applicationQuestions'>,
): Promise<EventRow | undefined> {
  const [row] = await db
    .update(events)
    .set({ ...values, version: sql`${events.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(events.id, eventId), eq(events.version, version)))
    .returning();
  return row;
}

// ---------------------------------------------------------------- applications

export async function insertApplication(db: Executor, values: ApplicationValues): Promise<ApplicationRow> {
  const [row] = await db.insert(eventApplications).values(values).returning();
  return row!;
}

export async function findApplication(db: Executor, eventId: string, id: string): Promise<ApplicationRow | undefined> {
  const [row] = await db
    .select()
    .from(eventApplications)
    .where(and(eq(eventApplications.eventId, eventId), eq(eventApplications.id, id)));
  return row;
}

export async function findApplicationByToken(db: Executor, token: string): Promise<ApplicationRow | undefined> {
  const [row] = await db.select().from(eventApplications).where(eq(eventApplications.manageToken, token));
  return row;
}

/** Lands only on the version the editor saw; undefined when another change came first. */
export async function updateApplication(db: Executor, id: string, version: number, values: Partial<ApplicationValues>): Promise<ApplicationRow | undefined> {
  const [row] = await db
    .update(eventApplications)
    .set({ ...values, version: sql`${eventApplications.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(eventApplications.id, id), eq(eventApplications.version, version)))
    .returning();
  return row;
}

export interface ListFilters {
  status?: string;
  q?: string;
}

function filterConditions(eventId: string, filters: ListFilters, withStatus: boolean): SQL[] {
  const where: SQL[] = [eq(eventApplications.eventId, eventId)];
  if (withStatus && filters.status) where.push(eq(eventApplications.status, filters.status));
  if (filters.q) {
    const like = `%${filters.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(
      or(
        sql`${eventApplications.projectName} ilike ${like}`,
        sql`${eventApplications.organisationName} ilike ${like}`,
        sql`${eventApplications.contactName} ilike ${like}`,
        sql`${eventApplications.contactEmail} ilike ${like}`,
      )!,
    );
  }
  return where;
}

/** Oldest first (the order they came in), keyset on (createdAt, id). */
export async function listApplications(db: Executor, eventId: string, filters: ListFilters, page: { limit: number; after?: { createdAt: string; id: string } }): Promise<ApplicationRow[]> {
  const where = filterConditions(eventId, filters, true);
  if (page.after) {
    where.push(sql`(${eventApplications.createdAt}, ${eventApplications.id}) > (${page.after.createdAt}::timestamptz, ${page.after.id}::uuid)`);
  }
  return db
    .select()
    .from(eventApplications)
    .where(and(...where))
    .orderBy(asc(eventApplications.createdAt), asc(eventApplications.id))
    .limit(page.limit);
}

/** Every application of the event matching the filters, for the export. */
export async function allApplications(db: Executor, eventId: string, filters: ListFilters): Promise<ApplicationRow[]> {
  return db
    .select()
    .from(eventApplications)
    .where(and(...filterConditions(eventId, filters, true)))
    .orderBy(asc(eventApplications.createdAt), asc(eventApplications.id));
}

/** Counts by status under the text filter (not the status filter, so the chips show every status). */
export async function countByStatus(db: Executor, eventId: string, filters: ListFilters): Promise<Map<string, number>> {
  const rows = await db
    .select({ status: eventApplications.status, n: sql<number>`count(*)::int` })
    .from(eventApplications)
    .where(and(...filterConditions(eventId, filters, false)))
    .groupBy(eventApplications.status);
  return new Map(rows.map((r) => [r.status, Number(r.n)]));
}

/** How many rounds each application is an entry of. */
export async function roundCounts(db: Executor, applicationIds: string[]): Promise<Map<string, number>> {
  if (applicationIds.length === 0) return new Map();
  const rows = await db
    .select({ applicationId: eventRoundEntries.applicationId, n: sql<number>`count(*)::int` })
    .from(eventRoundEntries)
    .where(inArray(eventRoundEntries.applicationId, applicationIds))
    .groupBy(eventRoundEntries.applicationId);
  return new Map(rows.map((r) => [r.applicationId, Number(r.n)]));
}

export async function projectRefs(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, { id: string; nameZh: string; nameEn: string | null }>();
  const rows = await db.select({ id: projects.id, nameZh: projects.nameZh, nameEn: projects.nameEn }).from(projects).where(inArray(projects.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function organisationRefs(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, { id: string; nameZh: string; nameEn: string | null }>();
  const rows = await db
    .select({ id: organisations.id, nameZh: organisations.nameZh, nameEn: organisations.nameEn })
    .from(organisations)
    .where(inArray(organisations.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function findOrganisation(db: Executor, id: string) {
  const [row] = await db.select({ id: organisations.id }).from(organisations).where(eq(organisations.id, id));
  return row;
}

export async function deckOf(db: Executor, fileId: string | null) {
  if (!fileId) return undefined;
  const [row] = await db.select().from(files).where(eq(files.id, fileId));
  return row;
}

export async function userNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, displayName: users.displayName, email: users.email }).from(users).where(inArray(users.id, ids));
  return new Map(rows.map((r) => [r.id, r.displayName || r.email]));
}

// ---------------------------------------------------------------- rounds and results

export interface EntryRow {
  roundId: string;
  roundName: string;
  roundKind: string;
  roundStatus: string;
  position: number;
  publishedAt: Date | null;
  publishedRank: number | null;
  publishedScore: number | null;
  award: string;
  advanced: boolean;
  rankedCount: number;
}

/** The rounds an application is an entry of, in round order; `publishedOnly` for what the applicant may see. */
export async function entriesOf(db: Executor, applicationId: string, publishedOnly: boolean): Promise<EntryRow[]> {
  const where = [eq(eventRoundEntries.applicationId, applicationId)];
  if (publishedOnly) where.push(eq(eventRounds.status, 'published'));
  return db
    .select({
      roundId: eventRounds.id,
      roundName: eventRounds.name,
      roundKind: eventRounds.kind,
      roundStatus: eventRounds.status,
      position: eventRounds.position,
      publishedAt: eventRounds.publishedAt,
      publishedRank: eventRoundEntries.publishedRank,
      publishedScore: eventRoundEntries.publishedScore,
      award: eventRoundEntries.award,
      advanced: eventRoundEntries.advanced,
      rankedCount: sql<number>`(select count(*)::int from event_round_entries e where e.round_id = ${eventRounds.id} and e.published_rank is not null)`,
    })
    .from(eventRoundEntries)
    .innerJoin(eventRounds, eq(eventRounds.id, eventRoundEntries.roundId))
    .where(and(...where))
    .orderBy(asc(eventRounds.position));
}

/** Application ids among `ids` that have at least one published result. */
export async function withPublishedResults(db: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await rowsOf<{ application_id: string }>(
    db,
    sql`select distinct e.application_id from event_round_entries e join event_rounds r on r.id = e.round_id
        where r.status = 'published' and e.application_id = any(${uuidArray(ids)})`,
  );
  return new Set(rows.map((r) => r.application_id));
}

// ---------------------------------------------------------------- the caller's own

/** Projects owned by organisations the user represents, newest first. */
export async function ownProjects(db: Executor, userId: string) {
  return db
    .select({
      id: projects.id,
      nameZh: projects.nameZh,
      nameEn: projects.nameEn,
      segment: projects.segment,
      summaryZh: projects.summaryZh,
      team: projects.team,
      organisationId: organisations.id,
      organisationNameZh: organisations.nameZh,
      organisationNameEn: organisations.nameEn,
    })
    .from(projects)
    .innerJoin(organisations, eq(organisations.id, projects.ownerOrganisationId))
    .innerJoin(organisationRepresentatives, and(eq(organisationRepresentatives.organisationId, organisations.id), eq(organisationRepresentatives.userId, userId)))
    .orderBy(desc(projects.updatedAt))
    .limit(200);
}

/** The signed-in user's applications: made while signed in, or under their account's e-mail. */
export async function applicationsOfUser(db: Executor, userId: string, email: string) {
  return db
    .select({
      application: eventApplications,
      event: { id: events.id, title: events.title, kind: events.kind, startsAt: events.startsAt },
      community: {
        id: communities.id,
        slug: communities.slug,
        kind: communities.kind,
        nameZhHans: communities.nameZhHans,
        nameZhHant: communities.nameZhHant,
        nameEn: communities.nameEn,
        timeZone: communities.timeZone,
      },
    })
    .from(eventApplications)
    .innerJoin(events, eq(events.id, eventApplications.eventId))
    .innerJoin(communities, eq(communities.id, events.communityId))
    .where(or(eq(eventApplications.userId, userId), eq(eventApplications.contactEmail, email.toLowerCase())))
    .orderBy(desc(eventApplications.createdAt))
    .limit(500);
}

export async function segmentExists(db: Executor, code: string): Promise<boolean> {
  const rows = await rowsOf<{ code: string }>(db, sql`select code from taxonomy_terms where taxonomy = 'segment' and code = ${code}`);
  return rows.length > 0;
}
