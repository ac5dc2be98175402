import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signedIn, startTestApp, type TestApp } from '../../../../test/app';
import type { EmailPreview, EventMessagePage, OutboxPage } from '../../../shared/schemas/messages';
import { rowsOf } from '../../db/sql-helpers';
import { SAMPLE_PAYLOADS } from './email-samples';

let t: TestApp;
let platform: Client;
let parkAdmin: Client;
let cmc: string;
let alliance: string;
let cmcEvent: string;
let otherCmcEvent: string;
let allianceEvent: string;
const ids: Record<string, number> = {};

const rows = <T>(query: ReturnType<typeof sql>) => rowsOf<T>(t.database.db, query);

async function makeEvent(communityId: string, title: string) {
  const [e] = await rows<{ id: string }>(
    sql`insert into events (community_id, kind, title, starts_at, ends_at, status) values (${communityId}, 'forum', ${title}, now() + interval '10 days', now() + interval '10 days 3 hours', 'published') returning id`,
  );
  return e!.id;
}

async function insertMessage(name: string, values: { recipient: string; template: string; locale: string; payload: unknown; eventId?: string | null; sent?: boolean; attempts?: number; lastError?: string | null }) {
  const [row] = await rows<{ id: string | number }>(
    sql`insert into outbox (recipient, template, locale, payload, event_id, sent_at, attempts, last_error)
        values (${values.recipient}, ${values.template}, ${values.locale}, ${JSON.stringify(values.payload)}::jsonb, ${values.eventId ?? null},
                ${values.sent ? sql`now()` : null}, ${values.attempts ?? 0}, ${values.lastError ?? null})
        returning id`,
  );
  ids[name] = Number(row!.id);
}

beforeAll(async () => {
  t = await startTestApp();
  platform = await signedIn(t.app, 'admin@biobridge.demo');
  parkAdmin = await signedIn(t.app, 'park.admin@biobridge.demo');
  cmc = parkAdmin.communityId('china-medical-city');
  const allianceAdmin = await signedIn(t.app, 'alliance.admin@biobridge.demo');
  alliance = allianceAdmin.communityId('jiading-biomed-alliance');
  cmcEvent = await makeEvent(cmc, '医药城投资人沙龙');
  otherCmcEvent = await makeEvent(cmc, '医药城另一场活动');
  allianceEvent = await makeEvent(alliance, '嘉定联盟路演');
  const facts = (eventId: string) => ({ ...SAMPLE_PAYLOADS.event_registration_confirmed, eventId });
  await insertMessage('sent', { recipient: 'Sent.Person@example.com', template: 'password_changed', locale: 'zh-CN', payload: { displayName: '甲' }, sent: true, attempts: 1 });
  await insertMessage('pending', { recipient: 'waiting_one@example.com', template: 'password_reset', locale: 'en', payload: SAMPLE_PAYLOADS.password_reset });
  await insertMessage('failed', { recipient: 'bounced@example.com', template: 'event_reminder', locale: 'zh-TW', payload: { ...SAMPLE_PAYLOADS.event_reminder, eventId: cmcEvent }, eventId: cmcEvent, attempts: 6, lastError: '550 5.1.1 no such user' });
  await insertMessage('cmcA', { recipient: 'guest.a@example.com', template: 'event_registration_confirmed', locale: 'en', payload: facts(cmcEvent), eventId: cmcEvent, sent: true, attempts: 1 });
  await insertMessage('cmcB', { recipient: 'guest.b@example.com', template: 'event_registration_confirmed', locale: 'zh-CN', payload: facts(cmcEvent), eventId: cmcEvent });
  await insertMessage('otherCmc', { recipient: 'other@example.com', template: 'event_registration_confirmed', locale: 'zh-CN', payload: facts(otherCmcEvent), eventId: otherCmcEvent });
  await insertMessage('alliance', { recipient: 'alliance.guest@example.com', template: 'event_registration_confirmed', locale: 'zh-CN', payload: facts(allianceEvent), eventId: allianceEvent });
  await insertMessage('broken', { recipient: 'broken@example.com', template: 'retired_template', locale: 'zh-CN', payload: {} });
});
afterAll(() => t.close());

describe('the platform message log', () => {
  it('lists every message with a derived status and the subject in the reader language, and says SMTP is not configured', async () => {
    const res = await platform.request<OutboxPage>('GET', '/api/admin/outbox?limit=200', undefined, { 'accept-language': 'en' });
    expect(res.status).toBe(200);
    expect(res.body.smtpConfigured).toBe(false);
    const byId = new Map(res.body.items.map((m) => [m.id, m]));
    expect(byId.get(ids.sent!)).toMatchObject({ status: 'sent', subject: 'Your BioBridge password was changed' });
    expect(byId.get(ids.pending!)).toMatchObject({ status: 'pending', subject: 'Reset your BioBridge password', nextAttemptAt: expect.any(String) });
    expect(byId.get(ids.failed!)).toMatchObject({ status: 'failed', lastError: '550 5.1.1 no such user', eventId: cmcEvent, nextAttemptAt: null });
    // A row no renderer knows (an old template) is still listed, without a subject.
    expect(byId.get(ids.broken!)).toMatchObject({ status: 'pending', subject: null });
    const zh = await platform.get<OutboxPage>('/api/admin/outbox?limit=200');
    expect(zh.body.items.find((m) => m.id === ids.failed)!.subject).toBe(`活动提醒:${SAMPLE_PAYLOADS.event_reminder.eventTitle} 即将开始`);
  });

  it('filters by status, template and recipient (any case, wildcards taken literally)', async () => {
    const list = async (query: string) => (await platform.get<OutboxPage>(`/api/admin/outbox?limit=200&${query}`)).body.items.map((m) => m.id);
    expect(await list('status=failed')).toEqual([ids.failed]);
    const pending = await list('status=pending');
    expect(pending).toEqual(expect.arrayContaining([ids.pending, ids.cmcB, ids.otherCmc, ids.alliance, ids.broken]));
    expect(pending).not.toContain(ids.failed);
    expect(pending).not.toContain(ids.sent);
    expect(await list('status=sent')).toEqual(expect.arrayContaining([ids.sent, ids.cmcA]));
    expect(await list('template=event_reminder')).toEqual([ids.failed]);
    expect(await list('recipient=SENT.PERSON')).toEqual([ids.sent]);
    expect(await list('recipient=waiting_')).toEqual([ids.pending]);
    expect(await list('recipient=%25')).toEqual([]);
    expect(await list('status=failed&template=password_reset')).toEqual([]);
    expect((await platform.get('/api/admin/outbox?status=bounced')).status).toBe(400);
    expect((await platform.get('/api/admin/outbox?unknown=1')).status).toBe(400);
  });

  it('pages newest first with a cursor', async () => {
    const first = await platform.get<OutboxPage>('/api/admin/outbox?limit=2');
    expect(first.body.items).toHaveLength(2);
    expect(first.body.items[0]!.id).toBeGreaterThan(first.body.items[1]!.id);
    const second = await platform.get<OutboxPage>(`/api/admin/outbox?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0]!.id).toBeLessThan(first.body.items[1]!.id);
    expect((await platform.get('/api/admin/outbox?cursor=garbage')).status).toBe(400);
  });

  it('previews a message as its recipient gets it, with names escaped', async () => {
    const res = await platform.get<EmailPreview>(`/api/admin/outbox/${ids.cmcA}/preview`);
    expect(res.status).toBe(200);
    expect(res.body.locale).toBe('en');
    expect(res.body.subject).toBe(`You are registered: ${SAMPLE_PAYLOADS.event_registration_confirmed.eventTitle}`);
    expect(res.body.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(res.body.html).not.toContain('<script');
    expect(res.body.text).toContain(SAMPLE_PAYLOADS.event_registration_confirmed.link);
    expect(res.body.redacted).toBe(false);
    expect((await platform.get(`/api/admin/outbox/${ids.broken}/preview`)).status).toBe(409);
    expect((await platform.get('/api/admin/outbox/999999999/preview')).status).toBe(404);
    expect((await platform.get('/api/admin/outbox/abc/preview')).status).toBe(400);
  });

  it('puts a failed message back in the queue, audited, and refuses one that is not failed', async () => {
    const res = await platform.post(`/api/admin/outbox/${ids.failed}/retry`);
    expect(res.status).toBe(200);
    const [row] = await rows<{ attempts: number; due: boolean }>(sql`select attempts, next_attempt_at <= now() as due from outbox where id = ${ids.failed}`);
    expect(row).toEqual({ attempts: 0, due: true });
    const list = await platform.get<OutboxPage>('/api/admin/outbox?status=pending&template=event_reminder');
    expect(list.body.items.map((m) => m.id)).toEqual([ids.failed]);
    const [audit] = await rows<{ entity_id: string; entity_label: string }>(sql`select entity_id, entity_label from audit_log where action = 'outbox.retried'`);
    expect(audit).toEqual({ entity_id: String(ids.failed), entity_label: 'bounced@example.com' });
    expect((await platform.post(`/api/admin/outbox/${ids.failed}/retry`)).status).toBe(409);
    expect((await platform.post(`/api/admin/outbox/${ids.sent}/retry`)).status).toBe(409);
    expect((await platform.post('/api/admin/outbox/999999999/retry')).status).toBe(404);
  });

  it('is for platform admins only', async () => {
    for (const url of ['/api/admin/outbox', `/api/admin/outbox/${ids.sent}/preview`]) {
      expect((await parkAdmin.get(url)).status).toBe(403);
      expect((await new Client(t.app).get(url)).status).toBe(401);
    }
    expect((await parkAdmin.post(`/api/admin/outbox/${ids.broken}/retry`)).status).toBe(403);
  });
});

describe("an event's message log", () => {
  const base = (communityId: string, eventId: string) => `/api/communities/${communityId}/events/${eventId}/messages`;

  it("shows the organisers that event's messages only, subject in the recipient's language, without payloads", async () => {
    const res = await parkAdmin.get<EventMessagePage>(base(cmc, cmcEvent));
    expect(res.status).toBe(200);
    expect(res.body.items.map((m) => m.id)).toEqual([ids.cmcB, ids.cmcA, ids.failed]);
    const a = res.body.items.find((m) => m.id === ids.cmcA)!;
    expect(a).toMatchObject({ recipient: 'guest.a@example.com', status: 'sent', locale: 'en', subject: expect.stringMatching(/^You are registered: /) });
    expect(res.body.items.find((m) => m.id === ids.cmcB)!.subject).toMatch(/^报名成功:/);
    expect(a).not.toHaveProperty('payload');
    expect(JSON.stringify(res.body)).not.toContain('tok_manage');

    const staff = await signedIn(t.app, 'staff@biobridge.demo');
    expect((await staff.get(base(cmc, cmcEvent))).status).toBe(200);
    expect((await platform.get(base(cmc, cmcEvent))).status).toBe(200);
  });

  it('filters and pages', async () => {
    const sent = await parkAdmin.get<EventMessagePage>(`${base(cmc, cmcEvent)}?status=sent`);
    expect(sent.body.items.map((m) => m.id)).toEqual([ids.cmcA]);
    const first = await parkAdmin.get<EventMessagePage>(`${base(cmc, cmcEvent)}?limit=2`);
    expect(first.body.items.map((m) => m.id)).toEqual([ids.cmcB, ids.cmcA]);
    const second = await parkAdmin.get<EventMessagePage>(`${base(cmc, cmcEvent)}?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((m) => m.id)).toEqual([ids.failed]);
    expect(second.body.nextCursor).toBeNull();
  });

  it('previews one of them with the personal link masked', async () => {
    const res = await parkAdmin.get<EmailPreview>(`${base(cmc, cmcEvent)}/${ids.cmcB}/preview`);
    expect(res.status).toBe(200);
    expect(res.body.redacted).toBe(true);
    expect(res.body.subject).toMatch(/^报名成功:/);
    expect(res.body.html).not.toContain('tok_manage');
    expect(res.body.text).toContain('http://bb.test/r/********');
    expect(res.body.html).toContain('&lt;script&gt;');
    // A message of another event, even of the same community, is not found under this one.
    expect((await parkAdmin.get(`${base(cmc, cmcEvent)}/${ids.otherCmc}/preview`)).status).toBe(404);
    expect((await parkAdmin.get(`${base(cmc, cmcEvent)}/${ids.sent}/preview`)).status).toBe(404);
  });

  it('needs events.manage in that community; other communities get 404', async () => {
    const member = await signedIn(t.app, 'member@biobridge.demo');
    expect((await member.get(base(cmc, cmcEvent))).status).toBe(403);
    const outsider = await signedIn(t.app, 'alliance.admin@biobridge.demo');
    expect((await outsider.get(base(cmc, cmcEvent))).status).toBe(404);
    expect((await outsider.get(`${base(cmc, cmcEvent)}/${ids.cmcA}/preview`)).status).toBe(404);
    // Another community's event under one's own community.
    expect((await outsider.get(base(alliance, cmcEvent))).status).toBe(404);
    expect((await outsider.get(`${base(alliance, cmcEvent)}/${ids.cmcA}/preview`)).status).toBe(404);
    expect((await outsider.get(base(alliance, allianceEvent))).body).toMatchObject({ items: [{ id: ids.alliance }] });
    expect((await new Client(t.app).get(base(cmc, cmcEvent))).status).toBe(401);
  });
});
