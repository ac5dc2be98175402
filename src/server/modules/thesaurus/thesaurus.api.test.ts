import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../../shared/schemas/search';
import type { ThesaurusConcept, ThesaurusPage } from '../../../shared/schemas/thesaurus';
import { Client, signedIn, startTestApp, type TestApp } from '../../../../test/app';
import { refreshSearchDocuments } from '../search/index-document';
import { loadThesaurus } from './load';

/**
 * The thesaurus API and its use by the search. Records made here carry invented names
 * (玳瑁诊断, Qiongzhi …) so assertions only look at them.
 */
let t: TestApp;
let admin: Client;
let member: Client;
let community: string;
const ids: Record<string, string> = {};

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

async function org(nameZh: string, descriptionZh: string, descriptionEn = ''): Promise<string> {
  const [row] = await rows<{ id: string }>(sql`
    insert into organisations (kind, name_zh, name_key, description_zh, description_en, steward_community_id)
    values ('enterprise', ${nameZh}, ${nameZh}, ${descriptionZh}, ${descriptionEn}, ${community}) returning id`);
  await refreshSearchDocuments(t.database.db, 'organisation', [row!.id]);
  return row!.id;
}

const found = async (client: Client, q: string) =>
  (await client.get<SearchResult>(`/api/search?${new URLSearchParams({ q, limit: '100' }).toString()}`)).body.items.map((i) => i.entityId);

const conceptByCode = async (client: Client, code: string) => {
  const page = (await client.get<ThesaurusPage>(`/api/thesaurus?q=${code}&limit=200`)).body;
  return page.items.find((c) => c.code === code)!;
};

const newConcept = (code: string, extra: Record<string, unknown> = {}) => ({
  code,
  segment: null,
  relatedCodes: [],
  terms: [
    { lang: 'zh_hans', term: '琼芝素' },
    { lang: 'zh_hant', term: '瓊芝素' },
    { lang: 'en', term: 'Qiongzhin' },
  ],
  ...extra,
});

beforeAll(async () => {
  t = await startTestApp();
  admin = await signedIn(t.app, 'admin@biobridge.demo');
  member = await signedIn(t.app, 'member@biobridge.demo');
  const [c] = await rows<{ id: string }>(sql`
    insert into communities (slug, kind, name_zh_hans, name_zh_hant, name_en)
    select 'thesaurus-test-park', code, '词表测试园区', '詞表測試園區', 'Thesaurus Test Park' from community_kinds order by sort_order limit 1 returning id`);
  community = c!.id;
  await t.database.db.execute(sql`insert into memberships (community_id, user_id, role) select ${community}, id, 'member' from users where email = 'member@biobridge.demo'`);
  ids.ivd = await org('玳瑁科技', '玳瑁科技是一家 IVD 企业');
  ids.cell = await org('琥珀生物', '琥珀生物从事免疫细胞治疗');
  ids.plain = await org('玛瑙医疗', '玛瑙医疗做心脏介入');
});
afterAll(() => t.close());

describe('reading the thesaurus', () => {
  it('needs a signed-in user', async () => {
    expect((await new Client(t.app).get('/api/thesaurus')).status).toBe(401);
  });

  it('lists the seed concepts by code with terms in three languages, paging by cursor', async () => {
    const first = await member.get<ThesaurusPage>('/api/thesaurus?limit=10');
    expect(first.status).toBe(200);
    expect(first.body.items).toHaveLength(10);
    const codes = first.body.items.map((c) => c.code);
    expect([...codes].sort()).toEqual(codes);
    const next = await member.get<ThesaurusPage>(`/api/thesaurus?limit=10&cursor=${first.body.nextCursor}`);
    expect(next.body.items[0]!.code > codes[9]!).toBe(true);
    const all = await member.get<ThesaurusPage>('/api/thesaurus?limit=200');
    expect(all.body.items.length).toBeGreaterThanOrEqual(60);
    const ivd = all.body.items.find((c) => c.code === 'ivd')!;
    expect(ivd.segment).toBe('ivd');
    expect(new Set(ivd.terms.map((x) => x.lang))).toEqual(new Set(['zh_hans', 'zh_hant', 'en']));
    expect(ivd.terms.find((x) => x.term === '體外診斷')?.termKey).toBe('体外诊断');
    // Related both ways: stem_cell records regenerative_medicine; the reverse shows in relatedFrom.
    const regen = all.body.items.find((c) => c.code === 'regenerative_medicine')!;
    expect(regen.relatedFrom).toContain('stem_cell');
  });

  it('finds concepts by a term in any script or spelling', async () => {
    for (const q of ['體外診斷', '体外诊断', 'in vitro', 'ivd']) {
      const page = await member.get<ThesaurusPage>(`/api/thesaurus?q=${encodeURIComponent(q)}`);
      expect(page.body.items.map((c) => c.code), q).toContain('ivd');
    }
    const cart = await member.get<ThesaurusPage>(`/api/thesaurus?q=${encodeURIComponent('car t')}`);
    expect(cart.body.items.map((c) => c.code)).toContain('cell_therapy');
  });

  it('answers 404 for an unknown concept and 400 for a bad id or cursor', async () => {
    expect((await member.get('/api/thesaurus/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await member.get('/api/thesaurus/nope')).status).toBe(400);
    expect((await member.get('/api/thesaurus?cursor=%2F%2F')).status).toBe(400);
  });
});

describe('editing the thesaurus', () => {
  it('is for platform admins only', async () => {
    const res = await member.post('/api/admin/thesaurus', newConcept('qiongzhi'));
    expect(res.status).toBe(403);
  });

  it('validates: code format, blank and duplicate terms, unknown segment and related concepts', async () => {
    const bad = async (body: unknown, field: string) => {
      const res = await admin.post<{ error: { code: string; fields?: Record<string, string> } }>('/api/admin/thesaurus', body);
      expect(res.status, JSON.stringify(res.body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(Object.keys(res.body.error.fields ?? {})).toContain(field);
    };
    await bad(newConcept('Bad Code'), 'code');
    await bad(newConcept('qiongzhi', { terms: [] }), 'terms');
    await bad(newConcept('qiongzhi', { terms: [{ lang: 'en', term: '   ' }] }), 'terms.0.term');
    await bad(newConcept('qiongzhi', { terms: [{ lang: 'en', term: '---' }] }), 'terms.0.term');
    await bad(newConcept('qiongzhi', { terms: [{ lang: 'en', term: 'Qiong-zhin' }, { lang: 'en', term: 'qiong zhin' }] }), 'terms.1.term');
    await bad(newConcept('qiongzhi', { segment: 'no_such_segment' }), 'segment');
    await bad(newConcept('qiongzhi', { relatedCodes: ['no_such_concept'] }), 'relatedCodes');
    await bad(newConcept('qiongzhi', { relatedCodes: ['qiongzhi'] }), 'relatedCodes');
    await bad({ ...newConcept('qiongzhi'), extra: 1 }, 'extra');
  });

  it('creates, edits and deletes a concept: audited, in the change feed, version-checked', async () => {
    const feedBefore = (await rows<{ n: number }>(sql`select count(*)::int as n from match_changes where entity_type = 'thesaurus'`))[0]!.n;
    const created = await admin.post<ThesaurusConcept>('/api/admin/thesaurus', newConcept('qiongzhi', { segment: 'innovative_drug', relatedCodes: ['small_molecule'], note: '测试' }));
    expect(created.status).toBe(201);
    expect(created.body.version).toBe(1);
    // Simplified and traditional terms with one key are both kept (one key per language).
    expect(created.body.terms.map((x) => x.termKey)).toEqual(['琼芝素', '琼芝素', 'qiongzhin']);
    expect((await admin.post('/api/admin/thesaurus', newConcept('qiongzhi'))).status).toBe(409);
    expect((await conceptByCode(member, 'small_molecule')).relatedFrom).toContain('qiongzhi');

    const id = created.body.id;
    const stale = await admin.patch(`/api/admin/thesaurus/${id}`, { version: 7, note: 'x' });
    expect(stale.status).toBe(409);
    const edited = await admin.patch<ThesaurusConcept>(`/api/admin/thesaurus/${id}`, { version: 1, terms: [{ lang: 'en', term: 'Qiongzhin B' }] });
    expect(edited.status).toBe(200);
    expect(edited.body.version).toBe(2);
    expect(edited.body.terms).toEqual([{ lang: 'en', term: 'Qiongzhin B', termKey: 'qiongzhinb' }]);
    expect(edited.body.segment).toBe('innovative_drug');
    expect(edited.body.relatedCodes).toEqual(['small_molecule']);

    expect((await admin.delete(`/api/admin/thesaurus/${id}?version=1`)).status).toBe(409);
    expect((await member.delete(`/api/admin/thesaurus/${id}?version=2`)).status).toBe(403);
    expect((await admin.delete(`/api/admin/thesaurus/${id}?version=2`)).status).toBe(200);
    expect((await admin.get(`/api/thesaurus/${id}`)).status).toBe(404);

    const audit = await rows<{ action: string }>(sql`select action from audit_log where entity_type = 'thesaurus_concept' and entity_id = ${id} order by action`);
    expect(audit.map((a) => a.action).sort()).toEqual(['thesaurus_concept.created', 'thesaurus_concept.deleted', 'thesaurus_concept.updated']);
    const feedAfter = (await rows<{ n: number }>(sql`select count(*)::int as n from match_changes where entity_type = 'thesaurus'`))[0]!.n;
    expect(feedAfter - feedBefore).toBe(3);
  });

  it('deleting a concept removes it from the related codes of others', async () => {
    const a = await admin.post<ThesaurusConcept>('/api/admin/thesaurus', newConcept('qz_a'));
    const b = await admin.post<ThesaurusConcept>('/api/admin/thesaurus', { ...newConcept('qz_b', { relatedCodes: ['qz_a'] }), terms: [{ lang: 'en', term: 'qzbterm' }] });
    expect(b.status).toBe(201);
    expect((await admin.delete(`/api/admin/thesaurus/${a.body.id}?version=1`)).status).toBe(200);
    const after = await admin.get<ThesaurusConcept>(`/api/thesaurus/${b.body.id}`);
    expect(after.body.relatedCodes).toEqual([]);
    expect(after.body.version).toBe(2);
  });

  it('keeps the loaded thesaurus fresh after each write', async () => {
    const before = await loadThesaurus(t.database.db);
    expect(before.codesOfKey('翡翠素')).toEqual([]);
    const c = await admin.post<ThesaurusConcept>('/api/admin/thesaurus', { ...newConcept('feicui'), terms: [{ lang: 'zh_hans', term: '翡翠素' }] });
    expect((await loadThesaurus(t.database.db)).codesOfKey('翡翠素')).toEqual(['feicui']);
    // A write the cache did not see (another process): the version check notices it.
    await t.database.db.execute(sql`update thesaurus_terms set term = '翡翠素乙', term_key = '翡翠素乙' where concept_id = ${c.body.id}`);
    await t.database.db.execute(sql`update thesaurus_concepts set version = version + 1, updated_at = now() where id = ${c.body.id}`);
    expect((await loadThesaurus(t.database.db)).codesOfKey('翡翠素乙')).toEqual(['feicui']);
  });
});

describe('the search expands queries through the thesaurus', () => {
  it('finds a record that says only "IVD" by 体外诊断, 體外診斷 and in vitro diagnostics', async () => {
    for (const q of ['体外诊断', '體外診斷', 'in vitro diagnostics', 'IVD']) expect(await found(member, q), q).toContain(ids.ivd);
    expect(await found(member, '体外诊断')).not.toContain(ids.plain);
  });

  it('finds 免疫细胞治疗 by CAR-T and by cell therapy', async () => {
    expect(await found(member, 'CAR-T')).toContain(ids.cell);
    expect(await found(member, 'cell therapy')).toContain(ids.cell);
  });

  it('keeps the other words of the query required', async () => {
    expect(await found(member, '体外诊断 玳瑁科技')).toContain(ids.ivd);
    expect(await found(member, '体外诊断 琥珀生物')).not.toContain(ids.ivd);
  });

  it('follows an admin edit: a term added to a concept finds its records', async () => {
    expect(await found(member, '玳瑁检测法')).not.toContain(ids.ivd);
    const ivd = await conceptByCode(admin, 'ivd');
    const res = await admin.patch(`/api/admin/thesaurus/${ivd.id}`, {
      version: ivd.version,
      terms: [...ivd.terms.map(({ lang, term }) => ({ lang, term })), { lang: 'zh_hans', term: '玳瑁检测法' }],
    });
    expect(res.status).toBe(200);
    expect(await found(member, '玳瑁检测法')).toContain(ids.ivd);
  });
});
