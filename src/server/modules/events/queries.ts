import { and, asc, eq, inArray, ne, sql, type SQL } from 'drizzle-orm';
import { LIVE_REGISTRATION_STATUSES } from '../../../domain/events/vocabularies';
import type { Executor } from '../../db/client';
import { eventOrganisers, eventRegistrations, eventSessionPeople, eventSessions, eventTicketTypes, events, organisations, people } from '../../db/schema';
import { rowsOf, textArray, uuidArray } from '../../db/sql-helpers';

export type EventRow = typeof events.$inferSelect;
export type EventValues = typeof events.$inferInsert;
export type SessionRow = typeof eventSessions.$inferSelect;
export type SessionValues = typeof eventSessions.$inferInsert;
export type TicketTypeRow = typeof eventTicketTypes.$inferSelect;

// ---------------------------------------------------------------- events

export async function insertEvent(db: Executor, values: EventValues): Promise<EventRow> {
  const [row] = await db.insert(events).values(values).returning();
  return row!;
}

/** Lands only on the version the editor saw; undefined when another change came first. */
export async function updateEvent(db: Executor, communityId: string, id: string, version: number, values: Partial<EventValues>): Promise<EventRow | undefined> {
  const [row] = await db
    .update(events)
    .set({ ...values, version: sql`${events.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(events.communityId, communityId), eq(events.id, id), eq(events.version, version)))
    .returning();
  return row;
}

export async function deleteEvent(db: Executor, communityId: string, id: string): Promise<void> {
  await db.delete(events).where(and(eq(events.communityId, communityId), eq(events.id, id)));
}

/** Confirmed seats, total seats and people checked in, per event. */
export async function eventCounts(db: Executor, eventIds: string[]): Promise<Map<string, { confirmedCount: number; capacity: number; checkedInCount: number }>> {
  if (eventIds.length === 0) return new Map();
  const rows = await rowsOf<{ event_id: string; confirmed: number | string; capacity: number | string; checked_in: number | string }>(
    db,
    sql`select e.id as event_id,
          coalesce((select sum(t.confirmed_count) from event_ticket_types t where t.event_id = e.id), 0)::int as confirmed,
          coalesce((select sum(t.capacity) from event_ticket_types t where t.event_id = e.id), 0)::int as capacity,
          (select count(*) from event_registrations r where r.event_id = e.id and r.checked_in_at is not null)::int as checked_in
        from events e where e.id = any(${uuidArray(eventIds)})`,
  );
  return new Map(rows.map((r) => [r.event_id, { confirmedCount: Number(r.confirmed), capacity: Number(r.capacity), checkedInCount: Number(r.checked_in) }]));
}

export interface ListFilters {
  when: 'upcoming' | 'past' | 'all';
  kind?: string;
  status?: string;
  q?: string;
}

/** Who is listing: organisers see everything of the community; others what canSeeEvent allows. */
export interface Lister {
  canManage: boolean;
  userId: string;
  email: string;
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The community's events a lister may see, a page at a time. Upcoming events (not yet ended)
 * come soonest first; past ones and "all" latest first. The visibility rule is canSeeEvent's,
 * in SQL: members see published and cancelled events that are public or members-only, and an
 * invitation-only one when invited (not revoked) or registered.
 */
export async function listEvents(db: Executor, communityId: string, lister: Lister, f: ListFilters, page: { limit: number; after?: { startsAt: string; id: string } }): Promise<EventRow[]> {
  const parts: SQL[] = [eq(events.communityId, communityId)];
  if (!lister.canManage) {
    parts.push(ne(events.status, 'draft'));
    parts.push(sql`(${events.visibility} in ('public', 'members')
      or exists (select 1 from event_invitations i where i.event_id = ${events.id} and i.email = ${lister.email.toLowerCase()} and i.status <> 'revoked')
      or exists (select 1 from event_registrations r where r.event_id = ${events.id} and r.user_id = ${lister.userId} and r.status = any(${textArray(LIVE_REGISTRATION_STATUSES)})))`);
  }
  if (f.when === 'upcoming') parts.push(sql`${events.endsAt} >= now()`);
  if (f.when === 'past') parts.push(sql`${events.endsAt} < now()`);
  if (f.kind) parts.push(eq(events.kind, f.kind));
  if (f.status) parts.push(eq(events.status, f.status));
  if (f.q) parts.push(sql`${events.title} ilike ${likePattern(f.q)}`);
  const ascending = f.when === 'upcoming';
  if (page.after) {
    parts.push(
      ascending
        ? sql`(${events.startsAt}, ${events.id}) > (${page.after.startsAt}::timestamptz, ${page.after.id}::uuid)`
        : sql`(${events.startsAt}, ${events.id}) < (${page.after.startsAt}::timestamptz, ${page.after.id}::uuid)`,
    );
  }
  return db
    .select()
    .from(events)
    .where(and(...parts))
    .orderBy(...(ascending ? [asc(events.startsAt), asc(events.id)] : [sql`${events.startsAt} desc`, sql`${events.id} desc`]))
    .limit(page.limit);
}

// ---------------------------------------------------------------- organisers

export interface OrganiserRow {
  eventId: string;
  organisationId: string;
  role: string;
  position: number;
  nameZh: string;
  nameEn: string | null;
}

export async function organisersOf(db: Executor, eventIds: string[]): Promise<OrganiserRow[]> {
  if (eventIds.length === 0) return [];
  return db
    .select({
      eventId: eventOrganisers.eventId,
      organisationId: eventOrganisers.organisationId,
      role: eventOrganisers.role,
      position: eventOrganisers.position,
      nameZh: organisations.nameZh,
      nameEn: organisations.nameEn,
    })
    .from(eventOrganisers)
    .innerJoin(organisations, eq(organisations.id, eventOrganisers.organisationId))
    .where(inArray(eventOrganisers.eventId, eventIds))
    .orderBy(asc(eventOrganisers.eventId), asc(eventOrganisers.position));
}

export async function replaceOrganisers(db: Executor, eventId: string, list: { organisationId: string; role: string }[]): Promise<void> {
  await db.delete(eventOrganisers).where(eq(eventOrganisers.eventId, eventId));
  if (list.length) await db.insert(eventOrganisers).values(list.map((o, position) => ({ eventId, organisationId: o.organisationId, role: o.role, position })));
}

export async function existingOrganisations(db: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: organisations.id }).from(organisations).where(inArray(organisations.id, ids));
  return new Set(rows.map((r) => r.id));
}

// ---------------------------------------------------------------- ticket types and registrations

export async function insertTicketType(db: Executor, values: typeof eventTicketTypes.$inferInsert): Promise<void> {
  await db.insert(eventTicketTypes).values(values);
}

export async function ticketTypesOf(db: Executor, eventId: string): Promise<TicketTypeRow[]> {
  return db.select().from(eventTicketTypes).where(eq(eventTicketTypes.eventId, eventId)).orderBy(asc(eventTicketTypes.position), asc(eventTicketTypes.createdAt));
}

export async function countRegistrations(db: Executor, eventId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(eventRegistrations).where(eq(eventRegistrations.eventId, eventId));
  return Number(row?.n ?? 0);
}

/** Everyone still registered (pending, confirmed, waitlisted): told when the event is cancelled. */
export async function liveRegistrations(db: Executor, eventId: string) {
  return db
    .select({ id: eventRegistrations.id, name: eventRegistrations.name, email: eventRegistrations.email, locale: eventRegistrations.locale })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), inArray(eventRegistrations.status, [...LIVE_REGISTRATION_STATUSES])))
    .orderBy(asc(eventRegistrations.seq));
}

// ---------------------------------------------------------------- sessions

export async function sessionsOf(db: Executor, eventId: string): Promise<SessionRow[]> {
  return db.select().from(eventSessions).where(eq(eventSessions.eventId, eventId)).orderBy(asc(eventSessions.startsAt), asc(eventSessions.endsAt), asc(eventSessions.id));
}

export async function findSession(db: Executor, eventId: string, id: string): Promise<SessionRow | undefined> {
  const [row] = await db
    .select()
    .from(eventSessions)
    .where(and(eq(eventSessions.eventId, eventId), eq(eventSessions.id, id)));
  return row;
}

export async function insertSession(db: Executor, values: SessionValues): Promise<SessionRow> {
  const [row] = await db.insert(eventSessions).values(values).returning();
  return row!;
}

export async function updateSession(db: Executor, eventId: string, id: string, version: number, values: Partial<SessionValues>): Promise<SessionRow | undefined> {
  const [row] = await db
    .update(eventSessions)
    .set({ ...values, version: sql`${eventSessions.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(eventSessions.eventId, eventId), eq(eventSessions.id, id), eq(eventSessions.version, version)))
    .returning();
  return row;
}

export async function deleteSession(db: Executor, eventId: string, id: string, version?: number): Promise<SessionRow | undefined> {
  const [row] = await db
    .delete(eventSessions)
    .where(and(eq(eventSessions.eventId, eventId), eq(eventSessions.id, id), ...(version !== undefined ? [eq(eventSessions.version, version)] : [])))
    .returning();
  return row;
}

export interface SessionPersonRow {
  sessionId: string;
  personId: string;
  role: string;
  position: number;
  nameZh: string;
  nameEn: string | null;
  title: string | null;
}

export async function sessionPeopleOf(db: Executor, sessionIds: string[]): Promise<SessionPersonRow[]> {
  if (sessionIds.length === 0) return [];
  return db
    .select({
      sessionId: eventSessionPeople.sessionId,
      personId: eventSessionPeople.personId,
      role: eventSessionPeople.role,
      position: eventSessionPeople.position,
      nameZh: people.nameZh,
      nameEn: people.nameEn,
      title: people.title,
    })
    .from(eventSessionPeople)
    .innerJoin(people, eq(people.id, eventSessionPeople.personId))
    .where(inArray(eventSessionPeople.sessionId, sessionIds))
    .orderBy(asc(eventSessionPeople.sessionId), asc(eventSessionPeople.position));
}

export async function replaceSessionPeople(db: Executor, sessionId: string, list: { personId: string; role: string }[]): Promise<void> {
  await db.delete(eventSessionPeople).where(eq(eventSessionPeople.sessionId, sessionId));
  if (list.length) await db.insert(eventSessionPeople).values(list.map((p, position) => ({ sessionId, personId: p.personId, role: p.role, position })));
}

export async function existingPeople(db: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.select({ id: people.id }).from(people).where(inArray(people.id, ids));
  return new Set(rows.map((r) => r.id));
}

/**
 * Sessions of the community's other live events (not cancelled) that overlap [from, to) and have
 * one of `personIds` on stage: where this event's speakers are also booked.
 */
export async function sessionsElsewhere(db: Executor, communityId: string, eventId: string, personIds: string[], from: Date, to: Date) {
  if (personIds.length === 0) return [];
  const rows = await rowsOf<{ id: string; event_id: string; event_title: string; title: string; starts_at: string | Date; ends_at: string | Date; person_ids: string[] | string }>(
    db,
    sql`select s.id, s.event_id, e.title as event_title, s.title, s.starts_at, s.ends_at,
               array_agg(distinct p.person_id::text) as person_ids
        from event_sessions s
        join events e on e.id = s.event_id
        join event_session_people p on p.session_id = s.id
        where e.community_id = ${communityId} and e.id <> ${eventId} and e.status <> 'cancelled'
          and p.person_id = any(${uuidArray(personIds)})
          and s.starts_at < ${to.toISOString()}::timestamptz and s.ends_at > ${from.toISOString()}::timestamptz
        group by s.id, e.title
        order by s.starts_at, s.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    eventTitle: r.event_title,
    title: r.title,
    startsAt: new Date(r.starts_at),
    endsAt: new Date(r.ends_at),
    // node-postgres parses text[]; PGlite may too, but a literal '{a,b}' is handled as well.
    personIds: Array.isArray(r.person_ids) ? r.person_ids : r.person_ids.replace(/^\{|\}$/g, '').split(',').filter(Boolean),
  }));
}

/** Rooms the community's events have used, most used first: the agenda form offers them. */
export async function roomsUsed(db: Executor, communityId: string): Promise<string[]> {
  const rows = await rowsOf<{ room: string }>(
    db,
    sql`select s.room from event_sessions s join events e on e.id = s.event_id
        where e.community_id = ${communityId} and btrim(s.room) <> ''
        group by s.room order by count(*) desc, s.room limit 50`,
  );
  return rows.map((r) => r.room);
}

/** Copies ticket types (seats, not counts) from one event to another. */
export async function copyTicketTypes(db: Executor, fromEventId: string, toEventId: string): Promise<void> {
  await db.execute(sql`insert into event_ticket_types (event_id, name, description, capacity, is_open, position)
    select ${toEventId}, name, description, capacity, is_open, position from event_ticket_types where event_id = ${fromEventId}`);
}
