/**
 * Personal invitations: an organiser invites people by name and e-mail (typed, pasted or picked
 * from the directory) to a ticket type; each gets a link carrying a random token. Registration
 * (H2's service) consumes the token and marks the invitation registered; here they are listed,
 * sent again and revoked. Every message is queued in the transaction that caused it.
 */
import { z } from 'zod';
import { canSeeContact } from '../../../domain/directory-access';
import { isLocale, type Locale } from '../../../domain/locales';
import type { InvitationStatus, RegistrationStatus } from '../../../domain/events/vocabularies';
import type { Invitation, InvitationPage, invitationCreateInput, invitationQuery } from '../../../shared/schemas/event-door';
import type { Executor, Tx } from '../../db/client';
import { requireUser, type RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { randomToken } from '../../lib/tokens';
import { decodeCursor, encodeCursor } from '../../http/pagination';
import { recordAudit } from '../audit/record';
import { eventFacts } from '../events/access';
import { loadViewer } from '../directory/viewer';
import { enqueueEmail } from '../outbox/enqueue';
import type { CommunityRow } from '../communities/queries';
import { requireManagedEvent } from '../events/access';
import * as q from './queries';

type CreateInput = z.output<typeof invitationCreateInput>;
type ListQuery = z.output<typeof invitationQuery>;

const cursorSchema = z.object({ createdAt: z.iso.datetime({ offset: true }), id: z.uuid() });

function toInvitation(row: q.InvitationListRow, registration: q.InvitationRegistrationRow | undefined): Invitation {
  return {
    id: row.id,
    eventId: row.eventId,
    name: row.name,
    email: row.email,
    ticketType: { id: row.ticketTypeId, name: row.ticketTypeName },
    locale: isLocale(row.locale) ? row.locale : 'zh-CN',
    note: row.note,
    personId: row.personId,
    organisationId: row.organisationId,
    status: row.status as InvitationStatus,
    registration: registration
      ? { id: registration.id, status: registration.status as RegistrationStatus, checkedInAt: registration.checkedInAt?.toISOString() ?? null }
      : null,
    invitedBy: row.invitedBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function hydrate(db: Executor, rows: q.InvitationListRow[]): Promise<Invitation[]> {
  const registrations = await q.registrationsOfInvitations(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toInvitation(r, registrations.get(r.id)));
}

async function loadInvitations(db: Executor, eventId: string, ids: string[]): Promise<Invitation[]> {
  const rows = await q.listInvitations(db, eventId, { ids }, { limit: ids.length + 1 });
  return hydrate(db, rows);
}

export async function listInvitations(ctx: RequestContext, communityId: string, eventId: string, query: ListQuery): Promise<InvitationPage> {
  const { event } = await requireManagedEvent(ctx, communityId, eventId);
  const after = decodeCursor(query.cursor, cursorSchema);
  const rows = await q.listInvitations(ctx.db, event.id, { status: query.status, q: query.q || undefined }, { limit: query.limit + 1, after });
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const counts = await q.invitationCounts(ctx.db, event.id);
  const ticketTypes = await q.ticketTypesOf(ctx.db, event.id);
  return {
    items: await hydrate(ctx.db, page),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) : null,
    counts: { sent: counts.sent ?? 0, registered: counts.registered ?? 0, revoked: counts.revoked ?? 0 },
    ticketTypes: ticketTypes.map((t) => ({ id: t.id, name: t.name, isOpen: t.isOpen })),
  };
}

/** Invitations go out for events people can open: not drafts (the link would lead nowhere yet), not cancelled ones. */
function requireSendable(event: q.EventRow) {
  if (event.status === 'cancelled') throw new AppError('state_conflict', { fields: { event: 'eventDoor_event_cancelled' } });
  if (event.status === 'draft') throw new AppError('state_conflict', { fields: { event: 'eventDoor_event_draft' } });
}

function link(ctx: RequestContext, eventId: string, token: string): string {
  return `${ctx.config.publicUrl}/e/${eventId}?invite=${encodeURIComponent(token)}`;
}

async function send(tx: Tx, ctx: RequestContext, event: q.EventRow, community: CommunityRow, invitation: q.InvitationRow) {
  await enqueueEmail(tx, {
    recipient: invitation.email,
    template: 'event_invitation',
    locale: isLocale(invitation.locale) ? invitation.locale : 'zh-CN',
    eventId: event.id,
    payload: {
      ...eventFacts(event, community),
      name: invitation.name,
      link: link(ctx, event.id, invitation.token),
      note: invitation.note,
      invitedBy: ctx.user?.displayName ?? null,
    },
  });
}

function auditView(row: q.InvitationRow) {
  return { name: row.name, email: row.email, ticketTypeId: row.ticketTypeId, locale: row.locale, note: row.note, status: row.status, personId: row.personId, organisationId: row.organisationId, token: row.token };
}

interface Prepared {
  index: number;
  name: string;
  email: string;
  ticketTypeId: string;
  locale: Locale | null;
  note: string;
  personId: string | null;
  organisationId: string | null;
}

export async function createInvitations(ctx: RequestContext, communityId: string, eventId: string, input: CreateInput): Promise<{ items: Invitation[] }> {
  const user = requireUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const { event, community } = await requireManagedEvent(ctx, communityId, eventId, tx);
    requireSendable(event);
    const fields: Record<string, string> = {};
    const ticketTypes = new Set((await q.ticketTypesOf(tx, event.id)).map((t) => t.id));
    const persons = new Map((await q.peopleByIds(tx, [...new Set(input.invitees.flatMap((i) => (i.personId ? [i.personId] : [])))])).map((p) => [p.id, p]));
    const organisations = await q.organisationIdsExisting(tx, [...new Set(input.invitees.flatMap((i) => (i.organisationId ? [i.organisationId] : [])))]);
    const viewer = await loadViewer(ctx, tx);
    const prepared: Prepared[] = input.invitees.map((row, index) => {
      const at = (field: string) => `invitees.${index}.${field}`;
      let name = row.name ?? '';
      let email = row.email ?? '';
      if (row.personId) {
        const person = persons.get(row.personId);
        if (!person) fields[at('personId')] = 'eventDoor_person_unknown';
        else {
          name ||= person.nameZh;
          // A directory address is used only where the inviter may see it (contact channels are personal information).
          if (!email && person.email && canSeeContact(viewer, person)) email = person.email;
        }
      }
      if (!ticketTypes.has(row.ticketTypeId)) fields[at('ticketTypeId')] = 'eventDoor_ticket_unknown';
      if (row.organisationId && !organisations.has(row.organisationId)) fields[at('organisationId')] = 'eventDoor_organisation_unknown';
      if (!name) fields[at('name')] ??= 'eventDoor_name_required';
      if (!email) fields[at('email')] = 'eventDoor_email_required';
      return { index, name, email, ticketTypeId: row.ticketTypeId, locale: row.locale ?? null, note: row.note ?? '', personId: row.personId ?? null, organisationId: row.organisationId ?? null };
    });
    const firstAt = new Map<string, number>();
    for (const p of prepared) {
      if (!p.email) continue;
      if (firstAt.has(p.email)) fields[`invitees.${p.index}.email`] = 'eventDoor_email_repeated';
      else firstAt.set(p.email, p.index);
    }
    const existing = new Map((await q.invitationsByEmail(tx, event.id, [...firstAt.keys()])).map((r) => [r.email, r]));
    for (const p of prepared) {
      const found = existing.get(p.email);
      // A revoked invitation with no live registration may be issued again; anything else is a repeat.
      if (found && (found.status !== 'revoked' || found.hasLiveRegistration)) fields[`invitees.${p.index}.email`] = 'eventDoor_already_invited';
    }
    if (Object.keys(fields).length) throw new AppError('validation_failed', { fields });

    const accountLocales = await q.localesByEmail(tx, prepared.filter((p) => !p.locale).map((p) => p.email));
    const localeOf = (p: Prepared): Locale => {
      const account = accountLocales.get(p.email);
      return p.locale ?? (isLocale(account) ? account : 'zh-CN');
    };
    const fresh = prepared.filter((p) => !existing.has(p.email));
    const inserted = await q.insertInvitations(
      tx,
      fresh.map((p) => ({
        eventId: event.id,
        email: p.email,
        name: p.name,
        ticketTypeId: p.ticketTypeId,
        token: randomToken(),
        locale: localeOf(p),
        note: p.note,
        personId: p.personId,
        organisationId: p.organisationId,
        status: 'sent',
        createdBy: user.id,
      })),
    );
    const written: { row: q.InvitationRow; before: q.InvitationRow | null }[] = inserted.map((row) => ({ row, before: null }));
    for (const p of prepared) {
      const before = existing.get(p.email);
      if (!before) continue;
      const row = await q.updateInvitation(tx, event.id, before.id, {
        name: p.name,
        ticketTypeId: p.ticketTypeId,
        token: randomToken(),
        locale: localeOf(p),
        note: p.note,
        personId: p.personId,
        organisationId: p.organisationId,
        status: 'sent',
        createdBy: user.id,
      });
      written.push({ row: row!, before });
    }
    for (const { row, before } of written) {
      await send(tx, ctx, event, community, row);
      await recordAudit(tx, ctx, {
        communityId,
        action: before ? 'event_invitation.reissued' : 'event_invitation.created',
        entityType: 'event_invitation',
        entityId: row.id,
        entityLabel: `${row.name} <${row.email}>`,
        before: before ? auditView(before) : null,
        after: auditView(row),
      });
    }
    const order = new Map(prepared.map((p) => [p.email, p.index]));
    const items = await loadInvitations(
      tx,
      event.id,
      written.map((w) => w.row.id),
    );
    return { items: items.sort((a, b) => order.get(a.email)! - order.get(b.email)!) };
  });
}

export async function resendInvitation(ctx: RequestContext, communityId: string, eventId: string, invitationId: string): Promise<Invitation> {
  return ctx.db.transaction(async (tx) => {
    const { event, community } = await requireManagedEvent(ctx, communityId, eventId, tx);
    const row = await q.findInvitation(tx, event.id, invitationId);
    if (!row) throw new AppError('not_found');
    requireSendable(event);
    if (row.status === 'revoked') throw new AppError('state_conflict', { fields: { status: 'eventDoor_invitation_revoked' } });
    if (row.status === 'registered') throw new AppError('state_conflict', { fields: { status: 'eventDoor_invitation_registered' } });
    const touched = await q.updateInvitation(tx, event.id, row.id, {}, ['sent']);
    if (!touched) throw new AppError('state_conflict', { fields: { status: 'eventDoor_invitation_registered' } });
    await send(tx, ctx, event, community, touched);
    await recordAudit(tx, ctx, {
      communityId,
      action: 'event_invitation.resent',
      entityType: 'event_invitation',
      entityId: row.id,
      entityLabel: `${row.name} <${row.email}>`,
      before: { sentAt: row.updatedAt.toISOString() },
      after: { sentAt: touched.updatedAt.toISOString() },
    });
    return (await loadInvitations(tx, event.id, [row.id]))[0]!;
  });
}

/** The link stops working; a registration already made with it stands. Revoking twice changes nothing. */
export async function revokeInvitation(ctx: RequestContext, communityId: string, eventId: string, invitationId: string): Promise<Invitation> {
  return ctx.db.transaction(async (tx) => {
    const { event } = await requireManagedEvent(ctx, communityId, eventId, tx);
    const row = await q.findInvitation(tx, event.id, invitationId);
    if (!row) throw new AppError('not_found');
    const after = await q.updateInvitation(tx, event.id, row.id, { status: 'revoked' }, ['sent', 'registered']);
    if (after) {
      await recordAudit(tx, ctx, {
        communityId,
        action: 'event_invitation.revoked',
        entityType: 'event_invitation',
        entityId: row.id,
        entityLabel: `${row.name} <${row.email}>`,
        before: { status: row.status },
        after: { status: after.status },
      });
    }
    return (await loadInvitations(tx, event.id, [row.id]))[0]!;
  });
}
