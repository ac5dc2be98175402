import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../../../domain/credit-code';
import type { SearchResult } from '../../../shared/schemas/search';
import { Client, signedIn, startTestApp, type TestApp } from '../../../../test/app';
import { refreshSearchDocuments, removeSearchDocuments } from './index-document';
import type { RequestContext } from '../../http/context';
import { SEARCH_MATCH_CAP, searchIdsForExport } from './service';

/**
 * Records are inserted straight into the tables and indexed with refreshSearchDocuments, so
 * these tests exercise the index and the search on their own. Every record carries invented
 * words (泽康, 琅玕, Qinlan …) that the demo data does not use, and assertions look only at
 * the records made here.
 */
let t: TestApp;
let community: string; // a community of this test's own
const ids: Record<string, string> = {};
const creditCode = (() => {
  const first17 = '91320594MA1N2P3Q4';
  return first17 + creditCodeCheckChar(first17)!;
})();

async function one<T>(query: ReturnType<typeof sql>): Promise<T> {
  const result = (await t.database.db.execute(query)) as unknown as { rows: T[] };
  return result.rows[0]!;
}
const userId = async (email: string) => (await one<{ id: string }>(sql`select id from users where email = ${email}`)).id;

async function org(values: {
  nameZh: string;
  nameEn?: string;
  kind?: string;
  creditCode?: string;
  stockCode?: string;
  segments?: string[];
  qualifications?: string[];
  services?: string[];
  descriptionZh?: string;
  descriptionEn?: string;
  province?: string;
}): Promise<string> {
  const row = await one<{ id: string }>(sql`
    insert into organisations (kind, name_zh, name_en, name_key, credit_code, stock_code, listing_status, segments, qualifications, services,
      description_zh, description_en, province, steward_community_id)
    values (${values.kind ?? 'enterprise'}, ${values.nameZh}, ${values.nameEn ?? null}, ${values.nameZh}, ${values.creditCode ?? null},
      ${values.stockCode ?? null}, ${values.stockCode ? 'listed' : 'unlisted'},
      ${`{${(values.segments ?? []).join(',')}}`}::text[], ${`{${(values.qualifications ?? []).join(',')}}`}::text[],
      ${`{${(values.services ?? []).join(',')}}`}::text[], ${values.descriptionZh ?? ''}, ${values.descriptionEn ?? ''},
      ${values.province ?? null}, ${community})
    returning id`);
  await refreshSearchDocuments(t.database.db, 'organisation', [row.id]);
  return row.id;
}

async function project(values: { nameZh: string; owner: string; confidentiality: string; segment?: string; stage?: string; investors?: string[] }) {
  const row = await one<{ id: string }>(sql`
    insert into projects (name_zh, owner_organisation_id, community_id, segment, track, stage, confidentiality, summary_zh)
    values (${values.nameZh}, ${values.owner}, ${community}, ${values.segment ?? 'medical_device'}, 'device',
      ${values.stage ?? 'device_clinical'}, ${values.confidentiality}, '泽康的项目')
    returning id`);
  for (const investor of values.investors ?? []) {
    await t.database.db.execute(sql`insert into project_named_investors (project_id, organisation_id) values (${row.id}, ${investor})`);
  }
  await refreshSearchDocuments(t.database.db, 'project', [row.id]);
  return row.id;
}

type Result = SearchResult;
const search = (client: Client, query: Record<string, string | string[] | number>) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const x of [v].flat()) params.append(k, String(x));
  return client.get<Result>(`/api/search?${params.toString()}`);
};
const idsOf = (r: Result) => r.items.map((i) => i.entityId);
/** Ids of the first 100 results (the demo directory shares some words with these records). */
const found = async (client: Client, q: string) => idsOf((await search(client, { q, limit: 100 })).body);
const bucket = (r: Result, facet: keyof Result['facets'], value: string) => r.facets[facet].find((b) => b.value === value)?.count ?? 0;

let judge: Client; // signed in, member of none of this test's communities
let member: Client; // member of the test community
let investor: Client; // represents the named investor
let admin: Client; // platform admin, not a member
let staff: Client; // staff of the test community

beforeAll(async () => {
  t = await startTestApp();
  community = (
    await one<{ id: string }>(sql`
      insert into communities (slug, kind, name_zh_hans, name_zh_hant, name_en)
      select 'search-test-park', code, '搜索测试园区', '搜索測試園區', 'Search Test Park' from community_kinds order by sort_order limit 1
      returning id`)
  ).id;
  await t.database.db.execute(sql`insert into memberships (community_id, user_id, role) values
    (${community}, ${await userId('member@biobridge.demo')}, 'member'),
    (${community}, ${await userId('staff@biobridge.demo')}, 'staff')`);

  ids.zekang = await org({
    nameZh: '泽康医疗器械（苏州）有限公司',
    nameEn: 'Zekang Medical Devices',
    creditCode,
    segments: ['medical_device'],
    qualifications: ['high_tech'],
    services: ['cro'],
    province: '江苏省',
    descriptionZh: '专注心脏介入器械的研发',
  });
  ids.huasheng = await org({ nameZh: '華昇細胞治療科技有限公司', segments: ['cell_therapy'], province: '广东省', descriptionZh: '泽康合作伙伴' });
  ids.qinlan = await org({
    nameZh: '沁岚生物',
    nameEn: 'Qinlan Biotech',
    segments: ['vaccines'],
    descriptionEn: 'Qinlan develops mRNA vaccines against respiratory viruses.',
    stockCode: '688321.SH',
  });
  ids.cdmo = await org({ nameZh: '弘岳生物制药服务', kind: 'service_provider', services: ['cdmo'], descriptionEn: 'Hongyue CDMO platform' });
  ids.cro = await org({ nameZh: '弘岳临床研究', kind: 'service_provider', services: ['cro'], descriptionEn: 'Hongyue CRO services' });
  ids.fund = await org({ nameZh: '泽康资本', kind: 'investor', province: '上海市' });
  await t.database.db.execute(sql`insert into organisation_representatives (organisation_id, user_id) values (${ids.fund}, ${await userId('investor@biobridge.demo')})`);

  ids.public = await project({ nameZh: '泽康心脏支架', owner: ids.zekang, confidentiality: 'public' });
  ids.community = await project({ nameZh: '泽康介入导管', owner: ids.zekang, confidentiality: 'community', stage: 'device_design' });
  ids.named = await project({ nameZh: '泽康瓣膜系统', owner: ids.zekang, confidentiality: 'named_investors', investors: [ids.fund], segment: 'cell_therapy' });

  const person = await one<{ id: string }>(sql`
    insert into people (name_zh, title, email, phone, wechat_id) values ('宋泽岚', '首席科学家', 'songzelan@example.cn', '13912345678', 'zelan_wx')
    returning id`);
  ids.person = person.id;
  await t.database.db.execute(sql`insert into person_affiliations (person_id, organisation_id, role) values (${person.id}, ${ids.qinlan}, 'cso')`);
  await refreshSearchDocuments(t.database.db, 'person', [person.id]);

  judge = await signedIn(t.app, 'judge@biobridge.demo');
  member = await signedIn(t.app, 'member@biobridge.demo');
  investor = await signedIn(t.app, 'investor@biobridge.demo');
  admin = await signedIn(t.app, 'admin@biobridge.demo');
  staff = await signedIn(t.app, 'staff@biobridge.demo');
});
afterAll(() => t.close());

describe('search: language', () => {
  it('folds traditional and simplified Chinese together, both ways', async () => {
    const traditional = await search(judge, { q: '澤康醫療器械' });
    expect(traditional.status).toBe(200);
    expect(idsOf(traditional.body)[0]).toBe(ids.zekang);
    const simplified = await search(judge, { q: '华昇细胞治疗' });
    expect(idsOf(simplified.body)).toContain(ids.huasheng);
    expect(simplified.body.items.find((i) => i.entityId === ids.huasheng)?.titleZh).toBe('華昇細胞治療科技有限公司');
  });

  it('stems English words and matches abbreviations exactly', async () => {
    expect(await found(judge, 'vaccine')).toContain(ids.qinlan);
    expect(await found(judge, 'respiratory virus')).toContain(ids.qinlan);
    const cdmo = await found(judge, 'CDMO');
    expect(cdmo).toContain(ids.cdmo);
    expect(cdmo).not.toContain(ids.cro);
    const cro = await found(judge, 'cro');
    expect(cro).toContain(ids.cro);
    expect(cro).not.toContain(ids.cdmo);
    expect(await found(judge, 'mRNA')).toContain(ids.qinlan);
  });

  it('matches credit codes and stock codes exactly and ranks them first', async () => {
    const spaced = `${creditCode.slice(0, 6)} ${creditCode.slice(6, 12)}-${creditCode.slice(12)}`.toLowerCase();
    for (const q of [creditCode, spaced]) {
      const res = await search(judge, { q });
      expect(res.status).toBe(200);
      expect(idsOf(res.body)[0]).toBe(ids.zekang);
    }
    expect(idsOf((await search(judge, { q: '688321' })).body)[0]).toBe(ids.qinlan);
    expect(idsOf((await search(judge, { q: '688321.sh' })).body)[0]).toBe(ids.qinlan);
  });

  it('finds a name with a typo (trigram) and a name being typed (prefix)', async () => {
    expect(await found(judge, 'Zekamg Medical Devices')).toContain(ids.zekang);
    expect(await found(judge, 'Qinlam Biotech')).toContain(ids.qinlan);
    expect(await found(judge, '沁岚生')).toContain(ids.qinlan);
  });

  it('finds people by name, title and organisation, never by their contact channels', async () => {
    expect(await found(judge, '宋泽岚')).toContain(ids.person);
    expect(await found(judge, '沁岚 首席科学家')).toContain(ids.person);
    for (const q of ['songzelan@example.cn', 'songzelan', '13912345678', 'zelan_wx']) {
      expect(await found(admin, q)).not.toContain(ids.person);
    }
  });
});

/** What a service sees for a signed-in client (the export calls the service directly). */
function contextFor(client: Client): RequestContext {
  const user = client.session!.user!;
  return {
    db: t.database.db,
    config: t.config,
    storage: t.app.deps.storage,
    user: { id: user.id, email: user.email, displayName: user.displayName, locale: 'zh-CN', isPlatformAdmin: user.isPlatformAdmin },
    sessionIdHash: null,
    requestId: 'test',
    ip: '127.0.0.1',
    userAgent: null,
    locale: 'zh-CN',
  };
}

describe('search: confidentiality', () => {
  const projects = () => [ids.public!, ids.community!, ids.named!];
  async function seen(client: Client) {
    const res = await search(client, { q: '泽康', type: 'project', limit: 100 });
    expect(res.status).toBe(200);
    const visible = idsOf(res.body).filter((id) => projects().includes(id));
    // The counts agree with the items: nothing hidden is counted anywhere.
    expect(res.body.total).toBe(res.body.items.length);
    expect(bucket(res.body, 'type', 'project')).toBe(visible.length);
    const segmentCounts = res.body.facets.segment.reduce((n, b) => n + b.count, 0);
    expect(segmentCounts).toBe(visible.length);
    return visible.sort();
  }

  it('shows public projects to everyone, community projects to members, named-investor projects to the named', async () => {
    expect(await seen(judge)).toEqual([ids.public].sort());
    expect(await seen(member)).toEqual([ids.public, ids.community].sort());
    expect(await seen(investor)).toEqual([ids.public, ids.named].sort());
    expect(await seen(staff)).toEqual(projects().sort());
    // Platform admins see every community's records, but not a named-investor project.
    expect(await seen(admin)).toEqual([ids.public, ids.community].sort());
  });

  it('exports only what the viewer may see', async () => {
    const exported = async (client: Client) => {
      const ids: string[] = [];
      for await (const batch of searchIdsForExport(contextFor(client), { q: '泽康' }, 'project')) ids.push(...batch);
      return ids.filter((id) => projects().includes(id)).sort();
    };
    expect(await exported(judge)).toEqual([ids.public].sort());
    expect(await exported(investor)).toEqual([ids.public, ids.named].sort());
    expect(await exported(admin)).toEqual([ids.public, ids.community].sort());
  });

  it('leaks nothing of a hidden project through facets or totals', async () => {
    // The named project is the only cell-therapy project here: its segment must not show.
    const res = await search(judge, { q: '泽康瓣膜系统' });
    expect(idsOf(res.body)).not.toContain(ids.named);
    const cell = await search(judge, { q: '泽康', segment: 'cell_therapy', type: 'project' });
    expect(cell.body.total).toBe(0);
    expect(bucket(cell.body, 'segment', 'cell_therapy')).toBe(0);
    const asInvestor = await search(investor, { q: '泽康', segment: 'cell_therapy', type: 'project' });
    expect(idsOf(asInvestor.body)).toEqual([ids.named]);
  });
});

describe('search: facets and filters', () => {
  it('counts each facet with the other filters applied but not its own', async () => {
    const all = await search(member, { q: '泽康', community });
    expect(all.status).toBe(200);
    expect(all.body.complete).toBe(true);
    // zekang, huasheng (description), fund, public and community projects.
    const mine = [ids.zekang, ids.huasheng, ids.fund, ids.public, ids.community];
    expect(idsOf(all.body).sort()).toEqual(mine.sort());
    expect(bucket(all.body, 'type', 'organisation')).toBe(3);
    expect(bucket(all.body, 'type', 'project')).toBe(2);
    expect(bucket(all.body, 'kind', 'investor')).toBe(1);
    // Projects are placed where their owner is.
    expect(bucket(all.body, 'province', '江苏省')).toBe(3);
    expect(bucket(all.body, 'qualification', 'high_tech')).toBe(1);
    expect(bucket(all.body, 'stage', 'device_design')).toBe(1);
    const communityBucket = all.body.facets.community.find((b) => b.value === community);
    expect(communityBucket).toEqual({ value: community, count: 5, label: '搜索测试园区' });

    const orgs = await search(member, { q: '泽康', community, type: 'organisation' });
    expect(orgs.body.total).toBe(3);
    expect(orgs.body.items.every((i) => i.entityType === 'organisation')).toBe(true);
    // type ignores its own filter: the project bucket still shows what choosing it would give.
    expect(bucket(orgs.body, 'type', 'project')).toBe(2);
    // other facets do apply it: no stage among organisations.
    expect(orgs.body.facets.stage).toEqual([]);
    const segment = await search(member, { q: '泽康', community, type: 'organisation', segment: ['medical_device', 'cell_therapy'] });
    expect(idsOf(segment.body).sort()).toEqual([ids.zekang, ids.huasheng].sort());
    expect(bucket(segment.body, 'type', 'project')).toBe(2);
    expect(bucket(segment.body, 'kind', 'investor')).toBe(0);
  });

  it('names communities in the request language', async () => {
    const res = await member.request<Result>('GET', `/api/search?q=${encodeURIComponent('泽康')}&community=${community}`, undefined, {
      'accept-language': 'en',
    });
    expect(res.body.facets.community.find((b) => b.value === community)?.label).toBe('Search Test Park');
  });

  it('lists without a query, sorted by name, with the same visibility', async () => {
    const res = await search(judge, { community, limit: 100 });
    expect(res.status).toBe(200);
    expect(res.body.items.every((i) => i.score === null)).toBe(true);
    expect(idsOf(res.body)).not.toContain(ids.community);
    expect(idsOf(res.body)).not.toContain(ids.named);
    expect(res.body.total).toBe(res.body.items.length);
  });
});

describe('search: pagination', () => {
  it('walks every match once, in order, across pages (relevance and listing)', async () => {
    // Names of varied length give varied scores; identical names give tied scores.
    const made: string[] = [];
    for (let i = 0; i < 23; i++) {
      const name = i % 3 === 0 ? '琅玕生物' : `琅玕${'生物科技'.slice(0, (i % 4) + 1)}第${i}研究所`;
      made.push(await org({ nameZh: name, descriptionEn: i % 2 ? 'langgan research' : '' }));
    }
    const queries: Record<string, string>[] = [{ q: '琅玕' }, { q: '琅玕 research' }, { q: '', community }];
    for (const query of queries) {
      const whole = await search(judge, { ...query, limit: 100 });
      const walked: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { status: number; body: Result } = await search(judge, { ...query, limit: 4, ...(cursor ? { cursor } : {}) });
        expect(page.status).toBe(200);
        walked.push(...idsOf(page.body));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(walked).toEqual(idsOf(whole.body));
      expect(new Set(walked).size).toBe(walked.length);
    }
    const all = await search(judge, { q: '琅玕', limit: 100 });
    expect(made.every((id) => idsOf(all.body).includes(id))).toBe(true);
    const scores = all.body.items.map((i) => i.score!);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    // The walk above crossed page boundaries at scores no short decimal represents exactly
    // (and at ties): the cursor must carry the float8 bit for bit.
    expect(scores.some((x) => String(x).replace(/^0\./, '').length > 10)).toBe(true);
    expect(new Set(scores).size).toBeLessThan(scores.length);
  });

  it('refuses a cursor from another kind of listing, or a forged one', async () => {
    const first = await search(judge, { q: '琅玕', limit: 2 });
    const listingWithSearchCursor = await search(judge, { limit: 2, cursor: first.body.nextCursor! });
    expect(listingWithSearchCursor.status).toBe(400);
    expect((await search(judge, { q: '琅玕', cursor: 'garbage' })).status).toBe(400);
    const forged = Buffer.from(JSON.stringify({ s: 'x', id: 'y' })).toString('base64url');
    expect((await search(judge, { q: '琅玕', cursor: forged })).status).toBe(400);
  });
});

describe('search: broad queries', () => {
  it('says when more records matched than one request examines, and still pages without gaps', async () => {
    const made = await t.database.db.execute(sql`
      insert into organisations (kind, name_zh, name_key, province)
      select 'enterprise', '璎珞' || n || '号实验室', '璎珞' || n, case when n % 2 = 0 then '浙江省' else '福建省' end
      from generate_series(1, ${SEARCH_MATCH_CAP + 10}) as n
      returning id`);
    const madeIds = (made as unknown as { rows: { id: string }[] }).rows.map((r) => r.id);
    await refreshSearchDocuments(t.database.db, 'organisation', madeIds);
    const first = await search(judge, { q: '璎珞', limit: 100 });
    expect(first.status).toBe(200);
    expect(first.body.complete).toBe(false);
    expect(first.body.total).toBe(SEARCH_MATCH_CAP);
    const provinces = first.body.facets.province.reduce((n, b) => n + b.count, 0);
    expect(provinces).toBe(SEARCH_MATCH_CAP);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: Result } = await search(judge, { q: '璎珞', limit: 100, ...(cursor ? { cursor } : {}) });
      walked.push(...idsOf(page.body));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(walked.length).toBe(SEARCH_MATCH_CAP);
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked.every((id) => madeIds.includes(id))).toBe(true);
    // An export ranks the whole match set, not just what one interactive request examines.
    const exported: string[] = [];
    for await (const batch of searchIdsForExport(contextFor(judge), { q: '璎珞' }, 'organisation')) exported.push(...batch);
    expect(exported.sort()).toEqual([...madeIds].sort());
    // A narrower query is complete again.
    const narrow = await search(judge, { q: '璎珞7号实验室' });
    expect(narrow.body.complete).toBe(true);
    // A listing without a query counts further: every organisation here (the demo's and these
    // 510, all public) is counted exactly.
    const { n, south } = await one<{ n: number; south: number }>(
      sql`select count(*)::int as n, (count(*) filter (where province in ('浙江省', '福建省')))::int as south from organisations`,
    );
    const listing = await search(judge, { type: 'organisation', province: ['浙江省', '福建省'], limit: 5 });
    expect([listing.body.complete, listing.body.total]).toEqual([true, south]);
    const all = await search(judge, { type: 'organisation', limit: 5 });
    expect([all.body.complete, all.body.total]).toEqual([true, n]);
  });
});

describe('search: index upkeep and validation', () => {
  it('refreshes people and projects when an organisation is renamed, and removes deleted records', async () => {
    await t.database.db.execute(sql`update organisations set name_zh = '珀曦医疗器械有限公司' where id = ${ids.zekang}`);
    await refreshSearchDocuments(t.database.db, 'organisation', [ids.zekang!]);
    const res = await search(judge, { q: '珀曦', type: 'project' });
    expect(idsOf(res.body)).toContain(ids.public);
    expect(res.body.items.find((i) => i.entityId === ids.public)?.subtitle).toBe('珀曦医疗器械有限公司');

    await t.database.db.execute(sql`delete from people where id = ${ids.person}`);
    await refreshSearchDocuments(t.database.db, 'person', [ids.person!]);
    expect(await found(judge, '宋泽岚')).not.toContain(ids.person);
    await removeSearchDocuments(t.database.db, 'organisation', [ids.cro!]);
    expect(await found(judge, 'CRO')).not.toContain(ids.cro);
  });

  it('answers 400 to malformed parameters and 401 to anonymous callers', async () => {
    const malformed: Record<string, string | number>[] = [
      { limit: 0 },
      { limit: 101 },
      { type: 'company' },
      { segment: 'Not A Code' },
      { community: 'not-a-uuid' },
      { bogus: 1 },
      { q: 'x'.repeat(201) },
    ];
    for (const query of malformed) {
      const res = await search(judge, query);
      expect(res.status, JSON.stringify(query)).toBe(400);
    }
    const anonymous = new Client(t.app);
    expect((await anonymous.get('/api/search?q=x')).status).toBe(401);
  });
});
