import { describe, expect, it } from 'vitest';
import { ACCOUNTS, chooseOption, newContext, signIn, switchLanguage, TEST_TIMEOUT, useServerAndBrowser } from './helpers';

const env = useServerAndBrowser();

describe('inviting a member', () => {
  it('lets a community admin invite someone, shows the link, records it in the audit log, and the invitee can join', async () => {
    const email = `new.partner.${Date.now()}@example.com`;
    const context = await newContext(env.browser, { lang: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, env.server.url, ACCOUNTS.parkAdmin);

    await page.goto(`${env.server.url}/c/china-medical-city/members`);
    await page.getByTestId('members-table').waitFor();
    await page.getByTestId('invite-open').click();
    await page.getByTestId('invite-email').fill(email);
    await chooseOption(page, page.getByTestId('invite-role'), '投资机构');
    await page.getByTestId('invite-submit').click();
    await page.getByTestId('invite-result').waitFor();
    const link = await page.getByTestId('invite-link').inputValue();
    expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]+$/);
    await page.getByTestId('invite-done').click();

    // The invitations tab lists it as open.
    await page.getByTestId('tab-invitations').click();
    await page.getByTestId('invitations-table').getByText(email).waitFor();

    // The audit log shows the invitation, with the e-mail among the changed fields.
    await page.getByTestId('nav-audit').click();
    await page.waitForURL((url) => url.pathname === '/c/china-medical-city/audit');
    const row = page.locator('[data-testid="audit-table"] .ant-table-row', { hasText: '发出邀请' }).first();
    await row.waitFor();
    await row.click();
    await page.getByTestId('audit-changes').getByText(email).waitFor();
    await context.close();

    // The invitee opens the link, creates an account and lands in the community.
    const invitee = await newContext(env.browser, { lang: 'zh-CN' });
    const page2 = await invitee.newPage();
    await page2.goto(link.replace(/^https?:\/\/[^/]+/, env.server.url));
    await page2.getByTestId('invite-community').getByText('中国医药城').waitFor();
    await page2.getByTestId('invite-display-name').fill('新伙伴');
    await page2.getByTestId('invite-password').fill('Partner2026x');
    await page2.getByTestId('invite-password-confirm').fill('Partner2026x');
    await page2.getByTestId('invite-sign-up').click();
    await page2.waitForURL((url) => url.pathname === '/c/china-medical-city');
    expect(await page2.getByTestId('my-role').textContent()).toContain('投资机构');
    await invitee.close();
  }, TEST_TIMEOUT);
});

describe('managing members and the community profile', () => {
  it('changes a member role after confirmation and shows before → after in the audit log', async () => {
    const context = await newContext(env.browser, { lang: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, env.server.url, ACCOUNTS.parkAdmin);
    await page.goto(`${env.server.url}/c/china-medical-city/members`);
    await page.getByTestId('members-search').locator('input').fill('judge@');
    await page.getByTestId('members-search').locator('input').press('Enter');
    await page.getByTestId('members-total').getByText('共 1 名成员').waitFor();

    await chooseOption(page, page.getByTestId('role-select-judge@biobridge.demo'), '服务机构', (timeout) =>
      page.locator('.ant-modal-confirm').waitFor({ timeout }),
    );
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    // The saved role shows in the row's select once the server has answered (the success toast
    // is transient and can be gone before a slow machine looks for it).
    await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
    await page.getByTestId('role-select-judge@biobridge.demo').getByText('服务机构', { exact: true }).first().waitFor();

    await page.goto(`${env.server.url}/c/china-medical-city/audit`);
    const row = page.locator('[data-testid="audit-table"] .ant-table-row', { hasText: '修改成员角色' }).first();
    await row.getByText('评审专家 → 服务机构').waitFor();
    await context.close();
  }, TEST_TIMEOUT);

  it('saves the community profile and records the change', async () => {
    const context = await newContext(env.browser, { lang: 'en' });
    const page = await context.newPage();
    await signIn(page, env.server.url, ACCOUNTS.allianceAdmin);
    // The account's saved language (zh-CN) wins at sign-in; switch to English for this test.
    await switchLanguage(page, 'en');
    await page.goto(`${env.server.url}/c/jiading-biomed-alliance/settings`);
    const website = page.locator('#website');
    await website.fill('not a url');
    await page.getByTestId('settings-save').click();
    await page.getByText('Enter a URL starting with http:// or https://').waitFor();
    await website.fill('https://alliance.example.cn');
    await page.getByTestId('settings-save').click();
    await page.locator('.ant-message').getByText('Community profile saved').waitFor();

    await page.goto(`${env.server.url}/c/jiading-biomed-alliance`);
    await page.getByTestId('community-home').getByText('alliance.example.cn').first().waitFor();
    await page.goto(`${env.server.url}/c/jiading-biomed-alliance/audit`);
    const row = page.locator('[data-testid="audit-table"] .ant-table-row', { hasText: 'Community profile updated' }).first();
    await row.click();
    await page.getByTestId('audit-changes').getByText('https://alliance.example.cn').waitFor();
    await context.close();
  }, TEST_TIMEOUT);
});
