import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../../../test/app';
import { createOrganisation, createPerson, createProject, linkPersonToUser, signInEach } from './directory.fixtures';

/** PIPL: a person's data can be exported and erased on request. */

let t: TestApp;
let staff: Client;
let parkAdmin: Client;
let member: Client;
let alliance: Client;
let platform: Client;
let cmc: string;
let jiading: string;

beforeAll(async () => {
  t = await startTestApp();
  [staff, parkAdmin, member, alliance, platform] = await signInEach(t.app, ['staff', 'park.admin', 'member', 'alliance.admin', 'admin']);
  cmc = staff.communityId('china-medical-city');
  jiading = alliance.communityId('jiading-biomed-alliance');
});
afterAll(() => t.close());

// Each test's person has a name and address of its own, so one test's search finds no other's traces.
let serial = 0;
let NAME = '';
let EMAIL = '';

/** A person with everything that can be stored about them, in two communities. */
async function richPerson() {
  serial += 1;
  NAME = `欧阳清漪${serial}号`;
  EMAIL = `qingyi.ouyang${serial}@privacy-test.demo`;
  const org = await createOrganisation(staff, cmc);
  const p = await createPerson(staff, cmc, { nameZh: NAME, email: EMAIL, phone: '13900001111', wechatId: 'oyqy', affiliations: [{ organisationId: org.id, role: '研发总监' }] });
  await staff.patch(`/api/directory/people/${p.id}`, { version: 1, title: '研发总监', consentToContact: true });
  expect((await staff.post('/api/directory/links', { fromType: 'person', fromId: p.id, role: 'partner_of', toType: 'organisation', toId: org.id })).status).toBe(201);
  expect((await staff.post(`/api/communities/${cmc}/notes`, { entityType: 'person', entityId: p.id, body: `园区备注:${NAME}对合作有兴趣` })).status).toBe(201);
  expect((await alliance.post(`/api/communities/${jiading}/notes`, { entityType: 'person', entityId: p.id, body: `联盟备注:${NAME}曾参加路演` })).status).toBe(201);
  expect((await alliance.request('PUT', `/api/communities/${jiading}/annotations`, { entityType: 'person', entityId: p.id, tags: ['路演嘉宾'], rating: 5 })).status).toBe(200);
  return { person: p, org };
}

type Export = {
  person: { nameZh: string; email: string };
  affiliations: unknown[];
  links: unknown[];
  communityNotes: { communityId: string; body: string }[];
  communityAnnotations: { communityId: string }[];
  auditEntries: { action: string }[];
};

describe('PIPL export', () => {
  it('gives a platform admin everything, as a JSON download, and audits the export', async () => {
    const { person } = await richPerson();
    const res = await platform.get<Export>(`/api/directory/people/${person.id}/export`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="person-[0-9a-f-]+\.json"/);
    expect(res.body.person).toMatchObject({ nameZh: NAME, email: EMAIL });
    expect(res.body.affiliations).toHaveLength(1);
    expect(res.body.links).toHaveLength(1);
    expect(res.body.communityNotes.map((n) => n.communityId).sort()).toEqual([cmc, jiading].sort());
    expect(res.body.communityAnnotations.map((a) => a.communityId)).toEqual([jiading]);
    expect(res.body.auditEntries.map((e) => e.action)).toEqual(['person.created', 'person.updated']);
    const after = await platform.get<Export>(`/api/directory/people/${person.id}/export`);
    expect(after.body.auditEntries.map((e) => e.action)).toContain('person.exported');
  });

  it("gives the holding community's admin only their own community's notes", async () => {
    const { person } = await richPerson();
    const res = await parkAdmin.get<Export>(`/api/directory/people/${person.id}/export`);
    expect(res.status).toBe(200);
    expect(res.body.communityNotes.map((n) => n.communityId)).toEqual([cmc]);
    expect(JSON.stringify(res.body)).not.toContain('联盟备注');
    expect(res.body.communityAnnotations).toEqual([]);
  });

  it('gives the person everything, and refuses anyone else', async () => {
    const { person } = await richPerson();
    await linkPersonToUser(t, person.id, 'member@biobridge.demo');
    const own = await member.get<Export>(`/api/directory/people/${person.id}/export`);
    expect(own.status).toBe(200);
    expect(own.body.communityNotes).toHaveLength(2);
    expect((await staff.get(`/api/directory/people/${person.id}/export`)).status).toBe(403);
    expect((await alliance.get(`/api/directory/people/${person.id}/export`)).status).toBe(403);
  });
});

describe('PIPL erasure', () => {
  it('refuses those who may not erase, changing nothing', async () => {
    const { person } = await richPerson();
    for (const c of [staff, member, alliance]) expect((await c.post(`/api/directory/people/${person.id}/erase`)).status).toBe(403);
    expect((await platform.get(`/api/directory/people/${person.id}`)).status).toBe(200);
  });

  it('leaves nothing of the person: record, affiliations, links, every community notes and tags, search row; audit redacted', async () => {
    const { person, org } = await richPerson();
    const project = await createProject(staff, cmc, { team: [{ name: NAME, role: '负责人', personId: person.id }, { name: '周伟', role: '研究员' }] });
    const res = await parkAdmin.post(`/api/directory/people/${person.id}/erase`);
    expect(res.status).toBe(200);
    expect((await platform.get(`/api/directory/people/${person.id}`)).status).toBe(404);
    const counts = await t.database.withConnection((c) =>
      c.rows<Record<string, number>>(`select
        (select count(*)::int from people where id = '${person.id}') as people,
        (select count(*)::int from person_affiliations where person_id = '${person.id}') as affiliations,
        (select count(*)::int from directory_links where from_id = '${person.id}' or to_id = '${person.id}') as links,
        (select count(*)::int from community_notes where entity_id = '${person.id}') as notes,
        (select count(*)::int from community_annotations where entity_id = '${person.id}') as annotations,
        (select count(*)::int from search_documents where entity_id = '${person.id}') as search,
        (select count(*)::int from audit_log where changes::text like '%${EMAIL}%' or changes::text like '%${NAME}%' or entity_label like '%${NAME}%') as audit_mentions`),
    );
    expect(counts[0]).toEqual({ people: 0, affiliations: 0, links: 0, notes: 0, annotations: 0, search: 0, audit_mentions: 0 });
    const entries = await t.database.withConnection((c) =>
      c.rows<{ action: string; community_id: string | null; changes: Record<string, { before: unknown; after: unknown }> }>(
        `select action, community_id, changes from audit_log where entity_type = 'person' and entity_id = '${person.id}' order by id`,
      ),
    );
    expect(entries.map((e) => e.action)).toEqual(['person.created', 'person.updated', 'person.erased']);
    // What changed is still known; the values are not.
    expect(entries[0]!.changes.email).toEqual({ before: null, after: '[erased]' });
    expect(entries[2]!.community_id).toBe(cmc);
    // Gone from project teams too; the rest of the team stays.
    const after = await platform.get<{ team: { name: string }[]; version: number }>(`/api/directory/projects/${project.id}`);
    expect(after.body.team.map((m) => m.name)).toEqual(['周伟']);
    expect(after.body.version).toBe(2);
    // The organisation is untouched.
    expect((await member.get(`/api/directory/organisations/${org.id}`)).status).toBe(200);
  });
});
