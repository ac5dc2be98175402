import crypto from 'node:crypto';
import type { TestApp } from '../../../../test/app';

/**
 * Test setup for the event outcomes module: events, ticket types, sessions, registrations and
 * applications written straight into the database, so these tests depend on nothing but the
 * schema (the events, registrations and applications APIs are other modules').
 */

const HOUR = 3_600_000;

export async function userId(t: TestApp, email: string): Promise<string> {
  const [row] = await t.database.withConnection((c) => c.rows<{ id: string }>('select id from users where email = $1', [email]));
  if (!row) throw new Error(`no user ${email}`);
  return row.id;
}

export async function insertEvent(
  t: TestApp,
  communityId: string,
  fields: { kind?: string; title?: string; visibility?: string; status?: string; startsInHours?: number; hours?: number } = {},
): Promise<string> {
  const starts = new Date(Date.now() + (fields.startsInHours ?? 24 * 7) * HOUR);
  const ends = new Date(starts.getTime() + (fields.hours ?? 3) * HOUR);
  const kind = fields.kind ?? 'closed_door';
  const [row] = await t.database.withConnection((c) =>
    c.rows<{ id: string }>(
      `insert into events (community_id, kind, title, starts_at, ends_at, visibility, status, venue, published_at)
       values ($1, $2, $3, $4, $5, $6, $7, '中国医药城会展交易中心', case when $7 = 'published' then now() end) returning id`,
      [communityId, kind, fields.title ?? '测试活动', starts.toISOString(), ends.toISOString(), fields.visibility ?? (kind === 'closed_door' ? 'invitation' : 'public'), fields.status ?? 'published'],
    ),
  );
  return row!.id;
}

export async function insertTicketType(t: TestApp, eventId: string, name = '投资机构', capacity = 50): Promise<string> {
  const [row] = await t.database.withConnection((c) =>
    c.rows<{ id: string }>('insert into event_ticket_types (event_id, name, capacity) values ($1, $2, $3) returning id', [eventId, name, capacity]),
  );
  return row!.id;
}

export async function insertSession(t: TestApp, eventId: string, title = '项目路演'): Promise<string> {
  const [row] = await t.database.withConnection((c) =>
    c.rows<{ id: string }>(
      `insert into event_sessions (event_id, kind, title, starts_at, ends_at, room)
       select id, 'roadshow', $2, starts_at, starts_at + interval '1 hour', '一号会议室' from events where id = $1 returning id`,
      [eventId, title],
    ),
  );
  return row!.id;
}

let waitlistNo = 0;

export async function insertRegistration(
  t: TestApp,
  eventId: string,
  ticketTypeId: string,
  fields: { name?: string; email?: string; userId?: string | null; status?: string; checkedIn?: boolean; organisationName?: string; organisationId?: string | null } = {},
): Promise<string> {
  const status = fields.status ?? 'confirmed';
  const [row] = await t.database.withConnection((c) =>
    c.rows<{ id: string }>(
      `insert into event_registrations (event_id, ticket_type_id, user_id, name, email, organisation_name, organisation_id, status, waitlist_no, code, manage_token, checked_in_at, confirmed_at)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, case when $12 then now() end, case when $8 = 'confirmed' then now() end) returning id`,
      [
        eventId,
        ticketTypeId,
        fields.userId ?? null,
        fields.name ?? '参会者',
        fields.email ?? `guest-${crypto.randomBytes(4).toString('hex')}@example.com`,
        fields.organisationName ?? '某生物科技有限公司',
        fields.organisationId ?? null,
        status,
        status === 'waitlisted' ? ++waitlistNo : null,
        crypto.randomBytes(5).toString('hex').toUpperCase(),
        crypto.randomBytes(24).toString('base64url'),
        fields.checkedIn ?? false,
      ],
    ),
  );
  return row!.id;
}

export async function insertApplication(t: TestApp, eventId: string, fields: { projectId?: string | null; status?: string; projectName?: string; organisationId?: string | null } = {}): Promise<string> {
  const [row] = await t.database.withConnection((c) =>
    c.rows<{ id: string }>(
      `insert into event_applications (event_id, project_id, organisation_id, project_name, organisation_name, contact_name, contact_email, status, manage_token)
       values ($1, $2, $3, $4, '申报企业', '联系人', $5, $6, $7) returning id`,
      [
        eventId,
        fields.projectId ?? null,
        fields.organisationId ?? null,
        fields.projectName ?? `申报项目${crypto.randomBytes(3).toString('hex')}`,
        `apply-${crypto.randomBytes(4).toString('hex')}@example.com`,
        fields.status ?? 'screened_in',
        crypto.randomBytes(24).toString('base64url'),
      ],
    ),
  );
  return row!.id;
}

export async function one<T>(t: TestApp, sql: string, params: unknown[] = []): Promise<T> {
  const [row] = await t.database.withConnection((c) => c.rows<T>(sql, params));
  return row!;
}

/** A minimal zip whose one entry is named like a PowerPoint part (stored, not compressed). */
export function zipWith(entryName: string): Buffer {
  const name = Buffer.from(entryName, 'latin1');
  const data = Buffer.from('<p:presentation/>');
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt32LE(data.length, 18);
  header.writeUInt32LE(data.length, 22);
  header.writeUInt16LE(name.length, 26);
  return Buffer.concat([header, name, data]);
}
