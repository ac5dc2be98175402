import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Answer, AnswerList, Challenge, ChallengeInput, ChallengeOptions, ChallengePage, Thread } from '../../../shared/schemas/challenges';
import { signedIn, type Client, type TestApp, startTestApp } from '../../../../test/app';
import { CATALOGUES } from '../../../web/i18n/catalogue';
import { ANSWER_EXISTS, CHALLENGE_CLOSED } from './service';

/** A field message as the API sends it to a zh-CN client: the code translated. */
const msg = (code: string) => (CATALOGUES['zh-CN'] as unknown as { fieldErrors: Record<string, string> }).fieldErrors[code]!;

/**
 * Challenges (需求揭榜): China Medical City's staff post as the park, a startup's representative
 * posts as the company; other users answer; the poster side screens and talks to a team in a
 * private thread. Communities-only challenges and every answer stay hidden from anyone else.
 */

let t: TestApp;
let staff: Client; // staff of China Medical City: posts for the park
let parkAdmin: Client; // admin of China Medical City: also on the poster side
let member: Client; // represents heyao-cell; member of CMC
let investor: Client; // investor in CMC: answers
let provider: Client; // service provider in the Jiading alliance only: not a CMC member
let alliance: Client; // admin of the Jiading alliance: a third party
let admin: Client; // platform admin
let viewer: Client; // viewer in CMC: no pipeline.write
let cmc: string;
let heyao: string;

type ErrorReply = { error: { code: string; fields?: Record<string, string> } };

async function rows<T>(query: string): Promise<T[]> {
  return t.database.withConnection((conn) => conn.rows<T>(query));
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

function challengeBody(fields: Partial<ChallengeInput> = {}): ChallengeInput {
  return {
    posterType: 'community',
    posterId: cmc,
    kind: 'technology',
    titleZh: '类器官药物筛选平台合作(测试)',
    description: '园区希望引入类器官高通量筛选能力,服务园区内创新药企业。',
    requirements: '已有可复现的类器官培养体系',
    offer: '免租实验空间两年',
    budgetFen: 300_000_000,
    segments: ['regenerative_medicine'],
    keywords: ['类器官', 'organoid'],
    deadline: inDays(30),
    ...fields,
  };
}

async function published(client: Client, fields: Partial<ChallengeInput> = {}): Promise<Challenge> {
  const created = await client.post<Challenge>('/api/challenges', challengeBody(fields));
  expect(created.status).toBe(201);
  const res = await client.post<Challenge>(`/api/challenges/${created.body.id}/publish`, { version: created.body.version });
  expect(res.status).toBe(200);
  return res.body;
}

function answerBody(teamName = '类器官测试团队') {
  return {
    teamName,
    summary: '基于患者来源类器官的药敏筛选。',
    approach: '微流控芯片 + 自动化成像。',
    evidence: '已建立 120 例肿瘤类器官库。',
    team: '教授 1 名,博士后 3 名。',
    ip: '两项发明专利申请中',
    resources: '需要 200 平方米实验室',
    timeline: '6 个月完成平台搭建',
    budgetFen: 150_000_000,
  };
}

beforeAll(async () => {
  t = await startTestApp();
  staff = await signedIn(t.app, 'staff@biobridge.demo');
  parkAdmin = await signedIn(t.app, 'park.admin@biobridge.demo');
  member = await signedIn(t.app, 'member@biobridge.demo');
  investor = await signedIn(t.app, 'investor@biobridge.demo');
  provider = await signedIn(t.app, 'provider@biobridge.demo');
  alliance = await signedIn(t.app, 'alliance.admin@biobridge.demo');
  admin = await signedIn(t.app, 'admin@biobridge.demo');
  viewer = await signedIn(t.app, 'viewer@biobridge.demo');
  cmc = staff.communityId('china-medical-city');
  const options = await member.get<ChallengeOptions>('/api/challenges/options');
  heyao = options.body.posters.find((p) => p.type === 'organisation')!.id;
});
afterAll(() => t.close());

describe('posting a challenge', () => {
  it('lets community staff post for the park and a representative for the company; drafts are the poster side’s only', async () => {
    const draft = await staff.post<Challenge>('/api/challenges', challengeBody());
    expect(draft.status).toBe(201);
    expect(draft.body).toMatchObject({ status: 'draft', isPoster: true, poster: { type: 'community', id: cmc, slug: 'china-medical-city' }, answerCounts: { active: 0 } });
    expect((await parkAdmin.get<Challenge>(`/api/challenges/${draft.body.id}`)).body.isPoster).toBe(true);
    expect((await investor.get(`/api/challenges/${draft.body.id}`)).status).toBe(404);
    const mine = await staff.get<ChallengePage>('/api/challenges?mine=true');
    expect(mine.body.items.map((c) => c.id)).toContain(draft.body.id);
    expect((await investor.get<ChallengePage>('/api/challenges')).body.items.map((c) => c.id)).not.toContain(draft.body.id);

    const company = await member.post<Challenge>('/api/challenges', challengeBody({ posterType: 'organisation', posterId: heyao, kind: 'manufacturing' }));
    expect(company.status).toBe(201);
    expect(company.body.poster).toMatchObject({ type: 'organisation', id: heyao });

    const audit = await rows<{ action: string; community_id: string | null }>(`select action, community_id from audit_log where entity_id = '${draft.body.id}'`);
    expect(audit).toEqual([{ action: 'challenge.created', community_id: cmc }]);
    const changes = await rows<{ n: number }>(`select count(*)::int as n from match_changes where entity_type = 'challenge' and entity_id = '${draft.body.id}'`);
    expect(changes[0]!.n).toBe(1);
  });

  it('refuses posters the user may not speak for, with the field', async () => {
    const asViewer = await viewer.post<ErrorReply>('/api/challenges', challengeBody());
    expect([asViewer.status, asViewer.body.error.fields]).toEqual([400, { posterId: msg('challenge_poster_not_allowed') }]);
    const asOther = await investor.post<ErrorReply>('/api/challenges', challengeBody({ posterType: 'organisation', posterId: heyao }));
    expect(asOther.status).toBe(400);
    const noCommunities = await staff.post<ErrorReply>('/api/challenges', challengeBody({ visibility: 'communities', communityIds: [] }));
    expect([noCommunities.status, noCommunities.body.error.fields]).toEqual([400, { communityIds: msg('challenge_communities_required') }]);
    const bad = await staff.post<ErrorReply>('/api/challenges', { ...challengeBody(), titleZh: '', budgetFen: -1 });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields ?? {}).sort()).toEqual(['budgetFen', 'titleZh']);
  });

  it('publishes only with a future deadline, edits with the version, closes and cancels', async () => {
    const draft = (await staff.post<Challenge>('/api/challenges', challengeBody({ deadline: inDays(-1) }))).body;
    const past = await staff.post<ErrorReply>(`/api/challenges/${draft.id}/publish`, { version: draft.version });
    expect([past.status, past.body.error.fields]).toEqual([400, { deadline: msg('challenge_deadline_past') }]);
    const edited = await staff.patch<Challenge>(`/api/challenges/${draft.id}`, { deadline: inDays(10), titleZh: '改过的标题', version: draft.version });
    expect([edited.status, edited.body.titleZh, edited.body.version]).toEqual([200, '改过的标题', 2]);
    const stale = await staff.patch<ErrorReply>(`/api/challenges/${draft.id}`, { titleZh: '过期版本', version: draft.version });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict']);
    expect((await investor.patch(`/api/challenges/${draft.id}`, { titleZh: 'x', version: 2 })).status).toBe(404);
    const open = await staff.post<Challenge>(`/api/challenges/${draft.id}/publish`, { version: 2 });
    expect([open.body.status, open.body.acceptingAnswers]).toEqual(['open', true]);
    expect((await investor.patch(`/api/challenges/${draft.id}`, { titleZh: 'x', version: 3 })).status).toBe(403);
    const closed = await staff.post<Challenge>(`/api/challenges/${draft.id}/close`, { version: 3 });
    expect([closed.body.status, closed.body.acceptingAnswers]).toEqual(['closed', false]);
    const noEdit = await staff.patch<ErrorReply>(`/api/challenges/${draft.id}`, { titleZh: '关闭后', version: 4 });
    expect([noEdit.status, noEdit.body.error.code]).toEqual([409, 'state_conflict']);
    expect((await staff.post<ErrorReply>(`/api/challenges/${draft.id}/cancel`, { version: 4 })).status).toBe(409);
  });
});

describe('visibility', () => {
  it('hides a communities-only challenge from non-members: list, detail, answer → 404', async () => {
    const c = await published(staff, { visibility: 'communities', communityIds: [cmc], titleZh: '仅医药城可见的需求' });
    expect((await investor.get(`/api/challenges/${c.id}`)).status).toBe(200);
    expect((await provider.get(`/api/challenges/${c.id}`)).status).toBe(404);
    expect((await provider.get<ChallengePage>('/api/challenges?q=仅医药城可见')).body.items).toEqual([]);
    expect((await investor.get<ChallengePage>('/api/challenges?q=仅医药城可见')).body.items.map((x) => x.id)).toEqual([c.id]);
    expect((await provider.post(`/api/challenges/${c.id}/answers`, answerBody())).status).toBe(404);
    expect((await provider.get(`/api/challenges/${c.id}/answers`)).status).toBe(404);

    const retitled = await staff.patch<Challenge>(`/api/challenges/${c.id}`, { titleZh: '仅医药城可见的需求(改)', version: c.version });
    expect([retitled.status, retitled.body.communities.map((x) => x.id)]).toEqual([200, [cmc]]);
    const jiading = alliance.communityId('jiading-biomed-alliance');
    const foreign = await staff.patch<ErrorReply>(`/api/challenges/${c.id}`, { communityIds: [cmc, jiading], version: retitled.body.version });
    expect([foreign.status, foreign.body.error.fields]).toEqual([400, { communityIds: msg('challenge_community_unknown') }]);
    const emptied = await staff.patch<ErrorReply>(`/api/challenges/${c.id}`, { communityIds: [], version: retitled.body.version });
    expect([emptied.status, emptied.body.error.fields]).toEqual([400, { communityIds: msg('challenge_communities_required') }]);
  });

  it('finds challenges by related terms of the thesaurus and by traditional spelling', async () => {
    const c = await published(staff, { titleZh: 'CAR-T 封闭式工艺需求(同义词测试)', description: '寻求自动化制备设备。', keywords: [] });
    const ids = async (q: string) => (await provider.get<ChallengePage>(`/api/challenges?q=${encodeURIComponent(q)}`)).body.items.map((x) => x.id);
    expect(await ids('免疫细胞治疗')).toContain(c.id);
    expect(await ids('封閉式工藝')).toContain(c.id);
    expect(await ids('类器官同义词不存在的词')).not.toContain(c.id);
  });

  it('shows a public challenge to everyone signed in, and nothing to the anonymous', async () => {
    const c = await published(staff, { titleZh: '公开的需求' });
    expect((await provider.get(`/api/challenges/${c.id}`)).status).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `/api/challenges/${c.id}` })).statusCode).toBe(401);
  });
});

describe('answering', () => {
  it('takes one answer per user, before the deadline only', async () => {
    const c = await published(staff);
    const first = await investor.post<Answer>(`/api/challenges/${c.id}/answers`, answerBody());
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ side: 'team', stage: 'submitted', status: 'active', editable: true, budgetFen: 150_000_000 });
    expect(first.body.screeningNote).toBeUndefined();
    const second = await investor.post<ErrorReply>(`/api/challenges/${c.id}/answers`, answerBody('第二次'));
    expect([second.status, second.body.error.code]).toEqual([409, ANSWER_EXISTS]);
    const own = await staff.post(`/api/challenges/${c.id}/answers`, answerBody());
    expect(own.status).toBe(403);
    const missing = await provider.post<ErrorReply>(`/api/challenges/${c.id}/answers`, { ...answerBody(), approach: '' });
    expect([missing.status, Object.keys(missing.body.error.fields ?? {})]).toEqual([400, ['approach']]);
    const notMine = await provider.post<ErrorReply>(`/api/challenges/${c.id}/answers`, { ...answerBody(), organisationId: heyao });
    expect([notMine.status, notMine.body.error.fields]).toEqual([400, { organisationId: msg('answer_organisation_not_represented') }]);

    const edited = await investor.patch<Answer>(`/api/challenges/${c.id}/answers/${first.body.id}`, { summary: '修改后的概述', version: 1 });
    expect([edited.status, edited.body.summary, edited.body.version]).toEqual([200, '修改后的概述', 2]);

    await t.database.withConnection((conn) => conn.rows(`update challenges set deadline = now() - interval '1 minute' where id = '${c.id}'`));
    const late = await provider.post<ErrorReply>(`/api/challenges/${c.id}/answers`, answerBody('迟到团队'));
    expect([late.status, late.body.error.code]).toEqual([409, CHALLENGE_CLOSED]);
    const lateEdit = await investor.patch<ErrorReply>(`/api/challenges/${c.id}/answers/${first.body.id}`, { summary: '截止后', version: 2 });
    expect([lateEdit.status, lateEdit.body.error.code]).toEqual([409, CHALLENGE_CLOSED]);
    const view = await provider.get<Challenge>(`/api/challenges/${c.id}`);
    expect([view.body.status, view.body.acceptingAnswers]).toEqual(['open', false]);
    expect((await provider.get<ChallengePage>('/api/challenges?status=closed')).body.items.map((x) => x.id)).toContain(c.id);
    expect((await provider.get<ChallengePage>('/api/challenges?status=open')).body.items.map((x) => x.id)).not.toContain(c.id);
  });

  it('lists my answers and lets me withdraw', async () => {
    const c = await published(staff, { titleZh: '撤回测试' });
    const a = (await provider.post<Answer>(`/api/challenges/${c.id}/answers`, answerBody('撤回团队'))).body;
    const mine = await provider.get<Answer[]>('/api/me/answers');
    expect(mine.body.map((x) => x.id)).toContain(a.id);
    const gone = await provider.post<Answer>(`/api/challenges/${c.id}/answers/${a.id}/withdraw`, { version: a.version });
    expect(gone.body.status).toBe('withdrawn');
    const list = await staff.get<AnswerList>(`/api/challenges/${c.id}/answers`);
    expect(list.body.counts).toMatchObject({ withdrawn: 1, active: 0 });
  });
});

describe('screening', () => {
  let c: Challenge;
  let a: Answer;

  beforeAll(async () => {
    c = await published(member, { posterType: 'organisation', posterId: heyao, titleZh: '筛选测试需求' });
    a = (await investor.post<Answer>(`/api/challenges/${c.id}/answers`, answerBody('筛选团队'))).body;
  });

  it('moves forward, back with a note, declines with a reason and reopens; each move is an event and an e-mail', async () => {
    const q1 = await member.post<Answer>(`/api/challenges/${c.id}/answers/${a.id}/screen`, { toStage: 'qualified', note: '材料齐全', screeningNote: '内部:技术路线可信', version: a.version });
    expect([q1.status, q1.body.stage, q1.body.screeningNote]).toEqual([200, 'qualified', '内部:技术路线可信']);
    const s = await member.post<Answer>(`/api/challenges/${c.id}/answers/${a.id}/screen`, { toStage: 'shortlisted', version: q1.body.version });
    expect(s.body.stage).toBe('shortlisted');
    const backNoNote = await member.post<ErrorReply>(`/api/challenges/${c.id}/answers/${a.id}/screen`, { toStage: 'qualified', version: s.body.version });
    expect([backNoNote.status, backNoNote.body.error.fields]).toEqual([400, { note: msg('challenge_move_back_note_required') }]);
    const twoBack = await member.post<ErrorReply>(`/api/challenges/${c.id}/answers/${a.id}/screen`, { toStage: 'submitted', note: '退两步', version: s.body.version });
    expect([twoBack.status, twoBack.body.error.fields]).toEqual([400, { toStage: msg('challenge_stage_move_invalid') }]);
    const back = await member.post<Answer>(`/api/challenges/${c.id}/answers/${a.id}/screen`, { toStage: 'qualified', note: '需补充数据', version: s.body.version });
    expect(back.body.stage).toBe('qualified');
    const noReason = await member.post<ErrorReply>(`/api/challenges/${c.id}/answers/${a.id}/screen`, { toStage: 'decline', version: back.body.version });
    expect(noReason.body.error.fields).toEqual({ reason: msg('challenge_decline_reason_required') });
    const declined = await member.post<Answer>(`/api/challenges/${c.id}/answers/${a.id}/screen`, { toStage: 'decline', reason: '本轮方向不符', version: back.body.version });
    expect([declined.body.status, declined.body.declineReason]).toEqual(['declined', '本轮方向不符']);
    const reopened = await member.post<Answer>(`/api/challenges/${c.id}/answers/${a.id}/screen`, { toStage: 'reopen', version: declined.body.version });
    expect([reopened.body.status, reopened.body.stage]).toEqual(['active', 'qualified']);
    expect(reopened.body.events!.map((e) => [e.kind, e.fromStage, e.toStage])).toEqual([
      ['submitted', null, 'submitted'],
      ['advanced', 'submitted', 'qualified'],
      ['advanced', 'qualified', 'shortlisted'],
      ['moved_back', 'shortlisted', 'qualified'],
      ['declined', 'qualified', 'qualified'],
      ['reopened', 'qualified', 'qualified'],
    ]);
    expect(reopened.body.events!.every((e) => e.actor !== null)).toBe(true);

    const mails = await rows<{ template: string; recipient: string; locale: string; payload: { stage: string; declined: boolean } }>(
      `select template, recipient, locale, payload from outbox where template = 'challenge_answer_screened' and payload->>'link' like '%${a.id}' order by created_at, id`,
    );
    expect(mails.map((m) => [m.recipient, m.payload.stage, m.payload.declined])).toEqual([
      ['investor@biobridge.demo', 'qualified', false],
      ['investor@biobridge.demo', 'shortlisted', false],
      ['investor@biobridge.demo', 'qualified', false],
      ['investor@biobridge.demo', 'qualified', true],
      ['investor@biobridge.demo', 'qualified', false],
    ]);
    const audit = await rows<{ n: number }>(`select count(*)::int as n from audit_log where entity_id = '${a.id}' and action = 'challenge_answer.screened'`);
    expect(audit[0]!.n).toBe(5);
  });

  it('shows the team its stage and history but never the screening note or the screeners’ notes', async () => {
    const team = await investor.get<Answer>(`/api/challenges/${c.id}/answers/${a.id}`);
    expect(team.status).toBe(200);
    expect(team.body.side).toBe('team');
    expect(team.body.stage).toBe('qualified');
    expect('screeningNote' in team.body).toBe(false);
    expect(JSON.stringify(team.body)).not.toContain('内部:技术路线可信');
    expect(JSON.stringify(team.body)).not.toContain('需补充数据');
    expect(team.body.events!.find((e) => e.kind === 'declined')!.note).toBe('本轮方向不符');
    expect(team.body.events!.every((e) => e.actor === null)).toBe(true);
    const mine = await investor.get<Answer[]>('/api/me/answers');
    expect(JSON.stringify(mine.body)).not.toContain('内部:技术路线可信');
    const poster = await member.get<AnswerList>(`/api/challenges/${c.id}/answers`);
    expect(poster.body.counts).toMatchObject({ qualified: 1, active: 1 });
    expect(poster.body.items[0]!.screeningNote).toBe('内部:技术路线可信');
    expect((await member.get<AnswerList>(`/api/challenges/${c.id}/answers?stage=chosen`)).body.items).toEqual([]);
  });

  it('keeps answers from everyone else, platform admins included', async () => {
    for (const other of [provider, alliance, admin, viewer]) {
      expect((await other.get(`/api/challenges/${c.id}/answers/${a.id}`)).status).toBe(404);
    }
    expect((await admin.get(`/api/challenges/${c.id}/answers`)).status).toBe(403);
    expect((await investor.get(`/api/challenges/${c.id}/answers`)).status).toBe(403);
    expect((await investor.post(`/api/challenges/${c.id}/answers/${a.id}/screen`, { toStage: 'chosen', version: 99 })).status).toBe(403);
  });

  it('lets one of two screeners at once win; the other gets version_conflict', async () => {
    const now = (await member.get<Answer>(`/api/challenges/${c.id}/answers/${a.id}`)).body;
    const [x, y] = await Promise.all([
      member.post(`/api/challenges/${c.id}/answers/${a.id}/screen`, { toStage: 'shortlisted', version: now.version }),
      member.post(`/api/challenges/${c.id}/answers/${a.id}/screen`, { toStage: 'finalist', version: now.version }),
    ]);
    expect([x.status, y.status].sort()).toEqual([200, 409]);
    const loser = (x.status === 409 ? x : y).body as ErrorReply;
    expect(loser.error.code).toBe('version_conflict');
    const after = (await member.get<Answer>(`/api/challenges/${c.id}/answers/${a.id}`)).body;
    expect(after.version).toBe(now.version + 1);
  });
});

describe('the private thread', () => {
  it('is started by the poster side, answered by the team, closed to everyone else, and e-mails the other side', async () => {
    const c = await published(staff, { titleZh: '留言测试需求' });
    const a = (await investor.post<Answer>(`/api/challenges/${c.id}/answers`, answerBody('留言团队'))).body;
    const early = await investor.post<ErrorReply>(`/api/challenges/${c.id}/answers/${a.id}/messages`, { body: '我们先说两句' });
    expect([early.status, early.body.error.code]).toEqual([409, 'state_conflict']);
    expect((await investor.get<Thread>(`/api/challenges/${c.id}/answers/${a.id}/messages`)).body).toEqual({ items: [], canWrite: false });

    const first = await staff.post<Thread>(`/api/challenges/${c.id}/answers/${a.id}/messages`, { body: '想约下周线上交流' });
    expect(first.status).toBe(201);
    expect(first.body.items.map((m) => [m.side, m.body, m.mine])).toEqual([['poster', '想约下周线上交流', true]]);
    const reply = await investor.post<Thread>(`/api/challenges/${c.id}/answers/${a.id}/messages`, { body: '周三下午可以' });
    expect(reply.body.items.map((m) => m.side)).toEqual(['poster', 'team']);
    expect(reply.body.canWrite).toBe(true);
    expect((await parkAdmin.get<Thread>(`/api/challenges/${c.id}/answers/${a.id}/messages`)).body.items).toHaveLength(2);
    for (const other of [alliance, provider, admin, viewer]) {
      expect((await other.get(`/api/challenges/${c.id}/answers/${a.id}/messages`)).status).toBe(404);
      expect((await other.post(`/api/challenges/${c.id}/answers/${a.id}/messages`, { body: '插话' })).status).toBe(404);
    }
    expect((await staff.post(`/api/challenges/${c.id}/answers/${a.id}/messages`, { body: '   ' })).status).toBe(400);

    const mails = await rows<{ recipient: string; payload: { fromPoster: boolean } }>(
      `select recipient, payload from outbox where template = 'challenge_message' and payload->>'link' like '%${a.id}' order by created_at, id`,
    );
    expect(mails.map((m) => [m.recipient, m.payload.fromPoster])).toEqual([
      ['investor@biobridge.demo', true],
      ['staff@biobridge.demo', false],
    ]);
  });
});
