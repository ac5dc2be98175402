import { z } from 'zod';
import { isLocale, type Locale } from '../../../domain/locales';
import type { ApprovalMode, EventKind, EventStatus, EventVisibility, Normalisation, OrganiserRole } from '../../../domain/events/vocabularies';
import type {
  EventDetail,
  EventPage,
  EventSummary,
  eventCancelInput,
  eventCreateInput,
  eventDuplicateInput,
  eventListQuery,
  eventUpdateInput,
  eventVersionInput,
} from '../../../shared/schemas/events';
import { can } from '../../../domain/roles';
import type { Executor } from '../../db/client';
import { requireUser, type RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { decodeCursor, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/record';
import { requireCommunityAccess } from '../communities/access';
import type { CommunityRow } from '../communities/queries';
import { enqueueEmail } from '../outbox/enqueue';
import { eventFacts, findVisibleEvent, requireManagedEvent } from './access';
import * as q from './queries';
import { sanitiseDescription } from './sanitise';

/**
 * Events of a community: creating and changing them, publishing, cancelling (everyone still
 * registered is told, in their own language), deleting drafts, and copying an event as next
 * month's draft. Ticket types beyond the first, registrations, the door, applications and
 * judging have their own modules; this one owns the event record and its organisers.
 */

type CreateInput = z.output<typeof eventCreateInput>;
type UpdateInput = z.output<typeof eventUpdateInput>;
type ListQuery = z.output<typeof eventListQuery>;

/** The first ticket type's name, in the language of whoever created the event. */
const FIRST_TICKET_NAME: Record<Locale, string> = { 'zh-CN': '普通参会', 'zh-TW': '一般參會', en: 'General admission' };

// ---------------------------------------------------------------- serialising

type Counts = { confirmedCount: number; capacity: number; checkedInCount: number };
const NO_COUNTS: Counts = { confirmedCount: 0, capacity: 0, checkedInCount: 0 };

export function toSummary(row: q.EventRow, timeZone: string, counts: Counts = NO_COUNTS): EventSummary {
  return {
    id: row.id,
    communityId: row.communityId,
    kind: row.kind as EventKind,
    title: row.title,
    summary: row.summary,
    venue: row.venue,
    onlineUrl: row.onlineUrl,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    timeZone,
    visibility: row.visibility as EventVisibility,
    status: row.status as EventStatus,
    ...counts,
  };
}

export async function eventDetail(db: Executor, row: q.EventRow, community: CommunityRow, canManage: boolean): Promise<EventDetail> {
  const counts = (await q.eventCounts(db, [row.id])).get(row.id);
  const organisers = await q.organisersOf(db, [row.id]);
  return {
    ...toSummary(row, community.timeZone, counts),
    community: { id: community.id, slug: community.slug, kind: community.kind, nameZhHans: community.nameZhHans, nameZhHant: community.nameZhHant, nameEn: community.nameEn },
    descriptionHtml: row.descriptionHtml,
    approvalMode: row.approvalMode as ApprovalMode,
    registrationClosesAt: row.registrationClosesAt?.toISOString() ?? null,
    registrationQuestions: row.registrationQuestions,
    applicationsOpen: row.applicationsOpen,
    applicationDeadline: row.applicationDeadline?.toISOString() ?? null,
    applicationQuestions: row.applicationQuestions,
    normalisation: row.normalisation as Normalisation,
    organisers: organisers.map((o) => ({
      organisation: { entityType: 'organisation' as const, id: o.organisationId, nameZh: o.nameZh, nameEn: o.nameEn },
      role: o.role as OrganiserRole,
      position: o.position,
    })),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    cancelledAt: row.cancelledAt?.toISOString() ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    canManage,
    publicPath: `/e/${row.id}`,
  };
}

function auditView(row: q.EventRow, organisers?: { organisationId: string; role: string }[]) {
  return {
    kind: row.kind,
    title: row.title,
    summary: row.summary,
    descriptionHtml: row.descriptionHtml,
    venue: row.venue,
    onlineUrl: row.onlineUrl,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    visibility: row.visibility,
    status: row.status,
    approvalMode: row.approvalMode,
    registrationClosesAt: row.registrationClosesAt?.toISOString() ?? null,
    registrationQuestions: row.registrationQuestions.map((x) => x.id).join(','),
    ...(organisers ? { organisers: organisers.map((o) => `${o.organisationId}:${o.role}`).join(',') } : {}),
  };
}

// ---------------------------------------------------------------- checking input

interface Effective {
  kind: string;
  visibility: string;
  startsAt: Date;
  endsAt: Date;
  registrationClosesAt: Date | null;
}

/** All field problems at once, so the form can mark every one. */
async function checkEvent(db: Executor, e: Effective, organisers?: { organisationId: string }[]) {
  const fields: Record<string, string> = {};
  if (e.endsAt <= e.startsAt) fields.endsAt = 'events_ends_before_start';
  if (e.kind === 'closed_door' && e.visibility !== 'invitation') fields.visibility = 'events_closed_door_invitation';
  if (e.registrationClosesAt && e.registrationClosesAt > e.endsAt) fields.registrationClosesAt = 'events_registration_closes_after_end';
  if (organisers) {
    const ids = organisers.map((o) => o.organisationId);
    if (new Set(ids).size !== ids.length) fields.organisers = 'events_organiser_duplicate';
    const found = await q.existingOrganisations(db, [...new Set(ids)]);
    organisers.forEach((o, i) => {
      if (!found.has(o.organisationId)) fields[`organisers.${i}.organisationId`] = 'events_organiser_unknown';
    });
  }
  if (Object.keys(fields).length) throw new AppError('validation_failed', { fields });
}

const date = (iso: string | null | undefined) => (iso ? new Date(iso) : null);


/**
 * The event as a member sees it: the community gate first (non-members: not_found), then the
 * visibility rule, and the event must belong to the community in the path.
 */
export async function requireReadableEvent(ctx: RequestContext, communityId: string, eventId: string) {
  await requireCommunityAccess(ctx, communityId, 'community.read');
  const visible = await findVisibleEvent(ctx, eventId);
  if (visible.event.communityId !== communityId) throw new AppError('not_found');
  return visible;
}

// ---------------------------------------------------------------- list and read

const cursorSchema = z.object({ s: z.iso.datetime({ offset: true }), id: z.uuid() });

export async function listEvents(ctx: RequestContext, communityId: string, query: ListQuery): Promise<EventPage> {
  const { community, standing } = await requireCommunityAccess(ctx, communityId, 'community.read');
  const user = requireUser(ctx);
  const canManage = can(standing, 'events.manage');
  const after = decodeCursor(query.cursor, cursorSchema);
  const rows = await q.listEvents(ctx.db, communityId, { canManage, userId: user.id, email: user.email }, query, {
    limit: query.limit + 1,
    after: after ? { startsAt: after.s, id: after.id } : undefined,
  });
  const page = pageOf(rows, query.limit, (last) => ({ s: last.startsAt.toISOString(), id: last.id }));
  const counts = await q.eventCounts(ctx.db, page.items.map((r) => r.id));
  return { items: page.items.map((r) => toSummary(r, community.timeZone, counts.get(r.id))), nextCursor: page.nextCursor };
}

export async function getEvent(ctx: RequestContext, communityId: string, eventId: string): Promise<EventDetail> {
  const { event, community, viewer } = await requireReadableEvent(ctx, communityId, eventId);
  return eventDetail(ctx.db, event, community, viewer.canManage);
}

// ---------------------------------------------------------------- write

export async function createEvent(ctx: RequestContext, communityId: string, input: CreateInput): Promise<EventDetail> {
  const descriptionHtml = sanitiseDescription(input.descriptionHtml ?? '');
  return ctx.db.transaction(async (tx) => {
    const { community } = await requireCommunityAccess(ctx, communityId, 'events.manage', tx);
    const visibility = input.visibility ?? (input.kind === 'closed_door' ? 'invitation' : 'public');
    const organisers = input.organisers ?? [];
    await checkEvent(tx, { kind: input.kind, visibility, startsAt: new Date(input.startsAt), endsAt: new Date(input.endsAt), registrationClosesAt: date(input.registrationClosesAt) }, organisers);
    const row = await q.insertEvent(tx, {
      communityId,
      kind: input.kind,
      title: input.title,
      summary: input.summary ?? '',
      descriptionHtml,
      venue: input.venue ?? '',
      onlineUrl: input.onlineUrl ?? null,
      startsAt: new Date(input.startsAt),
      endsAt: new Date(input.endsAt),
      visibility,
      approvalMode: input.approvalMode ?? 'automatic',
      registrationClosesAt: date(input.registrationClosesAt),
      registrationQuestions: input.registrationQuestions ?? [],
      createdBy: requireUser(ctx).id,
    });
    await q.replaceOrganisers(tx, row.id, organisers);
    await q.insertTicketType(tx, { eventId: row.id, name: FIRST_TICKET_NAME[ctx.locale], capacity: input.capacity, position: 0 });
    await recordAudit(tx, ctx, {
      communityId,
      action: 'event.created',
      entityType: 'event',
      entityId: row.id,
      entityLabel: row.title,
      before: null,
      after: { ...auditView(row, organisers), capacity: input.capacity },
    });
    return eventDetail(tx, row, community, true);
  });
}

export async function updateEvent(ctx: RequestContext, communityId: string, eventId: string, input: UpdateInput): Promise<EventDetail> {
  const descriptionHtml = input.descriptionHtml !== undefined ? sanitiseDescription(input.descriptionHtml) : undefined;
  return ctx.db.transaction(async (tx) => {
    const { community, event: before } = await requireManagedEvent(ctx, communityId, eventId, tx);
    if (before.status === 'cancelled') throw new AppError('state_conflict', { detail: 'a cancelled event cannot be changed' });
    const { version, organisers, ...rest } = input;
    const kind = rest.kind ?? before.kind;
    // A meeting turned closed-door becomes invitation-only unless the organiser said otherwise.
    const visibility = rest.visibility ?? (kind === 'closed_door' ? 'invitation' : before.visibility);
    const startsAt = rest.startsAt ? new Date(rest.startsAt) : before.startsAt;
    const endsAt = rest.endsAt ? new Date(rest.endsAt) : before.endsAt;
    const registrationClosesAt = rest.registrationClosesAt !== undefined ? date(rest.registrationClosesAt) : before.registrationClosesAt;
    await checkEvent(tx, { kind, visibility, startsAt, endsAt, registrationClosesAt }, organisers);
    const values: Partial<q.EventValues> = { kind, visibility, startsAt, endsAt, registrationClosesAt };
    if (rest.title !== undefined) values.title = rest.title;
    if (rest.summary !== undefined) values.summary = rest.summary;
    if (descriptionHtml !== undefined) values.descriptionHtml = descriptionHtml;
    if (rest.venue !== undefined) values.venue = rest.venue;
    if (rest.onlineUrl !== undefined) values.onlineUrl = rest.onlineUrl;
    if (rest.approvalMode !== undefined) values.approvalMode = rest.approvalMode;
    if (rest.registrationQuestions !== undefined) values.registrationQuestions = rest.registrationQuestions;
    const beforeOrganisers = organisers ? (await q.organisersOf(tx, [eventId])).map((o) => ({ organisationId: o.organisationId, role: o.role })) : undefined;
    const after = await q.updateEvent(tx, communityId, eventId, version, values);
    if (!after) throw new AppError('version_conflict');
    if (organisers) await q.replaceOrganisers(tx, eventId, organisers);
    await recordAudit(tx, ctx, {
      communityId,
      action: 'event.updated',
      entityType: 'event',
      entityId: eventId,
      entityLabel: after.title,
      before: auditView(before, beforeOrganisers),
      after: auditView(after, organisers),
    });
    return eventDetail(tx, after, community, true);
  });
}

/** A status change on the version the organiser saw (when they sent one), from the state it needs. */
async function changeStatus(tx: Executor, communityId: string, before: q.EventRow, version: number | undefined, values: Partial<q.EventValues>) {
  const after = await q.updateEvent(tx, communityId, before.id, version ?? before.version, values);
  if (!after) throw new AppError('version_conflict');
  return after;
}

export async function publishEvent(ctx: RequestContext, communityId: string, eventId: string, input: z.output<typeof eventVersionInput>): Promise<EventDetail> {
  return ctx.db.transaction(async (tx) => {
    const { community, event: before } = await requireManagedEvent(ctx, communityId, eventId, tx, { lock: true });
    if (input.version !== undefined && input.version !== before.version) throw new AppError('version_conflict');
    if (before.status !== 'draft') throw new AppError('state_conflict', { detail: `the event is ${before.status}` });
    if ((await q.ticketTypesOf(tx, eventId)).length === 0) throw new AppError('state_conflict', { fields: { tickets: 'events_publish_needs_ticket' } });
    const after = await changeStatus(tx, communityId, before, input.version, { status: 'published', publishedAt: new Date() });
    await recordAudit(tx, ctx, { communityId, action: 'event.published', entityType: 'event', entityId: eventId, entityLabel: after.title, before: { status: before.status }, after: { status: after.status } });
    return eventDetail(tx, after, community, true);
  });
}

/** Cancels a published event and tells everyone still registered, each in the language they registered in. */
export async function cancelEvent(ctx: RequestContext, communityId: string, eventId: string, input: z.output<typeof eventCancelInput>): Promise<EventDetail> {
  return ctx.db.transaction(async (tx) => {
    const { community, event: before } = await requireManagedEvent(ctx, communityId, eventId, tx, { lock: true });
    if (input.version !== undefined && input.version !== before.version) throw new AppError('version_conflict');
    if (before.status !== 'published') throw new AppError('state_conflict', { detail: `the event is ${before.status}` });
    const after = await changeStatus(tx, communityId, before, input.version, { status: 'cancelled', cancelledAt: new Date() });
    const facts = eventFacts(after, community);
    const registrants = await q.liveRegistrations(tx, eventId);
    for (const r of registrants) {
      await enqueueEmail(tx, { recipient: r.email, template: 'event_cancelled', locale: isLocale(r.locale) ? r.locale : 'zh-CN', payload: { ...facts, name: r.name }, eventId });
    }
    await recordAudit(tx, ctx, {
      communityId,
      action: 'event.cancelled',
      entityType: 'event',
      entityId: eventId,
      entityLabel: after.title,
      before: { status: before.status },
      after: { status: after.status, reason: input.reason ?? '', notified: registrants.length },
    });
    return eventDetail(tx, after, community, true);
  });
}

/** Only a draft nobody registered for may go: anything else has a history people rely on. */
export async function deleteEvent(ctx: RequestContext, communityId: string, eventId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { event } = await requireManagedEvent(ctx, communityId, eventId, tx, { lock: true });
    if (event.status !== 'draft') throw new AppError('state_conflict', { detail: 'only drafts can be deleted; cancel a published event' });
    if ((await q.countRegistrations(tx, eventId)) > 0) throw new AppError('state_conflict', { detail: 'the event has registrations' });
    await q.deleteEvent(tx, communityId, eventId);
    await recordAudit(tx, ctx, { communityId, action: 'event.deleted', entityType: 'event', entityId: eventId, entityLabel: event.title, before: auditView(event), after: null });
  });
}

/**
 * The same event again as a new draft (the monthly salon): organisers, questions, ticket types
 * (empty) and the agenda with its people, every time moved by the same amount so the new event
 * starts at `startsAt`. Registrations, invitations, applications and outcomes stay behind.
 */
export async function duplicateEvent(ctx: RequestContext, communityId: string, eventId: string, input: z.output<typeof eventDuplicateInput>): Promise<EventDetail> {
  return ctx.db.transaction(async (tx) => {
    const { community, event: source } = await requireManagedEvent(ctx, communityId, eventId, tx);
    const shift = new Date(input.startsAt).getTime() - source.startsAt.getTime();
    const moved = (d: Date | null) => (d ? new Date(d.getTime() + shift) : null);
    const row = await q.insertEvent(tx, {
      communityId,
      kind: source.kind,
      title: input.title ?? source.title,
      summary: source.summary,
      descriptionHtml: source.descriptionHtml,
      venue: source.venue,
      onlineUrl: source.onlineUrl,
      startsAt: moved(source.startsAt)!,
      endsAt: moved(source.endsAt)!,
      visibility: source.visibility,
      approvalMode: source.approvalMode,
      registrationClosesAt: moved(source.registrationClosesAt),
      registrationQuestions: source.registrationQuestions,
      applicationsOpen: false,
      applicationDeadline: moved(source.applicationDeadline),
      applicationQuestions: source.applicationQuestions,
      normalisation: source.normalisation,
      createdBy: requireUser(ctx).id,
    });
    const organisers = (await q.organisersOf(tx, [eventId])).map((o) => ({ organisationId: o.organisationId, role: o.role }));
    await q.replaceOrganisers(tx, row.id, organisers);
    await q.copyTicketTypes(tx, eventId, row.id);
    const sessions = await q.sessionsOf(tx, eventId);
    const people = await q.sessionPeopleOf(tx, sessions.map((s) => s.id));
    for (const s of sessions) {
      const copy = await q.insertSession(tx, { eventId: row.id, kind: s.kind, title: s.title, description: s.description, startsAt: moved(s.startsAt)!, endsAt: moved(s.endsAt)!, room: s.room });
      await q.replaceSessionPeople(
        tx,
        copy.id,
        people.filter((p) => p.sessionId === s.id).map((p) => ({ personId: p.personId, role: p.role })),
      );
    }
    await recordAudit(tx, ctx, {
      communityId,
      action: 'event.created',
      entityType: 'event',
      entityId: row.id,
      entityLabel: row.title,
      before: null,
      after: { ...auditView(row, organisers), duplicatedFrom: eventId, sessions: sessions.length },
    });
    return eventDetail(tx, row, community, true);
  });
}
