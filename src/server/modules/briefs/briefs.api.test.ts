import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Brief, BriefOptions, BriefPage } from '../../../shared/schemas/briefs';
import { type Client, type TestApp, startTestApp } from '../../../../test/app';
import { createOrganisation, signInEach } from '../directory/directory.fixtures';

/**
 * Technology briefs: member@ represents the startup heyao-cell and posts for it; staff@ (China
 * Medical City) posts for an unclaimed institute the park stewards; viewer@ (CMC viewer) and
 * provider@ (Jiading alliance) read; a brief shared with chosen communities stays out of sight
 * of everyone else, and a draft out of sight of all but its editors.
 */

let t: TestApp;
let member: Client;
let staff: Client;
let parkAdmin: Client;
let viewer: Client;
let provider: Client;
let regenAdmin: Client;
let admin: Client;
let cmc: string;
let daxing: string;
let jiading: string;
let heyao: string;
let jinyan: string;
let institute: string;

type ErrorReply = { error: { code: string; fields?: Record<string, string> } };

async function rows<T>(query: string): Promise<T[]> {
  return t.database.withConnection((conn) => conn.rows<T>(query));
}

function body(fields: Record<string, unknown> = {}) {
  return {
    organisationId: heyao,
    titleZh: '通用型CAR-T细胞制备工艺',
    titleEn: 'Allogeneic CAR-T manufacturing process',
    problem: '自体CAR-T制备周期长、成本高,部分患者等不到回输。',
    solution: '以健康供者T细胞为原料,敲除TCR并冻存成品,实现现货供应。',
    advantages: '制备周期缩短至一周以内',
    maturity: 'preclinical',
    ipStatus: 'patent_pending',
    ipDetail: '已提交发明专利申请 2 件(示例数据)',
    partnerships: ['co_development', 'licensing'],
    partnerSought: '有细胞药物GMP产线的企业',
    segments: ['cell_therapy'],
    keywords: ['通用型', '免疫细胞治疗'],
    ...fields,
  };
}

async function create(client: Client, fields: Record<string, unknown> = {}) {
  const res = await client.post<Brief>('/api/briefs', body(fields));
  if (res.status !== 201) throw new Error(`create brief: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function publish(client: Client, brief: Brief) {
  const res = await client.post<Brief>(`/api/briefs/${brief.id}/publish`, { version: brief.version });
  if (res.status !== 200) throw new Error(`publish: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

async function listIds(client: Client, query = '') {
  const res = await client.get<BriefPage>(`/api/briefs${query}`);
  expect(res.status).toBe(200);
  return res.body.items.map((b) => b.id);
}

beforeAll(async () => {
  t = await startTestApp();
  [member, staff, parkAdmin, viewer, provider, regenAdmin, admin] = await signInEach(t.app, ['member', 'staff', 'park.admin', 'viewer', 'provider', 'regen.admin', 'admin'] as const);
  cmc = staff.communityId('china-medical-city');
  daxing = regenAdmin.communityId('daxing-regen-park');
  jiading = provider.communityId('jiading-biomed-alliance');
  const orgs = await rows<{ key: string; id: string }>(
    `select case when name_en like 'Jiangsu Heyao%' then 'heyao' else 'jinyan' end as key, id from organisations where name_en like 'Jiangsu Heyao%' or id in (select organisation_id from organisation_representatives r join users u on u.id = r.user_id where u.email = 'provider@biobridge.demo')`,
  );
  heyao = orgs.find((o) => o.key === 'heyao')!.id;
  jinyan = orgs.find((o) => o.key === 'jinyan')!.id;
  institute = (await createOrganisation(staff, cmc, { kind: 'research_institute', nameZh: '泰州示例转化医学研究所' })).id;
});
afterAll(() => t.close());

describe('publishing', () => {
  it('lets a representative create a draft that only its editors see, then publish it for everyone', async () => {
    const draft = await create(member);
    expect(draft).toMatchObject({ status: 'draft', publishedAt: null, postedByCommunity: null, canEdit: true, version: 1, organisation: { id: heyao } });
    expect(draft.contact?.id).toBe(member.session!.user!.id);

    // A draft is not there for anyone else: not listed, not found, not writable.
    expect(await listIds(viewer)).not.toContain(draft.id);
    expect((await viewer.get(`/api/briefs/${draft.id}`)).status).toBe(404);
    expect((await viewer.patch(`/api/briefs/${draft.id}`, { titleZh: '改', version: 1 })).status).toBe(404);
    expect((await viewer.post(`/api/briefs/${draft.id}/publish`, { version: 1 })).status).toBe(404);
    expect(await listIds(member, '?mine=true')).toContain(draft.id);
    expect(await listIds(member)).not.toContain(draft.id);

    const published = await publish(member, draft);
    expect(published.status).toBe('published');
    expect(published.publishedAt).not.toBeNull();
    expect(await listIds(viewer)).toContain(draft.id);
    const seen = await viewer.get<Brief>(`/api/briefs/${draft.id}`);
    expect([seen.status, seen.body.canEdit]).toEqual([200, false]);
    // Seen but not theirs: forbidden.
    expect((await viewer.patch(`/api/briefs/${draft.id}`, { titleZh: '改', version: published.version })).status).toBe(403);
    expect((await viewer.post(`/api/briefs/${draft.id}/withdraw`, { version: published.version })).status).toBe(403);
    // Published twice: a state conflict.
    expect((await member.post<ErrorReply>(`/api/briefs/${draft.id}/publish`, { version: published.version })).body.error.code).toBe('state_conflict');
    // Deleting a published brief is refused; it is withdrawn instead.
    expect((await member.delete(`/api/briefs/${draft.id}`)).status).toBe(409);

    const withdrawn = await member.post<Brief>(`/api/briefs/${draft.id}/withdraw`, { version: published.version });
    expect([withdrawn.status, withdrawn.body.status]).toEqual([200, 'withdrawn']);
    expect(await listIds(viewer)).not.toContain(draft.id);
    expect((await viewer.get(`/api/briefs/${draft.id}`)).status).toBe(404);
    expect(await listIds(member, '?mine=true&status=withdrawn')).toContain(draft.id);
  });

  it('lets the steward community staff post for an unclaimed institute, and not for a claimed startup', async () => {
    const brief = await create(staff, { organisationId: institute, titleZh: '肿瘤早筛甲基化标志物组合', segments: ['ivd'], partnerships: ['licensing'] });
    expect(brief.postedByCommunity?.id).toBe(cmc);
    // The park's admin holds directory.write there too; a plain member of the park does not.
    const edited = await parkAdmin.patch<Brief>(`/api/briefs/${brief.id}`, { advantages: '灵敏度高', version: brief.version });
    expect([edited.status, edited.body.advantages, edited.body.version]).toEqual([200, '灵敏度高', 2]);
    const published = await publish(staff, edited.body);
    expect((await member.patch(`/api/briefs/${brief.id}`, { titleZh: '改', version: published.version })).status).toBe(403);
    // heyao-cell has representatives: the park's staff may not post for it.
    expect((await staff.post('/api/briefs', body())).status).toBe(403);
    // Nor may anyone else who does not represent it.
    expect((await viewer.post('/api/briefs', body())).status).toBe(403);
    // A platform admin may.
    expect((await admin.post('/api/briefs', body())).status).toBe(201);
  });

  it('offers the form the organisations the user may post for', async () => {
    const options = (await member.get<BriefOptions>('/api/briefs/options')).body;
    expect(options.organisations.map((o) => [o.id, o.via])).toContainEqual([heyao, 'representative']);
    expect(options.communities.map((c) => c.id).sort()).toEqual([cmc, daxing].sort());
    const staffOptions = (await staff.get<BriefOptions>('/api/briefs/options')).body;
    expect(staffOptions.organisations.find((o) => o.id === institute)).toMatchObject({ via: 'community', communityId: cmc });
    expect(staffOptions.organisations.map((o) => o.id)).not.toContain(heyao);
    // A service provider is not an organisation kind that publishes briefs.
    expect((await provider.get<BriefOptions>('/api/briefs/options')).body.organisations.map((o) => o.id)).not.toContain(jinyan);
  });
});

describe('visibility', () => {
  it('shows a brief shared with chosen communities only to their members, in the list and in detail', async () => {
    const brief = await publish(member, await create(member, { titleZh: '脐带间充质干细胞膝关节注射液', visibility: 'communities', communityIds: [daxing], segments: ['regenerative_medicine'] }));
    expect(brief.communities.map((c) => c.id)).toEqual([daxing]);
    expect(await listIds(regenAdmin)).toContain(brief.id);
    expect((await regenAdmin.get(`/api/briefs/${brief.id}`)).status).toBe(200);
    // viewer@ (China Medical City only) and provider@ (Jiading only) are not members of Daxing.
    for (const stranger of [viewer, provider]) {
      expect(await listIds(stranger)).not.toContain(brief.id);
      expect((await stranger.get(`/api/briefs/${brief.id}`)).status).toBe(404);
      expect((await stranger.patch(`/api/briefs/${brief.id}`, { titleZh: '改', version: brief.version })).status).toBe(404);
      expect((await stranger.post(`/api/briefs/${brief.id}/withdraw`, { version: brief.version })).status).toBe(404);
      expect((await stranger.delete(`/api/briefs/${brief.id}`)).status).toBe(404);
    }
    // Made public: everyone signed in sees it.
    const open = await member.patch<Brief>(`/api/briefs/${brief.id}`, { visibility: 'public', version: brief.version });
    expect([open.status, open.body.communities]).toEqual([200, []]);
    expect(await listIds(provider)).toContain(brief.id);
  });

  it('refuses communities the writer does not belong to, and none at all', async () => {
    const foreign = await member.post<ErrorReply>('/api/briefs', body({ visibility: 'communities', communityIds: [jiading] }));
    expect([foreign.status, Object.keys(foreign.body.error.fields ?? {})]).toEqual([400, ['communityIds']]);
    const none = await member.post<ErrorReply>('/api/briefs', body({ visibility: 'communities', communityIds: [] }));
    expect([none.status, Object.keys(none.body.error.fields ?? {})]).toEqual([400, ['communityIds']]);
  });
});

describe('validation and concurrency', () => {
  it('answers bad input with field-level errors and writes nothing', async () => {
    const before = (await rows<{ n: number }>('select count(*)::int as n from tech_briefs'))[0]!.n;
    const bad = await member.post<ErrorReply>('/api/briefs', body({ titleZh: '  ', partnerships: [], maturity: 'ancient', segments: ['not_a_segment'] }));
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields ?? {}).sort()).toEqual(['maturity', 'partnerships', 'titleZh']);
    const segment = await member.post<ErrorReply>('/api/briefs', body({ segments: ['not_a_segment'] }));
    expect([segment.status, Object.keys(segment.body.error.fields ?? {})]).toEqual([400, ['segments']]);
    const kind = await provider.post<ErrorReply>('/api/briefs', body({ organisationId: jinyan }));
    expect([kind.status, Object.keys(kind.body.error.fields ?? {})]).toEqual([400, ['organisationId']]);
    const unknownKey = await member.post<ErrorReply>('/api/briefs', { ...body(), secret: 1 });
    expect(unknownKey.status).toBe(400);
    const contact = await member.post<ErrorReply>('/api/briefs', body({ contactUserId: staff.session!.user!.id }));
    expect([contact.status, Object.keys(contact.body.error.fields ?? {})]).toEqual([400, ['contactUserId']]);
    expect((await member.get('/api/briefs?cursor=nonsense')).status).toBe(400);
    const forged = Buffer.from(JSON.stringify({ at: 'yesterday', id: '00000000-0000-4000-8000-000000000000' })).toString('base64url');
    expect((await member.get(`/api/briefs?cursor=${forged}`)).status).toBe(400);
    expect((await member.get(`/api/briefs?q=${encodeURIComponent('100%_\\')}`)).status).toBe(200);
    expect((await rows<{ n: number }>('select count(*)::int as n from tech_briefs'))[0]!.n).toBe(before);
  });

  it('refuses an edit made from a stale version', async () => {
    const brief = await create(member);
    expect((await member.patch(`/api/briefs/${brief.id}`, { titleZh: '第一次修改', version: 1 })).status).toBe(200);
    const stale = await member.patch<ErrorReply>(`/api/briefs/${brief.id}`, { titleZh: '第二次修改', version: 1 });
    expect([stale.status, stale.body.error.code]).toEqual([409, 'version_conflict']);
    expect((await member.get<Brief>(`/api/briefs/${brief.id}`)).body.titleZh).toBe('第一次修改');
    expect((await member.post(`/api/briefs/${brief.id}/publish`, { version: 1 })).status).toBe(409);
  });

  it('deletes a draft', async () => {
    const brief = await create(member);
    expect((await member.delete(`/api/briefs/${brief.id}`)).status).toBe(200);
    expect((await member.get(`/api/briefs/${brief.id}`)).status).toBe(404);
  });
});

describe('search and filters', () => {
  it('finds briefs by words in any script, and filters by segment, maturity and partnership', async () => {
    const brief = await publish(
      staff,
      await create(staff, { organisationId: institute, titleZh: '鲍曼不动杆菌噬菌体制剂', problem: '泛耐药鲍曼不动杆菌感染缺少有效治疗手段', segments: ['phage_therapy'], maturity: 'proof_of_concept', partnerships: ['investment'] }),
    );
    expect(await listIds(viewer, `?q=${encodeURIComponent('鲍曼不动杆菌')}`)).toEqual([brief.id]);
    // Traditional characters fold to simplified.
    expect(await listIds(viewer, `?q=${encodeURIComponent('鮑曼不動桿菌')}`)).toEqual([brief.id]);
    // Every word must occur.
    expect(await listIds(viewer, `?q=${encodeURIComponent('鲍曼不动杆菌 疫苗')}`)).toEqual([]);
    const of = `organisationId=${institute}`;
    expect(await listIds(viewer, `?${of}&segment=phage_therapy`)).toEqual([brief.id]);
    expect(await listIds(viewer, `?${of}&segment=phage_therapy&maturity=clinical`)).toEqual([]);
    expect(await listIds(viewer, `?${of}&segment=phage_therapy&partnership=investment`)).toEqual([brief.id]);
    expect(await listIds(viewer, `?${of}&segment=phage_therapy&partnership=licensing`)).toEqual([]);
  });

  it('finds briefs by related terms of the thesaurus', async () => {
    await t.database.withConnection((c) =>
      c.exec(`insert into thesaurus_concepts (code, segment, related_codes) values ('h4_brief_test', null, '{}');
              insert into thesaurus_terms (concept_id, lang, term, term_key)
                select id, v.lang, v.term, v.term_key from thesaurus_concepts,
                  (values ('zh_hans', '示例靶向递送术语', '示例靶向递送术语'), ('en', 'zebra delivery', 'zebradelivery')) as v(lang, term, term_key)
                where code = 'h4_brief_test';`),
    );
    const brief = await publish(member, await create(member, { titleZh: '一种递送平台', keywords: ['示例靶向递送术语'] }));
    expect(await listIds(viewer, `?q=${encodeURIComponent('zebra delivery')}`)).toEqual([brief.id]);
    expect(await listIds(viewer, '?q=zebradelivery')).toEqual([brief.id]);
  });

  it('pages newest first', async () => {
    const first = await listIds(viewer, '?limit=2');
    const page = await viewer.get<BriefPage>('/api/briefs?limit=2');
    expect(page.body.nextCursor).not.toBeNull();
    const next = await listIds(viewer, `?limit=2&cursor=${page.body.nextCursor}`);
    expect(next.length).toBeGreaterThan(0);
    expect(next.some((id) => first.includes(id))).toBe(false);
  });
});

describe('bookkeeping', () => {
  it('writes an audit entry and a matching change with every write', async () => {
    const brief = await create(staff, { organisationId: institute });
    await publish(staff, brief);
    const changes = await rows<{ n: number }>(`select count(*)::int as n from match_changes where entity_type = 'brief' and entity_id = '${brief.id}'`);
    expect(changes[0]!.n).toBe(2);
    const audit = await rows<{ action: string; community_id: string | null }>(`select action, community_id from audit_log where entity_id = '${brief.id}' order by at, action`);
    expect(audit).toEqual([
      { action: 'brief.created', community_id: cmc },
      { action: 'brief.published', community_id: cmc },
    ]);
  });
});
