import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, Note } from '../../../shared/schemas/directory';
import { signedIn, startTestApp, type Client, type TestApp } from '../../../../test/app';
import { createOrganisation, createProject, signInEach } from '../directory/directory.fixtures';

type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

let t: TestApp;
let staff: Client; // staff, China Medical City
let parkAdmin: Client; // admin, China Medical City
let member: Client; // member, China Medical City
let alliance: Client; // admin, Jiading alliance
let investor: Client; // investor, China Medical City and Jiading
let cmc: string;
let jiading: string;
let org: { id: string };

beforeAll(async () => {
  t = await startTestApp();
  [staff, parkAdmin, member, alliance, investor] = await signInEach(t.app, ['staff', 'park.admin', 'member', 'alliance.admin', 'investor']);
  cmc = staff.communityId('china-medical-city');
  jiading = alliance.communityId('jiading-biomed-alliance');
  org = await createOrganisation(staff, cmc, { nameZh: '备注测试生物' });
});
afterAll(() => t.close());

const notesOf = (c: Client, community: string, entityId: string) => c.get<Note[]>(`/api/communities/${community}/notes?entityType=organisation&entityId=${entityId}`);

describe('private notes', () => {
  it("keeps each community's notes to itself", async () => {
    const mine = await staff.post<Note>(`/api/communities/${cmc}/notes`, { entityType: 'organisation', entityId: org.id, body: '园区:计划下月走访' });
    expect(mine.status).toBe(201);
    expect(mine.body.author?.displayName).toBe('王磊');
    const theirs = await alliance.post<Note>(`/api/communities/${jiading}/notes`, { entityType: 'organisation', entityId: org.id, body: '联盟:估值偏高' });
    expect(theirs.status).toBe(201);

    expect((await notesOf(parkAdmin, cmc, org.id)).body.map((n) => n.body)).toEqual(['园区:计划下月走访']);
    expect((await notesOf(alliance, jiading, org.id)).body.map((n) => n.body)).toEqual(['联盟:估值偏高']);
    // Another community's notes route: 404, like a community that does not exist.
    expect((await notesOf(alliance, cmc, org.id)).status).toBe(404);
    // Another community's note id under one's own community: not found.
    expect((await alliance.patch(`/api/communities/${jiading}/notes/${mine.body.id}`, { body: 'x' })).status).toBe(404);
    expect((await alliance.delete(`/api/communities/${jiading}/notes/${mine.body.id}`)).status).toBe(404);
    // Nothing of either community's notes anywhere on the shared record.
    for (const c of [staff, alliance, investor]) {
      const profile = JSON.stringify((await c.get(`/api/directory/organisations/${org.id}`)).body);
      const activity = JSON.stringify((await c.get(`/api/directory/organisation/${org.id}/activity`)).body);
      for (const text of [profile, activity]) {
        expect(text).not.toContain('计划下月走访');
        expect(text).not.toContain('估值偏高');
      }
    }
    // The community's own audit has its note; the other community's audit does not.
    const audit = await alliance.get<{ items: { entityId: string }[] }>(`/api/communities/${jiading}/audit?limit=200`);
    expect(audit.body.items.map((e) => e.entityId)).not.toContain(mine.body.id);
  });

  it('needs notes.read to read and notes.write to write', async () => {
    expect((await notesOf(member, cmc, org.id)).status).toBe(403);
    expect((await investor.post(`/api/communities/${cmc}/notes`, { entityType: 'organisation', entityId: org.id, body: 'x' })).status).toBe(403);
  });

  it('asks for the record in the query, and for a record that exists and is visible', async () => {
    const missingQuery = await staff.get<ErrorBody>(`/api/communities/${cmc}/notes`);
    expect(missingQuery.status).toBe(400);
    expect(Object.keys(missingQuery.body.error.fields ?? {}).sort()).toEqual(['entityId', 'entityType']);
    expect((await staff.post(`/api/communities/${cmc}/notes`, { entityType: 'person', entityId: org.id, body: 'x' })).status).toBe(404);
    const secret = await createProject(staff, cmc, { confidentiality: 'named_investors' });
    expect((await alliance.post(`/api/communities/${jiading}/notes`, { entityType: 'project', entityId: secret.id, body: 'x' })).status).toBe(404);
    expect((await staff.post(`/api/communities/${cmc}/notes`, { entityType: 'project', entityId: secret.id, body: '内部评估' })).status).toBe(201);
  });

  it('lets the author or a community admin edit and delete a note', async () => {
    const note = await staff.post<Note>(`/api/communities/${cmc}/notes`, { entityType: 'organisation', entityId: org.id, body: '初稿' });
    // Another staff member of the same community: may write notes, not someone else's.
    const colleague = await signedIn(t.app, 'haoran.qian@biobridge.demo');
    expect((await colleague.patch(`/api/communities/${cmc}/notes/${note.body.id}`, { body: '改' })).status).toBe(403);
    expect((await colleague.delete(`/api/communities/${cmc}/notes/${note.body.id}`)).status).toBe(403);
    const edited = await staff.patch<Note>(`/api/communities/${cmc}/notes/${note.body.id}`, { body: '定稿' });
    expect([edited.status, edited.body.body]).toEqual([200, '定稿']);
    expect((await parkAdmin.patch(`/api/communities/${cmc}/notes/${note.body.id}`, { body: '管理员修改' })).status).toBe(200);
    expect((await parkAdmin.delete(`/api/communities/${cmc}/notes/${note.body.id}`)).status).toBe(200);
    expect((await staff.delete(`/api/communities/${cmc}/notes/${note.body.id}`)).status).toBe(404);
  });
});

describe('private tags and ratings', () => {
  it('upserts one annotation per community and record, private to it, with tag counts for autocomplete', async () => {
    const other = await createOrganisation(staff, cmc);
    const empty = await staff.get<Annotation>(`/api/communities/${cmc}/annotations?entityType=organisation&entityId=${org.id}`);
    expect(empty.body).toEqual({ entityType: 'organisation', entityId: org.id, tags: [], rating: null, updatedAt: null });
    const put = await staff.request<Annotation>('PUT', `/api/communities/${cmc}/annotations`, { entityType: 'organisation', entityId: org.id, tags: ['甲类重点', ' 甲类重点 ', '丁类细胞治疗'], rating: 4 });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ tags: ['甲类重点', '丁类细胞治疗'], rating: 4 });
    await staff.request('PUT', `/api/communities/${cmc}/annotations`, { entityType: 'organisation', entityId: org.id, tags: ['甲类重点'], rating: 5 });
    await staff.request('PUT', `/api/communities/${cmc}/annotations`, { entityType: 'organisation', entityId: other.id, tags: ['甲类重点', '乙类待观察'], rating: null });
    await alliance.request('PUT', `/api/communities/${jiading}/annotations`, { entityType: 'organisation', entityId: org.id, tags: ['丙类联盟专属'], rating: 1 });

    const got = await parkAdmin.get<Annotation>(`/api/communities/${cmc}/annotations?entityType=organisation&entityId=${org.id}`);
    expect(got.body).toMatchObject({ tags: ['甲类重点'], rating: 5 });
    const tags = await staff.get<{ tag: string; count: number }[]>(`/api/communities/${cmc}/tags`);
    const counts = new Map(tags.body.map((x) => [x.tag, x.count]));
    expect([counts.get('甲类重点'), counts.get('乙类待观察'), counts.get('丙类联盟专属')]).toEqual([2, 1, undefined]);
    const ordered = tags.body.map((x) => x.count);
    expect(ordered).toEqual([...ordered].sort((a, b) => b - a));
    const theirs = await alliance.get<{ tag: string; count: number }[]>(`/api/communities/${jiading}/tags`);
    expect(theirs.body).toContainEqual({ tag: '丙类联盟专属', count: 1 });
    expect(theirs.body.map((x) => x.tag)).not.toContain('乙类待观察');
    expect((await alliance.get(`/api/communities/${cmc}/tags`)).status).toBe(404);
    expect((await alliance.get(`/api/communities/${cmc}/annotations?entityType=organisation&entityId=${org.id}`)).status).toBe(404);
    expect((await member.request('PUT', `/api/communities/${cmc}/annotations`, { entityType: 'organisation', entityId: org.id, tags: [], rating: 1 })).status).toBe(403);
  });

  it('refuses a rating outside 1–5', async () => {
    const res = await staff.request<ErrorBody>('PUT', `/api/communities/${cmc}/annotations`, { entityType: 'organisation', entityId: org.id, tags: [], rating: 6 });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toHaveProperty('rating');
  });
});
