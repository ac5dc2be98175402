import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agenda, MyParticipant, ParticipantListItem, PartneringRequest } from '../../../shared/schemas/partnering';
import { startTestApp, type Client, type TestApp } from '../../../../test/app';
import { signInEach } from '../directory/directory.fixtures';
import { insertPartneringEvent, publishPlacement, registerAccount, updateSettings, type PartneringFixture } from './partnering.fixtures';

let t: TestApp;
let member: Client;
let investor: Client;
let provider: Client;
let judge: Client;
let viewer: Client;
let staff: Client;
let cmc: string;

const url = (f: PartneringFixture, path = '') => `/api/events/${f.eventId}/partnering${path}`;
const put = <T = unknown>(c: Client, path: string, body: unknown) => c.request<T>('PUT', path, body);
type Err = { error: { code: string; fields?: Record<string, string> } };

const SIDES: Record<string, string> = { member: 'startup', investor: 'investor', provider: 'service', judge: 'research' };

/** A fresh event where the given accounts are registered and opted in; their participant ids by account. */
async function setUp(settings: Parameters<typeof insertPartneringEvent>[2] = {}, accounts: [string, Client][] = [['member', member], ['investor', investor], ['provider', provider], ['judge', judge]]) {
  const f = await insertPartneringEvent(t.database, cmc, settings);
  const ids: Record<string, string> = {};
  for (const [name, client] of accounts) {
    await registerAccount(t.database, f, `${name}@biobridge.demo`);
    const res = await put<MyParticipant>(client, url(f, '/me'), { side: SIDES[name], displayName: name, organisationName: `${name} org`, segments: [] });
    if (res.status !== 200) throw new Error(`opt in ${name}: ${res.status} ${JSON.stringify(res.body)}`);
    ids[name] = res.body.id;
  }
  return { f, ids };
}

async function outbox(eventId: string): Promise<{ template: string; recipient: string; payload: Record<string, unknown> }[]> {
  return t.database.withConnection((c) => c.rows(`select template, recipient, payload from outbox where event_id = $1 order by created_at, id`, [eventId]));
}

async function meetings(eventId: string) {
  return t.database.withConnection((c) =>
    c.rows<{ id: string; status: string; weight: number; participant_a_id: string; participant_b_id: string; source: string }>(`select * from partnering_meetings where event_id = $1 order by created_at`, [eventId]),
  );
}

beforeAll(async () => {
  t = await startTestApp();
  [member, investor, provider, judge, viewer, staff] = await signInEach(t.app, ['member', 'investor', 'provider', 'judge', 'viewer', 'staff']);
  cmc = staff.communityId('china-medical-city');
});
afterAll(() => t.close());

describe('meeting requests', () => {
  it('runs request → accept: the receiver is e-mailed, a weighted meeting is created, the sender is told', async () => {
    const { f, ids } = await setUp();
    const sent = await member.post<PartneringRequest>(url(f, '/requests'), { toParticipantId: ids.investor, priority: 'if_time', message: '想介绍我们的 CAR-T 项目' });
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ direction: 'outgoing', status: 'pending', priority: 'if_time', counterpart: { id: ids.investor }, meeting: null, version: 1 });

    const incoming = await investor.get<{ items: PartneringRequest[] }>(url(f, '/requests?box=incoming'));
    expect(incoming.body.items.map((r) => [r.id, r.direction, r.message])).toEqual([[sent.body.id, 'incoming', '想介绍我们的 CAR-T 项目']]);
    expect((await investor.get<{ items: PartneringRequest[] }>(url(f, '/requests?box=outgoing'))).body.items).toEqual([]);

    // Only the receiver answers.
    expect((await member.post(url(f, `/requests/${sent.body.id}/accept`), { version: 1 })).status).toBe(403);
    expect((await provider.post(url(f, `/requests/${sent.body.id}/accept`), { version: 1 })).status).toBe(404);
    expect((await investor.post(url(f, `/requests/${sent.body.id}/accept`), { version: 9 })).status).toBe(409);

    const accepted = await investor.post<PartneringRequest>(url(f, `/requests/${sent.body.id}/accept`), { version: 1, priority: 'must' });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', responsePriority: 'must', version: 2 });
    expect(accepted.body.meeting).toMatchObject({ slot: null, locationName: null });
    const [m] = await meetings(f.eventId);
    expect(m).toMatchObject({ status: 'active', weight: 100, participant_a_id: ids.member, participant_b_id: ids.investor, source: 'request' });

    const again = await investor.post<Err>(url(f, `/requests/${sent.body.id}/accept`), { version: 2 });
    expect(again.body.error.code).toBe('partnering_request_not_pending');

    const mail = await outbox(f.eventId);
    expect(mail.map((x) => [x.template, x.recipient])).toEqual([
      ['partnering_request_received', 'investor@biobridge.demo'],
      ['partnering_request_answered', 'member@biobridge.demo'],
    ]);
    expect(mail[0]!.payload).toMatchObject({ fromName: 'member', priority: 'if_time', message: '想介绍我们的 CAR-T 项目', link: `http://bb.test/partnering/${f.eventId}` });
    expect(mail[1]!.payload).toMatchObject({ accepted: true, counterpartName: 'investor', reason: null });
    const audit = await t.database.withConnection((c) => c.rows<{ action: string }>(`select action from audit_log where entity_id = $1 order by id`, [sent.body.id]));
    expect(audit.map((a) => a.action)).toEqual(['partnering_request.created', 'partnering_request.accepted']);

    // The browse list shows the relation.
    const card = await member.get<ParticipantListItem>(url(f, `/participants/${ids.investor}`));
    expect(card.body.relation).toMatchObject({ request: { id: sent.body.id, direction: 'outgoing', status: 'accepted' }, canRequest: false, requestBlockedBy: 'existing_request' });
  });

  it('declines with a reason and lets the pair ask again; cancelling an accepted request cancels its meeting', async () => {
    const { f, ids } = await setUp();
    const r1 = await provider.post<PartneringRequest>(url(f, '/requests'), { toParticipantId: ids.member, priority: 'would_like' });
    const declined = await member.post<PartneringRequest>(url(f, `/requests/${r1.body.id}/decline`), { version: 1, reason: '暂不需要 CRO 服务' });
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: '暂不需要 CRO 服务' });
    expect((await member.post<Err>(url(f, `/requests/${r1.body.id}/cancel`), { version: 2 })).body.error.code).toBe('partnering_request_not_pending');

    const r2 = await member.post<PartneringRequest>(url(f, '/requests'), { toParticipantId: ids.provider, priority: 'would_like' });
    expect(r2.status).toBe(201);
    await provider.post(url(f, `/requests/${r2.body.id}/accept`), { version: 1 });
    expect((await meetings(f.eventId)).map((m) => [m.status, m.weight])).toEqual([['active', 10]]);
    const cancelled = await provider.post<PartneringRequest>(url(f, `/requests/${r2.body.id}/cancel`), { version: 2, reason: '行程冲突' });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledByMe: true, meeting: null });
    expect((await meetings(f.eventId)).map((m) => m.status)).toEqual(['cancelled']);
    const mine = await member.get<{ items: PartneringRequest[] }>(url(f, '/requests?status=cancelled'));
    expect(mine.body.items[0]).toMatchObject({ id: r2.body.id, cancelledByMe: false });
    const mail = (await outbox(f.eventId)).filter((x) => x.template !== 'partnering_request_received');
    expect(mail.map((x) => [x.template, x.recipient, x.payload.reason])).toEqual([
      ['partnering_request_answered', 'provider@biobridge.demo', '暂不需要 CRO 服务'],
      ['partnering_request_answered', 'member@biobridge.demo', null],
      ['partnering_request_cancelled', 'member@biobridge.demo', '行程冲突'],
    ]);
  });

  it('enforces the rules: pairs, the allowance, the deadline, one live request per pair, wish-list mode', async () => {
    const { f, ids } = await setUp({ settings: { allowedPairs: [['startup', 'investor'], ['investor', 'startup'], ['startup', 'service']], maxRequestsPerParticipant: 1 } });
    const pair = await investor.post<Err>(url(f, '/requests'), { toParticipantId: ids.provider, priority: 'must' });
    expect([pair.status, pair.body.error.code]).toEqual([409, 'partnering_rules_pair']);
    expect((await member.post(url(f, '/requests'), { toParticipantId: ids.investor, priority: 'must' })).status).toBe(201);
    const max = await member.post<Err>(url(f, '/requests'), { toParticipantId: ids.provider, priority: 'must' });
    expect(max.body.error.code).toBe('partnering_max_requests');
    const exists = await investor.post<Err>(url(f, '/requests'), { toParticipantId: ids.member, priority: 'must' });
    expect(exists.body.error.code).toBe('partnering_request_exists');
    const self = await member.post<Err>(url(f, '/requests'), { toParticipantId: ids.member, priority: 'must' });
    expect([self.status, Object.keys(self.body.error.fields ?? {})]).toEqual([400, ['toParticipantId']]);
    expect((await member.post(url(f, '/requests'), { toParticipantId: '00000000-0000-4000-8000-000000000000', priority: 'must' })).status).toBe(404);
    for (const body of [{ toParticipantId: ids.provider }, { toParticipantId: ids.provider, priority: 'now' }, { toParticipantId: ids.provider, priority: 'must', extra: 1 }, { toParticipantId: 'x', priority: 'must' }]) {
      expect((await member.post(url(f, '/requests'), body)).status).toBe(400);
    }
    // Not a participant: a registrant who has not opted in, and an organiser.
    expect((await viewer.post<Err>(url(f, '/requests'), { toParticipantId: ids.member, priority: 'must' })).status).toBe(403);
    expect((await staff.post<Err>(url(f, '/requests'), { toParticipantId: ids.member, priority: 'must' })).body.error.code).toBe('partnering_not_participant');

    const list = await member.get<{ items: ParticipantListItem[] }>(url(f, '/participants'));
    expect(Object.fromEntries(list.body.items.map((i) => [i.displayName, i.relation.requestBlockedBy]))).toEqual({ investor: 'existing_request', provider: 'max_requests', judge: 'rules_pair' });

    await updateSettings(t.database, f, `request_deadline = '2020-01-01T00:00:00Z'`);
    const late = await judge.post<Err>(url(f, '/requests'), { toParticipantId: ids.member, priority: 'must' });
    expect(late.body.error.code).toBe('partnering_deadline_passed');
    const pending = (await investor.get<{ items: PartneringRequest[] }>(url(f, '/requests?box=incoming'))).body.items[0]!;
    expect((await investor.post<Err>(url(f, `/requests/${pending.id}/accept`), { version: 1 })).body.error.code).toBe('partnering_deadline_passed');
    // Declining and cancelling still work after the deadline.
    expect((await investor.post(url(f, `/requests/${pending.id}/decline`), { version: 1 })).status).toBe(200);

    await updateSettings(t.database, f, `request_deadline = null, mode = 'wishlist'`);
    expect((await judge.post<Err>(url(f, '/requests'), { toParticipantId: ids.member, priority: 'must' })).body.error.code).toBe('partnering_wishlist_mode');
  });

  it('lets only one of two requests for the same pair through when both sides ask at once', async () => {
    for (let i = 0; i < 3; i++) {
      const { f, ids } = await setUp({}, [
        ['member', member],
        ['investor', investor],
      ]);
      const replies = await Promise.all([
        member.post<Err>(url(f, '/requests'), { toParticipantId: ids.investor, priority: 'must' }),
        investor.post<Err>(url(f, '/requests'), { toParticipantId: ids.member, priority: 'must' }),
      ]);
      expect(replies.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(replies.find((r) => r.status === 409)!.body.error.code).toBe('partnering_request_exists');
      const [row] = await t.database.withConnection((c) => c.rows<{ n: number }>(`select count(*)::int as n from partnering_requests where event_id = $1`, [f.eventId]));
      expect(row!.n).toBe(1);
    }
  });

  it('lets exactly one of accept and cancel win when they come at once', async () => {
    for (let i = 0; i < 3; i++) {
      const { f, ids } = await setUp({}, [
        ['member', member],
        ['investor', investor],
      ]);
      const sent = await member.post<PartneringRequest>(url(f, '/requests'), { toParticipantId: ids.investor, priority: 'must' });
      const [accept, cancel] = await Promise.all([
        investor.post<PartneringRequest>(url(f, `/requests/${sent.body.id}/accept`), { version: 1 }),
        member.post<PartneringRequest>(url(f, `/requests/${sent.body.id}/cancel`), { version: 1 }),
      ]);
      expect([accept.status, cancel.status].sort()).toEqual([200, 409]);
      const ms = await meetings(f.eventId);
      if (accept.status === 200) expect(ms.map((m) => m.status)).toEqual(['active']);
      else expect(ms).toEqual([]);
    }
  });

  it('withdrawing cancels live requests and meetings and tells the counterparts; rejoining reactivates', async () => {
    const { f, ids } = await setUp();
    const a = await member.post<PartneringRequest>(url(f, '/requests'), { toParticipantId: ids.investor, priority: 'must' });
    await investor.post(url(f, `/requests/${a.body.id}/accept`), { version: 1 });
    await provider.post(url(f, '/requests'), { toParticipantId: ids.member, priority: 'if_time' });
    await judge.post(url(f, '/requests'), { toParticipantId: ids.provider, priority: 'if_time' });
    const me = (await member.get<{ me: MyParticipant }>(url(f))).body.me;
    expect((await member.post(url(f, '/me/withdraw'), { version: 99 })).status).toBe(409);
    const gone = await member.post<MyParticipant>(url(f, '/me/withdraw'), { version: me.version });
    expect(gone.status).toBe(200);
    expect(gone.body.status).toBe('withdrawn');
    const statuses = await t.database.withConnection((c) => c.rows<{ status: string; from_participant_id: string }>(`select status, from_participant_id from partnering_requests where event_id = $1 order by created_at`, [f.eventId]));
    expect(statuses.map((s) => s.status)).toEqual(['cancelled', 'cancelled', 'pending']);
    expect((await meetings(f.eventId)).map((m) => m.status)).toEqual(['cancelled']);
    const told = (await outbox(f.eventId)).filter((x) => x.template === 'partnering_request_cancelled').map((x) => x.recipient).sort();
    expect(told).toEqual(['investor@biobridge.demo', 'provider@biobridge.demo']);
    // A withdrawn participant is no longer listed and cannot be requested.
    expect((await investor.get<{ items: ParticipantListItem[] }>(url(f, '/participants'))).body.items.map((i) => i.displayName).sort()).toEqual(['judge', 'provider']);
    expect((await investor.post(url(f, '/requests'), { toParticipantId: ids.member, priority: 'must' })).status).toBe(404);
    expect((await member.post<Err>(url(f, '/requests'), { toParticipantId: ids.investor, priority: 'must' })).body.error.code).toBe('partnering_not_participant');
    const back = await put<MyParticipant>(member, url(f, '/me'), { version: gone.body.version, side: 'startup', displayName: 'member' });
    expect(back.body.status).toBe('active');
  });
});

describe('wish lists', () => {
  it('replaces the list in one go, marks mutual wishes, and checks every row', async () => {
    const { f, ids } = await setUp({ settings: { mode: 'wishlist' } });
    const mine = await put<{ items: { target: { id: string }; priority: string; mutual: boolean }[] }>(member, url(f, '/wishes'), {
      items: [
        { targetParticipantId: ids.investor, priority: 'must' },
        { targetParticipantId: ids.provider, priority: 'if_time' },
      ],
    });
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((w) => [w.target.id, w.priority, w.mutual])).toEqual([
      [ids.investor, 'must', false],
      [ids.provider, 'if_time', false],
    ]);
    await put(investor, url(f, '/wishes'), { items: [{ targetParticipantId: ids.member, priority: 'would_like' }] });
    const after = await member.get<{ items: { target: { id: string }; mutual: boolean }[] }>(url(f, '/wishes'));
    expect(after.body.items.find((w) => w.target.id === ids.investor)?.mutual).toBe(true);
    const card = await member.get<ParticipantListItem>(url(f, `/participants/${ids.investor}`));
    expect(card.body.relation).toMatchObject({ wish: 'must', mutualWish: true, canRequest: false, requestBlockedBy: 'wishlist_mode' });

    const bad = await put<Err>(member, url(f, '/wishes'), {
      items: [
        { targetParticipantId: ids.member, priority: 'must' },
        { targetParticipantId: '00000000-0000-4000-8000-000000000000', priority: 'must' },
        { targetParticipantId: ids.judge, priority: 'must' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields!).sort()).toEqual(['items.0.targetParticipantId', 'items.1.targetParticipantId']);
    const dup = await put(member, url(f, '/wishes'), { items: [{ targetParticipantId: ids.judge, priority: 'must' }, { targetParticipantId: ids.judge, priority: 'if_time' }] });
    expect(dup.status).toBe(400);
    // Nothing half-written: the list is as it was.
    expect((await member.get<{ items: unknown[] }>(url(f, '/wishes'))).body.items).toHaveLength(2);
    expect((await put<{ items: unknown[] }>(member, url(f, '/wishes'), { items: [] })).body.items).toEqual([]);
  });

  it('refuses wish lists in request mode', async () => {
    const { f, ids } = await setUp({}, [
      ['member', member],
      ['investor', investor],
    ]);
    const res = await put<Err>(member, url(f, '/wishes'), { items: [{ targetParticipantId: ids.investor, priority: 'must' }] });
    expect([res.status, res.body.error.code]).toEqual([409, 'partnering_requests_mode']);
  });
});

describe('the personal agenda', () => {
  it('shows published meetings with the table or link, as JSON, .ics and PDF; feedback once started', async () => {
    // Slots: the first two lie in the past (held already), the rest in the future.
    const { f, ids } = await setUp({ slotsFrom: '2025-01-10T01:00:00Z', slots: 2 });
    const future = await t.database.withConnection((c) =>
      c.rows<{ id: string }>(`insert into partnering_slots (event_id, day, session, starts_at, ends_at) values ($1, '2030-06-10', '上午', '2030-06-10T02:00:00Z', '2030-06-10T02:30:00Z') returning id`, [f.eventId]),
    );
    const r1 = await member.post<PartneringRequest>(url(f, '/requests'), { toParticipantId: ids.investor, priority: 'must' });
    await investor.post(url(f, `/requests/${r1.body.id}/accept`), { version: 1 });
    const r2 = await member.post<PartneringRequest>(url(f, '/requests'), { toParticipantId: ids.provider, priority: 'would_like' });
    await provider.post(url(f, `/requests/${r2.body.id}/accept`), { version: 1 });
    const r3 = await judge.post<PartneringRequest>(url(f, '/requests'), { toParticipantId: ids.member, priority: 'if_time' });
    await member.post(url(f, `/requests/${r3.body.id}/accept`), { version: 1 });
    const [m1, m2] = await meetings(f.eventId);
    await publishPlacement(t.database, f, m1!.id, f.slotIds[0]!, f.locationIds[0]!);
    await publishPlacement(t.database, f, m2!.id, future[0]!.id, f.locationIds[4]!);

    const agenda = await member.get<Agenda>(url(f, '/agenda'));
    expect(agenda.status).toBe(200);
    expect(agenda.body.schedule.version).toBe(2);
    expect(agenda.body.meetings.map((m) => [m.counterpart.id, m.location.name, m.location.onlineUrl])).toEqual([
      [ids.investor, 'T1', null],
      [ids.provider, '线上会议室 1', 'https://meet.example.com/bb-1'],
    ]);
    expect(agenda.body.unscheduled.map((u) => u.counterpart.id)).toEqual([ids.judge]);
    expect((await investor.get<Agenda>(url(f, '/agenda'))).body.meetings.map((m) => m.counterpart.id)).toEqual([ids.member]);
    expect((await staff.get(url(f, '/agenda'))).status).toBe(403);
    expect((await viewer.get(url(f, '/agenda'))).status).toBe(403);

    const ics = await member.get<string>(url(f, '/agenda.ics'));
    expect(ics.status).toBe(200);
    expect(ics.headers['content-type']).toContain('text/calendar');
    expect(ics.headers['content-disposition']).toContain('attachment');
    expect(ics.body.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(ics.body).toContain(`UID:partnering-${m1!.id}@biobridge`);
    expect(ics.body).toContain('SEQUENCE:2');
    expect(ics.body).toContain('洽谈：investor org / investor');
    expect(ics.body).toContain('DTSTART:20250110T010000Z');

    const pdf = await t.app.inject({ method: 'GET', url: url(f, '/agenda.pdf'), headers: { cookie: member.cookie!, 'accept-language': 'en' } });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    // Feedback: not before the slot starts; a rating only when held; replaces on a second save.
    const early = await member.request<Err>('PUT', url(f, `/meetings/${m2!.id}/feedback`), { outcome: 'held' });
    expect(early.body.error.code).toBe('partnering_meeting_not_started');
    expect((await member.request('PUT', url(f, `/meetings/${m1!.id}/feedback`), { outcome: 'no_show', rating: 4 })).status).toBe(400);
    expect((await member.request('PUT', url(f, `/meetings/${m1!.id}/feedback`), { outcome: 'held', rating: 9 })).status).toBe(400);
    const saved = await member.request<{ outcome: string; rating: number }>('PUT', url(f, `/meetings/${m1!.id}/feedback`), { outcome: 'held', rating: 5, followUp: '下周寄送 BP' });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ outcome: 'held', rating: 5 });
    const again = await member.request<{ rating: number }>('PUT', url(f, `/meetings/${m1!.id}/feedback`), { outcome: 'held', rating: 3 });
    expect(again.body.rating).toBe(3);
    expect((await member.get<Agenda>(url(f, '/agenda'))).body.meetings[0]!.myFeedback).toMatchObject({ outcome: 'held', rating: 3, followUp: '' });
    expect((await provider.request('PUT', url(f, `/meetings/${m1!.id}/feedback`), { outcome: 'held' })).status).toBe(404);

    // Cancelling a published meeting takes it off both agendas.
    await investor.post(url(f, `/requests/${r1.body.id}/cancel`), { version: 2 });
    expect((await member.get<Agenda>(url(f, '/agenda'))).body.meetings.map((m) => m.counterpart.id)).toEqual([ids.provider]);
    expect((await investor.get<Agenda>(url(f, '/agenda'))).body.meetings).toEqual([]);
  });
});
