import { and, asc, count, eq, inArray, isNotNull, max, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  communities,
  directoryLinks,
  eventApplications,
  eventCriteria,
  eventRecusals,
  eventRoundEntries,
  eventRoundJudges,
  eventRounds,
  eventScoreSheets,
  events,
  files,
  memberships,
  organisationRepresentatives,
  organisations,
  people,
  personAffiliations,
  projects,
  users,
} from '../../db/schema';

export type EventRow = typeof events.$inferSelect;
export type RoundRow = typeof eventRounds.$inferSelect;
export type CriterionRow = typeof eventCriteria.$inferSelect;
export type SheetRow = typeof eventScoreSheets.$inferSelect;
export type RecusalRow = typeof eventRecusals.$inferSelect;
export type ApplicationRow = typeof eventApplications.$inferSelect;

// ---------------------------------------------------------------- events and rounds

export async function updateNormalisation(db: Executor, eventId: string, version: number, normalisation: string): Promise<EventRow | undefined> {
  const [row] = await db
    .update(events)
    .set({ normalisation, version: sql`${events.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(events.id, eventId), eq(events.version, version)))
    .returning();
  return row;
}

export async function roundsOf(db: Executor, eventId: string): Promise<RoundRow[]> {
  return db.select().from(eventRounds).where(eq(eventRounds.eventId, eventId)).orderBy(asc(eventRounds.position));
}

export async function findRound(db: Executor, eventId: string, roundId: string): Promise<RoundRow | undefined> {
  const [row] = await db
    .select()
    .from(eventRounds)
    .where(and(eq(eventRounds.eventId, eventId), eq(eventRounds.id, roundId)));
  return row;
}

/** A round by id alone with its event and community (the judge's side, where no community is named). */
export async function roundWithEvent(db: Executor, roundId: string) {
  const [row] = await db
    .select({ round: eventRounds, event: events, community: communities })
    .from(eventRounds)
    .innerJoin(events, eq(events.id, eventRounds.eventId))
    .innerJoin(communities, eq(communities.id, events.communityId))
    .where(eq(eventRounds.id, roundId));
  return row;
}

/** The round under a share lock: a sheet write and the round's closing (an update) are ordered. */
export async function shareLockRound(db: Executor, roundId: string): Promise<RoundRow | undefined> {
  const [row] = await db.select().from(eventRounds).where(eq(eventRounds.id, roundId)).for('share');
  return row;
}

export async function insertRound(db: Executor, values: typeof eventRounds.$inferInsert): Promise<RoundRow> {
  const [row] = await db.insert(eventRounds).values(values).returning();
  return row!;
}

/** Lands only on the version the organiser saw; undefined when another change came first. */
export async function updateRound(db: Executor, roundId: string, version: number, values: Partial<typeof eventRounds.$inferInsert>): Promise<RoundRow | undefined> {
  const [row] = await db
    .update(eventRounds)
    .set({ ...values, version: sql`${eventRounds.version} + 1` })
    .where(and(eq(eventRounds.id, roundId), eq(eventRounds.version, version)))
    .returning();
  return row;
}

/** Bumps the round's version for a change to what hangs off it (entries), on the version seen. */
export async function touchRound(db: Executor, roundId: string, version: number): Promise<boolean> {
  return Boolean(await updateRound(db, roundId, version, {}));
}

export async function deleteRound(db: Executor, roundId: string): Promise<void> {
  await db.delete(eventRounds).where(eq(eventRounds.id, roundId));
}

export async function nextPosition(db: Executor, eventId: string): Promise<number> {
  const [row] = await db.select({ p: max(eventRounds.position) }).from(eventRounds).where(eq(eventRounds.eventId, eventId));
  return (row?.p ?? -1) + 1;
}

export async function roundCounts(db: Executor, roundIds: string[]) {
  const empty = { entries: 0, judges: 0, criteria: 0 };
  const out = new Map(roundIds.map((id) => [id, { ...empty }]));
  if (roundIds.length === 0) return out;
  const [e, j, c] = await Promise.all([
    db.select({ id: eventRoundEntries.roundId, n: count() }).from(eventRoundEntries).where(inArray(eventRoundEntries.roundId, roundIds)).groupBy(eventRoundEntries.roundId),
    db.select({ id: eventRoundJudges.roundId, n: count() }).from(eventRoundJudges).where(inArray(eventRoundJudges.roundId, roundIds)).groupBy(eventRoundJudges.roundId),
    db.select({ id: eventCriteria.roundId, n: count() }).from(eventCriteria).where(inArray(eventCriteria.roundId, roundIds)).groupBy(eventCriteria.roundId),
  ]);
  for (const r of e) out.get(r.id)!.entries = Number(r.n);
  for (const r of j) out.get(r.id)!.judges = Number(r.n);
  for (const r of c) out.get(r.id)!.criteria = Number(r.n);
  return out;
}

// ---------------------------------------------------------------- criteria

export async function criteriaOf(db: Executor, roundId: string): Promise<CriterionRow[]> {
  return db.select().from(eventCriteria).where(eq(eventCriteria.roundId, roundId)).orderBy(asc(eventCriteria.position), asc(eventCriteria.name));
}

export async function insertCriteria(db: Executor, values: (typeof eventCriteria.$inferInsert)[]): Promise<CriterionRow[]> {
  if (values.length === 0) return [];
  return db.insert(eventCriteria).values(values).returning();
}

export async function findCriterion(db: Executor, roundId: string, criterionId: string): Promise<CriterionRow | undefined> {
  const [row] = await db
    .select()
    .from(eventCriteria)
    .where(and(eq(eventCriteria.roundId, roundId), eq(eventCriteria.id, criterionId)));
  return row;
}

export async function updateCriterion(db: Executor, criterionId: string, values: Partial<typeof eventCriteria.$inferInsert>): Promise<CriterionRow> {
  const [row] = await db.update(eventCriteria).set(values).where(eq(eventCriteria.id, criterionId)).returning();
  return row!;
}

export async function deleteCriterion(db: Executor, criterionId: string): Promise<void> {
  await db.delete(eventCriteria).where(eq(eventCriteria.id, criterionId));
}

// ---------------------------------------------------------------- entries and applications

export interface EntryRow {
  applicationId: string;
  position: number;
  advanced: boolean;
  publishedRank: number | null;
  publishedScore: number | null;
  award: string;
  projectName: string;
  organisationName: string;
  segment: string | null;
  status: string;
  contactName: string;
  contactEmail: string;
  locale: string;
  manageToken: string;
}

export async function entriesOf(db: Executor, roundId: string): Promise<EntryRow[]> {
  return db
    .select({
      applicationId: eventRoundEntries.applicationId,
      position: eventRoundEntries.position,
      advanced: eventRoundEntries.advanced,
      publishedRank: eventRoundEntries.publishedRank,
      publishedScore: eventRoundEntries.publishedScore,
      award: eventRoundEntries.award,
      projectName: eventApplications.projectName,
      organisationName: eventApplications.organisationName,
      segment: eventApplications.segment,
      status: eventApplications.status,
      contactName: eventApplications.contactName,
      contactEmail: eventApplications.contactEmail,
      locale: eventApplications.locale,
      manageToken: eventApplications.manageToken,
    })
    .from(eventRoundEntries)
    .innerJoin(eventApplications, eq(eventApplications.id, eventRoundEntries.applicationId))
    .where(eq(eventRoundEntries.roundId, roundId))
    .orderBy(asc(eventRoundEntries.position), asc(eventApplications.createdAt));
}

export async function insertEntries(db: Executor, roundId: string, applicationIds: string[], startAt = 0): Promise<void> {
  if (applicationIds.length === 0) return;
  await db
    .insert(eventRoundEntries)
    .values(applicationIds.map((applicationId, i) => ({ roundId, applicationId, position: startAt + i })))
    .onConflictDoNothing();
}

export async function deleteEntries(db: Executor, roundId: string, applicationIds: string[]): Promise<void> {
  if (applicationIds.length === 0) return;
  await db.delete(eventRoundEntries).where(and(eq(eventRoundEntries.roundId, roundId), inArray(eventRoundEntries.applicationId, applicationIds)));
  // Recusals belong to an entry: an application taken out of the round takes its recusals along.
  await db.delete(eventRecusals).where(and(eq(eventRecusals.roundId, roundId), inArray(eventRecusals.applicationId, applicationIds)));
}

export async function setAdvanced(db: Executor, roundId: string, advancedIds: string[]): Promise<void> {
  await db
    .update(eventRoundEntries)
    .set({ advanced: advancedIds.length ? inArray(eventRoundEntries.applicationId, advancedIds) : sql`false` })
    .where(eq(eventRoundEntries.roundId, roundId));
}

export async function publishEntry(db: Executor, roundId: string, applicationId: string, values: { publishedRank: number | null; publishedScore: number | null; award: string; advanced: boolean }) {
  await db
    .update(eventRoundEntries)
    .set(values)
    .where(and(eq(eventRoundEntries.roundId, roundId), eq(eventRoundEntries.applicationId, applicationId)));
}

/** The event's applications that passed screening, in order of arrival. */
export async function screenedIn(db: Executor, eventId: string) {
  return db
    .select({ id: eventApplications.id, projectName: eventApplications.projectName, organisationName: eventApplications.organisationName })
    .from(eventApplications)
    .where(and(eq(eventApplications.eventId, eventId), eq(eventApplications.status, 'screened_in')))
    .orderBy(asc(eventApplications.createdAt), asc(eventApplications.id));
}

export async function findApplication(db: Executor, eventId: string, applicationId: string): Promise<ApplicationRow | undefined> {
  const [row] = await db
    .select()
    .from(eventApplications)
    .where(and(eq(eventApplications.eventId, eventId), eq(eventApplications.id, applicationId)));
  return row;
}

export async function isEntry(db: Executor, roundId: string, applicationId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: eventRoundEntries.applicationId })
    .from(eventRoundEntries)
    .where(and(eq(eventRoundEntries.roundId, roundId), eq(eventRoundEntries.applicationId, applicationId)));
  return Boolean(row);
}

export async function projectRef(db: Executor, projectId: string) {
  const [row] = await db.select({ id: projects.id, nameZh: projects.nameZh, nameEn: projects.nameEn }).from(projects).where(eq(projects.id, projectId));
  return row;
}

export async function fileById(db: Executor, fileId: string) {
  const [row] = await db.select().from(files).where(eq(files.id, fileId));
  return row;
}

// ---------------------------------------------------------------- judges

export interface JudgeRow {
  userId: string;
  displayName: string;
  email: string;
  role: string | null;
}

export async function judgesOf(db: Executor, roundId: string, communityId: string): Promise<JudgeRow[]> {
  return db
    .select({ userId: users.id, displayName: users.displayName, email: users.email, role: memberships.role })
    .from(eventRoundJudges)
    .innerJoin(users, eq(users.id, eventRoundJudges.userId))
    .leftJoin(memberships, and(eq(memberships.userId, users.id), eq(memberships.communityId, communityId)))
    .where(eq(eventRoundJudges.roundId, roundId))
    .orderBy(asc(eventRoundJudges.createdAt), asc(users.displayName));
}

export async function isJudge(db: Executor, roundId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: eventRoundJudges.userId })
    .from(eventRoundJudges)
    .where(and(eq(eventRoundJudges.roundId, roundId), eq(eventRoundJudges.userId, userId)));
  return Boolean(row);
}

export async function addJudges(db: Executor, roundId: string, userIds: string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .insert(eventRoundJudges)
    .values(userIds.map((userId) => ({ roundId, userId })))
    .onConflictDoNothing()
    .returning({ userId: eventRoundJudges.userId });
  return rows.map((r) => r.userId);
}

export async function removeJudge(db: Executor, roundId: string, userId: string): Promise<boolean> {
  const rows = await db
    .delete(eventRoundJudges)
    .where(and(eq(eventRoundJudges.roundId, roundId), eq(eventRoundJudges.userId, userId)))
    .returning({ userId: eventRoundJudges.userId });
  // An unassigned judge's recusals go with the assignment; the sheets stay (not counted) in case of a re-assignment.
  await db.delete(eventRecusals).where(and(eq(eventRecusals.roundId, roundId), eq(eventRecusals.userId, userId)));
  return rows.length > 0;
}

export async function memberOf(db: Executor, communityId: string, userId: string) {
  const [row] = await db
    .select({ userId: users.id, displayName: users.displayName, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.communityId, communityId), eq(memberships.userId, userId)));
  return row;
}

/** The rounds a user judges, across communities, with their event and community. */
export async function roundsJudgedBy(db: Executor, userId: string) {
  return db
    .select({ round: eventRounds, event: events, community: communities })
    .from(eventRoundJudges)
    .innerJoin(eventRounds, eq(eventRounds.id, eventRoundJudges.roundId))
    .innerJoin(events, eq(events.id, eventRounds.eventId))
    .innerJoin(communities, eq(communities.id, events.communityId))
    .where(and(eq(eventRoundJudges.userId, userId), sql`${events.status} <> 'cancelled'`))
    .orderBy(asc(events.startsAt), asc(eventRounds.position));
}

// ---------------------------------------------------------------- recusals and sheets

export async function recusalsOf(db: Executor, roundIds: string[]): Promise<(RecusalRow & { judgeName: string })[]> {
  if (roundIds.length === 0) return [];
  const rows = await db
    .select({ recusal: eventRecusals, judgeName: users.displayName })
    .from(eventRecusals)
    .innerJoin(users, eq(users.id, eventRecusals.userId))
    .where(inArray(eventRecusals.roundId, roundIds))
    .orderBy(asc(eventRecusals.createdAt));
  return rows.map((r) => ({ ...r.recusal, judgeName: r.judgeName }));
}

export async function findRecusal(db: Executor, roundId: string, userId: string, applicationId: string): Promise<RecusalRow | undefined> {
  const [row] = await db
    .select()
    .from(eventRecusals)
    .where(and(eq(eventRecusals.roundId, roundId), eq(eventRecusals.userId, userId), eq(eventRecusals.applicationId, applicationId)));
  return row;
}

/** Inserts recusals that are not there yet (a pair already recused, for whatever reason, stays as it is). */
export async function insertRecusals(db: Executor, values: (typeof eventRecusals.$inferInsert)[]): Promise<RecusalRow[]> {
  if (values.length === 0) return [];
  return db.insert(eventRecusals).values(values).onConflictDoNothing().returning();
}

export async function deleteRecusal(db: Executor, roundId: string, userId: string, applicationId: string): Promise<RecusalRow | undefined> {
  const [row] = await db
    .delete(eventRecusals)
    .where(and(eq(eventRecusals.roundId, roundId), eq(eventRecusals.userId, userId), eq(eventRecusals.applicationId, applicationId)))
    .returning();
  return row;
}

export async function sheetsOf(db: Executor, roundIds: string[]): Promise<SheetRow[]> {
  if (roundIds.length === 0) return [];
  return db.select().from(eventScoreSheets).where(inArray(eventScoreSheets.roundId, roundIds));
}

export async function sheetsOfJudge(db: Executor, roundId: string, userId: string): Promise<SheetRow[]> {
  return db
    .select()
    .from(eventScoreSheets)
    .where(and(eq(eventScoreSheets.roundId, roundId), eq(eventScoreSheets.judgeUserId, userId)));
}

export async function findSheet(db: Executor, roundId: string, applicationId: string, userId: string): Promise<SheetRow | undefined> {
  const [row] = await db
    .select()
    .from(eventScoreSheets)
    .where(and(eq(eventScoreSheets.roundId, roundId), eq(eventScoreSheets.applicationId, applicationId), eq(eventScoreSheets.judgeUserId, userId)));
  return row;
}

/** A first save; undefined when a concurrent first save won (the caller answers version_conflict). */
export async function insertSheet(db: Executor, values: typeof eventScoreSheets.$inferInsert): Promise<SheetRow | undefined> {
  const [row] = await db.insert(eventScoreSheets).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateSheet(db: Executor, id: string, version: number, values: Partial<typeof eventScoreSheets.$inferInsert>): Promise<SheetRow | undefined> {
  const [row] = await db
    .update(eventScoreSheets)
    .set({ ...values, version: sql`${eventScoreSheets.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(eventScoreSheets.id, id), eq(eventScoreSheets.version, version)))
    .returning();
  return row;
}

// ---------------------------------------------------------------- directory facts for recusal

/** The judge's ties: current affiliations of their directory person, and the organisations they represent. */
export async function judgeTies(db: Executor, userId: string) {
  const affiliations = await db
    .select({ organisationId: personAffiliations.organisationId, role: personAffiliations.role })
    .from(personAffiliations)
    .innerJoin(people, eq(people.id, personAffiliations.personId))
    .where(and(eq(people.userId, userId), eq(personAffiliations.isCurrent, true)));
  const reps = await db
    .select({ organisationId: organisationRepresentatives.organisationId })
    .from(organisationRepresentatives)
    .where(eq(organisationRepresentatives.userId, userId));
  return { affiliations, representativeOf: reps.map((r) => r.organisationId) };
}

export async function applicationTies(db: Executor, applicationIds: string[]) {
  if (applicationIds.length === 0) return [];
  return db
    .select({
      applicationId: eventApplications.id,
      organisationId: eventApplications.organisationId,
      projectId: eventApplications.projectId,
      projectOwnerOrganisationId: projects.ownerOrganisationId,
    })
    .from(eventApplications)
    .leftJoin(projects, eq(projects.id, eventApplications.projectId))
    .where(inArray(eventApplications.id, applicationIds));
}

/** investor_of links from the given organisations to organisations or projects. */
export async function investorLinksFrom(db: Executor, organisationIds: string[]) {
  if (organisationIds.length === 0) return [];
  const rows = await db
    .select({ fromOrganisationId: directoryLinks.fromId, toType: directoryLinks.toType, toId: directoryLinks.toId })
    .from(directoryLinks)
    .where(
      and(
        eq(directoryLinks.fromType, 'organisation'),
        eq(directoryLinks.role, 'investor_of'),
        inArray(directoryLinks.fromId, organisationIds),
        inArray(directoryLinks.toType, ['organisation', 'project']),
      ),
    );
  return rows.map((r) => ({ ...r, toType: r.toType as 'organisation' | 'project' }));
}

export async function organisationNames(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, { nameZh: string; nameEn: string | null }>();
  const rows = await db.select({ id: organisations.id, nameZh: organisations.nameZh, nameEn: organisations.nameEn }).from(organisations).where(inArray(organisations.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function projectNames(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, { nameZh: string; nameEn: string | null }>();
  const rows = await db.select({ id: projects.id, nameZh: projects.nameZh, nameEn: projects.nameEn }).from(projects).where(inArray(projects.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Whether anything has been scored in the round (the scale may then no longer change). */
export async function hasScores(db: Executor, roundId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: eventScoreSheets.id })
    .from(eventScoreSheets)
    .where(and(eq(eventScoreSheets.roundId, roundId), isNotNull(eventScoreSheets.id), sql`${eventScoreSheets.scores} <> '{}'::jsonb`))
    .limit(1);
  return Boolean(row);
}
