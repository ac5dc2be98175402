import type { z } from 'zod';
import { capacityProblem, seatsLeft } from '../../../domain/events/waitlist';
import type { TicketType, ticketTypeCreateInput, ticketTypeUpdateInput } from '../../../shared/schemas/registrations';
import type { Executor } from '../../db/client';
import type { RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { isUniqueViolation } from '../directory/validation';
import * as q from './queries';
import { organiserScope, promoteWaiting } from './service';

/**
 * Ticket types: the seats of an event per kind of attendee (investors, enterprises, media …).
 * A capacity change takes the same row lock as registrations, so raising it hands the new seats
 * to the waitlist in order, and lowering it below the confirmed count is refused.
 */

type CreateInput = z.output<typeof ticketTypeCreateInput>;
type UpdateInput = z.output<typeof ticketTypeUpdateInput>;

function toTicketType(row: q.TicketTypeRow, queue: { waitlisted: number; pending: number } | undefined): TicketType {
  return {
    id: row.id,
    eventId: row.eventId,
    name: row.name,
    description: row.description,
    capacity: row.capacity,
    confirmedCount: row.confirmedCount,
    seatsLeft: seatsLeft({ capacity: row.capacity, confirmed: row.confirmedCount }),
    waitlistLength: queue?.waitlisted ?? 0,
    pendingCount: queue?.pending ?? 0,
    isOpen: row.isOpen,
    position: row.position,
    version: row.version,
  };
}

async function shaped(db: Executor, row: q.TicketTypeRow): Promise<TicketType> {
  return toTicketType(row, (await q.queueCounts(db, row.eventId)).get(row.id));
}

function auditView(row: q.TicketTypeRow) {
  return { name: row.name, description: row.description, capacity: row.capacity, isOpen: row.isOpen, position: row.position };
}

function nameTaken(error: unknown): never {
  if (isUniqueViolation(error, 'event_ticket_types_name_key')) throw new AppError('duplicate_record', { fields: { name: 'registration_ticket_name_taken' } });
  throw error;
}

export async function listTicketTypes(ctx: RequestContext, communityId: string, eventId: string): Promise<TicketType[]> {
  const { event } = await organiserScope(ctx, communityId, eventId);
  const [rows, queues] = [await q.ticketTypesOf(ctx.db, event.id), await q.queueCounts(ctx.db, event.id)];
  return rows.map((r) => toTicketType(r, queues.get(r.id)));
}

export async function createTicketType(ctx: RequestContext, communityId: string, eventId: string, input: CreateInput): Promise<TicketType> {
  return ctx.db
    .transaction(async (tx) => {
      const { event } = await organiserScope(ctx, communityId, eventId, tx);
      if (event.status === 'cancelled') throw new AppError('state_conflict');
      const row = await q.insertTicketType(tx, {
        eventId: event.id,
        name: input.name,
        description: input.description,
        capacity: input.capacity,
        isOpen: input.isOpen,
        position: input.position ?? (await q.nextTicketPosition(tx, event.id)),
      });
      await recordAudit(tx, ctx, { communityId, action: 'ticket_type.created', entityType: 'event_ticket_type', entityId: row.id, entityLabel: row.name, before: null, after: auditView(row) });
      return shaped(tx, row);
    })
    .catch(nameTaken);
}

export async function updateTicketType(ctx: RequestContext, communityId: string, eventId: string, ticketTypeId: string, input: UpdateInput): Promise<TicketType & { promoted: number }> {
  return ctx.db
    .transaction(async (tx) => {
      const ec = await organiserScope(ctx, communityId, eventId, tx);
      const before = await q.lockTicketType(tx, eventId, ticketTypeId);
      if (!before) throw new AppError('not_found');
      if (before.version !== input.version) throw new AppError('version_conflict');
      if (input.capacity !== undefined && capacityProblem(input.capacity, before.confirmedCount)) {
        throw new AppError('capacity_below_confirmed', { fields: { capacity: 'registration_capacity_below_confirmed' }, params: { confirmed: before.confirmedCount } });
      }
      const { version, ...values } = input;
      const row = await q.updateTicketType(tx, ticketTypeId, version, values);
      if (!row) throw new AppError('version_conflict');
      const promoted = await promoteWaiting(tx, ctx, row.id, ec);
      await recordAudit(tx, ctx, { communityId, action: 'ticket_type.updated', entityType: 'event_ticket_type', entityId: row.id, entityLabel: row.name, before: auditView(before), after: auditView(row) });
      const after = (await q.ticketTypeById(tx, row.id))!;
      return { ...(await shaped(tx, after)), promoted: promoted.length };
    })
    .catch(nameTaken);
}

export async function deleteTicketType(ctx: RequestContext, communityId: string, eventId: string, ticketTypeId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const { event } = await organiserScope(ctx, communityId, eventId, tx);
    const row = await q.lockTicketType(tx, eventId, ticketTypeId);
    if (!row) throw new AppError('not_found');
    const use = await q.ticketTypeUse(tx, row.id);
    if (use.registrations > 0 || use.invitations > 0) throw new AppError('state_conflict', { detail: 'ticket type in use' });
    // A published event keeps at least one ticket type, or nobody could register.
    if (event.status === 'published' && (await q.ticketTypesOf(tx, event.id)).length <= 1) throw new AppError('state_conflict', { detail: 'last ticket type' });
    await q.deleteTicketType(tx, row.id);
    await recordAudit(tx, ctx, { communityId, action: 'ticket_type.deleted', entityType: 'event_ticket_type', entityId: row.id, entityLabel: row.name, before: auditView(row), after: null });
  });
}
