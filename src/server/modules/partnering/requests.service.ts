/**
 * Meeting requests (ask, accept, decline, cancel) and wish lists. Every write locks the two
 * participants' rows (in id order) before the request row, as withdrawing does, so a request
 * cannot slip past a withdrawal or a sender's allowance; the partial unique index on live
 * pairs is the last word on "one live request per pair" under any concurrency.
 */
import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import { deadlinePassed, meetingWeight, requestBlockedBy, type RequestBlock } from '../../../domain/partnering/request-rules';
import type { Locale } from '../../../domain/locales';
import type { PartneringPriority, PartneringSide, ParticipantStatus, RequestStatus } from '../../../domain/partnering/vocabularies';
import type {
  PartneringRequest,
  requestAcceptInput,
  requestCancelInput,
  requestCreateInput,
  requestDeclineInput,
  requestListQuery,
  requestPageSchema,
  wishListInput,
  wishListSchema,
} from '../../../shared/schemas/partnering';
import type { ErrorCode } from '../../../shared/errors';
import type { Executor, Tx } from '../../db/client';
import { partneringLocations, partneringMeetings, partneringRequests, partneringSlots, partneringWishes } from '../../db/schema';
import type { RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { decodeCursor, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/record';
import { isUniqueViolation } from '../directory/validation';
import { eventFacts } from '../events/access';
import { enqueueEmail } from '../outbox/enqueue';
import { loadScope, lockParticipants, participantsByIds, partneringLink, requireActive, rulesOf, type ParticipantRow, type PartneringScope } from './access';
import { toCard, visibleProjectsOf } from './cards';
import { recipients, tellCancelled, toSlot } from './profile.service';

type RequestRow = typeof partneringRequests.$inferSelect;

const BLOCK_ERROR: Record<Exclude<RequestBlock, 'self' | 'withdrawn'>, ErrorCode> = {
  rules_pair: 'partnering_rules_pair',
  deadline: 'partnering_deadline_passed',
  max_requests: 'partnering_max_requests',
  existing_request: 'partnering_request_exists',
  wishlist_mode: 'partnering_wishlist_mode',
};

// ---------------------------------------------------------------- shaping

async function shapeRequests(ctx: RequestContext, db: Executor, eventId: string, me: ParticipantRow, rows: RequestRow[]): Promise<PartneringRequest[]> {
  const counterpartIds = rows.map((r) => (r.fromParticipantId === me.id ? r.toParticipantId : r.fromParticipantId));
  const counterparts = await participantsByIds(db, eventId, counterpartIds);
  const projectsById = await visibleProjectsOf(ctx, db, [...counterparts.values()]);
  const accepted = rows.filter((r) => r.status === 'accepted').map((r) => r.id);
  const meetings = accepted.length
    ? await db
        .select({ meeting: partneringMeetings, slot: partneringSlots, locationName: partneringLocations.name })
        .from(partneringMeetings)
        .leftJoin(partneringSlots, eq(partneringSlots.id, partneringMeetings.publishedSlotId))
        .leftJoin(partneringLocations, eq(partneringLocations.id, partneringMeetings.publishedLocationId))
        .where(and(inArray(partneringMeetings.requestId, accepted), eq(partneringMeetings.status, 'active')))
    : [];
  const byRequest = new Map(meetings.map((m) => [m.meeting.requestId!, m]));
  return rows.map((r) => {
    const outgoing = r.fromParticipantId === me.id;
    const m = byRequest.get(r.id);
    return {
      id: r.id,
      direction: outgoing ? 'outgoing' : 'incoming',
      counterpart: toCard(counterparts.get(outgoing ? r.toParticipantId : r.fromParticipantId)!, projectsById),
      priority: r.priority as PartneringPriority,
      responsePriority: (r.responsePriority as PartneringPriority | null) ?? null,
      message: r.message,
      status: r.status as RequestStatus,
      declineReason: r.declineReason,
      cancelledByMe: r.status === 'cancelled' ? r.cancelledByParticipantId === me.id : null,
      respondedAt: r.respondedAt ? r.respondedAt.toISOString() : null,
      createdAt: r.createdAt.toISOString(),
      meeting: m ? { id: m.meeting.id, slot: m.slot ? toSlot(m.slot) : null, locationName: m.locationName ?? null } : null,
      version: r.version,
    };
  });
}

function auditView(r: RequestRow) {
  return { status: r.status, priority: r.priority, responsePriority: r.responsePriority, declineReason: r.declineReason };
}

// ---------------------------------------------------------------- reading

const requestCursor = z.object({ c: z.string(), i: z.string() });

export async function listRequests(ctx: RequestContext, eventId: string, query: z.output<typeof requestListQuery>): Promise<z.infer<typeof requestPageSchema>> {
  const scope = await loadScope(ctx, eventId);
  const me = scope.me;
  if (!me) throw new AppError('partnering_not_participant');
  const box =
    query.box === 'incoming'
      ? eq(partneringRequests.toParticipantId, me.id)
      : query.box === 'outgoing'
        ? eq(partneringRequests.fromParticipantId, me.id)
        : or(eq(partneringRequests.fromParticipantId, me.id), eq(partneringRequests.toParticipantId, me.id));
  const conditions = [eq(partneringRequests.eventId, eventId), box];
  if (query.status) conditions.push(eq(partneringRequests.status, query.status));
  const after = decodeCursor(query.cursor, requestCursor);
  if (after) {
    const at = new Date(after.c);
    conditions.push(or(lt(partneringRequests.createdAt, at), and(eq(partneringRequests.createdAt, at), lt(partneringRequests.id, after.i))));
  }
  const rows = await ctx.db
    .select()
    .from(partneringRequests)
    .where(and(...conditions))
    .orderBy(desc(partneringRequests.createdAt), desc(partneringRequests.id))
    .limit(query.limit + 1);
  const { items, nextCursor } = pageOf(rows, query.limit, (last) => ({ c: last.createdAt.toISOString(), i: last.id }));
  return { items: await shapeRequests(ctx, ctx.db, eventId, me, items), nextCursor };
}

// ---------------------------------------------------------------- asking

async function liveSentBy(db: Executor, participantId: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(partneringRequests)
    .where(and(eq(partneringRequests.fromParticipantId, participantId), inArray(partneringRequests.status, ['pending', 'accepted'])));
  return Number(row?.n ?? 0);
}

async function liveBetween(db: Executor, eventId: string, a: string, b: string): Promise<boolean> {
  const [row] = await db
    .select({ id: partneringRequests.id })
    .from(partneringRequests)
    .where(
      and(
        eq(partneringRequests.eventId, eventId),
        inArray(partneringRequests.status, ['pending', 'accepted']),
        or(
          and(eq(partneringRequests.fromParticipantId, a), eq(partneringRequests.toParticipantId, b)),
          and(eq(partneringRequests.fromParticipantId, b), eq(partneringRequests.toParticipantId, a)),
        ),
      ),
    )
    .limit(1);
  return Boolean(row);
}

export async function createRequest(ctx: RequestContext, eventId: string, input: z.output<typeof requestCreateInput>): Promise<PartneringRequest> {
  try {
    return await ctx.db.transaction((tx) => createRequestIn(tx, ctx, eventId, input));
  } catch (error) {
    // Both sides asked at the same instant: the index lets one through.
    if (isUniqueViolation(error, 'partnering_requests_live_pair_key')) throw new AppError('partnering_request_exists');
    throw error;
  }
}

/**
 * The request, inside the caller's transaction (a match contact creates one together with its
 * feedback). The caller maps the live-pair unique violation to partnering_request_exists.
 */
export async function createRequestIn(tx: Tx, ctx: RequestContext, eventId: string, input: z.output<typeof requestCreateInput>): Promise<PartneringRequest> {
  const scope = await loadScope(ctx, eventId, tx);
  const meId = requireActive(scope).id;
  if (input.toParticipantId === meId) throw new AppError('validation_failed', { fields: { toParticipantId: 'partnering_self' } });
  const locked = await lockParticipants(tx, eventId, [meId, input.toParticipantId]);
  const me = locked.get(meId)!;
  const target = locked.get(input.toParticipantId);
  if (me.status !== 'active') throw new AppError('partnering_not_participant');
  if (!target || target.status !== 'active') throw new AppError('not_found');
  const blocked = requestBlockedBy(rulesOf(scope), {
    now: Date.now(),
    from: { id: me.id, side: me.side as PartneringSide, status: me.status as ParticipantStatus },
    to: { id: target.id, side: target.side as PartneringSide, status: target.status as ParticipantStatus },
    liveSent: await liveSentBy(tx, me.id),
    liveBetween: await liveBetween(tx, eventId, me.id, target.id),
  });
  if (blocked === 'self' || blocked === 'withdrawn') throw new AppError('not_found');
  if (blocked) throw new AppError(BLOCK_ERROR[blocked]);
  const [row] = (await tx
    .insert(partneringRequests)
    .values({ eventId, fromParticipantId: me.id, toParticipantId: target.id, priority: input.priority, message: input.message })
    .returning()) as [RequestRow];
  const [to] = await recipients(tx, [target.id]);
  await enqueueEmail(tx, {
    recipient: to!.email,
    template: 'partnering_request_received',
    locale: target.locale as Locale,
    eventId,
    payload: {
      ...eventFacts(scope.event, scope.community),
      name: target.displayName,
      fromName: me.displayName,
      fromOrganisation: me.organisationName,
      priority: input.priority,
      message: input.message,
      link: partneringLink(ctx, eventId),
    },
  });
  await recordAudit(tx, ctx, {
    communityId: scope.event.communityId,
    action: 'partnering_request.created',
    entityType: 'partnering_request',
    entityId: row.id,
    entityLabel: `${me.displayName} → ${target.displayName}`,
    before: null,
    after: auditView(row),
  });
  return (await shapeRequests(ctx, tx, eventId, me, [row]))[0]!;
}

// ---------------------------------------------------------------- answering and cancelling

interface Locked {
  scope: PartneringScope;
  me: ParticipantRow;
  other: ParticipantRow;
  request: RequestRow;
}

/**
 * Locks the request's two participants, then the request, and checks the caller is one of
 * them (else 404) and that the version matches (409 version_conflict).
 */
async function lockRequest(tx: Tx, ctx: RequestContext, eventId: string, requestId: string, version: number): Promise<Locked> {
  const scope = await loadScope(ctx, eventId, tx);
  const meRow = scope.me;
  if (!meRow) throw new AppError('not_found');
  const [peek] = await tx
    .select({ from: partneringRequests.fromParticipantId, to: partneringRequests.toParticipantId })
    .from(partneringRequests)
    .where(and(eq(partneringRequests.eventId, eventId), eq(partneringRequests.id, requestId)));
  if (!peek || (peek.from !== meRow.id && peek.to !== meRow.id)) throw new AppError('not_found');
  const locked = await lockParticipants(tx, eventId, [peek.from, peek.to]);
  const [request] = await tx.select().from(partneringRequests).where(eq(partneringRequests.id, requestId)).for('update');
  if (!request) throw new AppError('not_found');
  const me = locked.get(meRow.id)!;
  const other = locked.get(peek.from === me.id ? peek.to : peek.from)!;
  if (request.version !== version) throw new AppError('version_conflict');
  return { scope, me, other, request };
}

async function tellAnswered(tx: Tx, ctx: RequestContext, l: Locked, accepted: boolean, reason: string | null) {
  const [to] = await recipients(tx, [l.other.id]);
  await enqueueEmail(tx, {
    recipient: to!.email,
    template: 'partnering_request_answered',
    locale: l.other.locale as Locale,
    eventId: l.scope.event.id,
    payload: {
      ...eventFacts(l.scope.event, l.scope.community),
      name: l.other.displayName,
      counterpartName: l.me.displayName,
      counterpartOrganisation: l.me.organisationName,
      accepted,
      reason,
      link: partneringLink(ctx, l.scope.event.id),
    },
  });
}

/**
 * The receiver accepts: the request becomes accepted and a meeting to schedule is created in the
 * same transaction, weighted by the higher of the two priorities (participant A is the sender).
 */
export async function acceptRequest(ctx: RequestContext, eventId: string, requestId: string, input: z.output<typeof requestAcceptInput>): Promise<PartneringRequest> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const l = await lockRequest(tx, ctx, eventId, requestId, input.version);
      const { me, other, request, scope } = l;
      if (request.toParticipantId !== me.id) throw new AppError('forbidden');
      if (request.status !== 'pending') throw new AppError('partnering_request_not_pending');
      if (me.status !== 'active') throw new AppError('partnering_not_participant');
      if (other.status !== 'active') throw new AppError('partnering_request_not_pending');
      if (deadlinePassed(rulesOf(scope), Date.now())) throw new AppError('partnering_deadline_passed');
      const now = new Date();
      const responsePriority = input.priority ?? (request.priority as PartneringPriority);
      const [row] = (await tx
        .update(partneringRequests)
        .set({ status: 'accepted', responsePriority, respondedAt: now, version: sql`${partneringRequests.version} + 1`, updatedAt: now })
        .where(eq(partneringRequests.id, request.id))
        .returning()) as [RequestRow];
      await tx.insert(partneringMeetings).values({
        eventId,
        requestId: request.id,
        participantAId: request.fromParticipantId,
        participantBId: request.toParticipantId,
        source: 'request',
        weight: meetingWeight(request.priority as PartneringPriority, responsePriority),
      });
      await tellAnswered(tx, ctx, l, true, null);
      await recordAudit(tx, ctx, {
        communityId: scope.event.communityId,
        action: 'partnering_request.accepted',
        entityType: 'partnering_request',
        entityId: row.id,
        entityLabel: `${other.displayName} → ${me.displayName}`,
        before: auditView(request),
        after: auditView(row),
      });
      return (await shapeRequests(ctx, tx, eventId, me, [row]))[0]!;
    });
  } catch (error) {
    // An organiser already added a meeting for the pair.
    if (isUniqueViolation(error, 'partnering_meetings_live_pair_key')) throw new AppError('partnering_meeting_exists');
    throw error;
  }
}

export async function declineRequest(ctx: RequestContext, eventId: string, requestId: string, input: z.output<typeof requestDeclineInput>): Promise<PartneringRequest> {
  return ctx.db.transaction(async (tx) => {
    const l = await lockRequest(tx, ctx, eventId, requestId, input.version);
    const { me, other, request, scope } = l;
    if (request.toParticipantId !== me.id) throw new AppError('forbidden');
    if (request.status !== 'pending') throw new AppError('partnering_request_not_pending');
    const now = new Date();
    const reason = input.reason ? input.reason : null;
    const [row] = (await tx
      .update(partneringRequests)
      .set({ status: 'declined', declineReason: reason, respondedAt: now, version: sql`${partneringRequests.version} + 1`, updatedAt: now })
      .where(eq(partneringRequests.id, request.id))
      .returning()) as [RequestRow];
    await tellAnswered(tx, ctx, l, false, reason);
    await recordAudit(tx, ctx, {
      communityId: scope.event.communityId,
      action: 'partnering_request.declined',
      entityType: 'partnering_request',
      entityId: row.id,
      entityLabel: `${other.displayName} → ${me.displayName}`,
      before: auditView(request),
      after: auditView(row),
    });
    return (await shapeRequests(ctx, tx, eventId, me, [row]))[0]!;
  });
}

/** Either side cancels a pending or accepted request; an accepted one's meeting is cancelled with it. */
export async function cancelRequest(ctx: RequestContext, eventId: string, requestId: string, input: z.output<typeof requestCancelInput>): Promise<PartneringRequest> {
  return ctx.db.transaction(async (tx) => {
    const l = await lockRequest(tx, ctx, eventId, requestId, input.version);
    const { me, other, request, scope } = l;
    if (request.status !== 'pending' && request.status !== 'accepted') throw new AppError('partnering_request_not_pending');
    const now = new Date();
    const reason = input.reason ? input.reason : null;
    const [row] = (await tx
      .update(partneringRequests)
      .set({ status: 'cancelled', cancelledByParticipantId: me.id, cancelledAt: now, declineReason: reason, version: sql`${partneringRequests.version} + 1`, updatedAt: now })
      .where(eq(partneringRequests.id, request.id))
      .returning()) as [RequestRow];
    const meetings = await tx
      .update(partneringMeetings)
      .set({ status: 'cancelled', cancelledAt: now, version: sql`${partneringMeetings.version} + 1`, updatedAt: now })
      .where(and(eq(partneringMeetings.requestId, request.id), eq(partneringMeetings.status, 'active')))
      .returning({ id: partneringMeetings.id });
    await tellCancelled(tx, ctx, scope, me, [other.id], reason);
    await recordAudit(tx, ctx, {
      communityId: scope.event.communityId,
      action: 'partnering_request.cancelled',
      entityType: 'partnering_request',
      entityId: row.id,
      entityLabel: `${me.displayName} ✕ ${other.displayName}`,
      before: auditView(request),
      after: { ...auditView(row), meetingsCancelled: meetings.length },
    });
    return (await shapeRequests(ctx, tx, eventId, me, [row]))[0]!;
  });
}

// ---------------------------------------------------------------- wish lists

async function shapeWishes(ctx: RequestContext, db: Executor, eventId: string, me: ParticipantRow): Promise<z.infer<typeof wishListSchema>> {
  const mine = await db.select().from(partneringWishes).where(eq(partneringWishes.participantId, me.id));
  if (!mine.length) return { items: [] };
  const targets = await participantsByIds(db, eventId, mine.map((w) => w.targetParticipantId));
  const back = await db
    .select({ from: partneringWishes.participantId })
    .from(partneringWishes)
    .where(and(eq(partneringWishes.targetParticipantId, me.id), inArray(partneringWishes.participantId, [...targets.keys()])));
  const wishedBack = new Set(back.map((b) => b.from));
  const projectsById = await visibleProjectsOf(ctx, db, [...targets.values()]);
  const order = ['must', 'would_like', 'if_time'];
  return {
    items: mine
      .filter((w) => targets.get(w.targetParticipantId)?.status === 'active')
      .map((w) => ({ target: toCard(targets.get(w.targetParticipantId)!, projectsById), priority: w.priority as PartneringPriority, mutual: wishedBack.has(w.targetParticipantId) }))
      .sort((a, b) => order.indexOf(a.priority) - order.indexOf(b.priority) || a.target.displayName.localeCompare(b.target.displayName, 'zh-CN')),
  };
}

export async function getWishes(ctx: RequestContext, eventId: string): Promise<z.infer<typeof wishListSchema>> {
  const scope = await loadScope(ctx, eventId);
  if (!scope.me) throw new AppError('partnering_not_participant');
  return shapeWishes(ctx, ctx.db, eventId, scope.me);
}

/**
 * Replaces the caller's wish list (wish-list mode only, before the deadline). Each target must be
 * an active participant other than the caller that the pair rules let them ask for (400 per
 * row); the request allowance caps the list's length (409 partnering_max_requests).
 */
export async function putWishes(ctx: RequestContext, eventId: string, input: z.output<typeof wishListInput>): Promise<z.infer<typeof wishListSchema>> {
  return ctx.db.transaction(async (tx) => {
    const scope = await loadScope(ctx, eventId, tx, { lockMe: true });
    const me = requireActive(scope);
    const rules = rulesOf(scope);
    if (rules.mode !== 'wishlist') throw new AppError('partnering_requests_mode');
    if (deadlinePassed(rules, Date.now())) throw new AppError('partnering_deadline_passed');
    const targets = await participantsByIds(tx, eventId, input.items.map((w) => w.targetParticipantId));
    const fields: Record<string, string> = {};
    input.items.forEach((w, i) => {
      const target = targets.get(w.targetParticipantId);
      if (w.targetParticipantId === me.id) fields[`items.${i}.targetParticipantId`] = 'partnering_self';
      else if (!target || target.status !== 'active') fields[`items.${i}.targetParticipantId`] = 'partnering_not_active_participant';
      else if (requestBlockedBy({ ...rules, mode: 'requests', maxRequestsPerParticipant: null }, { now: Date.now(), from: { id: me.id, side: me.side as PartneringSide, status: 'active' }, to: { id: target.id, side: target.side as PartneringSide, status: 'active' }, liveSent: 0, liveBetween: false }) === 'rules_pair')
        fields[`items.${i}.targetParticipantId`] = 'partnering_rules_pair';
    });
    if (Object.keys(fields).length) throw new AppError('validation_failed', { fields });
    if (rules.maxRequestsPerParticipant !== null && input.items.length > rules.maxRequestsPerParticipant) throw new AppError('partnering_max_requests');
    const before = await tx.select().from(partneringWishes).where(eq(partneringWishes.participantId, me.id));
    await tx.delete(partneringWishes).where(eq(partneringWishes.participantId, me.id));
    if (input.items.length) {
      await tx.insert(partneringWishes).values(input.items.map((w) => ({ eventId, participantId: me.id, targetParticipantId: w.targetParticipantId, priority: w.priority })));
    }
    await recordAudit(tx, ctx, {
      communityId: scope.event.communityId,
      action: 'partnering_wishes.replaced',
      entityType: 'partnering_participant',
      entityId: me.id,
      entityLabel: me.displayName,
      before: { wishes: before.map((w) => `${w.targetParticipantId}:${w.priority}`).sort() },
      after: { wishes: input.items.map((w) => `${w.targetParticipantId}:${w.priority}`).sort() },
    });
    return shapeWishes(ctx, tx, eventId, me);
  });
}
