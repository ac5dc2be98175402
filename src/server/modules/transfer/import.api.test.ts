import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestApp, type Client, type TestApp } from '../../../../test/app';
import { importsOf, sql, uniqueTag } from './helpers.test-support';
import { badCreditCode, creditCodeFor, csvOf, xlsxOf } from './test-files';

/**
 * Import through HTTP as the wizard does it: upload → preview (dry run) → commit, for each
 * record type, in .xlsx and in CSV (UTF-8, UTF-8 with BOM, GBK).
 */
let t: TestApp;
let admin: Client;
let cmc: string;
let imports: ReturnType<typeof importsOf>;
const seed = Math.floor(Math.random() * 1e9);
const code = (i: number) => creditCodeFor(seed + i);

beforeAll(async () => {
  t = await startTestApp();
  admin = await signedIn(t.app, 'park.admin@biobridge.demo');
  cmc = admin.communityId('china-medical-city');
  imports = importsOf(t, admin, cmc);
});
afterAll(() => t.close());

interface OrgRow {
  id: string;
  name_zh: string;
  kind: string;
  credit_code: string | null;
  founded_on: string | null;
  segments: string[];
  headcount_band: string | null;
  qualifications: string[];
  website: string | null;
  steward_community_id: string | null;
  description_zh: string;
  version: number;
}

const orgsNamed = (tag: string) => sql<OrgRow>(t, `select *, founded_on::text as founded_on from organisations where name_zh like $1 order by name_zh`, [`%${tag}%`]);

describe('organisations from .xlsx', () => {
  it('recognises the headers, previews every row as new, and commits them all', async () => {
    const tag = uniqueTag();
    const file = await xlsxOf([
      ['企业名称', '统一社会信用代码', '所属行业', '成立日期', '省份', '城市', '官网', '企业类型', '人员规模', '资质', '企业简介', '备注'],
      [`泰州${tag}生物医药有限公司`, code(1), '创新药、细胞治疗', new Date(Date.UTC(2019, 2, 5)), '江苏省', '泰州市', 'www.example.cn', '有限责任公司(自然人投资或控股)', '120', '高新技术企业', '专注肿瘤免疫', '内部备注'],
      [`上海${tag}医疗器械股份有限公司`, code(2), '器械', '2019年3月', '上海市', '上海市', null, '企业', '50-99人', '高企、专精特新', null, null],
      [`苏州${tag}诊断技术有限公司`, code(3).toLowerCase(), 'IVD', 43529, '江苏省', '苏州市', null, null, null, null, null, null],
    ]);
    const up = await imports.upload('organisation', '园区企业名录.xlsx', file);
    expect(up.status).toBe(201);
    expect(up.body).toMatchObject({ entityType: 'organisation', status: 'uploaded', filename: '园区企业名录.xlsx' });
    expect(up.body.mapping).toMatchObject({ 企业名称: 'nameZh', 统一社会信用代码: 'creditCode', 所属行业: 'segments', 成立日期: 'foundedOn', 企业类型: 'kind', 资质: 'qualifications', 备注: null });
    expect(up.body.fields).toContainEqual({ name: 'nameZh', required: true });

    const pre = await imports.preview(up.body);
    expect(pre.status).toBe(200);
    expect(pre.body.job.summary).toEqual({ rows: 3, new: 3, duplicate: 0, invalid: 0, empty: 0 });
    expect(pre.body.rows.map((r) => r.status)).toEqual(['new', 'new', 'new']);
    expect(pre.body.rows[0]!.row).toBe(2);
    // Nothing is written by a dry run.
    expect(await orgsNamed(tag)).toHaveLength(0);

    const done = await imports.commit(up.body);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'committed', report: { created: 3, updated: 0, skipped: 0 } });
    const orgs = await orgsNamed(tag);
    expect(orgs).toHaveLength(3);
    const taizhou = orgs.find((o) => o.name_zh.startsWith('泰州'))!;
    expect(taizhou).toMatchObject({
      kind: 'enterprise',
      credit_code: code(1),
      founded_on: '2019-03-05',
      segments: ['innovative_drug', 'cell_therapy'],
      headcount_band: '100-499',
      qualifications: ['high_tech'],
      website: 'http://www.example.cn',
      steward_community_id: cmc,
      description_zh: '专注肿瘤免疫',
    });
    expect(orgs.find((o) => o.name_zh.startsWith('上海'))).toMatchObject({ founded_on: '2019-03-01', segments: ['medical_device'], qualifications: ['high_tech', 'srdi_sme'] });
    expect(orgs.find((o) => o.name_zh.startsWith('苏州'))).toMatchObject({ founded_on: '2019-03-05', credit_code: code(3), segments: ['ivd'] });

    // Audited one by one, plus the import itself; searchable at once.
    const audit = await sql<{ action: string; n: number }>(t, `select action, count(*)::int as n from audit_log where community_id = $1 and (entity_id = any($2) or entity_id = $3) group by action order by action`, [cmc, orgs.map((o) => o.id), up.body.id]);
    expect(audit).toEqual([
      { action: 'import.committed', n: 1 },
      { action: 'import.previewed', n: 1 },
      { action: 'import.uploaded', n: 1 },
      { action: 'organisation.created', n: 3 },
    ]);
    const docs = await sql<{ n: number }>(t, `select count(*)::int as n from search_documents where entity_type = 'organisation' and entity_id = any($1)`, [orgs.map((o) => o.id)]);
    expect(docs[0]!.n).toBe(3);
    const search = await admin.get<{ items: { entityId: string }[] }>(`/api/search?q=${encodeURIComponent(`泰州${tag}`)}&type=organisation`);
    expect(search.body.items.map((i) => i.entityId)).toContain(taizhou.id);

    expect((await imports.get(up.body)).body.status).toBe('committed');
    expect((await imports.list()).body.map((j) => j.id)).toContain(up.body.id);
  });

  it('reads formulas by their cached result, rich text, hyperlinks, merged cells and skips a title row', async () => {
    const tag = uniqueTag();
    const file = await xlsxOf(
      [
        [`${tag}企业名录（2024）`, null, null, null],
        ['企业名称', '统一社会信用代码', '所属行业', '省份'],
        [{ richText: [{ text: `无锡${tag}` }, { text: '生物科技有限公司' }] }, { formula: `"${code(10).slice(0, 9)}"&"${code(10).slice(9)}"`, result: code(10) }, '创新药', '江苏省'],
        [{ text: `南京${tag}医药有限公司`, hyperlink: 'https://example.cn' }, code(11), '疫苗', null],
        [null, null, null, null],
        [`常州${tag}医疗有限公司`, code(12), '器械', null],
      ],
      // The title spans the columns; 省份 of rows 3–4 is one merged cell.
      { merges: ['A1:D1', 'D3:D4'] },
    );
    const up = await imports.upload('organisation', 'merged.xlsx', file);
    expect(up.status).toBe(201);
    expect(up.body.headers).toEqual(['企业名称', '统一社会信用代码', '所属行业', '省份']);
    const pre = await imports.preview(up.body);
    expect(pre.body.rows.map((r) => [r.row, r.status])).toEqual([
      [3, 'new'],
      [4, 'new'],
      [5, 'empty'],
      [6, 'new'],
    ]);
    expect(pre.body.rows[0]!.values).toMatchObject({ nameZh: `无锡${tag}生物科技有限公司`, creditCode: code(10), province: '江苏省' });
    expect(pre.body.rows[1]!.values).toMatchObject({ nameZh: `南京${tag}医药有限公司`, province: '江苏省' });
    expect((await imports.commit(up.body)).body.report).toEqual({ created: 3, updated: 0, skipped: 0 });
  });
});

describe('CSV in UTF-8, UTF-8 with BOM and GBK', () => {
  it('imports organisations from a UTF-8 CSV with a BOM and people from one without', async () => {
    const tag = uniqueTag();
    const orgName = `杭州${tag}基因治疗有限公司`;
    await imports.run(
      'organisation',
      'orgs.csv',
      csvOf(
        [
          ['单位名称', '社会信用代码', '细分领域', '成立时间'],
          [orgName, code(20), '基因治疗', '2020/1/2'],
        ],
        'utf8bom',
      ),
    );
    const { job } = await imports.run(
      'person',
      'people.csv',
      csvOf([
        ['姓名', '职务', '工作单位', '手机', '邮箱', '微信', '同意联系'],
        [`李${tag}`, '首席科学家', orgName, '138 1234 5678', `Li.${tag}@Example.cn`, 'li_wx', '是'],
        [`王${tag}`, null, code(20), '+86-139-0000-0000', null, null, '否'],
      ]),
    );
    expect(job.report).toEqual({ created: 2, updated: 0, skipped: 0 });
    const people = await sql<{ name_zh: string; email: string | null; phone: string; consent_to_contact: boolean; consent_at: Date | null; role: string; org: string; steward_community_id: string }>(
      t,
      `select p.name_zh, p.email, p.phone, p.consent_to_contact, p.consent_at, p.steward_community_id, a.role, o.name_zh as org
         from people p join person_affiliations a on a.person_id = p.id join organisations o on o.id = a.organisation_id
        where p.name_zh like $1 order by p.name_zh`,
      [`%${tag}`],
    );
    expect(people).toHaveLength(2);
    const li = people.find((p) => p.name_zh.startsWith('李'))!;
    expect(li).toMatchObject({ email: `li.${tag}@example.cn`, phone: '13812345678', consent_to_contact: true, role: '首席科学家', org: orgName, steward_community_id: cmc });
    expect(li.consent_at).not.toBeNull();
    expect(people.find((p) => p.name_zh.startsWith('王'))).toMatchObject({ phone: '+8613900000000', consent_to_contact: false, role: '联系人', org: orgName });
  });

  it('imports projects from a GBK CSV (Excel on a Chinese Windows)', async () => {
    const tag = uniqueTag();
    const owner = `成都${tag}细胞治疗有限公司`;
    await imports.run('organisation', 'o.csv', csvOf([['企业名称', '统一社会信用代码'], [owner, code(30)]], 'gbk'));
    const file = csvOf(
      [
        ['项目名称', '所属企业', '所属行业', '研发阶段', '适应症', '融资需求（万元）', '融资轮次', '保密级别', '项目简介'],
        [`${tag}CAR-T 注射液`, owner, '细胞治疗', '临床I期', '淋巴瘤、白血病', '3000', 'B轮', '公开', '自体 CAR-T'],
        [`${tag}便携式超声`, owner, '医疗器械', '型式检验', null, '0.5亿', '天使轮', null, null],
      ],
      'gbk',
    );
    const up = await imports.upload('project', 'projects-gbk.csv', file);
    expect(up.status).toBe(201);
    expect(up.body.headers[0]).toBe('项目名称');
    expect(up.body.mapping['融资需求（万元）']).toBe('fundingSoughtFen');
    const pre = await imports.preview(up.body);
    expect(pre.body.job.summary).toMatchObject({ new: 2, invalid: 0 });
    expect((await imports.commit(up.body)).status).toBe(200);
    const rows = await sql<{ name_zh: string; segment: string; track: string; stage: string; indications: string[]; funding_sought_fen: string; funding_round: string; confidentiality: string; community_id: string; owner: string }>(
      t,
      `select p.*, o.name_zh as owner from projects p join organisations o on o.id = p.owner_organisation_id where p.name_zh like $1 order by p.name_zh`,
      [`${tag}%`],
    );
    expect(rows.map((r) => [r.segment, r.track, r.stage, r.indications, Number(r.funding_sought_fen), r.funding_round, r.confidentiality, r.community_id, r.owner])).toEqual([
      ['cell_therapy', 'drug', 'phase_1', ['淋巴瘤', '白血病'], 30_000_000_00, 'b', 'public', cmc, owner],
      ['medical_device', 'device', 'device_testing', [], 50_000_000_00, 'angel', 'community', cmc, owner],
    ]);
  });
});

describe('the dry run', () => {
  it('lists every problem of every row, pages them, and the commit then imports nothing', async () => {
    const tag = uniqueTag();
    const file = csvOf([
      ['企业名称', '统一社会信用代码', '所属行业', '成立日期', '官网'],
      [`好${tag}公司`, code(40), '创新药', '2019-03-05', null],
      [`坏码${tag}公司`, badCreditCode(41), '创新药', null, null],
      [`行业${tag}公司`, code(42), '火星科技', '去年春天', null],
      [null, code(43), null, null, null],
      [`好${tag}有限公司`, null, null, null, null],
      [`重码${tag}公司`, code(40), null, null, 'not a url at all'],
    ]);
    const up = await imports.upload('organisation', 'bad.csv', file);
    const pre = await imports.preview(up.body);
    expect(pre.body.job.summary).toEqual({ rows: 6, new: 1, duplicate: 0, invalid: 5, empty: 0 });
    const problems = pre.body.rows.map((r) => [r.row, r.status, r.problems.map((p) => p.code).sort()]);
    expect(problems).toEqual([
      [2, 'new', []],
      [3, 'invalid', ['credit_code_check_digit']],
      [4, 'invalid', ['date_unreadable', 'unknown_segment']],
      [5, 'invalid', ['required']],
      [6, 'invalid', ['duplicate_in_file']],
      [7, 'invalid', ['duplicate_in_file', 'website_invalid']],
    ]);
    const segment = pre.body.rows[2]!.problems.find((p) => p.code === 'unknown_segment')!;
    expect(segment).toMatchObject({ row: 4, column: '所属行业', value: '火星科技' });
    expect(segment.message).toContain('火星科技');
    expect(pre.body.rows[4]!.problems[0]!.message).toContain('2');

    const page = await imports.rows(up.body, '?onlyProblems=true&offset=1&limit=2');
    expect(page.status).toBe(200);
    expect(page.body.totalRows).toBe(5);
    expect(page.body.rows.map((r) => r.row)).toEqual([4, 5]);

    const en = await admin.request<{ rows: { problems: { message: string }[] }[] }>('GET', `/api/communities/${cmc}/imports/${up.body.id}/rows?limit=3`, undefined, { 'accept-language': 'en' });
    expect(en.body.rows[2]!.problems.map((p) => p.message).join(' ')).toMatch(/Unknown segment|Cannot read the date/);

    const done = await imports.commit(up.body);
    expect(done.status).toBe(422);
    expect(done.body.error.code).toBe('import_invalid');
    expect(done.body.error.message).toContain('5');
    expect(await orgsNamed(tag)).toHaveLength(0);
    expect((await imports.get(up.body)).body.status).toBe('previewed');
  });

  it('refuses a mapping that names unknown columns or fields, maps a field twice, or leaves a required field out', async () => {
    const up = await imports.upload('organisation', 'm.csv', csvOf([['企业名称', '信用代码'], ['甲公司', code(50)]]));
    const bad = await imports.preview(up.body, 'skip', { 企业名称: 'creditCode', 信用代码: 'creditCode', 不存在: 'nameZh' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields!).sort()).toEqual(['mapping.nameZh', 'mapping.不存在', 'mapping.信用代码'].sort());
    const unknown = await imports.preview(up.body, 'skip', { 企业名称: 'nameZh', 信用代码: 'password' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields).toHaveProperty(['mapping.信用代码']);
    const rows = await imports.rows(up.body);
    expect([rows.status, rows.body.error.code]).toEqual([409, 'import_state']);
  });
});

describe('duplicates', () => {
  it('matches by credit code, then by name; skip leaves the record, update changes only the filled columns', async () => {
    const tag = uniqueTag();
    await imports.run(
      'organisation',
      'first.csv',
      csvOf([
        ['企业名称', '统一社会信用代码', '城市', '企业简介'],
        [`甲${tag}生物有限公司`, code(60), '泰州市', '原简介'],
        [`乙${tag}医药有限公司`, null, '南京市', '乙的简介'],
      ]),
    );
    const again = csvOf([
      ['企业名称', '统一社会信用代码', '城市', '企业简介'],
      [`甲${tag}生物科技（集团）有限公司`, code(60), '苏州市', null],
      [`乙${tag}醫藥股份有限公司`, null, '无锡市', '新简介'],
      [`丙${tag}有限公司`, null, null, null],
    ]);
    const up = await imports.upload('organisation', 'again.csv', again);
    const pre = await imports.preview(up.body, 'skip');
    expect(pre.body.rows.map((r) => [r.status, r.match?.by ?? null])).toEqual([
      ['duplicate', 'credit_code'],
      ['duplicate', 'name'],
      ['new', null],
    ]);
    expect(pre.body.rows[0]!.match!.nameZh).toBe(`甲${tag}生物有限公司`);
    const before = await orgsNamed(tag);
    const skipped = await imports.commit(up.body);
    expect(skipped.body.report).toEqual({ created: 1, updated: 0, skipped: 2 });
    const afterSkip = await orgsNamed(tag);
    for (const o of before) expect(afterSkip.find((a) => a.id === o.id)).toEqual(o);

    const up2 = await imports.upload('organisation', 'again.csv', again);
    const pre2 = await imports.preview(up2.body, 'update');
    expect(pre2.body.job.summary).toMatchObject({ duplicate: 3, new: 0 });
    const updated = await imports.commit(up2.body);
    expect(updated.body.report).toEqual({ created: 0, updated: 3, skipped: 0 });
    const rows = await sql<{ name_zh: string; city: string | null; description_zh: string; version: number }>(t, `select name_zh, city, description_zh, version from organisations where name_zh like $1 order by name_zh`, [`%${tag}%`]);
    const jia = rows.find((r) => r.name_zh.startsWith('甲'))!;
    // Renamed and moved; the empty 企业简介 cell did not clear the description.
    expect(jia).toMatchObject({ name_zh: `甲${tag}生物科技（集团）有限公司`, city: '苏州市', description_zh: '原简介', version: 2 });
    expect(rows.find((r) => r.name_zh.startsWith('乙'))).toMatchObject({ city: '无锡市', description_zh: '新简介' });
    const audit = await sql<{ n: number }>(t, `select count(*)::int as n from audit_log where action = 'organisation.updated' and request_id is not null and entity_label like $1`, [`%${tag}%`]);
    expect(audit[0]!.n).toBe(3);
  });

  it('skips, with a warning, a duplicate the importer may not edit', async () => {
    const tag = uniqueTag();
    const alliance = await signedIn(t.app, 'alliance.admin@biobridge.demo');
    const theirs = importsOf(t, alliance, alliance.communityId('jiading-biomed-alliance'));
    await theirs.run('organisation', 'theirs.csv', csvOf([['企业名称', '统一社会信用代码'], [`嘉定${tag}公司`, code(70)]]));
    const up = await imports.upload('organisation', 'mine.csv', csvOf([['企业名称', '统一社会信用代码', '城市'], [`嘉定${tag}公司`, code(70), '上海市']]));
    const pre = await imports.preview(up.body, 'update');
    expect(pre.body.rows[0]).toMatchObject({ status: 'duplicate', problems: [{ code: 'duplicate_not_editable' }] });
    expect((await imports.commit(up.body)).body.report).toEqual({ created: 0, updated: 0, skipped: 1 });
    expect((await orgsNamed(tag))[0]).toMatchObject({ steward_community_id: alliance.communityId('jiading-biomed-alliance'), version: 1 });
  });

  it('matches people by e-mail, then by name and organisation; projects by name and owner', async () => {
    const tag = uniqueTag();
    const org = `丁${tag}有限公司`;
    await imports.run('organisation', 'o.csv', csvOf([['企业名称', '统一社会信用代码'], [org, code(80)]]));
    await imports.run('person', 'p.csv', csvOf([['姓名', '所属企业', '邮箱'], [`赵${tag}`, org, `zhao${tag}@x.cn`], [`钱${tag}`, org, null]]));
    await imports.run('project', 'j.csv', csvOf([['项目名称', '所属企业', '所属行业', '研发阶段'], [`${tag}一号`, org, '创新药', '临床前']]));
    const people = await imports.upload('person', 'p2.csv', csvOf([['姓名', '所属企业', '邮箱', '职务'], [`赵${tag}（改名）`, null, `ZHAO${tag}@x.cn`, 'CEO'], [`钱${tag}`, org, null, 'CTO']]));
    const pp = await imports.preview(people.body, 'update');
    expect(pp.body.rows.map((r) => r.match?.by)).toEqual(['email', 'name']);
    const projects = await imports.upload('project', 'j2.csv', csvOf([['项目名称', '所属企业', '所属行业', '研发阶段'], [`${tag}一号`, org, '创新药', '临床II期']]));
    const jp = await imports.preview(projects.body, 'update');
    expect(jp.body.rows[0]).toMatchObject({ status: 'duplicate', match: { by: 'name' } });
    await imports.commit(projects.body);
    const stage = await sql<{ stage: string }>(t, `select stage from projects where name_zh = $1`, [`${tag}一号`]);
    expect(stage).toEqual([{ stage: 'phase_2' }]);
  });
});

describe('all or nothing', () => {
  it('leaves nothing behind when the commit fails half-way through', async () => {
    const tag = uniqueTag();
    const rows: (string | null)[][] = [['企业名称', '统一社会信用代码']];
    for (let i = 0; i < 700; i++) rows.push([`批量${tag}企业${i}有限公司`, code(1000 + i)]);
    const up = await imports.upload('organisation', 'many.csv', csvOf(rows));
    expect((await imports.preview(up.body)).body.job.summary).toMatchObject({ new: 700 });
    // The database refuses the 600th organisation (the second batch): the first 500 must go too.
    const poison = `批量${tag}企业599有限公司`;
    await t.database.withConnection((c) =>
      c.exec(`create function refuse_poison() returns trigger language plpgsql as $$ begin
                if new.name_zh = '${poison}' then raise exception 'poisoned row' using errcode = '23514'; end if; return new; end $$;
              create trigger refuse_poison before insert on organisations for each row execute function refuse_poison();`),
    );
    try {
      const done = await imports.commit(up.body);
      expect(done.status).toBe(400);
    } finally {
      await t.database.withConnection((c) => c.exec(`drop trigger refuse_poison on organisations; drop function refuse_poison();`));
    }
    expect(await orgsNamed(tag)).toHaveLength(0);
    const audit = await sql<{ n: number }>(t, `select count(*)::int as n from audit_log where entity_label like $1`, [`%${tag}%`]);
    expect(audit[0]!.n).toBe(0);
    expect((await imports.get(up.body)).body.status).toBe('previewed');
    // Once the obstacle is gone the same import goes through.
    expect((await imports.commit(up.body)).body.report).toEqual({ created: 700, updated: 0, skipped: 0 });
  });

  it('lets exactly one of two simultaneous commits win', async () => {
    const tag = uniqueTag();
    const up = await imports.upload('organisation', 'twice.csv', csvOf([['企业名称'], [`并发${tag}公司`]]));
    await imports.preview(up.body);
    const [a, b] = await Promise.all([imports.commit(up.body), imports.commit(up.body)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.error.code).toBe('import_state');
    expect(await orgsNamed(tag)).toHaveLength(1);
    const again = await imports.preview(up.body);
    expect(again.status).toBe(409);
  });
});

describe('permissions', () => {
  it('refuses members without directory.import (403) and other communities (404)', async () => {
    const member = await signedIn(t.app, 'investor@biobridge.demo');
    const theirs = importsOf(t, member, cmc);
    const up = await theirs.upload('organisation', 'x.csv', csvOf([['企业名称'], ['某公司']]));
    expect([up.status, up.body.error.code]).toEqual([403, 'forbidden']);
    expect((await theirs.list()).status).toBe(403);

    const outsider = await signedIn(t.app, 'alliance.admin@biobridge.demo');
    const foreign = importsOf(t, outsider, cmc);
    const res = await foreign.upload('organisation', 'x.csv', csvOf([['企业名称'], ['某公司']]));
    expect([res.status, res.body.error.code]).toEqual([404, 'not_found']);
    const mine = await imports.upload('organisation', 'mine.csv', csvOf([['企业名称'], ['某公司']]));
    expect((await foreign.get(mine.body)).status).toBe(404);
    // Their own community, our import id: still not found.
    const own = importsOf(t, outsider, outsider.communityId('jiading-biomed-alliance'));
    expect((await own.get(mine.body)).status).toBe(404);
    expect((await own.commit(mine.body)).status).toBe(404);
  });

  it('refuses an upload without entityType or without a file', async () => {
    const up = await imports.upload('widget', 'x.csv', csvOf([['企业名称'], ['某公司']]));
    expect([up.status, Object.keys(up.body.error.fields ?? {})]).toEqual([400, ['entityType']]);
    const json = await admin.post<{ error: { code: string } }>(`/api/communities/${cmc}/imports`, { entityType: 'organisation' });
    expect(json.status).toBe(415);
  });
});
