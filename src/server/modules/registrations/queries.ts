import { and, asc, eq, gt, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { LIVE_REGISTRATION_STATUSES, type RegistrationStatus } from '../../../domain/events/vocabularies';
import type { Executor } from '../../db/client';
import {
  communities,
  eventInvitations,
  eventOrganisers,
  eventRegistrations,
  eventSessionPeople,
  eventSessions,
  eventTicketTypes,
  events,
  organisations,
  people,
} from '../../db/schema';

export type TicketTypeRow = typeof eventTicketTypes.$inferSelect;
export type RegistrationRow = typeof eventRegistrations.$inferSelect;
export type RegistrationValues = typeof eventRegistrations.$inferInsert;
export type InvitationRow = typeof eventInvitations.$inferSelect;
export type EventRow = typeof events.$inferSelect;

const LIVE = [...LIVE_REGISTRATION_STATUSES];

// ---------------------------------------------------------------- events

export async function findEventById(db: Executor, eventId: string): Promise<EventRow | undefined> {
  const [row] = await db.select().from(events).where(eq(events.id, eventId));
  return row;
}

export async function organisersOf(db: Executor, eventId: string) {
  return db
    .select({ id: organisations.id, nameZh: organisations.nameZh, nameEn: organisations.nameEn, role: eventOrganisers.role })
    .from(eventOrganisers)
    .innerJoin(organisations, eq(organisations.id, eventOrganisers.organisationId))
    .where(eq(eventOrganisers.eventId, eventId))
    .orderBy(asc(eventOrganisers.position), asc(organisations.nameZh));
}

export async function sessionsOf(db: Executor, eventId: string) {
  const sessions = await db.select().from(eventSessions).where(eq(eventSessions.eventId, eventId)).orderBy(asc(eventSessions.startsAt), asc(eventSessions.title));
  const ids = sessions.map((s) => s.id);
  const speakers = ids.length
    ? await db
        .select({ sessionId: eventSessionPeople.sessionId, role: eventSessionPeople.role, nameZh: people.nameZh, nameEn: people.nameEn, title: people.title })
        .from(eventSessionPeople)
        .innerJoin(people, eq(people.id, eventSessionPeople.personId))
        .where(inArray(eventSessionPeople.sessionId, ids))
        .orderBy(asc(eventSessionPeople.position))
    : [];
  return { sessions, speakers };
}

// ---------------------------------------------------------------- ticket types

export async function ticketTypesOf(db: Executor, eventId: string): Promise<TicketTypeRow[]> {
  return db.select().from(eventTicketTypes).where(eq(eventTicketTypes.eventId, eventId)).orderBy(asc(eventTicketTypes.position), asc(eventTicketTypes.createdAt));
}

export async function findTicketType(db: Executor, eventId: string, id: string): Promise<TicketTypeRow | undefined> {
  const [row] = await db
    .select()
    .from(eventTicketTypes)
    .where(and(eq(eventTicketTypes.eventId, eventId), eq(eventTicketTypes.id, id)));
  return row;
}

/**
 * Takes the ticket type's row lock for the rest of the transaction. Every change of seats
 * (a registration, an approval, a cancellation, a capacity change) takes it first, so they run
 * one after another per ticket type, on any number of servers, and the waitlist keeps arrival order.
 */
export async function lockTicketType(db: Executor, eventId: string, id: string): Promise<TicketTypeRow | undefined> {
  const [row] = await db
    .select()
    .from(eventTicketTypes)
    .where(and(eq(eventTicketTypes.eventId, eventId), eq(eventTicketTypes.id, id)))
    .for('update');
  return row;
}

/**
 * The registration path's lock in one round trip: takes the row lock and, when an automatic
 * arrival will find no free seat, bumps the waitlist sequence for it. Answers the row as it
 * was before the bump (the facts the placement is decided on).
 */
export async function lockForArrival(db: Executor, eventId: string, id: string, automatic: boolean): Promise<TicketTypeRow | undefined> {
  const bump = automatic ? sql`case when ${eventTicketTypes.confirmedCount} >= ${eventTicketTypes.capacity} then ${eventTicketTypes.waitlistSeq} + 1 else ${eventTicketTypes.waitlistSeq} end` : sql`${eventTicketTypes.waitlistSeq}`;
  const [row] = await db
    .update(eventTicketTypes)
    .set({ waitlistSeq: bump })
    .where(and(eq(eventTicketTypes.eventId, eventId), eq(eventTicketTypes.id, id)))
    .returning();
  if (!row) return undefined;
  const bumped = automatic && row.confirmedCount >= row.capacity;
  return { ...row, waitlistSeq: bumped ? row.waitlistSeq - 1 : row.waitlistSeq };
}

/** Waiting registrations of a ticket type: a newcomer's place in line is this count (itself included). */
export async function waitingCount(db: Executor, ticketTypeId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.ticketTypeId, ticketTypeId), eq(eventRegistrations.status, 'waitlisted')));
  return row?.n ?? 0;
}

export async function ticketTypeById(db: Executor, id: string): Promise<TicketTypeRow | undefined> {
  const [row] = await db.select().from(eventTicketTypes).where(eq(eventTicketTypes.id, id));
  return row;
}

export async function setWaitlistSeq(db: Executor, id: string, seq: number): Promise<void> {
  await db.update(eventTicketTypes).set({ waitlistSeq: seq }).where(eq(eventTicketTypes.id, id));
}

/** Waiting and pending registrations per ticket type of an event. */
export async function queueCounts(db: Executor, eventId: string): Promise<Map<string, { waitlisted: number; pending: number }>> {
  const rows = await db
    .select({ ticketTypeId: eventRegistrations.ticketTypeId, status: eventRegistrations.status, n: sql<number>`count(*)::int` })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), inArray(eventRegistrations.status, ['waitlisted', 'pending'])))
    .groupBy(eventRegistrations.ticketTypeId, eventRegistrations.status);
  const out = new Map<string, { waitlisted: number; pending: number }>();
  for (const r of rows) {
    const entry = out.get(r.ticketTypeId) ?? { waitlisted: 0, pending: 0 };
    if (r.status === 'waitlisted') entry.waitlisted = r.n;
    else entry.pending = r.n;
    out.set(r.ticketTypeId, entry);
  }
  return out;
}

export async function insertTicketType(db: Executor, values: typeof eventTicketTypes.$inferInsert): Promise<TicketTypeRow> {
  const [row] = await db.insert(eventTicketTypes).values(values).returning();
  return row!;
}

export async function updateTicketType(db: Executor, id: string, version: number, values: Partial<typeof eventTicketTypes.$inferInsert>): Promise<TicketTypeRow | undefined> {
  const [row] = await db
    .update(eventTicketTypes)
    .set({ ...values, version: sql`${eventTicketTypes.version} + 1` })
    .where(and(eq(eventTicketTypes.id, id), eq(eventTicketTypes.version, version)))
    .returning();
  return row;
}

export async function ticketTypeUse(db: Executor, id: string): Promise<{ registrations: number; invitations: number }> {
  const [registrations] = await db.select({ n: sql<number>`count(*)::int` }).from(eventRegistrations).where(eq(eventRegistrations.ticketTypeId, id));
  const [invitations] = await db.select({ n: sql<number>`count(*)::int` }).from(eventInvitations).where(eq(eventInvitations.ticketTypeId, id));
  return { registrations: registrations?.n ?? 0, invitations: invitations?.n ?? 0 };
}

export async function deleteTicketType(db: Executor, id: string): Promise<void> {
  await db.delete(eventTicketTypes).where(eq(eventTicketTypes.id, id));
}

export async function nextTicketPosition(db: Executor, eventId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`coalesce(max(${eventTicketTypes.position}) + 1, 0)::int` })
    .from(eventTicketTypes)
    .where(eq(eventTicketTypes.eventId, eventId));
  return Math.min(row?.n ?? 0, 1000);
}

// ---------------------------------------------------------------- registrations

/** Inserts unless the check-in code is taken (then undefined: the caller draws another). */
export async function insertRegistration(db: Executor, values: RegistrationValues): Promise<RegistrationRow | undefined> {
  const [row] = await db.insert(eventRegistrations).values(values).onConflictDoNothing({ target: eventRegistrations.code }).returning();
  return row;
}

export async function findRegistration(db: Executor, eventId: string, id: string): Promise<RegistrationRow | undefined> {
  const [row] = await db
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.id, id)));
  return row;
}

export async function findRegistrationByToken(db: Executor, token: string): Promise<RegistrationRow | undefined> {
  const [row] = await db.select().from(eventRegistrations).where(eq(eventRegistrations.manageToken, token));
  return row;
}

/** A live registration of this e-mail or account for the event (the unique indexes decide for good). */
export async function findLiveRegistration(db: Executor, eventId: string, who: { email?: string; userId?: string | null }): Promise<RegistrationRow | undefined> {
  const match: SQL[] = [];
  if (who.email) match.push(eq(eventRegistrations.email, who.email));
  if (who.userId) match.push(eq(eventRegistrations.userId, who.userId));
  if (!match.length) return undefined;
  const [row] = await db
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), inArray(eventRegistrations.status, LIVE), or(...match)))
    .limit(1);
  return row;
}

/** Changes a registration only from one of `from` (and at `version` when given); undefined when it moved on. */
export async function transition(
  db: Executor,
  id: string,
  from: readonly RegistrationStatus[],
  values: Partial<RegistrationValues>,
  version?: number,
): Promise<RegistrationRow | undefined> {
  const conditions = [eq(eventRegistrations.id, id), inArray(eventRegistrations.status, [...from])];
  if (version !== undefined) conditions.push(eq(eventRegistrations.version, version));
  const [row] = await db
    .update(eventRegistrations)
    .set({ ...values, version: sql`${eventRegistrations.version} + 1`, updatedAt: sql`now()` })
    .where(and(...conditions))
    .returning();
  return row;
}

/** The head of a ticket type's waitlist, lowest number first. */
export async function waitingOf(db: Executor, ticketTypeId: string, limit: number) {
  return db
    .select({ id: eventRegistrations.id, waitlistNo: eventRegistrations.waitlistNo })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.ticketTypeId, ticketTypeId), eq(eventRegistrations.status, 'waitlisted')))
    .orderBy(asc(eventRegistrations.waitlistNo))
    .limit(limit);
}

/** Place in line now: 1 + the waiting of the same ticket type with a lower number. */
export async function waitlistPosition(db: Executor, ticketTypeId: string, waitlistNo: number): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.ticketTypeId, ticketTypeId), eq(eventRegistrations.status, 'waitlisted'), sql`${eventRegistrations.waitlistNo} < ${waitlistNo}`));
  return (row?.n ?? 0) + 1;
}

export interface RegistrationFilter {
  status?: RegistrationStatus;
  ticketTypeId?: string;
  q?: string;
}

function filterConditions(eventId: string, f: RegistrationFilter, withStatus: boolean): SQL[] {
  const conditions: SQL[] = [eq(eventRegistrations.eventId, eventId)];
  if (withStatus && f.status) conditions.push(eq(eventRegistrations.status, f.status));
  if (f.ticketTypeId) conditions.push(eq(eventRegistrations.ticketTypeId, f.ticketTypeId));
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      or(
        ilike(eventRegistrations.name, like),
        ilike(eventRegistrations.email, like),
        ilike(eventRegistrations.organisationName, like),
        ilike(eventRegistrations.code, like),
        ilike(eventRegistrations.phone, like),
      )!,
    );
  }
  return conditions;
}

const positionSql = sql<number | null>`case when ${eventRegistrations.status} = 'waitlisted' then (
  select count(*)::int from event_registrations w
  where w.ticket_type_id = ${eventRegistrations.ticketTypeId} and w.status = 'waitlisted' and w.waitlist_no <= ${eventRegistrations.waitlistNo}) end`;

export async function listRegistrations(db: Executor, eventId: string, f: RegistrationFilter, page: { limit: number; afterSeq?: number }) {
  const conditions = filterConditions(eventId, f, true);
  if (page.afterSeq !== undefined) conditions.push(gt(eventRegistrations.seq, page.afterSeq));
  return db
    .select({ registration: eventRegistrations, ticketTypeName: eventTicketTypes.name, waitlistPosition: positionSql })
    .from(eventRegistrations)
    .innerJoin(eventTicketTypes, eq(eventTicketTypes.id, eventRegistrations.ticketTypeId))
    .where(and(...conditions))
    .orderBy(asc(eventRegistrations.seq))
    .limit(page.limit);
}

export async function registrationWithPosition(db: Executor, id: string) {
  const [row] = await db
    .select({ registration: eventRegistrations, ticketTypeName: eventTicketTypes.name, waitlistPosition: positionSql })
    .from(eventRegistrations)
    .innerJoin(eventTicketTypes, eq(eventTicketTypes.id, eventRegistrations.ticketTypeId))
    .where(eq(eventRegistrations.id, id));
  return row;
}

export async function countByStatus(db: Executor, eventId: string, f: RegistrationFilter): Promise<Record<RegistrationStatus, number>> {
  const rows = await db
    .select({ status: eventRegistrations.status, n: sql<number>`count(*)::int` })
    .from(eventRegistrations)
    .where(and(...filterConditions(eventId, f, false)))
    .groupBy(eventRegistrations.status);
  const counts: Record<RegistrationStatus, number> = { pending: 0, confirmed: 0, waitlisted: 0, declined: 0, cancelled: 0 };
  for (const r of rows) counts[r.status as RegistrationStatus] = r.n;
  return counts;
}

/** A signed-in user's registrations in every community, with what the list shows of each event. */
export async function registrationsOfUser(db: Executor, userId: string, email: string) {
  return db
    .select({ registration: eventRegistrations, ticketTypeName: eventTicketTypes.name, waitlistPosition: positionSql, event: events, community: communities })
    .from(eventRegistrations)
    .innerJoin(eventTicketTypes, eq(eventTicketTypes.id, eventRegistrations.ticketTypeId))
    .innerJoin(events, eq(events.id, eventRegistrations.eventId))
    .innerJoin(communities, eq(communities.id, events.communityId))
    .where(or(eq(eventRegistrations.userId, userId), eq(eventRegistrations.email, email)))
    .orderBy(asc(events.startsAt))
    .limit(500);
}

// ---------------------------------------------------------------- invitations

export async function lockInvitation(db: Executor, eventId: string, token: string): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select()
    .from(eventInvitations)
    .where(and(eq(eventInvitations.eventId, eventId), eq(eventInvitations.token, token)))
    .for('update');
  return row;
}

export async function findInvitation(db: Executor, eventId: string, match: { token?: string; email?: string }): Promise<InvitationRow | undefined> {
  const conditions: SQL[] = [];
  if (match.token) conditions.push(eq(eventInvitations.token, match.token));
  if (match.email) conditions.push(eq(eventInvitations.email, match.email));
  if (!conditions.length) return undefined;
  const [row] = await db
    .select()
    .from(eventInvitations)
    .where(and(eq(eventInvitations.eventId, eventId), or(...conditions)))
    .orderBy(sql`${eventInvitations.status} = 'revoked'`)
    .limit(1);
  return row;
}

export async function markInvitationRegistered(db: Executor, id: string): Promise<void> {
  await db.update(eventInvitations).set({ status: 'registered', updatedAt: sql`now()` }).where(eq(eventInvitations.id, id));
}
