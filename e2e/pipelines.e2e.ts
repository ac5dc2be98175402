/**
 * The 招商 kanban in a browser: a card dragged to the next column lands there and stays after a
 * reload; dragged back, it asks for a reason and records the move back; and a stage of 500+
 * items renders only the cards in view (virtualised) while its header counts them all.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ACCOUNTS, DEMO_PASSWORD, newContext, signIn, TEST_TIMEOUT, useServerAndBrowser } from './helpers';

const env = useServerAndBrowser();
const COMMUNITY = 'china-medical-city';

interface Stage {
  id: string;
  code: string;
}
interface Pipeline {
  id: string;
  stages: Stage[];
}
interface Item {
  id: string;
  stageId: string;
  version: number;
  history: { kind: string; note: string; fromStageId: string | null; toStageId: string | null }[];
}

/** Signs in through the API as the park's admin and returns a caller for the community's routes. */
async function communityApi(baseUrl: string) {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: ACCOUNTS.parkAdmin, password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const session = (await (await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie } })).json()) as { csrfToken: string; communities: { id: string; slug: string }[] };
  const community = session.communities.find((c) => c.slug === COMMUNITY);
  if (!community) throw new Error('demo community missing');
  return async <T>(method: string, path: string, body?: unknown, status = method === 'POST' ? 201 : 200): Promise<T> => {
    const r = await fetch(`${baseUrl}/api/communities/${community.id}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (r.status !== status) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return JSON.parse(text) as T;
  };
}

/** Creates items in one stage, 20 requests at a time. */
async function createItems(call: Awaited<ReturnType<typeof communityApi>>, pipelineId: string, stageId: string, titles: string[]): Promise<Item[]> {
  const out: Item[] = [];
  for (let i = 0; i < titles.length; i += 20) {
    const batch = titles.slice(i, i + 20);
    out.push(...(await Promise.all(batch.map((title) => call<Item>('POST', `/pipelines/${pipelineId}/items`, { title, stageId, expectedInvestmentFen: 5_000_000_00 })))));
  }
  return out;
}

/** Drags a card onto another column with the mouse, in small steps (dnd-kit starts a drag after 6 px). */
async function dragCard(page: Page, title: string, toStage: string): Promise<void> {
  const card = page.getByTestId('pipeline-card').filter({ hasText: title });
  await card.scrollIntoViewIfNeeded();
  const from = await card.boundingBox();
  const to = await page.getByTestId(`column-${toStage}`).getByTestId('column-scroll').boundingBox();
  if (!from || !to) throw new Error('card or column not on screen');
  const x = from.x + from.width / 2;
  const y = from.y + 24;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + 8, y + 8, { steps: 4 });
  await page.mouse.move(to.x + to.width / 2, to.y + Math.min(to.height - 30, 300), { steps: 20 });
  await page.mouse.move(to.x + to.width / 2 + 2, to.y + Math.min(to.height - 30, 300) + 2, { steps: 2 });
  await page.mouse.up();
}

const columnTitles = (page: Page, stage: string) => page.getByTestId(`column-${stage}`).getByTestId('card-title').allTextContents();

describe('pipelines', () => {
  it(
    'drags a card to the next stage, keeps it after a reload, and moves it back with a reason',
    async () => {
      const call = await communityApi(env.server.url);
      const stamp = Date.now().toString(36);
      const pipeline = await call<Pipeline>('POST', '/pipelines', { kind: 'attraction', nameZh: `拖放测试管道 ${stamp}` });
      const [lead, contacted] = pipeline.stages;
      expect(lead?.code).toBe('lead');
      expect(contacted?.code).toBe('contacted');
      const titles = ['甲公司', '乙公司', '丙公司'].map((t) => `${t}${stamp}`);
      const [first] = await createItems(call, pipeline.id, lead!.id, titles);

      const context = await newContext(env.browser, { lang: 'zh-CN' });
      const page = await context.newPage();
      await signIn(page, env.server.url, ACCOUNTS.parkAdmin);
      await page.goto(`${env.server.url}/c/${COMMUNITY}/pipelines/${pipeline.id}`);
      await page.getByTestId('column-lead').getByTestId('pipeline-card').first().waitFor();
      expect(await columnTitles(page, 'lead')).toEqual(titles);
      await expect(page.getByTestId('column-lead').getByTestId('column-count').textContent()).resolves.toBe('3');

      // Drag the first card to the next column: it shows there at once and the server keeps it.
      const moved = page.waitForResponse((r) => r.url().endsWith(`/pipeline-items/${first!.id}/move`) && r.request().method() === 'POST');
      await dragCard(page, titles[0]!, 'contacted');
      expect((await moved).status()).toBe(200);
      await page.getByTestId('column-contacted').getByTestId('pipeline-card').filter({ hasText: titles[0]! }).waitFor();
      await page.reload();
      await page.getByTestId('column-contacted').getByTestId('pipeline-card').filter({ hasText: titles[0]! }).waitFor();
      expect(await columnTitles(page, 'contacted')).toEqual([titles[0]]);
      expect(await columnTitles(page, 'lead')).toEqual(titles.slice(1));
      await expect(page.getByTestId('column-contacted').getByTestId('column-count').textContent()).resolves.toBe('1');
      expect((await call<Item>('GET', `/pipeline-items/${first!.id}`)).stageId).toBe(contacted!.id);

      // Drag it back: a move back asks for a reason, and the history keeps it.
      await dragCard(page, titles[0]!, 'lead');
      const reason = page.getByTestId('move-reason');
      await reason.waitFor();
      const movedBack = page.waitForResponse((r) => r.url().endsWith(`/pipeline-items/${first!.id}/move`) && r.request().method() === 'POST');
      await reason.fill('企业暂缓考察,退回重新接洽');
      await page.getByTestId('move-reason-ok').click();
      expect((await movedBack).status()).toBe(200);
      await page.getByTestId('column-lead').getByTestId('pipeline-card').filter({ hasText: titles[0]! }).waitFor();
      const after = await call<Item>('GET', `/pipeline-items/${first!.id}`);
      expect(after.stageId).toBe(lead!.id);
      const rollback = after.history.find((e) => e.kind === 'rollback');
      expect(rollback).toMatchObject({ fromStageId: contacted!.id, toStageId: lead!.id, note: '企业暂缓考察,退回重新接洽' });
      await page.reload();
      await page.getByTestId('column-lead').getByTestId('pipeline-card').filter({ hasText: titles[0]! }).waitFor();
      expect(await columnTitles(page, 'contacted')).toEqual([]);
      await context.close();
    },
    TEST_TIMEOUT,
  );

  it(
    'renders a stage of 520 items virtualised: few cards in the page, the full count in the header, the last card reachable',
    async () => {
      const call = await communityApi(env.server.url);
      const stamp = Date.now().toString(36);
      const pipeline = await call<Pipeline>('POST', '/pipelines', { kind: 'attraction', nameZh: `大批量管道 ${stamp}` });
      const lead = pipeline.stages[0]!;
      const titles = Array.from({ length: 520 }, (_, i) => `批量企业 ${String(i + 1).padStart(3, '0')}`);
      await createItems(call, pipeline.id, lead.id, titles);

      const context = await newContext(env.browser, { lang: 'zh-CN' });
      const page = await context.newPage();
      await signIn(page, env.server.url, ACCOUNTS.parkAdmin);
      await page.goto(`${env.server.url}/c/${COMMUNITY}/pipelines/${pipeline.id}`);
      const column = page.getByTestId('column-lead');
      await column.getByTestId('pipeline-card').first().waitFor();
      await expect(column.getByTestId('column-count').textContent()).resolves.toBe('520');
      const inPage = await column.getByTestId('pipeline-card').count();
      expect(inPage).toBeGreaterThan(0);
      expect(inPage).toBeLessThan(100);

      // Scroll to the end: the next pages (of 200) load, and the page still holds few cards.
      const scroller = column.getByTestId('column-scroll');
      const last = column.getByTestId('pipeline-card').filter({ hasText: titles[519]! });
      for (let i = 0; i < 20 && (await last.count()) === 0; i++) {
        await scroller.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
        await page.waitForTimeout(400);
      }
      await last.waitFor();
      expect(await column.getByTestId('pipeline-card').count()).toBeLessThan(100);
      await expect(column.getByTestId('column-count').textContent()).resolves.toBe('520');
      await context.close();
    },
    TEST_TIMEOUT * 3,
  );
});
