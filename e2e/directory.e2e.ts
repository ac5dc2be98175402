/**
 * The directory in a browser: search → profile → edit (with a field error from the server for a
 * bad credit code) → spreadsheet import through the wizard (a file with a bad row first, then a
 * good one) → the imported record found by search.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar } from '../src/domain/credit-code';
import { ACCOUNTS, DEMO_PASSWORD, newContext, signIn, TEST_TIMEOUT, useServerAndBrowser } from './helpers';

const env = useServerAndBrowser();
const COMMUNITY = 'china-medical-city';

/** A valid unified social credit code built from 17 characters (the 18th is the GB 32100-2015 check character). */
function creditCode(first17: string): string {
  const check = creditCodeCheckChar(first17);
  if (!check) throw new Error(`not a credit-code body: ${first17}`);
  return first17 + check;
}

/** The same code with a wrong check character: well formed, but the server must refuse it. */
function withWrongCheck(code: string): string {
  const wrong = code.endsWith('0') ? '1' : '0';
  return code.slice(0, 17) + wrong;
}

/** Creates an organisation through the API (as the park's admin), so the test does not depend on demo content. */
async function createOrganisation(baseUrl: string, body: Record<string, unknown>): Promise<{ id: string; version: number }> {
  const signIn = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ACCOUNTS.parkAdmin, password: DEMO_PASSWORD }),
  });
  expect(signIn.status).toBe(200);
  const cookie = (signIn.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const session = (await (await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie } })).json()) as {
    csrfToken: string;
    communities: { id: string; slug: string }[];
  };
  const community = session.communities.find((c) => c.slug === COMMUNITY);
  if (!community) throw new Error('demo community missing');
  const res = await fetch(`${baseUrl}/api/directory/organisations`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken },
    body: JSON.stringify({ communityId: community.id, ...body }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; version: number };
}

function writeCsv(dir: string, name: string, rows: string[][]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n', 'utf8');
  return file;
}

describe('directory', () => {
  it('searches, opens a profile, edits it with a field error, imports a spreadsheet and finds the import', async () => {
    const stamp = Date.now().toString(36).toUpperCase();
    const orgName = `澄江生物医药${stamp}有限公司`;
    await createOrganisation(env.server.url, { kind: 'enterprise', nameZh: orgName, province: '江苏省', city: '泰州市', segments: ['ivd'] });

    const context = await newContext(env.browser, { lang: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, env.server.url, ACCOUNTS.parkAdmin);
    await page.goto(`${env.server.url}/c/${COMMUNITY}`);
    await page.getByTestId('nav-directory').click();
    await page.getByTestId('directory-page').waitFor();

    // Search: the query goes into the address, so the search survives a reload.
    const box = page.getByTestId('directory-search').locator('input');
    await box.fill(orgName);
    await box.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('q') === orgName);
    await page.reload();
    await expect(box.inputValue()).resolves.toBe(orgName);
    const result = page.getByTestId('results-table').getByTestId('result-link').filter({ hasText: orgName });
    await result.waitFor();
    expect(await page.getByTestId('search-total').textContent()).toMatch(/共 \d+ 条结果/);

    // Profile: the segment code is shown by its name in Chinese.
    await result.click();
    await page.getByTestId('organisation-profile').waitFor();
    expect(await page.getByTestId('profile-name').textContent()).toBe(orgName);
    await page.getByTestId('organisation-profile').getByText('体外诊断').first().waitFor();

    // Edit: a credit code with a wrong check digit comes back as a message at the field.
    await page.getByTestId('edit-record').click();
    const form = page.getByTestId('organisation-form-body');
    await form.waitFor();
    const good = creditCode(`91321200MA${stamp.padEnd(7, '0').slice(0, 7).replace(/[IOSVZ]/g, '1')}`);
    await page.getByTestId('org-credit-code').fill(withWrongCheck(good));
    await page.getByTestId('org-name-en').fill(`Chengjiang Biomedicine ${stamp}`);
    await page.getByTestId('org-save').click();
    const fieldError = form.locator('.ant-form-item').filter({ has: page.getByTestId('org-credit-code') }).locator('.ant-form-item-explain-error');
    await fieldError.waitFor();
    expect(await fieldError.textContent()).toContain('校验位不正确');

    await page.getByTestId('org-credit-code').fill(good);
    await page.getByTestId('org-save').click();
    await form.waitFor({ state: 'detached' });
    await page.getByTestId('org-credit-code-value').getByText(good, { exact: true }).waitFor();
    await page.getByText(`Chengjiang Biomedicine ${stamp}`).first().waitFor();

    // Import: a file with a bad row is previewed with its problem, and cannot be committed.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'biobridge-import-'));
    const importedName = `苏瑞医疗器械${stamp}有限公司`;
    const bad = writeCsv(dir, 'orgs-bad.csv', [
      ['企业名称', '统一社会信用代码', '所属行业', '成立日期'],
      [importedName, creditCode(`91321200MB${stamp.padEnd(7, '1').slice(0, 7).replace(/[IOSVZ]/g, '2')}`), '医疗器械', '2019-03-05'],
      [`坏数据${stamp}公司`, '91320000ABCDEFGH00', '医疗器械', '2019-13-45'],
    ]);
    await page.getByTestId('nav-import').click();
    await page.getByTestId('import-wizard').waitFor();
    await page.getByTestId('import-wizard').locator('input[type=file]').setInputFiles(bad);
    await page.getByTestId('import-mapping').waitFor();
    await page.getByTestId('run-preview').click();
    await page.getByTestId('import-preview').waitFor();
    await page.getByTestId('import-blocked').waitFor();
    expect(await page.getByTestId('commit-import').isDisabled()).toBe(true);
    await page.getByTestId('row-status-3').getByText('有问题').waitFor();
    expect((await page.getByTestId('row-problems-3').textContent())?.length).toBeGreaterThan(0);
    // Only the rows with problems: the new row 2 goes, the bad row 3 stays.
    await page.getByTestId('only-problems').click();
    await page.getByTestId('row-status-2').waitFor({ state: 'detached' });
    await page.getByTestId('row-status-3').waitFor();

    // A corrected file goes through: preview, commit, report.
    const goodFile = writeCsv(dir, 'orgs.csv', [
      ['企业名称', '统一社会信用代码', '所属行业', '成立日期'],
      [importedName, creditCode(`91321200MB${stamp.padEnd(7, '1').slice(0, 7).replace(/[IOSVZ]/g, '2')}`), '医疗器械', '2019-03-05'],
    ]);
    await page.goto(`${env.server.url}/c/${COMMUNITY}/directory/import`);
    await page.getByTestId('import-wizard').locator('input[type=file]').setInputFiles(goodFile);
    await page.getByTestId('import-mapping').waitFor();
    await page.getByTestId('run-preview').click();
    await page.getByTestId('import-preview').waitFor();
    await page.getByTestId('row-status-2').getByText('新增').waitFor();
    expect(await page.getByTestId('commit-import').isDisabled()).toBe(false);
    await page.getByTestId('commit-import').click();
    await page.getByTestId('import-report').waitFor();
    expect(await page.getByTestId('report-created').textContent()).toContain('1');

    // The imported organisation is found by search.
    await page.getByTestId('report-open-directory').click();
    await page.getByTestId('directory-page').waitFor();
    await box.fill(importedName);
    await box.press('Enter');
    await page.getByTestId('results-table').getByTestId('result-link').filter({ hasText: importedName }).click();
    await page.getByTestId('organisation-profile').waitFor();
    await page.getByTestId('organisation-profile').getByText('医疗器械').first().waitFor();
    fs.rmSync(dir, { recursive: true, force: true });
    await context.close();
  }, TEST_TIMEOUT);
});
