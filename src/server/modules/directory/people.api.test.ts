import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Person, PersonDetail } from '../../../shared/schemas/directory';
import { startTestApp, type Client, type TestApp } from '../../../../test/app';
import { createOrganisation, createPerson, linkPersonToUser, signInEach } from './directory.fixtures';

type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

let t: TestApp;
let staff: Client; // staff, China Medical City
let parkAdmin: Client; // admin, China Medical City
let member: Client; // member, China Medical City
let investor: Client; // investor in China Medical City and Jiading
let alliance: Client; // admin, Jiading alliance
let viewer: Client; // viewer, China Medical City
let provider: Client; // service provider, Jiading
let platform: Client;
let cmc: string;
let jiading: string;

beforeAll(async () => {
  t = await startTestApp();
  [staff, parkAdmin, member, investor, alliance, viewer, provider, platform] = await signInEach(t.app, ['staff', 'park.admin', 'member', 'investor', 'alliance.admin', 'viewer', 'provider', 'admin']);
  cmc = staff.communityId('china-medical-city');
  jiading = alliance.communityId('jiading-biomed-alliance');
});
afterAll(() => t.close());

const contact = { email: 'Li.Ming@Example-Bio.demo', phone: '+86 138-0000-0000', wechatId: 'liming_bio' };

describe('people', () => {
  it('creates a person with affiliations; the steward staff see the contact channels', async () => {
    const org = await createOrganisation(staff, cmc);
    const res = await staff.post<Person>('/api/directory/people', { communityId: cmc, nameZh: '李明', title: '首席科学家', ...contact, affiliations: [{ organisationId: org.id, role: '创始人' }] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: 'li.ming@example-bio.demo', phone: '+8613800000000', consentToContact: false, consentAt: null, contactHidden: false });
    const detail = await staff.get<PersonDetail>(`/api/directory/people/${res.body.id}`);
    expect(detail.body.affiliations.map((a) => [a.organisationId, a.role])).toEqual([[org.id, '创始人']]);
    const orgDetail = await member.get<{ people: { personId: string }[] }>(`/api/directory/organisations/${org.id}`);
    expect(orgDetail.body.people.map((p) => p.personId)).toEqual([res.body.id]);
  });

  it('refuses an unknown organisation among the affiliations, writing nothing', async () => {
    const before = await t.database.withConnection((c) => c.rows<{ n: number }>('select count(*)::int as n from people'));
    const res = await staff.post<ErrorBody>('/api/directory/people', { communityId: cmc, nameZh: '王五', affiliations: [{ organisationId: '00000000-0000-4000-8000-000000000009', role: 'CEO' }] });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('affiliations');
    const after = await t.database.withConnection((c) => c.rows<{ n: number }>('select count(*)::int as n from people'));
    expect(after).toEqual(before);
  });

  it('dates consent when given and clears it when withdrawn', async () => {
    const p = await createPerson(staff, cmc, contact);
    const given = await staff.patch<Person>(`/api/directory/people/${p.id}`, { version: 1, consentToContact: true, consentSource: '线下签署同意书' });
    expect(given.body.consentToContact).toBe(true);
    expect(given.body.consentAt).not.toBeNull();
    expect(given.body.consentSource).toBe('线下签署同意书');
    const withdrawn = await staff.patch<Person>(`/api/directory/people/${p.id}`, { version: 2, consentToContact: false });
    expect(withdrawn.body).toMatchObject({ consentToContact: false, consentAt: null, consentSource: null });
  });

  it('shows contact channels only to those allowed, and to contact-minded roles only with consent', async () => {
    const p = await createPerson(staff, cmc, contact);
    const seen = async (c: Client) => {
      const res = await c.get<PersonDetail>(`/api/directory/people/${p.id}`);
      return res.body.email !== null && !res.body.contactHidden;
    };
    // Without consent: only the holding community's staff and admins, and platform admins.
    expect(await seen(staff)).toBe(true);
    expect(await seen(parkAdmin)).toBe(true);
    expect(await seen(platform)).toBe(true);
    for (const c of [member, investor, alliance, viewer, provider]) expect(await seen(c)).toBe(false);
    const hidden = await member.get<PersonDetail>(`/api/directory/people/${p.id}`);
    expect(hidden.body).toMatchObject({ email: null, phone: null, wechatId: null, contactHidden: true });

    await staff.patch(`/api/directory/people/${p.id}`, { version: 1, consentToContact: true });
    // With consent: also investors and other communities' staff; still not plain members.
    expect(await seen(investor)).toBe(true);
    expect(await seen(alliance)).toBe(true);
    for (const c of [member, viewer, provider]) expect(await seen(c)).toBe(false);
  });

  it("shows a person their own record's contact channels and lets them edit it", async () => {
    const p = await createPerson(staff, cmc, contact);
    await linkPersonToUser(t, p.id, 'viewer@biobridge.demo');
    const own = await viewer.get<PersonDetail>(`/api/directory/people/${p.id}`);
    expect(own.body.email).toBe('li.ming@example-bio.demo');
    expect(own.body.permissions).toEqual({ canEdit: true, canDelete: true });
    expect((await viewer.patch(`/api/directory/people/${p.id}`, { version: 1, title: '研究员' })).status).toBe(200);
    // Not through the activity log either, for someone who may not see them.
    const activity = await member.get<{ items: { changes: Record<string, { after: unknown }> }[] }>(`/api/directory/person/${p.id}/activity`);
    const created = activity.body.items.at(-1)!;
    expect(created.changes.email).toEqual({ before: null, after: '[hidden]' });
    expect(JSON.stringify(activity.body)).not.toContain('example-bio');
  });

  it('lets only editors change a person; a stale version answers 409', async () => {
    const p = await createPerson(staff, cmc);
    expect((await member.patch(`/api/directory/people/${p.id}`, { version: 1, title: 'x' })).status).toBe(403);
    expect((await alliance.patch(`/api/directory/people/${p.id}`, { version: 1, title: 'x' })).status).toBe(403);
    expect((await staff.patch(`/api/directory/people/${p.id}`, { version: 1, title: '总经理' })).status).toBe(200);
    const stale = await parkAdmin.patch<ErrorBody>(`/api/directory/people/${p.id}`, { version: 1, title: '董事长' });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict']);
  });

  it('adds and removes affiliations; a repeated role answers 409', async () => {
    const p = await createPerson(staff, cmc);
    const org = await createOrganisation(staff, cmc);
    const added = await staff.post<{ id: string; organisationNameZh: string }>(`/api/directory/people/${p.id}/affiliations`, { organisationId: org.id, role: '董事' });
    expect(added.status).toBe(201);
    expect((await staff.post(`/api/directory/people/${p.id}/affiliations`, { organisationId: org.id, role: '董事' })).status).toBe(409);
    expect((await member.post(`/api/directory/people/${p.id}/affiliations`, { organisationId: org.id, role: '顾问' })).status).toBe(403);
    const unknownOrg = await staff.post<ErrorBody>(`/api/directory/people/${p.id}/affiliations`, { organisationId: '00000000-0000-4000-8000-000000000009', role: '顾问' });
    expect(unknownOrg.body.error.fields).toHaveProperty('organisationId');
    expect((await member.delete(`/api/directory/people/${p.id}/affiliations/${added.body.id}`)).status).toBe(403);
    expect((await staff.delete(`/api/directory/people/${p.id}/affiliations/${added.body.id}`)).status).toBe(200);
    expect((await staff.delete(`/api/directory/people/${p.id}/affiliations/${added.body.id}`)).status).toBe(404);
  });

  it('lets the holding community admin delete a person (not staff, not others)', async () => {
    const p = await createPerson(staff, cmc);
    expect((await staff.delete(`/api/directory/people/${p.id}`)).status).toBe(403);
    expect((await alliance.delete(`/api/directory/people/${p.id}`)).status).toBe(403);
    expect((await parkAdmin.delete(`/api/directory/people/${p.id}`)).status).toBe(200);
    expect((await staff.get(`/api/directory/people/${p.id}`)).status).toBe(404);
  });

  it('refuses a person in a community the user is not in (404) or lacks directory.write (403)', async () => {
    expect((await staff.post('/api/directory/people', { communityId: jiading, nameZh: '张三' })).status).toBe(404);
    expect((await member.post('/api/directory/people', { communityId: cmc, nameZh: '张三' })).status).toBe(403);
  });
});
