import type { CommunityAction } from '../../../domain/roles';
import type { Executor } from '../../db/client';
import type { RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import type { CommunityAccess } from '../communities/access';
import { requireManagedEvent } from '../events/access';
import type * as q from './queries';

/**
 * The tenancy gate, then the event: another community's event (or none) answers not_found,
 * like a missing one. Every organiser route of this module starts here.
 */
export async function requireEvent(
  ctx: RequestContext,
  communityId: string,
  eventId: string,
  action: CommunityAction = 'events.manage',
  db: Executor = ctx.db,
): Promise<{ access: CommunityAccess; event: q.EventRow }> {
  const { event, ...access } = await requireManagedEvent(ctx, communityId, eventId, db, { action });
  return { access, event };
}

export const fieldError = (fields: Record<string, string>) => new AppError('validation_failed', { fields });

export function sessionOut(s: q.SessionRow | undefined) {
  return s ? { id: s.id, title: s.title, kind: s.kind, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), room: s.room } : null;
}

export function termOut(terms: Map<string, q.TermRow>, taxonomy: string, code: string | null) {
  const t = code ? terms.get(`${taxonomy}:${code}`) : undefined;
  return t ? { code: t.code, nameZhHans: t.nameZhHans, nameZhHant: t.nameZhHant, nameEn: t.nameEn } : null;
}
