import { and, asc, count, eq, gt, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { communities, communityKinds, invitations, memberships } from '../../db/schema';
import { invitationIsOpen } from '../members/queries';

export type CommunityRow = typeof communities.$inferSelect;

export async function findCommunity(db: Executor, id: string): Promise<CommunityRow | undefined> {
  const [row] = await db.select().from(communities).where(eq(communities.id, id));
  return row;
}

export async function lockCommunity(db: Executor, id: string): Promise<CommunityRow | undefined> {
  const [row] = await db.select().from(communities).where(eq(communities.id, id)).for('update');
  return row;
}

export async function findMembershipRole(db: Executor, communityId: string, userId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.userId, userId)));
  return row?.role;
}

export async function listAllCommunities(db: Executor): Promise<CommunityRow[]> {
  return db.select().from(communities).orderBy(asc(communities.createdAt), asc(communities.slug));
}

export async function listCommunitiesOfUser(db: Executor, userId: string) {
  return db
    .select({ community: communities, role: memberships.role })
    .from(memberships)
    .innerJoin(communities, eq(communities.id, memberships.communityId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(communities.createdAt), asc(communities.slug));
}

export async function listKinds(db: Executor) {
  return db.select().from(communityKinds).orderBy(asc(communityKinds.sortOrder), asc(communityKinds.code));
}

export async function kindExists(db: Executor, code: string): Promise<boolean> {
  const [row] = await db.select({ code: communityKinds.code }).from(communityKinds).where(eq(communityKinds.code, code));
  return Boolean(row);
}

export async function membersByRole(db: Executor, communityId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ role: memberships.role, n: count() })
    .from(memberships)
    .where(eq(memberships.communityId, communityId))
    .groupBy(memberships.role);
  return Object.fromEntries(rows.map((r) => [r.role, r.n]));
}

export async function countOpenInvitations(db: Executor, communityId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(invitations)
    .where(
      and(
        eq(invitations.communityId, communityId),
        invitationIsOpen(),
        gt(invitations.expiresAt, sql`now()`),
      ),
    );
  return row?.n ?? 0;
}

export async function insertCommunity(db: Executor, values: typeof communities.$inferInsert): Promise<CommunityRow> {
  const [row] = await db.insert(communities).values(values).returning();
  return row!;
}

export async function updateCommunity(db: Executor, id: string, values: Partial<typeof communities.$inferInsert>) {
  const [row] = await db
    .update(communities)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(communities.id, id))
    .returning();
  return row!;
}

export async function slugTaken(db: Executor, slug: string): Promise<boolean> {
  const [row] = await db.select({ id: communities.id }).from(communities).where(eq(communities.slug, slug));
  return Boolean(row);
}
