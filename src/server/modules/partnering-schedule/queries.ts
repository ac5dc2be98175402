/**
 * SQL of the organisers' partnering pages. Every query names the event, and the event was found
 * under its community (requireManagedEvent), so an id of another event finds nothing.
 */
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { partneringLocations, partneringMeetings, partneringParticipants, partneringRuns, partneringSettings, partneringSlots } from '../../db/schema';
import { rowsOf } from '../../db/sql-helpers';
import { AppError } from '../../http/errors';

export type SettingsRow = typeof partneringSettings.$inferSelect;
export type SlotRow = typeof partneringSlots.$inferSelect;
export type LocationRow = typeof partneringLocations.$inferSelect;
export type ParticipantRow = typeof partneringParticipants.$inferSelect;
export type MeetingRow = typeof partneringMeetings.$inferSelect;
export type RunRow = typeof partneringRuns.$inferSelect;

export async function settingsOf(db: Executor, eventId: string, options: { lock?: boolean } = {}): Promise<SettingsRow | null> {
  const query = db.select().from(partneringSettings).where(eq(partneringSettings.eventId, eventId));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

/** The settings row (locked when asked, which serialises the organisers' writes of one event); 409 when partnering is off. */
export async function requireSettings(db: Executor, eventId: string, options: { lock?: boolean } = {}): Promise<SettingsRow> {
  const row = await settingsOf(db, eventId, options);
  if (!row) throw new AppError('partnering_not_enabled');
  return row;
}

export async function slotsOf(db: Executor, eventId: string): Promise<SlotRow[]> {
  return db.select().from(partneringSlots).where(eq(partneringSlots.eventId, eventId)).orderBy(asc(partneringSlots.startsAt));
}

export async function slotById(db: Executor, eventId: string, slotId: string): Promise<SlotRow | null> {
  const [row] = await db.select().from(partneringSlots).where(and(eq(partneringSlots.eventId, eventId), eq(partneringSlots.id, slotId)));
  return row ?? null;
}

/** Active meetings per slot (draft and published). */
export async function slotCounts(db: Executor, eventId: string): Promise<Map<string, { draft: number; published: number }>> {
  const rows = await rowsOf<{ id: string; draft: number; published: number }>(
    db,
    sql`select s.id,
               (select count(*)::int from partnering_meetings m where m.draft_slot_id = s.id and m.status = 'active') as draft,
               (select count(*)::int from partnering_meetings m where m.published_slot_id = s.id and m.status = 'active') as published
          from partnering_slots s where s.event_id = ${eventId}`,
  );
  return new Map(rows.map((r) => [r.id, { draft: r.draft, published: r.published }]));
}

export async function locationsOf(db: Executor, eventId: string): Promise<(LocationRow & { ownerName: string | null; ownerOrganisation: string | null })[]> {
  const rows = await db
    .select({ location: partneringLocations, ownerName: partneringParticipants.displayName, ownerOrganisation: partneringParticipants.organisationName })
    .from(partneringLocations)
    .leftJoin(partneringParticipants, eq(partneringParticipants.id, partneringLocations.ownerParticipantId))
    .where(eq(partneringLocations.eventId, eventId))
    .orderBy(asc(partneringLocations.position), asc(partneringLocations.name));
  return rows.map((r) => ({ ...r.location, ownerName: r.ownerName, ownerOrganisation: r.ownerOrganisation }));
}

export async function locationCounts(db: Executor, eventId: string): Promise<Map<string, { draft: number; published: number }>> {
  const rows = await rowsOf<{ id: string; draft: number; published: number }>(
    db,
    sql`select l.id,
               (select count(*)::int from partnering_meetings m where m.draft_location_id = l.id and m.status = 'active') as draft,
               (select count(*)::int from partnering_meetings m where m.published_location_id = l.id and m.status = 'active') as published
          from partnering_locations l where l.event_id = ${eventId}`,
  );
  return new Map(rows.map((r) => [r.id, { draft: r.draft, published: r.published }]));
}

export async function locationById(db: Executor, eventId: string, locationId: string): Promise<LocationRow | null> {
  const [row] = await db.select().from(partneringLocations).where(and(eq(partneringLocations.eventId, eventId), eq(partneringLocations.id, locationId)));
  return row ?? null;
}

export async function participantById(db: Executor, eventId: string, participantId: string, options: { lock?: boolean } = {}): Promise<ParticipantRow | null> {
  const query = db
    .select()
    .from(partneringParticipants)
    .where(and(eq(partneringParticipants.eventId, eventId), eq(partneringParticipants.id, participantId)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

export async function activeParticipants(db: Executor, eventId: string): Promise<ParticipantRow[]> {
  return db
    .select()
    .from(partneringParticipants)
    .where(and(eq(partneringParticipants.eventId, eventId), eq(partneringParticipants.status, 'active')))
    .orderBy(asc(partneringParticipants.createdAt), asc(partneringParticipants.id));
}

export async function unavailabilityOf(db: Executor, eventId: string): Promise<Map<string, string[]>> {
  const rows = await rowsOf<{ participantId: string; slotId: string }>(
    db,
    sql`select u.participant_id as "participantId", u.slot_id as "slotId"
          from partnering_unavailability u join partnering_slots s on s.id = u.slot_id
         where s.event_id = ${eventId}`,
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.participantId, [...(out.get(r.participantId) ?? []), r.slotId]);
  return out;
}

export async function activeMeetings(db: Executor, eventId: string): Promise<MeetingRow[]> {
  return db
    .select()
    .from(partneringMeetings)
    .where(and(eq(partneringMeetings.eventId, eventId), eq(partneringMeetings.status, 'active')))
    .orderBy(asc(partneringMeetings.createdAt), asc(partneringMeetings.id));
}

export async function meetingById(db: Executor, eventId: string, meetingId: string, options: { lock?: boolean } = {}): Promise<MeetingRow | null> {
  const query = db
    .select()
    .from(partneringMeetings)
    .where(and(eq(partneringMeetings.eventId, eventId), eq(partneringMeetings.id, meetingId)));
  const [row] = options.lock ? await query.for('update') : await query;
  return row ?? null;
}

export interface ParticipantBrief {
  id: string;
  displayName: string;
  organisationName: string;
  side: string;
}

export async function participantBriefs(db: Executor, eventId: string): Promise<Map<string, ParticipantBrief>> {
  const rows = await db
    .select({ id: partneringParticipants.id, displayName: partneringParticipants.displayName, organisationName: partneringParticipants.organisationName, side: partneringParticipants.side })
    .from(partneringParticipants)
    .where(eq(partneringParticipants.eventId, eventId));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function runningRun(db: Executor, eventId: string): Promise<RunRow | null> {
  const [row] = await db
    .select()
    .from(partneringRuns)
    .where(and(eq(partneringRuns.eventId, eventId), eq(partneringRuns.status, 'running')));
  return row ?? null;
}
