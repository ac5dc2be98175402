import crypto from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApplicationCreated, ApplicationDetail, ApplicationPage, CallSettings, MyApplication, PublicCall } from '../../../shared/schemas/applications';
import { CATALOGUES } from '../../../web/i18n/catalogue';
import { Client, startTestApp, type TestApp } from '../../../../test/app';
import { createOrganisation, createProject, PDF, PNG, sendMultipart, signInEach } from '../directory/directory.fixtures';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

function msg(key: string, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const text = (CATALOGUES[locale].fieldErrors as Record<string, string>)[key];
  if (!text) throw new Error(`no ${locale} text for ${key}`);
  return text;
}

let t: TestApp;
let admin: Client;
let staff: Client;
let member: Client;
let investor: Client;
let alliance: Client;
let anon: Client;
let cmc: string;
let jiading: string;
let roadshow: string;
let salon: string;
let otherRoadshow: string;
let ownProject: string;
let ownOrg: string;
let foreignProject: string;

const QUESTIONS = [
  { id: 'stage', type: 'single', label: '融资阶段', options: ['天使轮', 'A轮'], required: true },
  { id: 'need', type: 'text', label: '资源需求', maxLength: 50 },
];

async function sql<T = Record<string, unknown>>(text: string, params: unknown[] = []): Promise<T[]> {
  return t.database.withConnection((c) => c.rows<T>(text, params));
}

async function insertEvent(communityId: string, kind: string, fields: Record<string, string> = {}): Promise<string> {
  const all: Record<string, string> = { community_id: communityId, kind, title: `${kind} 测试活动`, starts_at: '2030-06-20T01:00:00Z', ends_at: '2030-06-20T09:00:00Z', status: 'published', visibility: 'public', ...fields };
  const cols = Object.keys(all);
  const values = Object.values(all);
  const [row] = await sql<{ id: string }>(`insert into events (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')}) returning id`, values);
  return row!.id;
}

const callUrl = (eventId = roadshow, communityId = cmc) => `/api/communities/${communityId}/events/${eventId}/call`;
const listUrl = (eventId = roadshow, communityId = cmc) => `/api/communities/${communityId}/events/${eventId}/applications`;

async function eventVersion(eventId: string): Promise<number> {
  const [row] = await sql<{ version: number }>(`select version from events where id = $1`, [eventId]);
  return row!.version;
}

async function openCall(eventId = roadshow, fields: Record<string, unknown> = {}): Promise<CallSettings> {
  const res = await staff.request<CallSettings>('PUT', callUrl(eventId), {
    applicationsOpen: true,
    applicationDeadline: '2030-06-01T15:59:00Z',
    applicationQuestions: QUESTIONS,
    version: await eventVersion(eventId),
    ...fields,
  });
  if (res.status !== 200) throw new Error(`open call: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

function form(fields: Record<string, unknown> = {}) {
  return {
    projectName: `新型ADC药物${crypto.randomBytes(3).toString('hex')}`,
    organisationName: '泰州测试生物科技有限公司',
    summary: '一种靶向HER2的抗体偶联药物，已完成临床前研究。',
    segment: 'innovative_drug',
    team: [
      { name: '张伟', role: '创始人' },
      { name: '李娜', role: 'CSO' },
    ],
    answers: { stage: 'A轮', need: '临床资源' },
    contactName: '张伟',
    contactEmail: `applicant-${crypto.randomBytes(3).toString('hex')}@example.com`,
    contactPhone: '13800000000',
    ...fields,
  };
}

async function applyAs(client: Client, fields: Record<string, unknown> = {}, language = 'zh-CN', eventId = roadshow) {
  return client.request<ApplicationCreated & ErrorBody>('POST', `/api/public/events/${eventId}/applications`, form(fields), { 'accept-language': language });
}

async function applied(client: Client = anon, fields: Record<string, unknown> = {}, language = 'zh-CN'): Promise<ApplicationCreated> {
  const res = await applyAs(client, fields, language);
  if (res.status !== 201) throw new Error(`apply: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function applicationCount(eventId = roadshow): Promise<number> {
  const [row] = await sql<{ n: number }>(`select count(*)::int as n from event_applications where event_id = $1`, [eventId]);
  return row!.n;
}

async function outboxFor(recipient: string) {
  return sql<{ template: string; locale: string; payload: Record<string, unknown>; event_id: string }>(
    `select template, locale, payload, event_id from outbox where recipient = $1 order by id`,
    [recipient],
  );
}

async function insertRound(eventId: string, status: 'open' | 'closed' | 'published', position: number, name = '初赛'): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `insert into event_rounds (event_id, kind, name, position, status, published_at) values ($1, 'preliminary', $2, $3, $4, case when $4 = 'published' then now() end) returning id`,
    [eventId, name, position, status],
  );
  return row!.id;
}

beforeAll(async () => {
  t = await startTestApp();
  [admin, staff, member, investor, alliance] = await signInEach(t.app, ['park.admin', 'staff', 'member', 'investor', 'alliance.admin']);
  anon = new Client(t.app, '10.0.0.9');
  cmc = staff.communityId('china-medical-city');
  jiading = alliance.communityId('jiading-biomed-alliance');
  roadshow = await insertEvent(cmc, 'roadshow');
  salon = await insertEvent(cmc, 'salon');
  otherRoadshow = await insertEvent(jiading, 'competition');
  // The member represents an organisation with a project; another organisation's project is not theirs.
  ownOrg = (await createOrganisation(staff, cmc, { nameZh: '会员代表的申报测试公司' })).id;
  ownProject = (await createProject(staff, cmc, { nameZh: '会员自有项目', ownerOrganisationId: ownOrg })).id;
  const otherOrg = (await createOrganisation(staff, cmc, { nameZh: '别人家的申报测试公司' })).id;
  foreignProject = (await createProject(staff, cmc, { nameZh: '别人家的项目', ownerOrganisationId: otherOrg })).id;
  await sql(`insert into organisation_representatives (organisation_id, user_id) values ($1, (select id from users where email = 'member@biobridge.demo'))`, [ownOrg]);
  await openCall();
});
afterAll(() => t.close());

describe('the call', () => {
  it('is set by organisers with the event version, and a stale version is refused', async () => {
    const version = await eventVersion(roadshow);
    const res = await staff.request<CallSettings>('PUT', callUrl(), { applicationsOpen: true, applicationDeadline: '2030-06-01T15:59:00Z', applicationQuestions: QUESTIONS, version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ eventId: roadshow, applicationsOpen: true, version: version + 1 });
    expect(res.body.applicationQuestions.map((q) => q.id)).toEqual(['stage', 'need']);
    const stale = await staff.request<ErrorBody>('PUT', callUrl(), { applicationsOpen: false, applicationDeadline: null, applicationQuestions: [], version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    const [audit] = await sql<{ action: string }>(`select action from audit_log where entity_id = $1 order by id desc limit 1`, [roadshow]);
    expect(audit!.action).toBe('event.call_updated');
  });

  it('is only for roadshows and competitions; a deadline after the event or bad questions are refused', async () => {
    const salonRes = await staff.request<ErrorBody>('PUT', callUrl(salon), { applicationsOpen: true, applicationDeadline: null, applicationQuestions: [], version: await eventVersion(salon) });
    expect(salonRes.status).toBe(409);
    expect(salonRes.body.error.code).toBe('state_conflict');
    const late = await staff.request<ErrorBody>('PUT', callUrl(), { applicationsOpen: true, applicationDeadline: '2030-07-01T00:00:00Z', applicationQuestions: [], version: await eventVersion(roadshow) });
    expect(late.status).toBe(400);
    expect(late.body.error.fields).toEqual({ applicationDeadline: msg('application_deadline_after_event') });
    const dup = await staff.request<ErrorBody>('PUT', callUrl(), {
      applicationsOpen: true,
      applicationDeadline: null,
      applicationQuestions: [QUESTIONS[1], QUESTIONS[1]],
      version: await eventVersion(roadshow),
    });
    expect(dup.status).toBe(400);
  });

  it('is for events.manage: a member gets 403, another community 404, nobody 401', async () => {
    const body = { applicationsOpen: false, applicationDeadline: null, applicationQuestions: [], version: 1 };
    expect((await member.request('PUT', callUrl(), body)).status).toBe(403);
    expect((await alliance.request('PUT', callUrl(), body)).status).toBe(404);
    expect((await anon.request('PUT', callUrl(), body)).status).toBe(401);
    // Another community's event under this community's path.
    expect((await staff.request('PUT', callUrl(otherRoadshow), body)).status).toBe(404);
  });

  it('shows the public call with the deadline in the community time zone, and the signed-in caller’s own projects', async () => {
    const res = await anon.get<PublicCall>(`/api/public/events/${roadshow}/call`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ eventId: roadshow, open: true, signedIn: false, myProjects: [], timeZone: 'Asia/Shanghai', deadlineText: '2030-06-01 23:59' });
    expect(res.body.questions).toHaveLength(2);
    const mine = await member.get<PublicCall>(`/api/public/events/${roadshow}/call`);
    const ids = mine.body.myProjects.map((p) => p.id);
    expect(ids).toContain(ownProject);
    expect(ids).not.toContain(foreignProject);
    expect(mine.body.myProjects.find((p) => p.id === ownProject)!.organisation?.id).toBe(ownOrg);
    expect((await investor.get<PublicCall>(`/api/public/events/${roadshow}/call`)).body.myProjects.map((p) => p.id)).not.toContain(ownProject);
    expect((await anon.get(`/api/public/events/${salon}/call`)).status).toBe(404);
    expect((await anon.get(`/api/public/events/${crypto.randomUUID()}/call`)).status).toBe(404);
  });
});

describe('applying', () => {
  it('takes an anonymous application, answers the manage token and queues the receipt in the request language', async () => {
    const before = await applicationCount();
    const body = form({ projectName: '<script>alert(1)</script>肿瘤早筛', contactEmail: ' Mixed.Case@Example.com ' });
    const res = await anon.request<ApplicationCreated>('POST', `/api/public/events/${roadshow}/applications`, body, { 'accept-language': 'en' });
    expect(res.status).toBe(201);
    expect(res.body.manageToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(res.body).toMatchObject({ status: 'submitted', projectName: '<script>alert(1)</script>肿瘤早筛', contactEmail: 'mixed.case@example.com', editable: true, withdrawable: true, deck: null, results: [] });
    expect(res.body.answers).toEqual({ stage: 'A轮', need: '临床资源' });
    expect(await applicationCount()).toBe(before + 1);
    const [mail] = await outboxFor('mixed.case@example.com');
    expect(mail).toMatchObject({ template: 'event_application_received', locale: 'en', event_id: roadshow });
    expect(mail!.payload.link).toBe(`http://bb.test/a/${res.body.manageToken}`);
    const [audit] = await sql<{ action: string; actor_user_id: string | null }>(`select action, actor_user_id from audit_log where entity_id = $1`, [res.body.id]);
    expect(audit).toEqual({ action: 'application.submitted', actor_user_id: null });
  });

  it('takes a signed-in applicant’s own directory project and refuses anyone else’s', async () => {
    const own = await member.request<ApplicationCreated>('POST', `/api/public/events/${roadshow}/applications`, form({ projectId: ownProject }));
    expect(own.status).toBe(201);
    const detail = await staff.get<ApplicationDetail>(`${listUrl()}/${own.body.id}`);
    expect(detail.body.project?.id).toBe(ownProject);
    expect(detail.body.organisation?.id).toBe(ownOrg);
    expect(detail.body.applicantAccount).toBe('孙悦');
    const before = await applicationCount();
    const foreign = await member.request<ErrorBody>('POST', `/api/public/events/${roadshow}/applications`, form({ projectId: foreignProject }));
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields).toEqual({ projectId: msg('application_project_not_yours') });
    const anonymous = await applyAs(anon, { projectId: ownProject });
    expect(anonymous.status).toBe(400);
    // The same project twice for one event.
    const again = await member.request<ErrorBody>('POST', `/api/public/events/${roadshow}/applications`, form({ projectId: ownProject }));
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('already_applied');
    expect(await applicationCount()).toBe(before);
  });

  it('refuses the same contact e-mail with the same project name twice', async () => {
    const first = await applied(anon, { projectName: '重复申报项目', contactEmail: 'twice@example.com' });
    const res = await applyAs(anon, { projectName: '重复申报项目', contactEmail: 'TWICE@example.com' });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('already_applied');
    // A different project from the same contact is fine.
    expect((await applyAs(anon, { projectName: '另一个项目', contactEmail: 'twice@example.com' })).status).toBe(201);
    expect(first.status).toBe('submitted');
  });

  it('checks the answers against the questions and the segment against the taxonomy, writing nothing', async () => {
    const before = await applicationCount();
    const res = await applyAs(anon, { answers: { stage: 'C轮', need: 'x'.repeat(51), extra: 'y' }, segment: 'no_such_segment' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({
      'answers.stage': msg('application_answer_not_an_option'),
      'answers.need': msg('application_answer_too_long'),
      'answers.extra': msg('application_answer_unknown_question'),
      segment: msg('application_segment_unknown'),
    });
    const missing = await applyAs(anon, { answers: {} });
    expect(missing.body.error.fields).toEqual({ 'answers.stage': msg('application_answer_required') });
    expect(await applicationCount()).toBe(before);
  });

  it('answers 4xx to malformed input and writes nothing', async () => {
    const before = await applicationCount();
    const cases: unknown[] = [
      form({ projectName: 42 }),
      form({ summary: 'x'.repeat(2001) }),
      form({ projectName: 'x'.repeat(201) }),
      form({ team: Array.from({ length: 21 }, (_, i) => ({ name: `成员${i}`, role: '' })) }),
      form({ team: [{ name: '张伟', role: '创始人', salary: 1 }] }),
      form({ contactEmail: 'not-an-email' }),
      form({ unexpected: true }),
      form({ answers: 'A轮' }),
      form({ projectId: 'not-a-uuid' }),
      [],
      'null',
    ];
    for (const body of cases) {
      const res = await anon.request<ErrorBody>('POST', `/api/public/events/${roadshow}/applications`, body);
      expect(res.status, JSON.stringify(body).slice(0, 80)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    const broken = await anon.request('POST', `/api/public/events/${roadshow}/applications`, '{"projectName": ');
    expect(broken.status).toBe(400);
    expect((await anon.request('POST', `/api/public/events/not-a-uuid/applications`, form())).status).toBe(400);
    expect(await applicationCount()).toBe(before);
  });

  it('refuses a closed call and a passed deadline with applications_closed', async () => {
    const closedEvent = await insertEvent(cmc, 'competition');
    expect((await applyAs(anon, {}, 'zh-CN', closedEvent)).body.error.code).toBe('applications_closed');
    await openCall(closedEvent, { applicationQuestions: [] });
    expect((await applyAs(anon, { answers: {} }, 'zh-CN', closedEvent)).status).toBe(201);
    await sql(`update events set application_deadline = now() - interval '1 minute' where id = $1`, [closedEvent]);
    const late = await applyAs(anon, { answers: {} }, 'zh-CN', closedEvent);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('applications_closed');
    const call = await anon.get<PublicCall>(`/api/public/events/${closedEvent}/call`);
    expect(call.body.open).toBe(false);
  });

  it('does not show a draft event’s call to the public', async () => {
    const draft = await insertEvent(cmc, 'roadshow', { status: 'draft' });
    expect((await anon.get(`/api/public/events/${draft}/call`)).status).toBe(404);
    expect((await applyAs(anon, {}, 'zh-CN', draft)).status).toBe(404);
  });
});

describe('the deck', () => {
  const deckUrl = (token: string) => `/api/public/applications/${token}/deck`;

  it('takes a PDF by its bytes, replaces it with a PPTX, and serves it back', async () => {
    const app = await applied();
    const res = await sendMultipart<MyApplication>(t.app, anon, deckUrl(app.manageToken), [{ name: 'file', file: { filename: '商业计划书.pdf', contentType: 'application/pdf', data: PDF } }]);
    expect(res.status).toBe(200);
    expect(res.body.deck).toMatchObject({ filename: '商业计划书.pdf', contentType: 'application/pdf', sizeBytes: PDF.length });
    const [first] = await sql<{ deck_file_id: string }>(`select deck_file_id from event_applications where id = $1`, [app.id]);
    const download = await t.app.inject({ method: 'GET', url: deckUrl(app.manageToken) });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PDF)).toBe(true);
    const pptx = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), crypto.randomBytes(300)]);
    const replaced = await sendMultipart<MyApplication>(t.app, anon, deckUrl(app.manageToken), [
      { name: 'file', file: { filename: 'roadshow.pptx', contentType: 'application/octet-stream', data: pptx } },
    ]);
    expect(replaced.status).toBe(200);
    expect(replaced.body.deck?.contentType).toBe('application/vnd.openxmlformats-officedocument.presentationml.presentation');
    // The earlier file is gone.
    expect(await sql(`select id from files where id = $1`, [first!.deck_file_id])).toEqual([]);
    const organiser = await t.app.inject({ method: 'GET', url: `${listUrl()}/${app.id}/deck`, headers: { cookie: staff.cookie! } });
    expect(organiser.statusCode).toBe(200);
    expect(organiser.rawPayload.equals(pptx)).toBe(true);
  });

  it('refuses a PNG renamed .pdf, a ZIP not named .pptx, and an empty request, storing nothing', async () => {
    const app = await applied();
    const [{ n: filesBefore }] = (await sql<{ n: number }>(`select count(*)::int as n from files`)) as [{ n: number }];
    const png = await sendMultipart<ErrorBody>(t.app, anon, deckUrl(app.manageToken), [{ name: 'file', file: { filename: 'deck.pdf', contentType: 'application/pdf', data: PNG } }]);
    expect(png.status).toBe(422);
    expect(png.body.error.fields).toEqual({ file: msg('application_deck_type') });
    const zip = await sendMultipart<ErrorBody>(t.app, anon, deckUrl(app.manageToken), [
      { name: 'file', file: { filename: 'deck.zip', contentType: 'application/zip', data: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), crypto.randomBytes(50)]) } },
    ]);
    expect(zip.status).toBe(422);
    const none = await sendMultipart<ErrorBody>(t.app, anon, deckUrl(app.manageToken), [{ name: 'note', value: 'x' }]);
    expect(none.status).toBe(400);
    const json = await anon.request('POST', deckUrl(app.manageToken), {});
    expect(json.status).toBe(415);
    const [{ n: filesAfter }] = (await sql<{ n: number }>(`select count(*)::int as n from files`)) as [{ n: number }];
    expect(filesAfter).toBe(filesBefore);
    expect((await t.app.inject({ method: 'GET', url: deckUrl(app.manageToken) })).statusCode).toBe(404);
  });

  it('is refused after the deadline and for an unknown token', async () => {
    const event = await insertEvent(cmc, 'roadshow');
    await openCall(event, { applicationQuestions: [] });
    const res = await anon.request<ApplicationCreated>('POST', `/api/public/events/${event}/applications`, form({ answers: {} }));
    await sql(`update events set application_deadline = now() - interval '1 second' where id = $1`, [event]);
    const late = await sendMultipart<ErrorBody>(t.app, anon, deckUrl(res.body.manageToken), [{ name: 'file', file: { filename: 'a.pdf', contentType: 'application/pdf', data: PDF } }]);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('applications_closed');
    const unknown = await sendMultipart(t.app, anon, deckUrl(crypto.randomBytes(32).toString('base64url')), [{ name: 'file', file: { filename: 'a.pdf', contentType: 'application/pdf', data: PDF } }]);
    expect(unknown.status).toBe(404);
  });
});

describe("the applicant's page", () => {
  const page = (token: string) => `/api/public/applications/${token}`;

  it('shows the application, takes edits with the version, and refuses a stale one', async () => {
    const app = await applied();
    const got = await anon.get<MyApplication>(page(app.manageToken));
    expect(got.status).toBe(200);
    expect(got.body).toMatchObject({ id: app.id, event: { id: roadshow, timeZone: 'Asia/Shanghai' }, editable: true });
    expect(got.body.questions).toHaveLength(2);
    const edited = await anon.patch<MyApplication>(page(app.manageToken), { summary: '更新后的简介', answers: { stage: '天使轮' }, version: app.version });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ summary: '更新后的简介', answers: { stage: '天使轮' }, version: app.version + 1 });
    const stale = await anon.patch<ErrorBody>(page(app.manageToken), { summary: '旧版本', version: app.version });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
    const bad = await anon.patch<ErrorBody>(page(app.manageToken), { contactEmail: 'other@example.com', version: edited.body.version });
    expect(bad.status).toBe(400);
    expect((await anon.get(page('short'))).status).toBe(400);
    expect((await anon.get(page(crypto.randomBytes(32).toString('base64url')))).status).toBe(404);
  });

  it('is closed for edits after the deadline', async () => {
    const event = await insertEvent(cmc, 'competition');
    await openCall(event, { applicationQuestions: [] });
    const res = await anon.request<ApplicationCreated>('POST', `/api/public/events/${event}/applications`, form({ answers: {} }));
    await sql(`update events set application_deadline = now() - interval '1 second' where id = $1`, [event]);
    const view = await anon.get<MyApplication>(page(res.body.manageToken));
    expect(view.body.editable).toBe(false);
    const late = await anon.patch<ErrorBody>(page(res.body.manageToken), { summary: '太迟了', version: res.body.version });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('applications_closed');
  });

  it('withdraws once, after which the same contact may apply again with that project', async () => {
    const app = await applied(anon, { projectName: '撤回后重报项目', contactEmail: 'withdraw@example.com' });
    const res = await anon.post<MyApplication>(`${page(app.manageToken)}/withdraw`, { version: app.version });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'withdrawn', editable: false, withdrawable: false });
    const again = await anon.post<ErrorBody>(`${page(app.manageToken)}/withdraw`, { version: res.body.version });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('state_conflict');
    expect((await applyAs(anon, { projectName: '撤回后重报项目', contactEmail: 'withdraw@example.com' })).status).toBe(201);
  });

  it('shows published results per round and nothing of rounds not yet published', async () => {
    const event = await insertEvent(cmc, 'competition');
    await openCall(event, { applicationQuestions: [] });
    const mk = async (name: string) => (await anon.request<ApplicationCreated>('POST', `/api/public/events/${event}/applications`, form({ projectName: name, answers: {} }))).body;
    const a = await mk('结果项目甲');
    const b = await mk('结果项目乙');
    const prelim = await insertRound(event, 'published', 1, '初赛');
    const final = await insertRound(event, 'open', 2, '决赛');
    await sql(`insert into event_round_entries (round_id, application_id, published_rank, published_score, award, advanced) values ($1, $2, 1, 88.5, '一等奖', true), ($1, $3, 2, 80, '', false)`, [prelim, a.id, b.id]);
    await sql(`insert into event_round_entries (round_id, application_id) values ($1, $2)`, [final, a.id]);
    const view = await anon.get<MyApplication>(page(a.manageToken));
    expect(view.body.results).toEqual([
      expect.objectContaining({ roundId: prelim, roundName: '初赛', rank: 1, score: 88.5, of: 2, award: '一等奖', advanced: true }),
    ]);
    expect(view.body).toMatchObject({ editable: false, withdrawable: false });
    const withdraw = await anon.post<ErrorBody>(`${page(a.manageToken)}/withdraw`, { version: a.version });
    expect(withdraw.status).toBe(409);
  });

  it('lists the signed-in user’s applications with their links, and nothing for nobody', async () => {
    const mine = await member.get<{ items: { id: string; manageToken: string; eventId: string; status: string }[] }>('/api/me/applications');
    expect(mine.status).toBe(200);
    expect(mine.body.items.length).toBeGreaterThan(0);
    for (const item of mine.body.items) {
      const [row] = await sql<{ user_id: string | null }>(`select user_id from event_applications where id = $1`, [item.id]);
      expect(row!.user_id).toBe(member.session!.user!.id);
    }
    expect((await investor.get<{ items: unknown[] }>('/api/me/applications')).body.items).toEqual([]);
    expect((await anon.get('/api/me/applications')).status).toBe(401);
  });
});

describe('screening', () => {
  it('lists with counts by status and a text filter; other roles and communities are refused', async () => {
    const res = await staff.get<ApplicationPage>(`${listUrl()}?limit=2`);
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
    expect(res.body.nextCursor).not.toBeNull();
    const total = Object.values(res.body.counts).reduce((a, b) => a + b, 0);
    expect(res.body.total).toBe(total);
    expect(total).toBe(await applicationCount());
    const next = await staff.get<ApplicationPage>(`${listUrl()}?limit=2&cursor=${res.body.nextCursor}`);
    expect(next.body.items.map((i) => i.id)).not.toContain(res.body.items[0]!.id);
    const found = await staff.get<ApplicationPage>(`${listUrl()}?q=${encodeURIComponent('<script>')}`);
    expect(found.body.items.map((i) => i.projectName)).toEqual(['<script>alert(1)</script>肿瘤早筛']);
    const withdrawn = await staff.get<ApplicationPage>(`${listUrl()}?status=withdrawn`);
    expect(withdrawn.body.items.every((i) => i.status === 'withdrawn')).toBe(true);
    expect((await staff.get(`${listUrl()}?cursor=garbage`)).status).toBe(400);
    expect((await staff.get(`${listUrl()}?status=bogus`)).status).toBe(400);
    expect((await member.get(listUrl())).status).toBe(403);
    expect((await alliance.get(listUrl())).status).toBe(404);
    expect((await anon.get(listUrl())).status).toBe(401);
    expect((await staff.get(listUrl(otherRoadshow))).status).toBe(404);
  });

  it('screens in and out with a note, telling the applicant in their language; re-screening is allowed', async () => {
    const app = await applied(anon, { contactEmail: 'screen.me@example.com' }, 'zh-TW');
    const url = `${listUrl()}/${app.id}/screen`;
    const inRes = await staff.post<ApplicationDetail>(url, { decision: 'in', note: '技术领先', version: app.version });
    expect(inRes.status).toBe(200);
    expect(inRes.body).toMatchObject({ status: 'screened_in', screeningNote: '技术领先', screenedBy: '王磊' });
    const out = await staff.post<ApplicationDetail>(url, { decision: 'out', note: '不符合方向', version: inRes.body.version });
    expect(out.body.status).toBe('screened_out');
    const stale = await staff.post<ErrorBody>(url, { decision: 'in', version: inRes.body.version });
    expect(stale.status).toBe(409);
    const mails = (await outboxFor('screen.me@example.com')).filter((m) => m.template === 'event_application_screened');
    expect(mails.map((m) => [m.locale, m.payload.screenedIn])).toEqual([
      ['zh-TW', true],
      ['zh-TW', false],
    ]);
    const audits = await sql<{ action: string }>(`select action from audit_log where entity_id = $1 and action = 'application.screened'`, [app.id]);
    expect(audits).toHaveLength(2);
    const view = await anon.get<MyApplication>(`/api/public/applications/${app.manageToken}`);
    expect(view.body.status).toBe('screened_out');
    expect(JSON.stringify(view.body)).not.toContain('不符合方向');
  });

  it('refuses re-screening once the application is an entry of a round, and screening a withdrawn one', async () => {
    const app = await applied();
    const url = `${listUrl()}/${app.id}/screen`;
    const inRes = await staff.post<ApplicationDetail>(url, { decision: 'in', version: app.version });
    const round = await insertRound(roadshow, 'open', 10, '路演初赛');
    await sql(`insert into event_round_entries (round_id, application_id) values ($1, $2)`, [round, app.id]);
    const res = await staff.post<ErrorBody>(url, { decision: 'out', version: inRes.body.version });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('state_conflict');
    const detail = await staff.get<ApplicationDetail>(`${listUrl()}/${app.id}`);
    expect(detail.body).toMatchObject({ status: 'screened_in', roundCount: 1 });
    expect(detail.body.rounds.map((r) => r.roundName)).toEqual(['路演初赛']);
    const gone = await applied();
    const withdrawn = await anon.post<MyApplication>(`/api/public/applications/${gone.manageToken}/withdraw`, { version: gone.version });
    expect((await staff.post<ErrorBody>(`${listUrl()}/${gone.id}/screen`, { decision: 'in', version: withdrawn.body.version })).status).toBe(409);
  });

  it('screens several at once, all or none', async () => {
    const a = await applied();
    const b = await applied();
    const stale = await staff.post<ErrorBody>(`${listUrl()}/screen`, {
      decision: 'in',
      items: [
        { applicationId: a.id, version: a.version },
        { applicationId: b.id, version: b.version + 5 },
      ],
    });
    expect(stale.status).toBe(409);
    const rows = await sql<{ status: string }>(`select status from event_applications where id in ($1, $2)`, [a.id, b.id]);
    expect(rows.map((r) => r.status)).toEqual(['submitted', 'submitted']);
    const ok = await staff.post<{ items: { id: string; status: string }[] }>(`${listUrl()}/screen`, {
      decision: 'in',
      note: '批量通过',
      items: [
        { applicationId: a.id, version: a.version },
        { applicationId: b.id, version: b.version },
      ],
    });
    expect(ok.status).toBe(200);
    expect(ok.body.items.map((i) => i.status)).toEqual(['screened_in', 'screened_in']);
    const dup = await staff.post(`${listUrl()}/screen`, { decision: 'in', items: [{ applicationId: a.id, version: 2 }, { applicationId: a.id, version: 2 }] });
    expect(dup.status).toBe(400);
    // Another community's admin cannot screen these, by id or in bulk.
    expect((await alliance.post(`${listUrl()}/screen`, { decision: 'out', items: [{ applicationId: a.id, version: 2 }] })).status).toBe(404);
    expect((await admin.post(`${listUrl(otherRoadshow)}/${a.id}/screen`, { decision: 'out', version: 2 })).status).toBe(404);
  });

  it('links a directory project visible to the community, and refuses one it cannot see', async () => {
    const app = await applied();
    const res = await staff.patch<ApplicationDetail>(`${listUrl()}/${app.id}/links`, { projectId: foreignProject, organisationId: ownOrg, version: app.version });
    expect(res.status).toBe(200);
    expect(res.body.project?.id).toBe(foreignProject);
    expect(res.body.organisation?.id).toBe(ownOrg);
    const [hidden] = await sql<{ id: string }>(
      `insert into projects (name_zh, community_id, segment, track, stage, confidentiality) values ('别社区的保密项目', $1, 'innovative_drug', 'drug', 'preclinical', 'community') returning id`,
      [jiading],
    );
    const refused = await staff.patch<ErrorBody>(`${listUrl()}/${app.id}/links`, { projectId: hidden!.id, organisationId: crypto.randomUUID(), version: res.body.version });
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual({ projectId: msg('application_project_unknown'), organisationId: msg('application_organisation_unknown') });
    const cleared = await staff.patch<ApplicationDetail>(`${listUrl()}/${app.id}/links`, { projectId: null, version: res.body.version });
    expect(cleared.body.project).toBeNull();
    expect(cleared.body.organisation?.id).toBe(ownOrg);
  });

  it('exports the applications as .xlsx with a column per question', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${listUrl()}/export.xlsx`, headers: { cookie: staff.cookie!, 'accept-language': 'en' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toContain('Project');
    expect(header.slice(-2)).toEqual(['融资阶段', '资源需求']);
    expect(sheet.rowCount - 1).toBe(await applicationCount());
    expect((await t.app.inject({ method: 'GET', url: `${listUrl()}/export.xlsx`, headers: { cookie: member.cookie! } })).statusCode).toBe(403);
  });
});
