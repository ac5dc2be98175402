/**
 * A pitch competition from the applicant's phone to the published results: a park opens the call;
 * a team applies without an account and uploads its deck; staff screen the applications in and
 * set up a round with weighted criteria and a judge; the judge scores on a phone; the organiser
 * closes the round, sees the ranking and publishes it; the applicant's own page shows the rank.
 */
import { describe, expect, it } from 'vitest';
import { ACCOUNTS, apiAs, newContext, signIn, TEST_TIMEOUT, useServerAndBrowser } from './helpers';

const env = useServerAndBrowser();
const PARK = 'china-medical-city';
const JUDGE = 'judge@biobridge.demo';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

interface Listed {
  items: { id: string; projectName: string; version: number }[];
}

describe('apply, judge, rank, publish', () => {
  it(
    'carries an application from the public call through scoring to a published rank',
    async () => {
      const staff = await apiAs(env.server.url, ACCOUNTS.staff);
      const community = staff.communityId(PARK);
      const base = `/api/communities/${community}/events`;
      const startsAt = new Date(Date.now() + 20 * 86_400_000);
      const created = await staff.call<{ id: string; version: number }>('POST', base, {
        kind: 'competition',
        title: '细胞与基因治疗创新大赛',
        venue: '中国医药城创业大厦报告厅',
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 8 * 3_600_000).toISOString(),
        capacity: 200,
      });
      const event = `${base}/${created.id}`;
      const published = await staff.call<{ version: number }>('POST', `${event}/publish`, { version: created.version });
      await staff.call('PUT', `${event}/call`, {
        applicationsOpen: true,
        applicationDeadline: new Date(Date.now() + 10 * 86_400_000).toISOString(),
        applicationQuestions: [],
        version: published.version,
      });

      // The team applies from a phone, without an account, and uploads its deck.
      const team = await newContext(env.browser, { phone: true });
      const phone = await team.newPage();
      await phone.goto(`${env.server.url}/e/${created.id}/apply`);
      await phone.getByTestId('applications-form').waitFor();
      await phone.getByTestId('applications-project-name').fill('HX-301 通用型CAR-NK细胞注射液');
      await phone.getByTestId('applications-organisation-name').fill('泰州禾曦细胞科技有限公司');
      await phone.getByTestId('applications-summary').fill('基于iPSC的通用型CAR-NK平台，已完成IIT首例给药。');
      await phone.getByTestId('applications-contact-name').fill('沈若溪');
      await phone.getByTestId('applications-contact-email').fill('shen.ruoxi@example.cn');
      await phone.getByTestId('applications-submit').click();
      await phone.getByTestId('applications-deck-step').waitFor();
      await phone.getByTestId('applications-deck-step').locator('input[type=file]').setInputFiles({ name: '路演材料.pdf', mimeType: 'application/pdf', buffer: PDF });
      await phone.getByTestId('applications-deck-download').waitFor();
      await phone.getByTestId('applications-deck-continue').click();
      await phone.getByTestId('applications-done').waitFor();
      await phone.getByTestId('applications-my-page').click();
      await phone.getByTestId('applications-mine').waitFor();
      const applicantPage = phone.url();

      // A second team applies through the API.
      const second = await fetch(`${env.server.url}/api/public/events/${created.id}/applications`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ projectName: 'QL-12 口服小分子GLP-1', organisationName: '泰州启霖医药有限公司', contactName: '高翔', contactEmail: 'gao.xiang@example.cn' }),
      });
      expect(second.status).toBe(201);

      // Staff screen both in and set up the round: two weighted criteria and the judge.
      const listed = await staff.call<Listed>('GET', `${event}/applications`);
      expect(listed.items).toHaveLength(2);
      for (const a of listed.items) await staff.call('POST', `${event}/applications/${a.id}/screen`, { decision: 'in', note: '', version: a.version });
      const round = await staff.call<{ id: string }>('POST', `${event}/rounds`, { kind: 'preliminary', name: '初赛' });
      await staff.call('POST', `${event}/rounds/${round.id}/criteria`, { name: '技术创新性', weight: 60 });
      const { criteria } = await staff.call<{ criteria: { id: string; name: string }[] }>('POST', `${event}/rounds/${round.id}/criteria`, { name: '市场前景', weight: 40 });
      const innovation = criteria.find((c) => c.name === '技术创新性')!;
      const market = criteria.find((c) => c.name === '市场前景')!;
      const judgeApi = await apiAs(env.server.url, JUDGE);
      const judgeId = (await judgeApi.call<{ user: { id: string } }>('GET', '/api/auth/session')).user.id;
      await staff.call('POST', `${event}/rounds/${round.id}/judges`, { userId: judgeId });
      const cellTherapy = listed.items.find((a) => a.projectName.startsWith('HX-301'))!;
      const glp1 = listed.items.find((a) => a.projectName.startsWith('QL-12'))!;
      // The judge's sheet for the second project goes in through the API …
      await judgeApi.call('PUT', `/api/judging/rounds/${round.id}/applications/${glp1.id}/sheet`, { scores: { [innovation.id]: 6, [market.id]: 7 }, comment: '', submit: true });

      // … and the first on the judge's phone, in English.
      const judgeContext = await newContext(env.browser, { phone: true, lang: 'en' });
      const judge = await judgeContext.newPage();
      await signIn(judge, env.server.url, JUDGE);
      await judge.goto(`${env.server.url}/judging`);
      await judge.getByTestId('judging-home-round').filter({ hasText: '细胞与基因治疗创新大赛' }).click();
      await judge.getByTestId('judging-judge-entry').filter({ hasText: 'HX-301' }).click();
      await judge.getByTestId('judging-score-sheet').waitFor();
      const inputs = judge.getByTestId('judging-score-input');
      await inputs.nth(0).fill('9');
      await inputs.nth(1).fill('8.5');
      await judge.getByTestId('judging-comment').fill('Strong platform; clinical plan credible.');
      await judge.getByTestId('judging-submit').click();
      const sheetState = async () =>
        (await judgeApi.call<{ entries: { applicationId: string; state: string }[] }>('GET', `/api/judging/rounds/${round.id}`)).entries.find((e) => e.applicationId === cellTherapy.id)?.state;
      await expect.poll(sheetState).toBe('submitted');
      await judgeContext.close();

      // The organiser closes the round, sees the ranking and publishes it.
      const desk = await newContext(env.browser);
      const organiser = await desk.newPage();
      await signIn(organiser, env.server.url, ACCOUNTS.staff);
      await organiser.goto(`${env.server.url}/c/${PARK}/events/${created.id}?tab=judging`);
      await organiser.getByTestId('judging-round-close').click();
      await organiser.locator('.ant-popconfirm-buttons .ant-btn-primary').click();
      await organiser.getByTestId('judging-round-reopen').waitFor();
      await organiser.goto(`${env.server.url}/c/${PARK}/events/${created.id}?tab=results`);
      const results = organiser.getByTestId('judging-results');
      await results.getByText('HX-301 通用型CAR-NK细胞注射液').waitFor();
      const firstRow = results.locator('tbody tr').first();
      expect(await firstRow.textContent()).toContain('HX-301');
      await firstRow.getByTestId('judging-award').fill('一等奖');
      await organiser.getByTestId('judging-publish').click();
      await organiser.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
      await expect.poll(async () => (await staff.call<{ status: string }>('GET', `${event}/rounds/${round.id}`)).status).toBe('published');
      await desk.close();

      // The applicant's own page shows the published rank and award.
      const back = await newContext(env.browser, { phone: true });
      const mine = await back.newPage();
      await mine.goto(applicantPage);
      const result = mine.getByTestId(`applications-result-${round.id}`);
      await result.waitFor();
      expect(await result.textContent()).toContain('一等奖');
      await back.close();
      await team.close();
    },
    TEST_TIMEOUT,
  );
});
