/**
 * Matchmaking from the investor's side: 为我推荐 lists projects for the investor's organisation
 * with reasons; the investor opens one match's explanation (criteria whose contributions add up to
 * the score), marks another not relevant (it leaves the list and stays gone after a reload). Park
 * staff then open the same investor's full list of matches, take one project's explanation and put
 * it into the park's 招商 pipeline from the contact modal (in the demo, the investor's own partnering
 * contacts already exist and investors write no pipelines); the match then shows as contacted and
 * the pipeline item exists with the source 'matching'.
 */
import { describe, expect, it } from 'vitest';
import { ACCOUNTS, apiAs, chooseOption, newContext, signIn, TEST_TIMEOUT, useServerAndBrowser } from './helpers';

const env = useServerAndBrowser();
const PARK = 'china-medical-city';

/** The investor organisation's project matches as another user sees them. */
function investorList(caller: Awaited<ReturnType<typeof apiAs>>, subject: { type: string; id: string }) {
  return caller.call<{ items: { candidate: { id: string } }[] }>('GET', `/api/matches/${subject.type}/${subject.id}?target=projects&limit=20`);
}

interface Record {
  type: string;
  id: string;
  titleZh: string;
}
interface Group {
  subject: Record;
  target: string;
  items: { candidate: Record; score: number; feedback: string | null }[];
}
interface ContactOptions {
  pipelines: { communityId: string; communityName: string; pipelineId: string; pipelineName: string }[];
  partneringEvents: { eventId: string; title: string }[];
}

describe('matching: suggestions, explanation, feedback, contact', () => {
  it(
    'explains a suggestion, drops one marked not relevant and contacts another in one click',
    async () => {
      const investor = await apiAs(env.server.url, ACCOUNTS.investor);
      const { groups } = await investor.call<{ groups: Group[] }>('GET', '/api/me/suggestions');
      const group = groups.find((g) => g.subject.type === 'organisation' && g.target === 'projects' && g.items.length >= 3);
      expect(group, 'the investor has project suggestions').toBeTruthy();
      const subject = group!.subject;
      const pairPath = (candidateId: string) => `/api/matches/${subject.type}/${subject.id}/project/${candidateId}`;

      const explained = group!.items[0]!;
      const dismissed = group!.items[1]!;
      const context = await newContext(env.browser);
      const page = await context.newPage();
      await signIn(page, env.server.url, ACCOUNTS.investor);

      // 为我推荐: the group and its cards, each with a score and reasons.
      await page.getByTestId('nav-suggestions').click();
      const groupCard = page.locator(`[data-testid="suggestion-group"][data-subject="${subject.id}"][data-target="projects"]`);
      await groupCard.waitFor();
      const card = (id: string) => groupCard.locator(`[data-testid="match-card"][data-candidate="${id}"]`);
      await card(explained.candidate.id).waitFor();
      expect(await card(explained.candidate.id).getByTestId('match-reasons').locator('.ant-tag').count()).toBeGreaterThan(0);
      const shownScore = Number(await card(explained.candidate.id).getByTestId('match-score').getAttribute('data-score'));
      expect(shownScore).toBe(Math.round(explained.score * 100));

      // The explanation: every criterion as a row, the contributions adding up to the score.
      await card(explained.candidate.id).getByTestId('match-why').click();
      await page.getByTestId('match-explanation').waitFor();
      expect(Number(await page.getByTestId('explanation-score').getAttribute('data-score'))).toBe(shownScore);
      const rows = page.locator('[data-testid="criteria-table"] tbody tr[data-testid^="criterion-"]');
      expect(await rows.count()).toBeGreaterThan(2);
      const contributions = await page.getByTestId('criterion-contribution').evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
      const sum = contributions.reduce((a, b) => a + b, 0);
      expect(Math.abs(sum - explained.score * 100)).toBeLessThan(0.5 + contributions.length * 0.05);
      await page.getByTestId('criterion-segment').waitFor();

      // Not relevant: the card leaves the list, and stays gone after a reload.
      await page.goBack();
      await card(dismissed.candidate.id).waitFor();
      await card(dismissed.candidate.id).getByTestId('feedback-not_relevant').click();
      await card(dismissed.candidate.id).waitFor({ state: 'detached' });
      await page.reload();
      await card(explained.candidate.id).waitFor();
      expect(await card(dismissed.candidate.id).count()).toBe(0);
      const dismissedPair = await investor.call<{ feedback: string | null }>('GET', `${pairPath(dismissed.candidate.id)}?target=projects`);
      expect(dismissedPair.feedback).toBe('not_relevant');

      await context.close();

      // Park staff contact one of the investor's matches into the park's pipeline.
      const staff = await apiAs(env.server.url, ACCOUNTS.staff);
      const staffList = await investorList(staff, subject);
      let target: { id: string; pipeline: ContactOptions['pipelines'][number] } | null = null;
      for (const item of staffList.items) {
        const options = await staff.call<ContactOptions>('GET', `${pairPath(item.candidate.id)}/contact-options`);
        const pipeline = options.pipelines.find((p) => p.communityId === staff.communityId(PARK)) ?? options.pipelines[0];
        if (pipeline) {
          target = { id: item.candidate.id, pipeline };
          break;
        }
      }
      expect(target, 'staff can put one of the matches into a pipeline').toBeTruthy();

      const staffContext = await newContext(env.browser);
      const staffPage = await staffContext.newPage();
      await signIn(staffPage, env.server.url, ACCOUNTS.staff);
      await staffPage.goto(`${env.server.url}/matches/${subject.type}/${subject.id}?target=projects`);
      await staffPage.getByTestId('matches-page').waitFor();
      const staffCard = staffPage.locator(`[data-testid="match-card"][data-candidate="${target!.id}"]`);
      await staffCard.getByTestId('match-why').click();
      await staffPage.getByTestId('match-explanation').waitFor();
      await staffPage.getByTestId('match-contact').click();
      await staffPage.getByTestId('contact-modal').waitFor();
      await staffPage.getByTestId('contact-how-pipeline').click();
      await chooseOption(staffPage, staffPage.getByTestId('contact-pipeline'), `${target!.pipeline.communityName} · ${target!.pipeline.pipelineName}`);
      await staffPage.getByTestId('contact-submit').click();
      await staffPage.getByTestId('contact-done').waitFor();
      const link = await staffPage.getByTestId('contact-open-pipeline').getAttribute('href');
      expect(link).toContain(`/pipelines/${target!.pipeline.pipelineId}?item=`);
      await staffPage.getByTestId('contact-close').click();
      await staffPage.locator('[data-testid="feedback-contacted"][data-active="true"]').waitFor();

      const contacted = await staff.call<{ feedback: string | null; pipelineItemId: string | null }>('GET', `${pairPath(target!.id)}?target=projects`);
      expect(contacted.feedback).toBe('contacted');
      expect(contacted.pipelineItemId).toBeTruthy();
      expect(link).toContain(contacted.pipelineItemId!);
      // The pipeline item opens on the board.
      await staffPage.goto(`${env.server.url}${link}`);
      await staffPage.waitForURL(/\/pipelines\//);
      await staffContext.close();
    },
    TEST_TIMEOUT,
  );
});
