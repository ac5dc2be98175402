import type { Viewer } from '../../../domain/directory-access';
import { isMembershipRole, type MembershipRole } from '../../../domain/roles';
import type { Executor } from '../../db/client';
import { requireUser, type RequestContext } from '../../http/context';
import * as q from './common.queries';

/** Everything the access rules need about the signed-in user: roles by community, organisations represented. */
export async function loadViewer(ctx: RequestContext, db: Executor = ctx.db): Promise<Viewer> {
  const user = requireUser(ctx);
  const memberships = await q.rolesOfUser(db, user.id);
  const represented = await q.organisationsRepresentedBy(db, user.id);
  const roles = new Map<string, MembershipRole>();
  for (const m of memberships) if (isMembershipRole(m.role)) roles.set(m.communityId, m.role);
  return { userId: user.id, isPlatformAdmin: user.isPlatformAdmin, roles, representedOrgIds: new Set(represented) };
}

/** The community to write in the audit entry: the one whose permission allowed the change, if any. */
export function auditCommunity(authority: { via: string; communityId?: string }): string | null {
  return authority.via === 'community' ? (authority.communityId ?? null) : null;
}
