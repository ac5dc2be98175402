import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agenda, EventDetail, SessionWrite } from '../../../shared/schemas/events';
import { CATALOGUES } from '../../../web/i18n/catalogue';
import { Client, startTestApp, type TestApp } from '../../../../test/app';
import { createOrganisation, createPerson, signInEach } from '../directory/directory.fixtures';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

function msg(key: string): string {
  return (CATALOGUES['zh-CN'].fieldErrors as Record<string, string>)[key]!;
}

let t: TestApp;
let staff: Client;
let member: Client;
let alliance: Client;
let cmc: string;
let jiading: string;
let forum: EventDetail;
let other: EventDetail;
let speaker: string;
let moderator: string;

const events = () => `/api/communities/${cmc}/events`;
const sessions = (eventId = forum.id) => `${events()}/${eventId}/sessions`;
const at = (day: number, hhmm: string) => `2030-09-${String(day).padStart(2, '0')}T${hhmm}:00+08:00`;

async function createEvent(fields: Record<string, unknown>): Promise<EventDetail> {
  const res = await staff.post<EventDetail>(events(), { kind: 'forum', title: '生物医药创新论坛', startsAt: at(10, '09:00'), endsAt: at(11, '18:00'), capacity: 300, ...fields });
  if (res.status !== 201) throw new Error(`create event: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function addSession(fields: Record<string, unknown>, eventId = forum.id): Promise<SessionWrite> {
  const res = await staff.post<SessionWrite>(sessions(eventId), { kind: 'keynote', title: '主旨演讲', startsAt: at(10, '09:30'), endsAt: at(10, '10:00'), ...fields });
  if (res.status !== 201) throw new Error(`add session: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

beforeAll(async () => {
  t = await startTestApp();
  [staff, member, alliance] = await signInEach(t.app, ['staff', 'member', 'alliance.admin']);
  cmc = staff.communityId('china-medical-city');
  jiading = alliance.communityId('jiading-biomed-alliance');
  const org = await createOrganisation(staff, cmc, { nameZh: '议程测试主办单位', nameEn: 'Agenda Host Ltd' });
  speaker = (await createPerson(staff, cmc, { nameZh: '张议程', title: '首席科学家' })).id;
  moderator = (await createPerson(staff, cmc, { nameZh: '李主持', nameEn: 'Li Host' })).id;
  forum = await createEvent({ organisers: [{ organisationId: org.id, role: 'host' }], venue: '中国医药城会展中心' });
  other = await createEvent({ kind: 'salon', title: '同期沙龙', startsAt: at(10, '13:00'), endsAt: at(10, '17:00') });
});
afterAll(() => t.close());

describe('the agenda', () => {
  it('adds sessions with people in order, and lists them in time order', async () => {
    const later = await addSession({ kind: 'roundtable', title: '圆桌：出海', startsAt: at(10, '10:30'), endsAt: at(10, '11:30'), room: 'A厅' });
    const first = await addSession({
      kind: 'opening',
      title: '开幕致辞',
      startsAt: at(10, '09:00'),
      endsAt: at(10, '09:30'),
      room: '主会场',
      description: '领导致辞',
      people: [
        { personId: moderator, role: 'moderator' },
        { personId: speaker, role: 'speaker' },
      ],
    });
    expect(first.session).toMatchObject({ kind: 'opening', title: '开幕致辞', room: '主会场', startsAt: '2030-09-10T01:00:00.000Z', version: 1 });
    expect(first.session.people.map((p) => [p.person.nameZh, p.role, p.position])).toEqual([
      ['李主持', 'moderator', 0],
      ['张议程', 'speaker', 1],
    ]);
    expect(first.session.people[1]!.person.title).toBe('首席科学家');
    expect(first.conflicts).toEqual([]);
    const agenda = await staff.get<Agenda>(sessions());
    expect(agenda.body.sessions.map((s) => s.title)).toEqual(['开幕致辞', '圆桌：出海']);
    // Rooms the community's events use (the demo's events too), offered by the form.
    expect(agenda.body.rooms).toEqual(expect.arrayContaining(['A厅', '主会场']));
    expect(later.session.id).toBe(agenda.body.sessions[1]!.id);
    const audit = await t.database.withConnection((c) => c.rows<{ action: string }>(`select action from audit_log where entity_id = '${forum.id}' order by id`));
    expect(audit.map((a) => a.action)).toEqual(['event.created', 'event.session_added', 'event.session_added']);
  });

  it('refuses sessions outside the event, ending before they start, or naming unknown people', async () => {
    const outside = await staff.post<ErrorBody>(sessions(), { kind: 'keynote', title: '太早', startsAt: at(10, '08:00'), endsAt: at(10, '09:30') });
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields).toEqual({ startsAt: msg('events_session_outside_event') });
    const late = await staff.post<ErrorBody>(sessions(), { kind: 'keynote', title: '太晚', startsAt: at(11, '17:30'), endsAt: at(11, '18:30') });
    expect(late.body.error.fields).toEqual({ endsAt: msg('events_session_outside_event') });
    const backwards = await staff.post<ErrorBody>(sessions(), { kind: 'keynote', title: '倒序', startsAt: at(10, '10:00'), endsAt: at(10, '09:30') });
    expect(backwards.body.error.fields).toEqual({ endsAt: msg('events_session_ends_before_start') });
    const nobody = await staff.post<ErrorBody>(sessions(), {
      kind: 'keynote',
      title: '无名',
      startsAt: at(10, '09:30'),
      endsAt: at(10, '10:00'),
      people: [{ personId: '00000000-0000-4000-8000-000000000009', role: 'speaker' }],
    });
    expect(nobody.body.error.fields).toEqual({ 'people.0.personId': msg('events_session_person_unknown') });
    const twice = await staff.post<ErrorBody>(sessions(), {
      kind: 'keynote',
      title: '重复',
      startsAt: at(10, '09:30'),
      endsAt: at(10, '10:00'),
      people: [
        { personId: speaker, role: 'speaker' },
        { personId: speaker, role: 'speaker' },
      ],
    });
    expect(twice.body.error.fields).toEqual({ people: msg('events_session_person_duplicate') });
    const bad = await staff.post<ErrorBody>(sessions(), { kind: 'dinner', title: '', startsAt: 'tomorrow', endsAt: at(10, '10:00'), extra: 1 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields!).sort()).toEqual(['extra', 'kind', 'startsAt', 'title']);
  });

  it('warns of a double-booked speaker and room, here and in the community’s other events, and still saves', async () => {
    const a = await addSession({ title: '演讲一', startsAt: at(11, '09:00'), endsAt: at(11, '10:00'), room: 'B厅', people: [{ personId: speaker, role: 'speaker' }] });
    const b = await addSession({ title: '演讲二', startsAt: at(11, '09:30'), endsAt: at(11, '10:30'), room: ' b厅', people: [{ personId: speaker, role: 'speaker' }] });
    // Touching ends do not overlap.
    const c = await addSession({ title: '演讲三', startsAt: at(11, '10:30'), endsAt: at(11, '11:00'), room: 'B厅', people: [{ personId: speaker, role: 'speaker' }] });
    const pair = [a.session.id, b.session.id].sort();
    const mine = b.conflicts.filter((x) => x.sessionIds.some((id) => [a.session.id, b.session.id, c.session.id].includes(id)));
    expect(mine).toEqual(
      expect.arrayContaining([
        { kind: 'person', sessionIds: pair, personId: speaker, personName: '张议程', room: null, other: null },
        { kind: 'room', sessionIds: pair, personId: null, personName: null, room: expect.stringMatching(/^b厅$/i), other: null },
      ]),
    );
    expect(mine).toHaveLength(2);
    expect(c.conflicts.filter((x) => x.sessionIds.includes(c.session.id))).toEqual([]);

    // The same speaker on the salon held the same afternoon.
    const elsewhere = await addSession({ title: '沙龙分享', startsAt: at(10, '14:00'), endsAt: at(10, '15:00'), people: [{ personId: speaker, role: 'speaker' }] }, other.id);
    const here = await addSession({ title: '下午演讲', startsAt: at(10, '14:30'), endsAt: at(10, '15:30'), people: [{ personId: speaker, role: 'speaker' }] });
    expect(here.conflicts.filter((x) => x.kind === 'person_elsewhere')).toEqual([
      {
        kind: 'person_elsewhere',
        sessionIds: [here.session.id],
        personId: speaker,
        personName: '张议程',
        room: null,
        other: { eventId: other.id, eventTitle: '同期沙龙', sessionId: elsewhere.session.id, sessionTitle: '沙龙分享', startsAt: '2030-09-10T06:00:00.000Z', endsAt: '2030-09-10T07:00:00.000Z' },
      },
    ]);
    // A cancelled event books nobody.
    await staff.post(`${events()}/${other.id}/publish`, {});
    await staff.post(`${events()}/${other.id}/cancel`, {});
    const after = await staff.get<Agenda>(sessions());
    expect(after.body.conflicts.filter((x) => x.kind === 'person_elsewhere')).toEqual([]);
  });

  it('warns of sessions left outside when the event moves', async () => {
    const event = await createEvent({ title: '会改期的论坛', startsAt: at(20, '09:00'), endsAt: at(20, '18:00') });
    const s = await addSession({ title: '下午场', startsAt: at(20, '15:00'), endsAt: at(20, '16:00') }, event.id);
    await staff.patch(`${events()}/${event.id}`, { version: event.version, endsAt: at(20, '12:00') });
    const agenda = await staff.get<Agenda>(sessions(event.id));
    expect(agenda.body.conflicts).toEqual([{ kind: 'outside_event', sessionIds: [s.session.id], personId: null, personName: null, room: null, other: null }]);
    // Changing only the title still saves; the warning stays.
    const renamed = await staff.patch<SessionWrite>(`${sessions(event.id)}/${s.session.id}`, { version: 1, title: '下午场（待定）' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.conflicts).toHaveLength(1);
  });

  it('changes a session on its version only, replaces its people, and deletes it', async () => {
    const s = await addSession({ title: '待修改', startsAt: at(10, '16:00'), endsAt: at(10, '16:30'), people: [{ personId: speaker, role: 'speaker' }] });
    const url = `${sessions()}/${s.session.id}`;
    const res = await staff.patch<SessionWrite>(url, { version: 1, title: '已修改', room: 'C厅', people: [{ personId: moderator, role: 'moderator' }] });
    expect(res.status).toBe(200);
    expect(res.body.session).toMatchObject({ title: '已修改', room: 'C厅', version: 2 });
    expect(res.body.session.people.map((p) => p.person.id)).toEqual([moderator]);
    const stale = await staff.patch<ErrorBody>(url, { version: 1, title: '晚了' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    expect((await staff.delete<ErrorBody>(`${url}?version=1`)).status).toBe(409);
    expect((await member.delete(url)).status).toBe(403);
    expect((await staff.delete(`${url}?version=2`)).status).toBe(200);
    expect((await staff.patch(url, { version: 2, title: 'x' })).status).toBe(404);
    expect((await staff.delete(url)).status).toBe(404);
  });

  it('shows members the agenda of an event they may see, without warnings; others get not found', async () => {
    const event = await createEvent({ title: '成员可见论坛', visibility: 'members', startsAt: at(25, '09:00'), endsAt: at(25, '12:00') });
    await addSession({ title: 'A', startsAt: at(25, '09:00'), endsAt: at(25, '10:00'), room: 'X' }, event.id);
    await addSession({ title: 'B', startsAt: at(25, '09:30'), endsAt: at(25, '10:30'), room: 'X' }, event.id);
    expect((await member.get(sessions(event.id))).status).toBe(404); // still a draft
    await staff.post(`${events()}/${event.id}/publish`, {});
    const seen = await member.get<Agenda>(sessions(event.id));
    expect(seen.status).toBe(200);
    expect(seen.body.sessions.map((s) => s.title)).toEqual(['A', 'B']);
    expect(seen.body.conflicts).toEqual([]);
    expect((await staff.get<Agenda>(sessions(event.id))).body.conflicts).toHaveLength(1);
    expect((await member.post(sessions(event.id), { kind: 'keynote', title: 'x', startsAt: at(25, '09:00'), endsAt: at(25, '10:00') })).status).toBe(403);
    expect((await alliance.get(sessions(event.id))).status).toBe(404);
    expect((await alliance.get(`/api/communities/${jiading}/events/${event.id}/sessions`)).status).toBe(404);
  });
});

describe('the agenda PDF', () => {
  it('prints the agenda for members, in the request language, with a UTF-8 filename', async () => {
    await staff.post(`${events()}/${forum.id}/publish`, {});
    for (const language of ['zh-CN', 'zh-TW', 'en']) {
      const res = await t.app.inject({ method: 'GET', url: `${events()}/${forum.id}/agenda.pdf`, headers: { cookie: member.cookie!, 'accept-language': language } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(res.rawPayload.length).toBeGreaterThan(1024);
      expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('生物医药创新论坛')}`);
    }
  });

  it('prints a public event for anyone, and answers 404 for what the caller may not see', async () => {
    const anonymous = new Client(t.app);
    const res = await anonymous.request('GET', `/api/public/events/${forum.id}/agenda.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const draft = await createEvent({ title: '草稿论坛', startsAt: at(28, '09:00'), endsAt: at(28, '12:00') });
    expect((await anonymous.request('GET', `/api/public/events/${draft.id}/agenda.pdf`)).status).toBe(404);
    expect((await member.get(`${events()}/${draft.id}/agenda.pdf`)).status).toBe(404);
    expect((await alliance.get(`${events()}/${forum.id}/agenda.pdf`)).status).toBe(404);
    const meeting = await createEvent({ kind: 'closed_door', title: '闭门会', startsAt: at(29, '09:00'), endsAt: at(29, '12:00') });
    await staff.post(`${events()}/${meeting.id}/publish`, {});
    expect((await anonymous.request('GET', `/api/public/events/${meeting.id}/agenda.pdf`)).status).toBe(404);
    const [ticket] = await t.database.withConnection((c) => c.rows<{ id: string }>(`select id from event_ticket_types where event_id = '${meeting.id}'`));
    await t.database.withConnection((c) =>
      c.rows(`insert into event_invitations (event_id, email, name, ticket_type_id, token) values ($1, 'guest@example.com', '嘉宾', $2, 'pdf-invite-token-1234')`, [meeting.id, ticket!.id]),
    );
    expect((await anonymous.request('GET', `/api/public/events/${meeting.id}/agenda.pdf?invite=pdf-invite-token-1234`)).status).toBe(200);
    expect((await anonymous.request('GET', `/api/public/events/${meeting.id}/agenda.pdf?invite=wrong`)).status).toBe(404);
    // The same rule for the agenda as data (the public event page).
    const publicAgenda = await anonymous.request<Agenda>('GET', `/api/public/events/${forum.id}/sessions`);
    expect(publicAgenda.status).toBe(200);
    expect(publicAgenda.body.sessions.length).toBeGreaterThan(0);
    expect(publicAgenda.body.conflicts).toEqual([]);
    expect(publicAgenda.body.rooms).toEqual([]);
    expect((await anonymous.request('GET', `/api/public/events/${meeting.id}/sessions`)).status).toBe(404);
    expect((await anonymous.request('GET', `/api/public/events/${meeting.id}/sessions?invite=pdf-invite-token-1234`)).status).toBe(200);
    expect((await anonymous.request('GET', `/api/public/events/${draft.id}/sessions`)).status).toBe(404);
    expect((await anonymous.request('GET', `/api/public/events/${forum.id}/sessions?invite=${'x'.repeat(300)}`)).status).toBe(400);
    expect((await anonymous.request('GET', `/api/public/events/not-a-uuid/agenda.pdf`)).status).toBe(400);
  });
});
