/**
 * Test data for the organisers' partnering API, written with SQL: an event, participants (each a
 * user of their own), requests, meetings and feedback. The participants' API is another module's.
 */
import crypto from 'node:crypto';
import type { Database } from '../../db/client';

type Db = Pick<Database, 'withConnection'>;

/** An event from 2030-05-20 09:00 to 17:00 Shanghai time on each of `days` days. */
export async function insertPartneringEvent(database: Db, communityId: string, fields: { title?: string; days?: number; status?: 'published' | 'cancelled' } = {}): Promise<string> {
  const days = fields.days ?? 1;
  const ends = new Date(Date.parse('2030-05-20T09:00:00Z') + (days - 1) * 86_400_000).toISOString();
  return database.withConnection(async (c) => {
    const [event] = await c.rows<{ id: string }>(
      `insert into events (community_id, kind, title, venue, starts_at, ends_at, status, visibility, published_at)
       values ($1, 'forum', $2, '泰州国际会展中心', '2030-05-20T01:00:00Z', $3, $4, 'public', now()) returning id`,
      [communityId, fields.title ?? '2030 中国医药城合作洽谈会', ends, fields.status ?? 'published'],
    );
    return event!.id;
  });
}

let counter = 0;

export interface FixtureParticipant {
  id: string;
  userId: string;
  email: string;
  name: string;
}

export async function insertParticipants(database: Db, eventId: string, n: number, fields: { side?: string; meetingPlace?: string } = {}): Promise<FixtureParticipant[]> {
  return database.withConnection(async (c) => {
    const out: FixtureParticipant[] = [];
    for (let i = 0; i < n; i++) {
      counter += 1;
      const email = `partner${counter}.${crypto.randomBytes(3).toString('hex')}@example.com`;
      const name = `洽谈者${counter}`;
      const [user] = await c.rows<{ id: string }>(`insert into users (email, display_name, password_hash) values ($1, $2, 'not-a-hash') returning id`, [email, name]);
      const [p] = await c.rows<{ id: string }>(
        `insert into partnering_participants (event_id, user_id, side, display_name, organisation_name, meeting_place) values ($1, $2, $3, $4, $5, $6) returning id`,
        [eventId, user!.id, fields.side ?? (counter % 2 ? 'startup' : 'investor'), name, `泰州生物科技${counter}号`, fields.meetingPlace ?? 'table'],
      );
      out.push({ id: p!.id, userId: user!.id, email, name });
    }
    return out;
  });
}

/** An accepted request and its meeting (weight from the priority: must 100, would_like 10, if_time 1). */
export async function insertMeeting(database: Db, eventId: string, a: string, b: string, fields: { weight?: number; priority?: string } = {}): Promise<string> {
  return database.withConnection(async (c) => {
    const [request] = await c.rows<{ id: string }>(
      `insert into partnering_requests (event_id, from_participant_id, to_participant_id, priority, status, responded_at) values ($1, $2, $3, $4, 'accepted', now()) returning id`,
      [eventId, a, b, fields.priority ?? 'would_like'],
    );
    const [m] = await c.rows<{ id: string }>(
      `insert into partnering_meetings (event_id, request_id, participant_a_id, participant_b_id, source, weight) values ($1, $2, $3, $4, 'request', $5) returning id`,
      [eventId, request!.id, a, b, fields.weight ?? 10],
    );
    return m!.id;
  });
}

export async function insertRequest(database: Db, eventId: string, from: string, to: string, status: 'pending' | 'declined' | 'cancelled', priority = 'if_time'): Promise<void> {
  await database.withConnection((c) =>
    c.rows(`insert into partnering_requests (event_id, from_participant_id, to_participant_id, priority, status, responded_at) values ($1, $2, $3, $4, $5, case when $5 = 'declined' then now() end)`, [eventId, from, to, priority, status]),
  );
}

export async function insertFeedback(database: Db, meetingId: string, participantId: string, outcome: 'held' | 'no_show', rating: number | null): Promise<void> {
  await database.withConnection((c) => c.rows(`insert into partnering_feedback (meeting_id, participant_id, outcome, rating) values ($1, $2, $3, $4)`, [meetingId, participantId, outcome, rating]));
}

export async function enablePartnering(database: Db, eventId: string, fields: { mode?: 'requests' | 'wishlist' } = {}): Promise<void> {
  await database.withConnection((c) => c.rows(`insert into partnering_settings (event_id, mode) values ($1, $2)`, [eventId, fields.mode ?? 'requests']));
}
