import ExcelJS from 'exceljs';
import { generateNKeysBetween } from 'fractional-indexing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Activity, Conversion, ItemPage, Pipeline, PipelineItemDetail, Reminder } from '../../../shared/schemas/pipelines';
import { fieldMessage } from '../../http/messages';
import { signedIn, startTestApp, type Client, type TestApp } from '../../../../test/app';
import { createOrganisation, createProject, signInEach } from '../directory/directory.fixtures';

type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

let t: TestApp;
let admin: Client; // community admin, China Medical City (staff at the Taizhou centre)
let staff: Client; // staff, China Medical City
let colleague: Client; // another staff member of China Medical City
let member: Client; // member, China Medical City
let viewer: Client; // viewer, China Medical City
let alliance: Client; // admin, Jiading alliance
let cmc: string;
let jiading: string;
let taizhou: string;

beforeAll(async () => {
  t = await startTestApp();
  [admin, staff, member, viewer, alliance] = await signInEach(t.app, ['park.admin', 'staff', 'member', 'viewer', 'alliance.admin']);
  colleague = await signedIn(t.app, 'haoran.qian@biobridge.demo');
  cmc = staff.communityId('china-medical-city');
  jiading = alliance.communityId('jiading-biomed-alliance');
  taizhou = admin.communityId('taizhou-shanghai-centre');
});
afterAll(() => t.close());

const P = (community: string) => `/api/communities/${community}/pipelines`;
const I = (community: string, itemId: string, rest = '') => `/api/communities/${community}/pipeline-items/${itemId}${rest}`;
/** The field message for a key, in the demo accounts' language (zh-CN): the key itself until a text exists. */
const msg = (key: string) => fieldMessage('zh-CN', key);

async function sqlRows<T>(query: string): Promise<T[]> {
  return t.database.withConnection((c) => c.rows<T>(query));
}
async function counts(itemId: string) {
  const [row] = await sqlRows<{ audit: number; events: number; version: number | null; activities: number }>(
    `select (select count(*)::int from audit_log where community_id = '${cmc}') as audit,
            (select count(*)::int from pipeline_item_events where item_id = '${itemId}') as events,
            (select count(*)::int from pipeline_activities where item_id = '${itemId}') as activities,
            (select version from pipeline_items where id = '${itemId}') as version`,
  );
  return row!;
}
const shanghaiDay = (offsetDays = 0) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() + offsetDays * 86_400_000));

async function newPipeline(name = `招商管道${Math.random().toString(36).slice(2, 7)}`, extra: Record<string, unknown> = {}) {
  const res = await admin.post<Pipeline>(P(cmc), { kind: 'attraction', nameZh: name, ...extra });
  expect(res.status).toBe(201);
  return res.body;
}
async function newItem(pipeline: Pipeline, fields: Record<string, unknown> = {}, as: Client = staff) {
  const res = await as.post<PipelineItemDetail>(`${P(cmc)}/${pipeline.id}/items`, { title: '抗体药物项目', ...fields });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}
async function column(pipeline: Pipeline, stageId: string, as: Client = staff) {
  const res = await as.get<ItemPage>(`${P(cmc)}/${pipeline.id}/items?stageId=${stageId}&limit=200`);
  expect(res.status).toBe(200);
  return res.body.items;
}
const stage = (p: Pipeline, code: string) => p.stages.find((s) => s.code === code)!.id;

describe('pipelines', () => {
  it("creates a 招商 pipeline with the kind's standard stages, for admins only", async () => {
    const p = await newPipeline('2026 招商');
    expect(p.stages.map((s) => [s.code, s.position, s.probability, s.action])).toEqual([
      ['lead', 0, 10, 'none'],
      ['contacted', 1, 20, 'none'],
      ['site_visit', 2, 35, 'none'],
      ['negotiation', 3, 50, 'none'],
      ['agreement_signed', 4, 70, 'agreement'],
      ['registered', 5, 85, 'none'],
      ['moved_in', 6, 95, 'landing'],
      ['producing', 7, 100, 'none'],
    ]);
    expect(p.stages[0]!.nameZh).toBe('线索');
    expect(p.summary.map((s) => s.openCount)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
    expect([p.kind, p.version, p.archived, p.lostCount]).toEqual(['attraction', 1, false, 0]);
    const incubation = await admin.post<Pipeline>(P(cmc), { kind: 'incubation', nameZh: '孵化入驻' });
    expect(incubation.body.stages.map((s) => s.code)).toEqual(['application', 'screening', 'roadshow', 'admission_agreed', 'admitted', 'graduated']);

    expect((await staff.post(P(cmc), { kind: 'attraction', nameZh: 'x' })).status).toBe(403);
    expect((await member.get(P(cmc))).status).toBe(403);
    expect((await viewer.get(`${P(cmc)}/${p.id}`)).status).toBe(403);
    expect((await alliance.get(P(cmc))).status).toBe(404);
    expect((await alliance.get(`${P(jiading)}/${p.id}`)).status).toBe(404);
    expect((await staff.get<Pipeline>(`${P(cmc)}/${p.id}`)).body.id).toBe(p.id);
  });

  it('takes its own stages, with unique codes and valid fields', async () => {
    const custom = await admin.post<Pipeline>(P(cmc), {
      kind: 'other',
      nameZh: '专项',
      stages: [
        { code: 'first', nameZh: '一', probability: 10 },
        { code: 'second', nameZh: '二', nameEn: 'Two', probability: 90, action: 'landing' },
      ],
    });
    expect(custom.status).toBe(201);
    expect(custom.body.stages.map((s) => [s.code, s.nameEn, s.action])).toEqual([
      ['first', null, 'none'],
      ['second', 'Two', 'landing'],
    ]);
    const before = (await counts('00000000-0000-4000-8000-000000000000')).audit;
    const dup = await admin.post<ErrorBody>(P(cmc), {
      kind: 'other',
      nameZh: '重复',
      stages: [
        { code: 'same', nameZh: '一', probability: 10 },
        { code: 'same', nameZh: '二', probability: 20 },
      ],
    });
    expect([dup.status, dup.body.error.fields]).toEqual([400, { 'stages.1.code': msg('pipeline_duplicate_code') }]);
    const bad = await admin.post<ErrorBody>(P(cmc), { kind: 'nope', nameZh: '', stages: [{ code: 'A b', nameZh: 'x', probability: 101 }] });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields ?? {}).sort()).toEqual(['kind', 'nameZh', 'stages', 'stages.0.code', 'stages.0.probability']);
    expect((await counts('00000000-0000-4000-8000-000000000000')).audit).toBe(before);
  });

  it('lists non-archived pipelines first, archived ones only when asked', async () => {
    const p = await newPipeline('将归档');
    const archived = await admin.patch<Pipeline>(`${P(cmc)}/${p.id}`, { version: 1, archived: true });
    expect([archived.status, archived.body.archived, archived.body.version]).toEqual([200, true, 2]);
    const list = await staff.get<Pipeline[]>(P(cmc));
    expect(list.body.map((x) => x.id)).not.toContain(p.id);
    const all = await staff.get<Pipeline[]>(`${P(cmc)}?archived=true`);
    expect(all.body.map((x) => x.id)).toContain(p.id);
    expect(all.body.at(-1)!.archived).toBe(true);
    expect(all.body.findIndex((x) => x.archived)).toBe(all.body.length - all.body.filter((x) => x.archived).length);
    // No new items on an archived pipeline.
    const add = await staff.post<ErrorBody>(`${P(cmc)}/${p.id}/items`, { title: 'x' });
    expect([add.status, Object.keys(add.body.error.fields ?? {})]).toEqual([400, ['pipelineId']]);
    // A stale version changes nothing.
    const stale = await admin.patch<ErrorBody>(`${P(cmc)}/${p.id}`, { version: 1, nameZh: '旧版本' });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict']);
    expect((await staff.get<Pipeline>(`${P(cmc)}/${p.id}`)).body.nameZh).toBe('将归档');
    expect((await staff.patch(`${P(cmc)}/${p.id}`, { version: 2, nameZh: '员工' })).status).toBe(403);
  });

  it('replaces the stage list: keeps, renames, reorders, adds and removes stages, but not one holding items', async () => {
    const p = await newPipeline();
    const item = await newItem(p, { stageId: stage(p, 'negotiation') });
    const lostOne = await newItem(p, { stageId: stage(p, 'registered') });
    expect((await staff.post(I(cmc, lostOne.id, '/lose'), { version: 1, reason: 'duplicate' })).status).toBe(200);
    const keep = p.stages.filter((s) => !['site_visit', 'producing'].includes(s.code));
    // Swap the codes of the first two (unique index mid-update), move negotiation first, add one.
    const stages = [
      { id: stage(p, 'negotiation'), code: 'negotiation', nameZh: '商务谈判', probability: 55 },
      { id: keep[1]!.id, code: 'lead', nameZh: '线索(改)', probability: 12 },
      { id: keep[0]!.id, code: 'contacted', nameZh: '接洽(改)', probability: 22 },
      ...keep.slice(3).map((s) => ({ id: s.id, code: s.code, nameZh: s.nameZh, nameEn: s.nameEn, probability: s.probability, action: s.action })),
      { code: 'operating', nameZh: '运营', probability: 100 },
    ];
    const res = await admin.patch<Pipeline>(`${P(cmc)}/${p.id}`, { version: 1, stages });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.stages.map((s) => `${s.position}:${s.code}:${s.probability}`)).toEqual([
      '0:negotiation:55',
      '1:lead:12',
      '2:contacted:22',
      '3:agreement_signed:70',
      '4:registered:85',
      '5:moved_in:95',
      '6:operating:100',
    ]);
    expect(res.body.stages[0]!.id).toBe(stage(p, 'negotiation'));
    expect(res.body.stages[1]!.id).toBe(keep[1]!.id);
    expect(res.body.summary[0]!.openCount).toBe(1);
    expect((await staff.get<PipelineItemDetail>(I(cmc, item.id))).body.stageId).toBe(stage(p, 'negotiation'));

    // Removing a stage that holds an item (open or lost) is refused, and nothing changes.
    const p2 = res.body;
    const audit = (await counts(item.id)).audit;
    for (const gone of ['negotiation', 'registered']) {
      const without = p2.stages.filter((s) => s.code !== gone).map((s) => ({ id: s.id, code: s.code, nameZh: s.nameZh, probability: s.probability }));
      const refused = await admin.patch<ErrorBody>(`${P(cmc)}/${p.id}`, { version: 2, stages: without });
      expect([refused.status, refused.body.error.code]).toEqual([409, 'stage_in_use']);
    }
    const after = await staff.get<Pipeline>(`${P(cmc)}/${p.id}`);
    expect([after.body.version, after.body.stages.length]).toEqual([2, 7]);
    expect((await counts(item.id)).audit).toBe(audit);

    const unknown = await admin.patch<ErrorBody>(`${P(cmc)}/${p.id}`, {
      version: 2,
      stages: [
        { id: item.id, code: 'a', nameZh: 'a', probability: 1 },
        { code: 'b', nameZh: 'b', probability: 2 },
      ],
    });
    expect([unknown.status, unknown.body.error.fields]).toEqual([400, { 'stages.0.id': msg('unknown_stage') }]);
  });
});

describe('items', () => {
  it('adds items at the end of a column, owned by whoever adds them unless named, with refs checked', async () => {
    const p = await newPipeline();
    const org = await createOrganisation(staff, cmc, { nameZh: '苏州康源生物科技有限公司' });
    const project = await createProject(staff, cmc, { nameZh: '康源双抗' });
    const a = await newItem(p, { organisationId: org.id, projectId: project.id, expectedInvestmentFen: 50_000_000_00, expectedAreaSqm: 1200, nextAction: '约见', nextActionOn: '2030-01-01' });
    expect(a.stageId).toBe(stage(p, 'lead'));
    expect(a.owner?.displayName).toBe('王磊');
    expect(a.organisation).toEqual({ entityType: 'organisation', id: org.id, nameZh: '苏州康源生物科技有限公司', nameEn: null });
    expect(a.project?.nameZh).toBe('康源双抗');
    expect([a.probability, a.probabilityOverride, a.version, a.source, a.overdue]).toEqual([10, null, 1, 'direct', false]);
    expect(a.history.map((h) => [h.kind, h.toStageId, h.actor?.displayName])).toEqual([['created', a.stageId, '王磊']]);
    expect([a.agreementIds, a.landingId, a.referralId]).toEqual([[], null, null]);
    const b = await newItem(p, { ownerUserId: null, probability: 40 });
    expect([b.owner, b.probability, b.probabilityOverride]).toEqual([null, 40, 40]);
    expect(b.rank > a.rank).toBe(true);

    const members = await admin.get<{ items: { userId: string; role: string }[] }>(`/api/communities/${cmc}/members?limit=200`);
    const memberId = members.body.items.find((m) => m.role === 'member')!.userId;
    // A project the acting user may not see: a Taizhou project, visible to Taizhou's members only.
    const hidden = await createProject(admin, taizhou, { nameZh: '泰州保密项目' });
    const before = await counts(a.id);
    const bad = await staff.post<ErrorBody>(`${P(cmc)}/${p.id}/items`, {
      title: '坏',
      ownerUserId: memberId,
      projectId: hidden.id,
      organisationId: '00000000-0000-4000-8000-000000000001',
      stageId: stage(p, 'lead'),
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({
      ownerUserId: msg('pipeline_owner_not_staff'),
      projectId: msg('pipeline_project_unknown'),
      organisationId: msg('pipeline_organisation_unknown'),
    });
    const badStage = await staff.post<ErrorBody>(`${P(cmc)}/${p.id}/items`, { title: '坏', stageId: a.id });
    expect([badStage.status, badStage.body.error.fields]).toEqual([400, { stageId: msg('unknown_stage') }]);
    const invalid = await staff.post<ErrorBody>(`${P(cmc)}/${p.id}/items`, { title: '', expectedInvestmentFen: -1, extra: 1 });
    expect(invalid.status).toBe(400);
    expect(Object.keys(invalid.body.error.fields ?? {}).sort()).toEqual(['expectedInvestmentFen', 'extra', 'title']);
    expect((await counts(a.id)).audit).toBe(before.audit);
    expect((await column(p, stage(p, 'lead'))).length).toBe(2);

    for (const c of [member, viewer]) expect((await c.post(`${P(cmc)}/${p.id}/items`, { title: 'x' })).status).toBe(403);
    expect((await alliance.post(`${P(jiading)}/${p.id}/items`, { title: 'x' })).status).toBe(404);
    expect((await alliance.get(I(jiading, a.id))).status).toBe(404);
    expect((await member.get(I(cmc, a.id))).status).toBe(403);

    // The admin (who may see the Taizhou project) links it; staff see the item without it.
    const linked = await newItem(p, { title: '泰州转来', projectId: hidden.id }, admin);
    expect(linked.project?.nameZh).toBe('泰州保密项目');
    const seen = await staff.get<PipelineItemDetail>(I(cmc, linked.id));
    expect(seen.body.project).toBeNull();
    expect(JSON.stringify((await staff.get(`${P(cmc)}/${p.id}/items`)).body)).not.toContain('泰州保密项目');
    // Searching by its name finds nothing for staff, the item for the admin.
    expect((await staff.get<ItemPage>(`${P(cmc)}/${p.id}/items?q=${encodeURIComponent('保密')}`)).body.total).toBe(0);
    expect((await admin.get<ItemPage>(`${P(cmc)}/${p.id}/items?q=${encodeURIComponent('保密')}`)).body.items.map((i) => i.id)).toEqual([linked.id]);
    // Editing another field of the item keeps the hidden project.
    const edited = await staff.patch<PipelineItemDetail>(I(cmc, linked.id), { version: 1, title: '泰州转来(跟进)' });
    expect(edited.status).toBe(200);
    const [row] = await sqlRows<{ project_id: string }>(`select project_id from pipeline_items where id = '${linked.id}'`);
    expect(row!.project_id).toBe(hidden.id);
  });

  it('edits items with the version, and a stale version changes nothing', async () => {
    const p = await newPipeline();
    const item = await newItem(p);
    const res = await staff.patch<PipelineItemDetail>(I(cmc, item.id), { version: 1, title: '改后', expectedInvestmentFen: 1000, probability: 33, ownerUserId: null, nextActionOn: null });
    expect([res.status, res.body.title, res.body.version, res.body.probability, res.body.owner]).toEqual([200, '改后', 2, 33, null]);
    const before = await counts(item.id);
    const stale = await staff.patch<ErrorBody>(I(cmc, item.id), { version: 1, title: '旧' });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict']);
    expect(await counts(item.id)).toEqual(before);
    expect((await staff.patch(I(cmc, item.id), { version: 2, stageId: stage(p, 'contacted') })).status).toBe(400);
    const [audit] = await sqlRows<{ action: string; changes: unknown }>(`select action, changes from audit_log where entity_id = '${item.id}' and action = 'pipeline_item.updated'`);
    expect(audit!.action).toBe('pipeline_item.updated');
    expect(JSON.stringify(audit!.changes)).toContain('改后');
  });

  it('pages a column by keyset, filters and sorts the table', async () => {
    const p = await newPipeline();
    const lead = stage(p, 'lead');
    const made: PipelineItemDetail[] = [];
    for (let i = 0; i < 7; i++) made.push(await newItem(p, { title: `项目${i}`, expectedInvestmentFen: (i % 3) * 100, nextActionOn: i === 2 ? shanghaiDay(-3) : null }));
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `${P(cmc)}/${p.id}/items?stageId=${lead}&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await staff.get<ItemPage>(url);
      expect(page.status).toBe(200);
      expect(page.body.total).toBe(7);
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toEqual(made.map((m) => m.id));

    const byMoney = await staff.get<ItemPage>(`${P(cmc)}/${p.id}/items?sort=investment&limit=2`);
    const next = await staff.get<ItemPage>(`${P(cmc)}/${p.id}/items?sort=investment&limit=10&cursor=${byMoney.body.nextCursor}`);
    const amounts = [...byMoney.body.items, ...next.body.items].map((i) => i.expectedInvestmentFen);
    expect(amounts).toEqual([200, 200, 100, 100, 0, 0, 0]);
    for (const sort of ['updated', 'next_action', 'stage_age']) {
      const all: string[] = [];
      let c: string | null = null;
      do {
        const page: { body: ItemPage } = await staff.get<ItemPage>(`${P(cmc)}/${p.id}/items?sort=${sort}&limit=2${c ? `&cursor=${c}` : ''}`);
        all.push(...page.body.items.map((i) => i.id));
        c = page.body.nextCursor;
      } while (c);
      expect(new Set(all).size, sort).toBe(7);
    }
    const overdue = await staff.get<ItemPage>(`${P(cmc)}/${p.id}/items?overdue=true`);
    expect(overdue.body.items.map((i) => [i.id, i.overdue])).toEqual([[made[2]!.id, true]]);
    expect((await staff.get<ItemPage>(`${P(cmc)}/${p.id}/items?overdue=false`)).body.total).toBe(6);
    expect((await staff.get<ItemPage>(`${P(cmc)}/${p.id}/items?q=${encodeURIComponent('项目5')}`)).body.items.map((i) => i.id)).toEqual([made[5]!.id]);
    expect((await staff.get<ItemPage>(`${P(cmc)}/${p.id}/items?q=${encodeURIComponent('%')}`)).body.total).toBe(0);
    const staffId = made[0]!.owner!.userId;
    expect((await staff.get<ItemPage>(`${P(cmc)}/${p.id}/items?ownerUserId=${staffId}`)).body.total).toBe(7);

    const wrongCursor = await staff.get<ErrorBody>(`${P(cmc)}/${p.id}/items?sort=updated&cursor=${byMoney.body.nextCursor}`);
    expect([wrongCursor.status, wrongCursor.body.error.fields]).toEqual([400, { cursor: msg('invalid_cursor') }]);
    expect((await staff.get(`${P(cmc)}/${p.id}/items?cursor=garbage`)).status).toBe(400);
    expect((await staff.get(`${P(cmc)}/${p.id}/items?limit=201`)).status).toBe(400);
    expect((await member.get(`${P(cmc)}/${p.id}/items`)).status).toBe(403);
    expect((await alliance.get(`${P(jiading)}/${p.id}/items`)).status).toBe(404);

    // Money and area totals per column, plain and weighted by probability.
    await staff.patch(I(cmc, made[1]!.id), { version: 1, probability: 50, expectedAreaSqm: 300 });
    const summary = (await staff.get<Pipeline>(`${P(cmc)}/${p.id}`)).body.summary[0]!;
    // 0+100+200+0+100+200+0 = 600; weighted: 10% of everything but item 1 (100 at 50%) = 50 + 10% of 500 = 100.
    expect(summary).toEqual({ stageId: lead, openCount: 7, expectedInvestmentFen: 600, weightedInvestmentFen: 100, expectedAreaSqm: 300 });
  });
});

describe('a column of 500', () => {
  it('loads 200 cards at a time in rank order, and a drop in the middle lands there', async () => {
    const p = await newPipeline('五百张卡');
    const lead = stage(p, 'lead');
    const ranks = generateNKeysBetween(null, null, 500);
    const values = ranks.map((r, i) => `('${cmc}', '${p.id}', '${lead}', '卡片${String(i).padStart(3, '0')}', '${r}')`).join(',');
    await t.database.withConnection((c) => c.exec(`insert into pipeline_items (community_id, pipeline_id, stage_id, title, rank) values ${values}`));
    const titles: string[] = [];
    const sizes: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: ItemPage } = await staff.get<ItemPage>(`${P(cmc)}/${p.id}/items?stageId=${lead}&limit=200${cursor ? `&cursor=${cursor}` : ''}`);
      expect(page.body.total).toBe(500);
      sizes.push(page.body.items.length);
      titles.push(...page.body.items.map((i) => i.title));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([200, 200, 100]);
    expect(titles).toEqual(ranks.map((_, i) => `卡片${String(i).padStart(3, '0')}`));
    expect((await staff.get<Pipeline>(`${P(cmc)}/${p.id}`)).body.summary[0]!.openCount).toBe(500);

    const [after, before] = await sqlRows<{ id: string }>(`select id from pipeline_items where pipeline_id = '${p.id}' and title in ('卡片249', '卡片250') order by title`);
    const dropped = await newItem(p, { title: '插入', stageId: stage(p, 'contacted') });
    const res = await staff.post(I(cmc, dropped.id, '/move'), { version: 1, stageId: lead, afterId: after!.id, beforeId: before!.id, reason: '退回线索' });
    expect(res.status).toBe(200);
    const page2 = await staff.get<ItemPage>(`${P(cmc)}/${p.id}/items?stageId=${lead}&limit=200&cursor=${(await staff.get<ItemPage>(`${P(cmc)}/${p.id}/items?stageId=${lead}&limit=200`)).body.nextCursor}`);
    expect(page2.body.items.slice(48, 52).map((i) => i.title)).toEqual(['卡片248', '卡片249', '插入', '卡片250']);
  });
});

describe('moves', () => {
  it('advances, skips and rolls back with history; a rollback needs a reason; a reorder is no history event', async () => {
    const p = await newPipeline();
    const item = await newItem(p);
    const enteredAt = item.stageEnteredAt;
    const adv = await staff.post<PipelineItemDetail>(I(cmc, item.id, '/move'), { version: 1, stageId: stage(p, 'contacted') });
    expect([adv.status, adv.body.stageId, adv.body.version, adv.body.probability]).toEqual([200, stage(p, 'contacted'), 2, 20]);
    expect(adv.body.stageEnteredAt > enteredAt).toBe(true);
    const skip = await staff.post<PipelineItemDetail>(I(cmc, item.id, '/move'), { version: 2, stageId: stage(p, 'agreement_signed') });
    expect(skip.status).toBe(200);
    expect(skip.body.history.at(-1)).toMatchObject({ kind: 'skip', fromStageId: stage(p, 'contacted'), toStageId: stage(p, 'agreement_signed'), skippedStageIds: [stage(p, 'site_visit'), stage(p, 'negotiation')] });
    // The skip keeps the stages it passed over as they stood, even after the stages are reordered.
    const reordered = [...p.stages].sort((a, b) => (a.code === 'negotiation' ? -1 : b.code === 'negotiation' ? 1 : a.position - b.position));
    const patched = await admin.patch<Pipeline>(`${P(cmc)}/${p.id}`, { version: p.version, stages: reordered.map((s) => ({ id: s.id, code: s.code, nameZh: s.nameZh, probability: s.probability, action: s.action })) });
    expect(patched.status).toBe(200);
    const reread = await staff.get<PipelineItemDetail>(I(cmc, item.id));
    expect(reread.body.history.at(-1)!.skippedStageIds).toEqual([stage(p, 'site_visit'), stage(p, 'negotiation')]);

    const before = await counts(item.id);
    const noReason = await staff.post<ErrorBody>(I(cmc, item.id, '/move'), { version: 3, stageId: stage(p, 'lead') });
    expect([noReason.status, noReason.body.error.fields]).toEqual([400, { reason: msg('reason_required') }]);
    expect(await counts(item.id)).toEqual(before);
    const back = await staff.post<PipelineItemDetail>(I(cmc, item.id, '/move'), { version: 3, stageId: stage(p, 'negotiation'), reason: '对方预算未批' });
    expect(back.status).toBe(200);
    expect(back.body.history.map((h) => h.kind)).toEqual(['created', 'advance', 'skip', 'rollback']);
    expect(back.body.history.at(-1)!.note).toBe('对方预算未批');

    // Reorder within the column: the rank changes, no event, the stage clock keeps running.
    const other = await newItem(p, { stageId: stage(p, 'negotiation') });
    const reorder = await staff.post<PipelineItemDetail>(I(cmc, other.id, '/move'), { version: 1, stageId: stage(p, 'negotiation'), beforeId: item.id });
    expect(reorder.status).toBe(200);
    expect(reorder.body.history.map((h) => h.kind)).toEqual(['created']);
    expect(reorder.body.stageEnteredAt).toBe(other.stageEnteredAt);
    expect((await column(p, stage(p, 'negotiation'))).map((i) => i.id)).toEqual([other.id, item.id]);

    const [moved] = await sqlRows<{ n: number }>(`select count(*)::int as n from audit_log where entity_id = '${item.id}' and action like 'pipeline_item.%'`);
    expect(moved!.n).toBe(4);
  });

  it('places a drop between two cards, refuses neighbours from another column, stale versions and lost items', async () => {
    const p = await newPipeline();
    const [a, b, c] = [await newItem(p, { title: 'A' }), await newItem(p, { title: 'B' }), await newItem(p, { title: 'C' })];
    const lead = stage(p, 'lead');
    expect((await staff.post(I(cmc, c.id, '/move'), { version: 1, stageId: lead, afterId: a.id, beforeId: b.id })).status).toBe(200);
    expect((await column(p, lead)).map((i) => i.title)).toEqual(['A', 'C', 'B']);
    expect((await staff.post(I(cmc, a.id, '/move'), { version: 1, stageId: lead, afterId: b.id })).status).toBe(200);
    expect((await column(p, lead)).map((i) => i.title)).toEqual(['C', 'B', 'A']);
    // Both omitted: the end of the column.
    expect((await staff.post(I(cmc, c.id, '/move'), { version: 2, stageId: lead })).status).toBe(200);
    expect((await column(p, lead)).map((i) => i.title)).toEqual(['B', 'A', 'C']);

    const elsewhere = await newItem(p, { stageId: stage(p, 'contacted') });
    const before = await counts(a.id);
    const wrong = await staff.post<ErrorBody>(I(cmc, a.id, '/move'), { version: 2, stageId: lead, afterId: elsewhere.id, beforeId: a.id });
    expect([wrong.status, wrong.body.error.fields]).toEqual([400, { afterId: msg('pipeline_not_in_column'), beforeId: msg('pipeline_not_in_column') }]);
    const unknown = await staff.post<ErrorBody>(I(cmc, a.id, '/move'), { version: 2, stageId: elsewhere.id });
    expect([unknown.status, unknown.body.error.fields]).toEqual([400, { stageId: msg('unknown_stage') }]);
    const stale = await staff.post<ErrorBody>(I(cmc, a.id, '/move'), { version: 1, stageId: stage(p, 'contacted') });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict']);
    expect(await counts(a.id)).toEqual(before);

    expect((await staff.post(I(cmc, a.id, '/lose'), { version: 2, reason: 'no_response' })).status).toBe(200);
    const lostMove = await staff.post<ErrorBody>(I(cmc, a.id, '/move'), { version: 3, stageId: stage(p, 'contacted') });
    expect([lostMove.status, lostMove.body.error.code]).toEqual([409, 'state_conflict']);
    expect((await member.post(I(cmc, b.id, '/move'), { version: 1, stageId: lead })).status).toBe(403);
    expect((await alliance.post(I(jiading, b.id, '/move'), { version: 1, stageId: lead })).status).toBe(404);
  });

  it('lets one of two simultaneous moves of the same item win; the other gets a conflict and no history', async () => {
    const p = await newPipeline();
    const item = await newItem(p);
    const [r1, r2] = await Promise.all([
      staff.post<ErrorBody>(I(cmc, item.id, '/move'), { version: 1, stageId: stage(p, 'contacted') }),
      colleague.post<ErrorBody>(I(cmc, item.id, '/move'), { version: 1, stageId: stage(p, 'site_visit') }),
    ]);
    expect([r1.status, r2.status].sort()).toEqual([200, 409]);
    const loser = r1.status === 409 ? r1 : r2;
    expect(loser.body.error.code).toBe('version_conflict');
    const detail = (await staff.get<PipelineItemDetail>(I(cmc, item.id))).body;
    expect(detail.version).toBe(2);
    expect(detail.history.map((h) => h.kind)).toHaveLength(2);
    expect(detail.stageId).toBe(r1.status === 200 ? stage(p, 'contacted') : stage(p, 'site_visit'));
  });

  it('keeps a deterministic order when two cards are dropped into the same place at once', async () => {
    const p = await newPipeline();
    const lead = stage(p, 'lead');
    const [a, b] = [await newItem(p, { title: 'A' }), await newItem(p, { title: 'B' })];
    const [x, y] = [await newItem(p, { title: 'X', stageId: stage(p, 'contacted') }), await newItem(p, { title: 'Y', stageId: stage(p, 'contacted') })];
    const results = await Promise.all([
      staff.post<PipelineItemDetail>(I(cmc, x.id, '/move'), { version: 1, stageId: lead, afterId: a.id, beforeId: b.id, reason: '重新评估' }),
      colleague.post<PipelineItemDetail>(I(cmc, y.id, '/move'), { version: 1, stageId: lead, afterId: a.id, beforeId: b.id, reason: '重新评估' }),
    ]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    const order = (await column(p, lead)).map((i) => i.title);
    expect(order[0]).toBe('A');
    expect(order[3]).toBe('B');
    expect(order.slice(1, 3).sort()).toEqual(['X', 'Y']);
    expect((await column(p, lead)).map((i) => i.title)).toEqual(order);
    // A later drop between the two (even if their ranks tie) still lands between A and B.
    const z = await newItem(p, { title: 'Z', stageId: stage(p, 'contacted') });
    const first = (await column(p, lead))[1]!;
    expect((await staff.post(I(cmc, z.id, '/move'), { version: 1, stageId: lead, afterId: first.id, reason: '重新评估' })).status).toBe(200);
    const final = (await column(p, lead)).map((i) => i.title);
    expect([final[0], final[4], final.length]).toEqual(['A', 'B', 5]);
    expect(final.indexOf('Z')).toBeGreaterThan(final.indexOf(first.title));
  });
});

describe('lost, reopened and deleted items', () => {
  it('closes an item as lost with a reason and reopens it at the end of its column', async () => {
    const p = await newPipeline();
    const item = await newItem(p);
    const next = await newItem(p);
    const noNote = await staff.post<ErrorBody>(I(cmc, item.id, '/lose'), { version: 1, reason: 'other' });
    expect([noNote.status, noNote.body.error.fields]).toEqual([400, { note: msg('pipeline_note_required') }]);
    expect((await staff.post<ErrorBody>(I(cmc, item.id, '/lose'), { version: 1, reason: 'bored' })).status).toBe(400);
    const lost = await staff.post<PipelineItemDetail>(I(cmc, item.id, '/lose'), { version: 1, reason: 'chose_other_location', note: '去了苏州' });
    expect([lost.status, lost.body.lostReason, lost.body.lostNote, lost.body.version]).toEqual([200, 'chose_other_location', '去了苏州', 2]);
    expect(lost.body.lostAt).not.toBeNull();
    expect(lost.body.history.at(-1)).toMatchObject({ kind: 'lost', fromStageId: item.stageId, lostReason: 'chose_other_location', note: '去了苏州' });
    const again = await staff.post<ErrorBody>(I(cmc, item.id, '/lose'), { version: 2, reason: 'no_response' });
    expect([again.status, again.body.error.code]).toEqual([409, 'state_conflict']);

    expect((await staff.get<ItemPage>(`${P(cmc)}/${p.id}/items`)).body.items.map((i) => i.id)).toEqual([next.id]);
    expect((await staff.get<ItemPage>(`${P(cmc)}/${p.id}/items?status=lost`)).body.items.map((i) => i.id)).toEqual([item.id]);
    expect((await staff.get<ItemPage>(`${P(cmc)}/${p.id}/items?status=all`)).body.total).toBe(2);
    expect((await staff.get<Pipeline>(`${P(cmc)}/${p.id}`)).body.lostCount).toBe(1);

    const reopened = await staff.post<PipelineItemDetail>(I(cmc, item.id, '/reopen'), { version: 2, note: '重新接触' });
    expect([reopened.status, reopened.body.lostReason, reopened.body.lostAt, reopened.body.version]).toEqual([200, null, null, 3]);
    expect(reopened.body.history.map((h) => h.kind)).toEqual(['created', 'lost', 'reopened']);
    expect((await column(p, item.stageId)).map((i) => i.id)).toEqual([next.id, item.id]);
    const twice = await staff.post<ErrorBody>(I(cmc, item.id, '/reopen'), { version: 3 });
    expect([twice.status, twice.body.error.code]).toEqual([409, 'state_conflict']);
    expect((await staff.post<ErrorBody>(I(cmc, item.id, '/reopen'), { version: 1 })).status).toBe(409);
    expect((await viewer.post(I(cmc, item.id, '/reopen'), { version: 3 })).status).toBe(403);
  });

  it('lets the creator or a community admin delete an item, with an audit entry', async () => {
    const p = await newPipeline();
    const mine = await newItem(p);
    const theirs = await newItem(p);
    // The detail says who may, so the page offers the button only to them.
    expect(mine.canDelete).toBe(true);
    expect((await colleague.get<PipelineItemDetail>(I(cmc, mine.id))).body.canDelete).toBe(false);
    expect((await admin.get<PipelineItemDetail>(I(cmc, mine.id))).body.canDelete).toBe(true);
    expect((await colleague.delete(I(cmc, mine.id))).status).toBe(403);
    expect((await member.delete(I(cmc, mine.id))).status).toBe(403);
    expect((await alliance.delete(I(jiading, mine.id))).status).toBe(404);
    expect((await staff.get(I(cmc, mine.id))).status).toBe(200);
    expect((await staff.delete(I(cmc, mine.id))).status).toBe(200);
    expect((await admin.delete(I(cmc, theirs.id))).status).toBe(200);
    expect((await staff.get(I(cmc, mine.id))).status).toBe(404);
    expect((await staff.delete(I(cmc, mine.id))).status).toBe(404);
    const rows = await sqlRows<{ action: string }>(`select action from audit_log where entity_id in ('${mine.id}', '${theirs.id}') and action = 'pipeline_item.deleted'`);
    expect(rows).toHaveLength(2);
  });

  it('names the agreements, landing and referral made from an item', async () => {
    const p = await newPipeline();
    const item = await newItem(p);
    const org = await createOrganisation(staff, cmc);
    await t.database.withConnection((c) =>
      c.exec(`insert into agreements (community_id, kind, title, signed_on, pipeline_item_id) values ('${cmc}', 'landing', '落户协议', '2026-03-01', '${item.id}');
              insert into landings (community_id, organisation_id, pipeline_item_id, landed_on) values ('${cmc}', '${org.id}', '${item.id}', '2026-04-01');`),
    );
    const detail = await staff.get<PipelineItemDetail>(I(cmc, item.id));
    expect(detail.body.agreementIds).toHaveLength(1);
    expect(detail.body.landingId).not.toBeNull();
    expect(detail.body.referralId).toBeNull();
  });
});

describe('referred items', () => {
  it('shows and finds a project referred to the community, and names the referral on the item', async () => {
    const centre = await signedIn(t.app, 'centre.admin@biobridge.demo');
    const p = await newPipeline('转介入库');
    const project = await createProject(centre, taizhou, { nameZh: '离岸转介细胞治疗' });
    const referral = await centre.post<{ id: string; version: number }>(`/api/communities/${taizhou}/referrals`, { toCommunityId: cmc, projectId: project.id, note: '推荐' });
    expect(referral.status, JSON.stringify(referral.body)).toBe(201);
    const accepted = await staff.post(`/api/communities/${cmc}/referrals/${referral.body.id}/accept`, { pipelineId: p.id, version: referral.body.version });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);
    const found = await staff.get<ItemPage>(`${P(cmc)}/${p.id}/items?q=${encodeURIComponent('细胞治疗')}`);
    expect(found.body.items).toHaveLength(1);
    const item = found.body.items[0]!;
    expect([item.source, item.project?.nameZh]).toEqual(['referral', '离岸转介细胞治疗']);
    expect((await staff.get<PipelineItemDetail>(I(cmc, item.id))).body.referralId).toBe(referral.body.id);
  });
});

describe('activities', () => {
  it('records activities, newest first, and may set the next action in the same step', async () => {
    const p = await newPipeline();
    const item = await newItem(p);
    const first = await staff.post<Activity>(I(cmc, item.id, '/activities'), { kind: 'call', occurredAt: '2026-03-01T10:00:00+08:00', body: '首次电话' });
    expect([first.status, first.body.kind, first.body.author?.displayName, first.body.occurredAt]).toEqual([201, 'call', '王磊', '2026-03-01T02:00:00.000Z']);
    const second = await colleague.post<Activity>(I(cmc, item.id, '/activities'), {
      kind: 'visit',
      occurredAt: '2026-03-05T10:00:00+08:00',
      body: '实地考察厂房',
      nextAction: '发送政策包',
      nextActionOn: '2026-03-10',
    });
    expect(second.status).toBe(201);
    const list = await viewer.get(I(cmc, item.id, '/activities'));
    expect(list.status).toBe(403);
    const activities = await staff.get<Activity[]>(I(cmc, item.id, '/activities'));
    expect(activities.body.map((a) => a.body)).toEqual(['实地考察厂房', '首次电话']);
    const detail = (await staff.get<PipelineItemDetail>(I(cmc, item.id))).body;
    expect([detail.nextAction, detail.nextActionOn, detail.version, detail.overdue]).toEqual(['发送政策包', '2026-03-10', 2, shanghaiDay() > '2026-03-10']);

    const before = await counts(item.id);
    const bad = await staff.post<ErrorBody>(I(cmc, item.id, '/activities'), { kind: 'fax', occurredAt: 'yesterday', body: '' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields ?? {}).sort()).toEqual(['body', 'kind', 'occurredAt']);
    expect((await member.post(I(cmc, item.id, '/activities'), { kind: 'note', occurredAt: '2026-03-01T10:00:00+08:00', body: 'x' })).status).toBe(403);
    expect((await alliance.post(I(jiading, item.id, '/activities'), { kind: 'note', occurredAt: '2026-03-01T10:00:00+08:00', body: 'x' })).status).toBe(404);
    expect((await alliance.get(I(jiading, item.id, '/activities'))).status).toBe(404);
    expect(await counts(item.id)).toEqual(before);
  });
});

describe('conversion', () => {
  it('counts per stage: entered, moved on, lost by reason, from the history', async () => {
    const p = await newPipeline();
    const [a, b, c] = [await newItem(p), await newItem(p), await newItem(p)];
    await staff.post(I(cmc, a.id, '/move'), { version: 1, stageId: stage(p, 'contacted') });
    await staff.post(I(cmc, b.id, '/move'), { version: 1, stageId: stage(p, 'site_visit') });
    await staff.post(I(cmc, c.id, '/lose'), { version: 1, reason: 'funding_failed' });
    await staff.post(I(cmc, a.id, '/lose'), { version: 2, reason: 'policy_mismatch' });
    const res = await viewer.get(`${P(cmc)}/${p.id}/conversion`);
    expect(res.status).toBe(403);
    const conv = await staff.get<Conversion>(`${P(cmc)}/${p.id}/conversion?period=year`);
    expect(conv.status).toBe(200);
    const byCode = (code: string) => conv.body.totals.find((s) => s.stageId === stage(p, code))!;
    expect(byCode('lead')).toMatchObject({ entered: 3, movedOn: 2, lost: 1, lostByReason: { funding_failed: 1 }, conversionRate: 2 / 3 });
    expect(byCode('contacted')).toMatchObject({ entered: 1, movedOn: 0, lost: 1, lostByReason: { policy_mismatch: 1 }, conversionRate: 0 });
    expect(byCode('site_visit')).toMatchObject({ entered: 1, movedOn: 0, lost: 0 });
    expect(byCode('producing')).toMatchObject({ entered: 0, conversionRate: null, medianDays: null });
    expect(conv.body.periods.map((x) => x.period)).toEqual([shanghaiDay().slice(0, 4)]);
    expect(conv.body.periods[0]!.stages).toEqual(conv.body.totals);

    const empty = await staff.get<Conversion>(`${P(cmc)}/${p.id}/conversion?from=2020-01-01&to=2020-03-31&period=month`);
    expect(empty.body.periods.map((x) => x.period)).toEqual(['2020-01', '2020-02', '2020-03']);
    expect(empty.body.totals.every((s) => s.entered === 0)).toBe(true);
    const inverted = await staff.get<ErrorBody>(`${P(cmc)}/${p.id}/conversion?from=2021-01-01&to=2020-01-01`);
    expect([inverted.status, Object.keys(inverted.body.error.fields ?? {})]).toEqual([400, ['to']]);
    expect((await staff.get(`${P(cmc)}/${p.id}/conversion?period=week`)).status).toBe(400);
    expect((await alliance.get(`${P(jiading)}/${p.id}/conversion`)).status).toBe(404);
  });
});

describe('reminders', () => {
  it("lists the signed-in user's due and overdue open items, only where they may still read pipelines", async () => {
    const p = await newPipeline('提醒测试');
    const overdue = await newItem(p, { title: '逾期跟进', nextAction: '回访', nextActionOn: shanghaiDay(-2) });
    const today = await newItem(p, { title: '今日跟进', nextAction: '电话', nextActionOn: shanghaiDay(0) });
    await newItem(p, { title: '明日跟进', nextActionOn: shanghaiDay(1) });
    const lost = await newItem(p, { title: '已流失', nextActionOn: shanghaiDay(-1) });
    await staff.post(I(cmc, lost.id, '/lose'), { version: 1, reason: 'no_response' });
    await newItem(p, { title: '别人的', nextActionOn: shanghaiDay(-1) }, colleague);

    const res = await staff.get<Reminder[]>('/api/me/reminders');
    expect(res.status).toBe(200);
    const mine = res.body.filter((r) => r.pipelineId === p.id);
    expect(mine.map((r) => [r.itemId, r.overdueDays, r.nextAction, r.stageNameZh])).toEqual([
      [overdue.id, 2, '回访', '线索'],
      [today.id, 0, '电话', '线索'],
    ]);
    expect(mine[0]!.community.slug).toBe('china-medical-city');
    expect(mine[0]!.pipelineNameZh).toBe('提醒测试');
    expect((await member.get<Reminder[]>('/api/me/reminders')).body).toEqual([]);
    expect((await new (staff.constructor as typeof Client)(t.app).get('/api/me/reminders')).status).toBe(401);

    // Demoted to member: the items stay theirs, the reminders go.
    await t.database.withConnection((c) =>
      c.exec(`update memberships set role = 'member' where community_id = '${cmc}' and user_id = (select id from users where email = 'staff@biobridge.demo')`),
    );
    try {
      expect((await staff.get<Reminder[]>('/api/me/reminders')).body.filter((r) => r.pipelineId === p.id)).toEqual([]);
    } finally {
      await t.database.withConnection((c) =>
        c.exec(`update memberships set role = 'staff' where community_id = '${cmc}' and user_id = (select id from users where email = 'staff@biobridge.demo')`),
      );
    }
  });
});

describe('export', () => {
  it('exports the filtered table as a spreadsheet in the reader\'s language', async () => {
    const p = await newPipeline('导出测试');
    await newItem(p, { title: '导出一', expectedInvestmentFen: 2_000_000_000, expectedAreaSqm: 800, nextActionOn: '2030-05-06' });
    const lostOne = await newItem(p, { title: '导出二' });
    await staff.post(I(cmc, lostOne.id, '/lose'), { version: 1, reason: 'duplicate' });
    const res = await t.app.inject({ method: 'GET', url: `${P(cmc)}/${p.id}/items.xlsx?status=all&sort=investment`, headers: { cookie: staff.cookie! } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(String(res.headers['content-disposition'])).toContain('.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('标题');
    expect([sheet.getRow(2).getCell(1).value, sheet.getRow(2).getCell(2).value, sheet.getRow(2).getCell(7).value, sheet.getRow(2).getCell(8).value]).toEqual(['导出一', '线索', 2000, 800]);
    expect([sheet.getRow(3).getCell(1).value, sheet.getRow(3).getCell(3).value, sheet.getRow(3).getCell(13).value]).toEqual(['导出二', '已流失', 'duplicate']);
    expect(sheet.rowCount).toBe(3);
    expect((await member.get(`${P(cmc)}/${p.id}/items.xlsx`)).status).toBe(403);
    expect((await alliance.get(`${P(jiading)}/${p.id}/items.xlsx`)).status).toBe(404);
  });
});
