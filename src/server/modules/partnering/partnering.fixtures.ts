/**
 * Test data for partnering, written with SQL (the organisers' routes are another module's): a
 * published partnering_day event with settings, slots and locations, confirmed registrations of
 * demo accounts, and published placements. Reusable by any partnering API or browser test.
 */
import type { Database } from '../../db/client';

type Db = Pick<Database, 'withConnection'>;

export interface PartneringFixture {
  eventId: string;
  ticketTypeId: string;
  /** In time order. */
  slotIds: string[];
  /** Tables T1…Tn, then one online room. */
  locationIds: string[];
}

export interface PartneringEventOptions {
  title?: string;
  status?: 'draft' | 'published' | 'cancelled';
  visibility?: 'public' | 'community' | 'invitation';
  startsAt?: string;
  endsAt?: string;
  /** null: no settings row (partnering not enabled). */
  settings?: {
    mode?: 'requests' | 'wishlist';
    optInOpen?: boolean;
    requestDeadline?: string | null;
    maxRequestsPerParticipant?: number | null;
    allowedPairs?: [string, string][] | null;
  } | null;
  /** Slots of 30 minutes from the event's start (or from `slotsFrom`). */
  slots?: number;
  slotsFrom?: string;
  tables?: number;
}

export async function insertPartneringEvent(database: Db, communityId: string, options: PartneringEventOptions = {}): Promise<PartneringFixture> {
  const startsAt = options.startsAt ?? '2030-06-10T01:00:00Z';
  const endsAt = options.endsAt ?? '2030-06-10T09:00:00Z';
  return database.withConnection(async (c) => {
    const [event] = await c.rows<{ id: string }>(
      `insert into events (community_id, kind, title, venue, starts_at, ends_at, status, visibility, published_at)
       values ($1, 'partnering_day', $2, '泰州国际会展中心 B 馆', $3, $4, $5, $6, case when $5 <> 'draft' then now() end) returning id`,
      [communityId, options.title ?? '2030 中国医药城一对一洽谈日', startsAt, endsAt, options.status ?? 'published', options.visibility ?? 'public'],
    );
    const eventId = event!.id;
    const [tt] = await c.rows<{ id: string }>(`insert into event_ticket_types (event_id, name, capacity, position) values ($1, '参会者', 500, 0) returning id`, [eventId]);
    if (options.settings !== null) {
      const s = options.settings ?? {};
      await c.rows(
        `insert into partnering_settings (event_id, mode, opt_in_open, request_deadline, max_requests_per_participant, allowed_pairs)
         values ($1, $2, $3, $4, $5, $6::jsonb)`,
        [eventId, s.mode ?? 'requests', s.optInOpen ?? true, s.requestDeadline ?? null, s.maxRequestsPerParticipant ?? null, s.allowedPairs ? JSON.stringify(s.allowedPairs) : null],
      );
    }
    const slotIds: string[] = [];
    const from = Date.parse(options.slotsFrom ?? startsAt);
    for (let i = 0; i < (options.slots ?? 6); i++) {
      const start = new Date(from + i * 30 * 60_000);
      const end = new Date(start.getTime() + 30 * 60_000);
      const day = new Date(start.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
      const [row] = await c.rows<{ id: string }>(
        `insert into partnering_slots (event_id, day, session, starts_at, ends_at) values ($1, $2, $3, $4, $5) returning id`,
        [eventId, day, i < (options.slots ?? 6) / 2 ? '上午' : '下午', start.toISOString(), end.toISOString()],
      );
      slotIds.push(row!.id);
    }
    const locationIds: string[] = [];
    for (let i = 1; i <= (options.tables ?? 4); i++) {
      const [row] = await c.rows<{ id: string }>(`insert into partnering_locations (event_id, kind, name, position) values ($1, 'table', $2, $3) returning id`, [eventId, `T${i}`, i]);
      locationIds.push(row!.id);
    }
    const [online] = await c.rows<{ id: string }>(
      `insert into partnering_locations (event_id, kind, name, online_url, position) values ($1, 'online', '线上会议室 1', 'https://meet.example.com/bb-1', 100) returning id`,
      [eventId],
    );
    locationIds.push(online!.id);
    return { eventId, ticketTypeId: tt!.id, slotIds, locationIds };
  });
}

let counter = 0;

/** A registration of the account with `email` (confirmed unless said otherwise). */
export async function registerAccount(database: Db, fixture: PartneringFixture, email: string, status: 'confirmed' | 'pending' | 'cancelled' = 'confirmed'): Promise<string> {
  counter += 1;
  return database.withConnection(async (c) => {
    const [row] = await c.rows<{ id: string }>(
      `insert into event_registrations (event_id, ticket_type_id, user_id, name, email, phone, organisation_name, job_title, answers, status, code, manage_token, confirmed_at, cancelled_at)
       select $1, $2, u.id, u.display_name, u.email, '13800000000', '', '', '{}'::jsonb, $4, $5, $6, case when $4 = 'confirmed' then now() end, case when $4 = 'cancelled' then now() end
       from users u where u.email = $3 returning id`,
      [fixture.eventId, fixture.ticketTypeId, email, status, `P${Date.now().toString(36).toUpperCase()}${counter}`, `pt-${Date.now()}-${counter}-${Math.random().toString(36).slice(2)}`],
    );
    if (!row) throw new Error(`no account ${email}`);
    return row.id;
  });
}

/** Places a meeting in the published schedule (as publishing would) and bumps the schedule version. */
export async function publishPlacement(database: Db, fixture: PartneringFixture, meetingId: string, slotId: string, locationId: string): Promise<void> {
  await database.withConnection(async (c) => {
    await c.rows(
      `update partnering_meetings set draft_slot_id = $2, draft_location_id = $3, published_slot_id = $2, published_location_id = $3, version = version + 1 where id = $1`,
      [meetingId, slotId, locationId],
    );
    await c.rows(`update partnering_settings set schedule_version = schedule_version + 1, published_at = now() where event_id = $1`, [fixture.eventId]);
  });
}

export async function updateSettings(database: Db, fixture: PartneringFixture, sets: string, params: unknown[] = []): Promise<void> {
  await database.withConnection((c) => c.rows(`update partnering_settings set ${sets} where event_id = $1`, [fixture.eventId, ...params]));
}
