import type { Executor } from '../../db/client';
import type { RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { requireCommunityAccess, type CommunityAccess } from '../communities/access';
import * as q from './queries';

export interface ManagedEvent extends CommunityAccess {
  event: q.EventRow;
}

/**
 * The tenancy gate and the event, for everything at the door: events.manage in the community
 * (non-member 404, member without it 403), and an event of that community (else 404, the same
 * answer as an event that does not exist).
 */
export async function requireManagedEvent(ctx: RequestContext, communityId: string, eventId: string, db: Executor = ctx.db): Promise<ManagedEvent> {
  const access = await requireCommunityAccess(ctx, communityId, 'events.manage', db);
  const event = await q.findEvent(db, communityId, eventId);
  if (!event) throw new AppError('not_found');
  return { ...access, event };
}
