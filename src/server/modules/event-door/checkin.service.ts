/**
 * Check-in at the door, its undo, the live attendance figures and the check-in log. One
 * conditional UPDATE decides each check-in, so two phones scanning one code at once give one
 * success and one "already checked in", on one server or several.
 */
import { z } from 'zod';
import { arrivalHistogram, normaliseCode } from '../../../domain/events/door';
import type { RegistrationStatus } from '../../../domain/events/vocabularies';
import type { ErrorCode } from '../../../shared/errors';
import { ERROR_STATUS } from '../../../shared/errors';
import type { Attendance, CheckInInput, CheckInLog, CheckInRefusal, CheckInSuccess, DoorPerson, Lookup, checkInLogQuery } from '../../../shared/schemas/event-door';
import { requireUser, type RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { errorMessage } from '../../http/messages';
import { decodeCursor, encodeCursor } from '../../http/pagination';
import { formatInstant } from '../../lib/format';
import { recordAudit } from '../audit/record';
import { requireManagedEvent } from '../events/access';
import * as q from './queries';

export function toDoorPerson(row: q.DoorRow): DoorPerson {
  return {
    registrationId: row.registrationId,
    name: row.name,
    organisationName: row.organisationName,
    jobTitle: row.jobTitle,
    ticketType: row.ticketType,
    code: row.code,
    status: row.status as RegistrationStatus,
    checkedInAt: row.checkedInAt?.toISOString() ?? null,
    checkedInBy: row.checkedInBy,
  };
}

export type CheckInReply = { status: 200; body: CheckInSuccess } | { status: 404 | 409; body: CheckInRefusal };

function refusal(ctx: RequestContext, code: ErrorCode & ('unknown_code' | 'already_checked_in' | 'not_confirmed'), row: q.DoorRow | null, params: Record<string, string> = {}): CheckInReply {
  return {
    status: ERROR_STATUS[code],
    body: {
      result: code,
      ...(row ? { registration: toDoorPerson(row) } : {}),
      error: { code, message: errorMessage(ctx.locale, code, params), requestId: ctx.requestId },
    },
  };
}

/**
 * Checks in the registration holding `code`: 200 with who it is; 409 already_checked_in (when,
 * by whom) or not_confirmed (the status); 404 unknown_code for anything not a registration of
 * this event — another event's or community's code answers exactly like a made-up one.
 */
export async function checkIn(ctx: RequestContext, communityId: string, eventId: string, input: CheckInInput): Promise<CheckInReply> {
  const user = requireUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const { event, community } = await requireManagedEvent(ctx, communityId, eventId, tx);
    if (event.status === 'cancelled') throw new AppError('state_conflict', { fields: { event: 'eventDoor_event_cancelled' } });
    const code = normaliseCode(input.code);
    if (!code) return refusal(ctx, 'unknown_code', null);
    const id = await q.checkIn(tx, event.id, code, user.id);
    if (id) {
      const row = (await q.registrationById(tx, event.id, id))!;
      await recordAudit(tx, ctx, {
        communityId,
        action: 'event_registration.checked_in',
        entityType: 'event_registration',
        entityId: id,
        entityLabel: row.name,
        before: { checkedInAt: null },
        after: { checkedInAt: row.checkedInAt!.toISOString() },
      });
      return { status: 200, body: { result: 'checked_in', registration: toDoorPerson(row) } };
    }
    const row = await q.registrationByCode(tx, event.id, code);
    if (!row) return refusal(ctx, 'unknown_code', null);
    if (row.status !== 'confirmed') {
      const status = (ctx.locale === 'en' ? STATUS_EN : ctx.locale === 'zh-TW' ? STATUS_TW : STATUS_CN)[row.status as RegistrationStatus] ?? row.status;
      return refusal(ctx, 'not_confirmed', row, { status });
    }
    return refusal(ctx, 'already_checked_in', row, {
      at: row.checkedInAt ? formatInstant(row.checkedInAt, ctx.locale, community.timeZone, 'time') : '',
      by: row.checkedInBy ?? '—',
    });
  });
}

// The refusal message names the status in the reader's language (the web page has its own labels).
const STATUS_CN: Record<RegistrationStatus, string> = { pending: '待审核', confirmed: '已确认', waitlisted: '候补中', declined: '未通过', cancelled: '已取消' };
const STATUS_TW: Record<RegistrationStatus, string> = { pending: '待審核', confirmed: '已確認', waitlisted: '候補中', declined: '未通過', cancelled: '已取消' };
const STATUS_EN: Record<RegistrationStatus, string> = { pending: 'pending review', confirmed: 'confirmed', waitlisted: 'waitlisted', declined: 'declined', cancelled: 'cancelled' };

/** Undoes a mistaken check-in (audited with when and by whom it had been made). */
export async function undoCheckIn(ctx: RequestContext, communityId: string, eventId: string, registrationId: string): Promise<DoorPerson> {
  return ctx.db.transaction(async (tx) => {
    const { event } = await requireManagedEvent(ctx, communityId, eventId, tx);
    const before = await q.undoCheckIn(tx, event.id, registrationId);
    const row = await q.registrationById(tx, event.id, registrationId);
    if (!row) throw new AppError('not_found');
    if (!before) throw new AppError('state_conflict', { fields: { registrationId: 'eventDoor_not_checked_in' } });
    await recordAudit(tx, ctx, {
      communityId,
      action: 'event_registration.check_in_undone',
      entityType: 'event_registration',
      entityId: registrationId,
      entityLabel: row.name,
      before: { checkedInAt: before.checkedInAt?.toISOString() ?? null, checkedInBy: before.checkedInBy },
      after: { checkedInAt: null, checkedInBy: null },
    });
    return toDoorPerson(row);
  });
}

const RECENT = 20;

export async function attendance(ctx: RequestContext, communityId: string, eventId: string): Promise<Attendance> {
  const { event, community } = await requireManagedEvent(ctx, communityId, eventId);
  const figures = await q.figuresByTicketType(ctx.db, event.id);
  const recent = await q.checkInLog(ctx.db, event.id, { limit: RECENT });
  const times = await q.checkInTimes(ctx.db, event.id);
  return {
    event: {
      id: event.id,
      title: event.title,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      status: event.status,
      timeZone: community.timeZone,
      venue: event.venue,
    },
    confirmed: figures.reduce((n, f) => n + f.confirmed, 0),
    checkedIn: figures.reduce((n, f) => n + f.checkedIn, 0),
    byTicketType: figures.map((f) => ({ id: f.id, name: f.name, capacity: f.capacity, confirmed: f.confirmed, checkedIn: f.checkedIn })),
    recent: recent.map(toDoorPerson),
    arrivals: arrivalHistogram(times),
    asOf: new Date().toISOString(),
  };
}

const logCursor = z.object({ at: z.iso.datetime({ offset: true }), id: z.uuid() });

export async function checkInLog(ctx: RequestContext, communityId: string, eventId: string, query: z.output<typeof checkInLogQuery>): Promise<CheckInLog> {
  const { event } = await requireManagedEvent(ctx, communityId, eventId);
  const after = decodeCursor(query.cursor, logCursor);
  const rows = await q.checkInLog(ctx.db, event.id, { limit: query.limit + 1, after, q: query.q || undefined });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map(toDoorPerson),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ at: last.checkedInAt!.toISOString(), id: last.registrationId }) : null,
  };
}

/** For a guest who forgot the code: the event's registrations matching what they tell the door. */
export async function lookup(ctx: RequestContext, communityId: string, eventId: string, text: string): Promise<Lookup> {
  const { event } = await requireManagedEvent(ctx, communityId, eventId);
  if (!text) return { items: [] };
  return { items: (await q.lookup(ctx.db, event.id, text, 10)).map(toDoorPerson) };
}
