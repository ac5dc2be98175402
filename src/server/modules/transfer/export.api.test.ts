import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportColumns } from '../../../domain/transfer/export';
import { signedIn, startTestApp, type Client, type TestApp } from '../../../../test/app';
import { importsOf, sql, uniqueTag } from './helpers.test-support';
import { creditCodeFor, csvOf, xlsxOf } from './test-files';

/**
 * Export of a search as .xlsx and .csv, under the headers the import reads, and the round
 * trip: what one platform exports, another imports into the same records.
 */
let t: TestApp;
let admin: Client;
let cmc: string;
const tag = `zq${uniqueTag()}`;
const seed = Math.floor(Math.random() * 1e9);
const code = (i: number) => creditCodeFor(seed + i);

async function download(client: Client, query: string, locale = 'zh-CN') {
  const res = await t.app.inject({ method: 'GET', url: `/api/search/export?${query}`, headers: { cookie: client.cookie ?? '', 'accept-language': locale } });
  return { status: res.statusCode, headers: res.headers, body: res.rawPayload };
}

async function sheetRows(xlsx: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
  const rows: unknown[][] = [];
  workbook.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

beforeAll(async () => {
  t = await startTestApp();
  admin = await signedIn(t.app, 'park.admin@biobridge.demo');
  cmc = admin.communityId('china-medical-city');
  const imports = importsOf(t, admin, cmc);
  await imports.run(
    'organisation',
    'orgs.xlsx',
    await xlsxOf([
      ['企业名称', '英文名称', '统一社会信用代码', '机构类型', '所属行业', '成立日期', '省份', '城市', '区县', '地址', '官网', '人员规模', '上市状态', '股票代码', '资质', '服务内容', '管理规模(万元)', '企业简介', '英文简介'],
      [`江苏${tag}生物医药有限公司`, `Jiangsu ${tag} Biopharma`, code(1), '企业', '创新药、细胞治疗', '2016-05-20', '江苏省', '泰州市', '海陵区', '药城大道1号', 'https://js.example.cn', '100-499人', '已上市', '688001', '高新技术企业、专精特新"小巨人"', null, null, '肿瘤免疫，"双抗"平台', 'Immuno-oncology'],
      [`上海${tag}创业投资管理有限公司`, null, code(2), '投资机构', '创新药', '2010-01-01', '上海市', '上海市', null, null, null, '10-49人', '未上市', null, null, null, '250000.5', '专注早期', null],
      [`苏州${tag}医药研发服务有限公司`, null, code(3), '服务机构', null, null, '江苏省', '苏州市', null, null, null, null, null, null, null, 'CRO、CDMO', null, '', null],
    ]),
  );
  await imports.run(
    'person',
    'people.csv',
    csvOf([
      ['姓名', '英文名', '职务', '所属企业', '邮箱', '手机', '微信', '同意联系', '个人简介'],
      [`张${tag}`, 'Zhang Wei', '董事长', `江苏${tag}生物医药有限公司`, `zhang.${tag}@example.cn`, '13800000001', 'zw001', '否', '连续创业者'],
      [`李${tag}`, null, '合伙人', `上海${tag}创业投资管理有限公司`, `li.${tag}@example.cn`, null, null, '是', null],
    ]),
  );
  await imports.run(
    'project',
    'projects.csv',
    csvOf([
      ['项目名称', '英文名称', '所属企业', '所属行业', '产品类别', '研发阶段', '技术类型', '适应症', '注册状态', '融资需求(万元)', '融资轮次', '保密级别', '项目简介'],
      [`${tag}双抗注射液`, `${tag} bispecific`, `江苏${tag}生物医药有限公司`, '创新药', '药品', '临床II期', '双特异性抗体', '非小细胞肺癌、胃癌', 'IND 已获批', '5000.25', 'B轮', '公开', '全球首创'],
      [`${tag}血糖仪`, null, `江苏${tag}生物医药有限公司`, '医疗器械', null, '注册审批', null, null, null, null, null, '社区内可见', null],
    ]),
  );
});
afterAll(() => t.close());

describe('export', () => {
  it('writes an .xlsx with the Chinese headers the import reads, named with the date', async () => {
    const res = await download(admin, `type=organisation&q=${tag}&format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const disposition = String(res.headers['content-disposition']);
    expect(disposition).toMatch(/^attachment; filename="[^"]*\d{4}-\d{2}-\d{2}\.xlsx"; filename\*=UTF-8''/);
    expect(decodeURIComponent(disposition.split("''")[1]!)).toMatch(/^机构名录-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const rows = await sheetRows(res.body);
    expect(rows[0]).toEqual(exportColumns('organisation', 'zh-CN').map((c) => c.header));
    expect(rows).toHaveLength(4);
  });

  it('writes a UTF-8 CSV with a BOM, with English headers for an English request', async () => {
    const res = await download(admin, `type=project&q=${tag}&format=csv`, 'en');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.body.toString('utf8').slice(1);
    expect(text.split('\r\n')[0] ?? text.split('\n')[0]).toContain(exportColumns('project', 'en').map((c) => c.header).join(','));
    expect(text).toContain(`${tag}双抗注射液`);
  });

  it('leaves out contact channels the viewer may not see', async () => {
    const investor = await signedIn(t.app, 'investor@biobridge.demo');
    const res = await download(investor, `type=person&q=${tag}&format=csv`);
    const text = res.body.toString('utf8');
    expect(text).toContain(`张${tag}`);
    expect(text).not.toContain(`zhang.${tag}@example.cn`);
    // 李 consented to be contacted: an investor may see how.
    expect(text).toContain(`li.${tag}@example.cn`);
    // Taking a list of people is recorded (personal information); other lists are not.
    const audits = await t.database.withConnection((c) =>
      c.rows<{ actor: string; label: string }>(
        `select u.email as actor, a.entity_label as label from audit_log a join users u on u.id = a.actor_user_id
         where a.action = 'person.list_exported' order by a.id`,
      ),
    );
    expect(audits.at(-1)).toEqual({ actor: 'investor@biobridge.demo', label: expect.stringMatching(/\.csv$/) });
    const before = audits.length;
    await download(investor, `type=organisation&q=${tag}&format=csv`);
    const after = await t.database.withConnection((c) => c.rows<{ n: number }>(`select count(*)::int as n from audit_log where action = 'person.list_exported'`));
    expect(after[0]!.n).toBe(before);
  });

  it('needs a signed-in user', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/search/export?type=organisation` });
    expect(res.statusCode).toBe(401);
  });
});

describe('export → import round trip', () => {
  const columns = {
    organisation: `name_zh, name_en, kind, credit_code, founded_on::text, province, city, district, address, website, segments, headcount_band, listing_status, stock_code, qualifications, services, aum_fen::text, description_zh, description_en`,
    person: `p.name_zh, p.name_en, p.title, p.email, p.phone, p.wechat_id, p.consent_to_contact, p.bio_zh, o.name_zh as org, a.role`,
    project: `p.name_zh, p.name_en, o.name_zh as owner, p.segment, p.track, p.stage, p.modality, p.indications, p.regulatory_status, p.funding_sought_fen::text, p.funding_round, p.confidentiality, p.summary_zh`,
  };
  const snapshot = async (app: TestApp) => ({
    organisation: await sql(app, `select ${columns.organisation} from organisations where name_zh like $1 order by name_zh`, [`%${tag}%`]),
    person: await sql(app, `select ${columns.person} from people p join person_affiliations a on a.person_id = p.id join organisations o on o.id = a.organisation_id where p.name_zh like $1 order by p.name_zh`, [`%${tag}`]),
    project: await sql(app, `select ${columns.project} from projects p left join organisations o on o.id = p.owner_organisation_id where p.name_zh like $1 order by p.name_zh`, [`${tag}%`]),
  });

  // One other platform for every round trip; each trip removes what it imported.
  let other: TestApp;
  beforeAll(async () => {
    other = await startTestApp();
  });
  afterAll(() => other?.close());

  for (const format of ['xlsx', 'csv'] as const) {
    for (const locale of ['zh-CN', 'en'] as const) {
      it(`reproduces every record through ${format} (${locale})`, async () => {
        const files = {
          organisation: await download(admin, `type=organisation&q=${tag}&format=${format}`, locale),
          person: await download(admin, `type=person&q=${tag}&format=${format}`, locale),
          project: await download(admin, `type=project&q=${tag}&format=${format}`, locale),
        };
        const otherAdmin = await signedIn(other.app, 'park.admin@biobridge.demo');
        const imports = importsOf(other, otherAdmin, otherAdmin.communityId('china-medical-city'));
        try {
          for (const type of ['organisation', 'person', 'project'] as const) {
            expect(files[type].status).toBe(200);
            const up = await imports.upload(type, `${type}.${format}`, files[type].body, locale);
            expect(up.status, JSON.stringify(up.body)).toBe(201);
            expect(Object.values(up.body.mapping).filter((f) => f === null)).toEqual([]);
            const { job } = await imports.run(type, `${type}.${format}`, files[type].body);
            expect(job.report?.created).toBeGreaterThan(0);
          }
          const mine = await snapshot(t);
          expect(mine.organisation).toHaveLength(3);
          expect(mine.person).toHaveLength(2);
          expect(mine.project).toHaveLength(2);
          expect(await snapshot(other)).toEqual(mine);
        } finally {
          await other.database.withConnection((c) =>
            c.exec(`delete from projects where name_zh like '${tag}%'; delete from people where name_zh like '%${tag}';
                    delete from organisations where name_zh like '%${tag}%';
                    delete from search_documents where entity_id not in (select id from organisations union all select id from people union all select id from projects);`),
          );
        }
      });
    }
  }
});
