import { and, asc, count, desc, eq, gt, ilike, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { communities, invitations, memberships, users } from '../../db/schema';

export type MembershipRow = typeof memberships.$inferSelect;
export type InvitationRow = typeof invitations.$inferSelect;

/** Exact (microsecond) text form of a timestamp: a JS Date would drop the microseconds a keyset needs. */
const exactTime = (column: typeof memberships.createdAt) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

const memberColumns = {
  membershipId: memberships.id,
  userId: users.id,
  email: users.email,
  displayName: users.displayName,
  role: memberships.role,
  joinedAt: memberships.createdAt,
};

/** Neither accepted nor revoked (it may still have expired: compare expiresAt where that matters). */
export const invitationIsOpen = () => and(isNull(invitations.acceptedAt), isNull(invitations.revokedAt));

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Members ordered by join time, newest first; the cursor is the last row's (joinedAt, id). */
export async function listMembers(
  db: Executor,
  communityId: string,
  filter: { q?: string; role?: string; limit: number; after?: { at: string; id: string } },
) {
  const conditions: (SQL | undefined)[] = [eq(memberships.communityId, communityId)];
  if (filter.role) conditions.push(eq(memberships.role, filter.role));
  if (filter.q) {
    const pattern = `%${escapeLike(filter.q)}%`;
    conditions.push(or(ilike(users.displayName, pattern), ilike(users.email, pattern)));
  }
  const [total] = await db
    .select({ n: count() })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(...conditions));
  if (filter.after) {
    conditions.push(
      sql`(${memberships.createdAt}, ${memberships.id}) < (${filter.after.at}::timestamptz, ${filter.after.id}::uuid)`,
    );
  }
  const rows = await db
    .select({ ...memberColumns, cursorAt: exactTime(memberships.createdAt) })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(...conditions))
    .orderBy(desc(memberships.createdAt), desc(memberships.id))
    .limit(filter.limit + 1);
  return { rows, total: total?.n ?? 0 };
}

export async function findMember(db: Executor, communityId: string, membershipId: string) {
  const [row] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.communityId, communityId), eq(memberships.id, membershipId)));
  return row;
}

/** Locks the membership row, scoped to its community so another tenant's id finds nothing. */
export async function lockMembership(db: Executor, communityId: string, membershipId: string) {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.id, membershipId)))
    .for('update');
  return row;
}

/** Locks every admin membership of a community: serialises "is this the last admin?" decisions. */
export async function lockAdmins(db: Executor, communityId: string) {
  return db
    .select({ id: memberships.id })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.role, 'community_admin')))
    .for('update');
}

export async function setRole(db: Executor, membershipId: string, role: string) {
  const [row] = await db
    .update(memberships)
    .set({ role, updatedAt: sql`now()` })
    .where(eq(memberships.id, membershipId))
    .returning();
  return row!;
}

export async function deleteMembership(db: Executor, membershipId: string) {
  await db.delete(memberships).where(eq(memberships.id, membershipId));
}

export async function insertMembership(db: Executor, values: typeof memberships.$inferInsert) {
  const [row] = await db
    .insert(memberships)
    .values(values)
    .onConflictDoNothing({ target: [memberships.communityId, memberships.userId] })
    .returning();
  return row;
}

export async function isMember(db: Executor, communityId: string, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: memberships.id })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.communityId, communityId), eq(users.email, email)));
  return Boolean(row);
}

const invitationColumns = {
  invitation: invitations,
  inviterName: users.displayName,
};

export async function listInvitations(db: Executor, communityId: string) {
  return db
    .select(invitationColumns)
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.communityId, communityId))
    .orderBy(desc(invitations.createdAt), asc(invitations.id))
    .limit(500);
}

export async function findInvitation(db: Executor, communityId: string, invitationId: string) {
  const [row] = await db
    .select(invitationColumns)
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(and(eq(invitations.communityId, communityId), eq(invitations.id, invitationId)));
  return row;
}

export async function hasOpenInvitation(db: Executor, communityId: string, email: string): Promise<boolean> {
  const [row] = await db
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.communityId, communityId),
        eq(invitations.email, email),
        invitationIsOpen(),
      ),
    );
  return Boolean(row);
}

/** An expired invitation still blocks the partial unique index; close it so a new one can be sent. */
export async function closeExpiredInvitation(db: Executor, communityId: string, email: string) {
  await db
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(invitations.communityId, communityId),
        eq(invitations.email, email),
        invitationIsOpen(),
        sql`${invitations.expiresAt} <= now()`,
      ),
    );
}

export async function insertInvitation(db: Executor, values: typeof invitations.$inferInsert) {
  const [row] = await db.insert(invitations).values(values).returning();
  return row!;
}

export async function revokeInvitation(db: Executor, communityId: string, invitationId: string) {
  const [row] = await db
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(invitations.communityId, communityId),
        eq(invitations.id, invitationId),
        invitationIsOpen(),
      ),
    )
    .returning();
  return row;
}

/** A live invitation by token, with its community, for the public invitation page. */
export async function findLiveInvitationByToken(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ invitation: invitations, community: communities })
    .from(invitations)
    .innerJoin(communities, eq(communities.id, invitations.communityId))
    .where(
      and(
        eq(invitations.tokenHash, tokenHash),
        invitationIsOpen(),
        gt(invitations.expiresAt, sql`now()`),
      ),
    );
  return row;
}

/** Marks the invitation accepted in one statement, so one link cannot be used twice at once. */
export async function markAccepted(db: Executor, invitationId: string, userId: string) {
  const [row] = await db
    .update(invitations)
    .set({ acceptedAt: sql`now()`, acceptedBy: userId })
    .where(and(eq(invitations.id, invitationId), invitationIsOpen()))
    .returning();
  return row;
}
