import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Member } from '../../../shared/schemas/members';
import type { Referral, ReferralPage, ReferralStats, ReferralTarget } from '../../../shared/schemas/referrals';
import { signedIn, type Client, type TestApp, startTestApp } from '../../../../test/app';
import { pipelines, pipelineStages } from '../../db/schema';
import { createOrganisation, createProject } from '../directory/directory.fixtures';

/**
 * Referrals between communities: the Taizhou (Shanghai) centre refers projects to China
 * Medical City, which accepts them into a pipeline or declines them. The referring side sees
 * the status only; a third community sees nothing.
 */

let t: TestApp;
let centre: Client; // admin of the Taizhou centre (the referrer)
let staff: Client; // staff of China Medical City (the receiver)
let viewer: Client; // viewer of China Medical City: sees what its members see
let member: Client; // member of China Medical City: no pipeline permissions
let alliance: Client; // admin of the Jiading alliance: a third community
let taizhou: string;
let cmc: string;
let jiading: string;
let pipelineId: string;
let leadStage: string;
let visitStage: string;
let foreignPipelineId: string;
let ownerOrgId: string;
let staffUserId: string;
let memberUserId: string;

const PRIVATE_PIPELINE = '医药城招商一部管道';
const PRIVATE_STAGE = '实地考察阶段';

async function rows<T>(query: string): Promise<T[]> {
  return t.database.withConnection((conn) => conn.rows<T>(query));
}

async function secretProject(name: string, fields: Record<string, unknown> = {}) {
  return createProject(centre, taizhou, { nameZh: name, confidentiality: 'community', ownerOrganisationId: ownerOrgId, fundingSoughtFen: 8_000_000_000, ...fields });
}

async function refer(projectId: string, to = cmc, note = '团队来自复旦,计划在泰州建设中试基地') {
  return centre.post<Referral>(`/api/communities/${taizhou}/referrals`, { toCommunityId: to, projectId, note });
}

async function countReferrals() {
  return (await rows<{ n: number }>('select count(*)::int as n from referrals'))[0]!.n;
}

beforeAll(async () => {
  t = await startTestApp();
  centre = await signedIn(t.app, 'centre.admin@biobridge.demo');
  staff = await signedIn(t.app, 'staff@biobridge.demo');
  viewer = await signedIn(t.app, 'viewer@biobridge.demo');
  member = await signedIn(t.app, 'member@biobridge.demo');
  alliance = await signedIn(t.app, 'alliance.admin@biobridge.demo');
  taizhou = centre.communityId('taizhou-shanghai-centre');
  cmc = staff.communityId('china-medical-city');
  jiading = alliance.communityId('jiading-biomed-alliance');
  staffUserId = staff.session!.user!.id;
  memberUserId = member.session!.user!.id;

  const db = t.database.db;
  const [p] = await db.insert(pipelines).values({ communityId: cmc, nameZh: PRIVATE_PIPELINE }).returning();
  pipelineId = p!.id;
  const stages = await db
    .insert(pipelineStages)
    .values([
      { pipelineId, code: 'lead', nameZh: '线索', position: 0 },
      { pipelineId, code: 'site_visit', nameZh: PRIVATE_STAGE, position: 1, probability: 30 },
    ])
    .returning();
  leadStage = stages.find((s) => s.code === 'lead')!.id;
  visitStage = stages.find((s) => s.code === 'site_visit')!.id;
  const [f] = await db.insert(pipelines).values({ communityId: jiading, nameZh: '嘉定管道' }).returning();
  await db.insert(pipelineStages).values({ pipelineId: f!.id, code: 'lead', nameZh: '线索', position: 0 });
  foreignPipelineId = f!.id;
  ownerOrgId = (await createOrganisation(centre, taizhou, { nameZh: '上海复研生物医药有限公司' })).id;
});
afterAll(() => t.close());

describe('creating a referral', () => {
  it('refers a project the referrer sees, audits it on both sides and shares the project with the receiver', async () => {
    const project = await secretProject('创建测试抗体药物');
    const res = await refer(project.id);
    expect(res.status).toBe(201);
    const r = res.body;
    expect(r).toEqual({
      id: r.id,
      direction: 'outgoing',
      fromCommunity: expect.objectContaining({ id: taizhou, slug: 'taizhou-shanghai-centre' }),
      toCommunity: expect.objectContaining({ id: cmc, slug: 'china-medical-city' }),
      project: { id: project.id, nameZh: '创建测试抗体药物', nameEn: null },
      note: '团队来自复旦,计划在泰州建设中试基地',
      status: 'pending',
      declineReason: null,
      declineNote: '',
      decidedAt: null,
      version: 1,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    });
    const audit = await rows<{ community_id: string; action: string; entity_label: string }>(
      `select community_id, action, entity_label from audit_log where entity_id = '${r.id}' order by community_id`,
    );
    expect(audit.map((a) => [a.community_id, a.action, a.entity_label]).sort()).toEqual(
      [
        [taizhou, 'referral.created', '创建测试抗体药物'],
        [cmc, 'referral.created', '创建测试抗体药物'],
      ].sort(),
    );
    const [doc] = await rows<{ visible_community_ids: string[] }>(`select visible_community_ids from search_documents where entity_id = '${project.id}'`);
    expect([...doc!.visible_community_ids].sort()).toEqual([taizhou, cmc].sort());
  });

  it('answers 400 with the field for a bad target or project, and writes nothing', async () => {
    const project = await secretProject('校验测试项目');
    const before = await countReferrals();
    const self = await refer(project.id, taizhou);
    expect([self.status, (self.body as unknown as { error: { fields: Record<string, string> } }).error.fields]).toEqual([400, { toCommunityId: expect.any(String) }]);
    const ghost = await refer(project.id, '00000000-0000-4000-8000-000000000000');
    expect(ghost.status).toBe(400);
    expect(Object.keys((ghost.body as unknown as { error: { fields: object } }).error.fields)).toEqual(['toCommunityId']);
    const missing = await refer('00000000-0000-4000-8000-000000000001');
    expect(missing.status).toBe(400);
    expect(Object.keys((missing.body as unknown as { error: { fields: object } }).error.fields)).toEqual(['projectId']);
    const extra = await centre.post(`/api/communities/${taizhou}/referrals`, { toCommunityId: cmc, projectId: project.id, note: '', pipelineId });
    expect(extra.status).toBe(400);
    expect(await countReferrals()).toBe(before);
  });

  it('refuses a project confidential to named investors, and one the referrer cannot see, with the same shape', async () => {
    const fund = await createOrganisation(centre, taizhou, { kind: 'investor', nameZh: '泰州生物医药产业基金' });
    const named = await secretProject('定向保密项目', { confidentiality: 'named_investors', namedInvestorIds: [fund.id] });
    const res = await refer(named.id);
    expect(res.status).toBe(400);
    expect((res.body as unknown as { error: { code: string; fields: Record<string, string> } }).error).toMatchObject({
      code: 'validation_failed',
      fields: { projectId: expect.any(String) },
    });
    const hidden = await createProject(alliance, jiading, { nameZh: '嘉定保密项目', confidentiality: 'community' });
    const other = await refer(hidden.id);
    expect(other.status).toBe(400);
    const message = (other.body as unknown as { error: { fields: Record<string, string> } }).error.fields.projectId;
    const confidential = (res.body as unknown as { error: { fields: Record<string, string> } }).error.fields.projectId;
    expect(message).not.toBe(confidential);
    expect(JSON.stringify(other.body)).not.toContain('嘉定保密项目');
    expect((await rows<{ n: number }>(`select count(*)::int as n from referrals where project_id in ('${named.id}', '${hidden.id}')`))[0]!.n).toBe(0);
  });

  it('answers 409 duplicate_record for a second open referral of the project to the same community', async () => {
    const project = await secretProject('重复推荐项目');
    expect((await refer(project.id)).status).toBe(201);
    const again = await refer(project.id);
    expect(again.status).toBe(409);
    expect((again.body as unknown as { error: { code: string } }).error.code).toBe('duplicate_record');
    // To another community it is a different referral.
    expect((await refer(project.id, jiading)).status).toBe(201);
    expect((await rows<{ n: number }>(`select count(*)::int as n from referrals where project_id = '${project.id}'`))[0]!.n).toBe(2);
  });

  it('needs pipeline.write (403 for a plain member) and membership (404 for another community)', async () => {
    const project = await secretProject('权限测试项目');
    expect((await member.post(`/api/communities/${cmc}/referrals`, { toCommunityId: taizhou, projectId: project.id, note: '' })).status).toBe(403);
    expect((await member.get(`/api/communities/${cmc}/referrals`)).status).toBe(403);
    expect((await alliance.post(`/api/communities/${taizhou}/referrals`, { toCommunityId: cmc, projectId: project.id, note: '' })).status).toBe(404);
    expect((await alliance.get(`/api/communities/${taizhou}/referrals`)).status).toBe(404);
  });
});

describe('deciding a referral', () => {
  it('accepts into the receiver pipeline in one step, and shows the referrer the status only', async () => {
    const project = await secretProject('接收测试细胞治疗');
    const r = (await refer(project.id)).body;
    const res = await staff.post<Referral>(`/api/communities/${cmc}/referrals/${r.id}/accept`, { pipelineId, stageId: visitStage, ownerUserId: staffUserId, version: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ direction: 'incoming', status: 'accepted', version: 2, decidedBy: { id: staffUserId, displayName: '王磊' } });
    const itemId = res.body.acceptedItemId!;
    expect(res.body.acceptedPipelineId).toBe(pipelineId);
    const [item] = await rows<Record<string, unknown>>(
      `select community_id, pipeline_id, stage_id, title, project_id, organisation_id, owner_user_id, expected_investment_fen::text as fen, source from pipeline_items where id = '${itemId}'`,
    );
    expect(item).toEqual({
      community_id: cmc,
      pipeline_id: pipelineId,
      stage_id: visitStage,
      title: '接收测试细胞治疗',
      project_id: project.id,
      organisation_id: ownerOrgId,
      owner_user_id: staffUserId,
      fen: '8000000000',
      source: 'referral',
    });
    expect(res.body.projectSummary).toMatchObject({ fundingSoughtFen: 8_000_000_000, ownerOrganisation: { id: ownerOrgId, nameZh: '上海复研生物医药有限公司' } });

    // The referrer: the status, never the item, pipeline, stage, owner or decider.
    const seen = await centre.get<Referral>(`/api/communities/${taizhou}/referrals/${r.id}`);
    expect(seen.status).toBe(200);
    expect(Object.keys(seen.body).sort()).toEqual(
      ['id', 'direction', 'fromCommunity', 'toCommunity', 'project', 'note', 'status', 'declineReason', 'declineNote', 'decidedAt', 'version', 'createdAt', 'updatedAt'].sort(),
    );
    expect(seen.body.status).toBe('accepted');
    const text = JSON.stringify(seen.body);
    for (const secret of [itemId, pipelineId, visitStage, PRIVATE_PIPELINE, PRIVATE_STAGE, staffUserId, '王磊']) expect(text).not.toContain(secret);
    const list = await centre.get<ReferralPage>(`/api/communities/${taizhou}/referrals?direction=outgoing&status=accepted`);
    const listed = JSON.stringify(list.body);
    for (const secret of [itemId, PRIVATE_PIPELINE, PRIVATE_STAGE, '王磊']) expect(listed).not.toContain(secret);

    // The referrer's audit entry carries the status only; the receiver's the item.
    const audit = await rows<{ community_id: string; changes: unknown }>(`select community_id, changes from audit_log where entity_id = '${r.id}' and action = 'referral.accepted'`);
    expect(audit).toHaveLength(2);
    const mine = JSON.stringify(audit.find((a) => a.community_id === taizhou)!.changes);
    const theirs = JSON.stringify(audit.find((a) => a.community_id === cmc)!.changes);
    expect(mine).not.toContain(itemId);
    expect(mine).not.toContain(pipelineId);
    expect(theirs).toContain(itemId);

    // A pipeline item route, if the pipelines module has one: the referrer gets 404.
    const itemRoute = t.app.routeList?.find((route: { method: string | string[]; url: string }) => route.method === 'GET' && /:communityId\/[\w-]+\/:itemId$/.test(route.url));
    if (itemRoute) {
      const url = (community: string) => itemRoute.url.replace(':communityId', community).replace(':itemId', itemId);
      expect((await centre.get(url(taizhou))).status).toBe(404);
      expect((await centre.get(url(cmc))).status).toBe(404);
      expect((await staff.get(url(cmc))).status).toBe(200);
    }
  });

  it('answers 404 to a community that is neither side, and 403 to the wrong side', async () => {
    const project = await secretProject('第三方测试项目');
    const r = (await refer(project.id)).body;
    expect((await alliance.get(`/api/communities/${jiading}/referrals/${r.id}`)).status).toBe(404);
    expect((await alliance.post(`/api/communities/${jiading}/referrals/${r.id}/decline`, { reason: 'no_space', version: 1 })).status).toBe(404);
    const list = await alliance.get<ReferralPage>(`/api/communities/${jiading}/referrals?direction=incoming`);
    expect(list.body.items.map((i) => i.id)).not.toContain(r.id);
    expect((await centre.post(`/api/communities/${taizhou}/referrals/${r.id}/accept`, { pipelineId, version: 1 })).status).toBe(403);
    expect((await staff.post(`/api/communities/${cmc}/referrals/${r.id}/withdraw`, { version: 1 })).status).toBe(403);
    expect((await member.get(`/api/communities/${cmc}/referrals/${r.id}`)).status).toBe(403);
    expect((await rows<{ status: string; version: number }>(`select status, version from referrals where id = '${r.id}'`))[0]).toEqual({ status: 'pending', version: 1 });
  });

  it('conflicts: stale version, no longer pending, bad pipeline, owner who is not staff, other without a note', async () => {
    const project = await secretProject('冲突测试项目');
    const r = (await refer(project.id)).body;
    const url = `/api/communities/${cmc}/referrals/${r.id}`;
    const fields = (res: { body: unknown }) => (res.body as { error: { fields?: Record<string, string> } }).error.fields;
    const foreign = await staff.post(`${url}/accept`, { pipelineId: foreignPipelineId, version: 1 });
    expect([foreign.status, Object.keys(fields(foreign)!)]).toEqual([400, ['pipelineId']]);
    const owner = await staff.post(`${url}/accept`, { pipelineId, ownerUserId: memberUserId, version: 1 });
    expect([owner.status, Object.keys(fields(owner)!)]).toEqual([400, ['ownerUserId']]);
    const stage = await staff.post(`${url}/accept`, { pipelineId, stageId: r.id, version: 1 });
    expect([stage.status, Object.keys(fields(stage)!)]).toEqual([400, ['stageId']]);
    const bare = await staff.post(`${url}/decline`, { reason: 'other', note: '  ', version: 1 });
    expect([bare.status, Object.keys(fields(bare)!)]).toEqual([400, ['note']]);
    const stale = await staff.post(`${url}/decline`, { reason: 'no_space', version: 7 });
    expect([stale.status, (stale.body as { error: { code: string } }).error.code]).toEqual([409, 'version_conflict']);
    expect((await rows<{ n: number }>(`select count(*)::int as n from pipeline_items where project_id = '${project.id}'`))[0]!.n).toBe(0);
    expect((await rows<{ status: string; version: number }>(`select status, version from referrals where id = '${r.id}'`))[0]).toEqual({ status: 'pending', version: 1 });

    const declined = await staff.post<Referral>(`${url}/decline`, { reason: 'other', note: '与园区现有方向重叠', version: 1 });
    expect(declined.status).toBe(200);
    expect(declined.body).toMatchObject({ status: 'declined', declineReason: 'other', declineNote: '与园区现有方向重叠', version: 2, acceptedItemId: null });
    const late = await staff.post(`${url}/accept`, { pipelineId, version: 2 });
    expect([late.status, (late.body as { error: { code: string } }).error.code]).toEqual([409, 'state_conflict']);
    const withdraw = await centre.post(`/api/communities/${taizhou}/referrals/${r.id}/withdraw`, { version: 2 });
    expect([withdraw.status, (withdraw.body as { error: { code: string } }).error.code]).toEqual([409, 'state_conflict']);
    // The referrer sees the reason.
    const seen = await centre.get<Referral>(`/api/communities/${taizhou}/referrals/${r.id}`);
    expect(seen.body).toMatchObject({ status: 'declined', declineReason: 'other', declineNote: '与园区现有方向重叠' });
    // Declined, the project can be referred again.
    expect((await refer(project.id)).status).toBe(201);
  });

  it('refuses to accept a project made confidential to named investors since it was referred', async () => {
    const fund = await createOrganisation(centre, taizhou, { kind: 'investor', nameZh: '泰州后续保密基金' });
    const project = await secretProject('后改保密项目');
    const r = (await refer(project.id)).body;
    expect((await centre.patch(`/api/directory/projects/${project.id}`, { version: project.version, confidentiality: 'named_investors', namedInvestorIds: [fund.id] })).status).toBe(200);
    const res = await staff.post(`/api/communities/${cmc}/referrals/${r.id}/accept`, { pipelineId, version: 1 });
    expect([res.status, Object.keys((res.body as { error: { fields: object } }).error.fields)]).toEqual([400, ['projectId']]);
    expect(JSON.stringify(res.body)).not.toContain('后改保密项目');
    expect((await rows<{ status: string }>(`select status from referrals where id = '${r.id}'`))[0]!.status).toBe('pending');
    expect((await rows<{ n: number }>(`select count(*)::int as n from pipeline_items where project_id = '${project.id}'`))[0]!.n).toBe(0);
    // The receiver's list no longer names it either.
    const seen = await staff.get<Referral>(`/api/communities/${cmc}/referrals/${r.id}`);
    expect(seen.body.project).toBeNull();
  });

  it('withdraws a pending referral (referrer only)', async () => {
    const project = await secretProject('撤回测试项目');
    const r = (await refer(project.id)).body;
    const res = await centre.post<Referral>(`/api/communities/${taizhou}/referrals/${r.id}/withdraw`, { version: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'withdrawn', version: 2, decidedAt: null });
    const audit = await rows<{ community_id: string }>(`select community_id from audit_log where entity_id = '${r.id}' and action = 'referral.withdrawn'`);
    expect(audit.map((a) => a.community_id).sort()).toEqual([taizhou, cmc].sort());
  });

  it('lets exactly one of a concurrent accept and decline win', async () => {
    for (let round = 0; round < 3; round++) {
      const project = await secretProject(`并发测试项目${round}`);
      const r = (await refer(project.id)).body;
      const url = `/api/communities/${cmc}/referrals/${r.id}`;
      const [a, d] = await Promise.all([staff.post<Referral>(`${url}/accept`, { pipelineId, version: 1 }), staff.post<Referral>(`${url}/decline`, { reason: 'no_space', version: 1 })]);
      expect([a.status, d.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : d;
      expect(['version_conflict', 'state_conflict']).toContain((loser.body as unknown as { error: { code: string } }).error.code);
      const [row] = await rows<{ status: string; version: number; accepted_item_id: string | null }>(`select status, version, accepted_item_id from referrals where id = '${r.id}'`);
      const items = (await rows<{ n: number }>(`select count(*)::int as n from pipeline_items where project_id = '${project.id}'`))[0]!.n;
      if (a.status === 200) expect([row!.status, row!.version, items, row!.accepted_item_id]).toEqual(['accepted', 2, 1, a.body.acceptedItemId]);
      else expect([row!.status, row!.version, items, row!.accepted_item_id]).toEqual(['declined', 2, 0, null]);
    }
  });
});

describe('project privacy through referrals', () => {
  it('shows a community-confidential project to the receiver while the referral is open, accepted or landed, not after a decline or withdraw', async () => {
    const sees = async (projectId: string) => (await viewer.get(`/api/directory/projects/${projectId}`)).status;
    const doc = async (projectId: string) =>
      [...(await rows<{ v: string[] }>(`select visible_community_ids as v from search_documents where entity_id = '${projectId}'`))[0]!.v].sort();

    const declined = await secretProject('隐私测试一');
    expect(await sees(declined.id)).toBe(404);
    const r1 = (await refer(declined.id)).body;
    expect(await sees(declined.id)).toBe(200);
    expect((await staff.post(`/api/communities/${cmc}/referrals/${r1.id}/decline`, { reason: 'not_in_focus', version: 1 })).status).toBe(200);
    expect(await sees(declined.id)).toBe(404);
    expect(await doc(declined.id)).toEqual([taizhou]);
    // The receiver keeps the referral, without the project's name.
    const after = await staff.get<Referral>(`/api/communities/${cmc}/referrals/${r1.id}`);
    expect([after.status, after.body.project, after.body.projectSummary]).toEqual([200, null, null]);
    expect(JSON.stringify(after.body)).not.toContain('隐私测试一');
    // The referrer still sees its own project.
    expect((await centre.get<Referral>(`/api/communities/${taizhou}/referrals/${r1.id}`)).body.project?.nameZh).toBe('隐私测试一');

    const withdrawn = await secretProject('隐私测试二');
    const r2 = (await refer(withdrawn.id)).body;
    expect(await sees(withdrawn.id)).toBe(200);
    expect((await centre.post(`/api/communities/${taizhou}/referrals/${r2.id}/withdraw`, { version: 1 })).status).toBe(200);
    expect(await sees(withdrawn.id)).toBe(404);

    const accepted = await secretProject('隐私测试三');
    const r3 = (await refer(accepted.id)).body;
    const acceptedRes = await staff.post<Referral>(`/api/communities/${cmc}/referrals/${r3.id}/accept`, { pipelineId, version: 1 });
    expect(acceptedRes.status).toBe(200);
    // Without a stage, the item starts in the pipeline's first stage.
    expect((await rows<{ stage_id: string }>(`select stage_id from pipeline_items where id = '${acceptedRes.body.acceptedItemId}'`))[0]!.stage_id).toBe(leadStage);
    expect(await sees(accepted.id)).toBe(200);
    expect(await doc(accepted.id)).toEqual([taizhou, cmc].sort());
    // Landed (set by the landing module) keeps it shared.
    await rows(`update referrals set status = 'landed' where id = '${r3.id}'`);
    expect(await sees(accepted.id)).toBe(200);
    // A third community never sees it.
    expect((await alliance.get(`/api/directory/projects/${accepted.id}`)).status).toBe(404);
  });
});

describe('lists, statistics and targets', () => {
  it('lists by direction and status with keyset pages, and counts exactly on both sides', async () => {
    // Fresh pair of communities for exact counts: Daxing (regen.admin) refers to Jiading.
    const regen = await signedIn(t.app, 'regen.admin@biobridge.demo');
    const daxing = regen.communityId('daxing-regen-park');
    const ids: string[] = [];
    const base = (await alliance.get<ReferralStats>(`/api/communities/${jiading}/referrals/stats`)).body.received;
    expect(base).toMatchObject({ accepted: 0, declined: 0, withdrawn: 0, landed: 0, acceptanceRate: null });
    for (let i = 0; i < 5; i++) {
      const p = await createProject(regen, daxing, { nameZh: `统计项目${i}`, confidentiality: 'community' });
      const res = await regen.post<Referral>(`/api/communities/${daxing}/referrals`, { toCommunityId: jiading, projectId: p.id, note: `第${i}个` });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    expect((await alliance.post(`/api/communities/${jiading}/referrals/${ids[0]}/accept`, { pipelineId: foreignPipelineId, version: 1 })).status).toBe(200);
    expect((await alliance.post(`/api/communities/${jiading}/referrals/${ids[1]}/accept`, { pipelineId: foreignPipelineId, version: 1 })).status).toBe(200);
    expect((await alliance.post(`/api/communities/${jiading}/referrals/${ids[2]}/decline`, { reason: 'stage_too_early', version: 1 })).status).toBe(200);
    expect((await regen.post(`/api/communities/${daxing}/referrals/${ids[3]}/withdraw`, { version: 1 })).status).toBe(200);
    await rows(`update referrals set status = 'landed' where id = '${ids[1]}'`);

    const stats = await regen.get<ReferralStats>(`/api/communities/${daxing}/referrals/stats`);
    expect(stats.status).toBe(200);
    const zero = { total: 0, pending: 0, accepted: 0, declined: 0, withdrawn: 0, landed: 0, acceptanceRate: null };
    expect(stats.body).toEqual({
      from: null,
      to: null,
      sent: { total: 5, pending: 1, accepted: 1, declined: 1, withdrawn: 1, landed: 1, acceptanceRate: 2 / 3 },
      received: zero,
    });
    const theirs = await alliance.get<ReferralStats>(`/api/communities/${jiading}/referrals/stats`);
    expect(theirs.body.received).toEqual({ total: base.total + 5, pending: base.pending + 1, accepted: 1, declined: 1, withdrawn: 1, landed: 1, acceptanceRate: 2 / 3 });
    expect(theirs.body.sent).toEqual(zero);
    const future = await regen.get<ReferralStats>(`/api/communities/${daxing}/referrals/stats?from=2099-01-01`);
    expect(future.body.sent).toEqual(zero);
    const inverted = await regen.get(`/api/communities/${daxing}/referrals/stats?from=2026-02-01&to=2026-01-01`);
    expect(inverted.status).toBe(400);
    expect((await member.get(`/api/communities/${cmc}/referrals/stats`)).status).toBe(403);

    // Lists: newest first, pages of two, status filter, direction.
    const page1 = await regen.get<ReferralPage>(`/api/communities/${daxing}/referrals?direction=outgoing&limit=2`);
    expect(page1.body.items.map((i) => i.id)).toEqual([ids[4], ids[3]]);
    const page2 = await regen.get<ReferralPage>(`/api/communities/${daxing}/referrals?direction=outgoing&limit=2&cursor=${page1.body.nextCursor}`);
    expect(page2.body.items.map((i) => i.id)).toEqual([ids[2], ids[1]]);
    const page3 = await regen.get<ReferralPage>(`/api/communities/${daxing}/referrals?direction=outgoing&limit=2&cursor=${page2.body.nextCursor}`);
    expect([page3.body.items.map((i) => i.id), page3.body.nextCursor]).toEqual([[ids[0]], null]);
    const incoming = await regen.get<ReferralPage>(`/api/communities/${daxing}/referrals?direction=incoming`);
    expect(incoming.body.items).toEqual([]);
    const pending = await alliance.get<ReferralPage>(`/api/communities/${jiading}/referrals?direction=incoming&status=pending`);
    expect(pending.body.items.length).toBe(base.pending + 1);
    expect([pending.body.items[0]!.id, pending.body.items[0]!.direction, pending.body.items[0]!.project?.nameZh]).toEqual([ids[4], 'incoming', '统计项目4']);
    expect(pending.body.items.every((i) => i.status === 'pending')).toBe(true);
    expect((await regen.get(`/api/communities/${daxing}/referrals?cursor=nonsense`)).status).toBe(400);
    expect((await regen.get(`/api/communities/${daxing}/referrals?status=lost`)).status).toBe(400);
  });

  it('offers every community as a target, names only, to those who may refer', async () => {
    const res = await centre.get<ReferralTarget[]>('/api/referral-targets');
    expect(res.status).toBe(200);
    expect(res.body.map((c) => c.slug).sort()).toEqual(['china-medical-city', 'daxing-regen-park', 'jiading-biomed-alliance', 'taizhou-shanghai-centre']);
    expect(Object.keys(res.body[0]!).sort()).toEqual(['id', 'kind', 'nameEn', 'nameZhHans', 'nameZhHant', 'slug']);
    expect((await member.get('/api/referral-targets')).status).toBe(403);
  });

  it('exposes members for the owner picker through the existing members route', async () => {
    // The accept dialog picks the owner among the receiving community's staff.
    const park = await signedIn(t.app, 'park.admin@biobridge.demo');
    const members = await park.get<{ items: Member[] }>(`/api/communities/${cmc}/members?limit=200`);
    expect(members.body.items.some((m) => m.userId === staffUserId && m.role === 'staff')).toBe(true);
  });
});
