import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  challengeAnswerEvents,
  challengeAnswers,
  challengeCommunities,
  challengeMessages,
  challenges,
  communities,
  memberships,
  organisationRepresentatives,
  organisations,
  users,
} from '../../db/schema';
import { rowsOf, uuidArray } from '../../db/sql-helpers';

export type ChallengeRow = typeof challenges.$inferSelect;
export type AnswerRow = typeof challengeAnswers.$inferSelect;
export type AnswerEventRow = typeof challengeAnswerEvents.$inferSelect;
export type MessageRow = typeof challengeMessages.$inferSelect;

/** Who is asking, as the SQL filters need it. */
export interface Audience {
  userId: string;
  isPlatformAdmin: boolean;
  /** Communities the viewer belongs to (any role). */
  memberOf: string[];
  /** Organisations the viewer represents. */
  representedOrgIds: string[];
  /** Communities where the viewer may post and screen (pipeline.write). */
  posterCommunityIds: string[];
}

/** The viewer speaks for the challenge's poster. */
export function posterSideSql(a: Audience): SQL {
  return sql`(${challenges.organisationId} = any(${uuidArray(a.representedOrgIds)}) or ${challenges.communityId} = any(${uuidArray(a.posterCommunityIds)}))`;
}

/** The viewer may see the challenge: the poster side always; others once published, if public or shared with one of their communities. */
export function visibleSql(a: Audience): SQL {
  return sql`(${posterSideSql(a)} or (${challenges.status} in ('open', 'closed') and (${challenges.visibility} = 'public' or ${a.isPlatformAdmin} or exists (
    select 1 from challenge_communities cc where cc.challenge_id = ${challenges.id} and cc.community_id = any(${uuidArray(a.memberOf)})))))`;
}

export async function findVisibleChallenge(db: Executor, a: Audience, id: string): Promise<ChallengeRow | undefined> {
  const [row] = await db
    .select()
    .from(challenges)
    .where(and(eq(challenges.id, id), visibleSql(a)));
  return row;
}

export async function findChallenge(db: Executor, id: string): Promise<ChallengeRow | undefined> {
  const [row] = await db.select().from(challenges).where(eq(challenges.id, id));
  return row;
}

export interface ListFilters {
  kind?: string;
  segment?: string;
  /** Each search word's spellings (src/domain/thesaurus/listing-terms.ts): every word must match, by any spelling. */
  terms: string[][];
  status?: string;
  mine: boolean;
  limit: number;
  after?: { createdAt: string; id: string };
}

export async function listChallenges(db: Executor, a: Audience, f: ListFilters): Promise<ChallengeRow[]> {
  const conditions: SQL[] = [f.mine ? posterSideSql(a) : visibleSql(a)];
  if (!f.mine && !f.status) conditions.push(sql`${challenges.status} in ('open', 'closed')`);
  if (f.kind) conditions.push(sql`${challenges.kind} = ${f.kind}`);
  if (f.segment) conditions.push(sql`${f.segment} = any(${challenges.segments})`);
  if (f.status === 'open') conditions.push(sql`${challenges.status} = 'open' and ${challenges.deadline} > now()`);
  else if (f.status === 'closed') conditions.push(sql`(${challenges.status} = 'closed' or (${challenges.status} = 'open' and ${challenges.deadline} <= now()))`);
  else if (f.status) conditions.push(sql`${challenges.status} = ${f.status}`);
  for (const spellings of f.terms) {
    const hits = spellings.map((term) => {
      const like = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return sql`(${challenges.titleZh} ilike ${like} or coalesce(${challenges.titleEn}, '') ilike ${like} or ${challenges.description} ilike ${like} or array_to_string(${challenges.keywords}, ' ') ilike ${like})`;
    });
    conditions.push(sql`(${sql.join(hits, sql` or `)})`);
  }
  if (f.after) conditions.push(sql`(${challenges.createdAt}, ${challenges.id}) < (${f.after.createdAt}::timestamptz, ${f.after.id}::uuid)`);
  return db
    .select()
    .from(challenges)
    .where(and(...conditions))
    .orderBy(sql`${challenges.createdAt} desc`, sql`${challenges.id} desc`)
    .limit(f.limit + 1);
}

export async function challengeCommunityIds(db: Executor, ids: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (ids.length === 0) return out;
  const rows = await db.select().from(challengeCommunities).where(inArray(challengeCommunities.challengeId, [...new Set(ids)]));
  for (const r of rows) out.set(r.challengeId, [...(out.get(r.challengeId) ?? []), r.communityId]);
  return out;
}

export async function setChallengeCommunities(db: Executor, challengeId: string, communityIds: string[]): Promise<void> {
  await db.delete(challengeCommunities).where(eq(challengeCommunities.challengeId, challengeId));
  if (communityIds.length) await db.insert(challengeCommunities).values([...new Set(communityIds)].map((communityId) => ({ challengeId, communityId })));
}

export async function communityRefs(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, typeof communities.$inferSelect>();
  const rows = await db.select().from(communities).where(inArray(communities.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function organisationRefs(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, { id: string; nameZh: string; nameEn: string | null; kind: string }>();
  const rows = await db
    .select({ id: organisations.id, nameZh: organisations.nameZh, nameEn: organisations.nameEn, kind: organisations.kind })
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function userRefs(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, { id: string; displayName: string; email: string; locale: string }>();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName, email: users.email, locale: users.locale })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Answers by stage and status for each challenge. */
export async function stageCounts(db: Executor, challengeIds: string[]) {
  if (challengeIds.length === 0) return [];
  return rowsOf<{ challenge_id: string; stage: string; status: string; n: number }>(
    db,
    sql`select challenge_id, stage, status, count(*)::int as n from challenge_answers where challenge_id = any(${uuidArray(challengeIds)}) group by 1, 2, 3`,
  );
}

export async function myAnswers(db: Executor, userId: string, challengeIds: string[]) {
  if (challengeIds.length === 0) return new Map<string, AnswerRow>();
  const rows = await db
    .select()
    .from(challengeAnswers)
    .where(and(eq(challengeAnswers.submittedBy, userId), inArray(challengeAnswers.challengeId, challengeIds)));
  return new Map(rows.map((r) => [r.challengeId, r]));
}

export async function insertChallenge(db: Executor, values: typeof challenges.$inferInsert): Promise<ChallengeRow> {
  const [row] = await db.insert(challenges).values(values).returning();
  return row!;
}

/** A challenge write, conditional on the version the editor saw. */
export async function updateChallenge(db: Executor, id: string, version: number, values: Partial<typeof challenges.$inferInsert>): Promise<ChallengeRow | undefined> {
  const [row] = await db
    .update(challenges)
    .set({ ...values, version: sql`${challenges.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(challenges.id, id), eq(challenges.version, version)))
    .returning();
  return row;
}

// ---------------------------------------------------------------- answers

export async function findAnswer(db: Executor, challengeId: string, answerId: string): Promise<AnswerRow | undefined> {
  const [row] = await db
    .select()
    .from(challengeAnswers)
    .where(and(eq(challengeAnswers.id, answerId), eq(challengeAnswers.challengeId, challengeId)));
  return row;
}

export async function listAnswers(db: Executor, challengeId: string, f: { stage?: string; status?: string }): Promise<AnswerRow[]> {
  const conditions: SQL[] = [eq(challengeAnswers.challengeId, challengeId)];
  if (f.stage) conditions.push(eq(challengeAnswers.stage, f.stage));
  if (f.status) conditions.push(eq(challengeAnswers.status, f.status));
  return db
    .select()
    .from(challengeAnswers)
    .where(and(...conditions))
    .orderBy(asc(challengeAnswers.createdAt), asc(challengeAnswers.id));
}

export async function answersOfUser(db: Executor, userId: string): Promise<AnswerRow[]> {
  return db.select().from(challengeAnswers).where(eq(challengeAnswers.submittedBy, userId)).orderBy(sql`${challengeAnswers.createdAt} desc`, sql`${challengeAnswers.id} desc`);
}

/** Inserts the answer; undefined when the user already answered this challenge (the unique index decides). */
export async function insertAnswer(db: Executor, values: typeof challengeAnswers.$inferInsert): Promise<AnswerRow | undefined> {
  const [row] = await db.insert(challengeAnswers).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateAnswer(db: Executor, id: string, version: number, values: Partial<typeof challengeAnswers.$inferInsert>): Promise<AnswerRow | undefined> {
  const [row] = await db
    .update(challengeAnswers)
    .set({ ...values, version: sql`${challengeAnswers.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(challengeAnswers.id, id), eq(challengeAnswers.version, version)))
    .returning();
  return row;
}

export async function insertEvent(db: Executor, values: typeof challengeAnswerEvents.$inferInsert): Promise<void> {
  await db.insert(challengeAnswerEvents).values(values);
}

export async function eventsOf(db: Executor, answerId: string): Promise<AnswerEventRow[]> {
  return db
    .select()
    .from(challengeAnswerEvents)
    .where(eq(challengeAnswerEvents.answerId, answerId))
    .orderBy(asc(challengeAnswerEvents.createdAt), asc(challengeAnswerEvents.id));
}

export async function messageCounts(db: Executor, answerIds: string[]): Promise<Map<string, number>> {
  if (answerIds.length === 0) return new Map();
  const rows = await rowsOf<{ answer_id: string; n: number }>(db, sql`select answer_id, count(*)::int as n from challenge_messages where answer_id = any(${uuidArray(answerIds)}) group by 1`);
  return new Map(rows.map((r) => [r.answer_id, r.n]));
}

export async function messagesOf(db: Executor, answerId: string): Promise<MessageRow[]> {
  return db.select().from(challengeMessages).where(eq(challengeMessages.answerId, answerId)).orderBy(asc(challengeMessages.createdAt), asc(challengeMessages.id));
}

export async function insertMessage(db: Executor, values: typeof challengeMessages.$inferInsert): Promise<MessageRow> {
  const [row] = await db.insert(challengeMessages).values(values).returning();
  return row!;
}

// ---------------------------------------------------------------- posting from

/** Users who speak for an organisation. */
export async function representativesOf(db: Executor, organisationId: string): Promise<string[]> {
  const rows = await db.select({ userId: organisationRepresentatives.userId }).from(organisationRepresentatives).where(eq(organisationRepresentatives.organisationId, organisationId));
  return rows.map((r) => r.userId);
}

/** Members of a community holding one of the roles. */
export async function membersWithRoles(db: Executor, communityId: string, roles: string[]): Promise<string[]> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), inArray(memberships.role, roles)));
  return rows.map((r) => r.userId);
}
