/**
 * Test data for the door, written with SQL: events, ticket types and registrations in any
 * state (the registration API is another module's; the trigger keeps the seat counts right).
 */
import crypto from 'node:crypto';
import type { Database } from '../../db/client';

export interface DoorEvent {
  eventId: string;
  ticketTypeIds: string[];
}

export async function insertEvent(
  database: Pick<Database, 'withConnection'>,
  communityId: string,
  fields: { title?: string; status?: 'draft' | 'published' | 'cancelled'; questions?: unknown[]; ticketTypes?: { name: string; capacity: number }[] } = {},
): Promise<DoorEvent> {
  return database.withConnection(async (c) => {
    const [event] = await c.rows<{ id: string }>(
      `insert into events (community_id, kind, title, venue, starts_at, ends_at, status, visibility, registration_questions, published_at)
       values ($1, 'forum', $2, '泰州国际会展中心', '2030-05-20T01:00:00Z', '2030-05-20T09:00:00Z', $3, 'public', $4::jsonb, case when $3 = 'published' then now() end) returning id`,
      [communityId, fields.title ?? '生物医药创新论坛', fields.status ?? 'published', JSON.stringify(fields.questions ?? [])],
    );
    const ticketTypeIds: string[] = [];
    for (const [i, tt] of (fields.ticketTypes ?? [{ name: '嘉宾', capacity: 100 }]).entries()) {
      const [row] = await c.rows<{ id: string }>(`insert into event_ticket_types (event_id, name, capacity, position) values ($1, $2, $3, $4) returning id`, [event!.id, tt.name, tt.capacity, i]);
      ticketTypeIds.push(row!.id);
    }
    return { eventId: event!.id, ticketTypeIds };
  });
}

let counter = 0;

export async function insertRegistration(
  database: Pick<Database, 'withConnection'>,
  event: DoorEvent,
  fields: {
    code?: string;
    name?: string;
    email?: string;
    status?: 'pending' | 'confirmed' | 'waitlisted' | 'declined' | 'cancelled';
    ticketTypeId?: string;
    organisationName?: string;
    jobTitle?: string;
    answers?: Record<string, unknown>;
    invitationId?: string;
  } = {},
): Promise<{ id: string; code: string }> {
  counter += 1;
  const code = fields.code ?? `T${crypto.randomBytes(4).toString('hex').toUpperCase()}`;
  const status = fields.status ?? 'confirmed';
  const ticketTypeId = fields.ticketTypeId ?? event.ticketTypeIds[0]!;
  return database.withConnection(async (c) => {
    let waitlistNo: number | null = null;
    if (status === 'waitlisted') {
      const [seq] = await c.rows<{ n: number }>(`update event_ticket_types set waitlist_seq = waitlist_seq + 1 where id = $1 returning waitlist_seq as n`, [ticketTypeId]);
      waitlistNo = seq!.n;
    }
    const [row] = await c.rows<{ id: string }>(
      `insert into event_registrations (event_id, ticket_type_id, invitation_id, name, email, phone, organisation_name, job_title, answers, status, waitlist_no, code, manage_token, confirmed_at)
       values ($1, $2, $3, $4, $5, '13800000000', $6, $7, $8::jsonb, $9, $10, $11, $12, case when $9 = 'confirmed' then now() end) returning id`,
      [
        event.eventId,
        ticketTypeId,
        fields.invitationId ?? null,
        fields.name ?? `参会者${counter}`,
        fields.email ?? `guest${counter}.${crypto.randomBytes(3).toString('hex')}@example.com`,
        fields.organisationName ?? '泰州医药科技有限公司',
        fields.jobTitle ?? '研发总监',
        JSON.stringify(fields.answers ?? {}),
        status,
        waitlistNo,
        code,
        crypto.randomBytes(24).toString('base64url'),
      ],
    );
    return { id: row!.id, code };
  });
}
