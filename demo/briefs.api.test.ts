/**
 * The demo's technology briefs (demo/briefs): ten published and one draft, spread over the
 * segments, some shared with chosen communities only, the draft and two published ones of
 * member@'s heyao-cell. (Should the demo seed ever run without seedBriefs, this file seeds the
 * briefs itself, on its own copy of the demo database.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Brief, BriefPage } from '../src/shared/schemas/briefs';
import { signInEach } from '../src/server/modules/directory/directory.fixtures';
import { startTestApp, type Client, type TestApp } from '../test/app';
import { DEMO_BRIEFS } from './briefs/brief-data';
import { seedBriefs } from './briefs/seed-briefs';

describe('the demo technology briefs', () => {
  let t: TestApp;
  let member: Client;
  let viewer: Client;
  let regen: Client;
  const rows = <T>(query: string) => t.database.withConnection((c) => c.rows<T>(query));
  const titles = async (client: Client, query = '') => (await client.get<BriefPage>(`/api/briefs?limit=200${query}`)).body.items.map((b) => b.titleZh);

  beforeAll(async () => {
    t = await startTestApp();
    const [{ n }] = (await rows<{ n: number }>('select count(*)::int as n from tech_briefs')) as [{ n: number }];
    if (n === 0) {
      const users = await rows<{ id: string; email: string }>('select id, email from users');
      const communities = await rows<{ id: string; slug: string }>('select id, slug from communities');
      await t.database.db.transaction((tx) =>
        seedBriefs(tx, { userIds: new Map(users.map((u) => [u.email, u.id])), communityIds: new Map(communities.map((c) => [c.slug, c.id])) }),
      );
    }
    [member, viewer, regen] = await signInEach(t.app, ['member', 'viewer', 'regen.admin'] as const);
  });
  afterAll(async () => {
    await t?.close();
  });

  it('has ten published briefs and one draft over at least six segments', async () => {
    const [counts] = await rows<{ published: number; draft: number; segments: number }>(
      `select count(*) filter (where status = 'published')::int as published, count(*) filter (where status = 'draft')::int as draft,
              (select count(distinct s)::int from tech_briefs, unnest(segments) s) as segments from tech_briefs`,
    );
    expect(counts).toEqual({ published: 10, draft: 1, segments: expect.any(Number) });
    expect(counts!.segments).toBeGreaterThanOrEqual(6);
  });

  it("gives member@ heyao-cell's briefs to edit, the draft among them", async () => {
    const mine = (await member.get<BriefPage>('/api/briefs?mine=true')).body.items;
    const heyao = DEMO_BRIEFS.filter((b) => b.owner === 'heyao-cell').map((b) => b.titleZh);
    expect(mine.map((b) => b.titleZh).sort()).toEqual([...heyao].sort());
    expect(mine.filter((b) => b.status === 'draft')).toHaveLength(1);
    expect(mine.every((b: Brief) => b.canEdit)).toBe(true);
  });

  it('keeps community-only briefs to their communities', async () => {
    const daxingOnly = DEMO_BRIEFS.filter((b) => b.communities?.length === 1 && b.communities[0] === 'daxing-regen-park').map((b) => b.titleZh);
    expect(daxingOnly.length).toBeGreaterThan(0);
    const seenByViewer = await titles(viewer);
    const seenByRegen = await titles(regen);
    for (const title of daxingOnly) {
      expect(seenByViewer).not.toContain(title);
      expect(seenByRegen).toContain(title);
    }
    expect(seenByViewer.length).toBeGreaterThanOrEqual(5);
  });

  it('is found by the words users type', async () => {
    expect(await titles(viewer, `&q=${encodeURIComponent('免疫细胞治疗')}`)).toContain('通用型CAR-T细胞快速制备平台');
    expect(await titles(viewer, '&segment=ivd')).toEqual(['呼吸道病原体多重核酸快检卡盒']);
  });
});
