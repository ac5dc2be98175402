import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { DeclineReason, ReferralStatus } from '../../../domain/lifecycle/vocabularies';
import type { Executor } from '../../db/client';
import { communities, memberships, organisations, pipelineItems, projects, referrals, users } from '../../db/schema';
import { rowsOf } from '../../db/sql-helpers';

export type ReferralRow = typeof referrals.$inferSelect;
export type CommunityRefRow = Pick<typeof communities.$inferSelect, 'id' | 'slug' | 'kind' | 'nameZhHans' | 'nameZhHant' | 'nameEn'>;

const communityRef = {
  id: communities.id,
  slug: communities.slug,
  kind: communities.kind,
  nameZhHans: communities.nameZhHans,
  nameZhHant: communities.nameZhHant,
  nameEn: communities.nameEn,
};

/** A referral one of whose sides is the community; another community's referral is not found. */
export async function findReferralOf(db: Executor, communityId: string, id: string): Promise<ReferralRow | undefined> {
  const [row] = await db
    .select()
    .from(referrals)
    .where(and(eq(referrals.id, id), sql`(${referrals.fromCommunityId} = ${communityId} or ${referrals.toCommunityId} = ${communityId})`));
  return row;
}

export async function insertReferral(db: Executor, values: { fromCommunityId: string; toCommunityId: string; projectId: string; note: string; createdBy: string }) {
  // The partial unique index (one open referral per project and receiving community) decides.
  const [row] = await db.insert(referrals).values(values).onConflictDoNothing().returning();
  return row;
}

/**
 * Moves a pending referral to its outcome, from the version the user started from. Nothing
 * changes (undefined) when it has moved on meanwhile: the caller tells a stale version from a
 * referral that is no longer pending.
 */
export async function decideReferral(
  db: Executor,
  id: string,
  version: number,
  change: { status: ReferralStatus; declineReason?: DeclineReason | null; declineNote?: string; decidedBy?: string | null; decided: boolean },
) {
  const [row] = await db
    .update(referrals)
    .set({
      status: change.status,
      declineReason: change.declineReason ?? null,
      declineNote: change.declineNote ?? '',
      ...(change.decided ? { decidedBy: change.decidedBy ?? null, decidedAt: sql`now()` } : {}),
      version: sql`${referrals.version} + 1`,
      updatedAt: sql`now()`,
    })
    .where(and(eq(referrals.id, id), eq(referrals.version, version), eq(referrals.status, 'pending')))
    .returning();
  return row;
}

export async function setAcceptedItem(db: Executor, id: string, itemId: string) {
  const [row] = await db.update(referrals).set({ acceptedItemId: itemId }).where(eq(referrals.id, id)).returning();
  return row!;
}

export interface ListOptions {
  direction: 'outgoing' | 'incoming';
  status?: ReferralStatus;
  limit: number;
  after?: { createdAt: string; id: string };
}

/** One page of a community's sent or received referrals, newest first. */
export async function listReferrals(db: Executor, communityId: string, o: ListOptions): Promise<ReferralRow[]> {
  const side = o.direction === 'outgoing' ? referrals.fromCommunityId : referrals.toCommunityId;
  const conditions = [eq(side, communityId)];
  if (o.status) conditions.push(eq(referrals.status, o.status));
  if (o.after) conditions.push(sql`(${referrals.createdAt}, ${referrals.id}) < (${o.after.createdAt}::timestamptz, ${o.after.id}::uuid)`);
  return db
    .select()
    .from(referrals)
    .where(and(...conditions))
    .orderBy(sql`${referrals.createdAt} desc`, sql`${referrals.id} desc`)
    .limit(o.limit + 1);
}

export async function communityRefs(db: Executor, ids: string[]): Promise<Map<string, CommunityRefRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select(communityRef).from(communities).where(inArray(communities.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function allCommunityRefs(db: Executor): Promise<CommunityRefRow[]> {
  return db.select(communityRef).from(communities).orderBy(asc(communities.nameZhHans), asc(communities.id));
}

export async function projectRows(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(projects).where(inArray(projects.id, [...new Set(ids)]));
}

export async function organisationNames(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, { id: string; nameZh: string; nameEn: string | null }>();
  const rows = await db
    .select({ id: organisations.id, nameZh: organisations.nameZh, nameEn: organisations.nameEn })
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function userNames(db: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: users.id, displayName: users.displayName }).from(users).where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

/** The pipeline of each of the community's items, by item id. */
export async function itemPipelines(db: Executor, communityId: string, itemIds: string[]): Promise<Map<string, string>> {
  if (itemIds.length === 0) return new Map();
  const rows = await db
    .select({ id: pipelineItems.id, pipelineId: pipelineItems.pipelineId })
    .from(pipelineItems)
    .where(and(eq(pipelineItems.communityId, communityId), inArray(pipelineItems.id, [...new Set(itemIds)])));
  return new Map(rows.map((r) => [r.id, r.pipelineId]));
}

/** The user's role in the community, if a member. */
export async function membershipRole(db: Executor, communityId: string, userId: string): Promise<string | null> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}

/** Referrals sent and received by the community, by status, created within the dates (the community's time zone). */
export async function countByStatus(db: Executor, communityId: string, timeZone: string, from: string | null, to: string | null) {
  const day = sql`(r.created_at at time zone ${timeZone})::date`;
  return rowsOf<{ side: 'sent' | 'received'; status: ReferralStatus; n: number }>(
    db,
    sql`select case when r.from_community_id = ${communityId} then 'sent' else 'received' end as side, r.status, count(*)::int as n
        from referrals r
        where (r.from_community_id = ${communityId} or r.to_community_id = ${communityId})
          ${from ? sql`and ${day} >= ${from}::date` : sql``}
          ${to ? sql`and ${day} <= ${to}::date` : sql``}
        group by 1, 2`,
  );
}
