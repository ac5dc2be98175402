import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MyRegistration, PublicEvent, Registration, RegistrationCreated, TicketType } from '../../../shared/schemas/registrations';
import { Client, signedIn, startTestApp, type TestApp } from '../../../../test/app';
import { auditLog, eventInvitations, eventRegistrations, outbox } from '../../db/schema';
import { makeEvent, makeInvitation, person } from './test-fixtures';

let t: TestApp;
let staff: Client;
let member: Client;
let outsider: Client;
let anon: Client;
const CMC = 'china-medical-city';

beforeAll(async () => {
  t = await startTestApp();
  staff = await signedIn(t.app, 'staff@biobridge.demo');
  member = await signedIn(t.app, 'member@biobridge.demo');
  outsider = await signedIn(t.app, 'alliance.admin@biobridge.demo');
  anon = new Client(t.app, '10.9.9.9');
});
afterAll(() => t.close());

const register = (client: Client, eventId: string, body: unknown) => client.post<RegistrationCreated>(`/api/public/events/${eventId}/registrations`, body);
const messages = (recipient: string) => t.database.db.select().from(outbox).where(eq(outbox.recipient, recipient));
const regRow = async (id: string) => (await t.database.db.select().from(eventRegistrations).where(eq(eventRegistrations.id, id)))[0]!;

describe('the public event page', () => {
  it('shows a public event to anyone, with seats left and whether registration is open', async () => {
    const { event, tickets } = await makeEvent(t.database.db, CMC, { tickets: [{ name: '投资机构', capacity: 3 }, { name: '媒体', capacity: 2, isOpen: false }] });
    await register(anon, event.id, { ...person('page1'), ticketTypeId: tickets[0]!.id });
    const res = await anon.get<PublicEvent>(`/api/public/events/${event.id}`);
    expect(res.status).toBe(200);
    expect(res.body.registrationOpen).toBe(true);
    expect(res.body.closedReason).toBeNull();
    expect(res.body.timeZone).toBe('Asia/Shanghai');
    expect(res.body.ticketTypes.map((x) => [x.name, x.seatsLeft, x.isOpen])).toEqual([
      ['投资机构', 2, true],
      ['媒体', 2, false],
    ]);
    expect(res.body.myRegistration).toBeNull();
    expect(res.body.prefill).toBeNull();
  });

  it('hides members-only events from the public and drafts from members, as if they did not exist', async () => {
    const members = await makeEvent(t.database.db, CMC, { visibility: 'members' });
    expect((await anon.get(`/api/public/events/${members.event.id}`)).status).toBe(404);
    expect((await outsider.get(`/api/public/events/${members.event.id}`)).status).toBe(404);
    const seen = await member.get<PublicEvent>(`/api/public/events/${members.event.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.prefill?.email).toBe('member@biobridge.demo');
    const draft = await makeEvent(t.database.db, CMC, { status: 'draft' });
    expect((await member.get(`/api/public/events/${draft.event.id}`)).status).toBe(404);
    expect((await anon.get(`/api/public/events/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
    expect((await anon.post(`/api/public/events/${members.event.id}/registrations`, { ...person('m1'), ticketTypeId: members.tickets[0]!.id })).status).toBe(404);
  });

  it('says why registration is closed', async () => {
    const past = await makeEvent(t.database.db, CMC, { registrationClosesAt: new Date(Date.now() - 60_000) });
    expect((await anon.get<PublicEvent>(`/api/public/events/${past.event.id}`)).body.closedReason).toBe('deadline');
    const res = await register(anon, past.event.id, { ...person('late'), ticketTypeId: past.tickets[0]!.id });
    expect(res.status).toBe(409);
    expect((res.body as unknown as { error: { code: string } }).error.code).toBe('registration_closed');
    const cancelled = await makeEvent(t.database.db, CMC, { status: 'cancelled' });
    expect((await anon.get<PublicEvent>(`/api/public/events/${cancelled.event.id}`)).body.closedReason).toBe('cancelled');
    expect((await register(anon, cancelled.event.id, { ...person('c'), ticketTypeId: cancelled.tickets[0]!.id })).status).toBe(409);
  });
});

describe('registering', () => {
  it('confirms while seats are free, then waitlists in arrival order; cancelling promotes the head of the line', async () => {
    const { event, tickets } = await makeEvent(t.database.db, CMC, { tickets: [{ name: '企业代表', capacity: 2 }] });
    const ticketTypeId = tickets[0]!.id;
    const replies = [];
    for (const n of ['a1', 'a2', 'a3', 'a4']) replies.push(await register(anon, event.id, { ...person(n), ticketTypeId }));
    expect(replies.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(replies.map((r) => r.body.status)).toEqual(['confirmed', 'confirmed', 'waitlisted', 'waitlisted']);
    expect(replies.map((r) => r.body.waitlistPosition)).toEqual([null, null, 1, 2]);
    expect(replies[0]!.body.code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{8}$/);
    expect(replies[2]!.body.code).toBeNull();

    const confirmedMail = await messages('guesta1@example.cn');
    expect(confirmedMail.map((m) => m.template)).toEqual(['event_registration_confirmed']);
    expect(confirmedMail[0]!.payload).toMatchObject({ code: replies[0]!.body.code, link: `http://bb.test/r/${replies[0]!.body.manageToken}`, eventTitle: event.title, ticketType: '企业代表' });
    expect(confirmedMail[0]!.locale).toBe('zh-CN');
    expect((await messages('guesta3@example.cn'))[0]).toMatchObject({ template: 'event_registration_waitlisted', payload: expect.objectContaining({ position: 1 }) });

    // The registrant's own page, then a cancellation by the registrant.
    const own = await anon.get<MyRegistration>(`/api/public/registrations/${replies[3]!.body.manageToken}`);
    expect(own.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 2, code: null, canCancel: true });
    const cancel = await anon.post(`/api/public/registrations/${replies[0]!.body.manageToken}/cancel`);
    expect(cancel.status).toBe(200);
    expect((await anon.post(`/api/public/registrations/${replies[0]!.body.manageToken}/cancel`)).status).toBe(409);

    const promoted = await regRow(replies[2]!.body.id);
    expect(promoted.status).toBe('confirmed');
    expect(promoted.waitlistNo).toBeNull();
    expect(promoted.confirmedAt).not.toBeNull();
    expect((await messages('guesta3@example.cn')).map((m) => m.template)).toEqual(['event_registration_waitlisted', 'event_waitlist_promoted']);
    expect((await messages('guesta1@example.cn')).map((m) => m.template)).toContain('event_registration_cancelled');
    const fourth = await anon.get<MyRegistration>(`/api/public/registrations/${replies[3]!.body.manageToken}`);
    expect(fourth.body.waitlistPosition).toBe(1);

    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, replies[2]!.body.id));
    expect(audit.map((a) => a.action).sort()).toEqual(['registration.created', 'registration.promoted']);
    expect(audit.every((a) => a.actorUserId === null)).toBe(true);
  });

  it('refuses a second live registration of the same e-mail (any spelling), and allows one after cancelling', async () => {
    const { event, tickets } = await makeEvent(t.database.db, CMC);
    const ticketTypeId = tickets[0]!.id;
    const first = await register(anon, event.id, { ...person('dup'), ticketTypeId });
    expect(first.status).toBe(201);
    const again = await register(anon, event.id, { ...person('dup'), email: '  GUESTdup@Example.CN ', ticketTypeId });
    expect(again.status).toBe(409);
    expect((again.body as unknown as { error: { code: string } }).error.code).toBe('already_registered');
    await anon.post(`/api/public/registrations/${first.body.manageToken}/cancel`);
    expect((await register(anon, event.id, { ...person('dup'), ticketTypeId })).status).toBe(201);
  });

  it('links a signed-in registrant to the account: one live registration per account, shown on the page and in my registrations', async () => {
    const { event, tickets } = await makeEvent(t.database.db, CMC, { visibility: 'members' });
    const ticketTypeId = tickets[0]!.id;
    const res = await register(member, event.id, { ...person('me'), name: '孙悦', email: 'member@biobridge.demo', ticketTypeId });
    expect(res.status).toBe(201);
    expect((await regRow(res.body.id)).userId).toBe(member.session!.user!.id);
    expect((await register(member, event.id, { ...person('me2'), ticketTypeId })).status).toBe(409);
    const page = await member.get<PublicEvent>(`/api/public/events/${event.id}`);
    expect(page.body.myRegistration).toMatchObject({ status: 'confirmed', manageToken: res.body.manageToken });
    const mine = await member.get<{ items: MyRegistration[] }>('/api/me/registrations');
    expect(mine.status).toBe(200);
    expect(mine.body.items.some((i) => i.id === res.body.id && i.event.id === event.id && i.code === res.body.code)).toBe(true);
    expect((await anon.get('/api/me/registrations')).status).toBe(401);
  });

  it('checks custom answers against the questions', async () => {
    const { event, tickets } = await makeEvent(t.database.db, CMC, {
      questions: [
        { id: 'focus', type: 'single', label: '关注领域', options: ['创新药', '医疗器械'], required: true, maxLength: 500 },
        { id: 'note', type: 'text', label: '备注', options: [], required: false, maxLength: 10 },
      ],
    });
    const ticketTypeId = tickets[0]!.id;
    const bad = await register(anon, event.id, { ...person('q1'), ticketTypeId, answers: { note: '这段备注远远超过了十个字的限制', other: 'x' } });
    expect(bad.status).toBe(400);
    expect(Object.keys((bad.body as unknown as { error: { fields: Record<string, string> } }).error.fields).sort()).toEqual(['answers.focus', 'answers.note', 'answers.other']);
    const good = await register(anon, event.id, { ...person('q2'), ticketTypeId, answers: { focus: '创新药', note: ' 你好 ' } });
    expect(good.status).toBe(201);
    expect((await regRow(good.body.id)).answers).toEqual({ focus: '创新药', note: '你好' });
  });

  it('refuses a closed ticket type and an unknown one', async () => {
    const { event, tickets } = await makeEvent(t.database.db, CMC, { tickets: [{ name: '开放', capacity: 5 }, { name: '关闭', capacity: 5, isOpen: false }] });
    const closed = await register(anon, event.id, { ...person('tc'), ticketTypeId: tickets[1]!.id });
    expect(closed.status).toBe(409);
    const other = await makeEvent(t.database.db, CMC);
    const unknown = await register(anon, event.id, { ...person('tu'), ticketTypeId: other.tickets[0]!.id });
    expect(unknown.status).toBe(400);
    expect((unknown.body as unknown as { error: { fields: Record<string, string> } }).error.fields).toHaveProperty('ticketTypeId');
  });
});

describe('invitation-only events', () => {
  it('registers through a personal invitation on its ticket type and marks the invitation used', async () => {
    const { event, tickets } = await makeEvent(t.database.db, CMC, { visibility: 'invitation', kind: 'closed_door', tickets: [{ name: '普通', capacity: 5 }, { name: '嘉宾', capacity: 2, isOpen: false }] });
    const invitation = await makeInvitation(t.database.db, event.id, tickets[1]!.id, 'vip@example.cn');
    expect((await anon.get(`/api/public/events/${event.id}`)).status).toBe(404);
    expect((await anon.get(`/api/public/events/${event.id}?invite=${'x'.repeat(43)}`)).status).toBe(404);
    const page = await anon.get<PublicEvent>(`/api/public/events/${event.id}?invite=${invitation.token}`);
    expect(page.status).toBe(200);
    expect(page.body.invitation).toMatchObject({ email: 'vip@example.cn', ticketTypeId: tickets[1]!.id });
    expect(page.body.registrationOpen).toBe(true);

    const res = await register(anon, event.id, { ...person('vip'), email: 'vip@example.cn', inviteToken: invitation.token });
    expect(res.status).toBe(201);
    expect(res.body.ticketTypeName).toBe('嘉宾');
    const [after] = await t.database.db.select().from(eventInvitations).where(eq(eventInvitations.id, invitation.id));
    expect(after!.status).toBe('registered');
    expect((await register(anon, event.id, { ...person('vip2'), inviteToken: invitation.token })).status).toBe(409);

    const revoked = await makeInvitation(t.database.db, event.id, tickets[0]!.id, 'gone@example.cn', 'revoked');
    expect((await register(anon, event.id, { ...person('gone'), inviteToken: revoked.token })).status).toBe(404);
  });

  it('answers 410 for a revoked invitation to a public event', async () => {
    const { event, tickets } = await makeEvent(t.database.db, CMC);
    const revoked = await makeInvitation(t.database.db, event.id, tickets[0]!.id, 'revoked@example.cn', 'revoked');
    const res = await register(anon, event.id, { ...person('rv'), inviteToken: revoked.token });
    expect(res.status).toBe(410);
    expect((await register(anon, event.id, { ...person('rv2'), inviteToken: 'A'.repeat(43) })).status).toBe(404);
  });
});

describe('reviewed mode', () => {
  it('holds registrations as pending until approved; approval confirms or waitlists; decline tells the registrant why', async () => {
    const { event, community, tickets } = await makeEvent(t.database.db, CMC, { approvalMode: 'reviewed', tickets: [{ name: '路演企业', capacity: 1 }] });
    const ticketTypeId = tickets[0]!.id;
    const a = await register(anon, event.id, { ...person('r1'), ticketTypeId });
    const b = await register(anon, event.id, { ...person('r2'), ticketTypeId });
    const c = await register(anon, event.id, { ...person('r3'), ticketTypeId });
    expect([a.body.status, b.body.status, c.body.status]).toEqual(['pending', 'pending', 'pending']);
    expect((await messages('guestr1@example.cn'))[0]!.template).toBe('event_registration_pending');
    const url = (id: string, action: string) => `/api/communities/${community.id}/events/${event.id}/registrations/${id}/${action}`;

    const stale = await staff.post(url(a.body.id, 'approve'), { version: 9 });
    expect(stale.status).toBe(409);
    const approveA = await staff.post<{ registration: Registration }>(url(a.body.id, 'approve'), { version: 1 });
    expect(approveA.status).toBe(200);
    expect(approveA.body.registration.status).toBe('confirmed');
    const approveB = await staff.post<{ registration: Registration }>(url(b.body.id, 'approve'), { version: 1 });
    expect(approveB.body.registration).toMatchObject({ status: 'waitlisted', waitlistNo: 1, waitlistPosition: 1 });
    expect((await staff.post(url(a.body.id, 'approve'), { version: 2 })).status).toBe(409);

    const declined = await staff.post<{ registration: Registration }>(url(c.body.id, 'decline'), { version: 1, reason: '名额已满，欢迎参加下期' });
    expect(declined.body.registration.status).toBe('declined');
    const mail = (await messages('guestr3@example.cn')).find((m) => m.template === 'event_registration_declined');
    expect(mail?.payload).toMatchObject({ reason: '名额已满，欢迎参加下期' });

    // The organiser cancels the confirmed one: the approved, waitlisted one moves up.
    const cancel = await staff.post<{ registration: Registration; promoted: { id: string }[] }>(url(a.body.id, 'cancel'), { version: 2 });
    expect(cancel.status).toBe(200);
    expect(cancel.body.promoted.map((p) => p.id)).toEqual([b.body.id]);
    expect((await regRow(b.body.id)).status).toBe('confirmed');
    const cancelledMail = (await messages('guestr1@example.cn')).find((m) => m.template === 'event_registration_cancelled');
    expect(cancelledMail?.payload).toMatchObject({ byOrganiser: true });

    // Members without events.manage and other communities' admins cannot review.
    expect((await member.post(url(b.body.id, 'cancel'), { version: 2 })).status).toBe(403);
    expect((await outsider.post(url(b.body.id, 'cancel'), { version: 2 })).status).toBe(404);
  });
});

describe('ticket types', () => {
  it('adds, changes and removes ticket types; more seats promote the waitlist in order, fewer than confirmed is refused', async () => {
    const { event, community, tickets } = await makeEvent(t.database.db, CMC, { tickets: [{ name: '普通', capacity: 1 }] });
    const base = `/api/communities/${community.id}/events/${event.id}/ticket-types`;
    const ids = [];
    for (const n of ['c1', 'c2', 'c3', 'c4']) ids.push((await register(anon, event.id, { ...person(n), ticketTypeId: tickets[0]!.id })).body.id);

    const list = await staff.get<TicketType[]>(base);
    expect(list.body[0]).toMatchObject({ capacity: 1, confirmedCount: 1, seatsLeft: 0, waitlistLength: 3 });
    const raise = await staff.patch<TicketType & { promoted: number }>(`${base}/${tickets[0]!.id}`, { version: 1, capacity: 3 });
    expect(raise.status).toBe(200);
    expect(raise.body).toMatchObject({ capacity: 3, confirmedCount: 3, waitlistLength: 1, promoted: 2, version: 2 });
    expect((await regRow(ids[1]!)).status).toBe('confirmed');
    expect((await regRow(ids[2]!)).status).toBe('confirmed');
    expect((await regRow(ids[3]!)).status).toBe('waitlisted');

    const lower = await staff.patch<{ error: { code: string; fields: Record<string, string> } }>(`${base}/${tickets[0]!.id}`, { version: 2, capacity: 2 });
    expect(lower.status).toBe(409);
    expect(lower.body.error.code).toBe('capacity_below_confirmed');
    expect(lower.body.error.fields).toHaveProperty('capacity');
    expect((await staff.patch(`${base}/${tickets[0]!.id}`, { version: 1, name: '旧版本' })).status).toBe(409);

    const created = await staff.post<TicketType>(base, { name: '媒体', capacity: 5 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: '媒体', seatsLeft: 5, position: 1, isOpen: true });
    expect((await staff.post(base, { name: '媒体', capacity: 5 })).status).toBe(409);
    expect((await staff.delete(`${base}/${tickets[0]!.id}`)).status).toBe(409);
    expect((await staff.delete(`${base}/${created.body.id}`)).status).toBe(200);
    // The last ticket type of a published event stays.
    const empty = await makeEvent(t.database.db, CMC);
    expect((await staff.delete(`/api/communities/${community.id}/events/${empty.event.id}/ticket-types/${empty.tickets[0]!.id}`)).status).toBe(409);

    expect((await member.get(base)).status).toBe(403);
    expect((await outsider.get(base)).status).toBe(404);
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, tickets[0]!.id)));
    expect(audit.map((a) => a.action)).toContain('ticket_type.updated');
  });
});

describe('the organisers’ list', () => {
  it('lists in arrival order with counts by status, filters, search and keyset pages', async () => {
    const { event, community, tickets } = await makeEvent(t.database.db, CMC, { tickets: [{ name: '普通', capacity: 2 }] });
    for (const n of ['l1', 'l2', 'l3', 'l4', 'l5']) await register(anon, event.id, { ...person(n), ticketTypeId: tickets[0]!.id });
    const base = `/api/communities/${community.id}/events/${event.id}/registrations`;
    const all = await staff.get<{ items: Registration[]; counts: Record<string, number>; total: number; nextCursor: string | null }>(base);
    expect(all.status).toBe(200);
    expect(all.body.counts).toEqual({ pending: 0, confirmed: 2, waitlisted: 3, declined: 0, cancelled: 0 });
    expect(all.body.total).toBe(5);
    expect(all.body.items.map((r) => r.waitlistPosition)).toEqual([null, null, 1, 2, 3]);
    const waiting = await staff.get<{ items: Registration[]; total: number }>(`${base}?status=waitlisted`);
    expect(waiting.body.items.map((r) => r.name)).toEqual(['参会者l3', '参会者l4', '参会者l5']);
    expect(waiting.body.total).toBe(3);
    const search = await staff.get<{ items: Registration[] }>(`${base}?q=GUESTL4`);
    expect(search.body.items.map((r) => r.email)).toEqual(['guestl4@example.cn']);
    const page1 = await staff.get<{ items: Registration[]; nextCursor: string }>(`${base}?limit=2`);
    const page2 = await staff.get<{ items: Registration[] }>(`${base}?limit=2&cursor=${page1.body.nextCursor}`);
    expect([...page1.body.items, ...page2.body.items].map((r) => r.name)).toEqual(['参会者l1', '参会者l2', '参会者l3', '参会者l4']);
    expect((await staff.get(`${base}?cursor=garbage`)).status).toBe(400);
  });
});

describe('downloads', () => {
  it('gives a calendar file and a QR code of the check-in code while confirmed', async () => {
    const { event, tickets } = await makeEvent(t.database.db, CMC, { tickets: [{ name: '普通', capacity: 1 }] });
    const a = await register(anon, event.id, { ...person('d1'), ticketTypeId: tickets[0]!.id });
    const b = await register(anon, event.id, { ...person('d2'), ticketTypeId: tickets[0]!.id });
    const ics = await anon.get<string>(`/api/public/registrations/${a.body.manageToken}/event.ics`);
    expect(ics.status).toBe(200);
    expect(String(ics.headers['content-type'])).toContain('text/calendar');
    const stamp = event.startsAt.toISOString().replace(/[-:]/g, '').slice(0, 13);
    expect(ics.body).toContain(`DTSTART:${stamp}`);
    expect(ics.body).toMatch(/DTSTART:\d{8}T\d{6}Z/);
    expect(ics.body).toContain('BEGIN:VALARM');
    expect(ics.body).toContain('TRIGGER:-P1D');
    expect(ics.body).toContain(`URL:http://bb.test/e/${event.id}`);
    const qr = await anon.get<string>(`/api/public/registrations/${a.body.manageToken}/qr.svg`);
    expect(qr.status).toBe(200);
    expect(String(qr.headers['content-type'])).toContain('image/svg+xml');
    expect(qr.body).toContain('<svg');
    expect((await anon.get(`/api/public/registrations/${b.body.manageToken}/qr.svg`)).status).toBe(404);
    expect((await anon.get(`/api/public/registrations/${'Z'.repeat(43)}`)).status).toBe(404);
  });
});
