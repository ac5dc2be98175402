import { isMembershipRole, permissionsOf } from '../../../domain/roles';
import type { MyCommunity } from '../../../shared/schemas/auth';
import type { Community, CommunityDetail } from '../../../shared/schemas/communities';
import type { Executor } from '../../db/client';
import type { AuthUser, RequestContext } from '../../http/context';
import { requireUser } from '../../http/context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { requireCommunityAccess } from './access';
import * as q from './queries';

export function toCommunity(row: q.CommunityRow): Community {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

/** The switcher's list: the caller's memberships, plus every other community for platform admins. */
export async function listMyCommunities(db: Executor, user: AuthUser): Promise<MyCommunity[]> {
  const mine = await q.listCommunitiesOfUser(db, user.id);
  const roles = new Map(mine.map((m) => [m.community.id, isMembershipRole(m.role) ? m.role : null]));
  const rows = user.isPlatformAdmin ? await q.listAllCommunities(db) : mine.map((m) => m.community);
  return rows.map((c) => {
    const role = roles.get(c.id) ?? null;
    return {
      id: c.id,
      slug: c.slug,
      kind: c.kind,
      nameZhHans: c.nameZhHans,
      nameZhHant: c.nameZhHant,
      nameEn: c.nameEn,
      role,
      permissions: permissionsOf({ role, isPlatformAdmin: user.isPlatformAdmin }),
    };
  });
}

export async function listCommunities(ctx: RequestContext): Promise<Community[]> {
  const user = requireUser(ctx);
  const rows = user.isPlatformAdmin
    ? await q.listAllCommunities(ctx.db)
    : (await q.listCommunitiesOfUser(ctx.db, user.id)).map((m) => m.community);
  return rows.map(toCommunity);
}

export async function listKinds(ctx: RequestContext) {
  return q.listKinds(ctx.db);
}

export async function getCommunity(ctx: RequestContext, communityId: string): Promise<CommunityDetail> {
  const { community, standing } = await requireCommunityAccess(ctx, communityId, 'community.read');
  const byRole = await q.membersByRole(ctx.db, communityId);
  const canSeeMembers = permissionsOf(standing).includes('members.read');
  return {
    ...toCommunity(community),
    myRole: standing.role,
    permissions: permissionsOf(standing),
    memberCount: Object.values(byRole).reduce((a, b) => a + b, 0),
    membersByRole: byRole,
    openInvitations: canSeeMembers ? await q.countOpenInvitations(ctx.db, communityId) : 0,
  };
}

type CommunityInput = Partial<Omit<q.CommunityRow, 'id' | 'createdAt' | 'updatedAt'>>;

export async function createCommunity(ctx: RequestContext, input: CommunityInput & { slug: string; kind: string }): Promise<Community> {
  const user = requireUser(ctx);
  if (!user.isPlatformAdmin) throw new AppError('forbidden');
  return ctx.db.transaction(async (tx) => {
    if (!(await q.kindExists(tx, input.kind))) throw new AppError('validation_failed', { fields: { kind: 'unknown_kind' } });
    if (await q.slugTaken(tx, input.slug)) throw new AppError('conflict', { fields: { slug: 'slug_taken' } });
    const row = await q.insertCommunity(tx, input as typeof input & { nameZhHans: string; nameZhHant: string; nameEn: string });
    await recordAudit(tx, ctx, {
      communityId: row.id,
      action: 'community.created',
      entityType: 'community',
      entityId: row.id,
      entityLabel: row.nameZhHans,
      before: null,
      after: row,
    });
    return toCommunity(row);
  });
}

export async function updateCommunity(ctx: RequestContext, communityId: string, input: CommunityInput): Promise<Community> {
  return ctx.db.transaction(async (tx) => {
    await requireCommunityAccess(ctx, communityId, 'community.update', tx);
    if (input.kind !== undefined && !(await q.kindExists(tx, input.kind))) {
      throw new AppError('validation_failed', { fields: { kind: 'unknown_kind' } });
    }
    const before = await q.lockCommunity(tx, communityId);
    if (!before) throw new AppError('not_found');
    const after = await q.updateCommunity(tx, communityId, input);
    await recordAudit(tx, ctx, {
      communityId,
      action: 'community.updated',
      entityType: 'community',
      entityId: communityId,
      entityLabel: after.nameZhHans,
      before,
      after,
    });
    return toCommunity(after);
  });
}
