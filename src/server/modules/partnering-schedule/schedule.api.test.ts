import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgMeeting, PartneringRun, PartneringSchedule, PartneringStats } from '../../../shared/schemas/partnering';
import { startTestApp, type Client, type TestApp } from '../../../../test/app';
import { signInEach } from '../directory/directory.fixtures';
import { insertFeedback, insertMeeting, insertParticipants, insertPartneringEvent, insertRequest, type FixtureParticipant } from './partnering.fixtures';

let t: TestApp;
let admin: Client;
let staff: Client;
let member: Client;
let alliance: Client;
let cmc: string;

interface ErrorReply {
  error: { code: string; fields?: Record<string, string> };
}
interface Publish {
  scheduleVersion: number;
  published: number;
  moved: number;
  added: number;
  removed: number;
  notified: number;
}

const base = (eventId: string, communityId = cmc) => `/api/communities/${communityId}/events/${eventId}/partnering`;
const rows = <T>(sql: string, params: unknown[] = []) => t.database.withConnection((c) => c.rows<T>(sql, params));

interface Scene {
  eventId: string;
  url: string;
  people: FixtureParticipant[];
  meetings: string[];
  slots: string[];
  tables: string[];
}

/** An event with partnering on, `slots` half-hour slots from 09:00, `tables` tables, participants and meetings by index pairs. */
async function scene(options: { participants: number; pairs: [number, number][]; slots?: number; tables?: number; mode?: 'requests' | 'wishlist' }): Promise<Scene> {
  const eventId = await insertPartneringEvent(t.database, cmc);
  const url = base(eventId);
  expect((await staff.request('PUT', `${url}/settings`, { mode: options.mode ?? 'requests' })).status).toBe(200);
  const slotCount = options.slots ?? 4;
  const end = `${String(9 + Math.floor(slotCount / 2)).padStart(2, '0')}:${slotCount % 2 ? '30' : '00'}`;
  const slots = await staff.post<{ items: { id: string }[] }>(`${url}/slots/generate`, { days: ['2030-05-20'], sessions: [{ label: '上午', start: '09:00', end }], slotMinutes: 30 });
  expect(slots.status).toBe(201);
  const tables = await staff.post<{ items: { id: string }[] }>(`${url}/locations/bulk`, { kind: 'table', prefix: 'T', count: options.tables ?? 2 });
  const people = await insertParticipants(t.database, eventId, options.participants);
  const meetings: string[] = [];
  for (const [a, b] of options.pairs) meetings.push(await insertMeeting(t.database, eventId, people[a]!.id, people[b]!.id));
  return { eventId, url, people, meetings, slots: slots.body.items.map((s) => s.id), tables: tables.body.items.map((l) => l.id) };
}

async function run(s: Scene, body: Record<string, unknown> = {}, who = staff) {
  return who.post<PartneringRun>(`${s.url}/runs`, { seed: 7, timeLimitSeconds: 0.5, ...body });
}

async function draft(s: Scene, view: 'draft' | 'published' = 'draft') {
  const r = await staff.get<PartneringSchedule>(`${s.url}/schedule?view=${view}`);
  expect(r.status).toBe(200);
  return r.body;
}

const placeOf = (m: OrgMeeting, view: 'draft' | 'published' = 'draft') => (view === 'draft' ? `${m.draftSlotId}@${m.draftLocationId}` : `${m.publishedSlotId}@${m.publishedLocationId}`);

beforeAll(async () => {
  t = await startTestApp();
  [admin, staff, member, alliance] = await signInEach(t.app, ['park.admin', 'staff', 'member', 'alliance.admin']);
  cmc = staff.communityId('china-medical-city');
});
afterAll(() => t.close());

describe('run → draft → publish → re-run', () => {
  it('schedules, publishes with e-mails, and re-runs after late changes without moving published meetings', async () => {
    const s = await scene({ participants: 6, pairs: [[0, 1], [0, 2], [3, 4], [3, 5]] });
    const first = await run(s);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ status: 'finished', error: null, options: { keepPublished: true, seed: 7, timeLimitSeconds: 0.5 }, startedBy: '王磊' });
    expect(first.body.summary).toMatchObject({ meetings: 4, scheduled: 4, unscheduled: 0, moved: 0, breaks: 0 });
    const d1 = await draft(s);
    expect(d1.meetings).toHaveLength(4);
    expect(d1.unplaced).toEqual([]);
    expect(d1.summary).toMatchObject({ meetings: 4, placed: 4, moved: 0, breaks: 0 });
    expect(d1.lastRun!.id).toBe(first.body.id);
    expect(d1.scheduleVersion).toBe(0);
    expect((await draft(s, 'published')).meetings).toEqual([]);

    const pub = await staff.post<Publish>(`${s.url}/schedule/publish`, { scheduleVersion: 0 });
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ scheduleVersion: 1, published: 4, added: 4, moved: 0, removed: 0, notified: 6 });
    const mails = await rows<{ recipient: string; payload: { meetings: number; changed: boolean; link: string } }>(`select recipient, payload from outbox where template = 'partnering_schedule_published' and payload->>'eventId' = $1`, [s.eventId]);
    expect(mails).toHaveLength(6);
    const p0mail = mails.find((m) => m.recipient === s.people[0]!.email)!;
    expect(p0mail.payload).toMatchObject({ meetings: 2, changed: false, link: `http://bb.test/partnering/${s.eventId}` });
    const published = await draft(s, 'published');
    expect(published.meetings).toHaveLength(4);
    const before = new Map(published.meetings.map((m) => [m.id, placeOf(m, 'published')]));

    // Late changes: a new accepted request, and participant 3 cannot come in a slot where they have no meeting.
    const late = await insertMeeting(t.database, s.eventId, s.people[1]!.id, s.people[2]!.id, { weight: 100, priority: 'must' });
    const busy3 = new Set(published.meetings.filter((m) => [m.participantA.id, m.participantB.id].includes(s.people[3]!.id)).map((m) => m.publishedSlotId));
    const free3 = s.slots.find((id) => !busy3.has(id))!;
    const [p3] = await rows<{ version: number }>(`select version from partnering_participants where id = $1`, [s.people[3]!.id]);
    expect((await staff.patch(`${s.url}/participants/${s.people[3]!.id}`, { version: p3!.version, unavailableSlotIds: [free3] })).status).toBe(200);

    const second = await run(s);
    expect(second.body.status).toBe('finished');
    expect(second.body.summary).toMatchObject({ meetings: 5, scheduled: 5, moved: 0 });
    const d2 = await draft(s);
    for (const m of d2.meetings.filter((x) => x.id !== late)) expect(placeOf(m)).toBe(before.get(m.id));
    expect(d2.meetings.find((m) => m.id === late)!.draftSlotId).not.toBeNull();
    expect(d2.summary.moved).toBe(0);

    const stale = await staff.post<ErrorReply>(`${s.url}/schedule/publish`, { scheduleVersion: 0 });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('partnering_schedule_changed');
    const pub2 = await staff.post<Publish>(`${s.url}/schedule/publish`, { scheduleVersion: 1 });
    expect(pub2.body).toMatchObject({ scheduleVersion: 2, published: 5, added: 1, moved: 0, removed: 0, notified: 2 });
    const second2 = await rows<{ payload: { meetings: number; changed: boolean } }>(
      `select payload from outbox where template = 'partnering_schedule_published' and payload->>'eventId' = $1 and recipient = $2 order by created_at`,
      [s.eventId, s.people[1]!.email],
    );
    expect(second2.map((m) => m.payload)).toEqual([expect.objectContaining({ meetings: 1, changed: false }), expect.objectContaining({ meetings: 2, changed: true })]);
  });

  it('refuses to publish a draft that a late change made impossible, until the scheduler runs again', async () => {
    const s = await scene({ participants: 4, pairs: [[0, 1], [2, 3]] });
    await run(s);
    const m01 = (await draft(s)).meetings.find((m) => m.id === s.meetings[0])!;
    // Participant 0 now cannot come in the slot of their drafted meeting.
    const [p0] = await rows<{ version: number }>(`select version from partnering_participants where id = $1`, [s.people[0]!.id]);
    expect((await staff.patch(`${s.url}/participants/${s.people[0]!.id}`, { version: p0!.version, unavailableSlotIds: [m01.draftSlotId] })).status).toBe(200);
    const refused = await staff.post<ErrorReply>(`${s.url}/schedule/publish`, { scheduleVersion: 0 });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('partnering_draft_stale');
    expect((await rows<{ v: number }>(`select schedule_version as v from partnering_settings where event_id = $1`, [s.eventId]))[0]!.v).toBe(0);
    expect((await draft(s, 'published')).meetings).toEqual([]);

    const again = await run(s);
    expect(again.body.summary).toMatchObject({ scheduled: 2 });
    expect((await draft(s)).meetings.find((m) => m.id === m01.id)!.draftSlotId).not.toBe(m01.draftSlotId);
    const pub = await staff.post<Publish>(`${s.url}/schedule/publish`, { scheduleVersion: 0 });
    expect(pub.status).toBe(200);
    expect(pub.body).toMatchObject({ scheduleVersion: 1, published: 2 });
  });

  it('moves published meetings only when asked (and reports how many), keeps locked ones, and counts breaks', async () => {
    const s = await scene({ participants: 3, pairs: [[0, 1], [0, 2]], tables: 1 });
    await run(s);
    const d = await draft(s);
    const [m01, m02] = [d.meetings.find((m) => m.id === s.meetings[0])!, d.meetings.find((m) => m.id === s.meetings[1])!];
    // Move the second meeting away from the first by hand: participant 0 gets a break.
    const i = s.slots.indexOf(m01.draftSlotId!);
    const far = s.slots.find((_, j) => Math.abs(j - i) >= 2)!;
    const moved = await staff.patch<OrgMeeting>(`${s.url}/meetings/${m02.id}`, { version: m02.version, draftSlotId: far, draftLocationId: s.tables[0] });
    expect(moved.status).toBe(200);
    expect((await draft(s)).summary.breaks).toBe(1);
    expect((await staff.post(`${s.url}/schedule/publish`, { scheduleVersion: 0 })).status).toBe(200);

    const kept = await run(s);
    expect(kept.body.summary).toMatchObject({ moved: 0, breaks: 1, scheduled: 2 });
    // Lock the second meeting where it is; let the run move published meetings.
    const locked = await staff.patch<OrgMeeting>(`${s.url}/meetings/${m02.id}`, { version: moved.body.version, locked: true });
    expect(locked.body.locked).toBe(true);
    const free = await run(s, { keepPublished: false, timeLimitSeconds: 1 });
    expect(free.body.status).toBe('finished');
    expect(free.body.options.keepPublished).toBe(false);
    expect(free.body.summary).toMatchObject({ moved: 1, breaks: 0, scheduled: 2 });
    const after = await draft(s);
    expect(after.meetings.find((m) => m.id === m02.id)!.draftSlotId).toBe(far);
    const first = after.meetings.find((m) => m.id === m01.id)!;
    expect(first.moved).toBe(true);
    expect(after.summary.moved).toBe(1);
    const pub = await staff.post<Publish>(`${s.url}/schedule/publish`, { scheduleVersion: 1 });
    expect(pub.body).toMatchObject({ moved: 1, added: 0, removed: 0, notified: 2 });
  });
});

describe('concurrency', () => {
  it('lets one of two runs at once through (409 partnering_run_in_progress) and reports what it could not place', async () => {
    const s = await scene({ participants: 4, pairs: [[0, 1], [2, 3], [1, 2]] });
    const [p3] = await rows<{ version: number }>(`select version from partnering_participants where id = $1`, [s.people[3]!.id]);
    expect((await staff.patch(`${s.url}/participants/${s.people[3]!.id}`, { version: p3!.version, maxMeetings: 0 })).status).toBe(200);
    const both = await Promise.all([run(s, { timeLimitSeconds: 1 }), run(s, { timeLimitSeconds: 1 }, admin)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect((both.find((r) => r.status === 409)!.body as unknown as ErrorReply).error.code).toBe('partnering_run_in_progress');
    expect((await rows<{ n: number }>(`select count(*)::int as n from partnering_runs where event_id = $1`, [s.eventId]))[0]!.n).toBe(1);
    const d = await draft(s);
    expect(d.unplaced.map((m) => [m.id, m.unscheduledReason])).toEqual([[s.meetings[1], 'max_meetings_zero']]);
    const runs = await staff.get<{ items: PartneringRun[] }>(`${s.url}/runs`);
    expect(runs.body.items).toHaveLength(1);
    expect((await staff.get<PartneringRun>(`${s.url}/runs/${runs.body.items[0]!.id}`)).body.summary).toMatchObject({ scheduled: 2, unscheduled: 1 });
  });

  it('lets one of two publishes at once win (409 partnering_schedule_changed)', async () => {
    const s = await scene({ participants: 4, pairs: [[0, 1], [2, 3]] });
    await run(s);
    const both = await Promise.all([staff.post<Publish>(`${s.url}/schedule/publish`, { scheduleVersion: 0 }), admin.post<Publish>(`${s.url}/schedule/publish`, { scheduleVersion: 0 })]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect((both.find((r) => r.status === 409)!.body as unknown as ErrorReply).error.code).toBe('partnering_schedule_changed');
    const [settings] = await rows<{ schedule_version: number }>(`select schedule_version from partnering_settings where event_id = $1`, [s.eventId]);
    expect(settings!.schedule_version).toBe(1);
    expect((await rows<{ n: number }>(`select count(*)::int as n from audit_log where entity_id = $1 and action = 'partnering.schedule_published'`, [s.eventId]))[0]!.n).toBe(1);
    expect((await rows<{ n: number }>(`select count(*)::int as n from outbox where template = 'partnering_schedule_published' and payload->>'eventId' = $1`, [s.eventId]))[0]!.n).toBe(4);
  });

  it('refuses runs, publishing and hand moves while a run holds its lease, and takes over a run whose lease passed', async () => {
    const s = await scene({ participants: 2, pairs: [[0, 1]] });
    const [running] = await rows<{ id: string }>(`insert into partnering_runs (event_id, lease_until) values ($1, now() + interval '5 minutes') returning id`, [s.eventId]);
    expect((await run(s)).status).toBe(409);
    expect(((await staff.post<ErrorReply>(`${s.url}/schedule/publish`, { scheduleVersion: 0 })).body as ErrorReply).error.code).toBe('partnering_run_in_progress');
    const [m] = await rows<{ version: number }>(`select version from partnering_meetings where id = $1`, [s.meetings[0]]);
    expect((await staff.patch<ErrorReply>(`${s.url}/meetings/${s.meetings[0]}`, { version: m!.version, draftSlotId: s.slots[0], draftLocationId: s.tables[0] })).body.error.code).toBe('partnering_run_in_progress');
    await rows(`update partnering_runs set lease_until = now() - interval '1 second' where id = $1`, [running!.id]);
    const next = await run(s);
    expect(next.status).toBe(201);
    expect(next.body.status).toBe('finished');
    const [old] = await rows<{ status: string; error: string }>(`select status, error from partnering_runs where id = $1`, [running!.id]);
    expect(old).toEqual({ status: 'failed', error: 'lease_expired' });
  });
});

describe('meetings by hand', () => {
  it('adds meetings, moves them in the draft with every refusal, locks and cancels', async () => {
    const s = await scene({ participants: 6, pairs: [[0, 1], [0, 2], [3, 4]] });
    const added = await staff.post<OrgMeeting>(`${s.url}/meetings`, { participantAId: s.people[4]!.id, participantBId: s.people[5]!.id, priority: 'must' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ source: 'organiser', weight: 100, draftSlotId: null, locked: false });
    const dup = await staff.post<ErrorReply>(`${s.url}/meetings`, { participantAId: s.people[1]!.id, participantBId: s.people[0]!.id });
    expect(dup.status).toBe(409);
    expect(dup.body.error.code).toBe('partnering_meeting_exists');
    expect((await staff.post(`${s.url}/meetings`, { participantAId: s.people[1]!.id, participantBId: s.people[1]!.id })).status).toBe(400);
    expect((await staff.post(`${s.url}/meetings`, { participantAId: s.people[1]!.id, participantBId: '00000000-0000-4000-8000-000000000009' })).status).toBe(400);
    await run(s);
    const d = await draft(s);
    const byId = new Map(d.meetings.map((m) => [m.id, m]));
    const [m01, m02, m34] = s.meetings.map((id) => byId.get(id)!);
    const room = await staff.post<{ id: string }>(`${s.url}/locations`, { kind: 'room', name: '洽谈室 1' });
    const booth = await staff.post<{ id: string }>(`${s.url}/locations`, { kind: 'booth', name: '展位 5', ownerParticipantId: s.people[5]!.id });
    const move = (m: OrgMeeting, body: Record<string, unknown>) => staff.patch<ErrorReply>(`${s.url}/meetings/${m.id}`, { version: m.version, ...body });

    expect((await move(m34!, { draftSlotId: m01!.draftSlotId, draftLocationId: m01!.draftLocationId })).body.error.code).toBe('partnering_place_taken');
    expect((await move(m02!, { draftSlotId: m01!.draftSlotId, draftLocationId: room.body.id })).body.error.code).toBe('partnering_participant_busy');
    expect((await move(m01!, { draftSlotId: m01!.draftSlotId, draftLocationId: booth.body.id })).body.error.code).toBe('partnering_location_not_theirs');
    const [p3] = await rows<{ version: number }>(`select version from partnering_participants where id = $1`, [s.people[3]!.id]);
    await staff.patch(`${s.url}/participants/${s.people[3]!.id}`, { version: p3!.version, unavailableSlotIds: [s.slots[3]] });
    expect((await move(m34!, { draftSlotId: s.slots[3], draftLocationId: room.body.id })).body.error.code).toBe('partnering_participant_unavailable');
    const half = await move(m34!, { draftSlotId: s.slots[0] });
    expect(half.status).toBe(400);
    expect(half.body.error.fields).toHaveProperty('draftSlotId');
    const other = await scene({ participants: 2, pairs: [] });
    expect((await move(m34!, { draftSlotId: other.slots[0], draftLocationId: room.body.id })).status).toBe(400);
    expect((await staff.patch(`${s.url}/meetings/${m34!.id}`, { version: m34!.version, draftSlotId: s.slots[0], draftLocationId: room.body.id, colour: 'red' })).status).toBe(400);

    // A free place for both: accepted, unscheduled reason cleared, audited.
    const busy34 = new Set(d.meetings.filter((m) => m.id !== m34!.id && [m.participantA.id, m.participantB.id].some((p) => p === s.people[3]!.id || p === s.people[4]!.id)).map((m) => m.draftSlotId));
    const target = s.slots.slice(0, 3).find((id) => !busy34.has(id))!;
    const ok = await staff.patch<OrgMeeting>(`${s.url}/meetings/${m34!.id}`, { version: m34!.version, draftSlotId: target, draftLocationId: room.body.id, locked: true });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ draftSlotId: target, draftLocationId: room.body.id, locked: true, unscheduledReason: null, version: m34!.version + 1 });
    expect((await staff.patch<ErrorReply>(`${s.url}/meetings/${m34!.id}`, { version: m34!.version, locked: false })).body.error.code).toBe('version_conflict');
    // The locked meeting keeps its place through a re-run.
    await run(s, { keepPublished: false });
    expect(placeOf((await draft(s)).meetings.find((m) => m.id === m34!.id)!)).toBe(`${target}@${room.body.id}`);

    const cancelled = await staff.patch<OrgMeeting>(`${s.url}/meetings/${added.body.id}`, { version: added.body.version + 0, status: 'cancelled' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await staff.patch<ErrorReply>(`${s.url}/meetings/${added.body.id}`, { version: cancelled.body.version, locked: true })).status).toBe(409);
    // The pair may meet again after a cancellation.
    expect((await staff.post(`${s.url}/meetings`, { participantAId: s.people[4]!.id, participantBId: s.people[5]!.id })).status).toBe(201);
    const actions = await rows<{ action: string }>(`select action from audit_log where entity_id = $1 order by id`, [m34!.id]);
    expect(actions.map((a) => a.action)).toEqual(['partnering.meeting_updated']);
  });
});

describe('wish list mode', () => {
  it('turns mutual wishes into meetings at the run, weighted by the better priority', async () => {
    const s = await scene({ participants: 3, pairs: [], mode: 'wishlist' });
    const [a, b, c] = s.people;
    await rows(
      `insert into partnering_wishes (event_id, participant_id, target_participant_id, priority) values ($1, $2, $3, 'must'), ($1, $3, $2, 'if_time'), ($1, $2, $4, 'would_like')`,
      [s.eventId, a!.id, b!.id, c!.id],
    );
    const r = await run(s);
    expect(r.body.summary).toMatchObject({ meetings: 1, scheduled: 1 });
    const meetings = await rows<{ source: string; weight: number }>(`select source, weight from partnering_meetings where event_id = $1`, [s.eventId]);
    expect(meetings).toEqual([{ source: 'wishlist', weight: 100 }]);
    await run(s);
    expect((await rows<{ n: number }>(`select count(*)::int as n from partnering_meetings where event_id = $1`, [s.eventId]))[0]!.n).toBe(1);
    const stats = await staff.get<PartneringStats>(`${s.url}/stats`);
    expect(stats.body.wishes).toEqual({ total: 3, mutualPairs: 1 });
  });
});

describe('the schedule workbook', () => {
  it('has a grid per day, the meetings and what could not be placed, in the reader’s language', async () => {
    const s = await scene({ participants: 4, pairs: [[0, 1], [2, 3]] });
    const [p3] = await rows<{ version: number }>(`select version from partnering_participants where id = $1`, [s.people[3]!.id]);
    await staff.patch(`${s.url}/participants/${s.people[3]!.id}`, { version: p3!.version, maxMeetings: 0 });
    await run(s);
    const res = await t.app.inject({ method: 'GET', url: `${s.url}/schedule.xlsx?view=draft`, remoteAddress: '10.0.0.1', headers: { cookie: staff.cookie!, 'accept-language': 'en' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain('.xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['2030-05-20 Draft', 'Meetings', 'Not placed']);
    const grid = book.worksheets[0]!;
    expect(grid.getRow(1).values).toEqual([undefined, 'Slot', 'T1', 'T2']);
    expect(grid.rowCount).toBe(5);
    const cells = grid.getSheetValues().flat().filter((v): v is string => typeof v === 'string');
    expect(cells.some((c) => c.includes(s.people[0]!.name) && c.includes(s.people[1]!.name))).toBe(true);
    expect(book.getWorksheet('Meetings')!.rowCount).toBe(2);
    const unplaced = book.getWorksheet('Not placed')!;
    expect(unplaced.getRow(2).getCell(1).value).toBe(s.people[2]!.name);
    expect(unplaced.getRow(2).getCell(6).value).toBe("A participant's maximum number of meetings is 0");
    expect((await t.app.inject({ method: 'GET', url: `${s.url}/schedule.xlsx?view=all`, remoteAddress: '10.0.0.1', headers: { cookie: staff.cookie! } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: `${s.url}/schedule.xlsx`, remoteAddress: '10.0.0.1', headers: { cookie: member.cookie! } })).statusCode).toBe(403);
  });
});

describe('figures, permissions and bad input', () => {
  it('counts requests, meetings, feedback and satisfaction', async () => {
    const s = await scene({ participants: 5, pairs: [[0, 1], [0, 2], [3, 4]] });
    await insertRequest(t.database, s.eventId, s.people[1]!.id, s.people[2]!.id, 'pending');
    await insertRequest(t.database, s.eventId, s.people[1]!.id, s.people[3]!.id, 'declined', 'must');
    await insertRequest(t.database, s.eventId, s.people[2]!.id, s.people[4]!.id, 'cancelled');
    await run(s);
    await staff.post(`${s.url}/schedule/publish`, { scheduleVersion: 0 });
    await insertFeedback(t.database, s.meetings[0]!, s.people[0]!.id, 'held', 5);
    await insertFeedback(t.database, s.meetings[0]!, s.people[1]!.id, 'held', 4);
    await insertFeedback(t.database, s.meetings[1]!, s.people[0]!.id, 'no_show', null);
    const r = await staff.get<PartneringStats>(`${s.url}/stats`);
    expect(r.status).toBe(200);
    expect(r.body).toEqual({
      participants: 5,
      participantsBySide: [
        { side: 'startup', count: expect.any(Number) },
        { side: 'investor', count: expect.any(Number) },
      ],
      requests: {
        sent: 6,
        pending: 1,
        accepted: 3,
        declined: 1,
        cancelled: 1,
        byPriority: [
          { priority: 'must', count: 1 },
          { priority: 'would_like', count: 3 },
          { priority: 'if_time', count: 2 },
        ],
      },
      wishes: { total: 0, mutualPairs: 0 },
      meetings: { active: 3, scheduled: 3, held: 1, noShows: 1, withFeedback: 2 },
      satisfaction: 4.5,
      ratings: 2,
      responseRate: 0.667,
    });
    expect(r.body.participantsBySide.reduce((n, x) => n + x.count, 0)).toBe(5);
  });

  it('keeps the organisers’ routes to events.manage of the event’s own community, and refuses malformed bodies', async () => {
    const s = await scene({ participants: 2, pairs: [[0, 1]] });
    expect((await run(s, {}, member)).status).toBe(403);
    expect((await member.post(`${s.url}/schedule/publish`, { scheduleVersion: 0 })).status).toBe(403);
    expect((await member.get(`${s.url}/schedule`)).status).toBe(403);
    expect((await member.get(`${s.url}/stats`)).status).toBe(403);
    expect((await alliance.post(`${s.url}/runs`, {})).status).toBe(404);
    const jiading = alliance.communityId('jiading-biomed-alliance');
    expect((await alliance.get(`${base(s.eventId, jiading)}/schedule`)).status).toBe(404);
    expect((await run(s, { timeLimitSeconds: 1000 })).status).toBe(400);
    expect((await run(s, { keepPublished: 'yes' })).status).toBe(400);
    expect((await staff.post(`${s.url}/schedule/publish`, {})).status).toBe(400);
    expect((await staff.get(`${s.url}/schedule?view=both`)).status).toBe(400);
    expect((await staff.get(`${s.url}/runs/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await rows<{ n: number }>(`select count(*)::int as n from partnering_runs where event_id = $1`, [s.eventId]))[0]!.n).toBe(0);
    const off = await insertPartneringEvent(t.database, cmc);
    expect(((await staff.post<ErrorReply>(`${base(off)}/runs`, {})).body as ErrorReply).error.code).toBe('partnering_not_enabled');
  });
});
