import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartneringSettings } from '../../../shared/schemas/partnering';
import { startTestApp, type Client, type TestApp } from '../../../../test/app';
import { signInEach } from '../directory/directory.fixtures';
import { insertMeeting, insertParticipants, insertPartneringEvent } from './partnering.fixtures';

let t: TestApp;
let admin: Client;
let staff: Client;
let member: Client;
let alliance: Client;
let cmc: string;

interface Slot {
  id: string;
  day: string;
  session: string;
  startsAt: string;
  endsAt: string;
  draftMeetings: number;
  publishedMeetings: number;
}
interface Location {
  id: string;
  name: string;
  kind: string;
  owner: { id: string } | null;
  position: number;
}
interface ErrorReply {
  error: { code: string; fields?: Record<string, string>; message: string };
}

const base = (eventId: string, communityId = cmc) => `/api/communities/${communityId}/events/${eventId}/partnering`;
const put = <T>(c: Client, url: string, body: unknown) => c.request<T>('PUT', url, body);
const count = async (sql: string, params: unknown[]) => (await t.database.withConnection((c) => c.rows<{ n: number }>(sql, params)))[0]!.n;

async function enabledEvent(days = 1): Promise<string> {
  const eventId = await insertPartneringEvent(t.database, cmc, { days });
  expect((await put(staff, `${base(eventId)}/settings`, {})).status).toBe(200);
  return eventId;
}

const plan = { days: ['2030-05-20'], sessions: [{ label: '上午', start: '09:00', end: '12:00' }, { label: '下午', start: '14:00', end: '16:00' }], slotMinutes: 20, gapMinutes: 10, breaks: [{ start: '10:30', end: '10:45' }] };

beforeAll(async () => {
  t = await startTestApp();
  [admin, staff, member, alliance] = await signInEach(t.app, ['park.admin', 'staff', 'member', 'alliance.admin']);
  cmc = staff.communityId('china-medical-city');
});
afterAll(() => t.close());

describe('settings', () => {
  it('answers the defaults while off, turns on once (two at once: one wins), edits with the version, and audits', async () => {
    const eventId = await insertPartneringEvent(t.database, cmc);
    const off = await staff.get<PartneringSettings>(`${base(eventId)}/settings`);
    expect(off.status).toBe(200);
    expect(off.body).toMatchObject({ enabled: false, mode: 'requests', version: 0, scheduleVersion: 0, timeZone: 'Asia/Shanghai' });

    const both = await Promise.all([put(staff, `${base(eventId)}/settings`, { mode: 'wishlist' }), put<ErrorReply>(admin, `${base(eventId)}/settings`, { fairness: 2 })]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((both.find((r) => r.status === 409)!.body as ErrorReply).error.code).toBe('partnering_already_enabled');
    expect(await count(`select count(*)::int as n from partnering_settings where event_id = $1`, [eventId])).toBe(1);

    const edited = await put<PartneringSettings>(staff, `${base(eventId)}/settings`, { version: 1, maxRequestsPerParticipant: 20, defaultMaxMeetings: 8, allowedPairs: [['startup', 'investor']], requestDeadline: '2030-05-19T18:00:00+08:00' });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ enabled: true, version: 2, maxRequestsPerParticipant: 20, defaultMaxMeetings: 8, allowedPairs: [['startup', 'investor']], requestDeadline: '2030-05-19T10:00:00.000Z' });
    const stale = await put<ErrorReply>(admin, `${base(eventId)}/settings`, { version: 1, optInOpen: false });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    const actions = await t.database.withConnection((c) => c.rows<{ action: string }>(`select action from audit_log where entity_id = $1 order by id`, [eventId]));
    expect(actions.map((a) => a.action)).toEqual(['partnering.enabled', 'partnering.settings_updated']);
  });

  it('refuses a deadline after the event ends, bad bodies, cancelled events, and those without the right', async () => {
    const eventId = await enabledEvent();
    const late = await put<ErrorReply>(staff, `${base(eventId)}/settings`, { version: 1, requestDeadline: '2030-05-21T00:00:00+08:00' });
    expect(late.status).toBe(400);
    expect(late.body.error.fields).toEqual({ requestDeadline: expect.any(String) });
    expect((await put(staff, `${base(eventId)}/settings`, { version: 1, mode: 'auction' })).status).toBe(400);
    expect((await put(staff, `${base(eventId)}/settings`, { version: 1, unknown: true })).status).toBe(400);
    expect((await put(staff, `${base(eventId)}/settings`, { version: 1, fairness: -1 })).status).toBe(400);
    expect((await member.get(`${base(eventId)}/settings`)).status).toBe(403);
    expect((await put(member, `${base(eventId)}/settings`, { version: 1, fairness: 1 })).status).toBe(403);
    // Another community's admin: as if the event did not exist.
    const jiading = alliance.communityId('jiading-biomed-alliance');
    expect((await alliance.get(`${base(eventId)}/settings`)).status).toBe(404);
    expect((await alliance.get(`${base(eventId, jiading)}/settings`)).status).toBe(404);
    const cancelled = await insertPartneringEvent(t.database, cmc, { status: 'cancelled' });
    const refused = await put<ErrorReply>(staff, `${base(cancelled)}/settings`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('state_conflict');
    expect(await count(`select count(*)::int as n from partnering_settings where event_id = $1`, [cancelled])).toBe(0);
  });
});

describe('slots', () => {
  it('refuses slots before partnering is on', async () => {
    const eventId = await insertPartneringEvent(t.database, cmc);
    const r = await staff.post<ErrorReply>(`${base(eventId)}/slots/generate`, plan);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('partnering_not_enabled');
  });

  it('generates slots from days × sessions in the community zone, skipping breaks', async () => {
    const eventId = await enabledEvent(2);
    const r = await staff.post<{ timeZone: string; items: Slot[] }>(`${base(eventId)}/slots/generate`, { ...plan, days: ['2030-05-21', '2030-05-20'] });
    expect(r.status).toBe(201);
    // Morning: 09:00 09:30 10:00 (10:30–10:45 break) 10:45 11:15; afternoon 14:00 14:30 15:00 15:30 (ends 15:50).
    expect(r.body.items).toHaveLength(18);
    expect(r.body.items[0]).toMatchObject({ day: '2030-05-20', session: '上午', startsAt: '2030-05-20T01:00:00.000Z', endsAt: '2030-05-20T01:20:00.000Z', draftMeetings: 0 });
    expect(r.body.items[3]!.startsAt).toBe('2030-05-20T02:45:00.000Z');
    expect(r.body.items[9]!.day).toBe('2030-05-21');
    const listed = await staff.get<{ items: Slot[] }>(`${base(eventId)}/slots`);
    expect(listed.body.items.map((s) => s.id)).toEqual(r.body.items.map((s) => s.id));
  });

  it('refuses days outside the event, inverted sessions, overlaps (also two at once), and replaces on request', async () => {
    const eventId = await enabledEvent();
    const outside = await staff.post<ErrorReply>(`${base(eventId)}/slots/generate`, { ...plan, days: ['2030-05-22'] });
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields).toHaveProperty(['days.0']);
    const inverted = await staff.post<ErrorReply>(`${base(eventId)}/slots/generate`, { ...plan, sessions: [{ label: 'x', start: '12:00', end: '09:00' }] });
    expect(inverted.status).toBe(400);
    expect(inverted.body.error.fields).toHaveProperty(['sessions.0.end']);
    expect((await staff.post(`${base(eventId)}/slots/generate`, { ...plan, slotMinutes: 1 })).status).toBe(400);
    expect((await staff.post(`${base(eventId)}/slots/generate`, { ...plan, sessions: [{ label: 'x', start: '9:00', end: '10:00' }] })).status).toBe(400);

    const both = await Promise.all([staff.post<ErrorReply>(`${base(eventId)}/slots/generate`, plan), admin.post<ErrorReply>(`${base(eventId)}/slots/generate`, plan)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((both.find((r) => r.status === 409)!.body as ErrorReply).error.code).toBe('partnering_slot_overlap');
    expect(await count(`select count(*)::int as n from partnering_slots where event_id = $1`, [eventId])).toBe(9);

    const replaced = await staff.post<{ items: Slot[] }>(`${base(eventId)}/slots/generate`, { ...plan, sessions: [{ label: '上午', start: '09:00', end: '10:00' }], breaks: [], replace: true });
    expect(replaced.status).toBe(201);
    expect(replaced.body.items).toHaveLength(2);
  });

  it('adds and removes single slots; a slot with a published meeting stays (and blocks replacing)', async () => {
    const eventId = await enabledEvent();
    const one = await staff.post<Slot>(`${base(eventId)}/slots`, { session: '上午', startsAt: '2030-05-20T09:00:00+08:00', endsAt: '2030-05-20T09:30:00+08:00' });
    expect(one.status).toBe(201);
    expect(one.body).toMatchObject({ day: '2030-05-20', session: '上午', startsAt: '2030-05-20T01:00:00.000Z' });
    const overlap = await staff.post<ErrorReply>(`${base(eventId)}/slots`, { session: '上午', startsAt: '2030-05-20T09:15:00+08:00', endsAt: '2030-05-20T09:45:00+08:00' });
    expect(overlap.status).toBe(409);
    expect(overlap.body.error.code).toBe('partnering_slot_overlap');
    expect((await staff.post(`${base(eventId)}/slots`, { session: '上午', startsAt: '2030-05-20T10:00:00+08:00', endsAt: '2030-05-20T09:45:00+08:00' })).status).toBe(400);
    expect((await staff.post(`${base(eventId)}/slots`, { session: '上午', startsAt: '2030-05-23T10:00:00+08:00', endsAt: '2030-05-23T10:30:00+08:00' })).status).toBe(400);
    const two = await staff.post<Slot>(`${base(eventId)}/slots`, { session: '上午', startsAt: '2030-05-20T10:00:00+08:00', endsAt: '2030-05-20T10:30:00+08:00' });
    const table = await staff.post<Location>(`${base(eventId)}/locations`, { kind: 'table', name: '1号桌' });
    const [a, b, c] = await insertParticipants(t.database, eventId, 3);
    const published = await insertMeeting(t.database, eventId, a!.id, b!.id);
    const drafted = await insertMeeting(t.database, eventId, a!.id, c!.id);
    await t.database.withConnection((x) =>
      x.rows(`update partnering_meetings set draft_slot_id = $2, draft_location_id = $3, published_slot_id = $2, published_location_id = $3 where id = $1`, [published, one.body.id, table.body.id]),
    );
    await t.database.withConnection((x) => x.rows(`update partnering_meetings set draft_slot_id = $2, draft_location_id = $3 where id = $1`, [drafted, two.body.id, table.body.id]));

    const blocked = await staff.delete<ErrorReply>(`${base(eventId)}/slots/${one.body.id}`);
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.code).toBe('partnering_slot_in_use');
    const replace = await staff.post<ErrorReply>(`${base(eventId)}/slots/generate`, { ...plan, replace: true });
    expect(replace.status).toBe(409);
    expect(replace.body.error.code).toBe('partnering_slot_in_use');
    expect(await count(`select count(*)::int as n from partnering_slots where event_id = $1`, [eventId])).toBe(2);

    expect((await staff.delete(`${base(eventId)}/slots/${two.body.id}`)).status).toBe(200);
    const [row] = await t.database.withConnection((x) => x.rows<{ draft_slot_id: string | null; draft_location_id: string | null }>(`select draft_slot_id, draft_location_id from partnering_meetings where id = $1`, [drafted]));
    expect(row).toEqual({ draft_slot_id: null, draft_location_id: null });
    expect((await staff.delete(`${base(eventId)}/slots/${two.body.id}`)).status).toBe(404);
    const other = await enabledEvent();
    expect((await staff.delete(`${base(other)}/slots/${one.body.id}`)).status).toBe(404);
  });
});

describe('locations', () => {
  it('adds numbered tables in one go, keeps names unique, checks booth owners, renames and removes', async () => {
    const eventId = await enabledEvent();
    const bulk = await staff.post<{ items: Location[] }>(`${base(eventId)}/locations/bulk`, { kind: 'table', prefix: 'A', count: 5 });
    expect(bulk.status).toBe(201);
    expect(bulk.body.items.map((l) => l.name)).toEqual(['A1', 'A2', 'A3', 'A4', 'A5']);
    expect(bulk.body.items.map((l) => l.position)).toEqual([0, 1, 2, 3, 4]);
    const again = await staff.post<ErrorReply>(`${base(eventId)}/locations/bulk`, { kind: 'table', prefix: 'A', start: 5, count: 3 });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('partnering_location_name_taken');
    expect(await count(`select count(*)::int as n from partnering_locations where event_id = $1`, [eventId])).toBe(5);
    const dup = await staff.post<ErrorReply>(`${base(eventId)}/locations`, { kind: 'room', name: 'A1' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('partnering_location_name_taken');

    const [owner, stranger] = await insertParticipants(t.database, eventId, 2);
    const foreignEvent = await enabledEvent();
    const [foreign] = await insertParticipants(t.database, foreignEvent, 1);
    expect((await staff.post<ErrorReply>(`${base(eventId)}/locations`, { kind: 'booth', name: '展位 1' })).status).toBe(400);
    const wrongOwner = await staff.post<ErrorReply>(`${base(eventId)}/locations`, { kind: 'booth', name: '展位 1', ownerParticipantId: foreign!.id });
    expect(wrongOwner.status).toBe(400);
    expect(wrongOwner.body.error.fields).toHaveProperty('ownerParticipantId');
    expect((await staff.post(`${base(eventId)}/locations`, { kind: 'online', name: '线上 1', onlineUrl: 'javascript:alert(1)' })).status).toBe(400);
    const booth = await staff.post<Location>(`${base(eventId)}/locations`, { kind: 'booth', name: '展位 1', ownerParticipantId: owner!.id });
    expect(booth.status).toBe(201);
    expect(booth.body).toMatchObject({ kind: 'booth', owner: { id: owner!.id }, position: 5 });

    const renamed = await staff.patch<Location>(`${base(eventId)}/locations/${bulk.body.items[0]!.id}`, { name: '贵宾桌', position: 99 });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: '贵宾桌', position: 99 });
    expect((await staff.patch<ErrorReply>(`${base(eventId)}/locations/${bulk.body.items[1]!.id}`, { name: '贵宾桌' })).status).toBe(409);

    // A booth with a published meeting stays; an empty table goes.
    const m = await insertMeeting(t.database, eventId, owner!.id, stranger!.id);
    const [slot] = await t.database.withConnection((x) => x.rows<{ id: string }>(`insert into partnering_slots (event_id, day, session, starts_at, ends_at) values ($1, '2030-05-20', 'am', '2030-05-20T01:00:00Z', '2030-05-20T01:30:00Z') returning id`, [eventId]));
    await t.database.withConnection((x) => x.rows(`update partnering_meetings set published_slot_id = $2, published_location_id = $3 where id = $1`, [m, slot!.id, booth.body.id]));
    const inUse = await staff.delete<ErrorReply>(`${base(eventId)}/locations/${booth.body.id}`);
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.code).toBe('partnering_location_in_use');
    // Giving the booth to someone not in its meeting would break the meeting.
    const [third] = await insertParticipants(t.database, eventId, 1);
    expect((await staff.patch<ErrorReply>(`${base(eventId)}/locations/${booth.body.id}`, { ownerParticipantId: third!.id })).body.error.code).toBe('partnering_location_in_use');
    expect((await staff.delete(`${base(eventId)}/locations/${bulk.body.items[4]!.id}`)).status).toBe(200);
    expect((await staff.get<{ items: Location[] }>(`${base(eventId)}/locations`)).body.items).toHaveLength(5);
    expect((await member.post(`${base(eventId)}/locations`, { kind: 'table', name: 'Z' })).status).toBe(403);
  });
});

describe('participants (organisers)', () => {
  it('lists participants with their figures and pages them; changes cap, status and unavailable slots with the version', async () => {
    const eventId = await enabledEvent();
    const slots = await staff.post<{ items: Slot[] }>(`${base(eventId)}/slots/generate`, plan);
    const people = await insertParticipants(t.database, eventId, 5);
    await insertMeeting(t.database, eventId, people[0]!.id, people[1]!.id);
    await insertMeeting(t.database, eventId, people[0]!.id, people[2]!.id);
    const page1 = await staff.get<{ items: { id: string; requestsSent: number; meetingsAccepted: number; email: string; version: number; unavailableSlotIds: string[] }[]; total: number; nextCursor: string | null }>(`${base(eventId)}/participants?limit=3`);
    expect(page1.status).toBe(200);
    expect(page1.body.total).toBe(5);
    expect(page1.body.items).toHaveLength(3);
    const page2 = await staff.get<{ items: { id: string }[]; nextCursor: string | null }>(`${base(eventId)}/participants?limit=3&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items).toHaveLength(2);
    expect(page2.body.nextCursor).toBeNull();
    const first = [...page1.body.items, ...page2.body.items].find((p) => p.id === people[0]!.id) as (typeof page1.body.items)[number];
    expect(first).toMatchObject({ requestsSent: 2, meetingsAccepted: 2, email: people[0]!.email });
    const found = await staff.get<{ items: { id: string }[] }>(`${base(eventId)}/participants?q=${encodeURIComponent(people[3]!.email)}`);
    expect(found.body.items.map((p) => p.id)).toEqual([people[3]!.id]);
    expect((await staff.get(`${base(eventId)}/participants?cursor=nonsense`)).status).toBe(400);

    const url = `${base(eventId)}/participants/${people[0]!.id}`;
    const changed = await staff.patch<{ maxMeetings: number; status: string; unavailableSlotIds: string[]; version: number }>(url, { version: 1, maxMeetings: 4, unavailableSlotIds: [slots.body.items[0]!.id, slots.body.items[1]!.id] });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ maxMeetings: 4, status: 'active', version: 2 });
    expect(changed.body.unavailableSlotIds.sort()).toEqual([slots.body.items[0]!.id, slots.body.items[1]!.id].sort());
    expect((await staff.patch<ErrorReply>(url, { version: 1, status: 'withdrawn' })).status).toBe(409);
    const otherEvent = await enabledEvent();
    const otherSlots = await staff.post<{ items: Slot[] }>(`${base(otherEvent)}/slots/generate`, plan);
    const foreignSlot = await staff.patch<ErrorReply>(url, { version: 2, unavailableSlotIds: [otherSlots.body.items[0]!.id] });
    expect(foreignSlot.status).toBe(400);
    expect(await count(`select count(*)::int as n from partnering_unavailability where participant_id = $1`, [people[0]!.id])).toBe(2);
    expect((await staff.patch(url, { version: 2, maxMeetings: -1 })).status).toBe(400);
    expect((await staff.patch(`${base(otherEvent)}/participants/${people[0]!.id}`, { version: 2, maxMeetings: 1 })).status).toBe(404);
    expect((await member.patch(url, { version: 2, maxMeetings: 1 })).status).toBe(403);
  });
});

describe('tenancy samples', () => {
  it("give a body for every write of this module, build their records, and another community's admin gets 404 everywhere, changing nothing", async () => {
    const samples = await import('./tenancy.samples');
    const routes = t.app.routeList.filter((r) => r.url.includes('/partnering') && r.url.startsWith('/api/communities/'));
    expect(routes.length).toBeGreaterThanOrEqual(20);
    for (const r of routes) if (r.method !== 'GET' && r.method !== 'DELETE') expect(samples.bodies, `${r.method} ${r.url}`).toHaveProperty(`${r.method} ${r.url}`);
    const ids = await samples.ids(admin, cmc);
    const audit = async () => (await t.database.withConnection((c) => c.rows<{ n: number }>(`select count(*)::int as n from audit_log where community_id = $1`, [cmc])))[0]!.n;
    const before = await audit();
    const jiading = alliance.communityId('jiading-biomed-alliance');
    for (const r of routes) {
      for (const communityId of [cmc, jiading]) {
        const url = r.url.replace(':communityId', communityId).replace(/:(\w+)/g, (_, name: string) => ids[name]!);
        const res = await alliance.request<ErrorReply>(r.method as 'GET', url, samples.bodies[`${r.method} ${r.url}`]);
        expect(res.status, `${r.method} ${url}`).toBe(404);
      }
    }
    expect(await audit()).toBe(before);
    // The samples are valid for the owner: a write with them succeeds.
    const ok = await admin.patch(`${base(ids.eventId!)}/locations/${ids.locationId}`, samples.bodies['PATCH /api/communities/:communityId/events/:eventId/partnering/locations/:locationId']);
    expect(ok.status).toBe(200);
  });
});
