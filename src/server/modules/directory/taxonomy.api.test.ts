import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TaxonomyCatalogue, TaxonomyTerm } from '../../../shared/schemas/directory';
import { signInEach } from './directory.fixtures';
import { startTestApp, type Client, type TestApp } from '../../../../test/app';

type ErrorBody = { error: { code: string; fields?: Record<string, string> } };

let t: TestApp;
let member: Client;
let parkAdmin: Client;
let platform: Client;

beforeAll(async () => {
  t = await startTestApp();
  [member, parkAdmin, platform] = await signInEach(t.app, ['member', 'park.admin', 'admin']);
});
afterAll(() => t.close());

describe('taxonomy', () => {
  it('lists every term grouped by taxonomy, in sort order', async () => {
    const res = await member.get<TaxonomyCatalogue>('/api/taxonomy');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(['qualification', 'segment', 'service', 'stage']);
    expect(res.body.segment[0]).toMatchObject({ taxonomy: 'segment', code: 'innovative_drug', nameZhHans: '创新药' });
    for (const list of Object.values(res.body)) {
      const orders = list.map((x: TaxonomyTerm) => x.sortOrder);
      expect(orders).toEqual([...orders].sort((a, b) => a - b));
    }
    expect(res.body.stage.find((s) => s.code === 'phase_1')?.groupCode).toBe('drug');
  });

  it('lets platform admins add a term, audited; a repeated code answers 409', async () => {
    const term = { code: 'synthetic_biology', nameZhHans: '合成生物', nameZhHant: '合成生物', nameEn: 'Synthetic biology', aliases: ['合成生物学'], sortOrder: 120 };
    expect((await parkAdmin.post('/api/taxonomy/segment', term)).status).toBe(403);
    const res = await platform.post<TaxonomyTerm>('/api/taxonomy/segment', term);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ taxonomy: 'segment', code: 'synthetic_biology', groupCode: null });
    const again = await platform.post<ErrorBody>('/api/taxonomy/segment', term);
    expect([again.status, Object.keys(again.body.error.fields ?? {})]).toEqual([409, ['code']]);
    const list = await member.get<TaxonomyCatalogue>('/api/taxonomy');
    expect(list.body.segment.at(-1)?.code).toBe('synthetic_biology');
    const [row] = await t.database.withConnection((c) => c.rows<{ n: number }>(`select count(*)::int as n from audit_log where action = 'taxonomy.term_added' and community_id is null`));
    expect(row!.n).toBe(1);
  });

  it('requires a track for a stage and none elsewhere; refuses unknown taxonomies and malformed codes', async () => {
    const stage = { code: 'phase_4', nameZhHans: '临床IV期', nameZhHant: '臨床IV期', nameEn: 'Phase IV' };
    expect((await platform.post<ErrorBody>('/api/taxonomy/stage', stage)).body.error.fields).toHaveProperty('groupCode');
    expect((await platform.post('/api/taxonomy/stage', { ...stage, groupCode: 'drug' })).status).toBe(201);
    expect((await platform.post<ErrorBody>('/api/taxonomy/service', { ...stage, code: 'x_service', groupCode: 'drug' })).body.error.fields).toHaveProperty('groupCode');
    expect((await platform.post('/api/taxonomy/colour', { ...stage, code: 'red' })).status).toBe(400);
    expect((await platform.post('/api/taxonomy/segment', { ...stage, code: 'Bad Code' })).status).toBe(400);
  });
});

describe('OpenAPI', () => {
  it('documents the directory and notes routes under their tags', async () => {
    const res = await member.get<{ paths: Record<string, Record<string, { tags?: string[] }>> }>('/api/openapi.json');
    expect(res.status).toBe(200);
    const expected: [string, string, string][] = [
      ['/api/taxonomy', 'get', 'directory'],
      ['/api/directory/organisations/{organisationId}', 'patch', 'directory'],
      ['/api/directory/organisations/{organisationId}/logo', 'post', 'directory'],
      ['/api/directory/people/{personId}/erase', 'post', 'directory'],
      ['/api/directory/projects/{projectId}/attachments', 'post', 'directory'],
      ['/api/files/{fileId}', 'get', 'directory'],
      ['/api/directory/{entityType}/{entityId}/activity', 'get', 'directory'],
      ['/api/communities/{communityId}/notes/{noteId}', 'patch', 'notes'],
      ['/api/communities/{communityId}/annotations', 'put', 'notes'],
    ];
    for (const [path, method, tag] of expected) expect(res.body.paths[path]?.[method]?.tags, `${method} ${path}`).toEqual([tag]);
  });
});
