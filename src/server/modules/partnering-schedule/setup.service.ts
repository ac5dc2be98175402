/**
 * The organisers' set-up of partnering at one event: turning it on and its rules, the meeting
 * slots, the locations, and the participants list with what organisers may change. Every write
 * passes requireManagedEvent (events.manage), runs in one transaction, locks the settings row
 * (so two organisers' edits of one event serialise) and is audited.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { eventDays, dayOf, generateSlots, overlaps } from '../../../domain/partnering/slots';
import { breaksOf } from '../../../domain/partnering/draft';
import type { LocationKind, MeetingPlace, ParticipantStatus, PartneringMode, PartneringSide } from '../../../domain/partnering/vocabularies';
import type { PartneringSettings } from '../../../shared/schemas/partnering';
import type {
  locationBulkInput,
  locationCreateInput,
  locationUpdateInput,
  orgLocationSchema,
  orgParticipantPageSchema,
  orgParticipantQuery,
  orgParticipantSchema,
  orgParticipantUpdateInput,
  orgSlotSchema,
  settingsInput,
  slotCreateInput,
  slotGenerateInput,
  slotListSchema,
} from '../../../shared/schemas/partnering';
import type { Executor, Tx } from '../../db/client';
import { partneringLocations, partneringParticipants, partneringSettings, partneringSlots, partneringUnavailability, projects } from '../../db/schema';
import { rowsOf, uuidArray } from '../../db/sql-helpers';
import type { RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { decodeCursor, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/record';
import type { CommunityRow } from '../communities/queries';
import { isUniqueViolation } from '../directory/validation';
import { requireManagedEvent, type EventRow } from '../events/access';
import * as q from './queries';

type OrgSlot = z.infer<typeof orgSlotSchema>;
type OrgLocation = z.infer<typeof orgLocationSchema>;
type OrgParticipant = z.infer<typeof orgParticipantSchema>;

function invalid(fields: Record<string, string>): AppError {
  return new AppError('validation_failed', { fields });
}

function refuseCancelled(event: EventRow) {
  if (event.status === 'cancelled') throw new AppError('state_conflict', { fields: { event: 'partnering_event_cancelled' } });
}

// ---------------------------------------------------------------- settings

const DEFAULTS = { mode: 'requests', optInOpen: true, requestDeadline: null, maxRequestsPerParticipant: null, allowedPairs: null, defaultMaxMeetings: null, fairness: null } as const;

export function toSettings(row: q.SettingsRow | null, community: CommunityRow): PartneringSettings {
  if (!row) return { enabled: false, ...DEFAULTS, allowedPairs: null, scheduleVersion: 0, publishedAt: null, timeZone: community.timeZone, version: 0 };
  return {
    enabled: true,
    mode: row.mode as PartneringMode,
    optInOpen: row.optInOpen,
    requestDeadline: row.requestDeadline?.toISOString() ?? null,
    maxRequestsPerParticipant: row.maxRequestsPerParticipant,
    allowedPairs: row.allowedPairs,
    defaultMaxMeetings: row.defaultMaxMeetings,
    fairness: row.fairness,
    scheduleVersion: row.scheduleVersion,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    timeZone: community.timeZone,
    version: row.version,
  };
}

function auditSettings(row: q.SettingsRow) {
  return {
    mode: row.mode,
    optInOpen: row.optInOpen,
    requestDeadline: row.requestDeadline?.toISOString() ?? null,
    maxRequestsPerParticipant: row.maxRequestsPerParticipant,
    allowedPairs: row.allowedPairs,
    defaultMaxMeetings: row.defaultMaxMeetings,
    fairness: row.fairness,
  };
}

export async function getSettings(ctx: RequestContext, communityId: string, eventId: string): Promise<PartneringSettings> {
  const { event, community } = await requireManagedEvent(ctx, communityId, eventId);
  return toSettings(await q.settingsOf(ctx.db, event.id), community);
}

/** Turns partnering on (no version; 409 when already on) or edits it (with the version read; 409 version_conflict). */
export async function putSettings(ctx: RequestContext, communityId: string, eventId: string, input: z.infer<typeof settingsInput>): Promise<PartneringSettings> {
  return ctx.db.transaction(async (tx) => {
    const { event, community } = await requireManagedEvent(ctx, communityId, eventId, tx, { lock: true });
    refuseCancelled(event);
    if (input.requestDeadline && Date.parse(input.requestDeadline) >= event.endsAt.getTime()) throw invalid({ requestDeadline: 'partnering_deadline_after_event' });
    const { version, requestDeadline, ...fields } = input;
    const values: Partial<typeof partneringSettings.$inferInsert> = {
      ...fields,
      ...(requestDeadline !== undefined ? { requestDeadline: requestDeadline === null ? null : new Date(requestDeadline) } : {}),
    };
    if (version === undefined) {
      const [row] = await tx
        .insert(partneringSettings)
        .values({ eventId: event.id, ...values })
        .onConflictDoNothing()
        .returning();
      if (!row) throw new AppError('partnering_already_enabled');
      await recordAudit(tx, ctx, { communityId, action: 'partnering.enabled', entityType: 'event', entityId: event.id, entityLabel: event.title, before: null, after: auditSettings(row) });
      return toSettings(row, community);
    }
    const before = await q.requireSettings(tx, event.id, { lock: true });
    if (before.version !== version) throw new AppError('version_conflict');
    const [row] = await tx
      .update(partneringSettings)
      .set({ ...values, version: sql`${partneringSettings.version} + 1`, updatedAt: new Date() })
      .where(eq(partneringSettings.eventId, event.id))
      .returning();
    await recordAudit(tx, ctx, { communityId, action: 'partnering.settings_updated', entityType: 'event', entityId: event.id, entityLabel: event.title, before: auditSettings(before), after: auditSettings(row!) });
    return toSettings(row!, community);
  });
}

// ---------------------------------------------------------------- slots

function toOrgSlot(row: q.SlotRow, counts?: { draft: number; published: number }): OrgSlot {
  return {
    id: row.id,
    day: row.day,
    session: row.session,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    draftMeetings: counts?.draft ?? 0,
    publishedMeetings: counts?.published ?? 0,
  };
}

async function slotList(db: Executor, eventId: string, timeZone: string): Promise<z.infer<typeof slotListSchema>> {
  // One query at a time: `db` may be a transaction (one connection).
  const rows = await q.slotsOf(db, eventId);
  const counts = await q.slotCounts(db, eventId);
  return { timeZone, items: rows.map((r) => toOrgSlot(r, counts.get(r.id))) };
}

export async function listSlots(ctx: RequestContext, communityId: string, eventId: string) {
  const { event, community } = await requireManagedEvent(ctx, communityId, eventId);
  return slotList(ctx.db, event.id, community.timeZone);
}

const MAX_SLOTS = 2000;

/** Clears draft placements in the given slots or locations (a slot or location about to go). */
async function clearDrafts(tx: Tx, eventId: string, where: { slotIds?: string[]; locationIds?: string[] }) {
  if (where.slotIds?.length) {
    await tx.execute(sql`update partnering_meetings set draft_slot_id = null, draft_location_id = null, updated_at = now()
                          where event_id = ${eventId} and draft_slot_id = any(${uuidArray(where.slotIds)})`);
  }
  if (where.locationIds?.length) {
    await tx.execute(sql`update partnering_meetings set draft_slot_id = null, draft_location_id = null, updated_at = now()
                          where event_id = ${eventId} and draft_location_id = any(${uuidArray(where.locationIds)})`);
  }
}

async function publishedIn(tx: Tx, eventId: string, where: { slotIds?: string[]; locationIds?: string[] }): Promise<number> {
  const column = where.slotIds ? sql`published_slot_id` : sql`published_location_id`;
  const ids = where.slotIds ?? where.locationIds ?? [];
  if (!ids.length) return 0;
  const [row] = await rowsOf<{ n: number }>(tx, sql`select count(*)::int as n from partnering_meetings where event_id = ${eventId} and status = 'active' and ${column} = any(${uuidArray(ids)})`);
  return row?.n ?? 0;
}

export async function generateEventSlots(ctx: RequestContext, communityId: string, eventId: string, input: z.infer<typeof slotGenerateInput>) {
  return ctx.db.transaction(async (tx) => {
    const { event, community } = await requireManagedEvent(ctx, communityId, eventId, tx);
    refuseCancelled(event);
    await q.requireSettings(tx, event.id, { lock: true });
    const zone = community.timeZone;
    const allowed = new Set(eventDays(event.startsAt, event.endsAt, zone));
    const outside = input.days.findIndex((d) => !allowed.has(d));
    if (outside >= 0) throw invalid({ [`days.${outside}`]: 'partnering_day_outside_event' });
    const plan = generateSlots(input, zone);
    if (!plan.ok) throw invalid(Object.fromEntries(plan.problems.map((p) => [p.path, p.message])));

    const existing = await q.slotsOf(tx, event.id);
    if (input.replace && existing.length) {
      const ids = existing.map((s) => s.id);
      if ((await publishedIn(tx, event.id, { slotIds: ids })) > 0) throw new AppError('partnering_slot_in_use');
      await clearDrafts(tx, event.id, { slotIds: ids });
      await tx.delete(partneringSlots).where(eq(partneringSlots.eventId, event.id));
    } else {
      if (existing.some((e) => plan.slots.some((s) => overlaps(e, s)))) throw new AppError('partnering_slot_overlap');
    }
    const total = (input.replace ? 0 : existing.length) + plan.slots.length;
    if (total > MAX_SLOTS) throw invalid({ days: 'partnering_too_many_slots' });
    if (plan.slots.length) await tx.insert(partneringSlots).values(plan.slots.map((s) => ({ eventId: event.id, ...s })));
    await recordAudit(tx, ctx, {
      communityId,
      action: 'partnering.slots_generated',
      entityType: 'event',
      entityId: event.id,
      entityLabel: event.title,
      before: { slots: existing.length },
      after: { slots: total, days: input.days.join(','), slotMinutes: input.slotMinutes, replaced: input.replace },
    });
    return slotList(tx, event.id, zone);
  });
}

export async function createSlot(ctx: RequestContext, communityId: string, eventId: string, input: z.infer<typeof slotCreateInput>): Promise<OrgSlot> {
  return ctx.db.transaction(async (tx) => {
    const { event, community } = await requireManagedEvent(ctx, communityId, eventId, tx);
    refuseCancelled(event);
    await q.requireSettings(tx, event.id, { lock: true });
    const slot = { startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt) };
    if (slot.endsAt <= slot.startsAt) throw invalid({ endsAt: 'partnering_session_inverted' });
    const day = dayOf(slot.startsAt, community.timeZone);
    if (!eventDays(event.startsAt, event.endsAt, community.timeZone).includes(day) || dayOf(slot.endsAt, community.timeZone) !== day) throw invalid({ startsAt: 'partnering_day_outside_event' });
    const existing = await q.slotsOf(tx, event.id);
    if (existing.some((e) => overlaps(e, slot))) throw new AppError('partnering_slot_overlap');
    if (existing.length >= MAX_SLOTS) throw invalid({ startsAt: 'partnering_too_many_slots' });
    const [row] = await tx.insert(partneringSlots).values({ eventId: event.id, day, session: input.session, ...slot }).returning();
    await recordAudit(tx, ctx, { communityId, action: 'partnering.slot_created', entityType: 'partnering_slot', entityId: row!.id, entityLabel: `${day} ${input.session}`, before: null, after: { startsAt: input.startsAt, endsAt: input.endsAt, session: input.session } });
    return toOrgSlot(row!);
  });
}

export async function deleteSlot(ctx: RequestContext, communityId: string, eventId: string, slotId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { event } = await requireManagedEvent(ctx, communityId, eventId, tx);
    await q.requireSettings(tx, event.id, { lock: true });
    const slot = await q.slotById(tx, event.id, slotId);
    if (!slot) throw new AppError('not_found');
    if ((await publishedIn(tx, event.id, { slotIds: [slot.id] })) > 0) throw new AppError('partnering_slot_in_use');
    await clearDrafts(tx, event.id, { slotIds: [slot.id] });
    await tx.delete(partneringSlots).where(eq(partneringSlots.id, slot.id));
    await recordAudit(tx, ctx, { communityId, action: 'partnering.slot_deleted', entityType: 'partnering_slot', entityId: slot.id, entityLabel: `${slot.day} ${slot.session}`, before: { startsAt: slot.startsAt.toISOString(), endsAt: slot.endsAt.toISOString(), session: slot.session }, after: null });
  });
}

// ---------------------------------------------------------------- locations

function toOrgLocation(row: Awaited<ReturnType<typeof q.locationsOf>>[number], counts?: { draft: number; published: number }): OrgLocation {
  return {
    id: row.id,
    kind: row.kind as LocationKind,
    name: row.name,
    owner: row.ownerParticipantId ? { id: row.ownerParticipantId, displayName: row.ownerName ?? '', organisationName: row.ownerOrganisation ?? '' } : null,
    onlineUrl: row.onlineUrl,
    position: row.position,
    draftMeetings: counts?.draft ?? 0,
    publishedMeetings: counts?.published ?? 0,
  };
}

async function locationList(db: Executor, eventId: string) {
  const rows = await q.locationsOf(db, eventId);
  const counts = await q.locationCounts(db, eventId);
  return rows.map((r) => toOrgLocation(r, counts.get(r.id)));
}

async function oneLocation(db: Executor, eventId: string, id: string): Promise<OrgLocation> {
  return (await locationList(db, eventId)).find((l) => l.id === id)!;
}

export async function listLocations(ctx: RequestContext, communityId: string, eventId: string) {
  const { event } = await requireManagedEvent(ctx, communityId, eventId);
  return { items: await locationList(ctx.db, event.id) };
}

async function checkOwner(tx: Tx, eventId: string, kind: string, ownerParticipantId: string | null) {
  if (kind === 'booth' && !ownerParticipantId) throw invalid({ ownerParticipantId: 'partnering_owner_required' });
  if (!ownerParticipantId) return;
  const owner = await q.participantById(tx, eventId, ownerParticipantId);
  if (!owner || owner.status !== 'active') throw invalid({ ownerParticipantId: 'partnering_owner_not_participant' });
}

function mapLocationError(error: unknown): never {
  if (isUniqueViolation(error, 'partnering_locations_name_key')) throw new AppError('partnering_location_name_taken', { fields: { name: 'partnering_location_name_taken' } });
  throw error;
}

async function nextPosition(tx: Tx, eventId: string): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(tx, sql`select coalesce(max(position) + 1, 0)::int as n from partnering_locations where event_id = ${eventId}`);
  return row?.n ?? 0;
}

export async function createLocation(ctx: RequestContext, communityId: string, eventId: string, input: z.infer<typeof locationCreateInput>): Promise<OrgLocation> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const { event } = await requireManagedEvent(ctx, communityId, eventId, tx);
      refuseCancelled(event);
      await q.requireSettings(tx, event.id, { lock: true });
      await checkOwner(tx, event.id, input.kind, input.ownerParticipantId);
      const position = input.position ?? (await nextPosition(tx, event.id));
      const [row] = await tx
        .insert(partneringLocations)
        .values({ eventId: event.id, kind: input.kind, name: input.name, ownerParticipantId: input.ownerParticipantId, onlineUrl: input.onlineUrl, position })
        .returning();
      await recordAudit(tx, ctx, { communityId, action: 'partnering.location_created', entityType: 'partnering_location', entityId: row!.id, entityLabel: row!.name, before: null, after: { kind: row!.kind, name: row!.name, ownerParticipantId: row!.ownerParticipantId, onlineUrl: row!.onlineUrl } });
      return oneLocation(tx, event.id, row!.id);
    });
  } catch (error) {
    mapLocationError(error);
  }
}

export async function createLocationsBulk(ctx: RequestContext, communityId: string, eventId: string, input: z.infer<typeof locationBulkInput>) {
  try {
    return await ctx.db.transaction(async (tx) => {
      const { event } = await requireManagedEvent(ctx, communityId, eventId, tx);
      refuseCancelled(event);
      await q.requireSettings(tx, event.id, { lock: true });
      const names = Array.from({ length: input.count }, (_, i) => `${input.prefix}${input.start + i}`);
      const taken = await tx
        .select({ name: partneringLocations.name })
        .from(partneringLocations)
        .where(and(eq(partneringLocations.eventId, event.id), inArray(partneringLocations.name, names)));
      if (taken.length) throw new AppError('partnering_location_name_taken', { fields: { prefix: 'partnering_location_name_taken' }, detail: taken.map((t) => t.name).join(', ') });
      const first = await nextPosition(tx, event.id);
      await tx.insert(partneringLocations).values(names.map((name, i) => ({ eventId: event.id, kind: input.kind, name, position: first + i })));
      await recordAudit(tx, ctx, { communityId, action: 'partnering.locations_created', entityType: 'event', entityId: event.id, entityLabel: event.title, before: null, after: { kind: input.kind, from: names[0], to: names.at(-1), count: names.length } });
      return { items: await locationList(tx, event.id) };
    });
  } catch (error) {
    mapLocationError(error);
  }
}

export async function updateLocation(ctx: RequestContext, communityId: string, eventId: string, locationId: string, input: z.infer<typeof locationUpdateInput>): Promise<OrgLocation> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const { event } = await requireManagedEvent(ctx, communityId, eventId, tx);
      await q.requireSettings(tx, event.id, { lock: true });
      const before = await q.locationById(tx, event.id, locationId);
      if (!before) throw new AppError('not_found');
      if (input.ownerParticipantId !== undefined) {
        await checkOwner(tx, event.id, before.kind, input.ownerParticipantId);
        // A new owner changes who may meet there: meetings placed there that the new owner is not in would break the rule.
        if (input.ownerParticipantId !== before.ownerParticipantId && input.ownerParticipantId !== null) {
          const [foreign] = await rowsOf<{ n: number }>(
            tx,
            sql`select count(*)::int as n from partnering_meetings where event_id = ${event.id} and status = 'active'
                  and (draft_location_id = ${before.id} or published_location_id = ${before.id})
                  and participant_a_id <> ${input.ownerParticipantId} and participant_b_id <> ${input.ownerParticipantId}`,
          );
          if (foreign!.n > 0) throw new AppError('partnering_location_in_use');
        }
      }
      const [row] = await tx.update(partneringLocations).set(input).where(eq(partneringLocations.id, before.id)).returning();
      await recordAudit(tx, ctx, {
        communityId,
        action: 'partnering.location_updated',
        entityType: 'partnering_location',
        entityId: before.id,
        entityLabel: row!.name,
        before: { name: before.name, ownerParticipantId: before.ownerParticipantId, onlineUrl: before.onlineUrl, position: before.position },
        after: { name: row!.name, ownerParticipantId: row!.ownerParticipantId, onlineUrl: row!.onlineUrl, position: row!.position },
      });
      return oneLocation(tx, event.id, before.id);
    });
  } catch (error) {
    mapLocationError(error);
  }
}

export async function deleteLocation(ctx: RequestContext, communityId: string, eventId: string, locationId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { event } = await requireManagedEvent(ctx, communityId, eventId, tx);
    await q.requireSettings(tx, event.id, { lock: true });
    const row = await q.locationById(tx, event.id, locationId);
    if (!row) throw new AppError('not_found');
    if ((await publishedIn(tx, event.id, { locationIds: [row.id] })) > 0) throw new AppError('partnering_location_in_use');
    await clearDrafts(tx, event.id, { locationIds: [row.id] });
    await tx.delete(partneringLocations).where(eq(partneringLocations.id, row.id));
    await recordAudit(tx, ctx, { communityId, action: 'partnering.location_deleted', entityType: 'partnering_location', entityId: row.id, entityLabel: row.name, before: { kind: row.kind, name: row.name, ownerParticipantId: row.ownerParticipantId }, after: null });
  });
}

// ---------------------------------------------------------------- participants

const cursorSchema = z.object({ name: z.string(), id: z.uuid() });

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

interface ParticipantFigures {
  id: string;
  email: string;
  requestsSent: number;
  requestsReceived: number;
  meetingsAccepted: number;
  meetingsDraft: number;
  meetingsPublished: number;
}

async function figuresOf(db: Executor, eventId: string, ids: string[]): Promise<Map<string, ParticipantFigures>> {
  if (!ids.length) return new Map();
  const rows = await rowsOf<ParticipantFigures>(
    db,
    sql`select p.id, u.email,
          (select count(*)::int from partnering_requests r where r.from_participant_id = p.id) as "requestsSent",
          (select count(*)::int from partnering_requests r where r.to_participant_id = p.id) as "requestsReceived",
          (select count(*)::int from partnering_meetings m where m.status = 'active' and p.id in (m.participant_a_id, m.participant_b_id)) as "meetingsAccepted",
          (select count(*)::int from partnering_meetings m where m.status = 'active' and m.draft_slot_id is not null and p.id in (m.participant_a_id, m.participant_b_id)) as "meetingsDraft",
          (select count(*)::int from partnering_meetings m where m.status = 'active' and m.published_slot_id is not null and p.id in (m.participant_a_id, m.participant_b_id)) as "meetingsPublished"
        from partnering_participants p join users u on u.id = p.user_id
        where p.event_id = ${eventId} and p.id = any(${uuidArray(ids)})`,
  );
  return new Map(rows.map((r) => [r.id, r]));
}

async function projectBriefs(db: Executor, ids: string[]) {
  if (!ids.length) return new Map<string, OrgParticipant['projects'][number]>();
  const rows = await db
    .select({ id: projects.id, nameZh: projects.nameZh, nameEn: projects.nameEn, segment: projects.segment, stage: projects.stage, fundingSoughtFen: projects.fundingSoughtFen })
    .from(projects)
    .where(inArray(projects.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Breaks in the draft per participant of the event. */
async function draftBreaks(db: Executor, eventId: string): Promise<Map<string, number>> {
  const slots = await q.slotsOf(db, eventId);
  const meetings = await q.activeMeetings(db, eventId);
  const placed = meetings.filter((m) => m.draftSlotId).map((m) => ({ participants: [m.participantAId, m.participantBId] as const, slotId: m.draftSlotId! }));
  return breaksOf(placed, slots).perParticipant;
}

async function toOrgParticipants(db: Executor, eventId: string, rows: q.ParticipantRow[]): Promise<OrgParticipant[]> {
  const ids = rows.map((r) => r.id);
  const figures = await figuresOf(db, eventId, ids);
  const unavailable = await q.unavailabilityOf(db, eventId);
  const breaks = await draftBreaks(db, eventId);
  const briefs = await projectBriefs(db, [...new Set(rows.flatMap((r) => r.projectIds))]);
  return rows.map((r) => {
    const f = figures.get(r.id)!;
    return {
      id: r.id,
      side: r.side as PartneringSide,
      displayName: r.displayName,
      organisationName: r.organisationName,
      organisationId: r.organisationId,
      jobTitle: r.jobTitle,
      headline: r.headline,
      offer: r.offer,
      seek: r.seek,
      segments: r.segments,
      stages: r.stages,
      projects: r.projectIds.map((id) => briefs.get(id)).filter((p) => p !== undefined),
      meetingPlace: r.meetingPlace as MeetingPlace,
      status: r.status as ParticipantStatus,
      maxMeetings: r.maxMeetings,
      onlineUrl: r.onlineUrl,
      unavailableSlotIds: unavailable.get(r.id) ?? [],
      version: r.version,
      email: f.email,
      requestsSent: f.requestsSent,
      requestsReceived: f.requestsReceived,
      meetingsAccepted: f.meetingsAccepted,
      meetingsDraft: f.meetingsDraft,
      meetingsPublished: f.meetingsPublished,
      draftBreaks: breaks.get(r.id) ?? 0,
    };
  });
}

/** Participants by name (then id), filtered by side, status and text; keyset paging. */
export async function listParticipants(ctx: RequestContext, communityId: string, eventId: string, query: z.infer<typeof orgParticipantQuery>): Promise<z.infer<typeof orgParticipantPageSchema>> {
  const { event } = await requireManagedEvent(ctx, communityId, eventId);
  const after = decodeCursor(query.cursor, cursorSchema);
  const p = partneringParticipants;
  const where = [eq(p.eventId, event.id)];
  if (query.side) where.push(eq(p.side, query.side));
  if (query.status) where.push(eq(p.status, query.status));
  if (query.q) {
    const like = likePattern(query.q);
    where.push(sql`(${p.displayName} ilike ${like} or ${p.organisationName} ilike ${like} or ${p.headline} ilike ${like} or exists (select 1 from users u where u.id = ${p.userId} and u.email ilike ${like}))`);
  }
  const [totalRow] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(p)
    .where(and(...where));
  if (after) where.push(sql`(${p.displayName}, ${p.id}) > (${after.name}, ${after.id}::uuid)`);
  const rows = await ctx.db
    .select()
    .from(p)
    .where(and(...where))
    .orderBy(p.displayName, p.id)
    .limit(query.limit + 1);
  const page = pageOf(rows, query.limit, (last) => ({ name: last.displayName, id: last.id }));
  return { items: await toOrgParticipants(ctx.db, event.id, page.items), total: totalRow!.n, nextCursor: page.nextCursor };
}


/** Organisers change a participant's cap, status or unavailable slots (with the version read). */
export async function updateParticipant(ctx: RequestContext, communityId: string, eventId: string, participantId: string, input: z.infer<typeof orgParticipantUpdateInput>): Promise<OrgParticipant> {
  return ctx.db.transaction(async (tx) => {
    const { event } = await requireManagedEvent(ctx, communityId, eventId, tx);
    await q.requireSettings(tx, event.id, { lock: true });
    const before = await q.participantById(tx, event.id, participantId, { lock: true });
    if (!before) throw new AppError('not_found');
    if (before.version !== input.version) throw new AppError('version_conflict');
    const unavailableBefore = (await q.unavailabilityOf(tx, event.id)).get(before.id) ?? [];
    if (input.unavailableSlotIds) {
      const ids = [...new Set(input.unavailableSlotIds)];
      const known = new Set((await q.slotsOf(tx, event.id)).map((s) => s.id));
      const unknown = ids.findIndex((id) => !known.has(id));
      if (unknown >= 0) throw invalid({ [`unavailableSlotIds.${unknown}`]: 'partnering_slot_unknown' });
      await tx.delete(partneringUnavailability).where(eq(partneringUnavailability.participantId, before.id));
      if (ids.length) await tx.insert(partneringUnavailability).values(ids.map((slotId) => ({ participantId: before.id, slotId })));
    }
    const [row] = await tx
      .update(partneringParticipants)
      .set({
        ...(input.maxMeetings !== undefined ? { maxMeetings: input.maxMeetings } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        version: sql`${partneringParticipants.version} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(partneringParticipants.id, before.id))
      .returning();
    const unavailableAfter = input.unavailableSlotIds ? [...new Set(input.unavailableSlotIds)] : unavailableBefore;
    await recordAudit(tx, ctx, {
      communityId,
      action: 'partnering.participant_updated',
      entityType: 'partnering_participant',
      entityId: before.id,
      entityLabel: before.displayName,
      before: { maxMeetings: before.maxMeetings, status: before.status, unavailableSlotIds: [...unavailableBefore].sort().join(',') },
      after: { maxMeetings: row!.maxMeetings, status: row!.status, unavailableSlotIds: [...unavailableAfter].sort().join(',') },
    });
    return (await toOrgParticipants(tx, event.id, [row!]))[0]!;
  });
}

