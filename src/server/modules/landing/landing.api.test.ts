import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompanyFigures, Figures, FiguresTable, Incubation, IncubationList, Landing, LandingCreated, LandingList, Zone } from '../../../shared/schemas/landing';
import type { TestApp, Client } from '../../../../test/app';
import { startTestApp } from '../../../../test/app';
import { createOrganisation, createProject, signInEach } from '../directory/directory.fixtures';

type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

let t: TestApp;
let admin: Client; // community admin, China Medical City; staff at the Shanghai centre
let staff: Client; // staff, China Medical City
let member: Client; // member of China Medical City and the regen park; represents 江苏禾曜细胞治疗
let viewer: Client; // viewer, China Medical City
let investor: Client; // investor, China Medical City
let alliance: Client; // admin, Jiading
let centre: Client; // admin, the Shanghai centre
let cmc: string;
let centreId: string;
let jiading: string;
let heyao: string;

async function sqlRows<T>(text: string): Promise<T[]> {
  return t.database.withConnection((c) => c.rows<T>(text));
}
async function count(text: string): Promise<number> {
  return (await sqlRows<{ n: number }>(`select (${text})::int as n`))[0]!.n;
}
const put = <T>(c: Client, url: string, body: unknown) => c.request<T>('PUT', url, body);
const base = () => `/api/communities/${cmc}`;

beforeAll(async () => {
  t = await startTestApp();
  [admin, staff, member, viewer, investor, alliance, centre] = await signInEach(t.app, ['park.admin', 'staff', 'member', 'viewer', 'investor', 'alliance.admin', 'centre.admin']);
  cmc = staff.communityId('china-medical-city');
  centreId = centre.communityId('taizhou-shanghai-centre');
  jiading = alliance.communityId('jiading-biomed-alliance');
  heyao = (await sqlRows<{ id: string }>(`select id from organisations where name_zh = '江苏禾曜细胞治疗有限公司'`))[0]!.id;
});
afterAll(() => t.close());

async function zone(client: Client, communityId: string, fields: Record<string, unknown> = {}) {
  const res = await client.post<Zone>(`/api/communities/${communityId}/zones`, { kind: 'rnd', nameZh: `研发区${crypto.randomBytes(3).toString('hex')}`, totalAreaSqm: 10_000, ...fields });
  expect(res.status).toBe(201);
  return res.body;
}

async function land(fields: Record<string, unknown> = {}) {
  const org = await createOrganisation(staff, cmc);
  const res = await staff.post<LandingCreated>(`${base()}/landings`, { organisationId: org.id, landedOn: '2025-06-18', ...fields });
  expect(res.status).toBe(201);
  return res.body;
}

// ---------------------------------------------------------------- zones

describe('zones', () => {
  it('lets admins shape zones, with occupied and free area from the landings', async () => {
    const z = await zone(admin, cmc, { kind: 'acceleration', nameZh: '加速区A', nameEn: 'Acceleration A', totalAreaSqm: 12_000 });
    expect(z).toMatchObject({ kind: 'acceleration', nameZh: '加速区A', nameEn: 'Acceleration A', totalAreaSqm: 12_000, occupiedAreaSqm: 0, freeAreaSqm: 12_000, landingCount: 0, version: 1 });
    await land({ zoneId: z.id, floorAreaSqm: 2_500 });
    await land({ zoneId: z.id, floorAreaSqm: 1_000 });
    await land({ zoneId: z.id });
    const list = await staff.get<Zone[]>(`${base()}/zones`);
    expect(list.status).toBe(200);
    expect(list.body.find((x) => x.id === z.id)).toMatchObject({ occupiedAreaSqm: 3_500, freeAreaSqm: 8_500, landingCount: 3 });
  });

  it('keeps zone shaping to admins and reading to landing.read', async () => {
    expect((await staff.post(`${base()}/zones`, { kind: 'rnd', nameZh: '员工建的区' })).status).toBe(403);
    expect((await viewer.get(`${base()}/zones`)).status).toBe(403);
    expect((await member.get(`${base()}/zones`)).status).toBe(403);
    expect((await alliance.get(`${base()}/zones`)).status).toBe(404);
    expect(await count(`select count(*) from community_zones where name_zh = '员工建的区'`)).toBe(0);
  });

  it('refuses a duplicate name, a bad kind, and a stale version', async () => {
    const z = await zone(admin, cmc, { nameZh: '产业化一区', kind: 'industrialisation' });
    const dup = await admin.post<ErrorBody>(`${base()}/zones`, { kind: 'rnd', nameZh: '产业化一区' });
    expect([dup.status, dup.body.error.code, dup.body.error.fields]).toEqual([409, 'duplicate_record', { nameZh: expect.any(String) }]);
    const bad = await admin.post<ErrorBody>(`${base()}/zones`, { kind: 'warehouse', nameZh: '仓库' });
    expect([bad.status, Object.keys(bad.body.error.fields ?? {})]).toEqual([400, ['kind']]);
    const other = await zone(admin, cmc, { nameZh: '产业化二区' });
    const rename = await admin.patch<ErrorBody>(`${base()}/zones/${other.id}`, { version: 1, nameZh: '产业化一区' });
    expect([rename.status, rename.body.error.code]).toEqual([409, 'duplicate_record']);
    const ok = await admin.patch<Zone>(`${base()}/zones/${z.id}`, { version: 1, totalAreaSqm: 30_000 });
    expect([ok.status, ok.body.version, ok.body.totalAreaSqm, ok.body.freeAreaSqm]).toEqual([200, 2, 30_000, 30_000]);
    const stale = await admin.patch<ErrorBody>(`${base()}/zones/${z.id}`, { version: 1, totalAreaSqm: 1 });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict']);
    expect((await sqlRows<{ a: number }>(`select total_area_sqm as a from community_zones where id = '${z.id}'`))[0]!.a).toBe(30_000);
  });

  it('deletes an empty zone and refuses one that holds landings', async () => {
    const busy = await zone(admin, cmc);
    await land({ zoneId: busy.id, floorAreaSqm: 100 });
    const refused = await admin.delete<ErrorBody>(`${base()}/zones/${busy.id}`);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'state_conflict']);
    const empty = await zone(admin, cmc);
    expect((await staff.delete(`${base()}/zones/${empty.id}`)).status).toBe(403);
    expect((await admin.delete(`${base()}/zones/${empty.id}`)).status).toBe(200);
    expect(await count(`select count(*) from community_zones where id in ('${empty.id}', '${busy.id}')`)).toBe(1);
  });

  it("answers 404 for another community's zone", async () => {
    const foreign = await zone(alliance, jiading);
    expect((await admin.patch(`${base()}/zones/${foreign.id}`, { version: 1, totalAreaSqm: 1 })).status).toBe(404);
    expect((await admin.delete(`${base()}/zones/${foreign.id}`)).status).toBe(404);
  });
});

// ---------------------------------------------------------------- landings

describe('recording a landing', () => {
  it('records the company, links it resident_of the community and indexes that, in one step', async () => {
    const org = await createOrganisation(staff, cmc);
    const z = await zone(admin, cmc);
    expect(await count(`select count(*) from directory_links where from_id = '${org.id}' and role = 'resident_of'`)).toBe(0);
    const res = await staff.post<LandingCreated>(`${base()}/landings`, {
      organisationId: org.id,
      zoneId: z.id,
      floorAreaSqm: 1_200,
      registeredCapitalFen: 5_000_000_000,
      committedInvestmentFen: 30_000_000_000,
      landedOn: '2025-09-01',
      note: '一期租用G楼三层',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      organisation: { entityType: 'organisation', id: org.id },
      project: null,
      pipelineItemId: null,
      zone: { id: z.id, kind: 'rnd', nameZh: z.nameZh },
      floorAreaSqm: 1_200,
      registeredCapitalFen: 5_000_000_000,
      committedInvestmentFen: 30_000_000_000,
      landedOn: '2025-09-01',
      note: '一期租用G楼三层',
      version: 1,
      residentLinkCreated: true,
      landedReferralId: null,
    });
    const [link] = await sqlRows<{ since: string; to_type: string }>(
      `select since::text, to_type from directory_links where from_type = 'organisation' and from_id = '${org.id}' and role = 'resident_of' and to_id = '${cmc}'`,
    );
    expect(link).toEqual({ since: '2025-09-01', to_type: 'community' });
    const [doc] = await sqlRows<{ ids: string }>(`select community_ids::text as ids from search_documents where entity_id = '${org.id}'`);
    expect(doc!.ids).toContain(cmc);
    expect(await count(`select count(*) from audit_log where entity_id = '${res.body.id}' and action = 'landing.created'`)).toBe(1);
    // Read back.
    const one = await investor.get(`${base()}/landings/${res.body.id}`);
    expect(one.status).toBe(403);
    const got = await staff.get<Landing>(`${base()}/landings/${res.body.id}`);
    expect(got.body).toMatchObject({ id: res.body.id, floorAreaSqm: 1_200 });
    expect(got.body).not.toHaveProperty('residentLinkCreated');
  });

  it('keeps an existing resident_of link and answers 409 for a second landing of the company', async () => {
    const org = await createOrganisation(staff, cmc);
    await sqlRows(`insert into directory_links (from_type, from_id, role, to_type, to_id) values ('organisation', '${org.id}', 'resident_of', 'community', '${cmc}')`);
    const first = await staff.post<LandingCreated>(`${base()}/landings`, { organisationId: org.id, landedOn: '2021-04-01', floorAreaSqm: 3_000 });
    expect([first.status, first.body.residentLinkCreated]).toEqual([201, false]);
    const again = await staff.post<ErrorBody>(`${base()}/landings`, { organisationId: org.id, landedOn: '2022-04-01' });
    expect([again.status, again.body.error.code, again.body.error.fields]).toEqual([409, 'duplicate_record', { organisationId: expect.any(String) }]);
    expect(await count(`select count(*) from landings where organisation_id = '${org.id}' and community_id = '${cmc}'`)).toBe(1);
    expect(await count(`select count(*) from directory_links where from_id = '${org.id}' and role = 'resident_of' and to_id = '${cmc}'`)).toBe(1);
    // The demo's 禾曜细胞 has landed already.
    expect((await staff.post(`${base()}/landings`, { organisationId: heyao, landedOn: '2022-04-01' })).status).toBe(409);
  });

  it('marks the accepted referral of the project to this community landed, and only that one', async () => {
    const owner = await createOrganisation(centre, centreId);
    const project = await createProject(centre, centreId, { ownerOrganisationId: owner.id, confidentiality: 'public' });
    const other = await createProject(centre, centreId, { ownerOrganisationId: owner.id, confidentiality: 'public' });
    const [accepted] = await sqlRows<{ id: string }>(
      `insert into referrals (from_community_id, to_community_id, project_id, status, note) values ('${centreId}', '${cmc}', '${project.id}', 'accepted', '推荐落地') returning id`,
    );
    const [declined] = await sqlRows<{ id: string }>(
      `insert into referrals (from_community_id, to_community_id, project_id, status, decline_reason) values ('${centreId}', '${cmc}', '${project.id}', 'declined', 'no_space') returning id`,
    );
    const [elsewhere] = await sqlRows<{ id: string }>(
      `insert into referrals (from_community_id, to_community_id, project_id, status) values ('${centreId}', '${cmc}', '${other.id}', 'accepted') returning id`,
    );
    const res = await staff.post<LandingCreated>(`${base()}/landings`, { organisationId: owner.id, projectId: project.id, landedOn: '2025-10-08', committedInvestmentFen: 1_000_000_000 });
    expect(res.status).toBe(201);
    expect(res.body.landedReferralId).toBe(accepted!.id);
    expect(res.body.project).toMatchObject({ entityType: 'project', id: project.id });
    const rows = await sqlRows<{ id: string; status: string; version: number }>(
      `select id, status, version from referrals where id in ('${accepted!.id}', '${declined!.id}', '${elsewhere!.id}') order by status, id`,
    );
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: accepted!.id, status: 'landed', version: 2 },
        { id: declined!.id, status: 'declined', version: 1 },
        { id: elsewhere!.id, status: 'accepted', version: 1 },
      ]),
    );
    expect(await count(`select count(*) from audit_log where entity_id = '${accepted!.id}' and action = 'referral.landed' and community_id = '${cmc}'`)).toBe(1);
  });

  it('takes a pipeline item of this community only, and an enterprise only; nothing written on failure', async () => {
    const [foreign] = await sqlRows<{ id: string }>(`
      with p as (insert into pipelines (community_id, name_zh) values ('${jiading}', '嘉定招商') returning id),
           s as (insert into pipeline_stages (pipeline_id, code, name_zh, position) select id, 'lead', '线索', 0 from p returning id, pipeline_id)
      insert into pipeline_items (community_id, pipeline_id, stage_id, title, rank) select '${jiading}', pipeline_id, id, '外社区项目', 'a0' from s returning id`);
    const [own] = await sqlRows<{ id: string }>(`
      with p as (insert into pipelines (community_id, name_zh) values ('${cmc}', '药城招商') returning id),
           s as (insert into pipeline_stages (pipeline_id, code, name_zh, position) select id, 'lead', '线索', 0 from p returning id, pipeline_id)
      insert into pipeline_items (community_id, pipeline_id, stage_id, title, rank) select '${cmc}', pipeline_id, id, '本社区项目', 'a0' from s returning id`);
    const org = await createOrganisation(staff, cmc);
    const fund = await createOrganisation(staff, cmc, { kind: 'investor' });
    const foreignZone = await zone(alliance, jiading);
    const before = await count(`select count(*) from landings`);
    const auditBefore = await count(`select count(*) from audit_log`);
    const wrongItem = await staff.post<ErrorBody>(`${base()}/landings`, { organisationId: org.id, pipelineItemId: foreign!.id, landedOn: '2025-01-01' });
    expect([wrongItem.status, Object.keys(wrongItem.body.error.fields!)]).toEqual([400, ['pipelineItemId']]);
    const noProject = await staff.post<ErrorBody>(`${base()}/landings`, { organisationId: org.id, projectId: crypto.randomUUID(), landedOn: '2025-01-01' });
    expect([noProject.status, Object.keys(noProject.body.error.fields!)]).toEqual([400, ['projectId']]);
    const noOrg = await staff.post<ErrorBody>(`${base()}/landings`, { organisationId: crypto.randomUUID(), landedOn: '2025-01-01' });
    expect([noOrg.status, Object.keys(noOrg.body.error.fields!)]).toEqual([400, ['organisationId']]);
    const notEnterprise = await staff.post<ErrorBody>(`${base()}/landings`, { organisationId: fund.id, landedOn: '2025-01-01' });
    expect([notEnterprise.status, notEnterprise.body.error.fields]).toEqual([400, { organisationId: expect.any(String) }]);
    const wrongZone = await staff.post<ErrorBody>(`${base()}/landings`, { organisationId: org.id, zoneId: foreignZone.id, landedOn: '2025-01-01' });
    expect([wrongZone.status, Object.keys(wrongZone.body.error.fields!)]).toEqual([400, ['zoneId']]);
    const badBody = await staff.post<ErrorBody>(`${base()}/landings`, { organisationId: org.id, landedOn: '2025-13-01', floorAreaSqm: -1, extra: 1 });
    expect(badBody.status).toBe(400);
    expect(Object.keys(badBody.body.error.fields!).sort()).toEqual(['extra', 'floorAreaSqm', 'landedOn']);
    expect(await count(`select count(*) from landings`)).toBe(before);
    expect(await count(`select count(*) from audit_log`)).toBe(auditBefore);
    expect(await count(`select count(*) from directory_links where from_id = '${org.id}'`)).toBe(0);
    const ok = await staff.post<LandingCreated>(`${base()}/landings`, { organisationId: org.id, pipelineItemId: own!.id, landedOn: '2025-01-01' });
    expect([ok.status, ok.body.pipelineItemId]).toEqual([201, own!.id]);
  });

  it('keeps landings to landing.write and to members of the community', async () => {
    const org = await createOrganisation(staff, cmc);
    for (const c of [viewer, member, investor]) expect((await c.post(`${base()}/landings`, { organisationId: org.id, landedOn: '2025-01-01' })).status).toBe(403);
    for (const c of [viewer, member, investor]) expect((await c.get(`${base()}/landings`)).status).toBe(403);
    expect((await alliance.post(`${base()}/landings`, { organisationId: org.id, landedOn: '2025-01-01' })).status).toBe(404);
    expect((await alliance.get(`${base()}/landings`)).status).toBe(404);
    expect(await count(`select count(*) from landings where organisation_id = '${org.id}'`)).toBe(0);
  });
});

describe('listing, editing and deleting landings', () => {
  it('filters by zone, year and words, with exact totals of the filtered set', async () => {
    const z = await zone(admin, cmc, { nameZh: '筛选测试区' });
    const named = await createOrganisation(staff, cmc, { nameZh: '泰州筛选测试生物医药有限公司' });
    await staff.post(`${base()}/landings`, { organisationId: named.id, zoneId: z.id, landedOn: '2019-03-01', floorAreaSqm: 500, registeredCapitalFen: 100_000_000, committedInvestmentFen: 2_000_000_000 });
    await land({ zoneId: z.id, landedOn: '2019-11-30', floorAreaSqm: 700, registeredCapitalFen: 50_000_000 });
    await land({ zoneId: z.id, landedOn: '2020-01-01', floorAreaSqm: 900 });
    const inZone = await staff.get<LandingList>(`${base()}/landings?zoneId=${z.id}`);
    expect(inZone.body.totals).toEqual({ count: 3, floorAreaSqm: 2_100, registeredCapitalFen: 150_000_000, committedInvestmentFen: 2_000_000_000 });
    expect(inZone.body.items.map((l) => l.landedOn)).toEqual(['2020-01-01', '2019-11-30', '2019-03-01']);
    const year = await staff.get<LandingList>(`${base()}/landings?zoneId=${z.id}&year=2019`);
    expect(year.body.totals).toEqual({ count: 2, floorAreaSqm: 1_200, registeredCapitalFen: 150_000_000, committedInvestmentFen: 2_000_000_000 });
    const words = await staff.get<LandingList>(`${base()}/landings?q=${encodeURIComponent('筛选测试')}`);
    expect(words.body.items.map((l) => l.organisation.id)).toEqual([named.id]);
    const all = await staff.get<LandingList>(`${base()}/landings`);
    expect(all.body.totals.count).toBe(await count(`select count(*) from landings where community_id = '${cmc}'`));
    expect((await staff.get(`${base()}/landings?year=abc`)).status).toBe(400);
  });

  it('edits with a version, refuses a stale one, and deletes', async () => {
    const l = await land({ floorAreaSqm: 100 });
    const z = await zone(admin, cmc);
    const ok = await staff.patch<Landing>(`${base()}/landings/${l.id}`, { version: 1, zoneId: z.id, floorAreaSqm: 400, committedInvestmentFen: 9_000_000 });
    expect([ok.status, ok.body.version, ok.body.floorAreaSqm, ok.body.zone?.id, ok.body.committedInvestmentFen]).toEqual([200, 2, 400, z.id, 9_000_000]);
    const stale = await staff.patch<ErrorBody>(`${base()}/landings/${l.id}`, { version: 1, floorAreaSqm: 1 });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict']);
    const foreignZone = await zone(alliance, jiading);
    expect((await staff.patch(`${base()}/landings/${l.id}`, { version: 2, zoneId: foreignZone.id })).status).toBe(400);
    expect((await staff.patch(`${base()}/landings/${l.id}`, { version: 2, organisationId: heyao })).status).toBe(400);
    expect((await viewer.patch(`${base()}/landings/${l.id}`, { version: 2, floorAreaSqm: 1 })).status).toBe(403);
    expect((await sqlRows<{ a: number; v: number }>(`select floor_area_sqm as a, version as v from landings where id = '${l.id}'`))[0]).toEqual({ a: 400, v: 2 });
    expect((await viewer.delete(`${base()}/landings/${l.id}`)).status).toBe(403);
    expect((await staff.delete(`${base()}/landings/${l.id}`)).status).toBe(200);
    expect((await staff.get(`${base()}/landings/${l.id}`)).status).toBe(404);
    // The resident_of link stays.
    expect(await count(`select count(*) from directory_links where from_id = '${l.organisation.id}' and role = 'resident_of'`)).toBe(1);
  });

  it("answers 404 for another community's landing under one's own", async () => {
    const l = await land();
    expect((await alliance.get(`/api/communities/${jiading}/landings/${l.id}`)).status).toBe(404);
    expect((await alliance.patch(`/api/communities/${jiading}/landings/${l.id}`, { version: 1, floorAreaSqm: 1 })).status).toBe(404);
    expect((await alliance.delete(`/api/communities/${jiading}/landings/${l.id}`)).status).toBe(404);
    expect(await count(`select count(*) from landings where id = '${l.id}'`)).toBe(1);
  });

  it('does not name a project the reader may not see', async () => {
    // A project of the Shanghai centre kept to its members, landed by the park admin (staff there too).
    const owner = await createOrganisation(centre, centreId);
    const secret = await createProject(centre, centreId, { ownerOrganisationId: owner.id, nameZh: '保密项目甲', confidentiality: 'community' });
    const res = await admin.post<LandingCreated>(`${base()}/landings`, { organisationId: owner.id, projectId: secret.id, landedOn: '2025-02-02' });
    expect([res.status, res.body.project?.id]).toEqual([201, secret.id]);
    const seen = await staff.get<Landing>(`${base()}/landings/${res.body.id}`);
    expect(seen.body.project).toBeNull();
    expect(JSON.stringify(seen.body)).not.toContain('保密项目甲');
    const list = await staff.get<LandingList>(`${base()}/landings`);
    expect(JSON.stringify(list.body)).not.toContain('保密项目甲');
    // Nor does staff who cannot see it get to attach it.
    const org = await createOrganisation(staff, cmc);
    expect((await staff.post(`${base()}/landings`, { organisationId: org.id, projectId: secret.id, landedOn: '2025-02-02' })).status).toBe(400);
  });
});

// ---------------------------------------------------------------- incubation

describe('incubation', () => {
  async function admit(batch = '2024 第二批', admittedOn = '2024-05-01') {
    const org = await createOrganisation(staff, cmc);
    const res = await staff.post<Incubation>(`${base()}/incubation`, { organisationId: org.id, batch, admittedOn });
    expect(res.status).toBe(201);
    return res.body;
  }
  const patch = (id: string, body: Record<string, unknown>, c = staff) => c.patch<Incubation & ErrorBody>(`${base()}/incubation/${id}`, body);

  it('admits once per company, by staff only', async () => {
    const rec = await admit();
    expect(rec).toMatchObject({ status: 'admitted', batch: '2024 第二批', admittedOn: '2024-05-01', graduatedOn: null, nextStatuses: ['graduated', 'exited'], version: 1 });
    const dup = await staff.post<ErrorBody>(`${base()}/incubation`, { organisationId: rec.organisation.id, admittedOn: '2024-06-01' });
    expect([dup.status, dup.body.error.code]).toEqual([409, 'duplicate_record']);
    const org = await createOrganisation(staff, cmc);
    expect((await viewer.post(`${base()}/incubation`, { organisationId: org.id, admittedOn: '2024-06-01' })).status).toBe(403);
    expect((await member.get(`${base()}/incubation`)).status).toBe(403);
    expect((await alliance.get(`${base()}/incubation`)).status).toBe(404);
  });

  it('graduates, lists and exits with dates, naming what is missing; nothing changes on refusal', async () => {
    const rec = await admit();
    const noDate = await patch(rec.id, { version: 1, status: 'graduated' });
    expect([noDate.status, noDate.body.error.code, noDate.body.error.fields]).toEqual([400, 'validation_failed', { graduatedOn: expect.any(String) }]);
    expect((await sqlRows<{ s: string; v: number }>(`select status as s, version as v from incubation_records where id = '${rec.id}'`))[0]).toEqual({ s: 'admitted', v: 1 });
    const grad = await patch(rec.id, { version: 1, status: 'graduated', graduatedOn: '2025-05-01' });
    expect([grad.status, grad.body.status, grad.body.version, grad.body.nextStatuses]).toEqual([200, 'graduated', 2, ['listed', 'exited']]);
    const noCode = await patch(rec.id, { version: 2, status: 'listed', listedOn: '2026-01-05' });
    expect([noCode.status, noCode.body.error.fields]).toEqual([400, { stockCode: expect.any(String) }]);
    const early = await patch(rec.id, { version: 2, status: 'listed', listedOn: '2025-01-05', stockCode: '688999.SH' });
    expect([early.status, early.body.error.fields]).toEqual([400, { listedOn: expect.any(String) }]);
    const listed = await patch(rec.id, { version: 2, status: 'listed', listedOn: '2026-01-05', stockCode: '688999.sh' });
    expect([listed.status, listed.body.status, listed.body.stockCode, listed.body.listedOn]).toEqual([200, 'listed', '688999.SH', '2026-01-05']);
    const stale = await patch(rec.id, { version: 2, status: 'exited', exitedOn: '2026-06-01' });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict']);
    const exited = await patch(rec.id, { version: 3, status: 'exited', exitedOn: '2026-06-01', exitReason: '迁往上海总部' });
    expect([exited.status, exited.body.status, exited.body.stockCode, exited.body.nextStatuses]).toEqual([200, 'exited', '688999.SH', []]);
    expect(await count(`select count(*) from audit_log where entity_id = '${rec.id}' and action = 'incubation.status_changed'`)).toBe(3);
  });

  it('refuses moves the rules do not allow', async () => {
    const rec = await admit();
    const skip = await patch(rec.id, { version: 1, status: 'listed', graduatedOn: '2025-01-01', listedOn: '2025-02-01', stockCode: '688001' });
    expect([skip.status, skip.body.error.code]).toEqual([409, 'state_conflict']);
    const notReached = await patch(rec.id, { version: 1, exitedOn: '2025-01-01' });
    expect([notReached.status, notReached.body.error.fields]).toEqual([400, { exitedOn: expect.any(String) }]);
  });

  it('lets only admins correct backwards, with a reason, and audits the correction', async () => {
    const rec = await admit();
    await patch(rec.id, { version: 1, status: 'graduated', graduatedOn: '2025-05-01' });
    const byStaff = await patch(rec.id, { version: 2, status: 'admitted', reason: '录错了' });
    expect([byStaff.status, byStaff.body.error.code]).toEqual([403, 'forbidden']);
    const noReason = await patch(rec.id, { version: 2, status: 'admitted' }, admin);
    expect([noReason.status, noReason.body.error.fields]).toEqual([400, { reason: expect.any(String) }]);
    const fixed = await patch(rec.id, { version: 2, status: 'admitted', reason: '毕业评审尚未通过,误录' }, admin);
    expect([fixed.status, fixed.body.status, fixed.body.graduatedOn, fixed.body.version]).toEqual([200, 'admitted', null, 3]);
    const [entry] = await sqlRows<{ changes: unknown }>(`select changes from audit_log where entity_id = '${rec.id}' and action = 'incubation.corrected'`);
    expect(JSON.stringify(entry!.changes)).toContain('毕业评审尚未通过');
  });

  it('filters by status and batch, with counts per status and the batches', async () => {
    const batch = `批次${crypto.randomBytes(2).toString('hex')}`;
    const a = await admit(batch, '2023-01-10');
    await admit(batch, '2023-01-11');
    await patch(a.id, { version: 1, status: 'exited', exitedOn: '2023-12-01' });
    const res = await staff.get<IncubationList>(`${base()}/incubation?batch=${encodeURIComponent(batch)}`);
    expect(res.body.items).toHaveLength(2);
    const exited = await staff.get<IncubationList>(`${base()}/incubation?batch=${encodeURIComponent(batch)}&status=exited`);
    expect(exited.body.items.map((i) => i.id)).toEqual([a.id]);
    expect(res.body.batches).toContain(batch);
    expect(res.body.byStatus.exited).toBe(await count(`select count(*) from incubation_records where community_id = '${cmc}' and status = 'exited'`));
    expect((await staff.get(`${base()}/incubation?status=paused`)).status).toBe(400);
  });

  it("answers 404 for another community's record", async () => {
    const rec = await admit();
    expect((await alliance.patch(`/api/communities/${jiading}/incubation/${rec.id}`, { version: 1, status: 'exited', exitedOn: '2025-01-01' })).status).toBe(404);
    expect((await sqlRows<{ s: string }>(`select status as s from incubation_records where id = '${rec.id}'`))[0]!.s).toBe('admitted');
  });
});

// ---------------------------------------------------------------- yearly figures

describe('yearly figures', () => {
  const figures = { revenueFen: 12_000_000_000, headcount: 86, rndSpendFen: 3_500_000_000, taxFen: 420_000_000 };
  const url = (org: string, year?: number) => `${base()}/companies/${org}/figures${year ? `/${year}` : ''}`;

  it("lets a representative enter their own company's figures, and not another's", async () => {
    const res = await put<Figures>(member, url(heyao, 2017), figures);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ year: 2017, ...figures, enteredAs: 'company', version: 1, enteredBy: { displayName: '孙悦' } });
    const own = await member.get<CompanyFigures>(url(heyao));
    expect([own.status, own.body.canEdit, own.body.years.map((y) => y.year)]).toEqual([200, true, [2025, 2024, 2023, 2017]]);
    const other = (await sqlRows<{ id: string }>(`select id from organisations where name_zh = '泰州澄源生物疫苗有限公司'`))[0]!.id;
    const otherBefore = await count(`select count(*) from company_yearly_figures where organisation_id = '${other}'`);
    const refused = await put<ErrorBody>(member, url(other, 2017), figures);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'forbidden']);
    expect((await member.get(url(other))).status).toBe(403);
    expect(await count(`select count(*) from company_yearly_figures where organisation_id = '${other}'`)).toBe(otherBefore);
    // Not in a community they are not a member of.
    expect((await put(member, `/api/communities/${jiading}/companies/${heyao}/figures/2017`, figures)).status).toBe(404);
  });

  it('lets staff enter figures (entered as staff), and keeps viewers out', async () => {
    const org = await createOrganisation(staff, cmc);
    await staff.post(`${base()}/landings`, { organisationId: org.id, landedOn: '2022-01-01' });
    const res = await put<Figures>(staff, url(org.id, 2024), { ...figures, headcount: 12 });
    expect([res.status, res.body.enteredAs, res.body.headcount]).toEqual([200, 'staff', 12]);
    expect((await viewer.get(url(org.id))).status).toBe(403);
    expect((await put(viewer, url(org.id, 2024), figures)).status).toBe(403);
    const got = await investor.get(url(heyao));
    expect(got.status).toBe(403);
    const seen = await staff.get<CompanyFigures>(url(org.id));
    expect([seen.status, seen.body.canEdit, seen.body.years[0]?.headcount]).toEqual([200, true, 12]);
  });

  it('needs the company to be resident here', async () => {
    const stranger = await createOrganisation(alliance, jiading);
    const res = await put<ErrorBody>(staff, url(stranger.id, 2024), figures);
    expect([res.status, res.body.error.code]).toEqual([404, 'not_found']);
    expect((await staff.get(url(stranger.id))).status).toBe(404);
    // An incubation record makes it resident.
    await staff.post(`${base()}/incubation`, { organisationId: stranger.id, admittedOn: '2024-01-01' });
    expect((await put(staff, url(stranger.id, 2024), figures)).status).toBe(200);
  });

  it('checks the body and the year', async () => {
    const neg = await put<ErrorBody>(staff, url(heyao, 2016), { ...figures, headcount: -1, extra: true });
    expect([neg.status, Object.keys(neg.body.error.fields!).sort()]).toEqual([400, ['extra', 'headcount']]);
    const future = await put<ErrorBody>(staff, url(heyao, new Date().getUTCFullYear() + 2), figures);
    expect([future.status, Object.keys(future.body.error.fields!)]).toEqual([400, ['year']]);
    expect((await put(staff, url(heyao, 1900), figures)).status).toBe(400);
  });

  it('updates with a version; a year entered twice without one, or a stale version, is a conflict', async () => {
    const first = await put<Figures>(member, url(heyao, 2015), figures);
    expect(first.status).toBe(200);
    const again = await put<ErrorBody>(staff, url(heyao, 2015), { ...figures, headcount: 1 });
    expect([again.status, again.body.error.code]).toEqual([409, 'version_conflict']);
    const ok = await put<Figures>(staff, url(heyao, 2015), { ...figures, headcount: 90, version: 1 });
    expect([ok.status, ok.body.version, ok.body.headcount, ok.body.enteredAs]).toEqual([200, 2, 90, 'staff']);
    const stale = await put<ErrorBody>(member, url(heyao, 2015), { ...figures, headcount: 5, version: 1 });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict']);
    expect((await sqlRows<{ h: number }>(`select headcount as h from company_yearly_figures where organisation_id = '${heyao}' and year = 2015 and community_id = '${cmc}'`))[0]!.h).toBe(90);
    expect(await count(`select count(*) from audit_log where entity_id = '${heyao}' and action in ('figures.entered', 'figures.updated') and community_id = '${cmc}' and entity_label like '%2015'`)).toBe(2);
  });

  it('lets one of two concurrent edits of the same version win', async () => {
    expect((await put(staff, url(heyao, 2014), figures)).status).toBe(200);
    const results = await Promise.all([
      put<Figures>(staff, url(heyao, 2014), { ...figures, headcount: 100, version: 1 }),
      put<Figures>(member, url(heyao, 2014), { ...figures, headcount: 200, version: 1 }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results.find((r) => r.status === 200)!.body;
    const [row] = await sqlRows<{ h: number; v: number }>(`select headcount as h, version as v from company_yearly_figures where organisation_id = '${heyao}' and year = 2014 and community_id = '${cmc}'`);
    expect(row).toEqual({ h: winner.headcount, v: 2 });
  });

  it('keeps each community’s figures apart', async () => {
    const regen = member.communityId('daxing-regen-park');
    const res = await put<Figures>(member, `/api/communities/${regen}/companies/${heyao}/figures/2017`, { ...figures, headcount: 7 });
    expect([res.status, res.body.version]).toEqual([200, 1]);
    const here = await member.get<CompanyFigures>(url(heyao));
    expect(here.body.years.find((y) => y.year === 2017)?.headcount).toBe(86);
  });

  it('tables the resident companies’ figures for a year with totals', async () => {
    const year = 2012;
    const a = await createOrganisation(staff, cmc);
    const b = await createOrganisation(staff, cmc);
    await staff.post(`${base()}/landings`, { organisationId: a.id, landedOn: '2018-01-01' });
    await staff.post(`${base()}/landings`, { organisationId: b.id, landedOn: '2018-01-01' });
    await put(staff, url(a.id, year), { revenueFen: 1_000_000, headcount: 10, rndSpendFen: 200_000, taxFen: 30_000 });
    await put(staff, url(b.id, year), { revenueFen: 2_000_000, headcount: null, rndSpendFen: 100_000, taxFen: null });
    const res = await staff.get<FiguresTable>(`${base()}/figures?year=${year}`);
    expect(res.status).toBe(200);
    const residents = await count(`
      select count(*) from (
        select organisation_id from landings where community_id = '${cmc}'
        union select organisation_id from incubation_records where community_id = '${cmc}'
        union select from_id from directory_links where role = 'resident_of' and to_type = 'community' and to_id = '${cmc}' and from_type = 'organisation') r
      join organisations o on o.id = r.organisation_id and o.kind in ('enterprise', 'service_provider')`);
    expect(res.body.totals).toEqual({ companies: residents, reported: 2, revenueFen: 3_000_000, headcount: 10, rndSpendFen: 300_000, taxFen: 30_000 });
    expect(res.body.rows.find((r) => r.organisation.id === a.id)?.figures).toMatchObject({ revenueFen: 1_000_000, enteredAs: 'staff' });
    expect(res.body.rows.find((r) => r.organisation.id === heyao)?.figures).toBeNull();
    // Those who reported come first; an investor linked resident_of is not a reporting company.
    expect(res.body.rows.slice(0, 2).map((r) => r.organisation.id).sort()).toEqual([a.id, b.id].sort());
    const fund = await createOrganisation(staff, cmc, { kind: 'investor' });
    await sqlRows(`insert into directory_links (from_type, from_id, role, to_type, to_id) values ('organisation', '${fund.id}', 'resident_of', 'community', '${cmc}')`);
    expect((await staff.get<FiguresTable>(`${base()}/figures?year=${year}`)).body.rows.some((r) => r.organisation.id === fund.id)).toBe(false);
    expect((await put(staff, url(fund.id, year), figures)).status).toBe(404);
    expect((await member.get(`${base()}/figures?year=${year}`)).status).toBe(403);
    expect((await alliance.get(`${base()}/figures?year=${year}`)).status).toBe(404);
    expect((await staff.get<FiguresTable>(`${base()}/figures`)).body.year).toBe(new Date(Date.now() + 8 * 3_600_000).getUTCFullYear() - 1);
    expect((await staff.get(`${base()}/figures?year=20x5`)).status).toBe(400);
  });

  it("lists the resident companies a member represents", async () => {
    const mine = await member.get<{ id: string }[]>(`${base()}/companies/mine`);
    expect(mine.body.map((o) => o.id)).toEqual([heyao]);
    expect((await viewer.get<unknown[]>(`${base()}/companies/mine`)).body).toEqual([]);
    expect((await alliance.get(`${base()}/companies/mine`)).status).toBe(404);
  });
});
