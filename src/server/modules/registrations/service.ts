import { z } from 'zod';
import { checkAnswers } from '../../../domain/events/questions';
import { placeArrival, placeWithSeat, promotions, seatsLeft } from '../../../domain/events/waitlist';
import { LIVE_REGISTRATION_STATUSES, type EventKind, type EventStatus, type EventVisibility, type ApprovalMode, type OrganiserRole, type RegistrationStatus } from '../../../domain/events/vocabularies';
import type { Locale } from '../../../domain/locales';
import type {
  MyRegistration,
  PublicEvent,
  Registration,
  RegistrationCreated,
  declineInput,
  registrationCreateInput,
  registrationPageSchema,
  registrationQuery,
} from '../../../shared/schemas/registrations';
import type { Executor, Tx } from '../../db/client';
import { decodeCursor, pageOf } from '../../http/pagination';
import { requireUser, type RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { findCommunity, type CommunityRow } from '../communities/queries';
import { isUniqueViolation } from '../directory/validation';
import { eventFacts, findVisibleEvent, requireManagedEvent } from '../events/access';
import { enqueueEmail } from '../outbox/enqueue';
import { randomToken } from '../../lib/tokens';
import { newCheckInCode } from './qr';
import * as q from './queries';

/**
 * Registration for events: the public page and form, the registrant's own link, and the
 * organisers' review. Seats change only while the ticket type's row lock is held (see
 * q.lockTicketType), and the database's CHECK on confirmed_count is the last word on capacity.
 */

type CreateInput = z.output<typeof registrationCreateInput>;
type ListQuery = z.output<typeof registrationQuery>;
type DeclineInput = z.output<typeof declineInput>;
const LIVE: readonly RegistrationStatus[] = LIVE_REGISTRATION_STATUSES;

// ---------------------------------------------------------------- shaping

function iso(d: Date | null): string | null {
  return d ? d.toISOString() : null;
}

function communityRef(c: CommunityRow) {
  return { id: c.id, slug: c.slug, kind: c.kind, nameZhHans: c.nameZhHans, nameZhHant: c.nameZhHant, nameEn: c.nameEn };
}

export function toRegistration(row: q.RegistrationRow, ticketTypeName: string, waitlistPosition: number | null): Registration {
  return {
    id: row.id,
    eventId: row.eventId,
    ticketTypeId: row.ticketTypeId,
    ticketTypeName,
    userId: row.userId,
    invitationId: row.invitationId,
    name: row.name,
    email: row.email,
    phone: row.phone,
    organisationName: row.organisationName,
    jobTitle: row.jobTitle,
    answers: row.answers,
    locale: row.locale as Locale,
    status: row.status as RegistrationStatus,
    waitlistNo: row.waitlistNo,
    waitlistPosition: row.status === 'waitlisted' ? waitlistPosition : null,
    code: row.code,
    checkedInAt: iso(row.checkedInAt),
    decidedAt: iso(row.decidedAt),
    declineReason: row.declineReason,
    confirmedAt: iso(row.confirmedAt),
    cancelledAt: iso(row.cancelledAt),
    seq: row.seq,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
  };
}

function toMine(row: q.RegistrationRow, ticketTypeName: string, position: number | null, event: q.EventRow, community: CommunityRow): MyRegistration {
  const live = LIVE.includes(row.status as RegistrationStatus);
  return {
    id: row.id,
    status: row.status as RegistrationStatus,
    name: row.name,
    email: row.email,
    phone: row.phone,
    organisationName: row.organisationName,
    jobTitle: row.jobTitle,
    ticketType: { id: row.ticketTypeId, name: ticketTypeName },
    waitlistPosition: row.status === 'waitlisted' ? position : null,
    code: row.status === 'confirmed' ? row.code : null,
    declineReason: row.status === 'declined' ? row.declineReason : null,
    checkedInAt: iso(row.checkedInAt),
    createdAt: row.createdAt.toISOString(),
    confirmedAt: iso(row.confirmedAt),
    cancelledAt: iso(row.cancelledAt),
    canCancel: live && event.endsAt.getTime() > Date.now() && row.checkedInAt === null,
    manageToken: row.manageToken,
    event: {
      id: event.id,
      title: event.title,
      kind: event.kind as EventKind,
      status: event.status as EventStatus,
      startsAt: event.startsAt.toISOString(),
      endsAt: event.endsAt.toISOString(),
      timeZone: community.timeZone,
      venue: event.venue,
      onlineUrl: event.onlineUrl,
      community: communityRef(community),
    },
  };
}

function auditView(row: q.RegistrationRow) {
  return { status: row.status, ticketTypeId: row.ticketTypeId, waitlistNo: row.waitlistNo, name: row.name, email: row.email };
}

function manageLink(ctx: RequestContext, token: string): string {
  return `${ctx.config.publicUrl}/r/${token}`;
}

// ---------------------------------------------------------------- is registration open

/** When registration closes: the set instant, else the event's start. */
function closesAt(event: q.EventRow): Date {
  return event.registrationClosesAt ?? event.startsAt;
}

function closedReason(event: q.EventRow, ticketTypes: number): PublicEvent['closedReason'] {
  if (event.status === 'cancelled') return 'cancelled';
  if (event.status === 'draft') return 'draft';
  if (Date.now() >= closesAt(event).getTime()) return 'deadline';
  if (ticketTypes === 0) return 'no_ticket_types';
  return null;
}

// ---------------------------------------------------------------- seats

export interface EventContext {
  event: q.EventRow;
  community: CommunityRow;
}

/**
 * Gives free seats of a locked ticket type to the head of its waitlist, in order, and tells
 * each promoted registrant. The caller holds the ticket type's row lock.
 */
export async function promoteWaiting(tx: Tx, ctx: RequestContext, ticketTypeId: string, { event, community }: EventContext): Promise<{ id: string; name: string }[]> {
  // Read again under the lock: a cancellation just now changed confirmed_count (the trigger).
  const current = await q.ticketTypeById(tx, ticketTypeId);
  if (!current) return [];
  const free = seatsLeft({ capacity: current.capacity, confirmed: current.confirmedCount });
  if (free === 0) return [];
  const waiting = await q.waitingOf(tx, ticketTypeId, free);
  const ids = promotions({ capacity: current.capacity, confirmed: current.confirmedCount }, waiting.map((w) => ({ id: w.id, waitlistNo: w.waitlistNo! })));
  const promoted: { id: string; name: string }[] = [];
  for (const id of ids) {
    const row = await q.transition(tx, id, ['waitlisted'], { status: 'confirmed', waitlistNo: null, confirmedAt: new Date() });
    if (!row) continue;
    promoted.push({ id: row.id, name: row.name });
    await enqueueEmail(tx, {
      recipient: row.email,
      template: 'event_waitlist_promoted',
      locale: row.locale as Locale,
      eventId: event.id,
      payload: { ...eventFacts(event, community), name: row.name, ticketType: current.name, code: row.code, link: manageLink(ctx, row.manageToken) },
    });
    await recordAudit(tx, ctx, {
      communityId: event.communityId,
      action: 'registration.promoted',
      entityType: 'event_registration',
      entityId: row.id,
      entityLabel: row.name,
      before: { status: 'waitlisted' },
      after: { status: 'confirmed' },
    });
  }
  return promoted;
}

/** A CHECK on capacity firing means two writers raced past the lock; the caller may try again. */
function isCapacityCheck(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const { code, constraint } = e as { code?: unknown; constraint?: unknown };
    if (code === '23514') return constraint === 'event_ticket_types_within_capacity';
  }
  return false;
}

function mapWriteError(error: unknown): never {
  if (
    isUniqueViolation(error, 'event_registrations_live_email_key') ||
    isUniqueViolation(error, 'event_registrations_live_user_key') ||
    isUniqueViolation(error, 'event_registrations_invitation_key')
  ) {
    throw new AppError('already_registered');
  }
  if (isCapacityCheck(error)) throw new AppError('conflict', { detail: 'capacity check' });
  throw error;
}

async function messageForStatus(tx: Tx, ctx: RequestContext, row: q.RegistrationRow, ticketTypeName: string, position: number | null, ec: EventContext) {
  const facts = eventFacts(ec.event, ec.community);
  const base = { recipient: row.email, locale: row.locale as Locale, eventId: ec.event.id };
  const link = manageLink(ctx, row.manageToken);
  if (row.status === 'confirmed') {
    await enqueueEmail(tx, { ...base, template: 'event_registration_confirmed', payload: { ...facts, name: row.name, ticketType: ticketTypeName, code: row.code, link } });
  } else if (row.status === 'waitlisted') {
    await enqueueEmail(tx, { ...base, template: 'event_registration_waitlisted', payload: { ...facts, name: row.name, ticketType: ticketTypeName, position: position ?? 1, link } });
  } else if (row.status === 'pending') {
    await enqueueEmail(tx, { ...base, template: 'event_registration_pending', payload: { ...facts, name: row.name, ticketType: ticketTypeName, link } });
  }
}

// ---------------------------------------------------------------- the public page

export async function publicEvent(ctx: RequestContext, eventId: string, inviteToken: string | undefined): Promise<PublicEvent> {
  const { event, community, viewer } = await findVisibleEvent(ctx, eventId, { inviteToken });
  const [organisers, agenda, ticketTypes, queues] = [
    await q.organisersOf(ctx.db, event.id),
    await q.sessionsOf(ctx.db, event.id),
    await q.ticketTypesOf(ctx.db, event.id),
    await q.queueCounts(ctx.db, event.id),
  ];
  const english = ctx.locale === 'en';
  let invitation: PublicEvent['invitation'] = null;
  const own = inviteToken ? await q.findInvitation(ctx.db, event.id, { token: inviteToken }) : undefined;
  const byEmail = !own && ctx.user ? await q.findInvitation(ctx.db, event.id, { email: ctx.user.email.toLowerCase() }) : undefined;
  const found = own ?? byEmail;
  if (found) invitation = { name: found.name, email: found.email, ticketTypeId: found.ticketTypeId, status: found.status };
  let reason = closedReason(event, ticketTypes.length);
  if (!reason && event.visibility === 'invitation' && !viewer.isRegistered && (!found || found.status === 'revoked')) reason = 'invitation_only';
  let myRegistration: PublicEvent['myRegistration'] = null;
  if (ctx.user) {
    const mine = await q.findLiveRegistration(ctx.db, event.id, { userId: ctx.user.id });
    if (mine) {
      const position = mine.waitlistNo !== null ? await q.waitlistPosition(ctx.db, mine.ticketTypeId, mine.waitlistNo) : null;
      myRegistration = { status: mine.status as RegistrationStatus, ticketTypeName: ticketTypes.find((t) => t.id === mine.ticketTypeId)?.name ?? '', waitlistPosition: position, manageToken: mine.manageToken };
    }
  }
  return {
    id: event.id,
    community: communityRef(community),
    timeZone: community.timeZone,
    kind: event.kind as EventKind,
    title: event.title,
    summary: event.summary,
    descriptionHtml: event.descriptionHtml,
    venue: event.venue,
    onlineUrl: event.onlineUrl,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt.toISOString(),
    visibility: event.visibility as EventVisibility,
    status: event.status as EventStatus,
    approvalMode: event.approvalMode as ApprovalMode,
    registrationClosesAt: iso(event.registrationClosesAt),
    organisers: organisers.map((o) => ({ organisation: { entityType: 'organisation' as const, id: o.id, nameZh: o.nameZh, nameEn: o.nameEn }, role: o.role as OrganiserRole })),
    sessions: agenda.sessions.map((s) => ({
      id: s.id,
      kind: s.kind,
      title: s.title,
      description: s.description,
      startsAt: s.startsAt.toISOString(),
      endsAt: s.endsAt.toISOString(),
      room: s.room,
      people: agenda.speakers
        .filter((p) => p.sessionId === s.id)
        .map((p) => ({ role: p.role, name: english ? (p.nameEn ?? p.nameZh) : p.nameZh, title: p.title ?? '' })),
    })),
    ticketTypes: ticketTypes.map((t) => ({
      id: t.id,
      name: t.name,
      description: t.description,
      capacity: t.capacity,
      seatsLeft: seatsLeft({ capacity: t.capacity, confirmed: t.confirmedCount }),
      waitlistLength: queues.get(t.id)?.waitlisted ?? 0,
      isOpen: t.isOpen,
    })),
    questions: event.registrationQuestions,
    registrationOpen: reason === null,
    closedReason: reason,
    applicationsOpen: event.applicationsOpen,
    applicationDeadline: iso(event.applicationDeadline),
    myRegistration,
    invitation,
    prefill: ctx.user ? { name: ctx.user.displayName, email: ctx.user.email } : null,
  };
}

// ---------------------------------------------------------------- registering

/** Draws check-in codes until one is free (a clash is one in 10^11; the loop is a formality). */
async function insertWithCode(tx: Tx, values: Omit<q.RegistrationValues, 'code'>): Promise<q.RegistrationRow> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const row = await q.insertRegistration(tx, { ...values, code: newCheckInCode() });
    if (row) return row;
  }
  throw new AppError('internal_error', { detail: 'no free check-in code' });
}

export async function register(ctx: RequestContext, eventId: string, input: CreateInput): Promise<RegistrationCreated> {
  const { event, community } = await findVisibleEvent(ctx, eventId, { inviteToken: input.inviteToken ?? null });
  const checked = checkAnswers(event.registrationQuestions, input.answers);
  const problems = Object.entries(checked.problems);
  if (problems.length) throw new AppError('validation_failed', { fields: Object.fromEntries(problems.map(([id, p]) => [`answers.${id}`, `registration_answer_${p}`])) });
  if (event.status !== 'published' || Date.now() >= closesAt(event).getTime()) throw new AppError('registration_closed');
  const ec = { event, community };
  try {
    return await ctx.db.transaction(async (tx) => {
      let invitation: q.InvitationRow | undefined;
      if (input.inviteToken) {
        invitation = await q.lockInvitation(tx, event.id, input.inviteToken);
        if (!invitation) throw new AppError('not_found');
      } else if (event.visibility === 'invitation' && ctx.user) {
        invitation = await q.findInvitation(tx, event.id, { email: ctx.user.email.toLowerCase() });
        if (invitation) invitation = await q.lockInvitation(tx, event.id, invitation.token);
      }
      if (invitation?.status === 'revoked') throw new AppError('invitation_invalid');
      if (event.visibility === 'invitation' && !invitation) throw new AppError('registration_closed', { detail: 'invitation only' });

      const ticketTypeId = invitation?.ticketTypeId ?? input.ticketTypeId;
      if (!ticketTypeId) throw new AppError('validation_failed', { fields: { ticketTypeId: 'registration_ticket_required' } });
      const userId = ctx.user?.id ?? null;
      // Before the lock, to keep the locked stretch short; the unique indexes settle any race.
      if (await q.findLiveRegistration(tx, event.id, { email: input.email, userId })) throw new AppError('already_registered');

      const mode = event.approvalMode as ApprovalMode;
      const ticketType = await q.lockForArrival(tx, event.id, ticketTypeId, mode === 'automatic');
      if (!ticketType) throw new AppError('validation_failed', { fields: { ticketTypeId: 'registration_ticket_unknown' } });
      // An invitation names its ticket type even when that type is closed to the public.
      if (!ticketType.isOpen && !invitation) throw new AppError('registration_closed', { fields: { ticketTypeId: 'registration_ticket_closed' } });

      const placement = placeArrival(mode, { capacity: ticketType.capacity, confirmed: ticketType.confirmedCount, waitlistSeq: ticketType.waitlistSeq });
      const row = await insertWithCode(tx, {
        eventId: event.id,
        ticketTypeId: ticketType.id,
        userId,
        invitationId: invitation?.id ?? null,
        name: input.name,
        email: input.email,
        phone: input.phone,
        organisationName: input.organisationName,
        jobTitle: input.jobTitle,
        organisationId: invitation?.organisationId ?? null,
        answers: checked.answers,
        locale: ctx.locale,
        status: placement.status,
        waitlistNo: placement.status === 'waitlisted' ? placement.waitlistNo : null,
        manageToken: randomToken(),
        confirmedAt: placement.status === 'confirmed' ? new Date() : null,
      });
      if (invitation) await q.markInvitationRegistered(tx, invitation.id);
      // The newcomer has the highest number: everyone waiting is ahead of it.
      const position = row.waitlistNo !== null ? await q.waitingCount(tx, ticketType.id) : null;
      await messageForStatus(tx, ctx, row, ticketType.name, position, ec);
      await recordAudit(tx, ctx, {
        communityId: event.communityId,
        action: 'registration.created',
        entityType: 'event_registration',
        entityId: row.id,
        entityLabel: row.name,
        before: null,
        after: auditView(row),
      });
      return {
        id: row.id,
        status: row.status as RegistrationStatus,
        waitlistPosition: position,
        code: row.status === 'confirmed' ? row.code : null,
        manageToken: row.manageToken,
        ticketTypeName: ticketType.name,
      };
    });
  } catch (error) {
    mapWriteError(error);
  }
}

// ---------------------------------------------------------------- the registrant's own link

async function byToken(db: Executor, token: string) {
  const row = await q.findRegistrationByToken(db, token);
  if (!row) throw new AppError('not_found');
  const event = await q.findEventById(db, row.eventId);
  const community = event ? await findCommunity(db, event.communityId) : undefined;
  if (!event || !community) throw new AppError('not_found');
  return { row, event, community };
}

export async function ownRegistration(ctx: RequestContext, token: string): Promise<MyRegistration> {
  const { row, event, community } = await byToken(ctx.db, token);
  const withPosition = await q.registrationWithPosition(ctx.db, row.id);
  return toMine(row, withPosition?.ticketTypeName ?? '', withPosition?.waitlistPosition ?? null, event, community);
}

/** For the .ics and QR downloads. */
export async function registrationForDownload(ctx: RequestContext, token: string) {
  return byToken(ctx.db, token);
}

/**
 * Cancels a live registration and, in the same transaction, gives a seat it held to the head of
 * the waitlist. `version` is checked when an organiser acts from a list they loaded.
 */
async function cancelLocked(tx: Tx, ctx: RequestContext, row: q.RegistrationRow, ec: EventContext, byOrganiser: boolean, version?: number) {
  await q.lockTicketType(tx, ec.event.id, row.ticketTypeId);
  const cancelled = await q.transition(tx, row.id, LIVE, { status: 'cancelled', waitlistNo: null, cancelledAt: new Date() }, version);
  if (!cancelled) {
    const now = await q.findRegistration(tx, ec.event.id, row.id);
    if (version !== undefined && now && now.version !== version) throw new AppError('version_conflict');
    throw new AppError('state_conflict');
  }
  const promoted = await promoteWaiting(tx, ctx, row.ticketTypeId, ec);
  await enqueueEmail(tx, {
    recipient: cancelled.email,
    template: 'event_registration_cancelled',
    locale: cancelled.locale as Locale,
    eventId: ec.event.id,
    payload: { ...eventFacts(ec.event, ec.community), name: cancelled.name, byOrganiser },
  });
  await recordAudit(tx, ctx, {
    communityId: ec.event.communityId,
    action: 'registration.cancelled',
    entityType: 'event_registration',
    entityId: row.id,
    entityLabel: row.name,
    before: auditView(row),
    after: { ...auditView(cancelled), byOrganiser },
  });
  return { cancelled, promoted };
}

export async function cancelOwn(ctx: RequestContext, token: string): Promise<{ status: RegistrationStatus }> {
  const { row, event, community } = await byToken(ctx.db, token);
  if (!LIVE.includes(row.status as RegistrationStatus)) throw new AppError('state_conflict');
  if (event.endsAt.getTime() <= Date.now() || row.checkedInAt) throw new AppError('state_conflict');
  return ctx.db.transaction(async (tx) => {
    const { cancelled } = await cancelLocked(tx, ctx, row, { event, community }, false);
    return { status: cancelled.status as RegistrationStatus };
  });
}

// ---------------------------------------------------------------- the signed-in user's list

export async function myRegistrations(ctx: RequestContext): Promise<{ items: MyRegistration[] }> {
  const user = requireUser(ctx);
  const rows = await q.registrationsOfUser(ctx.db, user.id, user.email.toLowerCase());
  const now = Date.now();
  const items = rows.map((r) => toMine(r.registration, r.ticketTypeName, r.waitlistPosition, r.event, r.community));
  // Upcoming first (soonest first), then past ones (latest first).
  const upcoming = items.filter((i) => Date.parse(i.event.endsAt) > now);
  const past = items.filter((i) => Date.parse(i.event.endsAt) <= now).reverse();
  return { items: [...upcoming, ...past] };
}

// ---------------------------------------------------------------- organisers

export async function organiserScope(ctx: RequestContext, communityId: string, eventId: string, db: Executor = ctx.db): Promise<EventContext> {
  const { community, event } = await requireManagedEvent(ctx, communityId, eventId, db);
  return { event, community };
}

const cursorSchema = z.object({ seq: z.number().int() });

export async function listRegistrations(ctx: RequestContext, communityId: string, eventId: string, query: ListQuery): Promise<z.infer<typeof registrationPageSchema>> {
  const { event } = await organiserScope(ctx, communityId, eventId);
  const after = decodeCursor(query.cursor, cursorSchema);
  const filter = { status: query.status, ticketTypeId: query.ticketTypeId, q: query.q };
  const rows = await q.listRegistrations(ctx.db, event.id, filter, { limit: query.limit + 1, afterSeq: after?.seq });
  const page = pageOf(rows, query.limit, (last) => ({ seq: last.registration.seq }));
  const counts = await q.countByStatus(ctx.db, event.id, filter);
  return {
    items: page.items.map((r) => toRegistration(r.registration, r.ticketTypeName, r.waitlistPosition)),
    nextCursor: page.nextCursor,
    counts,
    total: query.status ? counts[query.status] : Object.values(counts).reduce((a, b) => a + b, 0),
  };
}

async function reply(tx: Executor, id: string, promoted: { id: string; name: string }[]) {
  const row = await q.registrationWithPosition(tx, id);
  return { registration: toRegistration(row!.registration, row!.ticketTypeName, row!.waitlistPosition), promoted };
}

async function requireRegistration(tx: Executor, eventId: string, registrationId: string) {
  const row = await q.findRegistration(tx, eventId, registrationId);
  if (!row) throw new AppError('not_found');
  return row;
}

/** Reviewed mode: a pending registration takes a free seat, else joins the waitlist (the reply says which). */
export async function approve(ctx: RequestContext, communityId: string, eventId: string, registrationId: string, version: number) {
  return ctx.db.transaction(async (tx) => {
    const ec = await organiserScope(ctx, communityId, eventId, tx);
    const row = await requireRegistration(tx, eventId, registrationId);
    const ticketType = await q.lockTicketType(tx, eventId, row.ticketTypeId);
    if (!ticketType) throw new AppError('not_found');
    if (row.version !== version) throw new AppError('version_conflict');
    if (row.status !== 'pending') throw new AppError('state_conflict');
    const placement = placeWithSeat({ capacity: ticketType.capacity, confirmed: ticketType.confirmedCount, waitlistSeq: ticketType.waitlistSeq });
    if (placement.status === 'waitlisted') await q.setWaitlistSeq(tx, ticketType.id, placement.waitlistNo);
    const now = new Date();
    const updated = await q.transition(
      tx,
      row.id,
      ['pending'],
      {
        status: placement.status,
        waitlistNo: placement.status === 'waitlisted' ? placement.waitlistNo : null,
        confirmedAt: placement.status === 'confirmed' ? now : null,
        decidedBy: ctx.user?.id ?? null,
        decidedAt: now,
      },
      version,
    );
    if (!updated) throw new AppError('version_conflict');
    const position = updated.waitlistNo !== null ? await q.waitlistPosition(tx, ticketType.id, updated.waitlistNo) : null;
    await messageForStatus(tx, ctx, updated, ticketType.name, position, ec);
    await recordAudit(tx, ctx, {
      communityId: ec.event.communityId,
      action: 'registration.approved',
      entityType: 'event_registration',
      entityId: row.id,
      entityLabel: row.name,
      before: auditView(row),
      after: auditView(updated),
    });
    return reply(tx, row.id, []);
  }).catch(mapWriteError);
}

export async function decline(ctx: RequestContext, communityId: string, eventId: string, registrationId: string, input: DeclineInput) {
  return ctx.db.transaction(async (tx) => {
    const ec = await organiserScope(ctx, communityId, eventId, tx);
    const row = await requireRegistration(tx, eventId, registrationId);
    if (row.version !== input.version) throw new AppError('version_conflict');
    if (row.status !== 'pending') throw new AppError('state_conflict');
    const reason = input.reason?.trim() || null;
    const updated = await q.transition(tx, row.id, ['pending'], { status: 'declined', decidedBy: ctx.user?.id ?? null, decidedAt: new Date(), declineReason: reason }, input.version);
    if (!updated) throw new AppError('version_conflict');
    await enqueueEmail(tx, {
      recipient: updated.email,
      template: 'event_registration_declined',
      locale: updated.locale as Locale,
      eventId: ec.event.id,
      payload: { ...eventFacts(ec.event, ec.community), name: updated.name, reason },
    });
    await recordAudit(tx, ctx, {
      communityId: ec.event.communityId,
      action: 'registration.declined',
      entityType: 'event_registration',
      entityId: row.id,
      entityLabel: row.name,
      before: auditView(row),
      after: { ...auditView(updated), declineReason: reason },
    });
    return reply(tx, row.id, []);
  });
}

export async function cancelByOrganiser(ctx: RequestContext, communityId: string, eventId: string, registrationId: string, version: number) {
  return ctx.db.transaction(async (tx) => {
    const ec = await organiserScope(ctx, communityId, eventId, tx);
    const row = await requireRegistration(tx, eventId, registrationId);
    if (row.version !== version) throw new AppError('version_conflict');
    if (!LIVE.includes(row.status as RegistrationStatus)) throw new AppError('state_conflict');
    const { promoted } = await cancelLocked(tx, ctx, row, ec, true, version);
    return reply(tx, row.id, promoted);
  });
}
