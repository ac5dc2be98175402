import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RegistrationCreated } from '../../../shared/schemas/registrations';
import { Client, startTestApp, type TestApp } from '../../../../test/app';
import { eventRegistrations, outbox } from '../../db/schema';
import { makeEvent, person } from './test-fixtures';

/**
 * Hostile input to the public registration form. Everything here answers 4xx (never 5xx),
 * names the fields at fault where there are fields, and writes nothing.
 */
let t: TestApp;
let anon: Client;
let eventId: string;
let ticketTypeId: string;

beforeAll(async () => {
  t = await startTestApp();
  anon = new Client(t.app, '10.7.0.1');
  const made = await makeEvent(t.database.db, 'china-medical-city', {
    tickets: [{ name: '普通', capacity: 50 }],
    questions: [{ id: 'focus', type: 'single', label: '关注领域', options: ['创新药', '医疗器械'], required: false, maxLength: 500 }],
  });
  eventId = made.event.id;
  ticketTypeId = made.tickets[0]!.id;
});
afterAll(() => t.close());

async function counts() {
  const [row] = await t.database.db
    .select({
      registrations: sql<number>`(select count(*)::int from ${eventRegistrations})`,
      messages: sql<number>`(select count(*)::int from ${outbox})`,
    })
    .from(sql`(select 1) as one`);
  return row!;
}

const url = () => `/api/public/events/${eventId}/registrations`;
type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

const cases: [string, () => Record<string, unknown>, string[]][] = [
  ['a number for the name', () => ({ ...person('x'), ticketTypeId, name: 42 }), ['name']],
  ['an array for the e-mail', () => ({ ...person('x'), ticketTypeId, email: ['a@b.cn'] }), ['email']],
  ['a missing name', () => ({ email: 'x@example.cn', ticketTypeId }), ['name']],
  ['a missing e-mail', () => ({ name: '张三', ticketTypeId }), ['email']],
  ['an empty name', () => ({ ...person('x'), ticketTypeId, name: '   ' }), ['name']],
  ['a 100 KB name', () => ({ ...person('x'), ticketTypeId, name: '名'.repeat(100_000) }), ['name']],
  ['a 100 KB organisation', () => ({ ...person('x'), ticketTypeId, organisationName: 'a'.repeat(100_000) }), ['organisationName']],
  ['an unknown key', () => ({ ...person('x'), ticketTypeId, isAdmin: true }), ['isAdmin']],
  ['an invalid e-mail', () => ({ ...person('x'), ticketTypeId, email: 'not-an-email' }), ['email']],
  ['an e-mail with SQL in it', () => ({ ...person('x'), ticketTypeId, email: "x'; drop table users; --@example.cn" }), ['email']],
  ['control characters in the name', () => ({ ...person('x'), ticketTypeId, name: '张\u0000三' }), ['name']],
  ['a newline in the job title', () => ({ ...person('x'), ticketTypeId, jobTitle: '总监\n经理' }), ['jobTitle']],
  ['letters for the phone', () => ({ ...person('x'), ticketTypeId, phone: 'call me maybe' }), ['phone']],
  ['a bad ticket type id', () => ({ ...person('x'), ticketTypeId: 'not-a-uuid' }), ['ticketTypeId']],
  ['a number for the ticket type', () => ({ ...person('x'), ticketTypeId: 7 }), ['ticketTypeId']],
  ['no ticket type at all', () => ({ ...person('x') }), ['ticketTypeId']],
  ['an answer to an unknown question', () => ({ ...person('x'), ticketTypeId, answers: { nope: 'x' } }), ['answers.nope']],
  ['an answer that is not an option', () => ({ ...person('x'), ticketTypeId, answers: { focus: '别的' } }), ['answers.focus']],
  ['answers as a string', () => ({ ...person('x'), ticketTypeId, answers: 'focus=创新药' }), ['answers']],
  ['a nested object as an answer', () => ({ ...person('x'), ticketTypeId, answers: { focus: { $ne: null } } }), ['answers.focus']],
  ['a malformed invite token', () => ({ ...person('x'), ticketTypeId, inviteToken: "' or 1=1 --" }), ['inviteToken']],
  ['a body that is an array', () => [person('x')] as unknown as Record<string, unknown>, []],
  ['null', () => null as unknown as Record<string, unknown>, []],
];

describe('malformed registrations', () => {
  it.each(cases)('refuses %s with 4xx and field errors, writing nothing', async (_label, body, fields) => {
    const before = await counts();
    const res = await anon.post<ErrorBody>(url(), body());
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    for (const field of fields) expect(res.body.error.fields, JSON.stringify(res.body)).toHaveProperty([field]);
    expect(await counts()).toEqual(before);
  });

  it('refuses invalid JSON, a wrong content type and an empty body', async () => {
    const before = await counts();
    const bad = await anon.request<ErrorBody>('POST', url(), '{"name": "张三", ', { 'content-type': 'application/json' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('malformed_json');
    const text = await anon.request<ErrorBody>('POST', url(), 'name=张三&email=a@b.cn', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(text.status).toBe(415);
    const plain = await anon.request<ErrorBody>('POST', url(), 'hello', { 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
    const empty = await anon.request<ErrorBody>('POST', url(), '', { 'content-type': 'application/json' });
    expect(empty.status).toBe(400);
    expect(await counts()).toEqual(before);
  });

  it('answers 400 or 404, not 500, for bad ids and tokens in the path', async () => {
    for (const path of [
      '/api/public/events/not-a-uuid/registrations',
      "/api/public/events/1'%20or%20'1'='1/registrations",
      '/api/public/events/00000000-0000-4000-8000-000000000000/registrations',
    ]) {
      const res = await anon.post(path, { ...person('p'), ticketTypeId });
      expect([400, 404]).toContain(res.status);
    }
    for (const path of ['/api/public/registrations/short', `/api/public/registrations/${'%00'.repeat(20)}`, `/api/public/registrations/${'x'.repeat(300)}/cancel`, '/api/public/events/zz']) {
      const res = await anon.request(path.endsWith('cancel') ? 'POST' : 'GET', path);
      expect(res.status, path).toBeGreaterThanOrEqual(400);
      expect(res.status, path).toBeLessThan(500);
    }
    expect((await anon.get(`/api/public/events/${eventId}?invite=${encodeURIComponent('<script>')}`)).status).toBe(400);
    expect((await anon.get(`/api/public/events/${eventId}?extra=1`)).status).toBe(400);
  });

  it('stores script and SQL-looking text verbatim as text and returns the same string', async () => {
    const name = '<script>alert("x")</script> Robert\'); DROP TABLE event_registrations;--';
    const organisationName = '<img src=x onerror=alert(1)> 有限公司 & Co.';
    const res = await anon.post<RegistrationCreated>(url(), { ...person('xss'), ticketTypeId, name, organisationName });
    expect(res.status).toBe(201);
    const [row] = await t.database.db.select().from(eventRegistrations).where(eq(eventRegistrations.id, res.body.id));
    expect(row!.name).toBe(name);
    expect(row!.organisationName).toBe(organisationName);
    const own = await anon.get<{ name: string; organisationName: string }>(`/api/public/registrations/${res.body.manageToken}`);
    expect(own.body.name).toBe(name);
    expect(own.body.organisationName).toBe(organisationName);
    expect(String(own.headers['content-type'])).toContain('application/json');
  });
});
