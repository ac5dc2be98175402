import type { z } from 'zod';
import { findConflicts, type AgendaConflict } from '../../../domain/events/agenda';
import type { SessionKind, SessionRole } from '../../../domain/events/vocabularies';
import type { Agenda, AgendaConflictView, EventSession, SessionWrite, sessionCreateInput, sessionUpdateInput } from '../../../shared/schemas/events';
import type { Executor } from '../../db/client';
import type { RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { findVisibleEvent, requireManagedEvent } from './access';
import * as q from './queries';
import { requireReadableEvent } from './service';

/**
 * The agenda: sessions with times, rooms and the directory people on stage, and the warnings
 * organisers need (a speaker or room double-booked, here or in another of the community's
 * events; a session outside the event's times). Warnings never block a write.
 */

type CreateInput = z.output<typeof sessionCreateInput>;
type UpdateInput = z.output<typeof sessionUpdateInput>;

function toSession(row: q.SessionRow, people: q.SessionPersonRow[]): EventSession {
  return {
    id: row.id,
    eventId: row.eventId,
    kind: row.kind as SessionKind,
    title: row.title,
    description: row.description,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    room: row.room,
    people: people
      .filter((p) => p.sessionId === row.id)
      .map((p) => ({ person: { id: p.personId, nameZh: p.nameZh, nameEn: p.nameEn, title: p.title }, role: p.role as SessionRole, position: p.position })),
    version: row.version,
  };
}

/** The whole agenda's warnings, with the names and other events they mention. */
export async function agendaConflicts(db: Executor, event: q.EventRow, sessions: q.SessionRow[], people: q.SessionPersonRow[]): Promise<AgendaConflictView[]> {
  if (sessions.length === 0) return [];
  const personIds = [...new Set(people.map((p) => p.personId))];
  const from = new Date(Math.min(...sessions.map((s) => s.startsAt.getTime())));
  const to = new Date(Math.max(...sessions.map((s) => s.endsAt.getTime())));
  const elsewhere = await q.sessionsElsewhere(db, event.communityId, event.id, personIds, from, to);
  const conflicts = findConflicts(
    { startsAt: event.startsAt.getTime(), endsAt: event.endsAt.getTime() },
    sessions.map((s) => ({ id: s.id, startsAt: s.startsAt.getTime(), endsAt: s.endsAt.getTime(), room: s.room, personIds: people.filter((p) => p.sessionId === s.id).map((p) => p.personId) })),
    elsewhere.map((o) => ({ id: o.id, eventId: o.eventId, startsAt: o.startsAt.getTime(), endsAt: o.endsAt.getTime(), personIds: o.personIds })),
  );
  const names = new Map(people.map((p) => [p.personId, p.nameZh]));
  const others = new Map(elsewhere.map((o) => [o.id, o]));
  return conflicts.map((c: AgendaConflict) => {
    const personId = c.kind === 'person' || c.kind === 'person_elsewhere' ? c.personId : null;
    const other = c.kind === 'person_elsewhere' ? others.get(c.otherSessionId) : undefined;
    return {
      kind: c.kind,
      sessionIds: [...c.sessionIds],
      personId,
      personName: personId ? (names.get(personId) ?? null) : null,
      room: c.kind === 'room' ? c.room : null,
      other: other
        ? { eventId: other.eventId, eventTitle: other.eventTitle, sessionId: other.id, sessionTitle: other.title, startsAt: other.startsAt.toISOString(), endsAt: other.endsAt.toISOString() }
        : null,
    };
  });
}

async function loadAgenda(db: Executor, event: q.EventRow) {
  const sessions = await q.sessionsOf(db, event.id);
  const people = await q.sessionPeopleOf(db, sessions.map((s) => s.id));
  return { sessions, people };
}

/**
 * The agenda as members see it. Warnings are for organisers only: they name the community's
 * other events, drafts among them.
 */
export async function getAgenda(ctx: RequestContext, communityId: string, eventId: string): Promise<Agenda> {
  const { event, viewer } = await requireReadableEvent(ctx, communityId, eventId);
  const { sessions, people } = await loadAgenda(ctx.db, event);
  return {
    sessions: sessions.map((s) => toSession(s, people)),
    conflicts: viewer.canManage ? await agendaConflicts(ctx.db, event, sessions, people) : [],
    rooms: viewer.canManage ? await q.roomsUsed(ctx.db, communityId) : [],
  };
}

/** The agenda for the public event page: anyone who may see the event (findVisibleEvent), no warnings. */
export async function getPublicAgenda(ctx: RequestContext, eventId: string, inviteToken: string | null): Promise<Agenda> {
  const { event } = await findVisibleEvent(ctx, eventId, { inviteToken });
  const { sessions, people } = await loadAgenda(ctx.db, event);
  return { sessions: sessions.map((s) => toSession(s, people)), conflicts: [], rooms: [] };
}

/** The agenda's sessions for printing (the PDF), people in order. */
export async function agendaForPrint(db: Executor, event: q.EventRow): Promise<EventSession[]> {
  const { sessions, people } = await loadAgenda(db, event);
  return sessions.map((s) => toSession(s, people));
}

async function checkSession(db: Executor, event: q.EventRow, s: { startsAt: Date; endsAt: Date; people?: { personId: string; role: string }[] }) {
  const fields: Record<string, string> = {};
  if (s.endsAt <= s.startsAt) fields.endsAt = 'events_session_ends_before_start';
  else {
    if (s.startsAt < event.startsAt || s.startsAt >= event.endsAt) fields.startsAt = 'events_session_outside_event';
    if (s.endsAt > event.endsAt || s.endsAt <= event.startsAt) fields.endsAt = 'events_session_outside_event';
  }
  if (s.people) {
    const keys = s.people.map((p) => `${p.personId}:${p.role}`);
    if (new Set(keys).size !== keys.length) fields.people = 'events_session_person_duplicate';
    const found = await q.existingPeople(db, [...new Set(s.people.map((p) => p.personId))]);
    s.people.forEach((p, i) => {
      if (!found.has(p.personId)) fields[`people.${i}.personId`] = 'events_session_person_unknown';
    });
  }
  if (Object.keys(fields).length) throw new AppError('validation_failed', { fields });
}

function auditView(row: q.SessionRow, people?: { personId: string; role: string }[]) {
  return {
    kind: row.kind,
    title: row.title,
    description: row.description,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    room: row.room,
    ...(people ? { people: people.map((p) => `${p.personId}:${p.role}`).join(',') } : {}),
  };
}

async function writeReply(db: Executor, event: q.EventRow, sessionId: string): Promise<SessionWrite> {
  const { sessions, people } = await loadAgenda(db, event);
  const session = sessions.find((s) => s.id === sessionId)!;
  return { session: toSession(session, people), conflicts: await agendaConflicts(db, event, sessions, people) };
}

export async function createSession(ctx: RequestContext, communityId: string, eventId: string, input: CreateInput): Promise<SessionWrite> {
  return ctx.db.transaction(async (tx) => {
    const { event } = await requireManagedEvent(ctx, communityId, eventId, tx);
    const startsAt = new Date(input.startsAt);
    const endsAt = new Date(input.endsAt);
    const people = input.people ?? [];
    await checkSession(tx, event, { startsAt, endsAt, people });
    const row = await q.insertSession(tx, { eventId, kind: input.kind, title: input.title, description: input.description ?? '', startsAt, endsAt, room: input.room ?? '' });
    await q.replaceSessionPeople(tx, row.id, people);
    await recordAudit(tx, ctx, { communityId, action: 'event.session_added', entityType: 'event', entityId: eventId, entityLabel: event.title, before: null, after: { session: row.id, ...auditView(row, people) } });
    return writeReply(tx, event, row.id);
  });
}

export async function updateSession(ctx: RequestContext, communityId: string, eventId: string, sessionId: string, input: UpdateInput): Promise<SessionWrite> {
  return ctx.db.transaction(async (tx) => {
    const { event } = await requireManagedEvent(ctx, communityId, eventId, tx);
    const before = await q.findSession(tx, eventId, sessionId);
    if (!before) throw new AppError('not_found');
    const { version, people, ...rest } = input;
    const startsAt = rest.startsAt ? new Date(rest.startsAt) : before.startsAt;
    const endsAt = rest.endsAt ? new Date(rest.endsAt) : before.endsAt;
    // Times left as they were may already lie outside after the event moved: only re-check times being set.
    if (rest.startsAt || rest.endsAt || people) await checkSession(tx, event, { startsAt, endsAt, people });
    const values: Partial<q.SessionValues> = { startsAt, endsAt };
    if (rest.kind !== undefined) values.kind = rest.kind;
    if (rest.title !== undefined) values.title = rest.title;
    if (rest.description !== undefined) values.description = rest.description;
    if (rest.room !== undefined) values.room = rest.room;
    const beforePeople = people ? (await q.sessionPeopleOf(tx, [sessionId])).map((p) => ({ personId: p.personId, role: p.role })) : undefined;
    const after = await q.updateSession(tx, eventId, sessionId, version, values);
    if (!after) throw new AppError('version_conflict');
    if (people) await q.replaceSessionPeople(tx, sessionId, people);
    await recordAudit(tx, ctx, {
      communityId,
      action: 'event.session_updated',
      entityType: 'event',
      entityId: eventId,
      entityLabel: event.title,
      before: { session: sessionId, ...auditView(before, beforePeople) },
      after: { session: sessionId, ...auditView(after, people) },
    });
    return writeReply(tx, event, sessionId);
  });
}

export async function deleteSession(ctx: RequestContext, communityId: string, eventId: string, sessionId: string, version?: number): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { event } = await requireManagedEvent(ctx, communityId, eventId, tx);
    const before = await q.findSession(tx, eventId, sessionId);
    if (!before) throw new AppError('not_found');
    const gone = await q.deleteSession(tx, eventId, sessionId, version);
    if (!gone) throw new AppError('version_conflict');
    await recordAudit(tx, ctx, { communityId, action: 'event.session_removed', entityType: 'event', entityId: eventId, entityLabel: event.title, before: { session: sessionId, ...auditView(before) }, after: null });
  });
}
