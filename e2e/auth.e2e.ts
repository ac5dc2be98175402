import { describe, expect, it } from 'vitest';
import { ACCOUNTS, newContext, signIn, switchLanguage, TEST_TIMEOUT, useServerAndBrowser } from './helpers';

const env = useServerAndBrowser();

describe('signing in', () => {
  it('shows the translated error for a wrong password, in the chosen language', async () => {
    const context = await newContext(env.browser, { lang: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/sign-in`);
    await expect(page.title()).resolves.toContain('BioBridge');

    await page.getByTestId('sign-in-email').fill(ACCOUNTS.viewer);
    await page.getByTestId('sign-in-password').fill('not-the-password-1');
    await page.getByTestId('sign-in-submit').click();
    const error = page.getByTestId('sign-in-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('邮箱或密码不正确');

    // The language switch works before signing in, and the next error comes back in English.
    await switchLanguage(page, 'en');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('sign-in-error').getByText('The e-mail or password is not correct').waitFor();
    await context.close();
  }, TEST_TIMEOUT);

  it('signs in, lands on the first community home and signs out', async () => {
    const context = await newContext(env.browser, { lang: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, env.server.url, ACCOUNTS.parkAdmin);
    await page.waitForURL(/\/c\/[a-z0-9-]+$/);
    await page.getByTestId('community-home').waitFor();
    expect(await page.getByTestId('user-name').textContent()).toBe('周文博');
    expect((await page.getByTestId('community-name').textContent())?.length).toBeGreaterThan(0);

    await page.getByTestId('user-menu').click();
    await page.getByTestId('menu-sign-out').click();
    await page.locator('.ant-modal-confirm .ant-btn-primary').click();
    await page.waitForURL((url) => url.pathname === '/sign-in');

    // Pages behind sign-in send the visitor back to sign in, remembering where they were going.
    await page.goto(`${env.server.url}/c/china-medical-city/members`);
    await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === '/c/china-medical-city/members');
    await page.getByTestId('sign-in-email').fill(ACCOUNTS.parkAdmin);
    await page.getByTestId('sign-in-password').fill('BioBridge2026');
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL((url) => url.pathname === '/c/china-medical-city/members');
    await page.getByTestId('members-table').waitFor();
    await context.close();
  }, TEST_TIMEOUT);
});

describe('unknown routes', () => {
  it('shows the 404 page inside the app when signed in, and for a community the user cannot see', async () => {
    const context = await newContext(env.browser, { lang: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, env.server.url, ACCOUNTS.staff);
    await page.goto(`${env.server.url}/this/page/does-not-exist`);
    await page.getByTestId('not-found').getByText('页面不存在', { exact: true }).waitFor();
    await page.getByTestId('user-menu').waitFor();

    // staff@ is not a member of the Jiading alliance: it reads as "not found", never "forbidden".
    await page.goto(`${env.server.url}/c/jiading-biomed-alliance`);
    await page.getByTestId('not-found').waitFor();
    await context.close();
  }, TEST_TIMEOUT);

  it('shows the 404 page to visitors who are not signed in', async () => {
    const context = await newContext(env.browser, { lang: 'en' });
    const page = await context.newPage();
    await page.goto(`${env.server.url}/no-such-page`);
    await page.getByTestId('not-found').getByText('Page not found', { exact: true }).waitFor();
    await context.close();
  }, TEST_TIMEOUT);
});

describe('password reset', () => {
  it('requests a reset link, finds it in the message log, and sets a new password with it', async () => {
    const visitor = await newContext(env.browser, { lang: 'zh-CN' });
    const page = await visitor.newPage();
    await page.goto(`${env.server.url}/sign-in`);
    await page.getByTestId('forgot-password-link').click();
    await page.getByTestId('forgot-email').fill(ACCOUNTS.member);
    await page.getByTestId('forgot-submit').click();
    await page.getByTestId('forgot-sent').waitFor();

    // No SMTP configured: the platform admin reads the queued e-mail in the message log's preview.
    const admin = await newContext(env.browser, { lang: 'zh-CN' });
    const adminPage = await admin.newPage();
    await signIn(adminPage, env.server.url, ACCOUNTS.platformAdmin);
    await adminPage.getByTestId('nav-admin-outbox').click();
    const row = adminPage.locator('[data-testid="outbox-table"] .ant-table-row', { hasText: ACCOUNTS.member }).first();
    await row.locator('[data-testid^="messages-preview-"]').click();
    // The message as its recipient would read it (plain-text version), link included.
    await adminPage.getByTestId('messages-preview-tab-text').click();
    const text = (await adminPage.getByTestId('messages-preview-text').textContent()) ?? '';
    const link = /https?:\/\/\S+\/reset-password\/[A-Za-z0-9_-]+/.exec(text)?.[0] ?? '';
    expect(link).toMatch(/\/reset-password\/[A-Za-z0-9_-]+$/);
    await admin.close();

    await page.goto(link.replace(/^https?:\/\/[^/]+/, env.server.url));
    await page.getByTestId('new-password').fill('Member2027reset');
    await page.getByTestId('new-password-confirm').fill('Member2027reset');
    await page.getByTestId('reset-submit').click();
    await page.getByTestId('reset-done').waitFor();

    await signIn(page, env.server.url, ACCOUNTS.member, 'Member2027reset');
    await page.getByTestId('community-home').waitFor();
    await visitor.close();
  }, TEST_TIMEOUT);
});
