import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Link, OrganisationDetail } from '../../../shared/schemas/directory';
import { signedIn, startTestApp, type Client, type TestApp } from '../../../../test/app';
import { createOrganisation, createPerson, createProject, signInEach } from './directory.fixtures';

type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

let t: TestApp;
let staff: Client; // staff, China Medical City
let member: Client;
let alliance: Client; // admin, Jiading
let cmc: string;
let jiading: string;

beforeAll(async () => {
  t = await startTestApp();
  [staff, member, alliance] = await signInEach(t.app, ['staff', 'member', 'alliance.admin']);
  cmc = staff.communityId('china-medical-city');
  jiading = alliance.communityId('jiading-biomed-alliance');
});
afterAll(() => t.close());

const link = (fromId: string, toId: string, extra: Record<string, unknown> = {}) => ({ fromType: 'organisation', fromId, role: 'investor_of', toType: 'organisation', toId, ...extra });

describe('links', () => {
  it('links two records both ways round on their profiles; a repeat answers 409', async () => {
    const fund = await createOrganisation(staff, cmc, { kind: 'investor', nameZh: '链接资本' });
    const biotech = await createOrganisation(staff, cmc, { nameZh: '链接生物' });
    const res = await staff.post<Link>('/api/directory/links', link(fund.id, biotech.id, { note: 'A 轮领投', since: '2024-05-01' }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ role: 'investor_of', from: { id: fund.id, nameZh: '链接资本' }, to: { id: biotech.id, nameZh: '链接生物' }, since: '2024-05-01' });
    const profile = await member.get<OrganisationDetail>(`/api/directory/organisations/${biotech.id}`);
    expect(profile.body.links.map((l) => l.id)).toEqual([res.body.id]);
    const again = await staff.post<ErrorBody>('/api/directory/links', link(fund.id, biotech.id));
    expect([again.status, again.body.error.code]).toEqual([409, 'duplicate_record']);
  });

  it("needs the right to edit the record the link goes out of", async () => {
    const a = await createOrganisation(staff, cmc);
    const b = await createOrganisation(alliance, jiading);
    expect((await alliance.post('/api/directory/links', link(a.id, b.id, { role: 'partner_of' }))).status).toBe(403);
    expect((await member.post('/api/directory/links', link(a.id, b.id, { role: 'partner_of' }))).status).toBe(403);
    expect((await alliance.post('/api/directory/links', link(b.id, a.id, { role: 'partner_of' }))).status).toBe(201);
  });

  it('keeps resident_of for communities, decided by their staff, and shows it in search', async () => {
    const org = await createOrganisation(alliance, jiading);
    const wrongTarget = await staff.post<ErrorBody>('/api/directory/links', link(org.id, cmc, { role: 'partner_of', toType: 'community' }));
    expect(Object.keys(wrongTarget.body.error.fields ?? {})).toEqual(['toType']);
    const needsCommunity = await staff.post<ErrorBody>('/api/directory/links', link(org.id, org.id, { role: 'resident_of' }));
    expect(needsCommunity.status).toBe(400);
    // China Medical City's staff may declare the alliance's organisation resident with them, not in the alliance.
    const res = await staff.post<Link>('/api/directory/links', link(org.id, cmc, { role: 'resident_of', toType: 'community' }));
    expect(res.status).toBe(201);
    expect(res.body.to).toMatchObject({ entityType: 'community', id: cmc });
    expect((await staff.post('/api/directory/links', link(org.id, jiading, { role: 'resident_of', toType: 'community' }))).status).toBe(404);
    expect((await member.post('/api/directory/links', link(org.id, cmc, { role: 'resident_of', toType: 'community' }))).status).toBe(403);
    const [doc] = await t.database.withConnection((c) => c.rows<{ ids: string }>(`select community_ids::text as ids from search_documents where entity_id = '${org.id}'`));
    expect(doc!.ids).toContain(cmc);
    expect((await staff.delete(`/api/directory/links/${res.body.id}`)).status).toBe(200);
    const [after] = await t.database.withConnection((c) => c.rows<{ ids: string }>(`select community_ids::text as ids from search_documents where entity_id = '${org.id}'`));
    expect(after!.ids).not.toContain(cmc);
  });

  it('refuses unknown targets and self-links at their fields', async () => {
    const org = await createOrganisation(staff, cmc);
    const unknown = await staff.post<ErrorBody>('/api/directory/links', link(org.id, '00000000-0000-4000-8000-000000000003'));
    expect(Object.keys(unknown.body.error.fields ?? {})).toEqual(['toId']);
    const self = await staff.post<ErrorBody>('/api/directory/links', link(org.id, org.id, { role: 'partner_of' }));
    expect(Object.keys(self.body.error.fields ?? {})).toEqual(['toId']);
  });

  it('does not reveal a confidential project through a link', async () => {
    const org = await createOrganisation(staff, cmc);
    const secret = await createProject(staff, cmc, { confidentiality: 'named_investors', nameZh: '链接里的秘密' });
    expect((await staff.post('/api/directory/links', { fromType: 'project', fromId: secret.id, role: 'licensee_of', toType: 'organisation', toId: org.id })).status).toBe(201);
    expect((await staff.get<OrganisationDetail>(`/api/directory/organisations/${org.id}`)).body.links).toHaveLength(1);
    const outsider = await alliance.get<OrganisationDetail>(`/api/directory/organisations/${org.id}`);
    expect(outsider.body.links).toEqual([]);
    expect(JSON.stringify(outsider.body)).not.toContain('链接里的秘密');
    // Nor can one link to it without seeing it.
    const mine = await createOrganisation(alliance, jiading);
    const res = await alliance.post<ErrorBody>('/api/directory/links', { fromType: 'organisation', fromId: mine.id, role: 'partner_of', toType: 'project', toId: secret.id });
    expect(res.body.error.fields).toHaveProperty('toId');
  });

  it('deletes links with either end, and refuses deletion to those who may not edit', async () => {
    const a = await createOrganisation(staff, cmc);
    const b = await createOrganisation(staff, cmc);
    const person = await createPerson(staff, cmc);
    const ab = await staff.post<Link>('/api/directory/links', link(a.id, b.id, { role: 'partner_of' }));
    const pa = await staff.post<Link>('/api/directory/links', { fromType: 'person', fromId: person.id, role: 'spun_out_of', toType: 'organisation', toId: a.id });
    expect((await member.delete(`/api/directory/links/${ab.body.id}`)).status).toBe(403);
    expect((await staff.delete(`/api/directory/links/00000000-0000-4000-8000-000000000004`)).status).toBe(404);
    const admin = await signedIn(t.app, 'park.admin@biobridge.demo');
    expect((await admin.delete(`/api/directory/organisations/${a.id}`)).status).toBe(200);
    const [row] = await t.database.withConnection((c) => c.rows<{ n: number }>(`select count(*)::int as n from directory_links where id in ('${ab.body.id}', '${pa.body.id}')`));
    expect(row!.n).toBe(0);
  });
});
