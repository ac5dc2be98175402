import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Attendance, CheckInLog, CheckInRefusal, CheckInSuccess, DoorPerson, Lookup } from '../../../shared/schemas/event-door';
import { startTestApp, type Client, type TestApp } from '../../../../test/app';
import { signInEach } from '../directory/directory.fixtures';
import { insertEvent, insertRegistration, type DoorEvent } from './door.fixtures';

let t: TestApp;
let admin: Client;
let staff: Client;
let member: Client;
let alliance: Client;
let cmc: string;
let jiading: string;
let forum: DoorEvent;
let foreign: DoorEvent;

const url = (event: DoorEvent, path: string, communityId = cmc) => `/api/communities/${communityId}/events/${event.eventId}${path}`;

async function raw(client: Client, path: string, language = 'zh-CN') {
  return t.app.inject({ method: 'GET', url: path, remoteAddress: '10.0.0.1', headers: { cookie: client.cookie!, 'accept-language': language } });
}

async function auditActions(entityId: string): Promise<string[]> {
  const rows = await t.database.withConnection((c) => c.rows<{ action: string }>(`select action from audit_log where entity_id = $1 order by id`, [entityId]));
  return rows.map((r) => r.action);
}

beforeAll(async () => {
  t = await startTestApp();
  [admin, staff, member, alliance] = await signInEach(t.app, ['park.admin', 'staff', 'member', 'alliance.admin']);
  cmc = staff.communityId('china-medical-city');
  jiading = alliance.communityId('jiading-biomed-alliance');
  forum = await insertEvent(t.database, cmc, {
    title: '2030 泰州生物医药创新论坛',
    questions: [
      { id: 'diet', type: 'single', label: '餐饮要求', options: ['无', '清真', '素食'], required: false, maxLength: 500 },
      { id: 'topics', type: 'multi', label: '关注领域', options: ['ADC', '细胞治疗', '医疗器械'], required: false, maxLength: 500 },
    ],
    ticketTypes: [
      { name: '嘉宾', capacity: 100 },
      { name: '媒体', capacity: 5 },
    ],
  });
  foreign = await insertEvent(t.database, jiading, { title: '嘉定联盟路演' });
});
afterAll(() => t.close());

describe('checking in at the door', () => {
  it('checks in a confirmed registration by its code, as typed (trimmed, any case), and audits it', async () => {
    const reg = await insertRegistration(t.database, forum, { code: 'DOOR0001', name: '张三', organisationName: '恒瑞医药', jobTitle: '副总裁' });
    const res = await staff.post<CheckInSuccess>(url(forum, '/check-ins'), { code: '  door0001 \n' });
    expect(res.status).toBe(200);
    expect(res.body.result).toBe('checked_in');
    expect(res.body.registration).toMatchObject({ registrationId: reg.id, name: '张三', organisationName: '恒瑞医药', jobTitle: '副总裁', ticketType: '嘉宾', code: 'DOOR0001', status: 'confirmed', checkedInBy: '王磊' });
    expect(Date.parse(res.body.registration.checkedInAt!)).toBeGreaterThan(Date.now() - 60_000);
    const [row] = await t.database.withConnection((c) => c.rows<{ by: string }>(`select u.email as by from event_registrations r join users u on u.id = r.checked_in_by where r.id = $1`, [reg.id]));
    expect(row!.by).toBe('staff@biobridge.demo');
    expect(await auditActions(reg.id)).toEqual(['event_registration.checked_in']);
  });

  it('refuses a second check-in with when and by whom', async () => {
    await insertRegistration(t.database, forum, { code: 'DOOR0002', name: '李四' });
    expect((await staff.post(url(forum, '/check-ins'), { code: 'DOOR0002' })).status).toBe(200);
    const again = await admin.post<CheckInRefusal>(url(forum, '/check-ins'), { code: 'DOOR0002' });
    expect(again.status).toBe(409);
    expect(again.body.result).toBe('already_checked_in');
    expect(again.body.error.code).toBe('already_checked_in');
    expect(again.body.registration).toMatchObject({ name: '李四', checkedInBy: '王磊' });
    expect(again.body.error.message).toContain('王磊');
    expect(again.body.error.message).toMatch(/\d{2}:\d{2}/);
  });

  it('gives exactly one success when two scanners send the same code at once', async () => {
    for (let i = 0; i < 3; i++) {
      const { code, id } = await insertRegistration(t.database, forum);
      const replies = await Promise.all([staff.post(url(forum, '/check-ins'), { code }), admin.post(url(forum, '/check-ins'), { code })]);
      expect(replies.map((r) => r.status).sort()).toEqual([200, 409]);
      expect(await auditActions(id)).toEqual(['event_registration.checked_in']);
    }
  });

  it("answers 404 unknown_code for a made-up code and, identically, for another community's code", async () => {
    await insertRegistration(t.database, foreign, { code: 'JIAD0001' });
    const made = await staff.post<CheckInRefusal>(url(forum, '/check-ins'), { code: 'NOPE0001' });
    const other = await staff.post<CheckInRefusal>(url(forum, '/check-ins'), { code: 'JIAD0001' });
    expect(made.status).toBe(404);
    expect(other.status).toBe(404);
    const strip = (b: CheckInRefusal) => ({ ...b, error: { ...b.error, requestId: '' } });
    expect(strip(other.body)).toEqual(strip(made.body));
    expect(made.body).toMatchObject({ result: 'unknown_code', error: { code: 'unknown_code' } });
    expect(made.body.registration).toBeUndefined();
    // Nothing of the other event changed.
    const [row] = await t.database.withConnection((c) => c.rows<{ at: string | null }>(`select checked_in_at as at from event_registrations where code = 'JIAD0001'`));
    expect(row!.at).toBeNull();
    // Blank or overlong input is an unknown code too, never a 5xx.
    expect((await staff.post(url(forum, '/check-ins'), { code: '   ' })).status).toBe(404);
    expect((await staff.post(url(forum, '/check-ins'), { code: 'X'.repeat(200) })).status).toBe(404);
    expect((await staff.post(url(forum, '/check-ins'), { code: 'X'.repeat(300) })).status).toBe(400);
    expect((await staff.post(url(forum, '/check-ins'), { code: 42 })).status).toBe(400);
    expect((await staff.post(url(forum, '/check-ins'), { code: 'A', extra: 1 })).status).toBe(400);
  });

  it('refuses registrations that hold no seat with 409 not_confirmed and the status', async () => {
    for (const status of ['waitlisted', 'pending', 'cancelled', 'declined'] as const) {
      const reg = await insertRegistration(t.database, forum, { status, name: `未确认${status}` });
      const res = await staff.post<CheckInRefusal>(url(forum, '/check-ins'), { code: reg.code });
      expect(res.status, status).toBe(409);
      expect(res.body.result).toBe('not_confirmed');
      expect(res.body.registration?.status).toBe(status);
      expect(await auditActions(reg.id)).toEqual([]);
    }
    const en = await staff.request<CheckInRefusal>('POST', url(forum, '/check-ins'), { code: (await insertRegistration(t.database, forum, { status: 'waitlisted' })).code }, { 'accept-language': 'en' });
    expect(en.body.error.message).toContain('waitlisted');
  });

  it('undoes a mistaken check-in (audited), after which the code checks in again', async () => {
    const reg = await insertRegistration(t.database, forum, { name: '王五' });
    expect((await staff.post(url(forum, '/check-ins'), { code: reg.code })).status).toBe(200);
    const undo = await staff.delete<DoorPerson>(url(forum, `/check-ins/${reg.id}`));
    expect(undo.status).toBe(200);
    expect(undo.body).toMatchObject({ registrationId: reg.id, checkedInAt: null, checkedInBy: null });
    const twice = await staff.delete<{ error: { code: string } }>(url(forum, `/check-ins/${reg.id}`));
    expect(twice.status).toBe(409);
    expect(twice.body.error.code).toBe('state_conflict');
    expect((await staff.post(url(forum, '/check-ins'), { code: reg.code })).status).toBe(200);
    expect(await auditActions(reg.id)).toEqual(['event_registration.checked_in', 'event_registration.check_in_undone', 'event_registration.checked_in']);
    const foreignReg = await insertRegistration(t.database, foreign);
    expect((await staff.delete(url(forum, `/check-ins/${foreignReg.id}`))).status).toBe(404);
  });

  it('refuses check-in at a cancelled event', async () => {
    const cancelled = await insertEvent(t.database, cmc, { status: 'cancelled' });
    const reg = await insertRegistration(t.database, cancelled);
    const res = await staff.post<{ error: { code: string } }>(url(cancelled, '/check-ins'), { code: reg.code });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('state_conflict');
  });
});

describe('attendance, log and lookup', () => {
  let event: DoorEvent;
  beforeAll(async () => {
    event = await insertEvent(t.database, cmc, { ticketTypes: [{ name: '投资人', capacity: 10 }, { name: '企业', capacity: 20 }] });
    for (let i = 0; i < 4; i++) await insertRegistration(t.database, event, { ticketTypeId: event.ticketTypeIds[0], name: `投资人${i}` });
    for (let i = 0; i < 3; i++) await insertRegistration(t.database, event, { ticketTypeId: event.ticketTypeIds[1], name: `企业代表${i}` });
    await insertRegistration(t.database, event, { ticketTypeId: event.ticketTypeIds[1], status: 'waitlisted' });
    await insertRegistration(t.database, event, { ticketTypeId: event.ticketTypeIds[1], name: '赵六', code: 'LOOK0001', organisationName: '药明康德' });
  });

  it('counts confirmed and checked in by ticket type, with the recent check-ins and arrivals', async () => {
    const codes = await t.database.withConnection((c) => c.rows<{ code: string }>(`select code from event_registrations where event_id = $1 and status = 'confirmed' and name like '投资人%' order by seq limit 3`, [event.eventId]));
    for (const { code } of codes) expect((await staff.post(url(event, '/check-ins'), { code })).status).toBe(200);
    expect((await staff.post(url(event, '/check-ins'), { code: 'LOOK0001' })).status).toBe(200);
    const res = await staff.get<Attendance>(url(event, '/attendance'));
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.body).toMatchObject({ confirmed: 8, checkedIn: 4, event: { id: event.eventId, timeZone: 'Asia/Shanghai' } });
    expect(res.body.byTicketType.map((b) => [b.name, b.capacity, b.confirmed, b.checkedIn])).toEqual([
      ['投资人', 10, 4, 3],
      ['企业', 20, 4, 1],
    ]);
    expect(res.body.recent).toHaveLength(4);
    expect(res.body.recent[0]!.name).toBe('赵六');
    expect(res.body.arrivals.reduce((n, b) => n + b.count, 0)).toBe(4);
  });

  it('pages the check-in log and finds a guest who forgot the code', async () => {
    const first = await staff.get<CheckInLog>(`${url(event, '/check-ins')}?limit=3`);
    expect(first.body.items).toHaveLength(3);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await staff.get<CheckInLog>(`${url(event, '/check-ins')}?limit=3&cursor=${first.body.nextCursor}`);
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.items, ...second.body.items].map((i) => i.registrationId);
    expect(new Set(ids).size).toBe(4);
    const found = await staff.get<Lookup>(`${url(event, '/check-ins/lookup')}?q=${encodeURIComponent('药明')}`);
    expect(found.body.items.map((i) => i.name)).toEqual(['赵六']);
    const wild = await staff.get<Lookup>(`${url(event, '/check-ins/lookup')}?q=${encodeURIComponent('%')}`);
    expect(wild.body.items).toEqual([]);
    expect((await staff.get<Lookup>(url(event, '/check-ins/lookup'))).body.items).toEqual([]);
    expect((await staff.get(`${url(event, '/check-ins')}?cursor=garbage`)).status).toBe(400);
  });
});

describe('attendee workbook and badges', () => {
  it('exports registrations with custom answers, the check-in log and the summary, in the request language', async () => {
    await insertRegistration(t.database, forum, { name: '答题者', answers: { diet: '清真', topics: ['ADC', '细胞治疗'] }, ticketTypeId: forum.ticketTypeIds[1] });
    const res = await raw(staff, url(forum, '/attendees.xlsx'));
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['content-disposition']).toContain("filename*=UTF-8''");
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['参会人员', '签到记录', '按票种汇总']);
    const sheet = book.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['姓名', '单位', '职务', '邮箱', '手机', '票种', '状态', '签到码', '报名时间', '签到时间', '签到操作人', '餐饮要求', '关注领域']);
    const [count] = await t.database.withConnection((c) => c.rows<{ n: number }>(`select count(*)::int as n from event_registrations where event_id = $1`, [forum.eventId]));
    expect(sheet.actualRowCount).toBe(count!.n + 1);
    const answered = (sheet.getSheetValues() as unknown[][]).find((r) => r?.[1] === '答题者')!;
    expect(answered.slice(6, 8)).toEqual(['媒体', '已确认']);
    expect(answered.slice(12, 14)).toEqual(['清真', 'ADC; 细胞治疗']);
    const first = (sheet.getSheetValues() as unknown[][]).find((r) => r?.[1] === '张三')!;
    expect(first[10]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(first[11]).toBe('王磊');
    const log = book.worksheets[1]!;
    const [checked] = await t.database.withConnection((c) => c.rows<{ n: number }>(`select count(*)::int as n from event_registrations where event_id = $1 and checked_in_at is not null`, [forum.eventId]));
    expect(log.actualRowCount).toBe(checked!.n + 1);
    const times = (log.getSheetValues() as unknown[][]).slice(2).map((r) => String(r[1]));
    expect([...times].sort()).toEqual(times);
    const summary = book.worksheets[2]!;
    expect((summary.getSheetValues() as unknown[][]).slice(2, 4).map((r) => [r[1], r[2]])).toEqual([
      ['嘉宾', 100],
      ['媒体', 5],
    ]);

    const en = await raw(staff, url(forum, '/attendees.xlsx'), 'en');
    const enBook = new ExcelJS.Workbook();
    await enBook.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(enBook.worksheets.map((w) => w.name)).toEqual(['Attendees', 'Check-ins', 'By ticket type']);
  });

  it('prints badges as a PDF: eight per A4 sheet, one per A6 page, filtered by ticket type', async () => {
    const event = await insertEvent(t.database, cmc, { title: '胸牌测试活动', ticketTypes: [{ name: '嘉宾', capacity: 50 }, { name: '媒体', capacity: 50 }] });
    for (let i = 0; i < 10; i++) await insertRegistration(t.database, event, { name: `嘉宾${i}` });
    for (let i = 0; i < 3; i++) await insertRegistration(t.database, event, { name: `记者${i}`, ticketTypeId: event.ticketTypeIds[1] });
    await insertRegistration(t.database, event, { status: 'waitlisted' });
    const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g) ?? []).length;
    const a4 = await raw(staff, url(event, '/badges.pdf'));
    expect(a4.statusCode).toBe(200);
    expect(a4.headers['content-type']).toBe('application/pdf');
    expect(a4.headers['content-disposition']).toContain("filename*=UTF-8''");
    expect(a4.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pages(a4.rawPayload)).toBe(2); // 13 confirmed badges, eight a sheet
    const a6 = await raw(staff, `${url(event, '/badges.pdf')}?layout=a6&ticketTypeId=${event.ticketTypeIds[1]}`);
    expect(pages(a6.rawPayload)).toBe(3);
    const waitlisted = await raw(staff, `${url(event, '/badges.pdf')}?layout=a6&status=waitlisted`);
    expect(pages(waitlisted.rawPayload)).toBe(1);
    expect((await raw(staff, `${url(event, '/badges.pdf')}?status=declined`)).statusCode).toBe(400);
    expect((await raw(staff, `${url(event, '/badges.pdf')}?ticketTypeId=${forum.ticketTypeIds[0]}`)).statusCode).toBe(400);
    expect((await raw(staff, `${url(event, '/badges.pdf')}?layout=a3`)).statusCode).toBe(400);
  });
});

describe('permissions and tenancy', () => {
  it('refuses members without events.manage (403) and other communities (404) on every route', async () => {
    const reg = await insertRegistration(t.database, forum);
    const routes: [string, string, unknown?][] = [
      ['POST', '/check-ins', { code: reg.code }],
      ['DELETE', `/check-ins/${reg.id}`],
      ['GET', '/check-ins'],
      ['GET', '/check-ins/lookup?q=a'],
      ['GET', '/attendance'],
      ['GET', '/attendees.xlsx'],
      ['GET', '/badges.pdf'],
      ['GET', '/invitations'],
      ['POST', '/invitations', { invitees: [{ name: '甲', email: 'a@example.com', ticketTypeId: forum.ticketTypeIds[0] }] }],
    ];
    for (const [method, path, body] of routes) {
      const asMember = await member.request(method as 'GET', url(forum, path), body);
      expect(asMember.status, `${method} ${path} as member`).toBe(403);
      const asOutsider = await alliance.request(method as 'GET', url(forum, path), body);
      expect(asOutsider.status, `${method} ${path} as outsider`).toBe(404);
      // Another community's event under one's own community: 404, like an event that does not exist.
      const crossed = await alliance.request(method as 'GET', url(forum, path, jiading), body);
      expect(crossed.status, `${method} ${path} crossed`).toBe(404);
    }
    const [row] = await t.database.withConnection((c) => c.rows<{ at: string | null }>(`select checked_in_at as at from event_registrations where id = $1`, [reg.id]));
    expect(row!.at).toBeNull();
  });
});
