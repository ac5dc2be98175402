import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyParticipant, ParticipantListItem, PartneringOverview } from '../../../shared/schemas/partnering';
import { Client, startTestApp, type TestApp } from '../../../../test/app';
import { signInEach } from '../directory/directory.fixtures';
import { insertPartneringEvent, registerAccount, type PartneringFixture } from './partnering.fixtures';

let t: TestApp;
let member: Client;
let investor: Client;
let provider: Client;
let viewer: Client;
let staff: Client;
let alliance: Client;
let cmc: string;
let day: PartneringFixture;

const url = (f: PartneringFixture, path = '') => `/api/events/${f.eventId}/partnering${path}`;
const put = <T = unknown>(c: Client, path: string, body: unknown) => c.request<T>('PUT', path, body);

const profile = (fields: Record<string, unknown> = {}) => ({
  side: 'startup',
  displayName: '孙悦',
  organisationName: '合耀细胞',
  jobTitle: '商务总监',
  headline: 'CAR-T 细胞治疗，寻找 A 轮投资',
  offer: '自体 CAR-T 平台',
  seek: '寻找投资与临床合作',
  segments: ['cell_therapy'],
  stages: ['preclinical'],
  ...fields,
});

async function count(sql: string, params: unknown[]): Promise<number> {
  const [row] = await t.database.withConnection((c) => c.rows<{ n: number }>(sql, params));
  return Number(row!.n);
}

beforeAll(async () => {
  t = await startTestApp();
  [member, investor, provider, viewer, staff, alliance] = await signInEach(t.app, ['member', 'investor', 'provider', 'viewer', 'staff', 'alliance.admin']);
  cmc = staff.communityId('china-medical-city');
  day = await insertPartneringEvent(t.database, cmc);
  for (const email of ['member', 'investor', 'provider']) await registerAccount(t.database, day, `${email}@biobridge.demo`);
});
afterAll(() => t.close());

describe('the partnering overview', () => {
  it('needs a signed-in user', async () => {
    const res = await new Client(t.app).get(url(day));
    expect(res.status).toBe(401);
  });

  it('answers 404 for an event without partnering or one that does not exist', async () => {
    const plain = await insertPartneringEvent(t.database, cmc, { settings: null });
    expect((await member.get(url(plain))).status).toBe(404);
    expect((await member.get('/api/events/00000000-0000-4000-8000-000000000000/partnering')).status).toBe(404);
    expect((await member.get('/api/events/not-a-uuid/partnering')).status).toBe(400);
  });

  it('answers 404 for a draft event to someone who cannot manage it', async () => {
    const draft = await insertPartneringEvent(t.database, cmc, { status: 'draft' });
    expect((await member.get(url(draft))).status).toBe(404);
    expect((await alliance.get(url(draft))).status).toBe(404);
    const own = await staff.get<PartneringOverview>(url(draft));
    expect(own.status).toBe(200);
    expect(own.body.canManage).toBe(true);
  });

  it('tells a registrant they may opt in, with the rules, slots and the effective deadline', async () => {
    const res = await member.get<PartneringOverview>(url(day));
    expect(res.status).toBe(200);
    expect(res.body.me).toBeNull();
    expect(res.body.optInBlockedBy).toBeNull();
    expect(res.body.canManage).toBe(false);
    expect(res.body.rules).toMatchObject({ mode: 'requests', optInOpen: true, requestDeadline: '2030-06-10T01:00:00.000Z', allowedPairs: null });
    expect(res.body.slots).toHaveLength(6);
    expect(res.body.event).toMatchObject({ kind: 'partnering_day', timeZone: 'Asia/Shanghai', communitySlug: 'china-medical-city' });
  });

  it('tells a visitor without a confirmed registration why they cannot opt in, and refuses the opt-in (409)', async () => {
    const res = await viewer.get<PartneringOverview>(url(day));
    expect(res.status).toBe(200);
    expect(res.body.optInBlockedBy).toBe('not_registered');
    const put1 = await put<{ error: { code: string } }>(viewer, url(day, '/me'), profile({ displayName: '郑凯', segments: [] }));
    expect(put1.status).toBe(409);
    expect(put1.body.error.code).toBe('partnering_not_registered');
    const pending = await insertPartneringEvent(t.database, cmc);
    await registerAccount(t.database, pending, 'viewer@biobridge.demo', 'pending');
    expect((await put<{ error: { code: string } }>(viewer, url(pending, '/me'), profile())).body.error.code).toBe('partnering_not_registered');
    expect(await count(`select count(*) as n from partnering_participants where event_id in ($1, $2)`, [day.eventId, pending.eventId])).toBe(0);
  });

  it('refuses opt-in when closed or when the event is over', async () => {
    const closed = await insertPartneringEvent(t.database, cmc, { settings: { optInOpen: false } });
    await registerAccount(t.database, closed, 'member@biobridge.demo');
    expect((await member.get<PartneringOverview>(url(closed))).body.optInBlockedBy).toBe('opt_in_closed');
    expect((await put<{ error: { code: string } }>(member, url(closed, '/me'), profile())).body.error.code).toBe('partnering_opt_in_closed');
    const past = await insertPartneringEvent(t.database, cmc, { startsAt: '2024-05-01T01:00:00Z', endsAt: '2024-05-01T09:00:00Z' });
    await registerAccount(t.database, past, 'member@biobridge.demo');
    expect((await member.get<PartneringOverview>(url(past))).body.optInBlockedBy).toBe('event_over');
    expect((await put<{ error: { code: string } }>(member, url(past, '/me'), profile())).body.error.code).toBe('partnering_event_over');
  });
});

describe('the opt-in form', () => {
  it('prefills from the directory: the organisation represented, its side, segments and projects', async () => {
    const res = await member.get<{ organisationName: string; side: string; segments: string[]; projects: { id: string }[]; organisationId: string }>(url(day, '/me/prefill'));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ organisationName: expect.stringContaining('禾曜'), side: 'startup' });
    expect(res.body.segments).toContain('cell_therapy');
    const inv = await investor.get<{ side: string; segments: string[]; stages: string[] }>(url(day, '/me/prefill'));
    expect(inv.body.side).toBe('investor');
    expect(inv.body.segments).toEqual(expect.arrayContaining(['innovative_drug', 'cell_therapy']));
    expect(inv.body.stages).toEqual(expect.arrayContaining(['preclinical', 'phase_1']));
  });

  it('refuses bad profiles field by field and writes nothing', async () => {
    const bad = await put<{ error: { code: string; fields: Record<string, string> } }>(
      member,
      url(day, '/me'),
      profile({ meetingPlace: 'online', segments: ['cell_therapy', 'no_such_segment'], unavailableSlotIds: [day.slotIds[0], '00000000-0000-4000-8000-000000000000'], projectIds: ['00000000-0000-4000-8000-000000000001'] }),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['onlineUrl', 'projectIds.0', 'segments.1', 'unavailableSlotIds.1']);
    expect(bad.body.error.fields.onlineUrl).toBeTruthy();
    for (const body of [profile({ surprise: 1 }), profile({ displayName: '' }), profile({ side: 'alien' }), profile({ onlineUrl: 'javascript:alert(1)' }), profile({ headline: 'a\u0000b' }), '{"side":'] as unknown[]) {
      const res = await put(member, url(day, '/me'), body);
      expect(res.status).toBe(400);
    }
    expect(await count(`select count(*) as n from partnering_participants where event_id = $1`, [day.eventId])).toBe(0);
  });

  it('opts in, then edits with the version; the unavailable slots are replaced; each write is audited', async () => {
    const prefill = await member.get<{ projects: { id: string }[] }>(url(day, '/me/prefill'));
    const projectIds = prefill.body.projects.slice(0, 1).map((p) => p.id);
    const res = await put<MyParticipant>(member, url(day, '/me'), profile({ projectIds, unavailableSlotIds: [day.slotIds[0], day.slotIds[1]] }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'active', side: 'startup', version: 1, unavailableSlotIds: [day.slotIds[0], day.slotIds[1]] });
    expect(res.body.projects.map((p) => p.id)).toEqual(projectIds);
    expect(res.body.organisationId).toBeTruthy();

    const noVersion = await put<{ error: { code: string } }>(member, url(day, '/me'), profile());
    expect(noVersion.status).toBe(409);
    expect(noVersion.body.error.code).toBe('version_conflict');
    const stale = await put(member, url(day, '/me'), profile({ version: 7 }));
    expect(stale.status).toBe(409);

    const edit = await put<MyParticipant>(member, url(day, '/me'), profile({ version: 1, headline: '细胞治疗 A 轮', unavailableSlotIds: [day.slotIds[5]], meetingPlace: 'online', onlineUrl: 'https://meet.example.com/heyao' }));
    expect(edit.status).toBe(200);
    expect(edit.body).toMatchObject({ version: 2, headline: '细胞治疗 A 轮', unavailableSlotIds: [day.slotIds[5]], onlineUrl: 'https://meet.example.com/heyao' });
    const actions = await t.database.withConnection((c) => c.rows<{ action: string }>(`select action from audit_log where entity_id = $1 order by id`, [edit.body.id]));
    expect(actions.map((a) => a.action)).toEqual(['partnering_participant.opted_in', 'partnering_participant.updated']);

    const overview = await member.get<PartneringOverview>(url(day));
    expect(overview.body.me).toMatchObject({ id: edit.body.id, version: 2 });
    const mine = await member.get<{ items: { eventId: string; participantStatus: string | null }[] }>('/api/me/partnering');
    expect(mine.body.items.find((i) => i.eventId === day.eventId)?.participantStatus).toBe('active');
  });

  it('lets only one of two simultaneous opt-ins through', async () => {
    const both = await insertPartneringEvent(t.database, cmc);
    await registerAccount(t.database, both, 'provider@biobridge.demo');
    const replies = await Promise.all([put(provider, url(both, '/me'), profile({ side: 'service', segments: [] })), put(provider, url(both, '/me'), profile({ side: 'service', segments: [] }))]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await count(`select count(*) as n from partnering_participants where event_id = $1`, [both.eventId])).toBe(1);
  });
});

describe('browsing the participants', () => {
  beforeAll(async () => {
    expect((await put(investor, url(day, '/me'), profile({ side: 'investor', displayName: '赵明轩', organisationName: '诚泰资本', headline: '早期医疗投资', offer: '投资 临床合作资源', seek: '细胞治疗项目', segments: ['innovative_drug', 'cell_therapy'], stages: ['preclinical', 'phase_1'] }))).status).toBe(200);
    expect((await put(provider, url(day, '/me'), profile({ side: 'service', displayName: '李娜', organisationName: '金研 CRO', headline: '临床前 CRO', offer: '药效评价', seek: '客户', segments: [], stages: [] }))).status).toBe(200);
  });

  it('puts likely matches first, with reasons', async () => {
    const res = await investor.get<{ items: ParticipantListItem[]; total: number; nextCursor: string | null }>(url(day, '/participants'));
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((i) => i.displayName)).toEqual(['孙悦', '李娜']);
    const [first, second] = res.body.items;
    expect(first!.matchScore!).toBeGreaterThan(second!.matchScore!);
    expect(first!.reasons.map((r) => r.code)).toEqual(expect.arrayContaining(['segment', 'thesis_segment', 'side_pair']));
    expect(first!.reasons.find((r) => r.code === 'segment')?.terms).toEqual(['cell_therapy']);
    expect(first!.relation).toMatchObject({ request: null, canRequest: true, requestBlockedBy: null });
  });

  it('filters by text, side and segment, and pages by name with a keyset cursor', async () => {
    const q = await investor.get<{ items: ParticipantListItem[] }>(url(day, `/participants?q=${encodeURIComponent('cro')}`));
    expect(q.body.items.map((i) => i.displayName)).toEqual(['李娜']);
    const side = await investor.get<{ items: ParticipantListItem[] }>(url(day, '/participants?side=startup'));
    expect(side.body.items.map((i) => i.displayName)).toEqual(['孙悦']);
    const segment = await member.get<{ items: ParticipantListItem[] }>(url(day, '/participants?segment=cell_therapy'));
    expect(segment.body.items.map((i) => i.displayName)).toEqual(['赵明轩']);
    const page1 = await member.get<{ items: ParticipantListItem[]; nextCursor: string }>(url(day, '/participants?sort=name&limit=1'));
    expect(page1.body.items).toHaveLength(1);
    const page2 = await member.get<{ items: ParticipantListItem[]; nextCursor: string | null }>(url(day, `/participants?sort=name&limit=1&cursor=${page1.body.nextCursor}`));
    expect(page2.body.items).toHaveLength(1);
    expect(page2.body.items[0]!.id).not.toBe(page1.body.items[0]!.id);
    expect(page2.body.nextCursor).toBeNull();
    expect((await member.get(url(day, '/participants?cursor=@@@'))).status).toBe(400);
    expect((await member.get(url(day, '/participants?sort=random'))).status).toBe(400);
  });

  it('shows one card, and 404 for oneself, another event\'s or an unknown participant', async () => {
    const list = await investor.get<{ items: ParticipantListItem[] }>(url(day, '/participants?side=startup'));
    const memberId = list.body.items[0]!.id;
    const one = await investor.get<ParticipantListItem>(url(day, `/participants/${memberId}`));
    expect(one.status).toBe(200);
    expect(one.body).toMatchObject({ id: memberId, displayName: '孙悦' });
    expect((await member.get(url(day, `/participants/${memberId}`))).status).toBe(404);
    const other = await insertPartneringEvent(t.database, cmc);
    await registerAccount(t.database, other, 'investor@biobridge.demo');
    expect((await investor.get(url(other, `/participants/${memberId}`))).status).toBe(403);
    expect((await put(investor, url(other, '/me'), profile({ side: 'investor', segments: [] }))).status).toBe(200);
    expect((await investor.get(url(other, `/participants/${memberId}`))).status).toBe(404);
    expect((await investor.get(url(day, '/participants/00000000-0000-4000-8000-000000000000'))).status).toBe(404);
  });

  it('is for participants and organisers only', async () => {
    const res = await viewer.get<{ error: { code: string } }>(url(day, '/participants'));
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('partnering_not_participant');
    const organiser = await staff.get<{ items: ParticipantListItem[] }>(url(day, '/participants'));
    expect(organiser.status).toBe(200);
    expect(organiser.body.items).toHaveLength(3);
    expect(organiser.body.items.every((i) => i.matchScore === null && !i.relation.canRequest)).toBe(true);
    expect((await alliance.get(url(day, '/participants'))).status).toBe(403);
  });
});
