/**
 * SQL of the door: invitations, check-ins, the attendance figures, and the rows the export and
 * the badges read. Every query names the event, and the event was found under its community,
 * so an id from another event or community finds nothing.
 */
import { aliasedTable, type AnyColumn, and, asc, desc, eq, ilike, inArray, isNotNull, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { eventInvitations, eventRegistrations, type events, eventTicketTypes, people, users } from '../../db/schema';

export type EventRow = typeof events.$inferSelect;
export type InvitationRow = typeof eventInvitations.$inferSelect;
export type InvitationValues = typeof eventInvitations.$inferInsert;
export type TicketTypeRow = typeof eventTicketTypes.$inferSelect;

export async function ticketTypesOf(db: Executor, eventId: string): Promise<TicketTypeRow[]> {
  return db.select().from(eventTicketTypes).where(eq(eventTicketTypes.eventId, eventId)).orderBy(asc(eventTicketTypes.position), asc(eventTicketTypes.createdAt));
}

/**
 * A timestamp cut to milliseconds: keyset cursors carry JavaScript dates (milliseconds) while
 * the database keeps microseconds, so paging orders and compares on the cut value.
 */
function ms(column: AnyColumn): SQL {
  return sql`date_trunc('milliseconds', ${column})`;
}

/** Escapes LIKE wildcards so a search for "50%" finds the text "50%". */
function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

// ---------------------------------------------------------------- invitations

export interface InvitationListRow extends InvitationRow {
  ticketTypeName: string;
  invitedBy: string | null;
}

const inviter = aliasedTable(users, 'inviter');

export async function listInvitations(
  db: Executor,
  eventId: string,
  filter: { status?: string; q?: string; ids?: string[] },
  page: { limit: number; after?: { createdAt: string; id: string } },
): Promise<InvitationListRow[]> {
  const where: (SQL | undefined)[] = [eq(eventInvitations.eventId, eventId)];
  if (filter.status) where.push(eq(eventInvitations.status, filter.status));
  if (filter.ids) where.push(inArray(eventInvitations.id, filter.ids.length ? filter.ids : ['00000000-0000-4000-8000-000000000000']));
  if (filter.q) where.push(or(ilike(eventInvitations.name, likePattern(filter.q)), ilike(eventInvitations.email, likePattern(filter.q))));
  if (page.after) where.push(sql`(${ms(eventInvitations.createdAt)}, ${eventInvitations.id}) < (${page.after.createdAt}::timestamptz, ${page.after.id}::uuid)`);
  const rows = await db
    .select({ invitation: eventInvitations, ticketTypeName: eventTicketTypes.name, invitedBy: inviter.displayName })
    .from(eventInvitations)
    .innerJoin(eventTicketTypes, eq(eventTicketTypes.id, eventInvitations.ticketTypeId))
    .leftJoin(inviter, eq(inviter.id, eventInvitations.createdBy))
    .where(and(...where))
    .orderBy(desc(ms(eventInvitations.createdAt)), desc(eventInvitations.id))
    .limit(page.limit);
  return rows.map((r) => ({ ...r.invitation, ticketTypeName: r.ticketTypeName, invitedBy: r.invitedBy }));
}

export interface InvitationRegistrationRow {
  invitationId: string;
  id: string;
  status: string;
  checkedInAt: Date | null;
}

/** The registration made with each invitation: the live one, else the latest. */
export async function registrationsOfInvitations(db: Executor, invitationIds: string[]): Promise<Map<string, InvitationRegistrationRow>> {
  if (invitationIds.length === 0) return new Map();
  const rows = await db
    .select({ invitationId: eventRegistrations.invitationId, id: eventRegistrations.id, status: eventRegistrations.status, checkedInAt: eventRegistrations.checkedInAt })
    .from(eventRegistrations)
    .where(inArray(eventRegistrations.invitationId, invitationIds))
    .orderBy(sql`(${eventRegistrations.status} in ('pending', 'confirmed', 'waitlisted')) desc`, desc(eventRegistrations.seq));
  const out = new Map<string, InvitationRegistrationRow>();
  for (const r of rows) if (r.invitationId && !out.has(r.invitationId)) out.set(r.invitationId, { ...r, invitationId: r.invitationId });
  return out;
}

export async function invitationCounts(db: Executor, eventId: string): Promise<Record<string, number>> {
  const rows = await db
    .select({ status: eventInvitations.status, n: sql<number>`count(*)::int` })
    .from(eventInvitations)
    .where(eq(eventInvitations.eventId, eventId))
    .groupBy(eventInvitations.status);
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

export async function findInvitation(db: Executor, eventId: string, id: string): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select()
    .from(eventInvitations)
    .where(and(eq(eventInvitations.eventId, eventId), eq(eventInvitations.id, id)));
  return row;
}

/** Existing invitations of the event to any of these addresses, locked against a concurrent re-invite. */
export async function invitationsByEmail(db: Executor, eventId: string, emails: string[]): Promise<(InvitationRow & { hasLiveRegistration: boolean })[]> {
  if (emails.length === 0) return [];
  const rows = await db
    .select()
    .from(eventInvitations)
    .where(and(eq(eventInvitations.eventId, eventId), inArray(eventInvitations.email, emails)))
    .for('update');
  if (rows.length === 0) return [];
  const live = await db
    .select({ invitationId: eventRegistrations.invitationId })
    .from(eventRegistrations)
    .where(and(inArray(eventRegistrations.invitationId, rows.map((r) => r.id)), inArray(eventRegistrations.status, ['pending', 'confirmed', 'waitlisted'])));
  const withLive = new Set(live.map((l) => l.invitationId));
  return rows.map((r) => ({ ...r, hasLiveRegistration: withLive.has(r.id) }));
}

export async function insertInvitations(db: Executor, values: InvitationValues[]): Promise<InvitationRow[]> {
  if (values.length === 0) return [];
  return db.insert(eventInvitations).values(values).returning();
}

export async function updateInvitation(db: Executor, eventId: string, id: string, values: Partial<InvitationValues>, onlyStatus?: string[]): Promise<InvitationRow | undefined> {
  const where = [eq(eventInvitations.eventId, eventId), eq(eventInvitations.id, id)];
  if (onlyStatus) where.push(inArray(eventInvitations.status, onlyStatus));
  const [row] = await db
    .update(eventInvitations)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(...where))
    .returning();
  return row;
}

export interface PersonContact {
  id: string;
  nameZh: string;
  nameEn: string | null;
  email: string | null;
  userId: string | null;
  stewardCommunityId: string | null;
  consentToContact: boolean;
}

export async function peopleByIds(db: Executor, ids: string[]): Promise<PersonContact[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: people.id,
      nameZh: people.nameZh,
      nameEn: people.nameEn,
      email: people.email,
      userId: people.userId,
      stewardCommunityId: people.stewardCommunityId,
      consentToContact: people.consentToContact,
    })
    .from(people)
    .where(inArray(people.id, ids));
}

/** The language of the accounts behind these addresses, for invitees who have one. */
export async function localesByEmail(db: Executor, emails: string[]): Promise<Map<string, string>> {
  if (emails.length === 0) return new Map();
  const rows = await db.select({ email: users.email, locale: users.locale }).from(users).where(inArray(users.email, emails));
  return new Map(rows.map((r) => [r.email, r.locale]));
}

export async function organisationIdsExisting(db: Executor, ids: string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.execute(sql`select id from organisations where id in (${sql.join(ids.map((id) => sql`${id}::uuid`), sql`, `)})`);
  return new Set((rows as unknown as { rows: { id: string }[] }).rows.map((r) => r.id));
}

// ---------------------------------------------------------------- check-in

const checker = aliasedTable(users, 'checker');

export interface DoorRow {
  registrationId: string;
  name: string;
  email: string;
  phone: string;
  organisationName: string;
  jobTitle: string;
  ticketTypeId: string;
  ticketType: string;
  code: string;
  status: string;
  checkedInAt: Date | null;
  checkedInBy: string | null;
  checkedInById: string | null;
  answers: Record<string, unknown>;
  createdAt: Date;
  seq: number;
}

function doorSelection() {
  return {
    registrationId: eventRegistrations.id,
    name: eventRegistrations.name,
    email: eventRegistrations.email,
    phone: eventRegistrations.phone,
    organisationName: eventRegistrations.organisationName,
    jobTitle: eventRegistrations.jobTitle,
    ticketTypeId: eventRegistrations.ticketTypeId,
    ticketType: eventTicketTypes.name,
    code: eventRegistrations.code,
    status: eventRegistrations.status,
    checkedInAt: eventRegistrations.checkedInAt,
    checkedInBy: checker.displayName,
    checkedInById: eventRegistrations.checkedInBy,
    answers: eventRegistrations.answers,
    createdAt: eventRegistrations.createdAt,
    seq: eventRegistrations.seq,
  };
}

function doorQuery(db: Executor) {
  return db
    .select(doorSelection())
    .from(eventRegistrations)
    .innerJoin(eventTicketTypes, eq(eventTicketTypes.id, eventRegistrations.ticketTypeId))
    .leftJoin(checker, eq(checker.id, eventRegistrations.checkedInBy));
}

/**
 * The one statement that decides a check-in: only a confirmed registration of this event not
 * yet checked in matches, so of two scanners at once exactly one gets the row back.
 */
export async function checkIn(db: Executor, eventId: string, code: string, userId: string): Promise<string | undefined> {
  const [row] = await db
    .update(eventRegistrations)
    .set({ checkedInAt: sql`now()`, checkedInBy: userId, updatedAt: sql`now()` })
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.code, code), eq(eventRegistrations.status, 'confirmed'), sql`${eventRegistrations.checkedInAt} is null`))
    .returning({ id: eventRegistrations.id });
  return row?.id;
}

export async function undoCheckIn(db: Executor, eventId: string, registrationId: string): Promise<{ checkedInAt: Date | null; checkedInBy: string | null } | undefined> {
  // The old values come back through a self-join: RETURNING sees only the new row.
  const rows = await db.execute(sql`
    update ${eventRegistrations} r set checked_in_at = null, checked_in_by = null, updated_at = now()
    from ${eventRegistrations} old
    where old.id = r.id and r.event_id = ${eventId} and r.id = ${registrationId} and r.checked_in_at is not null
    returning old.checked_in_at as "checkedInAt", old.checked_in_by as "checkedInBy"`);
  const [row] = (rows as unknown as { rows: { checkedInAt: Date | string | null; checkedInBy: string | null }[] }).rows;
  return row ? { checkedInAt: row.checkedInAt === null ? null : new Date(row.checkedInAt), checkedInBy: row.checkedInBy } : undefined;
}

export async function registrationByCode(db: Executor, eventId: string, code: string): Promise<DoorRow | undefined> {
  const [row] = await doorQuery(db).where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.code, code)));
  return row;
}

export async function registrationById(db: Executor, eventId: string, id: string): Promise<DoorRow | undefined> {
  const [row] = await doorQuery(db).where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.id, id)));
  return row;
}

/** Checked-in registrations, latest first, keyset on (checked_in_at, id). */
export async function checkInLog(db: Executor, eventId: string, page: { limit: number; after?: { at: string; id: string }; q?: string }): Promise<DoorRow[]> {
  const where: (SQL | undefined)[] = [eq(eventRegistrations.eventId, eventId), isNotNull(eventRegistrations.checkedInAt)];
  if (page.q) where.push(searchCondition(page.q));
  if (page.after) where.push(sql`(${ms(eventRegistrations.checkedInAt)}, ${eventRegistrations.id}) < (${page.after.at}::timestamptz, ${page.after.id}::uuid)`);
  return doorQuery(db)
    .where(and(...where))
    .orderBy(desc(ms(eventRegistrations.checkedInAt)), desc(eventRegistrations.id))
    .limit(page.limit);
}

function searchCondition(q: string): SQL | undefined {
  const pattern = likePattern(q);
  return or(
    ilike(eventRegistrations.name, pattern),
    ilike(eventRegistrations.email, pattern),
    ilike(eventRegistrations.phone, pattern),
    ilike(eventRegistrations.organisationName, pattern),
    ilike(eventRegistrations.code, pattern),
  );
}

/** Registrations of the event matching a name, e-mail, phone, organisation or code fragment; confirmed first. */
export async function lookup(db: Executor, eventId: string, q: string, limit: number): Promise<DoorRow[]> {
  return doorQuery(db)
    .where(and(eq(eventRegistrations.eventId, eventId), searchCondition(q)))
    .orderBy(sql`(${eventRegistrations.status} = 'confirmed') desc`, asc(eventRegistrations.name), asc(eventRegistrations.id))
    .limit(limit);
}

// ---------------------------------------------------------------- attendance

export interface TicketTypeFigures {
  id: string;
  name: string;
  capacity: number;
  position: number;
  confirmed: number;
  checkedIn: number;
  pending: number;
  waitlisted: number;
  declined: number;
  cancelled: number;
}

export async function figuresByTicketType(db: Executor, eventId: string): Promise<TicketTypeFigures[]> {
  const count = (status: string) => sql<number>`(count(${eventRegistrations.id}) filter (where ${eventRegistrations.status} = ${status}))::int`;
  return db
    .select({
      id: eventTicketTypes.id,
      name: eventTicketTypes.name,
      capacity: eventTicketTypes.capacity,
      position: eventTicketTypes.position,
      confirmed: count('confirmed'),
      checkedIn: sql<number>`(count(${eventRegistrations.id}) filter (where ${eventRegistrations.checkedInAt} is not null))::int`,
      pending: count('pending'),
      waitlisted: count('waitlisted'),
      declined: count('declined'),
      cancelled: count('cancelled'),
    })
    .from(eventTicketTypes)
    .leftJoin(eventRegistrations, eq(eventRegistrations.ticketTypeId, eventTicketTypes.id))
    .where(eq(eventTicketTypes.eventId, eventId))
    .groupBy(eventTicketTypes.id)
    .orderBy(asc(eventTicketTypes.position), asc(eventTicketTypes.createdAt));
}

export async function checkInTimes(db: Executor, eventId: string): Promise<Date[]> {
  const rows = await db
    .select({ at: eventRegistrations.checkedInAt })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), isNotNull(eventRegistrations.checkedInAt)));
  return rows.map((r) => r.at!);
}

// ---------------------------------------------------------------- export and badges

/** Registrations of the event in arrival order (optionally of one ticket type and statuses). */
export async function registrations(db: Executor, eventId: string, filter: { ticketTypeId?: string; statuses?: string[] } = {}): Promise<DoorRow[]> {
  const where: SQL[] = [eq(eventRegistrations.eventId, eventId)];
  if (filter.ticketTypeId) where.push(eq(eventRegistrations.ticketTypeId, filter.ticketTypeId));
  if (filter.statuses) where.push(inArray(eventRegistrations.status, filter.statuses));
  return doorQuery(db)
    .where(and(...where))
    .orderBy(asc(eventRegistrations.seq));
}

export async function countRegistrations(db: Executor, eventId: string, filter: { ticketTypeId?: string; statuses?: string[] } = {}): Promise<number> {
  const where: SQL[] = [eq(eventRegistrations.eventId, eventId)];
  if (filter.ticketTypeId) where.push(eq(eventRegistrations.ticketTypeId, filter.ticketTypeId));
  if (filter.statuses) where.push(inArray(eventRegistrations.status, filter.statuses));
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(eventRegistrations)
    .where(and(...where));
  return row?.n ?? 0;
}
