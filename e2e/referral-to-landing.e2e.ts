/**
 * The whole 招商 story in a browser, as the two communities live it: the Shanghai offshore centre
 * refers a project to the home park; the park accepts it into its pipeline, moves it to
 * "agreement signed" and records the agreement it is offered, moves it on to "moved in" and
 * records the landing; the park's totals count the new agreement, and the centre sees only that
 * its referral landed.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { ACCOUNTS, apiAs, chooseOption, newContext, signIn, TEST_TIMEOUT, useServerAndBrowser } from './helpers';

const env = useServerAndBrowser();
const CENTRE_ADMIN = 'centre.admin@biobridge.demo';
const PARK = 'china-medical-city';
const CENTRE = 'taizhou-shanghai-centre';
const PARK_NAME = '中国医药城(泰州医药高新区)';
const INVESTOR = '上海澄泰创业投资管理有限公司';

/** Types into a directory record picker and takes the option with this name. */
async function pickRecord(page: Page, select: Locator, name: string): Promise<void> {
  await select.click();
  await select.locator('input').fill(name);
  await page.locator('.ant-select-dropdown:visible').getByText(name, { exact: true }).click();
  await select.getByText(name, { exact: true }).waitFor();
}

/** The card with this title on the board (it is the last of its column, so scroll the column to its end). */
async function cardOnBoard(page: Page, stageCode: string, title: string): Promise<Locator> {
  const column = page.getByTestId(`column-${stageCode}`);
  await column.getByTestId('column-scroll').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  const card = column.getByTestId('pipeline-card').filter({ hasText: title });
  await card.waitFor();
  return card;
}

/** An antd InputNumber by its test id (the id lands on the input itself or on its wrapper). */
function numberInput(page: Page, testId: string): Locator {
  return page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
}

async function moveCard(page: Page, card: Locator, toStage: string): Promise<void> {
  await card.getByTestId('card-move-menu').click();
  await page.getByTestId(`move-to-${toStage}`).click();
}

describe('referral → accept → agreement signed → landing → totals', () => {
  it('walks a referred project from the offshore centre to moving in at the park, and the totals follow', async () => {
    const centreApi = await apiAs(env.server.url, CENTRE_ADMIN);
    const parkApi = await apiAs(env.server.url, ACCOUNTS.parkAdmin);
    const centreId = centreApi.communityId(CENTRE);
    const parkId = parkApi.communityId(PARK);
    const stamp = Date.now().toString(36).slice(-5);
    const companyName = `上海澜启生物科技有限公司${stamp}`;
    const projectName = `澜启 KRAS 抑制剂 LQ-${stamp}`;

    // The centre found a startup in Shanghai: its company and project are in the directory, the
    // project confidential to the centre.
    const company = await centreApi.call<{ id: string }>('POST', '/api/directory/organisations', { communityId: centreId, kind: 'enterprise', nameZh: companyName, segments: ['innovative_drug'] });
    const project = await centreApi.call<{ id: string }>('POST', '/api/directory/projects', {
      communityId: centreId,
      nameZh: projectName,
      ownerOrganisationId: company.id,
      segment: 'innovative_drug',
      track: 'drug',
      stage: 'preclinical',
      fundingSoughtFen: 8_000 * 1_000_000, // 8,000 万元
      confidentiality: 'community',
    });
    const year = new Date().toISOString().slice(0, 4);
    type Totals = { count: number; projectCount: number; amountFen: number };
    const before = await parkApi.call<Totals>('GET', `/api/communities/${parkId}/agreements/totals?from=${year}-01-01&to=${year}-12-31`);

    // 1. The centre refers the project to the park from its profile page.
    const centreContext = await newContext(env.browser, { lang: 'zh-CN' });
    const centrePage = await centreContext.newPage();
    await signIn(centrePage, env.server.url, CENTRE_ADMIN);
    await centrePage.goto(`${env.server.url}/c/${CENTRE}/directory/projects/${project.id}`);
    await centrePage.getByTestId('refer-project').click();
    await chooseOption(centrePage, centrePage.getByTestId('referral-create-target'), PARK_NAME);
    await centrePage.getByTestId('referral-create-note').fill('团队计划在泰州建设中试产线,希望了解产业化区空间。');
    await centrePage.getByTestId('referral-create-submit').click();
    await centrePage.getByTestId('referral-create-submit').waitFor({ state: 'hidden' });

    // 2. The park accepts it into its 招商 pipeline (at the first stage).
    const parkContext = await newContext(env.browser, { lang: 'zh-CN' });
    const page = await parkContext.newPage();
    await signIn(page, env.server.url, ACCOUNTS.parkAdmin);
    await page.goto(`${env.server.url}/c/${PARK}/referrals`);
    const row = page.getByTestId('referrals-table').locator('tr').filter({ hasText: projectName });
    await row.getByTestId('referral-accept').click();
    await page.getByTestId('referral-accept-submit').waitFor();
    await chooseOption(page, page.getByTestId('referral-accept-pipeline'), '重点招商项目库');
    await page.getByTestId('referral-accept-submit').click();
    await page.getByTestId('referral-accept-submit').waitFor({ state: 'hidden' });
    // The referral links to the new card on the park's board.
    await row.getByTestId('referral-open-item').click();
    await page.getByTestId('kanban').waitFor();
    const board = `${env.server.url}${new URL(page.url()).pathname}`;
    await page.goto(board);
    await page.getByTestId('kanban').waitFor();

    // 3. Straight to "agreement signed" (a skip, no reason needed); the board offers the agreement.
    let card = await cardOnBoard(page, 'lead', projectName);
    await moveCard(page, card, 'agreement_signed');
    await page.getByTestId('offer-agreement').click();
    await page.waitForURL((url) => url.pathname === `/c/${PARK}/agreements` && url.searchParams.has('itemId'));
    const form = page.getByTestId('agreement-form');
    await form.waitFor();
    await page.getByTestId('agreement-from-item').waitFor();
    // Prefilled from the item: the project and its company as 甲方, 8,000 万元. The investor signs as 乙方.
    expect(await numberInput(page, 'agreement-amount').inputValue()).toBe('8,000');
    await pickRecord(page, page.getByTestId('agreement-party-org-1'), INVESTOR);
    await page.getByTestId('agreement-save').click();
    await form.waitFor({ state: 'hidden' });

    // 4. On to "moved in": the board offers the landing, prefilled from the item.
    await page.goto(board);
    await page.getByTestId('kanban').waitFor();
    card = await cardOnBoard(page, 'agreement_signed', projectName);
    await moveCard(page, card, 'moved_in');
    await page.getByTestId('offer-landing').click();
    await page.waitForURL((url) => url.pathname === `/c/${PARK}/landing` && url.searchParams.has('itemId'));
    await page.getByTestId('landing-from-item').waitFor();
    await page.getByTestId('landing-organisation').getByText(companyName, { exact: true }).waitFor();
    await page.getByTestId('landing-project').getByText(projectName, { exact: true }).waitFor();
    await numberInput(page, 'landing-area').fill('1200');
    await page.getByTestId('landing-save').click();
    await page.getByTestId('landing-save').waitFor({ state: 'hidden' });

    // 5. The park's totals for the year count one more agreement and one more project.
    await page.goto(`${env.server.url}/c/${PARK}/agreements/totals`);
    const headline = page.getByTestId('totals-headline');
    await headline.getByText(`${before.projectCount + 1} 个项目签约，共 ${before.count + 1} 项协议`, { exact: false }).waitFor();
    const after = await parkApi.call<Totals>('GET', `/api/communities/${parkId}/agreements/totals?from=${year}-01-01&to=${year}-12-31`);
    expect(after.amountFen - before.amountFen).toBe(8_000 * 1_000_000);

    // 6. The company is resident at the park, and the centre sees its referral landed, nothing more.
    const landings = await parkApi.call<{ items: { organisation: { id: string }; floorAreaSqm: number | null }[] }>('GET', `/api/communities/${parkId}/landings?q=${encodeURIComponent(companyName)}`);
    expect(landings.items.map((l) => [l.organisation.id, l.floorAreaSqm])).toEqual([[company.id, 1200]]);
    await centrePage.goto(`${env.server.url}/c/${CENTRE}/referrals?tab=outgoing`);
    await centrePage.getByTestId('referrals-tab-outgoing').click();
    const sent = centrePage.getByTestId('referrals-table').locator('tr').filter({ hasText: projectName });
    await sent.getByTestId('referral-status').getByText('已落地').waitFor();
    expect(await sent.getByTestId('referral-open-item').count()).toBe(0);

    await centreContext.close();
    await parkContext.close();
  }, TEST_TIMEOUT);
});
