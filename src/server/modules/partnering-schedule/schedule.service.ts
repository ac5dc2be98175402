/**
 * The organisers' schedule: meetings added or moved by hand, scheduler runs that write the draft,
 * the draft and published grids, publishing, and the figures. A run solves outside any
 * transaction (in a worker thread); one running run per event (a partial unique index, with a
 * lease so a run that died with its server does not block the next). Publishing is decided by
 * one conditional UPDATE on the settings' scheduleVersion, so of two organisers publishing at
 * once exactly one wins.
 */
import { and, desc, eq, or, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { breaksOf, buildInstance, diffPlacements, runSummary, samePlace, staleDraftMeetings, type Place } from '../../../domain/partnering/draft';
import { checkInstance } from '../../../domain/partnering/instance';
import { defaultTimeLimitMs } from '../../../domain/partnering/schedule';
import { validateSchedule } from '../../../domain/partnering/validate';
import { PRIORITY_WEIGHT, PARTNERING_PRIORITIES, PARTNERING_SIDES, type LocationKind, type MeetingSource, type MeetingStatus, type PartneringPriority, type PartneringSide, type RunStatus } from '../../../domain/partnering/vocabularies';
import type { Locale } from '../../../domain/locales';
import type {
  meetingCreateInput,
  meetingUpdateInput,
  OrgMeeting,
  PartneringRun,
  PartneringSchedule,
  PartneringStats,
  publishInput,
  publishResultSchema,
  runOptionsInput,
  scheduleQuery,
} from '../../../shared/schemas/partnering';
import type { Executor, Tx } from '../../db/client';
import { partneringMeetings, partneringRuns, partneringSettings, users } from '../../db/schema';
import { rowsOf } from '../../db/sql-helpers';
import type { RequestContext } from '../../http/context';
import { requireUser } from '../../http/context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { isUniqueViolation } from '../directory/validation';
import { eventFacts, requireManagedEvent, type EventRow } from '../events/access';
import { enqueueEmail } from '../outbox/enqueue';
import * as q from './queries';
import { solve } from './solver';

const LEASE_MS = 10 * 60_000;
const MAX_TIME_LIMIT_S = 120;

function invalid(fields: Record<string, string>): AppError {
  return new AppError('validation_failed', { fields });
}

function draftOf(m: q.MeetingRow): Place | null {
  return m.draftSlotId && m.draftLocationId ? { slotId: m.draftSlotId, locationId: m.draftLocationId } : null;
}
function publishedOf(m: q.MeetingRow): Place | null {
  return m.publishedSlotId && m.publishedLocationId ? { slotId: m.publishedSlotId, locationId: m.publishedLocationId } : null;
}

function toOrgMeeting(m: q.MeetingRow, people: Map<string, q.ParticipantBrief>): OrgMeeting {
  const brief = (id: string) => {
    const p = people.get(id);
    return { id, displayName: p?.displayName ?? '', organisationName: p?.organisationName ?? '', side: (p?.side ?? 'other') as PartneringSide };
  };
  const draft = draftOf(m);
  const published = publishedOf(m);
  return {
    id: m.id,
    source: m.source as MeetingSource,
    status: m.status as MeetingStatus,
    requestId: m.requestId,
    participantA: brief(m.participantAId),
    participantB: brief(m.participantBId),
    weight: m.weight,
    draftSlotId: m.draftSlotId,
    draftLocationId: m.draftLocationId,
    publishedSlotId: m.publishedSlotId,
    publishedLocationId: m.publishedLocationId,
    locked: m.locked,
    unscheduledReason: m.unscheduledReason,
    moved: draft !== null && published !== null && !samePlace(draft, published),
    version: m.version,
  };
}

async function oneMeeting(db: Executor, eventId: string, meetingId: string): Promise<OrgMeeting> {
  const row = await q.meetingById(db, eventId, meetingId);
  const people = await q.participantBriefs(db, eventId);
  return toOrgMeeting(row!, people);
}

async function refuseWhileRunning(db: Executor, eventId: string) {
  const running = await q.runningRun(db, eventId);
  if (running && running.leaseUntil.getTime() > Date.now()) throw new AppError('partnering_run_in_progress');
}

/** A draft made before a late change (a participant became unavailable, a booth changed hands) is not published: re-run or move first. */
async function refuseStaleDraft(db: Executor, eventId: string) {
  const [meetings, unavailability, locations] = [await q.activeMeetings(db, eventId), await q.unavailabilityOf(db, eventId), await q.locationsOf(db, eventId)];
  const unavailable = new Set([...unavailability].flatMap(([participant, slots]) => slots.map((slot) => `${participant}|${slot}`)));
  const owners = new Map(locations.map((l) => [l.id, l.ownerParticipantId]));
  const stale = staleDraftMeetings(
    meetings.map((m) => ({ id: m.id, participantAId: m.participantAId, participantBId: m.participantBId, place: draftOf(m) })),
    unavailable,
    owners,
  );
  if (stale.length) throw new AppError('partnering_draft_stale', { detail: `${stale.length}: ${stale.map((x) => `${x.meetingId} ${x.problem}`).join(', ')}` });
}

// ---------------------------------------------------------------- meetings by hand

export async function createMeeting(ctx: RequestContext, communityId: string, eventId: string, input: z.infer<typeof meetingCreateInput>): Promise<OrgMeeting> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const { event } = await requireManagedEvent(ctx, communityId, eventId, tx);
      if (event.status === 'cancelled') throw new AppError('state_conflict', { fields: { event: 'partnering_event_cancelled' } });
      await q.requireSettings(tx, event.id, { lock: true });
      if (input.participantAId === input.participantBId) throw invalid({ participantBId: 'partnering_same_participant' });
      for (const field of ['participantAId', 'participantBId'] as const) {
        const p = await q.participantById(tx, event.id, input[field]);
        if (!p || p.status !== 'active') throw invalid({ [field]: 'partnering_participant_unknown' });
      }
      const [row] = await tx
        .insert(partneringMeetings)
        .values({ eventId: event.id, participantAId: input.participantAId, participantBId: input.participantBId, source: 'organiser', weight: PRIORITY_WEIGHT[input.priority] })
        .returning();
      await recordAudit(tx, ctx, { communityId, action: 'partnering.meeting_created', entityType: 'partnering_meeting', entityId: row!.id, before: null, after: { participantAId: row!.participantAId, participantBId: row!.participantBId, weight: row!.weight } });
      return oneMeeting(tx, event.id, row!.id);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'partnering_meetings_live_pair_key')) throw new AppError('partnering_meeting_exists');
    throw error;
  }
}

/** Moves a meeting in the draft (or takes it out), locks or unlocks it, or cancels it. */
export async function updateMeeting(ctx: RequestContext, communityId: string, eventId: string, meetingId: string, input: z.infer<typeof meetingUpdateInput>): Promise<OrgMeeting> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const { event } = await requireManagedEvent(ctx, communityId, eventId, tx);
      await q.requireSettings(tx, event.id, { lock: true });
      const before = await q.meetingById(tx, event.id, meetingId, { lock: true });
      if (!before) throw new AppError('not_found');
      if (before.version !== input.version) throw new AppError('version_conflict');
      if (before.status === 'cancelled') throw new AppError('state_conflict', { fields: { status: 'partnering_meeting_cancelled' } });
      const changes: Partial<typeof partneringMeetings.$inferInsert> = {};
      const moving = input.draftSlotId !== undefined || input.draftLocationId !== undefined;
      if (moving) {
        await refuseWhileRunning(tx, event.id);
        if (input.draftSlotId === undefined || input.draftLocationId === undefined || (input.draftSlotId === null) !== (input.draftLocationId === null)) {
          throw invalid({ draftSlotId: 'partnering_place_whole' });
        }
        if (input.draftSlotId !== null && input.draftLocationId !== null) {
          await checkPlace(tx, event.id, before, input.draftSlotId, input.draftLocationId);
          changes.draftSlotId = input.draftSlotId;
          changes.draftLocationId = input.draftLocationId;
        } else {
          changes.draftSlotId = null;
          changes.draftLocationId = null;
        }
        changes.unscheduledReason = null;
      }
      if (input.locked !== undefined) changes.locked = input.locked;
      if (input.status === 'cancelled') {
        changes.status = 'cancelled';
        changes.cancelledAt = new Date();
      }
      const [row] = await tx
        .update(partneringMeetings)
        .set({ ...changes, version: sql`${partneringMeetings.version} + 1`, updatedAt: new Date() })
        .where(eq(partneringMeetings.id, before.id))
        .returning();
      await recordAudit(tx, ctx, {
        communityId,
        action: input.status === 'cancelled' ? 'partnering.meeting_cancelled' : 'partnering.meeting_updated',
        entityType: 'partnering_meeting',
        entityId: before.id,
        before: { status: before.status, draftSlotId: before.draftSlotId, draftLocationId: before.draftLocationId, locked: before.locked },
        after: { status: row!.status, draftSlotId: row!.draftSlotId, draftLocationId: row!.draftLocationId, locked: row!.locked },
      });
      return oneMeeting(tx, event.id, before.id);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'partnering_meetings_draft_place_key')) throw new AppError('partnering_place_taken');
    throw error;
  }
}

async function checkPlace(tx: Tx, eventId: string, meeting: q.MeetingRow, slotId: string, locationId: string) {
  const slot = await q.slotById(tx, eventId, slotId);
  if (!slot) throw invalid({ draftSlotId: 'partnering_slot_unknown' });
  const location = await q.locationById(tx, eventId, locationId);
  if (!location) throw invalid({ draftLocationId: 'partnering_location_unknown' });
  const pair = [meeting.participantAId, meeting.participantBId];
  if (location.ownerParticipantId && !pair.includes(location.ownerParticipantId)) throw new AppError('partnering_location_not_theirs');
  const [row] = await rowsOf<{ unavailable: number; busy: number; taken: number }>(
    tx,
    sql`select
          (select count(*)::int from partnering_unavailability where slot_id = ${slotId} and participant_id in (${pair[0]}, ${pair[1]})) as unavailable,
          (select count(*)::int from partnering_meetings where event_id = ${eventId} and status = 'active' and id <> ${meeting.id} and draft_slot_id = ${slotId}
              and (participant_a_id in (${pair[0]}, ${pair[1]}) or participant_b_id in (${pair[0]}, ${pair[1]}))) as busy,
          (select count(*)::int from partnering_meetings where event_id = ${eventId} and status = 'active' and id <> ${meeting.id} and draft_slot_id = ${slotId} and draft_location_id = ${locationId}) as taken`,
  );
  if (row!.unavailable > 0) throw new AppError('partnering_participant_unavailable');
  if (row!.taken > 0) throw new AppError('partnering_place_taken');
  if (row!.busy > 0) throw new AppError('partnering_participant_busy');
}

// ---------------------------------------------------------------- runs

type RunOptions = z.infer<typeof runOptionsInput>;

async function runRows(db: Executor, eventId: string, runId?: string): Promise<(q.RunRow & { startedByName: string | null })[]> {
  const rows = await db
    .select({ run: partneringRuns, startedByName: users.displayName })
    .from(partneringRuns)
    .leftJoin(users, eq(users.id, partneringRuns.startedBy))
    .where(runId ? and(eq(partneringRuns.eventId, eventId), eq(partneringRuns.id, runId)) : eq(partneringRuns.eventId, eventId))
    .orderBy(desc(partneringRuns.startedAt), desc(partneringRuns.id))
    .limit(20);
  return rows.map((r) => ({ ...r.run, startedByName: r.startedByName }));
}

function toRun(row: q.RunRow & { startedByName: string | null }): PartneringRun {
  const o = row.options as { keepPublished?: boolean; timeLimitSeconds?: number; seed?: number };
  return {
    id: row.id,
    status: row.status as RunStatus,
    startedAt: row.startedAt.toISOString(),
    finishedAt: row.finishedAt?.toISOString() ?? null,
    startedBy: row.startedByName,
    options: { keepPublished: o.keepPublished ?? true, timeLimitSeconds: o.timeLimitSeconds ?? null, seed: o.seed ?? null },
    summary: (row.summary as PartneringRun['summary']) ?? null,
    error: row.error,
  };
}

export async function listRuns(ctx: RequestContext, communityId: string, eventId: string) {
  const { event } = await requireManagedEvent(ctx, communityId, eventId);
  return { items: (await runRows(ctx.db, event.id)).map(toRun) };
}

export async function getRun(ctx: RequestContext, communityId: string, eventId: string, runId: string): Promise<PartneringRun> {
  const { event } = await requireManagedEvent(ctx, communityId, eventId);
  const [row] = await runRows(ctx.db, event.id, runId);
  if (!row) throw new AppError('not_found');
  return toRun(row);
}

/** Wish-list mode: a meeting for each mutual wish of two active participants that has none (the better priority's weight). */
async function meetingsFromWishes(tx: Tx, eventId: string): Promise<number> {
  const rows = await rowsOf<{ a: string; b: string; p1: string; p2: string }>(
    tx,
    sql`select w1.participant_id as a, w1.target_participant_id as b, w1.priority as p1, w2.priority as p2
          from partnering_wishes w1
          join partnering_wishes w2 on w2.participant_id = w1.target_participant_id and w2.target_participant_id = w1.participant_id
          join partnering_participants pa on pa.id = w1.participant_id and pa.status = 'active'
          join partnering_participants pb on pb.id = w1.target_participant_id and pb.status = 'active'
         where w1.event_id = ${eventId} and w1.participant_id < w1.target_participant_id
           and not exists (select 1 from partnering_meetings m where m.event_id = ${eventId} and m.status = 'active'
                             and least(m.participant_a_id, m.participant_b_id) = w1.participant_id
                             and greatest(m.participant_a_id, m.participant_b_id) = w1.target_participant_id)`,
  );
  if (!rows.length) return 0;
  const weight = (p: string) => PRIORITY_WEIGHT[p as PartneringPriority] ?? 1;
  const inserted = await tx
    .insert(partneringMeetings)
    .values(rows.map((r) => ({ eventId, participantAId: r.a, participantBId: r.b, source: 'wishlist', weight: Math.max(weight(r.p1), weight(r.p2)) })))
    .onConflictDoNothing()
    .returning({ id: partneringMeetings.id });
  return inserted.length;
}

async function snapshot(db: Executor, eventId: string, settings: q.SettingsRow, keepPublished: boolean) {
  const [slots, locations, participants, unavailable, meetings] = await Promise.all([
    q.slotsOf(db, eventId),
    q.locationsOf(db, eventId),
    q.activeParticipants(db, eventId),
    q.unavailabilityOf(db, eventId),
    q.activeMeetings(db, eventId),
  ]);
  const built = buildInstance({
    slots,
    locations: locations.map((l) => ({ id: l.id, kind: l.kind as LocationKind, name: l.name, ownerParticipantId: l.ownerParticipantId })),
    participants: participants.map((p) => ({ id: p.id, displayName: p.displayName, maxMeetings: p.maxMeetings, unavailableSlotIds: unavailable.get(p.id) ?? [] })),
    meetings: meetings.map((m) => ({ id: m.id, participantAId: m.participantAId, participantBId: m.participantBId, weight: m.weight, locked: m.locked, draft: draftOf(m), published: publishedOf(m) })),
    defaultMaxMeetings: settings.defaultMaxMeetings,
    fairness: settings.fairness,
    keepPublished,
  });
  return { ...built, meetings };
}

/** A uuid[] or text[] literal with NULLs, for one bound parameter. */
function arrayLiteral(values: readonly (string | null)[]): string {
  return `{${values.map((v) => (v === null ? 'NULL' : `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`)).join(',')}}`;
}

async function failRun(ctx: RequestContext, runId: string, message: string) {
  await ctx.db
    .update(partneringRuns)
    .set({ status: 'failed', finishedAt: new Date(), error: message.slice(0, 1000) })
    .where(and(eq(partneringRuns.id, runId), eq(partneringRuns.status, 'running')));
}

/**
 * Runs the scheduler and writes the draft. 409 partnering_run_in_progress while another runs.
 * The answer is the run, finished or failed (with why).
 */
export async function startRun(ctx: RequestContext, communityId: string, eventId: string, input: RunOptions): Promise<PartneringRun> {
  const user = requireUser(ctx);
  // 1. The run row (one running per event); a running row whose lease passed died with its server.
  let runId: string;
  let eventRow: EventRow;
  try {
    ({ runId, eventRow } = await ctx.db.transaction(async (tx) => {
      const { event } = await requireManagedEvent(ctx, communityId, eventId, tx);
      if (event.status === 'cancelled') throw new AppError('state_conflict', { fields: { event: 'partnering_event_cancelled' } });
      const settings = await q.requireSettings(tx, event.id, { lock: true });
      await tx
        .update(partneringRuns)
        .set({ status: 'failed', finishedAt: new Date(), error: 'lease_expired' })
        .where(and(eq(partneringRuns.eventId, event.id), eq(partneringRuns.status, 'running'), sql`${partneringRuns.leaseUntil} < now()`));
      const [run] = await tx
        .insert(partneringRuns)
        .values({
          eventId: event.id,
          startedBy: user.id,
          leaseUntil: new Date(Date.now() + LEASE_MS),
          options: { keepPublished: input.keepPublished, ...(input.timeLimitSeconds !== undefined ? { timeLimitSeconds: input.timeLimitSeconds } : {}), ...(input.seed !== undefined ? { seed: input.seed } : {}) },
        })
        .returning();
      if (settings.mode === 'wishlist') await meetingsFromWishes(tx, event.id);
      await recordAudit(tx, ctx, { communityId, action: 'partnering.run_started', entityType: 'partnering_run', entityId: run!.id, entityLabel: event.title, before: null, after: { keepPublished: input.keepPublished } });
      return { runId: run!.id, eventRow: event };
    }));
  } catch (error) {
    if (isUniqueViolation(error, 'partnering_runs_one_running_key')) throw new AppError('partnering_run_in_progress');
    throw error;
  }

  try {
    // 2. What to schedule, read outside any transaction the solve would hold.
    const settings = await q.requireSettings(ctx.db, eventRow.id);
    const built = await snapshot(ctx.db, eventRow.id, settings, input.keepPublished);
    if (built.instance.slots.length === 0) throw new RunFailure('no_slots');
    const problems = checkInstance(built.instance);
    if (problems.length) throw new RunFailure(`invalid_instance: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`);

    // 3. Solve in a worker thread.
    const started = Date.now();
    const timeLimitMs = Math.round(Math.min(MAX_TIME_LIMIT_S, input.timeLimitSeconds ?? defaultTimeLimitMs(built.instance.meetings.length) / 1000) * 1000);
    const result = await solve(built.instance, { seed: input.seed ?? 1, timeLimitMs });
    const violations = validateSchedule(built.instance, result);
    if (violations.length) throw new RunFailure(`invalid_result: ${violations.map((v) => v.message).join('; ')}`);
    const durationMs = Date.now() - started;

    // 4. Write the draft.
    await ctx.db.transaction(async (tx) => {
      await q.requireSettings(tx, eventRow.id, { lock: true });
      const current = new Map((await q.activeMeetings(tx, eventRow.id)).map((m) => [m.id, m]));
      const assigned = new Map(result.assignments.map((a) => [a.meeting, a]));
      const reasons = new Map(result.unscheduled.map((u) => [u.meeting, u.reason as string]));
      const ids: string[] = [];
      const slotIds: (string | null)[] = [];
      const locationIds: (string | null)[] = [];
      const why: (string | null)[] = [];
      let moved = 0;
      for (const m of built.instance.meetings) {
        const row = current.get(m.id);
        if (!row) continue; // cancelled meanwhile
        const a = assigned.get(m.id);
        ids.push(m.id);
        slotIds.push(a?.slot ?? null);
        locationIds.push(a?.location ?? null);
        why.push(a ? null : (reasons.get(m.id) ?? 'not_placed'));
        const published = publishedOf(row);
        if (published && !samePlace(published, a ? { slotId: a.slot, locationId: a.location } : null)) moved++;
      }
      for (const id of built.leftOut) {
        if (!current.has(id)) continue;
        ids.push(id);
        slotIds.push(null);
        locationIds.push(null);
        why.push('participant_withdrawn');
      }
      if (ids.length) {
        const idList = arrayLiteral(ids);
        // Clear first, then set: one location per slot is checked row by row, so no placement may collide on the way.
        await tx.execute(sql`update partnering_meetings set draft_slot_id = null, draft_location_id = null where event_id = ${eventRow.id} and id = any(${idList}::uuid[])`);
        await tx.execute(sql`update partnering_meetings m
                                set draft_slot_id = v.slot, draft_location_id = v.loc, unscheduled_reason = v.reason, updated_at = now()
                               from unnest(${idList}::uuid[], ${arrayLiteral(slotIds)}::uuid[], ${arrayLiteral(locationIds)}::uuid[], ${arrayLiteral(why)}::text[]) as v(id, slot, loc, reason)
                              where m.id = v.id and m.event_id = ${eventRow.id} and m.status = 'active'`);
      }
      const summary = runSummary(result, built.instance.meetings.length, moved, durationMs);
      await tx.update(partneringRuns).set({ status: 'finished', finishedAt: new Date(), summary }).where(eq(partneringRuns.id, runId));
      await recordAudit(tx, ctx, { communityId, action: 'partnering.run_finished', entityType: 'partnering_run', entityId: runId, entityLabel: eventRow.title, before: null, after: { scheduled: summary.scheduled, unscheduled: summary.unscheduled, moved } });
    });
  } catch (error) {
    await failRun(ctx, runId, error instanceof RunFailure ? error.message : `error: ${error instanceof Error ? error.message : String(error)}`);
  }
  const [row] = await runRows(ctx.db, eventRow.id, runId);
  return toRun(row!);
}

class RunFailure extends Error {}

// ---------------------------------------------------------------- the grid

export async function getSchedule(ctx: RequestContext, communityId: string, eventId: string, query: z.infer<typeof scheduleQuery>): Promise<PartneringSchedule> {
  const { event, community } = await requireManagedEvent(ctx, communityId, eventId);
  const settings = await q.requireSettings(ctx.db, event.id);
  const [slots, locations, meetings, people, participants, runs] = await Promise.all([
    q.slotsOf(ctx.db, event.id),
    q.locationsOf(ctx.db, event.id),
    q.activeMeetings(ctx.db, event.id),
    q.participantBriefs(ctx.db, event.id),
    q.activeParticipants(ctx.db, event.id),
    runRows(ctx.db, event.id),
  ]);
  const placeOf = query.view === 'draft' ? draftOf : publishedOf;
  const days = [...new Set(slots.map((s) => s.day))];
  const day = query.day ?? days[0] ?? null;
  const slotDay = new Map(slots.map((s) => [s.id, s.day]));
  const mine = (m: q.MeetingRow) => !query.participantId || m.participantAId === query.participantId || m.participantBId === query.participantId;
  const placed = meetings.filter((m) => placeOf(m) !== null);
  const shown = placed.filter((m) => mine(m) && (query.participantId ? true : slotDay.get(placeOf(m)!.slotId) === day));
  const breaks = breaksOf(
    placed.map((m) => ({ participants: [m.participantAId, m.participantBId] as const, slotId: placeOf(m)!.slotId })),
    slots,
    participants.map((p) => p.id),
  );
  return {
    view: query.view,
    timeZone: community.timeZone,
    days,
    day,
    slots: slots.filter((s) => s.day === day).map((s) => ({ id: s.id, day: s.day, session: s.session, startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString() })),
    locations: locations.map((l) => ({
      id: l.id,
      kind: l.kind as LocationKind,
      name: l.name,
      owner: l.ownerParticipantId ? { id: l.ownerParticipantId, displayName: l.ownerName ?? '', organisationName: l.ownerOrganisation ?? '' } : null,
      onlineUrl: l.onlineUrl,
      position: l.position,
    })),
    meetings: shown.map((m) => toOrgMeeting(m, people)),
    unplaced: meetings.filter((m) => placeOf(m) === null && mine(m)).map((m) => toOrgMeeting(m, people)),
    summary: {
      meetings: meetings.length,
      placed: placed.length,
      locked: meetings.filter((m) => m.locked).length,
      moved: meetings.filter((m) => {
        const d = draftOf(m);
        const p = publishedOf(m);
        return d !== null && p !== null && !samePlace(d, p);
      }).length,
      breaks: breaks.total,
      breakSpread: breaks.spread,
    },
    scheduleVersion: settings.scheduleVersion,
    publishedAt: settings.publishedAt?.toISOString() ?? null,
    lastRun: runs[0] ? toRun(runs[0]) : null,
  };
}

// ---------------------------------------------------------------- publishing

/**
 * Publishes the draft. `scheduleVersion` is the version the organiser saw; the conditional
 * UPDATE lets exactly one of two simultaneous publishes through (409 partnering_schedule_changed).
 */
export async function publish(ctx: RequestContext, communityId: string, eventId: string, input: z.infer<typeof publishInput>): Promise<z.infer<typeof publishResultSchema>> {
  const user = requireUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const { event, community } = await requireManagedEvent(ctx, communityId, eventId, tx);
    if (event.status === 'cancelled') throw new AppError('state_conflict', { fields: { event: 'partnering_event_cancelled' } });
    await q.requireSettings(tx, event.id);
    await refuseWhileRunning(tx, event.id);
    await refuseStaleDraft(tx, event.id);
    const now = new Date();
    const [won] = await tx
      .update(partneringSettings)
      .set({ scheduleVersion: sql`${partneringSettings.scheduleVersion} + 1`, publishedAt: now, publishedBy: user.id, updatedAt: now })
      .where(and(eq(partneringSettings.eventId, event.id), eq(partneringSettings.scheduleVersion, input.scheduleVersion)))
      .returning({ scheduleVersion: partneringSettings.scheduleVersion });
    if (!won) throw new AppError('partnering_schedule_changed');

    const all = await tx
      .select()
      .from(partneringMeetings)
      .where(and(eq(partneringMeetings.eventId, event.id), or(eq(partneringMeetings.status, 'active'), sql`${partneringMeetings.publishedSlotId} is not null`)));
    const diff = diffPlacements(all.map((m) => ({ meetingId: m.id, before: publishedOf(m), after: m.status === 'active' ? draftOf(m) : null })));
    // Clear, then copy: no published place may collide on the way.
    await tx.execute(sql`update partnering_meetings set published_slot_id = null, published_location_id = null where event_id = ${event.id} and published_slot_id is not null`);
    await tx.execute(sql`update partnering_meetings set published_slot_id = draft_slot_id, published_location_id = draft_location_id, updated_at = now()
                          where event_id = ${event.id} and status = 'active' and draft_slot_id is not null`);

    // Tell the participants whose agenda changed.
    const changedIds = new Set([...diff.moved, ...diff.added, ...diff.removed]);
    const touched = new Set<string>();
    const hadBefore = new Set<string>();
    for (const m of all) {
      if (publishedOf(m)) hadBefore.add(m.participantAId).add(m.participantBId);
      if (changedIds.has(m.id)) touched.add(m.participantAId).add(m.participantBId);
    }
    const counts = new Map<string, number>();
    for (const m of all) {
      if (m.status !== 'active' || !draftOf(m)) continue;
      for (const p of [m.participantAId, m.participantBId]) counts.set(p, (counts.get(p) ?? 0) + 1);
    }
    let notified = 0;
    if (touched.size) {
      const recipients = await rowsOf<{ id: string; displayName: string; locale: string; email: string; status: string }>(
        tx,
        sql`select p.id, p.display_name as "displayName", p.locale, u.email, p.status from partnering_participants p join users u on u.id = p.user_id
             where p.event_id = ${event.id} and p.id = any(${arrayLiteral([...touched])}::uuid[])`,
      );
      const facts = eventFacts(event, community);
      const link = `${ctx.config.publicUrl}/partnering/${event.id}`;
      for (const r of recipients) {
        if (r.status !== 'active') continue;
        await enqueueEmail(tx, {
          recipient: r.email,
          template: 'partnering_schedule_published',
          locale: r.locale as Locale,
          eventId: event.id,
          payload: { ...facts, name: r.displayName, meetings: counts.get(r.id) ?? 0, changed: hadBefore.has(r.id), link },
        });
        notified++;
      }
    }
    const published = all.filter((m) => m.status === 'active' && draftOf(m)).length;
    await recordAudit(tx, ctx, {
      communityId,
      action: 'partnering.schedule_published',
      entityType: 'event',
      entityId: event.id,
      entityLabel: event.title,
      before: { scheduleVersion: input.scheduleVersion },
      after: { scheduleVersion: won.scheduleVersion, published, moved: diff.moved.length, added: diff.added.length, removed: diff.removed.length },
    });
    return { scheduleVersion: won.scheduleVersion, publishedAt: now.toISOString(), published, moved: diff.moved.length, added: diff.added.length, removed: diff.removed.length, notified };
  });
}

// ---------------------------------------------------------------- figures

export async function stats(ctx: RequestContext, communityId: string, eventId: string): Promise<PartneringStats> {
  const { event } = await requireManagedEvent(ctx, communityId, eventId);
  await q.requireSettings(ctx.db, event.id);
  const id = event.id;
  const [sides, requests, byPriority, wishes, meetings, ratings] = await Promise.all([
    rowsOf<{ side: string; n: number }>(ctx.db, sql`select side, count(*)::int as n from partnering_participants where event_id = ${id} and status = 'active' group by side`),
    rowsOf<{ status: string; n: number; answered: number }>(ctx.db, sql`select status, count(*)::int as n, count(responded_at)::int as answered from partnering_requests where event_id = ${id} group by status`),
    rowsOf<{ priority: string; n: number }>(ctx.db, sql`select priority, count(*)::int as n from partnering_requests where event_id = ${id} group by priority`),
    rowsOf<{ total: number; mutual: number }>(
      ctx.db,
      sql`select count(*)::int as total,
                 (select count(*)::int from partnering_wishes w1 join partnering_wishes w2
                     on w2.participant_id = w1.target_participant_id and w2.target_participant_id = w1.participant_id
                   where w1.event_id = ${id} and w1.participant_id < w1.target_participant_id) as mutual
            from partnering_wishes where event_id = ${id}`,
    ),
    rowsOf<{ active: number; scheduled: number; held: number; noShows: number; withFeedback: number }>(
      ctx.db,
      sql`select count(*) filter (where m.status = 'active')::int as active,
                 count(*) filter (where m.status = 'active' and m.published_slot_id is not null)::int as scheduled,
                 count(*) filter (where exists (select 1 from partnering_feedback f where f.meeting_id = m.id and f.outcome = 'held'))::int as held,
                 count(*) filter (where exists (select 1 from partnering_feedback f where f.meeting_id = m.id and f.outcome = 'no_show'))::int as "noShows",
                 count(*) filter (where exists (select 1 from partnering_feedback f where f.meeting_id = m.id))::int as "withFeedback"
            from partnering_meetings m where m.event_id = ${id}`,
    ),
    rowsOf<{ n: number; mean: number | string | null }>(
      ctx.db,
      sql`select count(f.rating)::int as n, avg(f.rating)::float8 as mean from partnering_feedback f join partnering_meetings m on m.id = f.meeting_id where m.event_id = ${id} and f.rating is not null`,
    ),
  ]);
  const status = (s: string) => requests.find((r) => r.status === s)?.n ?? 0;
  const sent = requests.reduce((n, r) => n + r.n, 0);
  const answered = requests.reduce((n, r) => n + r.answered, 0);
  const m = meetings[0]!;
  const rating = ratings[0]!;
  return {
    participants: sides.reduce((n, s) => n + s.n, 0),
    participantsBySide: PARTNERING_SIDES.map((side) => ({ side, count: sides.find((s) => s.side === side)?.n ?? 0 })).filter((s) => s.count > 0),
    requests: {
      sent,
      pending: status('pending'),
      accepted: status('accepted'),
      declined: status('declined'),
      cancelled: status('cancelled'),
      byPriority: PARTNERING_PRIORITIES.map((priority) => ({ priority, count: byPriority.find((p) => p.priority === priority)?.n ?? 0 })),
    },
    wishes: { total: wishes[0]!.total, mutualPairs: wishes[0]!.mutual },
    meetings: { active: m.active, scheduled: m.scheduled, held: m.held, noShows: m.noShows, withFeedback: m.withFeedback },
    satisfaction: rating.n > 0 && rating.mean !== null ? Math.round(Number(rating.mean) * 100) / 100 : null,
    ratings: rating.n,
    responseRate: sent > 0 ? Math.round((answered / sent) * 1000) / 1000 : null,
  };
}

