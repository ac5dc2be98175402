import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Organisation, OrganisationDetail } from '../../../shared/schemas/directory';
import { Client, signedIn, startTestApp, type TestApp } from '../../../../test/app';
import { createOrganisation, creditCode } from './directory.fixtures';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };

let t: TestApp;
let staff: Client; // staff, China Medical City
let parkAdmin: Client; // community admin, China Medical City
let member: Client; // member, China Medical City
let alliance: Client; // community admin, Jiading alliance
let platform: Client;
let cmc: string;
let jiading: string;

beforeAll(async () => {
  t = await startTestApp();
  staff = await signedIn(t.app, 'staff@biobridge.demo');
  parkAdmin = await signedIn(t.app, 'park.admin@biobridge.demo');
  member = await signedIn(t.app, 'member@biobridge.demo');
  alliance = await signedIn(t.app, 'alliance.admin@biobridge.demo');
  platform = await signedIn(t.app, 'admin@biobridge.demo');
  cmc = staff.communityId('china-medical-city');
  jiading = alliance.communityId('jiading-biomed-alliance');
});
afterAll(() => t.close());

async function count(sql: string): Promise<number> {
  const [row] = await t.database.withConnection((c) => c.rows<{ n: number }>(sql));
  return row!.n;
}

describe('creating organisations', () => {
  it('lets community staff add one, stewarded by their community, with the name key and normalised credit code', async () => {
    const code = creditCode();
    const res = await staff.post<Organisation>('/api/directory/organisations', {
      communityId: cmc,
      kind: 'enterprise',
      nameZh: '江蘇恒瑞醫藥（股份有限公司）',
      creditCode: `${code.slice(0, 6).toLowerCase()} ${code.slice(6)}`,
      segments: ['innovative_drug'],
      qualifications: ['high_tech'],
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ stewardCommunityId: cmc, creditCode: code, version: 1, segments: ['innovative_drug'] });
    const [row] = await t.database.withConnection((c) => c.rows<{ name_key: string }>(`select name_key from organisations where id = '${res.body.id}'`));
    expect(row!.name_key).toBe('江苏恒瑞医药');
    expect(await count(`select count(*)::int as n from search_documents where entity_id = '${res.body.id}'`)).toBe(1);
    const audit = await parkAdmin.get<{ items: { action: string; entityId: string }[] }>(`/api/communities/${cmc}/audit?entityId=${res.body.id}`);
    expect(audit.body.items.map((e) => e.action)).toEqual(['organisation.created']);
  });

  it('refuses a plain member (403) and a community the user is not in (404)', async () => {
    expect((await member.post<ErrorBody>('/api/directory/organisations', { communityId: cmc, kind: 'enterprise', nameZh: '某公司' })).status).toBe(403);
    expect((await staff.post<ErrorBody>('/api/directory/organisations', { communityId: jiading, kind: 'enterprise', nameZh: '某公司' })).status).toBe(404);
  });

  it('lets a platform admin add one for any community; the audit entry is platform-level', async () => {
    const org = await createOrganisation(platform, jiading);
    const [row] = await t.database.withConnection((c) =>
      c.rows<{ community_id: string | null }>(`select community_id from audit_log where entity_id = '${org.id}' and action = 'organisation.created'`),
    );
    expect(row!.community_id).toBeNull();
  });

  it('names each credit-code problem at the field, in the caller language', async () => {
    const valid = creditCode();
    const wrongCheck = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const cases: [string, string][] = [
      ['91320100', 'A unified social credit code has 18 characters'],
      ['91320100MA1OOOOO0X', 'The credit code contains characters it cannot have (I, O, S, V and Z are not used)'],
      [wrongCheck, 'The credit code’s check character is wrong; please check the code'],
    ];
    for (const [creditCodeValue, message] of cases) {
      const res = await staff.request<ErrorBody>('POST', '/api/directory/organisations', { communityId: cmc, kind: 'enterprise', nameZh: '某公司', creditCode: creditCodeValue }, { 'accept-language': 'en' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.fields?.creditCode).toBe(message);
    }
    const zh = await staff.request<ErrorBody>('POST', '/api/directory/organisations', { communityId: cmc, kind: 'enterprise', nameZh: '某公司', creditCode: '123' }, { 'accept-language': 'zh-CN' });
    expect(zh.body.error.fields?.creditCode).toBe('统一社会信用代码应为 18 位');
  });

  it('checks taxonomy codes, investor extras and the ticket range at their fields', async () => {
    const unknown = await staff.request<ErrorBody>('POST', '/api/directory/organisations', { communityId: cmc, kind: 'enterprise', nameZh: '某公司', segments: ['innovative_drug', 'astrology'], services: ['tarot'] }, { 'accept-language': 'en' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual({ segments: 'Unknown segment', services: 'Unknown service' });

    const extras = await staff.post<ErrorBody>('/api/directory/organisations', { communityId: cmc, kind: 'enterprise', nameZh: '某公司', investorType: 'vc', ticketMinFen: 100 });
    expect(Object.keys(extras.body.error.fields ?? {}).sort()).toEqual(['investorType', 'ticketMinFen']);

    const range = await staff.post<ErrorBody>('/api/directory/organisations', { communityId: cmc, kind: 'investor', nameZh: '某资本', ticketMinFen: 5_000_000_00, ticketMaxFen: 1_000_000_00 });
    expect(Object.keys(range.body.error.fields ?? {})).toEqual(['ticketMaxFen']);

    const investor = await staff.post<Organisation>('/api/directory/organisations', {
      communityId: cmc,
      kind: 'investor',
      nameZh: '某某资本',
      investorType: 'vc',
      thesisSegments: ['cell_therapy'],
      thesisStages: ['preclinical'],
      ticketMinFen: 1_000_000_00,
      ticketMaxFen: 5_000_000_00,
    });
    expect(investor.status).toBe(201);
  });

  it('answers 409 with the field for a taken credit code, and lets exactly one of two concurrent creates win', async () => {
    const code = creditCode();
    await createOrganisation(staff, cmc, { creditCode: code });
    const again = await alliance.post<ErrorBody>('/api/directory/organisations', { communityId: jiading, kind: 'enterprise', nameZh: '另一家公司', creditCode: code });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('duplicate_record');
    expect(again.body.error.fields).toHaveProperty('creditCode');

    const raced = creditCode();
    const results = await Promise.all([
      staff.post('/api/directory/organisations', { communityId: cmc, kind: 'enterprise', nameZh: '并发甲', creditCode: raced }),
      alliance.post('/api/directory/organisations', { communityId: jiading, kind: 'enterprise', nameZh: '并发乙', creditCode: raced }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await count(`select count(*)::int as n from organisations where credit_code = '${raced}'`)).toBe(1);
  });
});

describe('editing organisations', () => {
  it('applies an edit at the current version and bumps it; a stale version answers 409', async () => {
    const org = await createOrganisation(staff, cmc);
    const ok = await staff.patch<Organisation>(`/api/directory/organisations/${org.id}`, { version: 1, city: '泰州市', nameEn: 'Test Bio' });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ version: 2, city: '泰州市', nameEn: 'Test Bio' });
    const stale = await staff.patch<ErrorBody>(`/api/directory/organisations/${org.id}`, { version: 1, city: '南京市' });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('version_conflict');
  });

  it('lets exactly one of two concurrent edits from the same version win', async () => {
    const org = await createOrganisation(staff, cmc);
    const results = await Promise.all([
      staff.patch(`/api/directory/organisations/${org.id}`, { version: 1, city: '甲市' }),
      parkAdmin.patch(`/api/directory/organisations/${org.id}`, { version: 1, city: '乙市' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const detail = await staff.get<OrganisationDetail>(`/api/directory/organisations/${org.id}`);
    expect(detail.body.version).toBe(2);
    expect(await count(`select count(*)::int as n from audit_log where entity_id = '${org.id}' and action = 'organisation.updated'`)).toBe(1);
  });

  it('refuses a taken credit code on edit and leaves the record as it was', async () => {
    const code = creditCode();
    await createOrganisation(staff, cmc, { creditCode: code });
    const org = await createOrganisation(staff, cmc);
    const res = await staff.patch<ErrorBody>(`/api/directory/organisations/${org.id}`, { version: 1, creditCode: code, city: '无锡市' });
    expect(res.status).toBe(409);
    const after = await staff.get<OrganisationDetail>(`/api/directory/organisations/${org.id}`);
    expect(after.body).toMatchObject({ version: 1, city: null, creditCode: null });
  });

  it('lets only the steward staff edit while unclaimed; once it has representatives, only they (and platform admins) may', async () => {
    const org = await createOrganisation(staff, cmc);
    expect((await member.patch(`/api/directory/organisations/${org.id}`, { version: 1, city: 'x' })).status).toBe(403);
    expect((await alliance.patch(`/api/directory/organisations/${org.id}`, { version: 1, city: 'x' })).status).toBe(403);
    let detail = await member.get<OrganisationDetail>(`/api/directory/organisations/${org.id}`);
    expect(detail.body.permissions).toEqual({ canEdit: false, canDelete: false });
    detail = await parkAdmin.get<OrganisationDetail>(`/api/directory/organisations/${org.id}`);
    expect(detail.body.permissions).toEqual({ canEdit: true, canDelete: true });

    const added = await staff.post<{ userId: string; email: string }[]>(`/api/directory/organisations/${org.id}/representatives`, { email: 'member@biobridge.demo' });
    expect(added.status).toBe(200);
    expect(added.body.map((r) => r.email)).toEqual(['member@biobridge.demo']);
    const again = await staff.post<ErrorBody>(`/api/directory/organisations/${org.id}/representatives`, { email: 'member@biobridge.demo' });
    expect(again.status).toBe(403); // the steward lost the profile to its representative

    expect((await member.patch(`/api/directory/organisations/${org.id}`, { version: 1, city: '泰州市' })).status).toBe(200);
    expect((await staff.patch(`/api/directory/organisations/${org.id}`, { version: 2, city: '南京市' })).status).toBe(403);
    expect((await platform.patch(`/api/directory/organisations/${org.id}`, { version: 2, city: '南京市' })).status).toBe(200);
    detail = await parkAdmin.get<OrganisationDetail>(`/api/directory/organisations/${org.id}`);
    expect(detail.body.permissions).toEqual({ canEdit: false, canDelete: false });
    expect(detail.body.representatives.map((r) => r.email)).toEqual(['member@biobridge.demo']);
    // Audited on the platform (a representative acted, then a platform admin): no community.
    const rows = await t.database.withConnection((c) =>
      c.rows<{ community_id: string | null }>(`select community_id from audit_log where entity_id = '${org.id}' and action = 'organisation.updated' order by id`),
    );
    expect(rows.map((r) => r.community_id)).toEqual([null, null]);
  });

  it('adds representatives only from existing users, and removes them', async () => {
    const org = await createOrganisation(staff, cmc);
    const unknown = await staff.request<ErrorBody>('POST', `/api/directory/organisations/${org.id}/representatives`, { email: 'nobody@example.demo' }, { 'accept-language': 'en' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toEqual({ email: 'No user has this e-mail address' });
    const added = await staff.post<{ userId: string }[]>(`/api/directory/organisations/${org.id}/representatives`, { email: 'investor@biobridge.demo' });
    const userId = added.body[0]!.userId;
    expect((await member.delete(`/api/directory/organisations/${org.id}/representatives/${userId}`)).status).toBe(403);
    const removed = await platform.delete<unknown[]>(`/api/directory/organisations/${org.id}/representatives/${userId}`);
    expect(removed.status).toBe(200);
    expect(removed.body).toEqual([]);
    expect((await platform.delete(`/api/directory/organisations/${org.id}/representatives/${userId}`)).status).toBe(404);
  });
});

describe('deleting organisations', () => {
  it('lets the steward community admin delete an unclaimed organisation, with its links, notes and search row', async () => {
    const org = await createOrganisation(staff, cmc);
    const other = await createOrganisation(staff, cmc);
    expect((await staff.post('/api/directory/links', { fromType: 'organisation', fromId: other.id, role: 'partner_of', toType: 'organisation', toId: org.id })).status).toBe(201);
    expect((await staff.post(`/api/communities/${cmc}/notes`, { entityType: 'organisation', entityId: org.id, body: '备注' })).status).toBe(201);
    expect((await staff.delete(`/api/directory/organisations/${org.id}`)).status).toBe(403); // staff may edit, not delete
    expect((await parkAdmin.delete(`/api/directory/organisations/${org.id}`)).status).toBe(200);
    expect((await staff.get(`/api/directory/organisations/${org.id}`)).status).toBe(404);
    for (const table of ['directory_links where to_id', 'community_notes where entity_id', 'search_documents where entity_id']) {
      expect(await count(`select count(*)::int as n from ${table} = '${org.id}'`)).toBe(0);
    }
  });

  it('keeps a claimed organisation from its steward; platform admins may still delete it', async () => {
    const org = await createOrganisation(staff, cmc);
    await staff.post(`/api/directory/organisations/${org.id}/representatives`, { email: 'member@biobridge.demo' });
    expect((await parkAdmin.delete(`/api/directory/organisations/${org.id}`)).status).toBe(403);
    expect((await member.delete(`/api/directory/organisations/${org.id}`)).status).toBe(403);
    expect((await platform.delete(`/api/directory/organisations/${org.id}`)).status).toBe(200);
  });

  it('answers 404 for a missing organisation on every route', async () => {
    const missing = '00000000-0000-4000-8000-000000000001';
    expect((await staff.get(`/api/directory/organisations/${missing}`)).status).toBe(404);
    expect((await staff.patch(`/api/directory/organisations/${missing}`, { version: 1 })).status).toBe(404);
    expect((await platform.delete(`/api/directory/organisations/${missing}`)).status).toBe(404);
  });

  it('requires a signed-in user', async () => {
    const anonymous = new Client(t.app);
    expect((await anonymous.get('/api/taxonomy')).status).toBe(200); // the shared vocabularies are open to visitors
    expect((await anonymous.get('/api/directory/organisations/00000000-0000-4000-8000-000000000001')).status).toBe(401);
  });
});

describe('activity', () => {
  it("lists a record's profile changes newest first, in keyset pages", async () => {
    const org = await createOrganisation(staff, cmc);
    for (let v = 1; v <= 3; v++) await staff.patch(`/api/directory/organisations/${org.id}`, { version: v, city: `城市${v}` });
    const first = await member.get<{ items: { action: string; changes: Record<string, unknown> }[]; nextCursor: string | null }>(`/api/directory/organisation/${org.id}/activity?limit=2`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((e) => e.action)).toEqual(['organisation.updated', 'organisation.updated']);
    expect(first.body.items[0]!.changes.city).toEqual({ before: '城市2', after: '城市3' });
    const second = await member.get<{ items: { action: string }[]; nextCursor: string | null }>(`/api/directory/organisation/${org.id}/activity?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items.map((e) => e.action)).toEqual(['organisation.updated', 'organisation.created']);
    expect(second.body.nextCursor).toBeNull();
  });
});
