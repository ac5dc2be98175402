/**
 * Who may see and do what in an event's partnering, for the participants' routes. An event
 * without partnering, or one the caller may not see, answers not_found like one that does not
 * exist. A participant is a row of partnering_participants for (event, user); organisers
 * (events.manage in the event's community) may read the participants' pages without one.
 */
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { PartneringMode, PartneringSide } from '../../../domain/partnering/vocabularies';
import { effectiveDeadline, type RequestRules } from '../../../domain/partnering/request-rules';
import { can, isMembershipRole } from '../../../domain/roles';
import type { Executor } from '../../db/client';
import { eventRegistrations, events, partneringParticipants, partneringSettings, partneringSlots } from '../../db/schema';
import { requireUser, type AuthUser, type RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { findCommunity, findMembershipRole, type CommunityRow } from '../communities/queries';
import { findVisibleEvent, type EventRow } from '../events/access';

export type SettingsRow = typeof partneringSettings.$inferSelect;
export type ParticipantRow = typeof partneringParticipants.$inferSelect;
export type SlotRow = typeof partneringSlots.$inferSelect;

export interface PartneringScope {
  user: AuthUser;
  event: EventRow;
  community: CommunityRow;
  settings: SettingsRow;
  canManage: boolean;
  /** The caller's participant record, in any status; null when they never opted in. */
  me: ParticipantRow | null;
}

export async function findParticipantOfUser(db: Executor, eventId: string, userId: string, lock = false): Promise<ParticipantRow | null> {
  const query = db
    .select()
    .from(partneringParticipants)
    .where(and(eq(partneringParticipants.eventId, eventId), eq(partneringParticipants.userId, userId)));
  const [row] = lock ? await query.for('update') : await query;
  return row ?? null;
}

/**
 * The event's partnering as the caller may see it: 404 when the event has no partnering, or
 * when the caller is neither a participant nor someone the event is visible to.
 */
export async function loadScope(ctx: RequestContext, eventId: string, db: Executor = ctx.db, options: { lockMe?: boolean } = {}): Promise<PartneringScope> {
  const user = requireUser(ctx);
  const [event] = await db.select().from(events).where(eq(events.id, eventId));
  if (!event) throw new AppError('not_found');
  const [settings] = await db.select().from(partneringSettings).where(eq(partneringSettings.eventId, eventId));
  if (!settings) throw new AppError('not_found');
  const community = await findCommunity(db, event.communityId);
  if (!community) throw new AppError('not_found');
  const role = await findMembershipRole(db, event.communityId, user.id);
  const canManage = can({ role: role && isMembershipRole(role) ? role : null, isPlatformAdmin: user.isPlatformAdmin }, 'events.manage');
  const me = await findParticipantOfUser(db, eventId, user.id, options.lockMe);
  // A participant keeps their pages even if the event's visibility changed since they opted in.
  if (!me && !canManage) await findVisibleEvent(ctx, eventId, { db });
  return { user, event, community, settings, canManage, me };
}

/** The caller as an active participant, else 403 partnering_not_participant. */
export function requireActive(scope: PartneringScope): ParticipantRow {
  if (!scope.me || scope.me.status !== 'active') throw new AppError('partnering_not_participant');
  return scope.me;
}

/** Participants (any status) and organisers may read the other participants' cards. */
export function requireReader(scope: PartneringScope): void {
  if (!scope.me && !scope.canManage) throw new AppError('partnering_not_participant');
}

export function rulesOf(scope: Pick<PartneringScope, 'settings' | 'event'>): RequestRules {
  return {
    mode: scope.settings.mode as PartneringMode,
    deadline: effectiveDeadline(scope.settings.requestDeadline, scope.event.startsAt).getTime(),
    maxRequestsPerParticipant: scope.settings.maxRequestsPerParticipant,
    allowedPairs: (scope.settings.allowedPairs ?? null) as [PartneringSide, PartneringSide][] | null,
  };
}

export async function confirmedRegistration(db: Executor, eventId: string, userId: string): Promise<{ id: string } | null> {
  const [row] = await db
    .select({ id: eventRegistrations.id })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.userId, userId), eq(eventRegistrations.status, 'confirmed')))
    .limit(1);
  return row ?? null;
}

export type OptInBlock = 'not_registered' | 'opt_in_closed' | 'event_over';

/** Why the user may not opt in (or edit their profile) now; null when they may. */
export function optInBlockedBy(event: EventRow, settings: SettingsRow, registered: boolean, now = Date.now()): OptInBlock | null {
  if (event.endsAt.getTime() <= now) return 'event_over';
  if (!registered) return 'not_registered';
  if (event.status !== 'published' || !settings.optInOpen) return 'opt_in_closed';
  return null;
}

export const OPT_IN_ERROR = {
  not_registered: 'partnering_not_registered',
  opt_in_closed: 'partnering_opt_in_closed',
  event_over: 'partnering_event_over',
} as const;

export async function slotsOf(db: Executor, eventId: string): Promise<SlotRow[]> {
  return db.select().from(partneringSlots).where(eq(partneringSlots.eventId, eventId)).orderBy(asc(partneringSlots.startsAt));
}

/**
 * Row locks on participants, always in id order so two transactions that lock the same pair
 * cannot deadlock. Returns the rows by id.
 */
export async function lockParticipants(db: Executor, eventId: string, ids: string[]): Promise<Map<string, ParticipantRow>> {
  const sorted = [...new Set(ids)].sort();
  const out = new Map<string, ParticipantRow>();
  for (const id of sorted) {
    const [row] = await db
      .select()
      .from(partneringParticipants)
      .where(and(eq(partneringParticipants.eventId, eventId), eq(partneringParticipants.id, id)))
      .for('update');
    if (row) out.set(id, row);
  }
  return out;
}

export async function participantsByIds(db: Executor, eventId: string, ids: string[]): Promise<Map<string, ParticipantRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select()
    .from(partneringParticipants)
    .where(and(eq(partneringParticipants.eventId, eventId), inArray(partneringParticipants.id, [...new Set(ids)])));
  return new Map(rows.map((r) => [r.id, r]));
}

export function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}

export function partneringLink(ctx: RequestContext, eventId: string): string {
  return `${ctx.config.publicUrl}/partnering/${eventId}`;
}
