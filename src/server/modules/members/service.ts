import { z } from 'zod';
import { normaliseEmail } from '../../../domain/email';
import { isLocale } from '../../../domain/locales';
import type { MembershipRole } from '../../../domain/roles';
import type { SessionInfo } from '../../../shared/schemas/auth';
import type { Invitation, Member } from '../../../shared/schemas/members';
import type { RequestContext } from '../../http/context';
import { requireUser } from '../../http/context';
import { AppError } from '../../http/errors';
import { decodeCursor, pageOf } from '../../http/pagination';
import { hashPassword } from '../../lib/password';
import { hashToken, randomToken } from '../../lib/tokens';
import { recordAudit } from '../audit/record';
import * as authQ from '../auth/queries';
import { assertPasswordAcceptable, startSession, toUser, type NewSession } from '../auth/service';
import { requireCommunityAccess } from '../communities/access';
import { listMyCommunities } from '../communities/service';
import { enqueueEmail } from '../outbox/enqueue';
import * as q from './queries';

const INVITATION_DAYS = 14;
const memberCursor = z.object({ at: z.iso.datetime({ precision: 6 }), id: z.uuid() });

function toMember(row: { membershipId: string; userId: string; email: string; displayName: string; role: string; joinedAt: Date }): Member {
  return { ...row, role: row.role as MembershipRole, joinedAt: row.joinedAt.toISOString() };
}

function toInvitation(row: { invitation: q.InvitationRow; inviterName: string | null }): Invitation {
  const i = row.invitation;
  const status = i.acceptedAt ? 'accepted' : i.revokedAt ? 'revoked' : i.expiresAt.getTime() <= Date.now() ? 'expired' : 'open';
  return {
    id: i.id,
    email: i.email,
    role: i.role as MembershipRole,
    invitedBy: row.inviterName,
    createdAt: i.createdAt.toISOString(),
    expiresAt: i.expiresAt.toISOString(),
    status,
  };
}

export async function listMembers(
  ctx: RequestContext,
  communityId: string,
  query: { q?: string; role?: string; limit: number; cursor?: string },
) {
  await requireCommunityAccess(ctx, communityId, 'members.read');
  const cursor = decodeCursor(query.cursor, memberCursor);
  const { rows, total } = await q.listMembers(ctx.db, communityId, {
    q: query.q || undefined,
    role: query.role,
    limit: query.limit,
    after: cursor,
  });
  const page = pageOf(rows, query.limit, (last) => ({ at: last.cursorAt, id: last.membershipId }));
  return { items: page.items.map(({ cursorAt: _, ...m }) => toMember(m)), nextCursor: page.nextCursor, total };
}

/**
 * Admin rows are locked before the check so two admins demoting each other at the same
 * moment cannot leave the community without one.
 */
async function assertNotLastAdmin(tx: Parameters<typeof q.lockAdmins>[0], communityId: string, membership: q.MembershipRow) {
  if (membership.role !== 'community_admin') return;
  const admins = await q.lockAdmins(tx, communityId);
  if (admins.length <= 1) throw new AppError('last_admin');
}

export async function changeRole(ctx: RequestContext, communityId: string, membershipId: string, role: MembershipRole): Promise<Member> {
  return ctx.db.transaction(async (tx) => {
    await requireCommunityAccess(ctx, communityId, 'members.manage', tx);
    const before = await q.lockMembership(tx, communityId, membershipId);
    if (!before) throw new AppError('not_found');
    const member = (await q.findMember(tx, communityId, membershipId))!;
    if (before.role !== role) {
      if (role !== 'community_admin') await assertNotLastAdmin(tx, communityId, before);
      const after = await q.setRole(tx, membershipId, role);
      await recordAudit(tx, ctx, {
        communityId,
        action: 'membership.role_changed',
        entityType: 'membership',
        entityId: membershipId,
        entityLabel: member.email,
        before: { role: before.role, userId: before.userId },
        after: { role: after.role, userId: after.userId },
      });
    }
    return toMember({ ...member, role });
  });
}

export async function removeMember(ctx: RequestContext, communityId: string, membershipId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await requireCommunityAccess(ctx, communityId, 'members.manage', tx);
    const before = await q.lockMembership(tx, communityId, membershipId);
    if (!before) throw new AppError('not_found');
    await assertNotLastAdmin(tx, communityId, before);
    const member = (await q.findMember(tx, communityId, membershipId))!;
    await q.deleteMembership(tx, membershipId);
    await recordAudit(tx, ctx, {
      communityId,
      action: 'membership.removed',
      entityType: 'membership',
      entityId: membershipId,
      entityLabel: member.email,
      before: { role: before.role, userId: before.userId },
      after: null,
    });
  });
}

export async function listInvitations(ctx: RequestContext, communityId: string): Promise<Invitation[]> {
  await requireCommunityAccess(ctx, communityId, 'members.read');
  return (await q.listInvitations(ctx.db, communityId)).map(toInvitation);
}

export async function invite(ctx: RequestContext, communityId: string, input: { email: string; role: MembershipRole }) {
  const email = normaliseEmail(input.email);
  const token = randomToken();
  return ctx.db.transaction(async (tx) => {
    const { community } = await requireCommunityAccess(ctx, communityId, 'members.manage', tx);
    if (await q.isMember(tx, communityId, email)) throw new AppError('already_member', { fields: { email: 'already_member' } });
    await q.closeExpiredInvitation(tx, communityId, email);
    // The partial unique index is the real guard against two open invitations; this check
    // only gives the common case a friendly field message.
    if (await q.hasOpenInvitation(tx, communityId, email)) throw new AppError('conflict', { fields: { email: 'invitation_open' } });
    const row = await q.insertInvitation(tx, {
      communityId,
      email,
      role: input.role,
      tokenHash: hashToken(token),
      invitedBy: ctx.user?.id ?? null,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    });
    await recordAudit(tx, ctx, {
      communityId,
      action: 'invitation.created',
      entityType: 'invitation',
      entityId: row.id,
      entityLabel: row.email,
      before: null,
      after: { email: row.email, role: row.role, expiresAt: row.expiresAt },
    });
    const link = `${ctx.config.publicUrl}/invite/${token}`;
    const existing = await authQ.findUserByEmail(tx, email);
    await enqueueEmail(tx, {
      recipient: email,
      template: 'invitation',
      locale: existing && isLocale(existing.locale) ? existing.locale : ctx.locale,
      payload: {
        link,
        role: row.role,
        communityName: { 'zh-CN': community.nameZhHans, 'zh-TW': community.nameZhHant, en: community.nameEn },
        invitedBy: ctx.user?.displayName ?? null,
        expiresAt: row.expiresAt.toISOString(),
      },
    });
    return { ...toInvitation({ invitation: row, inviterName: ctx.user?.displayName ?? null }), link };
  });
}

export async function revokeInvitation(ctx: RequestContext, communityId: string, invitationId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    await requireCommunityAccess(ctx, communityId, 'members.manage', tx);
    const existing = await q.findInvitation(tx, communityId, invitationId);
    if (!existing) throw new AppError('not_found');
    const row = await q.revokeInvitation(tx, communityId, invitationId);
    if (!row) throw new AppError('conflict');
    await recordAudit(tx, ctx, {
      communityId,
      action: 'invitation.revoked',
      entityType: 'invitation',
      entityId: invitationId,
      entityLabel: row.email,
      before: { revokedAt: null },
      after: { revokedAt: row.revokedAt },
    });
  });
}

export async function previewInvitation(ctx: RequestContext, token: string) {
  const found = await q.findLiveInvitationByToken(ctx.db, hashToken(token));
  if (!found) throw new AppError('invitation_invalid');
  const { invitation, community } = found;
  return {
    email: invitation.email,
    role: invitation.role as MembershipRole,
    community: { id: community.id, slug: community.slug, kind: community.kind, nameZhHans: community.nameZhHans, nameZhHant: community.nameZhHant, nameEn: community.nameEn },
    accountExists: Boolean(await authQ.findUserByEmail(ctx.db, invitation.email)),
    expiresAt: invitation.expiresAt.toISOString(),
  };
}

/**
 * Accepts an invitation. A signed-in caller joins with their account (it must be the invited
 * address). Otherwise, when no account exists yet, displayName and password create one: this
 * is sign-up by invitation, and it starts a session. Returns the new session when one was made.
 */
export async function acceptInvitation(
  ctx: RequestContext,
  token: string,
  input: { displayName?: string; password?: string },
): Promise<{ session: NewSession | null; info: SessionInfo | null }> {
  const tokenHash = hashToken(token);
  const found = await q.findLiveInvitationByToken(ctx.db, tokenHash);
  if (!found) throw new AppError('invitation_invalid');
  const { invitation } = found;

  let passwordHash: string | null = null;
  if (ctx.user) {
    if (ctx.user.email !== invitation.email) throw new AppError('validation_failed', { fields: { email: 'email_mismatch' } });
  } else {
    if (await authQ.findUserByEmail(ctx.db, invitation.email)) throw new AppError('unauthenticated');
    const fields: Record<string, string> = {};
    if (!input.displayName) fields.displayName = 'required';
    if (!input.password) fields.password = 'required';
    if (Object.keys(fields).length) throw new AppError('validation_failed', { fields });
    assertPasswordAcceptable(input.password!, invitation.email, 'password');
    passwordHash = await hashPassword(input.password!);
  }

  return ctx.db.transaction(async (tx) => {
    let user = ctx.user ? await authQ.findUserById(tx, ctx.user.id) : undefined;
    if (!user) {
      // Email is unique in the database: a concurrent sign-up with this address fails here.
      if (await authQ.findUserByEmail(tx, invitation.email)) throw new AppError('email_taken');
      user = await authQ.insertUser(tx, {
        email: invitation.email,
        displayName: input.displayName!,
        passwordHash: passwordHash!,
        locale: ctx.locale,
      });
      await recordAudit(tx, { user: toUser(user), requestId: ctx.requestId }, {
        communityId: null,
        action: 'user.created',
        entityType: 'user',
        entityId: user.id,
        entityLabel: user.email,
        before: null,
        after: { email: user.email, displayName: user.displayName, locale: user.locale },
      });
    }
    const accepted = await q.markAccepted(tx, invitation.id, user.id);
    if (!accepted) throw new AppError('invitation_invalid');
    const actor = { user: toUser(user), requestId: ctx.requestId };
    await recordAudit(tx, actor, {
      communityId: invitation.communityId,
      action: 'invitation.accepted',
      entityType: 'invitation',
      entityId: invitation.id,
      entityLabel: invitation.email,
      before: { acceptedAt: null },
      after: { acceptedAt: accepted.acceptedAt },
    });
    const membership = await q.insertMembership(tx, { communityId: invitation.communityId, userId: user.id, role: invitation.role });
    if (!membership) throw new AppError('already_member');
    await recordAudit(tx, actor, {
      communityId: invitation.communityId,
      action: 'membership.created',
      entityType: 'membership',
      entityId: membership.id,
      entityLabel: user.email,
      before: null,
      after: { userId: membership.userId, role: membership.role },
    });
    if (ctx.user) {
      const me = requireUser(ctx);
      return { session: null, info: { user: me, csrfToken: null, communities: await listMyCommunities(tx, me) } };
    }
    const session = await startSession(tx, ctx, user);
    return { session, info: session.info };
  });
}
