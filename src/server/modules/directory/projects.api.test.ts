import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrganisationDetail, ProjectDetail } from '../../../shared/schemas/directory';
import { signedIn, startTestApp, type Client, type TestApp } from '../../../../test/app';
import { createOrganisation, createProject, signInEach } from './directory.fixtures';

type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

let t: TestApp;
let staff: Client; // staff, China Medical City
let member: Client; // member, China Medical City and the regen park
let investor: Client; // investor, China Medical City and Jiading
let alliance: Client; // admin, Jiading
let viewer: Client; // viewer, China Medical City
let regen: Client; // admin, regen park
let platform: Client;
let cmc: string;
let jiading: string;

beforeAll(async () => {
  t = await startTestApp();
  [staff, member, investor, alliance, viewer, regen, platform] = await signInEach(t.app, ['staff', 'member', 'investor', 'alliance.admin', 'viewer', 'regen.admin', 'admin']);
  cmc = staff.communityId('china-medical-city');
  jiading = alliance.communityId('jiading-biomed-alliance');
});
afterAll(() => t.close());

async function represent(orgId: string, email: string) {
  const res = await platform.post(`/api/directory/organisations/${orgId}/representatives`, { email });
  expect(res.status).toBe(200);
}

describe('creating projects', () => {
  it('lets home community staff add a project with its owner', async () => {
    const owner = await createOrganisation(staff, cmc);
    const res = await staff.post<ProjectDetail>('/api/directory/projects', {
      communityId: cmc,
      nameZh: 'CAR-T 细胞治疗',
      ownerOrganisationId: owner.id,
      segment: 'cell_therapy',
      track: 'drug',
      stage: 'phase_1',
      indications: ['淋巴瘤'],
      patents: [{ number: 'CN123456789A', title: '一种嵌合抗原受体', status: '已授权' }],
      fundingSoughtFen: 5_000_000_000,
      fundingRound: 'a',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ communityId: cmc, owner: { id: owner.id, entityType: 'organisation' }, version: 1, confidentiality: 'community' });
  });

  it('lets a representative of the owner who is a member add one; not a member without that', async () => {
    const owner = await createOrganisation(staff, cmc);
    expect((await member.post('/api/directory/projects', { communityId: cmc, nameZh: '项目', ownerOrganisationId: owner.id, segment: 'ivd', track: 'ivd', stage: 'ivd_development' })).status).toBe(403);
    await represent(owner.id, 'member@biobridge.demo');
    expect((await member.post('/api/directory/projects', { communityId: cmc, nameZh: '项目', ownerOrganisationId: owner.id, segment: 'ivd', track: 'ivd', stage: 'ivd_development' })).status).toBe(201);
    // Not in a community they do not belong to.
    expect((await member.post('/api/directory/projects', { communityId: jiading, nameZh: '项目', ownerOrganisationId: owner.id, segment: 'ivd', track: 'ivd', stage: 'ivd_development' })).status).toBe(404);
  });

  it('checks segment, stage of the track and named investors at their fields', async () => {
    const enterprise = await createOrganisation(staff, cmc);
    const bad = await staff.request<ErrorBody>(
      'POST',
      '/api/directory/projects',
      { communityId: cmc, nameZh: '项目', segment: 'astrology', track: 'device', stage: 'phase_1', namedInvestorIds: [enterprise.id] },
      { 'accept-language': 'en' },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields).toEqual({
      segment: 'Unknown segment',
      stage: 'This stage does not belong to the chosen track',
      namedInvestorIds: 'Only investors, guidance funds and state-owned financing companies can be named',
    });
    const unknownStage = await staff.post<ErrorBody>('/api/directory/projects', { communityId: cmc, nameZh: '项目', segment: 'ivd', track: 'ivd', stage: 'no_such_stage' });
    expect(Object.keys(unknownStage.body.error.fields ?? {})).toEqual(['stage']);
  });
});

describe('confidentiality', () => {
  let owner: { id: string };
  let fund: { id: string };
  let secret: { id: string };
  let internal: { id: string };
  let open: { id: string };

  beforeAll(async () => {
    owner = await createOrganisation(staff, cmc);
    fund = await createOrganisation(staff, cmc, { kind: 'investor', nameZh: '某某创投' });
    await represent(owner.id, 'member@biobridge.demo');
    await represent(fund.id, 'provider@biobridge.demo');
    secret = await createProject(staff, cmc, { nameZh: '保密项目', ownerOrganisationId: owner.id, confidentiality: 'named_investors', namedInvestorIds: [fund.id] });
    internal = await createProject(staff, cmc, { nameZh: '社区项目', ownerOrganisationId: owner.id, confidentiality: 'community' });
    open = await createProject(staff, cmc, { nameZh: '公开项目', ownerOrganisationId: owner.id, confidentiality: 'public' });
  });

  it('hides a named-investors project from everyone else: 404, absent from the owner profile', async () => {
    const provider = await signedIn(t.app, 'provider@biobridge.demo');
    // Those who see it: home staff, the owner's and the named investor's representatives, platform admins.
    for (const c of [staff, member, provider, platform]) expect((await c.get(`/api/directory/projects/${secret.id}`)).status).toBe(200);
    // Those who do not: a community investor, a viewer of the home community, another community's admin.
    for (const c of [investor, viewer, alliance, regen]) {
      const res = await c.get<ErrorBody>(`/api/directory/projects/${secret.id}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
      const profile = await c.get<OrganisationDetail>(`/api/directory/organisations/${owner.id}`);
      expect(profile.body.projects.map((p) => p.id)).not.toContain(secret.id);
      expect(JSON.stringify(profile.body)).not.toContain('保密项目');
      expect((await c.get(`/api/directory/project/${secret.id}/activity`)).status).toBe(404);
    }
    const seen = await investor.get<OrganisationDetail>(`/api/directory/organisations/${owner.id}`);
    expect(seen.body.projects.map((p) => p.id).sort()).toEqual([internal.id, open.id].sort());
  });

  it('shows a community project to members of its home community only', async () => {
    expect((await viewer.get(`/api/directory/projects/${internal.id}`)).status).toBe(200);
    expect((await alliance.get(`/api/directory/projects/${internal.id}`)).status).toBe(404);
    expect((await alliance.get(`/api/directory/projects/${open.id}`)).status).toBe(200);
  });

  it('shows named investors to editors only', async () => {
    const provider = await signedIn(t.app, 'provider@biobridge.demo');
    const asStaff = await staff.get<ProjectDetail>(`/api/directory/projects/${secret.id}`);
    expect(asStaff.body.namedInvestors.map((o) => o.id)).toEqual([fund.id]);
    expect(asStaff.body.permissions).toEqual({ canEdit: true, canDelete: true });
    const asInvestor = await provider.get<ProjectDetail>(`/api/directory/projects/${secret.id}`);
    expect(asInvestor.body.namedInvestors).toEqual([]);
    expect(asInvestor.body.permissions).toEqual({ canEdit: false, canDelete: false });
  });
});

describe('editing projects', () => {
  it('lets the owner representative and home staff edit; others 403 (or 404 when they cannot see it)', async () => {
    const owner = await createOrganisation(staff, cmc);
    await represent(owner.id, 'member@biobridge.demo');
    const p = await createProject(staff, cmc, { ownerOrganisationId: owner.id, confidentiality: 'public' });
    expect((await member.patch(`/api/directory/projects/${p.id}`, { version: 1, stage: 'phase_1' })).status).toBe(200);
    expect((await staff.patch(`/api/directory/projects/${p.id}`, { version: 2, modality: '单抗' })).status).toBe(200);
    expect((await viewer.patch(`/api/directory/projects/${p.id}`, { version: 3, modality: 'x' })).status).toBe(403);
    expect((await alliance.patch(`/api/directory/projects/${p.id}`, { version: 3, modality: 'x' })).status).toBe(403);
    const stale = await staff.patch<ErrorBody>(`/api/directory/projects/${p.id}`, { version: 1, modality: 'x' });
    expect(stale.body.error.code).toBe('version_conflict');
    const wrongTrack = await staff.patch<ErrorBody>(`/api/directory/projects/${p.id}`, { version: 3, track: 'device' });
    expect(Object.keys(wrongTrack.body.error.fields ?? {})).toEqual(['stage']);
  });

  it('lets exactly one of two concurrent edits from the same version win', async () => {
    const p = await createProject(staff, cmc);
    const admin = await signedIn(t.app, 'park.admin@biobridge.demo');
    const results = await Promise.all([
      staff.patch(`/api/directory/projects/${p.id}`, { version: 1, modality: '甲' }),
      admin.patch(`/api/directory/projects/${p.id}`, { version: 1, modality: '乙' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('changes named investors, which changes who sees the project', async () => {
    const fund = await createOrganisation(staff, cmc, { kind: 'investor', nameZh: '另一创投' });
    await represent(fund.id, 'investor@biobridge.demo');
    const p = await createProject(staff, cmc, { confidentiality: 'named_investors' });
    expect((await alliance.get(`/api/directory/projects/${p.id}`)).status).toBe(404);
    const outsider = await signedIn(t.app, 'investor@biobridge.demo');
    // investor@ is a member of the home community, but named_investors hides it from members.
    expect((await outsider.get(`/api/directory/projects/${p.id}`)).status).toBe(404);
    expect((await staff.patch(`/api/directory/projects/${p.id}`, { version: 1, namedInvestorIds: [fund.id] })).status).toBe(200);
    expect((await outsider.get(`/api/directory/projects/${p.id}`)).status).toBe(200);
    const [doc] = await t.database.withConnection((c) => c.rows<{ visible_org_ids: string }>(`select visible_org_ids::text from search_documents where entity_id = '${p.id}'`));
    expect(doc!.visible_org_ids).toContain(fund.id);
  });

  it('deletes a project (editors only) with its search row', async () => {
    const p = await createProject(staff, cmc);
    expect((await viewer.delete(`/api/directory/projects/${p.id}`)).status).toBe(403);
    expect((await staff.delete(`/api/directory/projects/${p.id}`)).status).toBe(200);
    expect((await staff.get(`/api/directory/projects/${p.id}`)).status).toBe(404);
    const [row] = await t.database.withConnection((c) => c.rows<{ n: number }>(`select count(*)::int as n from search_documents where entity_id = '${p.id}'`));
    expect(row!.n).toBe(0);
  });
});
