import { describe, expect, it } from 'vitest';
import { ACCOUNTS, newContext, signIn, switchCommunity, switchLanguage, TEST_TIMEOUT, useServerAndBrowser } from './helpers';

const env = useServerAndBrowser();

describe('community switcher', () => {
  it('switches between the communities of the signed-in user', async () => {
    const context = await newContext(env.browser, { lang: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, env.server.url, ACCOUNTS.parkAdmin);
    await page.goto(`${env.server.url}/c/china-medical-city`);
    await page.getByTestId('community-name').getByText('中国医药城').waitFor();
    // As community admin: members, audit and settings are in the menu.
    await page.getByTestId('nav-members').waitFor();
    await page.getByTestId('nav-audit').waitFor();

    await switchCommunity(page, 'taizhou-shanghai-centre');
    await page.getByTestId('community-name').getByText('泰州(上海)离岸创新中心').waitFor();
    expect(await page.getByTestId('my-role').textContent()).toContain('运营人员');
    // As staff there: members are visible, the audit log is not.
    await page.getByTestId('nav-members').waitFor();
    expect(await page.getByTestId('nav-audit').count()).toBe(0);
    await context.close();
  }, TEST_TIMEOUT);
});

describe('language switch', () => {
  it('changes visible text to English and to traditional Chinese, and keeps the choice on the account', async () => {
    const context = await newContext(env.browser, { lang: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, env.server.url, ACCOUNTS.investor);
    await page.getByTestId('community-home').waitFor();
    await page.getByText('社区简介').waitFor();

    await switchLanguage(page, 'en');
    await page.getByText('About', { exact: true }).waitFor();
    await page.getByText('Members by role').waitFor();
    expect(await page.getByTestId('my-role').textContent()).toContain('Investor');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    await switchLanguage(page, 'zh-TW');
    await page.getByText('社群簡介').waitFor();
    await page.getByText('成員角色分佈').waitFor();
    expect(await page.getByTestId('my-role').textContent()).toContain('投資機構');

    // The choice is saved to the account: a new browser signing in gets traditional Chinese.
    const other = await newContext(env.browser, { lang: 'zh-CN' });
    const page2 = await other.newPage();
    await signIn(page2, env.server.url, ACCOUNTS.investor);
    await page2.getByText('社群簡介').waitFor();
    await other.close();

    await switchLanguage(page, 'zh-CN');
    await page.getByText('社区简介').waitFor();
    await context.close();
  }, TEST_TIMEOUT);
});

describe('phone layout', () => {
  it('opens the menu in a drawer on a 390 px wide screen', async () => {
    const context = await newContext(env.browser, { lang: 'zh-CN', phone: true });
    const page = await context.newPage();
    await signIn(page, env.server.url, ACCOUNTS.parkAdmin);
    await page.goto(`${env.server.url}/c/china-medical-city`);
    await page.getByTestId('community-home').waitFor();
    expect(await page.getByTestId('sider').count()).toBe(0);
    await page.getByTestId('menu-toggle').click();
    await page.getByTestId('nav-members').click();
    await page.waitForURL((url) => url.pathname === '/c/china-medical-city/members');
    // Tables become lists of cards on phones.
    await page.getByTestId('members-list').getByText('park.admin@biobridge.demo').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  }, TEST_TIMEOUT);
});
