import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventDetail, EventPage } from '../../../shared/schemas/events';
import { CATALOGUES } from '../../../web/i18n/catalogue';
import { Client, startTestApp, type TestApp } from '../../../../test/app';
import { createOrganisation, signInEach } from '../directory/directory.fixtures';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

function msg(key: string): string {
  const text = (CATALOGUES['zh-CN'].fieldErrors as Record<string, string>)[key];
  if (!text) throw new Error(`no zh-CN text for ${key}`);
  return text;
}

let t: TestApp;
let admin: Client;
let staff: Client;
let member: Client;
let investor: Client;
let alliance: Client;
let cmc: string;
let jiading: string;
let host: string;
let coHost: string;

const base = () => `/api/communities/${cmc}/events`;
// Far enough ahead that "upcoming" holds whenever the tests run.
const START = '2030-05-20T09:00:00+08:00';
const END = '2030-05-20T17:00:00+08:00';

function body(fields: Record<string, unknown> = {}) {
  return { kind: 'salon', title: '生物医药投融资沙龙', startsAt: START, endsAt: END, venue: '会展中心 3 楼', capacity: 80, ...fields };
}

async function create(fields: Record<string, unknown> = {}, client = staff): Promise<EventDetail> {
  const res = await client.post<EventDetail>(base(), body(fields));
  if (res.status !== 201) throw new Error(`create event: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function publish(event: EventDetail): Promise<EventDetail> {
  const res = await staff.post<EventDetail>(`${base()}/${event.id}/publish`, { version: event.version });
  if (res.status !== 200) throw new Error(`publish: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  return t.database.withConnection((c) => c.rows<T>(text, params));
}

let codeNo = 0;
/** A registration as the registration module would write it (its API is another module's). */
async function register(eventId: string, email: string, status: string, locale = 'zh-CN', userId: string | null = null) {
  const [ticket] = await sql<{ id: string }>(`select id from event_ticket_types where event_id = $1 order by position limit 1`, [eventId]);
  codeNo += 1;
  const waitlistNo = status === 'waitlisted' ? codeNo : null;
  await sql(
    `insert into event_registrations (event_id, ticket_type_id, user_id, name, email, locale, status, waitlist_no, code, manage_token)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [eventId, ticket!.id, userId, `报名者${codeNo}`, email, locale, status, waitlistNo, `CODE${codeNo}`, `manage-token-${codeNo}-${eventId}`],
  );
}

beforeAll(async () => {
  t = await startTestApp();
  [admin, staff, member, investor, alliance] = await signInEach(t.app, ['park.admin', 'staff', 'member', 'investor', 'alliance.admin']);
  cmc = staff.communityId('china-medical-city');
  jiading = alliance.communityId('jiading-biomed-alliance');
  host = (await createOrganisation(staff, cmc, { nameZh: '中国医药城管委会测试', nameEn: 'CMC Test Authority' })).id;
  coHost = (await createOrganisation(staff, cmc, { nameZh: '泰州生物医药协会测试' })).id;
});
afterAll(() => t.close());

describe('creating events', () => {
  it('creates a draft with organisers in order and a first ticket type in the caller language', async () => {
    const res = await staff.post<EventDetail>(
      base(),
      body({
        organisers: [
          { organisationId: host, role: 'host' },
          { organisationId: coHost, role: 'co_host' },
        ],
        approvalMode: 'reviewed',
        registrationQuestions: [{ id: 'focus', type: 'single', label: '关注领域', options: ['创新药', '医疗器械'], required: true }],
      }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      communityId: cmc,
      kind: 'salon',
      status: 'draft',
      visibility: 'public',
      approvalMode: 'reviewed',
      capacity: 80,
      confirmedCount: 0,
      checkedInCount: 0,
      timeZone: 'Asia/Shanghai',
      canManage: true,
      version: 1,
      startsAt: '2030-05-20T01:00:00.000Z',
      publicPath: `/e/${res.body.id}`,
    });
    expect(res.body.organisers.map((o) => [o.organisation.id, o.role, o.position])).toEqual([
      [host, 'host', 0],
      [coHost, 'co_host', 1],
    ]);
    expect(res.body.organisers[0]!.organisation.nameEn).toBe('CMC Test Authority');
    expect(res.body.registrationQuestions[0]).toMatchObject({ id: 'focus', required: true });
    const tickets = await sql<{ name: string; capacity: number }>(`select name, capacity from event_ticket_types where event_id = $1`, [res.body.id]);
    expect(tickets).toEqual([{ name: '普通参会', capacity: 80 }]);
    const audit = await sql<{ action: string }>(`select action from audit_log where entity_id = $1`, [res.body.id]);
    expect(audit.map((a) => a.action)).toEqual(['event.created']);

    const english = await staff.request<EventDetail>('POST', base(), body(), { 'accept-language': 'en' });
    const [ticket] = await sql<{ name: string }>(`select name from event_ticket_types where event_id = $1`, [english.body.id]);
    expect(ticket!.name).toBe('General admission');
  });

  it('refuses bad input with field messages and writes nothing', async () => {
    const [{ n: before }] = (await sql<{ n: number }>(`select count(*)::int as n from events where community_id = $1`, [cmc])) as [{ n: number }];
    const order = await staff.post<ErrorBody>(base(), body({ endsAt: START }));
    expect(order.status).toBe(400);
    expect(order.body.error.fields).toEqual({ endsAt: msg('events_ends_before_start') });
    const unknown = await staff.post<ErrorBody>(base(), body({ organisers: [{ organisationId: '00000000-0000-4000-8000-000000000001', role: 'host' }] }));
    expect(unknown.body.error.fields).toEqual({ 'organisers.0.organisationId': msg('events_organiser_unknown') });
    const twice = await staff.post<ErrorBody>(base(), body({ organisers: [{ organisationId: host, role: 'host' }, { organisationId: host, role: 'support' }] }));
    expect(twice.body.error.fields).toEqual({ organisers: msg('events_organiser_duplicate') });
    const link = await staff.post<ErrorBody>(base(), body({ onlineUrl: 'javascript:alert(1)' }));
    expect(link.status).toBe(400);
    expect(link.body.error.fields).toHaveProperty('onlineUrl');
    const closes = await staff.post<ErrorBody>(base(), body({ registrationClosesAt: '2030-05-21T09:00:00+08:00' }));
    expect(closes.body.error.fields).toEqual({ registrationClosesAt: msg('events_registration_closes_after_end') });
    const extra = await staff.post<ErrorBody>(base(), { ...body(), status: 'published' });
    expect(extra.status).toBe(400);
    expect(extra.body.error.fields).toHaveProperty('status');
    const huge = await staff.post<ErrorBody>(base(), body({ title: '长'.repeat(201), capacity: -1, kind: 'party' }));
    expect(huge.status).toBe(400);
    expect(Object.keys(huge.body.error.fields!).sort()).toEqual(['capacity', 'kind', 'title']);
    const noOffset = await staff.post<ErrorBody>(base(), body({ startsAt: '2030-05-20 09:00' }));
    expect(noOffset.body.error.fields).toHaveProperty('startsAt');
    const [{ n: after }] = (await sql<{ n: number }>(`select count(*)::int as n from events where community_id = $1`, [cmc])) as [{ n: number }];
    expect(after).toBe(before);
  });

  it('makes a closed-door meeting invitation-only and refuses any other visibility', async () => {
    const meeting = await create({ kind: 'closed_door', title: '创新药闭门会' });
    expect(meeting.visibility).toBe('invitation');
    const open = await staff.post<ErrorBody>(base(), body({ kind: 'closed_door', visibility: 'public' }));
    expect(open.status).toBe(400);
    expect(open.body.error.fields).toEqual({ visibility: msg('events_closed_door_invitation') });
    const patched = await staff.patch<ErrorBody>(`${base()}/${meeting.id}`, { version: meeting.version, visibility: 'members' });
    expect(patched.body.error.fields).toEqual({ visibility: msg('events_closed_door_invitation') });
    // Turning a salon into a closed-door meeting makes it invitation-only.
    const salon = await create();
    const turned = await staff.patch<EventDetail>(`${base()}/${salon.id}`, { version: 1, kind: 'closed_door' });
    expect(turned.body).toMatchObject({ kind: 'closed_door', visibility: 'invitation', version: 2 });
  });

  it('keeps only the allowed formatting in the description', async () => {
    const event = await create({
      descriptionHtml:
        '<h2>议题</h2><p onclick="x()">第一段<script>alert(1)</script><strong>重点</strong></p><img src=x onerror="alert(1)"><a href="javascript:alert(1)">坏链接</a><a href="https://biobridge.example/a">好链接</a><style>p{}</style><iframe src="https://evil.example"></iframe><ul><li>一</li></ul>',
    });
    const html = event.descriptionHtml;
    expect(html).not.toMatch(/script|onerror|onclick|javascript:|<img|<style|<iframe|alert/);
    expect(html).toContain('<h2>议题</h2>');
    expect(html).toContain('<strong>重点</strong>');
    expect(html).toContain('<a href="https://biobridge.example/a" rel="noopener noreferrer" target="_blank">好链接</a>');
    expect(html).toContain('坏链接');
    expect(html).toContain('<ul><li>一</li></ul>');
    const empty = await staff.patch<EventDetail>(`${base()}/${event.id}`, { version: event.version, descriptionHtml: '<p></p>' });
    expect(empty.body.descriptionHtml).toBe('');
  });

  it('lets only organisers create; another community gets not found', async () => {
    expect((await member.post<ErrorBody>(base(), body())).status).toBe(403);
    const outsider = await alliance.post<ErrorBody>(base(), body());
    expect(outsider.status).toBe(404);
    expect(outsider.body.error.code).toBe('not_found');
    expect((await new Client(t.app).post(base(), body())).status).toBe(401);
  });
});

describe('reading and listing', () => {
  let publicEvent: EventDetail;
  let membersEvent: EventDetail;
  let invitedEvent: EventDetail;
  let hiddenEvent: EventDetail;
  let draft: EventDetail;
  let past: EventDetail;

  beforeAll(async () => {
    publicEvent = await publish(await create({ title: '列表-公开活动', kind: 'forum' }));
    membersEvent = await publish(await create({ title: '列表-成员活动', visibility: 'members', startsAt: '2030-06-01T09:00:00+08:00', endsAt: '2030-06-01T12:00:00+08:00' }));
    invitedEvent = await publish(await create({ title: '列表-邀请活动', kind: 'closed_door', startsAt: '2030-05-20T10:00:00+08:00' }));
    hiddenEvent = await publish(await create({ title: '列表-未受邀活动', kind: 'closed_door', startsAt: '2030-05-20T11:00:00+08:00' }));
    draft = await create({ title: '列表-草稿', startsAt: '2030-05-20T12:00:00+08:00' });
    past = await publish(await create({ title: '列表-往期活动', startsAt: '2020-05-20T09:00:00+08:00', endsAt: '2020-05-20T12:00:00+08:00', registrationClosesAt: null }));
    const [ticket] = await sql<{ id: string }>(`select id from event_ticket_types where event_id = $1`, [invitedEvent.id]);
    await sql(`insert into event_invitations (event_id, email, name, ticket_type_id, token) values ($1, 'member@biobridge.demo', '孙悦', $2, 'invite-token-list-test')`, [invitedEvent.id, ticket!.id]);
    await register(publicEvent.id, 'someone@example.com', 'confirmed');
    await sql(`update event_registrations set checked_in_at = now() where event_id = $1`, [publicEvent.id]);
  });

  const titles = (page: EventPage) => page.items.map((e) => e.title).filter((x) => x.startsWith('列表-'));

  it('shows organisers everything, drafts too, soonest first', async () => {
    const res = await staff.get<EventPage>(`${base()}?q=${encodeURIComponent('列表-')}`);
    expect(res.status).toBe(200);
    expect(titles(res.body)).toEqual(['列表-公开活动', '列表-邀请活动', '列表-未受邀活动', '列表-草稿', '列表-成员活动']);
    const row = res.body.items.find((e) => e.id === publicEvent.id)!;
    expect(row).toMatchObject({ confirmedCount: 1, capacity: 80, checkedInCount: 1, status: 'published', kind: 'forum' });
  });

  it("shows a member the public and members-only events, and invitation-only ones they were invited to", async () => {
    const res = await member.get<EventPage>(`${base()}?q=${encodeURIComponent('列表-')}`);
    expect(titles(res.body)).toEqual(['列表-公开活动', '列表-邀请活动', '列表-成员活动']);
    expect((await member.get(`${base()}/${draft.id}`)).status).toBe(404);
    expect((await member.get(`${base()}/${hiddenEvent.id}`)).status).toBe(404);
    const seen = await member.get<EventDetail>(`${base()}/${invitedEvent.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.canManage).toBe(false);
    // Registered (not invited): the investor sees the invitation-only meeting too.
    await register(hiddenEvent.id, 'investor@biobridge.demo', 'pending', 'zh-CN', investor.session!.user!.id);
    expect((await investor.get(`${base()}/${hiddenEvent.id}`)).status).toBe(200);
  });

  it('filters past and upcoming, kind, status, and pages by keyset', async () => {
    const pastPage = await staff.get<EventPage>(`${base()}?when=past&q=${encodeURIComponent('列表-')}`);
    expect(titles(pastPage.body)).toEqual(['列表-往期活动']);
    expect(titles((await staff.get<EventPage>(`${base()}?kind=forum&q=${encodeURIComponent('列表-')}`)).body)).toEqual(['列表-公开活动']);
    expect(titles((await staff.get<EventPage>(`${base()}?status=draft&q=${encodeURIComponent('列表-')}`)).body)).toEqual(['列表-草稿']);
    const all = await staff.get<EventPage>(`${base()}?when=all&q=${encodeURIComponent('列表-')}`);
    expect(titles(all.body)[0]).toBe('列表-成员活动');
    expect(titles(all.body).at(-1)).toBe('列表-往期活动');
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: EventPage } = await staff.get<EventPage>(`${base()}?when=all&limit=2&q=${encodeURIComponent('列表-')}${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...titles(page.body));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(titles(all.body));
    expect((await staff.get<ErrorBody>(`${base()}?cursor=nonsense`)).status).toBe(400);
    expect((await staff.get<ErrorBody>(`${base()}?when=tomorrow`)).status).toBe(400);
    expect(past.status).toBe('published');
  });

  it("answers not found to another community, and for another community's event under one's own", async () => {
    expect((await alliance.get<ErrorBody>(base())).status).toBe(404);
    expect((await alliance.get<ErrorBody>(`${base()}/${publicEvent.id}`)).status).toBe(404);
    expect((await alliance.get<ErrorBody>(`/api/communities/${jiading}/events/${publicEvent.id}`)).status).toBe(404);
    expect((await admin.get<EventDetail>(`${base()}/${membersEvent.id}`)).body.canManage).toBe(true);
  });
});

describe('changing, publishing, cancelling, deleting', () => {
  it('updates on the current version only and replaces the organisers', async () => {
    const event = await create({ organisers: [{ organisationId: host, role: 'host' }] });
    const res = await staff.patch<EventDetail>(`${base()}/${event.id}`, {
      version: 1,
      title: '改期后的沙龙',
      startsAt: '2030-05-21T09:00:00+08:00',
      endsAt: '2030-05-21T12:00:00+08:00',
      organisers: [{ organisationId: coHost, role: 'guidance' }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ title: '改期后的沙龙', version: 2, startsAt: '2030-05-21T01:00:00.000Z' });
    expect(res.body.organisers.map((o) => [o.organisation.id, o.role])).toEqual([[coHost, 'guidance']]);
    const stale = await staff.patch<ErrorBody>(`${base()}/${event.id}`, { version: 1, title: '晚到的修改' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect((await member.patch(`${base()}/${event.id}`, { version: 2, title: 'x' })).status).toBe(403);
    expect((await staff.patch(`${base()}/${event.id}`, { version: 2, applicationsOpen: true })).status).toBe(400);
    const audit = await sql<{ action: string }>(`select action from audit_log where entity_id = $1 order by id`, [event.id]);
    expect(audit.map((a) => a.action)).toEqual(['event.created', 'event.updated']);
  });

  it('publishes a draft once, and only with a ticket type', async () => {
    const event = await create();
    const published = await publish(event);
    expect(published).toMatchObject({ status: 'published', version: 2 });
    expect(published.publishedAt).not.toBeNull();
    const again = await staff.post<ErrorBody>(`${base()}/${event.id}/publish`, {});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('state_conflict');
    const bare = await create();
    await sql(`delete from event_ticket_types where event_id = $1`, [bare.id]);
    const refused = await staff.post<ErrorBody>(`${base()}/${bare.id}/publish`, {});
    expect(refused.status).toBe(409);
    expect(refused.body.error.fields).toEqual({ tickets: msg('events_publish_needs_ticket') });
    const stale = await create();
    await staff.patch(`${base()}/${stale.id}`, { version: 1, title: '先改一下' });
    expect((await staff.post<ErrorBody>(`${base()}/${stale.id}/publish`, { version: 1 })).status).toBe(409);
  });

  it('cancels a published event and queues a message to every live registration in its language', async () => {
    const event = await publish(await create({ title: '将被取消的论坛' }));
    await register(event.id, 'confirmed@example.com', 'confirmed', 'zh-CN');
    await register(event.id, 'waiting@example.com', 'waitlisted', 'en');
    await register(event.id, 'pending@example.com', 'pending', 'zh-TW');
    await register(event.id, 'gone@example.com', 'cancelled', 'zh-CN');
    expect((await member.post(`${base()}/${event.id}/cancel`, {})).status).toBe(403);
    const res = await staff.post<EventDetail>(`${base()}/${event.id}/cancel`, { reason: '场地原因' });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('cancelled');
    expect(res.body.cancelledAt).not.toBeNull();
    const messages = await sql<{ recipient: string; template: string; locale: string; payload: { eventTitle: string; name: string; timeZone: string }; event_id: string }>(
      `select recipient, template, locale, payload, event_id from outbox where event_id = $1 order by recipient`,
      [event.id],
    );
    expect(messages.map((m) => [m.recipient, m.template, m.locale])).toEqual([
      ['confirmed@example.com', 'event_cancelled', 'zh-CN'],
      ['pending@example.com', 'event_cancelled', 'zh-TW'],
      ['waiting@example.com', 'event_cancelled', 'en'],
    ]);
    expect(messages[0]!.payload).toMatchObject({ eventTitle: '将被取消的论坛', timeZone: 'Asia/Shanghai' });
    expect(messages[0]!.payload.name).toMatch(/^报名者/);
    expect((await staff.post<ErrorBody>(`${base()}/${event.id}/cancel`, {})).status).toBe(409);
    expect((await staff.patch<ErrorBody>(`${base()}/${event.id}`, { version: res.body.version, title: '复活' })).status).toBe(409);
    expect((await staff.post<ErrorBody>(`${base()}/${(await create()).id}/cancel`, {})).status).toBe(409);
    const [audit] = await sql<{ changes: unknown }>(`select changes from audit_log where entity_id = $1 and action = 'event.cancelled'`, [event.id]);
    expect(JSON.stringify(audit!.changes)).toContain('场地原因');
  });

  it('deletes only drafts nobody registered for', async () => {
    const draft = await create();
    expect((await member.delete(`${base()}/${draft.id}`)).status).toBe(403);
    expect((await staff.delete(`${base()}/${draft.id}`)).status).toBe(200);
    expect((await staff.get(`${base()}/${draft.id}`)).status).toBe(404);
    const published = await publish(await create());
    const refused = await staff.delete<ErrorBody>(`${base()}/${published.id}`);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('state_conflict');
    const withRegistration = await create();
    await register(withRegistration.id, 'early@example.com', 'confirmed');
    expect((await staff.delete(`${base()}/${withRegistration.id}`)).status).toBe(409);
    const audit = await sql<{ action: string }>(`select action from audit_log where entity_id = $1 order by id`, [draft.id]);
    expect(audit.map((a) => a.action)).toEqual(['event.created', 'event.deleted']);
  });

  it('duplicates an event as a draft with its agenda, organisers, questions and empty ticket types, shifted in time', async () => {
    const source = await publish(
      await create({
        title: '月度沙龙',
        organisers: [{ organisationId: host, role: 'host' }],
        registrationClosesAt: '2030-05-19T18:00:00+08:00',
        registrationQuestions: [{ id: 'company', type: 'text', label: '公司' }],
      }),
    );
    const person = await staff.post<{ id: string }>('/api/directory/people', { communityId: cmc, nameZh: '复制嘉宾' });
    await staff.post(`${base()}/${source.id}/sessions`, { kind: 'keynote', title: '主旨演讲', startsAt: '2030-05-20T09:30:00+08:00', endsAt: '2030-05-20T10:00:00+08:00', room: '主会场', people: [{ personId: person.body.id, role: 'speaker' }] });
    await register(source.id, 'copy@example.com', 'confirmed');
    const res = await staff.post<EventDetail>(`${base()}/${source.id}/duplicate`, { startsAt: '2030-06-20T09:00:00+08:00' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: '月度沙龙',
      status: 'draft',
      startsAt: '2030-06-20T01:00:00.000Z',
      endsAt: '2030-06-20T09:00:00.000Z',
      registrationClosesAt: '2030-06-19T10:00:00.000Z',
      confirmedCount: 0,
      capacity: 80,
      version: 1,
    });
    expect(res.body.id).not.toBe(source.id);
    expect(res.body.organisers.map((o) => o.organisation.id)).toEqual([host]);
    expect(res.body.registrationQuestions.map((q) => q.id)).toEqual(['company']);
    const agenda = await staff.get<{ sessions: { title: string; startsAt: string; room: string; people: { person: { id: string } }[] }[] }>(`${base()}/${res.body.id}/sessions`);
    expect(agenda.body.sessions).toMatchObject([{ title: '主旨演讲', startsAt: '2030-06-20T01:30:00.000Z', room: '主会场', people: [{ person: { id: person.body.id } }] }]);
    const registrations = await sql<{ n: number }>(`select count(*)::int as n from event_registrations where event_id = $1`, [res.body.id]);
    expect(registrations[0]!.n).toBe(0);
    const titled = await staff.post<EventDetail>(`${base()}/${source.id}/duplicate`, { startsAt: '2030-07-20T09:00:00+08:00', title: '七月沙龙' });
    expect(titled.body.title).toBe('七月沙龙');
    expect((await member.post(`${base()}/${source.id}/duplicate`, { startsAt: '2030-07-20T09:00:00+08:00' })).status).toBe(403);
  });
});
