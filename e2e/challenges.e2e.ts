/**
 * 需求揭榜 from post to private thread: China Medical City's staff post a challenge for the park
 * in the browser; an investor who is a member of the park answers it with a one-page proposal;
 * the staff screen it (qualified → shortlisted) on the board and write to the team in the
 * private thread; the team sees its stage and the message on its answer page and in 我的方案.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ACCOUNTS, newContext, signIn, TEST_TIMEOUT, useServerAndBrowser } from './helpers';

const env = useServerAndBrowser();
const TITLE = '类器官高通量药筛平台共建(示例)';
const TEAM = '示例类器官联合团队';

/** An antd Input or TextArea by its test id (the id lands on the element or on its wrapper). */
function field(page: Page, id: string) {
  return page.locator(`input[data-testid="${id}"], textarea[data-testid="${id}"], [data-testid="${id}"] input, [data-testid="${id}"] textarea`).first();
}

describe('challenges: publish, answer, screen, private thread', () => {
  it(
    'takes a challenge from the poster’s form to a shortlisted answer and a message the team reads',
    async () => {
      // The poster: staff of China Medical City, posting for the park.
      const posterContext = await newContext(env.browser);
      const poster = await posterContext.newPage();
      await signIn(poster, env.server.url, ACCOUNTS.staff);
      await poster.goto(`${env.server.url}/challenges`);
      await poster.getByTestId('challenge-new').click();
      await poster.getByTestId('challenge-form').waitFor();
      await field(poster, 'challenge-title').fill(TITLE);
      await field(poster, 'challenge-description').fill('园区计划共建类器官高通量药物筛选平台,服务园区内创新药企业的药效评价。');
      await field(poster, 'challenge-requirements').fill('已有稳定的类器官培养体系和自动化成像经验');
      await field(poster, 'challenge-offer').fill('提供两年免租实验空间与设备采购支持');
      await field(poster, 'challenge-budget').fill('300');
      await poster.getByTestId('challenge-publish').click();
      await poster.waitForURL(/\/challenges\/[0-9a-f-]{36}$/);
      const challengeUrl = poster.url();
      await expect.poll(() => poster.getByTestId('challenge-title').textContent()).toBe(TITLE);
      await poster.getByTestId('screening-board').waitFor();
      expect(await poster.getByTestId('challenge-status').textContent()).toBe('征集中');

      // The team: an investor who belongs to the park answers in the browser.
      const teamContext = await newContext(env.browser);
      const team = await teamContext.newPage();
      await signIn(team, env.server.url, ACCOUNTS.investor);
      await team.goto(`${env.server.url}/challenges`);
      await team.getByTestId('challenge-card-title').filter({ hasText: TITLE }).click();
      await team.getByTestId('answer-form').waitFor();
      await field(team, 'answer-teamName').fill(TEAM);
      await field(team, 'answer-summary').fill('以患者来源类器官建立药敏筛选平台。');
      await field(team, 'answer-approach').fill('微流控培养芯片结合自动化高内涵成像,每周可筛选 2,000 个化合物。');
      await field(team, 'answer-evidence').fill('已建成 120 例消化道肿瘤类器官库。');
      await field(team, 'answer-team').fill('首席科学家 1 名,博士后 3 名,工程师 2 名。');
      await field(team, 'answer-timeline').fill('第 1–3 月搭建平台,第 4–6 月完成验证。');
      await field(team, 'answer-budget').fill('150');
      await team.getByTestId('answer-submit').click();
      await team.waitForURL(/\/answers\/[0-9a-f-]{36}$/);
      const answerPath = new URL(team.url()).pathname;
      await team.getByTestId('proposal-team').waitFor();
      expect(await team.getByTestId('answer-stage').first().textContent()).toBe('已提交');

      // The poster screens: qualified, then shortlisted, from the board.
      await poster.goto(challengeUrl);
      await poster.getByTestId('board-answer-link').filter({ hasText: TEAM }).waitFor();
      await poster.getByTestId('screen-forward').first().click();
      await expect.poll(() => poster.getByTestId('screen-forward').first().textContent(), { timeout: 20_000 }).toContain('入围');
      await poster.getByTestId('screen-forward').first().click();
      await expect.poll(() => poster.getByTestId('screening-board').getByTestId('answer-stage').first().textContent(), { timeout: 20_000 }).toBe('入围');

      // … and writes to the team in the private thread of the answer.
      await poster.getByTestId('board-answer-link').filter({ hasText: TEAM }).click();
      await poster.waitForURL((url) => url.pathname === answerPath);
      await field(poster, 'thread-input').fill('方案已入围,想约下周三线上交流技术细节。');
      await poster.getByTestId('thread-send').click();
      await expect.poll(() => poster.getByTestId('thread-message').count()).toBe(1);

      // The team sees its stage and the message, and may reply.
      await team.reload();
      await team.getByTestId('answer-thread').waitFor();
      await expect.poll(() => team.getByTestId('answer-stage').first().textContent()).toBe('入围');
      await expect.poll(() => team.getByTestId('thread-message').first().textContent()).toContain('想约下周三线上交流');
      expect(await team.getByTestId('screening-note').count()).toBe(0);
      await field(team, 'thread-input').fill('周三下午两点可以。');
      await team.getByTestId('thread-send').click();
      await expect.poll(() => team.getByTestId('thread-message').count()).toBe(2);
      await team.goto(`${env.server.url}/me/answers`);
      await expect.poll(() => team.getByTestId('my-answers').getByTestId('answer-stage').first().textContent()).toBe('入围');

      await posterContext.close();
      await teamContext.close();
    },
    TEST_TIMEOUT,
  );
});
