import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { todayIn } from '../../../domain/lifecycle/models';
import type { Project } from '../../../shared/schemas/directory';
import type { LifecycleBoard, LifecycleCatalogue, MilestoneResult, StageMoveResult, Timeline } from '../../../shared/schemas/lifecycle';
import { startTestApp, type Client, type TestApp } from '../../../../test/app';
import { createOrganisation, createProject, PDF, PNG, sendMultipart, signInEach } from '../directory/directory.fixtures';

type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

let t: TestApp;
let staff: Client; // staff, China Medical City
let member: Client; // member, China Medical City and the regen park
let viewer: Client; // viewer, China Medical City
let alliance: Client; // admin, Jiading
let regen: Client; // admin, regen park
let cmc: string;
let jiading: string;
let daxing: string;
const today = todayIn('Asia/Shanghai');

function daysAgo(n: number): string {
  const d = new Date(`${today}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

async function sql<T = Record<string, unknown>>(text: string): Promise<T[]> {
  return t.database.withConnection((c) => c.rows<T>(text));
}

async function setStageSince(projectId: string, date: string) {
  await t.database.withConnection((c) => c.exec(`update projects set stage_since = '${date}' where id = '${projectId}'`));
}

async function timeline(client: Client, projectId: string) {
  return client.get<Timeline>(`/api/directory/projects/${projectId}/timeline`);
}

beforeAll(async () => {
  t = await startTestApp();
  [staff, member, viewer, alliance, regen] = await signInEach(t.app, ['staff', 'member', 'viewer', 'alliance.admin', 'regen.admin']);
  cmc = staff.communityId('china-medical-city');
  jiading = alliance.communityId('jiading-biomed-alliance');
  daxing = regen.communityId('daxing-regen-park');
});
afterAll(() => t.close());

describe('models', () => {
  it('lists the models with their stages named in three languages, and the milestone kinds', async () => {
    const res = await viewer.get<LifecycleCatalogue>('/api/lifecycle/models');
    expect(res.status).toBe(200);
    expect(res.body.models.map((m) => m.code)).toEqual(['drug', 'cgt', 'device', 'device_i', 'device_ii', 'device_iii', 'ivd']);
    const classI = res.body.models.find((m) => m.code === 'device_i')!;
    expect(classI.deviceClass).toBe('I');
    expect(classI.stages.map((s) => s.code)).toEqual(['device_design', 'device_testing', 'device_filing', 'device_production', 'device_commercial', 'device_listed']);
    expect(classI.stages[2]).toEqual({ code: 'device_filing', nameZhHans: '第一类备案', nameZhHant: '第一類備案', nameEn: 'Class I filing' });
    expect(res.body.milestoneKinds.find((k) => k.code === 'class1_filed')).toMatchObject({ tracks: ['device'], stageCode: 'device_filing' });
    expect(res.body.milestoneKinds.find((k) => k.code === 'first_sale')?.tracks).toEqual([]);
  });

  it('needs a signed-in user', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/lifecycle/models' });
    expect(res.statusCode).toBe(401);
  });
});

describe('stage moves', () => {
  it('starts every project with its initial stage and records an advance', async () => {
    const p = await createProject(staff, cmc, { stage: 'preclinical' });
    const first = await timeline(staff, p.id);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ modelCode: 'drug', stage: 'preclinical', stageSince: today, daysInStage: 0, version: 1 });
    expect(first.body.entries).toHaveLength(1);
    expect(first.body.entries[0]).toMatchObject({ type: 'stage_change', kind: 'initial', fromStage: null, toStage: 'preclinical', date: today, recordedBy: { displayName: '王磊' } });

    await setStageSince(p.id, daysAgo(40));
    const moved = await staff.post<StageMoveResult>(`/api/directory/projects/${p.id}/stage-moves`, { toStage: 'phase_1', changedOn: daysAgo(5), version: 1 });
    expect(moved.status).toBe(201);
    expect(moved.body.project).toMatchObject({ stage: 'phase_1', stageSince: daysAgo(5), daysInStage: 5, version: 2 });
    expect(moved.body.change).toMatchObject({ kind: 'advance', fromStage: 'preclinical', toStage: 'phase_1', skipped: [], reason: '', date: daysAgo(5) });
    const [row] = await sql<{ stage: string; stage_since: string; version: number }>(`select stage, stage_since::text, version from projects where id = '${p.id}'`);
    expect(row).toEqual({ stage: 'phase_1', stage_since: daysAgo(5), version: 2 });
    const audit = await sql<{ action: string; community_id: string }>(`select action, community_id from audit_log where entity_id = '${p.id}' and action = 'project.stage_moved'`);
    expect(audit).toEqual([{ action: 'project.stage_moved', community_id: cmc }]);
  });

  it('records a skip with exactly the stages passed over', async () => {
    const p = await createProject(staff, cmc, { stage: 'research' });
    const res = await staff.post<StageMoveResult>(`/api/directory/projects/${p.id}/stage-moves`, { toStage: 'phase_2', changedOn: today, version: 1 });
    expect(res.status).toBe(201);
    expect(res.body.change).toMatchObject({ kind: 'skip', skipped: ['preclinical', 'phase_1'] });
  });

  it('refuses a rollback without a reason, and records it with one (shown in the timeline)', async () => {
    const p = await createProject(staff, cmc, { stage: 'phase_2' });
    const bare = await staff.request<ErrorBody>('POST', `/api/directory/projects/${p.id}/stage-moves`, { toStage: 'phase_1', changedOn: today, version: 1 }, { 'accept-language': 'en' });
    expect(bare.status).toBe(400);
    expect(bare.body.error.fields).toEqual({ reason: 'Moving back to an earlier stage needs a reason' });
    const blank = await staff.post<ErrorBody>(`/api/directory/projects/${p.id}/stage-moves`, { toStage: 'phase_1', changedOn: today, version: 1, reason: '   ' });
    expect(Object.keys(blank.body.error.fields ?? {})).toEqual(['reason']);
    expect(await sql(`select 1 from project_stage_changes where project_id = '${p.id}' and kind <> 'initial'`)).toEqual([]);
    expect((await sql<{ version: number }>(`select version from projects where id = '${p.id}'`))[0]!.version).toBe(1);

    const ok = await staff.post<StageMoveResult>(`/api/directory/projects/${p.id}/stage-moves`, { toStage: 'phase_1', changedOn: today, version: 1, reason: 'II期主要终点未达成,重新设计I期剂量' });
    expect(ok.status).toBe(201);
    expect(ok.body.change).toMatchObject({ kind: 'rollback', reason: 'II期主要终点未达成,重新设计I期剂量' });
    const tl = await timeline(member, p.id);
    expect(tl.body.entries.map((e) => (e.type === 'stage_change' ? [e.kind, e.toStage, e.reason] : [e.type]))).toEqual([
      ['rollback', 'phase_1', 'II期主要终点未达成,重新设计I期剂量'],
      ['initial', 'phase_2', ''],
    ]);
    expect(tl.body.permissions).toEqual({ canEdit: false, canAddMilestone: false });
  });

  it('rejects the same stage, a stage outside the model, bad dates; 409 on a stale version', async () => {
    const p = await createProject(staff, cmc, { stage: 'preclinical' });
    const url = `/api/directory/projects/${p.id}/stage-moves`;
    const same = await staff.post<ErrorBody>(url, { toStage: 'preclinical', changedOn: today, version: 1 });
    expect([same.status, Object.keys(same.body.error.fields ?? {})]).toEqual([400, ['toStage']]);
    const device = await staff.post<ErrorBody>(url, { toStage: 'device_design', changedOn: today, version: 1 });
    expect([device.status, Object.keys(device.body.error.fields ?? {})]).toEqual([400, ['toStage']]);
    const future = await staff.post<ErrorBody>(url, { toStage: 'phase_1', changedOn: '2999-01-01', version: 1 });
    expect([future.status, Object.keys(future.body.error.fields ?? {})]).toEqual([400, ['changedOn']]);
    const early = await staff.post<ErrorBody>(url, { toStage: 'phase_1', changedOn: daysAgo(3), version: 1 });
    expect([early.status, Object.keys(early.body.error.fields ?? {})]).toEqual([400, ['changedOn']]);
    expect((await staff.post(url, { toStage: 'phase_1', changedOn: today, version: 1 })).status).toBe(201);
    const stale = await staff.post<ErrorBody>(url, { toStage: 'phase_2', changedOn: today, version: 1 });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict']);
    expect((await sql(`select 1 from project_stage_changes where project_id = '${p.id}'`)).length).toBe(2);
  });

  it('follows the device class: class I is filed and never in clinical evaluation', async () => {
    const p = await createProject(staff, cmc, { track: 'device', segment: 'medical_device', stage: 'device_testing', deviceClass: 'I' });
    const tl = await timeline(staff, p.id);
    expect(tl.body).toMatchObject({ modelCode: 'device_i', deviceClass: 'I' });
    const clinical = await staff.post<ErrorBody>(`/api/directory/projects/${p.id}/stage-moves`, { toStage: 'device_clinical', changedOn: today, version: 1 });
    expect(clinical.status).toBe(400);
    const filed = await staff.post<StageMoveResult>(`/api/directory/projects/${p.id}/stage-moves`, { toStage: 'device_filing', changedOn: today, version: 1 });
    expect(filed.body.change.kind).toBe('advance');
  });

  it('lets only the project editors move it: 403 to a member who sees it, 404 to one who may not see it', async () => {
    const p = await createProject(staff, cmc, { stage: 'preclinical' });
    expect((await member.post(`/api/directory/projects/${p.id}/stage-moves`, { toStage: 'phase_1', changedOn: today, version: 1 })).status).toBe(403);
    expect((await alliance.post(`/api/directory/projects/${p.id}/stage-moves`, { toStage: 'phase_1', changedOn: today, version: 1 })).status).toBe(404);
    expect((await sql(`select 1 from project_stage_changes where project_id = '${p.id}'`)).length).toBe(1);
  });
});

describe('timeline visibility', () => {
  it("is 404 to those who may not see a confidential project, like a missing one", async () => {
    const p = await createProject(staff, cmc, { confidentiality: 'named_investors' });
    expect((await timeline(staff, p.id)).status).toBe(200);
    expect((await timeline(member, p.id)).status).toBe(404);
    expect((await timeline(alliance, p.id)).status).toBe(404);
    expect((await timeline(alliance, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    const community = await createProject(staff, cmc, { confidentiality: 'community' });
    expect((await timeline(viewer, community.id)).status).toBe(200);
    expect((await timeline(alliance, community.id)).status).toBe(404);
  });
});

describe('the project form (PATCH)', () => {
  it('records a stage edited in the form; a move back needs stageReason', async () => {
    const p = await createProject(staff, cmc, { stage: 'phase_1' });
    const on = await staff.patch<Project>(`/api/directory/projects/${p.id}`, { version: 1, stage: 'phase_3' });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ stage: 'phase_3', stageSince: today, version: 2, deviceClass: null });
    const back = await staff.request<ErrorBody>('PATCH', `/api/directory/projects/${p.id}`, { version: 2, stage: 'phase_2' }, { 'accept-language': 'en' });
    expect(back.status).toBe(400);
    expect(back.body.error.fields).toEqual({ stageReason: 'Moving back to an earlier stage needs a reason' });
    expect((await sql<{ stage: string }>(`select stage from projects where id = '${p.id}'`))[0]!.stage).toBe('phase_3');
    const reasoned = await staff.patch<Project>(`/api/directory/projects/${p.id}`, { version: 2, stage: 'phase_2', stageReason: '监管要求补充II期数据' });
    expect(reasoned.status).toBe(200);
    const tl = await timeline(staff, p.id);
    expect(tl.body.entries.filter((e) => e.type === 'stage_change').map((e) => e.type === 'stage_change' && [e.kind, e.fromStage, e.toStage, e.skipped, e.reason])).toEqual([
      ['rollback', 'phase_3', 'phase_2', [], '监管要求补充II期数据'],
      ['skip', 'phase_1', 'phase_3', ['phase_2'], ''],
      ['initial', null, 'phase_1', [], ''],
    ]);
  });

  it('keeps the device class for devices only, and the stage in the class model', async () => {
    const p = await createProject(staff, cmc, { track: 'device', segment: 'medical_device', stage: 'device_clinical' });
    const classI = await staff.patch<ErrorBody>(`/api/directory/projects/${p.id}`, { version: 1, deviceClass: 'I' });
    expect([classI.status, Object.keys(classI.body.error.fields ?? {})]).toEqual([400, ['stage']]);
    const classIII = await staff.patch<Project>(`/api/directory/projects/${p.id}`, { version: 1, deviceClass: 'III' });
    expect(classIII.body.deviceClass).toBe('III');
    const drugWithClass = await staff.post<ErrorBody>('/api/directory/projects', { communityId: cmc, nameZh: '药', segment: 'innovative_drug', track: 'drug', stage: 'research', deviceClass: 'II' });
    expect([drugWithClass.status, Object.keys(drugWithClass.body.error.fields ?? {})]).toEqual([400, ['deviceClass']]);
    const toIvd = await staff.patch<Project>(`/api/directory/projects/${p.id}`, { version: 2, track: 'ivd', stage: 'ivd_development' });
    expect(toIvd.status).toBe(200);
    expect(toIvd.body.deviceClass).toBeNull();
    const tl = await timeline(staff, p.id);
    expect(tl.body.entries[0]).toMatchObject({ type: 'stage_change', kind: 'initial', fromStage: 'device_clinical', toStage: 'ivd_development' });
  });

  it('reads a move in the class model when a device gets its class in the same edit', async () => {
    const p = await createProject(staff, cmc, { track: 'device', segment: 'medical_device', stage: 'device_clinical' });
    const back = await staff.patch<ErrorBody>(`/api/directory/projects/${p.id}`, { version: 1, deviceClass: 'II', stage: 'device_design' });
    expect([back.status, Object.keys(back.body.error.fields ?? {})]).toEqual([400, ['stageReason']]);
    const on = await staff.patch<Project>(`/api/directory/projects/${p.id}`, { version: 1, deviceClass: 'II', stage: 'device_production' });
    expect(on.status).toBe(200);
    const tl = await timeline(staff, p.id);
    expect(tl.body).toMatchObject({ modelCode: 'device_ii', stage: 'device_production' });
    expect(tl.body.entries[0]).toMatchObject({ kind: 'skip', skipped: ['device_registration'] });
  });
});

describe('milestones', () => {
  it('records a milestone with a link, shows it with its recorder, and removes it', async () => {
    const p = await createProject(staff, cmc, { stage: 'phase_1' });
    const res = await staff.post<MilestoneResult>(`/api/directory/projects/${p.id}/milestones`, {
      kind: 'ind_accepted',
      occurredOn: today,
      evidenceUrl: 'https://www.cde.org.cn/main/xxgk/listpage/9f9c74c73e0f8f56a8bfbc646055026d',
      note: '受理号 CXSL2600123',
    });
    expect(res.status).toBe(201);
    expect(res.body.milestone).toMatchObject({ kind: 'ind_accepted', date: today, evidenceFile: null, recordedBy: { displayName: '王磊' }, canDelete: true, note: '受理号 CXSL2600123' });
    expect(res.body.change).toBeNull();
    const tl = await timeline(member, p.id);
    expect(tl.body.entries[0]).toMatchObject({ type: 'milestone', kind: 'ind_accepted', canDelete: false });
    expect((await member.delete(`/api/directory/projects/${p.id}/milestones/${res.body.milestone.id}`)).status).toBe(403);
    expect((await alliance.delete(`/api/directory/projects/${p.id}/milestones/${res.body.milestone.id}`)).status).toBe(404);
    expect((await staff.delete(`/api/directory/projects/${p.id}/milestones/${res.body.milestone.id}`)).status).toBe(200);
    expect((await staff.delete(`/api/directory/projects/${p.id}/milestones/${res.body.milestone.id}`)).status).toBe(404);
    expect(await sql(`select action from audit_log where entity_id = '${p.id}' and action like 'project.milestone%' order by id`)).toEqual([
      { action: 'project.milestone_added' },
      { action: 'project.milestone_removed' },
    ]);
  });

  it('needs evidence, an http(s) link, a kind of the track, no future date', async () => {
    const p = await createProject(staff, cmc, { stage: 'phase_1' });
    const url = `/api/directory/projects/${p.id}/milestones`;
    const none = await staff.request<ErrorBody>('POST', url, { kind: 'ind_accepted', occurredOn: today }, { 'accept-language': 'en' });
    expect([none.status, none.body.error.fields]).toEqual([400, { evidence: 'Add a document or a link as evidence' }]);
    const js = await staff.post<ErrorBody>(url, { kind: 'ind_accepted', occurredOn: today, evidenceUrl: 'javascript:alert(1)' });
    expect([js.status, Object.keys(js.body.error.fields ?? {})]).toEqual([400, ['evidenceUrl']]);
    const wrong = await staff.post<ErrorBody>(url, { kind: 'class1_filed', occurredOn: today, evidenceUrl: 'https://example.cn/a' });
    expect([wrong.status, Object.keys(wrong.body.error.fields ?? {})]).toEqual([400, ['kind']]);
    const unknown = await staff.post<ErrorBody>(url, { kind: 'moon_landing', occurredOn: today, evidenceUrl: 'https://example.cn/a' });
    expect([unknown.status, Object.keys(unknown.body.error.fields ?? {})]).toEqual([400, ['kind']]);
    const future = await staff.post<ErrorBody>(url, { kind: 'first_sale', occurredOn: '2999-01-01', evidenceUrl: 'https://example.cn/a' });
    expect([future.status, Object.keys(future.body.error.fields ?? {})]).toEqual([400, ['occurredOn']]);
    expect(await sql(`select 1 from project_milestones where project_id = '${p.id}'`)).toEqual([]);
    expect((await member.post(url, { kind: 'first_sale', occurredOn: today, evidenceUrl: 'https://example.cn/a' })).status).toBe(403);
  });

  it('takes an uploaded document (PDF or image) of the project as evidence, downloadable by who sees the project', async () => {
    const p = await createProject(staff, cmc, { stage: 'phase_1', confidentiality: 'community' });
    const other = await createProject(staff, cmc, {});
    const notAllowed = await sendMultipart(t.app, member, `/api/directory/projects/${p.id}/milestone-evidence`, [{ name: 'file', file: { filename: 'x.pdf', contentType: 'application/pdf', data: PDF } }]);
    expect(notAllowed.status).toBe(403);
    const text = await sendMultipart<ErrorBody>(t.app, staff, `/api/directory/projects/${p.id}/milestone-evidence`, [{ name: 'file', file: { filename: 'x.pdf', contentType: 'application/pdf', data: Buffer.from('hello') } }]);
    expect([text.status, Object.keys(text.body.error.fields ?? {})]).toEqual([422, ['file']]);
    expect(await sql(`select 1 from project_attachments where project_id = '${p.id}'`)).toEqual([]);
    const png = await sendMultipart<{ id: string; contentType: string; filename: string }>(t.app, staff, `/api/directory/projects/${p.id}/milestone-evidence`, [
      { name: 'file', file: { filename: '注册证.png', contentType: 'image/png', data: PNG } },
    ]);
    expect(png.status).toBe(201);
    expect(png.body).toMatchObject({ contentType: 'image/png', filename: '注册证.png' });
    const foreign = await staff.post<ErrorBody>(`/api/directory/projects/${other.id}/milestones`, { kind: 'first_sale', occurredOn: today, evidenceFileId: png.body.id });
    expect([foreign.status, Object.keys(foreign.body.error.fields ?? {})]).toEqual([400, ['evidenceFileId']]);
    const res = await staff.post<MilestoneResult>(`/api/directory/projects/${p.id}/milestones`, { kind: 'gmp_certified', occurredOn: today, evidenceFileId: png.body.id });
    expect(res.status).toBe(201);
    expect(res.body.milestone.evidenceFile).toEqual({ id: png.body.id, filename: '注册证.png', contentType: 'image/png', sizeBytes: PNG.length });
    expect((await viewer.get(`/api/files/${png.body.id}`)).status).toBe(200);
    expect((await alliance.get(`/api/files/${png.body.id}`)).status).toBe(404);
    // The evidence cannot be removed from the attachments while the milestone cites it.
    const detail = await staff.get<{ attachments: { id: string; fileId: string }[] }>(`/api/directory/projects/${p.id}`);
    const attachment = detail.body.attachments.find((a) => a.fileId === png.body.id)!;
    const removal = await staff.delete<ErrorBody>(`/api/directory/projects/${p.id}/attachments/${attachment.id}`);
    expect([removal.status, removal.body.error.code, Object.keys(removal.body.error.fields ?? {})]).toEqual([409, 'state_conflict', ['attachmentId']]);
    expect((await viewer.get(`/api/files/${png.body.id}`)).status).toBe(200);
  });

  it('moves to the milestone kind stage when asked, on the milestone date', async () => {
    const p = await createProject(staff, cmc, { track: 'device', segment: 'medical_device', stage: 'device_testing', deviceClass: 'I' });
    const noVersion = await staff.post<ErrorBody>(`/api/directory/projects/${p.id}/milestones`, { kind: 'class1_filed', occurredOn: today, evidenceUrl: 'https://example.cn/filing', moveToStage: true });
    expect([noVersion.status, Object.keys(noVersion.body.error.fields ?? {})]).toEqual([400, ['version']]);
    const res = await staff.post<MilestoneResult>(`/api/directory/projects/${p.id}/milestones`, {
      kind: 'class1_filed',
      occurredOn: today,
      evidenceUrl: 'https://example.cn/filing',
      moveToStage: true,
      version: 1,
    });
    expect(res.status).toBe(201);
    expect(res.body.project).toMatchObject({ stage: 'device_filing', version: 2 });
    expect(res.body.change).toMatchObject({ kind: 'advance', toStage: 'device_filing' });
    const stale = await staff.post<ErrorBody>(`/api/directory/projects/${p.id}/milestones`, { kind: 'first_sale', occurredOn: today, evidenceUrl: 'https://example.cn/x', moveToStage: true, version: 1 });
    expect(stale.status).toBe(400); // first_sale has no stage
    expect((await sql(`select 1 from project_milestones where project_id = '${p.id}'`)).length).toBe(1);
  });
});

describe('lifecycle board', () => {
  it('counts home and resident projects the viewer may see, with days in stage', async () => {
    const board = (query = '') => regen.get<LifecycleBoard>(`/api/communities/${daxing}/lifecycle/board?track=cgt${query}`);
    const empty = await board();
    expect(empty.status).toBe(200);
    expect(empty.body.today).toBe(today);
    expect(empty.body.models.map((m) => [m.code, m.total])).toEqual([['cgt', 0]]);

    const home = await createOrganisation(regen, daxing);
    const a = await createProject(regen, daxing, { track: 'cgt', segment: 'cell_therapy', stage: 'cgt_iit', nameZh: '甲细胞治疗', ownerOrganisationId: home.id });
    const b = await createProject(regen, daxing, { track: 'cgt', segment: 'cell_therapy', stage: 'cgt_iit', nameZh: '乙基因治疗' });
    const c = await createProject(regen, daxing, { track: 'cgt', segment: 'gene_therapy', stage: 'cgt_phase_1', nameZh: '丙溶瘤病毒' });
    // A Jiading company resident in the regen park: its public project counts, its community-only one is not seen.
    const resident = await createOrganisation(alliance, jiading);
    expect((await regen.post('/api/directory/links', { fromType: 'organisation', fromId: resident.id, role: 'resident_of', toType: 'community', toId: daxing })).status).toBe(201);
    const d = await createProject(alliance, jiading, { track: 'cgt', segment: 'cell_therapy', stage: 'cgt_iit', nameZh: '丁CAR-NK', ownerOrganisationId: resident.id, confidentiality: 'public' });
    await createProject(alliance, jiading, { track: 'cgt', segment: 'cell_therapy', stage: 'cgt_iit', nameZh: '戊保密', ownerOrganisationId: resident.id, confidentiality: 'community' });
    // Another Jiading project, not resident: not the park's.
    await createProject(alliance, jiading, { track: 'cgt', segment: 'cell_therapy', stage: 'cgt_iit', confidentiality: 'public' });
    await setStageSince(a.id, daysAgo(10));
    await setStageSince(b.id, daysAgo(30));
    await setStageSince(d.id, daysAgo(100));
    await setStageSince(c.id, daysAgo(7));

    const res = await board();
    const cgt = res.body.models[0]!;
    expect(cgt.total).toBe(4);
    const iit = cgt.stages.find((s) => s.code === 'cgt_iit')!;
    expect(iit).toMatchObject({ nameZhHans: '研究者发起临床', count: 3, medianDays: 30, maxDays: 100 });
    expect(iit.projects.map((p) => [p.nameZh, p.daysInStage, p.via])).toEqual([
      ['丁CAR-NK', 100, 'resident'],
      ['乙基因治疗', 30, 'home'],
      ['甲细胞治疗', 10, 'home'],
    ]);
    expect(cgt.stages.find((s) => s.code === 'cgt_phase_1')).toMatchObject({ count: 1, medianDays: 7, maxDays: 7 });
    expect(cgt.stages.filter((s) => s.count === 0).map((s) => s.medianDays)).toEqual(Array(cgt.stages.length - 2).fill(null));

    const segment = await board('&segment=gene_therapy');
    expect(segment.body.models[0]!.total).toBe(1);
    const capped = await board('&perStage=1');
    expect(capped.body.models[0]!.stages.find((s) => s.code === 'cgt_iit')).toMatchObject({ count: 3, projects: [{ nameZh: '丁CAR-NK' }] });
    const all = await regen.get<LifecycleBoard>(`/api/communities/${daxing}/lifecycle/board`);
    expect(all.body.models.map((m) => m.code)).toEqual(['drug', 'cgt', 'device', 'device_i', 'device_ii', 'device_iii', 'ivd']);
  });

  it('needs pipeline.read in the community: 403 to a member, 404 to outsiders', async () => {
    expect((await member.get(`/api/communities/${daxing}/lifecycle/board`)).status).toBe(403);
    expect((await staff.get(`/api/communities/${daxing}/lifecycle/board`)).status).toBe(404);
    expect((await staff.get(`/api/communities/${cmc}/lifecycle/board`)).status).toBe(200);
    const bad = await staff.get<ErrorBody>(`/api/communities/${cmc}/lifecycle/board?track=spaceship`);
    expect(bad.status).toBe(400);
  });
});

describe('imports', () => {
  it('records a stage changed by an import in the timeline (a move back carries the import as its reason)', async () => {
    const { importsOf, uniqueTag } = await import('../transfer/helpers.test-support');
    const { csvOf } = await import('../transfer/test-files');
    const admin = await signInEach(t.app, ['park.admin'] as const);
    const imports = importsOf(t, admin[0], cmc);
    const tag = uniqueTag();
    const p = await createProject(staff, cmc, { nameZh: `${tag}导入项目`, stage: 'phase_2' });
    const up = await imports.upload('project', 'stage.csv', csvOf([['项目名称', '所属行业', '研发阶段'], [`${tag}导入项目`, '创新药', '临床前']]));
    expect((await imports.preview(up.body, 'update')).body.rows[0]).toMatchObject({ status: 'duplicate' });
    await imports.commit(up.body);
    const tl = await timeline(staff, p.id);
    expect(tl.body).toMatchObject({ stage: 'preclinical', stageSince: today });
    const change = tl.body.entries[0]!;
    expect(change).toMatchObject({ type: 'stage_change', kind: 'rollback', fromStage: 'phase_2', toStage: 'preclinical' });
    expect(change.type === 'stage_change' && change.reason.startsWith('import ')).toBe(true);
  });
});
