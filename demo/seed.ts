import { count } from 'drizzle-orm';
import type { Db } from '../src/server/db/client';
import type { FileStorage } from '../src/server/storage/storage';
import { auditLog, communities, invitations, memberships, users } from '../src/server/db/schema';
import { diffFields } from '../src/domain/audit-diff';
import { hashPassword } from '../src/server/lib/password';
import { hashToken, randomToken } from '../src/server/lib/tokens';
import { DEMO_ACCOUNTS, DEMO_EXTRA_MEMBERS, DEMO_OPEN_INVITATIONS, DEMO_PASSWORD } from './accounts';
import { DEMO_COMMUNITIES } from './communities';
import { seedDirectory } from './directory/seed-directory';
import { seedEvents } from './events/seed-events';
import { seedLifecycle } from './lifecycle/seed-lifecycle';
import { seedPartnering } from './partnering/seed-partnering';
import { seedBriefs } from './briefs/seed-briefs';
import { seedChallenges } from './challenges/seed-challenges';
import { seedMatchFeedback } from './matching/seed-feedback';
import { seedMatchProfiles } from './matching/seed-profiles';
import { seedSuggestions } from './matching/seed-suggestions';

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(users);
  return (row?.n ?? 0) === 0;
}

/**
 * Loads the demo dataset in one transaction. Each creation is written to the audit log as
 * done by the platform admin, so the audit pages have a history to show. With a file storage,
 * the closed-door meeting's PDF materials are stored too.
 */
export async function seedDemo(db: Db, options: { storage?: FileStorage } = {}): Promise<void> {
  // One hash serves every demo account (same password); hashing is slow on purpose.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction(async (tx) => {
    const userIds = new Map<string, string>();
    const allUsers = [
      ...DEMO_ACCOUNTS.map((a) => ({ email: a.email, displayName: a.displayName, locale: a.locale, isPlatformAdmin: a.isPlatformAdmin ?? false })),
      ...DEMO_EXTRA_MEMBERS.map(([name, local]) => ({ email: `${local}@biobridge.demo`, displayName: name, locale: 'zh-CN' as const, isPlatformAdmin: false })),
    ];
    for (const u of allUsers) {
      const [row] = await tx.insert(users).values({ ...u, passwordHash }).returning();
      userIds.set(u.email, row!.id);
    }
    const adminId = userIds.get('admin@biobridge.demo')!;
    const audit = (communityId: string, action: string, entityType: string, entityId: string, entityLabel: string, after: Record<string, unknown>) =>
      tx
        .insert(auditLog)
        .values({ actorUserId: adminId, communityId, action, entityType, entityId, entityLabel, changes: diffFields(null, after), requestId: 'demo-seed' });

    const communityIds = new Map<string, string>();
    for (const c of DEMO_COMMUNITIES) {
      const [row] = await tx.insert(communities).values(c).returning();
      communityIds.set(c.slug, row!.id);
      await audit(row!.id, 'community.created', 'community', row!.id, c.nameZhHans, { ...c });
    }

    const memberRows: { email: string; slug: string; role: string }[] = [
      ...DEMO_ACCOUNTS.flatMap((a) => a.memberships.map(([slug, role]) => ({ email: a.email, slug, role }))),
      ...DEMO_EXTRA_MEMBERS.map(([, local, slug, role]) => ({ email: `${local}@biobridge.demo`, slug, role })),
    ];
    for (const m of memberRows) {
      const communityId = communityIds.get(m.slug)!;
      const userId = userIds.get(m.email)!;
      const [row] = await tx.insert(memberships).values({ communityId, userId, role: m.role }).returning();
      await audit(communityId, 'membership.created', 'membership', row!.id, m.email, { userId, role: m.role });
    }

    for (const [email, slug, role] of DEMO_OPEN_INVITATIONS) {
      const communityId = communityIds.get(slug)!;
      const [row] = await tx
        .insert(invitations)
        .values({ communityId, email, role, tokenHash: hashToken(randomToken()), invitedBy: adminId, expiresAt: new Date(Date.now() + 14 * 86_400_000) })
        .returning();
      await audit(communityId, 'invitation.created', 'invitation', row!.id, email, { email, role, expiresAt: row!.expiresAt });
    }

    // The ecosystem directory: organisations, people and projects of the four communities.
    await seedDirectory(tx, { userIds, communityIds });
    // Lifecycle histories, pipelines, referrals, landing and agreements on top of the directory.
    await seedLifecycle(tx, { userIds, communityIds });
    // Events on top: forums, salons, a competition, a closed-door meeting, with their outcomes.
    await seedEvents(tx, { userIds, communityIds, storage: options.storage });
    // Partnering: a published one-to-one partnering day in China Medical City, wish lists in Jiading.
    await seedPartnering(tx, { userIds, communityIds });
    // Matchmaking: what the communities look for, technology briefs, challenges with answers in
    // screening, some users' verdicts on suggestions, then the stored suggestions home pages show.
    await seedMatchProfiles(tx, { userIds, communityIds });
    await seedBriefs(tx, { userIds, communityIds });
    await seedChallenges(tx, { userIds, communityIds });
    await seedMatchFeedback(tx, { userIds, communityIds });
    await seedSuggestions(tx);
  });
}
