/**
 * The demo's partnering (demo/partnering): the China Medical City partnering day has a valid
 * published schedule (checked by the scheduler's own independent validator against the stored
 * rows), requests in every state, a re-run case, and what the browser accounts need; the
 * Jiading salon has wish lists and nothing scheduled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Instance } from '../src/domain/partnering/instance';
import type { UnscheduledReason } from '../src/domain/partnering/result';
import { validateSchedule } from '../src/domain/partnering/validate';
import type { Database } from '../src/server/db/client';
import { startTestApp, type TestApp } from '../test/app';
import { CMC_PARTNERING_TITLE_SUFFIX, JIADING_SALON_TITLE, PARTNERING_DAY_OFFSET } from './partnering/seed-partnering';

const rows = <T>(database: Database, query: string, params?: unknown[]) => database.withConnection((c) => c.rows<T>(query, params));
const DAY = 86_400_000;

describe('the demo partnering data', () => {
  let t: TestApp;
  let db: Database;
  let eventId: string;
  let salonId: string;
  beforeAll(async () => {
    t = await startTestApp();
    db = t.database;
    const [event] = await rows<{ id: string }>(db, `select id from events where title like $1`, [`% ${CMC_PARTNERING_TITLE_SUFFIX}`]);
    const [salon] = await rows<{ id: string }>(db, `select id from events where title = $1`, [JIADING_SALON_TITLE]);
    eventId = event!.id;
    salonId = salon!.id;
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has an upcoming published partnering day in China Medical City with its rules, slots and places', async () => {
    const [e] = await rows<{ kind: string; status: string; slug: string; starts_at: Date; mode: string; max_requests: number; schedule_version: number; deadline: Date; published: boolean }>(
      db,
      `select e.kind, e.status, c.slug, e.starts_at, s.mode, s.max_requests_per_participant as max_requests, s.schedule_version, s.request_deadline as deadline, s.published_at is not null as published
         from events e join communities c on c.id = e.community_id join partnering_settings s on s.event_id = e.id where e.id = $1`,
      [eventId],
    );
    expect(e).toMatchObject({ kind: 'partnering_day', status: 'published', slug: 'china-medical-city', mode: 'requests', max_requests: 15, schedule_version: 1, published: true });
    const daysAhead = (new Date(e!.starts_at).getTime() - Date.now()) / DAY;
    expect(daysAhead).toBeGreaterThan(PARTNERING_DAY_OFFSET - 2);
    expect(daysAhead).toBeLessThan(PARTNERING_DAY_OFFSET + 1);
    // The deadline is the evening before, in Shanghai.
    expect(new Date(e!.starts_at).getTime() - new Date(e!.deadline).getTime()).toBe(15 * 3_600_000);

    const slots = await rows<{ session: string; minutes: number; local_start: string }>(
      db,
      `select session, extract(epoch from ends_at - starts_at)::int / 60 as minutes, to_char(starts_at at time zone 'Asia/Shanghai', 'HH24:MI') as local_start
         from partnering_slots where event_id = $1 order by starts_at`,
      [eventId],
    );
    expect(slots.map((s) => s.local_start)).toEqual(['09:00', '09:25', '09:50', '10:15', '10:40', '11:05', '11:30', '13:30', '13:55', '14:20', '14:45', '15:10', '15:35', '16:00', '16:25']);
    expect(new Set(slots.map((s) => s.minutes))).toEqual(new Set([20]));
    expect(slots.filter((s) => s.session === '上午')).toHaveLength(7);

    const locations = await rows<{ kind: string; name: string; owner_side: string | null }>(
      db,
      `select l.kind, l.name, p.side as owner_side from partnering_locations l left join partnering_participants p on p.id = l.owner_participant_id where l.event_id = $1 order by l.position`,
      [eventId],
    );
    expect(locations.filter((l) => l.kind === 'table').map((l) => l.name)).toEqual(Array.from({ length: 20 }, (_, i) => `洽谈桌 ${i + 1}`));
    expect(locations.filter((l) => l.kind === 'booth')).toEqual([expect.objectContaining({ owner_side: 'pharma' })]);
  });

  it('draws about 40 participants from the directory, each a confirmed registrant with an account, the browser accounts among them', async () => {
    const participants = await rows<{ email: string; side: string; registered: boolean; organisation: string | null; projects: number; segments: number; memberships: number }>(
      db,
      `select u.email, p.side,
              exists (select 1 from event_registrations r where r.id = p.registration_id and r.event_id = p.event_id and r.user_id = p.user_id and r.status = 'confirmed') as registered,
              o.name_zh as organisation, cardinality(p.project_ids) as projects, cardinality(p.segments) as segments,
              (select count(*)::int from memberships m where m.user_id = u.id) as memberships
         from partnering_participants p join users u on u.id = p.user_id left join organisations o on o.id = p.organisation_id
        where p.event_id = $1`,
      [eventId],
    );
    expect(participants.length).toBeGreaterThanOrEqual(35);
    expect(participants.length).toBeLessThanOrEqual(45);
    expect(participants.every((p) => p.registered && p.organisation)).toBe(true);
    const bySide = (side: string) => participants.filter((p) => p.side === side).length;
    expect(bySide('startup')).toBeGreaterThanOrEqual(15);
    expect(bySide('investor')).toBeGreaterThanOrEqual(6);
    expect(bySide('pharma')).toBeGreaterThanOrEqual(1);
    expect(bySide('service')).toBeGreaterThanOrEqual(2);
    expect(participants.filter((p) => p.side === 'startup').every((p) => p.projects > 0 && p.segments > 0)).toBe(true);
    const find = (email: string) => participants.find((p) => p.email === email);
    expect(find('investor@biobridge.demo')?.side).toBe('investor');
    expect(find('member@biobridge.demo')?.side).toBe('startup');
    expect(find('provider@biobridge.demo')?.side).toBe('service');
    // The accounts made for participants are demo addresses and belong to no community.
    const made = participants.filter((p) => p.email.startsWith('partner.'));
    expect(made.length).toBeGreaterThan(10);
    expect(made.every((p) => p.email.endsWith('@biobridge.demo') && p.memberships === 0)).toBe(true);
  });

  it('has requests in every state, within the rules', async () => {
    const byStatus = await rows<{ status: string; n: number; with_reason: number; with_message: number }>(
      db,
      `select status, count(*)::int as n, count(decline_reason)::int as with_reason, count(*) filter (where message <> '')::int as with_message
         from partnering_requests where event_id = $1 group by status order by status`,
      [eventId],
    );
    expect(byStatus.map((s) => s.status)).toEqual(['accepted', 'cancelled', 'declined', 'pending']);
    expect(byStatus.every((s) => s.n > 0 && s.with_message === s.n)).toBe(true);
    expect(byStatus.find((s) => s.status === 'declined')!.with_reason).toBeGreaterThan(0);
    const [most] = await rows<{ n: number }>(
      db,
      `select coalesce(max(n), 0)::int as n from (select count(*) as n from partnering_requests where event_id = $1 and status in ('pending', 'accepted') group by from_participant_id) x`,
      [eventId],
    );
    expect(most!.n).toBeLessThanOrEqual(15);
    // Every accepted request has its meeting, with the weight of the higher of the two priorities.
    const [orphans] = await rows<{ n: number }>(
      db,
      `select count(*)::int as n from partnering_requests r where r.event_id = $1 and r.status = 'accepted'
          and not exists (select 1 from partnering_meetings m where m.request_id = r.id and m.status = 'active' and m.participant_a_id = r.from_participant_id and m.participant_b_id = r.to_participant_id)`,
      [eventId],
    );
    expect(orphans!.n).toBe(0);
    const [others] = await rows<{ n: number }>(db, `select count(*)::int as n from partnering_meetings m join partnering_requests r on r.id = m.request_id where m.event_id = $1 and r.status <> 'accepted'`, [eventId]);
    expect(others!.n).toBe(0);
  });

  it('stores a published schedule the independent validator accepts, and leaves late acceptances for a re-run', async () => {
    const slots = await rows<{ id: string; day: string; session: string }>(db, `select id, day, session from partnering_slots where event_id = $1 order by starts_at`, [eventId]);
    const locations = await rows<{ id: string; owner: string | null }>(db, `select id, owner_participant_id as owner from partnering_locations where event_id = $1 order by position`, [eventId]);
    const participants = await rows<{ id: string; max_meetings: number | null; forbidden: string[] }>(
      db,
      `select p.id, coalesce(p.max_meetings, s.default_max_meetings) as max_meetings,
              array(select u.slot_id::text from partnering_unavailability u where u.participant_id = p.id) as forbidden
         from partnering_participants p join partnering_settings s on s.event_id = p.event_id where p.event_id = $1 and p.status = 'active'`,
      [eventId],
    );
    const meetings = await rows<{
      id: string;
      a: string;
      b: string;
      weight: number;
      draft_slot: string | null;
      draft_location: string | null;
      slot: string | null;
      location: string | null;
      reason: string | null;
      after_publication: boolean;
    }>(
      db,
      `select m.id, m.participant_a_id as a, m.participant_b_id as b, m.weight, m.draft_slot_id as draft_slot, m.draft_location_id as draft_location,
              m.published_slot_id as slot, m.published_location_id as location, m.unscheduled_reason as reason, r.responded_at > s.published_at as after_publication
         from partnering_meetings m join partnering_requests r on r.id = m.request_id join partnering_settings s on s.event_id = m.event_id
        where m.event_id = $1 and m.status = 'active'`,
      [eventId],
    );
    const late = meetings.filter((m) => m.after_publication);
    const atPublication = meetings.filter((m) => !m.after_publication);
    expect(late.length).toBeGreaterThanOrEqual(2);
    expect(late.length).toBeLessThanOrEqual(3);
    expect(late.every((m) => m.slot === null && m.draft_slot === null && m.reason === null)).toBe(true);
    // What the run placed is both the draft and the published schedule.
    expect(atPublication.every((m) => m.draft_slot === m.slot && m.draft_location === m.location)).toBe(true);
    expect(atPublication.every((m) => (m.slot === null) === (m.reason !== null))).toBe(true);
    // One meeting has no slot both can attend: the organisers see it under "could not be placed".
    expect(atPublication.filter((m) => m.reason !== null).map((m) => m.reason)).toContain('no_common_free_slot');

    const instance: Instance = {
      slots: slots.map((s) => ({ id: s.id, day: s.day, session: s.session })),
      locations: locations.map((l) => ({ id: l.id, ...(l.owner ? { owner: l.owner } : {}) })),
      participants: participants.map((p) => ({ id: p.id, forbiddenSlots: p.forbidden, ...(p.max_meetings === null ? {} : { maxMeetings: p.max_meetings }) })),
      meetings: atPublication.map((m) => ({ id: m.id, participants: [m.a, m.b] as [string, string], weight: m.weight })),
    };
    const placed = atPublication.filter((m) => m.slot !== null);
    expect(placed.length).toBeGreaterThanOrEqual(30);
    const violations = validateSchedule(instance, {
      assignments: placed.map((m) => ({ meeting: m.id, slot: m.slot!, location: m.location! })),
      unscheduled: atPublication.filter((m) => m.slot === null).map((m) => ({ meeting: m.id, reason: m.reason as UnscheduledReason })),
    });
    expect(violations).toEqual([]);

    // The run that made it, with a summary the organisers' page shows.
    const [run] = await rows<{ status: string; summary: { meetings: number; scheduled: number; unscheduled: number; moved: number } }>(
      db,
      `select status, summary from partnering_runs where event_id = $1`,
      [eventId],
    );
    expect(run).toMatchObject({ status: 'finished', summary: { meetings: atPublication.length, scheduled: placed.length, unscheduled: atPublication.length - placed.length, moved: 0 } });
  });

  it('gives investor@ published meetings and a request waiting for an answer, and member@ a meeting with investor@', async () => {
    const [inv] = await rows<{ published: number; pending_in: number; booth: number }>(
      db,
      `select (select count(*)::int from partnering_meetings m where m.status = 'active' and m.published_slot_id is not null and me.id in (m.participant_a_id, m.participant_b_id)) as published,
              (select count(*)::int from partnering_requests r where r.to_participant_id = me.id and r.status = 'pending') as pending_in,
              0 as booth
         from partnering_participants me join users u on u.id = me.user_id where me.event_id = $1 and u.email = 'investor@biobridge.demo'`,
      [eventId],
    );
    expect(inv!.published).toBeGreaterThanOrEqual(3);
    expect(inv!.pending_in).toBeGreaterThanOrEqual(1);
    const [pair] = await rows<{ n: number }>(
      db,
      `select count(*)::int as n from partnering_meetings m
         join partnering_participants a on a.id = m.participant_a_id join users ua on ua.id = a.user_id
         join partnering_participants b on b.id = m.participant_b_id join users ub on ub.id = b.user_id
        where m.event_id = $1 and m.published_slot_id is not null and ua.email = 'member@biobridge.demo' and ub.email = 'investor@biobridge.demo'`,
      [eventId],
    );
    expect(pair!.n).toBe(1);
    // member@ also meets the vaccine maker at its booth.
    const [booth] = await rows<{ n: number }>(
      db,
      `select count(*)::int as n from partnering_meetings m join partnering_locations l on l.id = m.published_location_id
         join partnering_participants a on a.id = m.participant_a_id join users ua on ua.id = a.user_id
        where m.event_id = $1 and l.kind = 'booth' and ua.email = 'member@biobridge.demo'`,
      [eventId],
    );
    expect(booth!.n).toBe(1);
  });

  it('gives the Jiading salon wish-list partnering with mutual wishes and nothing scheduled yet', async () => {
    const [s] = await rows<{ mode: string; schedule_version: number; participants: number; registered: number; wishes: number; mutual: number; meetings: number; slots: number; tables: number; investor: number }>(
      db,
      `select s.mode, s.schedule_version,
              (select count(*)::int from partnering_participants p where p.event_id = s.event_id) as participants,
              (select count(*)::int from partnering_participants p join event_registrations r on r.id = p.registration_id and r.user_id = p.user_id and r.status = 'confirmed' where p.event_id = s.event_id) as registered,
              (select count(*)::int from partnering_wishes w where w.event_id = s.event_id) as wishes,
              (select count(*)::int from partnering_wishes w join partnering_wishes x on x.participant_id = w.target_participant_id and x.target_participant_id = w.participant_id
                where w.event_id = s.event_id and w.participant_id < w.target_participant_id) as mutual,
              (select count(*)::int from partnering_meetings m where m.event_id = s.event_id) as meetings,
              (select count(*)::int from partnering_slots x where x.event_id = s.event_id) as slots,
              (select count(*)::int from partnering_locations l where l.event_id = s.event_id and l.kind = 'table') as tables,
              (select count(*)::int from partnering_participants p join users u on u.id = p.user_id where p.event_id = s.event_id and u.email = 'investor@biobridge.demo') as investor
         from partnering_settings s where s.event_id = $1`,
      [salonId],
    );
    expect(s).toMatchObject({ mode: 'wishlist', schedule_version: 0, meetings: 0, slots: 5, tables: 6, investor: 1 });
    expect(s!.participants).toBeGreaterThanOrEqual(8);
    expect(s!.registered).toBe(s!.participants);
    expect(s!.wishes).toBeGreaterThanOrEqual(12);
    expect(s!.mutual).toBeGreaterThanOrEqual(2);
    const [requests] = await rows<{ n: number }>(db, `select count(*)::int as n from partnering_requests where event_id = $1`, [salonId]);
    expect(requests!.n).toBe(0);
  });
});
