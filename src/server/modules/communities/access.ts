import { can, isMembershipRole, type CommunityAction, type Standing } from '../../../domain/roles';
import type { Executor } from '../../db/client';
import type { RequestContext } from '../../http/context';
import { requireUser } from '../../http/context';
import { AppError } from '../../http/errors';
import { findCommunity, findMembershipRole, type CommunityRow } from './queries';

export interface CommunityAccess {
  community: CommunityRow;
  standing: Standing;
}

/**
 * The tenancy gate every community-scoped service call passes first. Someone who is not a
 * member (and not a platform admin) gets not_found, exactly as for a community that does
 * not exist, so nothing about other tenants leaks. A member lacking the permission gets
 * forbidden: they already know the community exists.
 */
export async function requireCommunityAccess(
  ctx: RequestContext,
  communityId: string,
  action: CommunityAction,
  db: Executor = ctx.db,
): Promise<CommunityAccess> {
  const user = requireUser(ctx);
  const community = await findCommunity(db, communityId);
  if (!community) throw new AppError('not_found');
  const role = await findMembershipRole(db, communityId, user.id);
  const standing: Standing = { role: role && isMembershipRole(role) ? role : null, isPlatformAdmin: user.isPlatformAdmin };
  if (standing.role === null && !standing.isPlatformAdmin) throw new AppError('not_found');
  if (!can(standing, action)) throw new AppError('forbidden');
  return { community, standing };
}
