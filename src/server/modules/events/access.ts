/**
 * Finding an event for someone who may not be a member: the public page, registration,
 * applications, the agenda PDF and attendee materials. Everything the caller may not see
 * answers not_found, exactly like an event that does not exist.
 */
import { and, eq, inArray, or, sql } from 'drizzle-orm';
import { LIVE_REGISTRATION_STATUSES, type EventStatus, type EventVisibility } from '../../../domain/events/vocabularies';
import { canSeeEvent, type EventViewerFacts } from '../../../domain/events/visibility';
import { can, isMembershipRole, type CommunityAction } from '../../../domain/roles';
import type { Executor } from '../../db/client';
import { eventInvitations, eventRegistrations, events } from '../../db/schema';
import type { RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import type { EventFacts } from '../outbox/enqueue';
import { requireCommunityAccess, type CommunityAccess } from '../communities/access';
import { findCommunity, findMembershipRole, type CommunityRow } from '../communities/queries';

export type EventRow = typeof events.$inferSelect;

export interface ManagedEvent extends CommunityAccess {
  event: EventRow;
}

/**
 * The organisers' gate, which every event route under a community passes first: the community's
 * tenancy gate for `action` (events.manage unless said otherwise: non-member 404, no permission
 * 403), then the event, which must be that community's (else 404, like one that does not exist).
 * `lock` takes the event's row lock for a write that depends on its state.
 */
export async function requireManagedEvent(
  ctx: RequestContext,
  communityId: string,
  eventId: string,
  db: Executor = ctx.db,
  options: { lock?: boolean; action?: CommunityAction } = {},
): Promise<ManagedEvent> {
  const access = await requireCommunityAccess(ctx, communityId, options.action ?? 'events.manage', db);
  const query = db.select().from(events).where(and(eq(events.communityId, communityId), eq(events.id, eventId)));
  const [event] = options.lock ? await query.for('update') : await query;
  if (!event) throw new AppError('not_found');
  return { ...access, event };
}

export interface VisibleEvent {
  event: EventRow;
  community: CommunityRow;
  viewer: EventViewerFacts;
}

/**
 * The event if the caller may see it (see canSeeEvent), with what is known about the caller.
 * `inviteToken` is the token of a personal invitation link, when the page was opened from one.
 */
export async function findVisibleEvent(ctx: RequestContext, eventId: string, options: { inviteToken?: string | null; db?: Executor } = {}): Promise<VisibleEvent> {
  const db = options.db ?? ctx.db;
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  if (!event) throw new AppError('not_found');
  const community = await findCommunity(db, event.communityId);
  if (!community) throw new AppError('not_found');
  const viewer = await viewerFacts(db, ctx, event, options.inviteToken ?? null);
  if (!canSeeEvent({ status: event.status as EventStatus, visibility: event.visibility as EventVisibility }, viewer)) throw new AppError('not_found');
  return { event, community, viewer };
}

async function viewerFacts(db: Executor, ctx: RequestContext, event: EventRow, inviteToken: string | null): Promise<EventViewerFacts> {
  const user = ctx.user;
  let canManage = false;
  let isMember = false;
  if (user) {
    const role = await findMembershipRole(db, event.communityId, user.id);
    const standing = { role: role && isMembershipRole(role) ? role : null, isPlatformAdmin: user.isPlatformAdmin };
    isMember = standing.role !== null;
    canManage = can(standing, 'events.manage');
  }
  const inviteMatches = [];
  if (inviteToken) inviteMatches.push(eq(eventInvitations.token, inviteToken));
  if (user) inviteMatches.push(eq(eventInvitations.email, user.email.toLowerCase()));
  const [invitation] = inviteMatches.length
    ? await db
        .select({ id: eventInvitations.id })
        .from(eventInvitations)
        .where(and(eq(eventInvitations.eventId, event.id), sql`${eventInvitations.status} <> 'revoked'`, or(...inviteMatches)))
        .limit(1)
    : [];
  const [registration] = user
    ? await db
        .select({ id: eventRegistrations.id })
        .from(eventRegistrations)
        .where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.userId, user.id), inArray(eventRegistrations.status, [...LIVE_REGISTRATION_STATUSES])))
        .limit(1)
    : [];
  return { canManage, isMember, isInvited: Boolean(invitation), isRegistered: Boolean(registration) };
}

/** What every event e-mail says about its event (see EmailPayloads). */
export function eventFacts(event: EventRow, community: CommunityRow): EventFacts {
  return {
    eventId: event.id,
    eventTitle: event.title,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    timeZone: community.timeZone,
    venue: event.venue,
    onlineUrl: event.onlineUrl,
    communityName: { 'zh-CN': community.nameZhHans, 'zh-TW': community.nameZhHant, en: community.nameEn },
  };
}
