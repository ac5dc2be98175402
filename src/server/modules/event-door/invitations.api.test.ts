import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invitation, InvitationPage } from '../../../shared/schemas/event-door';
import { CATALOGUES } from '../../../web/i18n/catalogue';
import { startTestApp, type Client, type TestApp } from '../../../../test/app';
import { createPerson, signInEach } from '../directory/directory.fixtures';
import { insertEvent, insertRegistration, type DoorEvent } from './door.fixtures';

function msg(key: string): string {
  const text = (CATALOGUES['zh-CN'].fieldErrors as Record<string, string>)[key];
  if (!text) throw new Error(`no zh-CN text for ${key}`);
  return text;
}

type ErrorBody = { error: { code: string; fields?: Record<string, string> } };
interface OutboxRow {
  recipient: string;
  locale: string;
  template: string;
  payload: { link: string; name: string; note: string; invitedBy: string | null; eventTitle: string; timeZone: string };
  eventId: string;
}

let t: TestApp;
let staff: Client;
let member: Client;
let cmc: string;
let jiading: string;
let event: DoorEvent;
let foreign: DoorEvent;

const url = (e: DoorEvent, path = '') => `/api/communities/${cmc}/events/${e.eventId}/invitations${path}`;

async function outbox(recipient: string): Promise<OutboxRow[]> {
  return t.database.withConnection((c) =>
    c.rows<OutboxRow>(`select recipient, locale, template, payload, event_id as "eventId" from outbox where recipient = $1 and template = 'event_invitation' order by id`, [recipient]),
  );
}

async function invitationCount(e: DoorEvent): Promise<number> {
  const [row] = await t.database.withConnection((c) => c.rows<{ n: number }>(`select count(*)::int as n from event_invitations where event_id = $1`, [e.eventId]));
  return row!.n;
}

beforeAll(async () => {
  t = await startTestApp();
  let alliance: Client;
  [staff, member, alliance] = await signInEach(t.app, ['staff', 'member', 'alliance.admin']);
  cmc = staff.communityId('china-medical-city');
  jiading = alliance.communityId('jiading-biomed-alliance');
  event = await insertEvent(t.database, cmc, { title: '闭门投融资对接会', ticketTypes: [{ name: '投资人', capacity: 20 }, { name: '企业', capacity: 20 }] });
  foreign = await insertEvent(t.database, jiading);
});
afterAll(() => t.close());

describe('personal invitations', () => {
  it('invites several people at once, each in their language, with a personal link, audited', async () => {
    const res = await staff.post<{ items: Invitation[] }>(url(event), {
      invitees: [
        { name: '钱七', email: ' Qian.Qi@Example.com ', ticketTypeId: event.ticketTypeIds[0], note: '诚邀莅临' },
        { name: 'Emily Chen', email: 'judge@biobridge.demo', ticketTypeId: event.ticketTypeIds[1] },
        { name: '陳大文', email: 'chan@example.hk', ticketTypeId: event.ticketTypeIds[1], locale: 'zh-TW' },
      ],
    });
    expect(res.status).toBe(201);
    expect(res.body.items.map((i) => [i.name, i.email, i.ticketType.name, i.locale, i.status, i.invitedBy])).toEqual([
      ['钱七', 'qian.qi@example.com', '投资人', 'zh-CN', 'sent', '王磊'],
      // No language given: the account's (English) is used.
      ['Emily Chen', 'judge@biobridge.demo', '企业', 'en', 'sent', '王磊'],
      ['陳大文', 'chan@example.hk', '企业', 'zh-TW', 'sent', '王磊'],
    ]);
    const [qian] = await outbox('qian.qi@example.com');
    expect(qian).toMatchObject({ locale: 'zh-CN', eventId: event.eventId, payload: { name: '钱七', note: '诚邀莅临', invitedBy: '王磊', eventTitle: '闭门投融资对接会', timeZone: 'Asia/Shanghai' } });
    const [token] = await t.database.withConnection((c) => c.rows<{ token: string }>(`select token from event_invitations where email = 'qian.qi@example.com'`));
    expect(qian!.payload.link).toBe(`http://bb.test/e/${event.eventId}?invite=${token!.token}`);
    expect(token!.token.length).toBeGreaterThanOrEqual(40);
    expect((await outbox('judge@biobridge.demo'))[0]!.locale).toBe('en');
    expect((await outbox('chan@example.hk'))[0]!.locale).toBe('zh-TW');
    const [audit] = await t.database.withConnection((c) => c.rows<{ n: number }>(`select count(*)::int as n from audit_log where action = 'event_invitation.created' and community_id = $1`, [cmc]));
    expect(audit!.n).toBe(3);
    // The invitation never comes back with its token.
    expect(JSON.stringify(res.body)).not.toContain(token!.token);
  });

  it('refuses, row by row, addresses already invited or repeated, unknown ticket types and missing fields, writing nothing', async () => {
    const before = await invitationCount(event);
    const res = await staff.post<ErrorBody>(url(event), {
      invitees: [
        { name: '新人', email: 'new.one@example.com', ticketTypeId: event.ticketTypeIds[0] },
        { name: '钱七', email: 'qian.qi@example.com', ticketTypeId: event.ticketTypeIds[0] },
        { name: '重复', email: 'new.one@example.com', ticketTypeId: event.ticketTypeIds[0] },
        { name: '别的票', email: 'other@example.com', ticketTypeId: foreign.ticketTypeIds[0] },
        { email: 'noname@example.com', ticketTypeId: event.ticketTypeIds[0] },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({
      'invitees.1.email': msg('eventDoor_already_invited'),
      'invitees.2.email': msg('eventDoor_email_repeated'),
      'invitees.3.ticketTypeId': msg('eventDoor_ticket_unknown'),
      'invitees.4.name': msg('eventDoor_name_required'),
    });
    expect(await invitationCount(event)).toBe(before);
    expect(await outbox('new.one@example.com')).toEqual([]);
    const bad = await staff.post<ErrorBody>(url(event), { invitees: [{ name: '<script>alert(1)</script>', email: 'not-an-email', ticketTypeId: event.ticketTypeIds[0] }] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields!)).toEqual(['invitees.0.email']);
    const tooMany = Array.from({ length: 501 }, (_, i) => ({ name: `人${i}`, email: `p${i}@example.com`, ticketTypeId: event.ticketTypeIds[0] }));
    expect((await staff.post(url(event), { invitees: tooMany })).status).toBe(400);
    expect((await staff.post(url(event), { invitees: [] })).status).toBe(400);
  });

  it('fills name and e-mail from a directory person', async () => {
    const person = await createPerson(staff, cmc, { nameZh: '孙七', email: 'sun.qi@example.com' });
    const res = await staff.post<{ items: Invitation[] }>(url(event), { invitees: [{ personId: person.id, ticketTypeId: event.ticketTypeIds[0] }] });
    expect(res.status).toBe(201);
    expect(res.body.items[0]).toMatchObject({ name: '孙七', email: 'sun.qi@example.com', personId: person.id });
    const unknown = await staff.post<ErrorBody>(url(event), { invitees: [{ personId: '00000000-0000-4000-8000-000000000000', ticketTypeId: event.ticketTypeIds[0] }] });
    expect(unknown.body.error.fields).toMatchObject({ 'invitees.0.personId': msg('eventDoor_person_unknown'), 'invitees.0.email': msg('eventDoor_email_required') });
  });

  it('lists invitations with the registration made with each, counts and ticket types', async () => {
    const [qian] = await t.database.withConnection((c) => c.rows<{ id: string }>(`select id from event_invitations where email = 'qian.qi@example.com'`));
    const reg = await insertRegistration(t.database, event, { email: 'qian.qi@example.com', name: '钱七', invitationId: qian!.id });
    await t.database.withConnection((c) => c.exec(`update event_invitations set status = 'registered' where id = '${qian!.id}'`));
    const res = await staff.get<InvitationPage>(url(event));
    expect(res.status).toBe(200);
    expect(res.body.counts).toEqual({ sent: 3, registered: 1, revoked: 0 });
    expect(res.body.ticketTypes.map((tt) => tt.name)).toEqual(['投资人', '企业']);
    const listed = res.body.items.find((i) => i.id === qian!.id)!;
    expect(listed.registration).toEqual({ id: reg.id, status: 'confirmed', checkedInAt: null });
    expect(res.body.items.filter((i) => i.registration === null)).toHaveLength(3);
    const page = await staff.get<InvitationPage>(`${url(event)}?limit=2`);
    const next = await staff.get<InvitationPage>(`${url(event)}?limit=2&cursor=${page.body.nextCursor}`);
    expect([...page.body.items, ...next.body.items].map((i) => i.id).sort()).toEqual(res.body.items.map((i) => i.id).sort());
    const found = await staff.get<InvitationPage>(`${url(event)}?q=${encodeURIComponent('陳')}`);
    expect(found.body.items.map((i) => i.email)).toEqual(['chan@example.hk']);
    const registered = await staff.get<InvitationPage>(`${url(event)}?status=registered`);
    expect(registered.body.items.map((i) => i.id)).toEqual([qian!.id]);
  });

  it('resends with the same link, revokes, refuses to resend a revoked one, and issues a revoked address afresh', async () => {
    const list = await staff.get<InvitationPage>(url(event));
    const chan = list.body.items.find((i) => i.email === 'chan@example.hk')!;
    const resent = await staff.post<Invitation>(url(event, `/${chan.id}/resend`));
    expect(resent.status).toBe(200);
    const sent = await outbox('chan@example.hk');
    expect(sent).toHaveLength(2);
    expect(sent[1]!.payload.link).toBe(sent[0]!.payload.link);
    expect(sent[1]!.locale).toBe('zh-TW');

    const revoked = await staff.post<Invitation>(url(event, `/${chan.id}/revoke`));
    expect(revoked.body.status).toBe('revoked');
    expect((await staff.post<Invitation>(url(event, `/${chan.id}/revoke`))).body.status).toBe('revoked');
    const again = await staff.post<ErrorBody>(url(event, `/${chan.id}/resend`));
    expect(again.status).toBe(409);
    expect(again.body.error.fields).toEqual({ status: msg('eventDoor_invitation_revoked') });
    expect(await outbox('chan@example.hk')).toHaveLength(2);

    const reissued = await staff.post<{ items: Invitation[] }>(url(event), { invitees: [{ name: '陳大文', email: 'chan@example.hk', ticketTypeId: event.ticketTypeIds[0] }] });
    expect(reissued.status).toBe(201);
    expect(reissued.body.items[0]).toMatchObject({ id: chan.id, status: 'sent', ticketType: { name: '投资人' } });
    const third = await outbox('chan@example.hk');
    expect(third).toHaveLength(3);
    expect(third[2]!.payload.link).not.toBe(third[0]!.payload.link);

    // Revoking a used invitation keeps the registration made with it.
    const qian = list.body.items.find((i) => i.email === 'qian.qi@example.com')!;
    const revokedUsed = await staff.post<Invitation>(url(event, `/${qian.id}/revoke`));
    expect(revokedUsed.body).toMatchObject({ status: 'revoked', registration: { status: 'confirmed' } });
    const refused = await staff.post<ErrorBody>(url(event), { invitees: [{ name: '钱七', email: 'qian.qi@example.com', ticketTypeId: event.ticketTypeIds[0] }] });
    expect(refused.body.error.fields).toEqual({ 'invitees.0.email': msg('eventDoor_already_invited') });
    const actions = await t.database.withConnection((c) => c.rows<{ action: string }>(`select action from audit_log where entity_id = $1 order by id`, [chan.id]));
    expect(actions.map((a) => a.action)).toEqual(['event_invitation.created', 'event_invitation.resent', 'event_invitation.revoked', 'event_invitation.reissued']);
  });

  it('sends nothing for drafts and cancelled events', async () => {
    for (const status of ['draft', 'cancelled'] as const) {
      const e = await insertEvent(t.database, cmc, { status });
      const res = await staff.post<ErrorBody>(url(e), { invitees: [{ name: '某人', email: `${status}@example.com`, ticketTypeId: e.ticketTypeIds[0] }] });
      expect(res.status).toBe(409);
      expect(res.body.error.fields).toEqual({ event: msg(`eventDoor_event_${status}`) });
      expect(await outbox(`${status}@example.com`)).toEqual([]);
    }
  });

  it("answers 404 for another event's invitation and refuses members without events.manage", async () => {
    const list = await staff.get<InvitationPage>(url(event));
    const one = list.body.items[0]!;
    const otherEvent = await insertEvent(t.database, cmc);
    expect((await staff.post(url(otherEvent, `/${one.id}/resend`))).status).toBe(404);
    expect((await staff.post(url(otherEvent, `/${one.id}/revoke`))).status).toBe(404);
    expect((await member.post(url(event, `/${one.id}/resend`))).status).toBe(403);
    expect((await member.post(url(event, `/${one.id}/revoke`))).status).toBe(403);
  });
});
