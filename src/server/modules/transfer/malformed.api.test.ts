import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signedIn, startTestApp, type Client, type TestApp } from '../../../../test/app';
import { importsOf, sql } from './helpers.test-support';
import { setSheetLimits } from './service';
import { csvOf, deflatedEntry, fakePdf, plainZip, xlsxOf, zipBomb, zipOf } from './test-files';

/**
 * The malformed-spreadsheet suite: every file here is refused with a clear 4xx (422
 * unreadable_file and a reason in the caller's language), and nothing is imported, no job
 * is created and no bytes stay in storage.
 */
let t: TestApp;
let admin: Client;
let cmc: string;
let imports: ReturnType<typeof importsOf>;

beforeAll(async () => {
  t = await startTestApp();
  admin = await signedIn(t.app, 'park.admin@biobridge.demo');
  cmc = admin.communityId('china-medical-city');
  imports = importsOf(t, admin, cmc);
});
afterAll(() => t.close());
afterEach(() => setSheetLimits(null));

function storedObjects(): number {
  let n = 0;
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name));
      else n++;
    }
  };
  walk(t.filesDir);
  return n;
}

async function state() {
  const [row] = await sql<{ jobs: number; orgs: number; files: number }>(
    t,
    `select (select count(*)::int from import_jobs) as jobs, (select count(*)::int from organisations) as orgs, (select count(*)::int from files) as files`,
  );
  return { ...row, stored: storedObjects() };
}

async function expectRefused(filename: string, content: Buffer, reason: RegExp, locale = 'zh-CN') {
  const before = await state();
  const res = await imports.upload('organisation', filename, content, locale);
  expect(res.status, JSON.stringify(res.body)).toBe(422);
  expect(res.body.error.code).toBe('unreadable_file');
  expect(res.body.error.message).toMatch(reason);
  expect(res.body.error.fields?.file).toMatch(reason);
  expect(await state()).toEqual(before);
}

describe('malformed spreadsheets', () => {
  it('refuses 10 MB of random bytes', async () => {
    await expectRefused('garbage.xlsx', crypto.randomBytes(10 * 1024 * 1024), /不是文本或电子表格/);
  });

  it('refuses a PDF renamed .xlsx, and an old .xls, by their content', async () => {
    await expectRefused('report.xlsx', fakePdf(), /PDF/);
    await expectRefused('old.xlsx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), crypto.randomBytes(2048)]), /\.xls/);
  });

  it('refuses an empty file and a file with a header but no rows', async () => {
    await expectRefused('empty.csv', Buffer.alloc(0), /空的/);
    await expectRefused('blank.csv', Buffer.from('\r\n\r\n , \r\n'), /没有表头/);
    await expectRefused('header.csv', csvOf([['企业名称', '统一社会信用代码']]), /只有表头/);
    await expectRefused('header.xlsx', await xlsxOf([['企业名称', '统一社会信用代码']]), /只有表头/);
  });

  it('refuses a zip bomb: a workbook whose sheet inflates a thousandfold', async () => {
    await expectRefused('bomb.xlsx', zipBomb(150 * 1024 * 1024), /压缩炸弹/);
    await expectRefused('bomb.xlsx', zipBomb(300 * 1024 * 1024), /解压后超过 200 MB|压缩炸弹/, 'zh-CN');
  });

  it('refuses a zip bomb that lies about its sizes in the directory', async () => {
    setSheetLimits({ maxRatio: 1e9 });
    await expectRefused('liar.xlsx', zipBomb(250 * 1024 * 1024, true), /zip bomb/, 'en');
  });

  it('refuses a zip that is not a workbook, and a broken zip', async () => {
    await expectRefused('archive.xlsx', plainZip(), /不是 Excel 工作簿/);
    await expectRefused('broken.xlsx', Buffer.concat([Buffer.from('PK\x03\x04'), crypto.randomBytes(5000)]), /损坏/);
    const entries = Array.from({ length: 30 }, (_, i) => deflatedEntry(`xl/part${i}.xml`, '<x/>'));
    setSheetLimits({ maxEntries: 20 });
    await expectRefused('many.xlsx', zipOf([deflatedEntry('xl/workbook.xml', '<workbook/>'), ...entries]), /过多/);
  });

  it('refuses a CSV whose BOM says UTF-8 over GBK bytes, and text in no encoding it can tell', async () => {
    const gbk = iconv.encode('企业名称,统一社会信用代码\r\n江苏某某生物医药有限公司,\r\n', 'gbk');
    await expectRefused('liar.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), gbk]), /UTF-8/);
    const latin1 = Buffer.from(Array.from({ length: 200 }, (_, i) => `Caf\u00e9 ${i},na\u00efve\r\n`).join(''), 'latin1');
    await expectRefused('latin1.csv', Buffer.concat([Buffer.from('Name,Note\r\n'), latin1]), /无法识别文件编码/);
  });

  it('refuses more rows than the limit, and a cell larger than a spreadsheet allows', async () => {
    setSheetLimits({ maxDataRows: 50 });
    const rows = [['企业名称'], ...Array.from({ length: 51 }, (_, i) => [`企业${i}`])];
    await expectRefused('big.csv', csvOf(rows), /超过 50 行/);
    setSheetLimits({ maxCellChars: 1000 });
    await expectRefused('cell.csv', csvOf([['企业名称'], ['x'.repeat(1001)]]), /第 2 行/);
  });

  it('refuses an upload past the size limit as too large', async () => {
    const res = await imports.upload('organisation', 'huge.csv', Buffer.alloc(t.config.UPLOAD_LIMIT + 1024, 0x41));
    expect([res.status, res.body.error.code]).toEqual([413, 'payload_too_large']);
  });

  it('reads a workbook with formulas without cached results, errors and blank rows as problems, not crashes', async () => {
    const file = await xlsxOf([
      ['企业名称', '成立日期', '统一社会信用代码'],
      [{ formula: 'A9&"公司"' }, '2020-01-01', null],
      ['某某有限公司', { formula: '1/0', result: { error: '#DIV/0!' } }, null],
      [null, null, null],
      ['另一家有限公司', '2020-13-45', null],
    ]);
    const up = await imports.upload('organisation', 'formulas.xlsx', file);
    expect(up.status).toBe(201);
    const pre = await imports.preview(up.body);
    expect(pre.body.rows.map((r) => [r.row, r.status, r.problems.map((p) => p.code)])).toEqual([
      [2, 'invalid', ['required']],
      [3, 'new', []],
      [4, 'empty', []],
      [5, 'invalid', ['date_unreadable']],
    ]);
    const commit = await imports.commit(up.body);
    expect([commit.status, commit.body.error.code]).toEqual([422, 'import_invalid']);
  });
});
