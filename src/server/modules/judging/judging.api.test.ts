import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JudgeApplication, JudgeRound, JudgingOverview, MyJudgingItem, Progress, Ranking, RoundDetail, Sheet } from '../../../shared/schemas/judging';
import { CATALOGUES } from '../../../web/i18n/catalogue';
import { startTestApp, type Client, type TestApp } from '../../../../test/app';
import { createOrganisation, createPerson, linkPersonToUser, PDF, signInEach } from '../directory/directory.fixtures';

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
let judge: Client; // judge@: role judge in China Medical City
let investor: Client; // investor@: a member who judges too
let alliance: Client;
let cmc: string;
let jiading: string;
let eventId: string;
let otherEventId: string;
let judgeId: string;
let investorId: string;
let conflictOrg: string;
const apps: Record<'A' | 'B' | 'C' | 'D' | 'late', string> = { A: '', B: '', C: '', D: '', late: '' };
let round1: RoundDetail;
let round2: RoundDetail;

const base = () => `/api/communities/${cmc}/events/${eventId}`;

async function sql<T>(text: string, params: unknown[] = []): Promise<T[]> {
  return t.database.withConnection((c) => c.rows<T>(text, params));
}

async function insertApplication(fields: { name: string; status: string; email: string; locale?: string; organisationId?: string | null; deckFileId?: string | null }): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `insert into event_applications (event_id, project_name, organisation_name, summary, team, answers, contact_name, contact_email, locale, status, manage_token, organisation_id, deck_file_id)
     values ($1, $2, $3, '项目简介', '[{"name":"张三","role":"CEO"}]', '{"stage":"临床前"}', '联系人', $4, $5, $6, $7, $8, $9) returning id`,
    [eventId, fields.name, `${fields.name}公司`, fields.email, fields.locale ?? 'zh-CN', fields.status, `tok-${fields.name}-${Math.random().toString(36).slice(2)}`, fields.organisationId ?? null, fields.deckFileId ?? null],
  );
  return row!.id;
}

beforeAll(async () => {
  t = await startTestApp();
  [admin, staff, member, judge, investor, alliance] = await signInEach(t.app, ['park.admin', 'staff', 'member', 'judge', 'investor', 'alliance.admin']);
  cmc = staff.communityId('china-medical-city');
  jiading = alliance.communityId('jiading-biomed-alliance');
  judgeId = judge.session!.user!.id;
  investorId = investor.session!.user!.id;
  const insertEvent = (communityId: string, kind = 'competition') =>
    sql<{ id: string }>(
      `insert into events (community_id, kind, title, starts_at, ends_at, status, application_questions) values ($1, $2, '创新创业大赛', '2030-06-01T01:00:00Z', '2030-06-01T09:00:00Z', 'published', '[{"id":"stage","type":"text","label":"研发阶段","options":[],"required":false,"maxLength":100}]') returning id`,
      [communityId, kind],
    );
  eventId = (await insertEvent(cmc))[0]!.id;
  otherEventId = (await insertEvent(jiading))[0]!.id;
  // The judge's directory person works at the organisation behind application A.
  conflictOrg = (await createOrganisation(staff, cmc, { nameZh: '利益冲突测试生物有限公司' })).id;
  const person = await createPerson(staff, cmc, { nameZh: '陈评委' });
  await linkPersonToUser(t, person.id, 'judge@biobridge.demo');
  const aff = await staff.post(`/api/directory/people/${person.id}/affiliations`, { organisationId: conflictOrg, role: '科学顾问' });
  expect(aff.status).toBe(201);
  // A deck in storage for application B.
  const stored = await t.app.deps.storage.put(Readable.from(PDF), 1_000_000);
  const [file] = await sql<{ id: string }>(`insert into files (storage_key, filename, content_type, size_bytes, sha256) values ($1, 'deck.pdf', 'application/pdf', $2, $3) returning id`, [stored.key, stored.sizeBytes, stored.sha256]);
  apps.A = await insertApplication({ name: 'A', status: 'screened_in', email: 'a@example.demo', organisationId: conflictOrg });
  apps.B = await insertApplication({ name: 'B', status: 'screened_in', email: 'b@example.demo', locale: 'en', deckFileId: file!.id });
  apps.C = await insertApplication({ name: 'C', status: 'screened_in', email: 'c@example.demo', locale: 'zh-TW' });
  apps.D = await insertApplication({ name: 'D', status: 'screened_in', email: 'd@example.demo' });
  apps.late = await insertApplication({ name: 'late', status: 'submitted', email: 'late@example.demo' });
});
afterAll(() => t.close());

async function sheet(client: Client, roundId: string, applicationId: string, scores: Record<string, number>, submit = true, version?: number) {
  return client.request<Sheet & ErrorBody>('PUT', `/api/judging/rounds/${roundId}/applications/${applicationId}/sheet`, { scores, comment: '评语', submit, ...(version !== undefined ? { version } : {}) });
}

/** Both criteria get the same score, so the sheet's total is that score. */
function both(round: RoundDetail, score: number) {
  return Object.fromEntries(round.criteria.map((c) => [c.id, score]));
}

describe('setting up a round', () => {
  it('keeps organiser routes to events.manage: 403 for members, 404 for other communities', async () => {
    expect((await member.post(`${base()}/rounds`, { kind: 'preliminary', name: '初赛' })).status).toBe(403);
    expect((await judge.get(`${base()}/judging`)).status).toBe(403);
    expect((await alliance.get(`${base()}/judging`)).status).toBe(404);
    // Another community's event under one's own community: not found.
    expect((await alliance.get(`/api/communities/${jiading}/events/${eventId}/judging`)).status).toBe(404);
    expect((await staff.get(`/api/communities/${cmc}/events/${otherEventId}/judging`)).status).toBe(404);
  });

  it('refuses applications that were not screened in', async () => {
    const res = await staff.post<ErrorBody>(`${base()}/rounds`, { kind: 'preliminary', name: '初赛', entries: { applicationIds: [apps.late] } });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual({ 'entries.applicationIds': msg('judging_entry_not_eligible') });
  });

  it('creates the first round with every screened-in application', async () => {
    const res = await staff.post<RoundDetail>(`${base()}/rounds`, { kind: 'preliminary', name: '初赛', scoreMin: 0, scoreMax: 10 });
    expect(res.status).toBe(201);
    round1 = res.body;
    expect(round1.entries.map((e) => e.applicationId).sort()).toEqual([apps.A, apps.B, apps.C, apps.D].sort());
    expect(round1).toMatchObject({ position: 0, status: 'open', entryCount: 4, judgeCount: 0 });
  });

  it('adds weighted criteria and shows their share of the total', async () => {
    await staff.post(`${base()}/rounds/${round1.id}/criteria`, { name: '技术创新性', description: '技术先进程度', weight: 3 });
    const res = await staff.post<RoundDetail>(`${base()}/rounds/${round1.id}/criteria`, { name: '市场前景', weight: 2 });
    expect(res.status).toBe(201);
    expect(res.body.criteria.map((c) => [c.name, c.sharePercent])).toEqual([
      ['技术创新性', 60],
      ['市场前景', 40],
    ]);
    round1 = res.body;
  });

  it('assigns members as judges and records an affiliation recusal naming the link', async () => {
    const notMember = await staff.post<ErrorBody>(`${base()}/rounds/${round1.id}/judges`, { userId: alliance.session!.user!.id });
    expect(notMember.status).toBe(400);
    await staff.post(`${base()}/rounds/${round1.id}/judges`, { userId: investorId });
    const res = await staff.post<RoundDetail>(`${base()}/rounds/${round1.id}/judges`, { userId: judgeId });
    expect(res.status).toBe(200);
    round1 = res.body;
    expect(round1.judges.map((j) => [j.userId, j.role])).toEqual([
      [investorId, 'investor'],
      [judgeId, 'judge'],
    ]);
    const a = round1.entries.find((e) => e.applicationId === apps.A)!;
    expect(a.recusals).toHaveLength(1);
    expect(a.recusals[0]).toMatchObject({ userId: judgeId, source: 'affiliation', conflicts: [{ kind: 'affiliation', organisationId: conflictOrg, organisationName: '利益冲突测试生物有限公司', role: '科学顾问', side: 'applicant' }] });
    expect(round1.entries.filter((e) => e.recusals.length > 0)).toHaveLength(1);
    const [audit] = await sql<{ n: number }>(`select count(*)::int as n from audit_log where entity_id = $1 and action = 'judging.judge_assigned'`, [round1.id]);
    expect(audit!.n).toBe(2);
  });
});

describe('score entry', () => {
  it("shows a judge the round with their own sheets and recusals, and nobody else's", async () => {
    const res = await judge.get<JudgeRound>(`/api/judging/rounds/${round1.id}`);
    expect(res.status).toBe(200);
    expect(res.body.entries).toHaveLength(4);
    expect(res.body.entries.find((e) => e.applicationId === apps.A)).toMatchObject({ recused: true, recusalSource: 'affiliation' });
    expect(res.body.total).toBe(3);
    expect((await member.get(`/api/judging/rounds/${round1.id}`)).status).toBe(404);
    expect((await staff.get(`/api/judging/rounds/${round1.id}`)).status).toBe(404);
    const mine = await judge.get<MyJudgingItem[]>('/api/me/judging');
    expect(mine.body.find((r) => r.roundId === round1.id)).toMatchObject({ total: 3, submitted: 0, recused: 1 });
  });

  it('refuses a recused judge the materials, the deck and the sheet', async () => {
    const view = await judge.get<ErrorBody>(`/api/judging/rounds/${round1.id}/applications/${apps.A}`);
    expect([view.status, view.body.error.code]).toEqual([403, 'judge_recused']);
    const write = await sheet(judge, round1.id, apps.A, both(round1, 5));
    expect([write.status, write.body.error.code]).toEqual([403, 'judge_recused']);
  });

  it('shows the application with its answers and streams the deck to judges and organisers only', async () => {
    const res = await investor.get<JudgeApplication>(`/api/judging/rounds/${round1.id}/applications/${apps.B}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ projectName: 'B', summary: '项目简介', team: [{ name: '张三', role: 'CEO' }], answers: [{ id: 'stage', label: '研发阶段', value: '临床前' }], sheet: null });
    expect(res.body.deck?.url).toContain('/deck');
    const deck = await investor.get<string>(res.body.deck!.url);
    expect(deck.status).toBe(200);
    expect(String(deck.body).startsWith('%PDF')).toBe(true);
    expect((await staff.get(res.body.deck!.url)).status).toBe(200);
    expect((await member.get(res.body.deck!.url)).status).toBe(404);
  });

  it('validates every score against the scale and the half step, and a submission for completeness', async () => {
    const [c1, c2] = round1.criteria.map((c) => c.id) as [string, string];
    const outside = await sheet(investor, round1.id, apps.B, { [c1]: 11, [c2]: 5 });
    expect(outside.status).toBe(400);
    expect(outside.body.error.fields).toEqual({ [`scores.${c1}`]: msg('judging_score_out_of_scale') });
    const step = await sheet(investor, round1.id, apps.B, { [c1]: 7.3, [c2]: 5 });
    expect(step.body.error.fields).toEqual({ [`scores.${c1}`]: msg('judging_score_out_of_scale') });
    const unknown = await sheet(investor, round1.id, apps.B, { [apps.B]: 5 });
    expect(unknown.body.error.fields).toEqual({ [`scores.${apps.B}`]: msg('judging_unknown_criterion'), [`scores.${c1}`]: msg('judging_score_required'), [`scores.${c2}`]: msg('judging_score_required') });
    const incomplete = await sheet(investor, round1.id, apps.B, { [c1]: 5 });
    expect(incomplete.body.error.fields).toEqual({ [`scores.${c2}`]: msg('judging_score_required') });
    const draft = await sheet(investor, round1.id, apps.B, { [c1]: 7.5 }, false);
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ submittedAt: null, total: null, version: 1 });
    const stale = await sheet(investor, round1.id, apps.B, both(round1, 8), true);
    expect(stale.status).toBe(409);
    const done = await sheet(investor, round1.id, apps.B, both(round1, 8), true, 1);
    expect(done.status).toBe(200);
    expect(done.body.total).toBe(8);
    expect(done.body.submittedAt).not.toBeNull();
  });

  it('ranks two judges’ scores with a tie under the raw mean that z-scores separate', async () => {
    // investor: A 9, B 8 (above), C 6, D 5; judge (recused from A): B 4, C 6, D 8.
    const scores: [Client, string, number][] = [
      [investor, apps.A, 9],
      [investor, apps.C, 6],
      [investor, apps.D, 5],
      [judge, apps.B, 4],
      [judge, apps.C, 6],
      [judge, apps.D, 8],
    ];
    for (const [client, app, score] of scores) expect((await sheet(client, round1.id, app, both(round1, score))).status).toBe(200);
    const raw = await staff.get<Ranking>(`${base()}/rounds/${round1.id}/ranking?normalisation=raw_mean`);
    expect(raw.body.rows.map((r) => [r.applicationId, r.rank, r.tied, r.score, r.judgesCounted])).toEqual([
      [apps.A, 1, false, 9, 1],
      [apps.D, 2, false, 6.5, 2],
      ...[
        [apps.B, 3, true, 6, 2],
        [apps.C, 3, true, 6, 2],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    ]);
    expect(raw.body.rows.find((r) => r.applicationId === apps.B)).toMatchObject({ min: 4, max: 8, spread: 4 });
    const z = await staff.get<Ranking>(`${base()}/rounds/${round1.id}/ranking?normalisation=z_score`);
    expect(z.body.rows.map((r) => [r.applicationId, r.rank, r.tied])).toEqual([
      [apps.A, 1, false],
      [apps.D, 2, false],
      [apps.B, 3, false],
      [apps.C, 4, false],
    ]);
    expect(z.body.rows[0]!.rawMean).toBe(9);
  });

  it('shows the progress matrix', async () => {
    const res = await staff.get<Progress>(`${base()}/rounds/${round1.id}/progress`);
    expect(res.body).toMatchObject({ submittedCount: 7, expectedCount: 7 });
    expect(res.body.cells.find((c) => c.userId === judgeId && c.applicationId === apps.A)!.state).toBe('recused');
    expect(res.body.cells.find((c) => c.userId === investorId && c.applicationId === apps.B)!.state).toBe('submitted');
  });

  it('saves the normalisation on the event with its version', async () => {
    const overview = await staff.get<JudgingOverview>(`${base()}/judging`);
    expect(overview.body.normalisation).toBe('raw_mean');
    const res = await staff.request<JudgingOverview>('PUT', `${base()}/judging-settings`, { normalisation: 'z_score', version: overview.body.eventVersion });
    expect(res.status).toBe(200);
    expect(res.body.normalisation).toBe('z_score');
    const stale = await staff.request('PUT', `${base()}/judging-settings`, { normalisation: 'raw_mean', version: overview.body.eventVersion });
    expect(stale.status).toBe(409);
    expect((await member.request('PUT', `${base()}/judging-settings`, { normalisation: 'raw_mean', version: res.body.eventVersion })).status).toBe(403);
  });
});

describe('closing, advancing and publishing', () => {
  it('freezes scores once closed, and reopening is audited', async () => {
    const closed = await staff.post<RoundDetail>(`${base()}/rounds/${round1.id}/close`, { version: round1.version });
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    const write = await sheet(judge, round1.id, apps.B, both(round1, 10), true, 1);
    expect(write.status).toBe(409);
    const reopened = await staff.post<RoundDetail>(`${base()}/rounds/${round1.id}/reopen`, { version: closed.body.version });
    expect(reopened.body.status).toBe('open');
    const again = await staff.post<RoundDetail>(`${base()}/rounds/${round1.id}/close`, { version: reopened.body.version });
    round1 = again.body;
    const actions = await sql<{ action: string }>(`select action from audit_log where entity_id = $1 and action like 'judging.round_%' order by id`, [round1.id]);
    expect(actions.map((a) => a.action)).toEqual(expect.arrayContaining(['judging.round_closed', 'judging.round_reopened']));
  });

  it('advances the top 2 under the event’s normalisation to the next round, with criteria and judges', async () => {
    const res = await staff.post<RoundDetail>(`${base()}/rounds`, { kind: 'final', name: '决赛', entries: { top: 2 } });
    expect(res.status).toBe(201);
    round2 = res.body;
    expect(round2.entries.map((e) => e.applicationId)).toEqual([apps.A, apps.D]);
    expect(round2.criteria.map((c) => c.name)).toEqual(['技术创新性', '市场前景']);
    expect(round2.judges).toHaveLength(2);
    // The judge's conflict with A is found again for the new round.
    expect(round2.entries.find((e) => e.applicationId === apps.A)!.recusals.map((r) => r.source)).toEqual(['affiliation']);
    const previous = await staff.get<RoundDetail>(`${base()}/rounds/${round1.id}`);
    expect(previous.body.entries.filter((e) => e.advanced).map((e) => e.applicationId).sort()).toEqual([apps.A, apps.D].sort());
  });

  it('publishes with awards: ranks stored and one results e-mail per entry in its language; twice is refused', async () => {
    const res = await staff.post<Ranking>(`${base()}/rounds/${round1.id}/publish`, { version: round1.version, awards: { [apps.A]: '一等奖' } });
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('published');
    const mails = await sql<{ recipient: string; locale: string; payload: { rank: number; of: number; award: string; advanced: boolean; link: string; roundName: string } }>(
      `select recipient, locale, payload from outbox where template = 'event_results' and event_id = $1 order by recipient`,
      [eventId],
    );
    expect(mails.map((m) => [m.recipient, m.locale, m.payload.rank, m.payload.award, m.payload.advanced])).toEqual([
      ['a@example.demo', 'zh-CN', 1, '一等奖', true],
      ['b@example.demo', 'en', 3, '', false],
      ['c@example.demo', 'zh-TW', 4, '', false],
      ['d@example.demo', 'zh-CN', 2, '', true],
    ]);
    const [tok] = await sql<{ manage_token: string }>(`select manage_token from event_applications where id = $1`, [apps.A]);
    expect(mails[0]!.payload).toMatchObject({ of: 4, roundName: '初赛', link: `http://bb.test/a/${tok!.manage_token}` });
    const entries = await sql<{ published_rank: number; award: string }>(`select published_rank, award from event_round_entries where round_id = $1 and application_id = $2`, [round1.id, apps.A]);
    expect(entries[0]).toEqual({ published_rank: 1, award: '一等奖' });
    const twice = await staff.post(`${base()}/rounds/${round1.id}/publish`, { version: res.body.version });
    expect(twice.status).toBe(409);
    expect((await sql(`select 1 from outbox where template = 'event_results' and event_id = $1`, [eventId])).length).toBe(4);
  });

  it('refuses to publish a round that is still open', async () => {
    const res = await staff.post<ErrorBody>(`${base()}/rounds/${round2.id}/publish`, { version: round2.version });
    expect(res.status).toBe(409);
  });

  it('exports the ranking, every score and the recusals as .xlsx in the request language', async () => {
    const res = await t.app.inject({ method: 'GET', url: `${base()}/rounds/${round1.id}/scores.xlsx`, remoteAddress: '10.0.0.1', headers: { cookie: staff.cookie!, 'accept-language': 'zh-CN' } });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const x = (CATALOGUES['zh-CN'] as unknown as { judging: { export: Record<string, string> } }).judging.export;
    expect(book.worksheets.map((w) => w.name)).toEqual([x.rankingSheet, x.scoresSheet, x.recusalsSheet]);
    const ranking = book.worksheets[0]!;
    expect(ranking.getRow(1).getCell(1).value).toBe(x.colRank);
    expect(ranking.getRow(2).getCell(3).value).toBe('A');
    expect(ranking.getRow(2).getCell(9).value).toBe('一等奖');
    expect(book.worksheets[1]!.rowCount).toBe(1 + 7);
    expect(book.worksheets[2]!.getRow(2).getCell(4).value).toContain('利益冲突测试生物有限公司');
    expect((await member.get(`${base()}/rounds/${round1.id}/scores.xlsx`)).status).toBe(403);
  });
});

describe('recusals by hand', () => {
  it('lets a judge declare a conflict, and an organiser add and lift one, all audited', async () => {
    const declared = await investor.post(`/api/judging/rounds/${round2.id}/applications/${apps.D}/recusal`, { reason: '曾为该公司提供咨询' });
    expect(declared.status).toBe(200);
    expect((await investor.get<ErrorBody>(`/api/judging/rounds/${round2.id}/applications/${apps.D}`)).status).toBe(403);
    const lifted = await staff.delete<RoundDetail>(`${base()}/rounds/${round2.id}/recusals/${investorId}/${apps.D}`);
    expect(lifted.status).toBe(200);
    expect((await investor.get(`/api/judging/rounds/${round2.id}/applications/${apps.D}`)).status).toBe(200);
    const added = await staff.post<RoundDetail>(`${base()}/rounds/${round2.id}/recusals`, { userId: investorId, applicationId: apps.D, reason: '亲属关系' });
    expect(added.body.entries.find((e) => e.applicationId === apps.D)!.recusals).toMatchObject([{ source: 'organiser', reason: '亲属关系' }]);
    const actions = await sql<{ action: string }>(`select action from audit_log where entity_id = $1 and action like 'judging.recusal_%' order by id`, [round2.id]);
    expect(actions.map((a) => a.action)).toEqual(['judging.recusal_declared', 'judging.recusal_lifted', 'judging.recusal_added']);
  });

  it("answers 404 for another community's round and ids", async () => {
    expect((await alliance.get(`/api/communities/${jiading}/events/${eventId}/rounds/${round1.id}`)).status).toBe(404);
    expect((await alliance.get(`/api/communities/${cmc}/events/${eventId}/rounds/${round1.id}/ranking`)).status).toBe(404);
    expect((await admin.get(`/api/communities/${cmc}/events/${otherEventId}/rounds/${round1.id}`)).status).toBe(404);
  });
});
