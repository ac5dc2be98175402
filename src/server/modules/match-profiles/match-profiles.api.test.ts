import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MatchProfile } from '../../../shared/schemas/match-profiles';
import { signedIn, startTestApp, type Client, type TestApp } from '../../../../test/app';
import { DEMO_MATCH_PROFILES, seedMatchProfiles } from '../../../../demo/matching/seed-profiles';

let t: TestApp;
let parkAdmin: Client;
let staff: Client;
let member: Client;
let outsider: Client;
let cmc: string;

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await t.database.db.execute(query)) as unknown as { rows: T[] }).rows;
}

const body = (version: number, extra: Record<string, unknown> = {}) => ({
  version,
  accepting: true,
  focusSegments: ['cell_therapy', 'regenerative_medicine'],
  focusStages: ['phase_1'],
  requiredMilestones: ['ind_cleared'],
  requiredQualifications: ['high_tech'],
  regions: ['江苏省', '上海市'],
  statementZh: '欢迎已获临床试验默示许可的细胞治疗项目',
  statementEn: 'Cell therapy projects with IND clearance welcome',
  ...extra,
});

beforeAll(async () => {
  t = await startTestApp();
  parkAdmin = await signedIn(t.app, 'park.admin@biobridge.demo');
  staff = await signedIn(t.app, 'staff@biobridge.demo');
  member = await signedIn(t.app, 'member@biobridge.demo');
  outsider = await signedIn(t.app, 'alliance.admin@biobridge.demo');
  cmc = parkAdmin.communityId('china-medical-city');
  // Start from no profile, whatever the demo seeds.
  await t.database.db.execute(sql`delete from community_match_profiles where community_id = ${cmc}`);
});
afterAll(() => t.close());

const url = () => `/api/communities/${cmc}/match-profile`;

describe('community match profile', () => {
  it('reads as defaults with version 0 before the first save, with the free space of the zones', async () => {
    const res = await member.get<MatchProfile>(url());
    expect(res.status).toBe(200);
    expect(res.body.version).toBe(0);
    expect(res.body.accepting).toBe(true);
    expect(res.body.focusSegments).toEqual([]);
    const zones = await rows<{ id: string; total: number | null; landed: number }>(sql`
      select z.id, z.total_area_sqm as total, coalesce((select sum(floor_area_sqm) from landings l where l.zone_id = z.id), 0)::int as landed
        from community_zones z where z.community_id = ${cmc}`);
    expect(res.body.space.zones).toHaveLength(zones.length);
    const expected = zones.reduce((s, z) => s + (z.total === null ? 0 : Math.max(0, z.total - Number(z.landed))), 0);
    expect(res.body.space.freeAreaM2).toBe(expected);
  });

  it('free space falls when a company lands in a zone', async () => {
    const before = (await member.get<MatchProfile>(url())).body;
    const zone = before.space.zones.find((z) => z.totalAreaM2 !== null && (z.freeAreaM2 ?? 0) > 100)!;
    const [org] = await rows<{ id: string }>(sql`
      insert into organisations (kind, name_zh, name_key, steward_community_id) values ('enterprise', '空间测试企业', '空间测试企业', ${cmc}) returning id`);
    await t.database.db.execute(sql`insert into landings (community_id, organisation_id, zone_id, floor_area_sqm, landed_on) values (${cmc}, ${org!.id}, ${zone.id}, 100, '2026-01-05')`);
    const after = (await member.get<MatchProfile>(url())).body;
    expect(after.space.zones.find((z) => z.id === zone.id)!.freeAreaM2).toBe(zone.freeAreaM2! - 100);
    expect(after.space.freeAreaM2).toBe(before.space.freeAreaM2 - 100);
  });

  it('is saved by staff (pipeline.write), not by a plain member; audited and in the change feed', async () => {
    expect((await member.request('PUT', url(), body(0))).status).toBe(403);
    const feed = async () => (await rows<{ n: number }>(sql`select count(*)::int as n from match_changes where entity_type = 'community' and entity_id = ${cmc}`))[0]!.n;
    const feedBefore = await feed();
    const saved = await staff.request<MatchProfile>('PUT', url(), body(0));
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    expect(saved.body.requiredMilestones).toEqual(['ind_cleared']);
    expect(await feed()).toBe(feedBefore + 1);
    const audit = await rows<{ action: string }>(sql`select action from audit_log where entity_type = 'community_match_profile' and entity_id = ${cmc}`);
    expect(audit.map((a) => a.action)).toContain('community_match_profile.created');

    // Stale version → 409; the current version → saved.
    expect((await parkAdmin.request('PUT', url(), body(0, { accepting: false }))).status).toBe(409);
    const second = await parkAdmin.request<MatchProfile>('PUT', url(), body(1, { accepting: false, focusSegments: ['ivd', 'ivd'] }));
    expect(second.status).toBe(200);
    expect(second.body.version).toBe(2);
    expect(second.body.accepting).toBe(false);
    expect(second.body.focusSegments).toEqual(['ivd']);
    expect((await member.get<MatchProfile>(url())).body.version).toBe(2);
  });

  it('refuses unknown codes with field errors', async () => {
    const current = (await parkAdmin.get<MatchProfile>(url())).body.version;
    for (const [field, value] of [
      ['focusSegments', ['no_such_segment']],
      ['focusStages', ['ivd']],
      ['requiredMilestones', ['no_such_milestone']],
      ['requiredQualifications', ['cro']],
    ] as const) {
      const res = await parkAdmin.request<{ error: { code: string; fields: Record<string, string> } }>('PUT', url(), body(current, { [field]: value }));
      expect(res.status, field).toBe(400);
      expect(Object.keys(res.body.error.fields)).toEqual([field]);
    }
    const bad = await parkAdmin.request<{ error: { fields: Record<string, string> } }>('PUT', url(), { ...body(current), statementZh: 'a\u0000b', extra: true });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['extra', 'statementZh']);
  });

  it("answers 404 to someone outside the community, for reading and saving, and changes nothing", async () => {
    const before = (await parkAdmin.get<MatchProfile>(url())).body;
    expect((await outsider.get(url())).status).toBe(404);
    expect((await outsider.request('PUT', url(), body(before.version))).status).toBe(404);
    expect((await parkAdmin.get<MatchProfile>(url())).body.version).toBe(before.version);
  });
});

describe('demo match profiles', () => {
  it('name only known codes and load for the four demo communities', async () => {
    const known = async (table: 'taxonomy' | 'milestones', taxonomy: string, codes: string[]) => {
      const found = table === 'milestones'
        ? await rows<{ code: string }>(sql`select code from milestone_kinds`)
        : await rows<{ code: string }>(sql`select code from taxonomy_terms where taxonomy = ${taxonomy}`);
      const set = new Set(found.map((r) => r.code));
      return codes.filter((c) => !set.has(c));
    };
    for (const p of DEMO_MATCH_PROFILES) {
      expect(await known('taxonomy', 'segment', p.focusSegments), p.slug).toEqual([]);
      expect(await known('taxonomy', 'stage', p.focusStages), p.slug).toEqual([]);
      expect(await known('taxonomy', 'qualification', p.requiredQualifications), p.slug).toEqual([]);
      expect(await known('milestones', '', p.requiredMilestones), p.slug).toEqual([]);
    }
    const communities = await rows<{ id: string; slug: string }>(sql`select id, slug from communities`);
    const users = await rows<{ id: string; email: string }>(sql`select id, email from users`);
    const written = await t.database.db.transaction((tx) =>
      seedMatchProfiles(tx, { userIds: new Map(users.map((u) => [u.email, u.id])), communityIds: new Map(communities.map((c) => [c.slug, c.id])) }),
    );
    expect(written).toBe(4);
    const regen = await signedIn(t.app, 'regen.admin@biobridge.demo');
    const profile = await regen.get<MatchProfile>(`/api/communities/${regen.communityId('daxing-regen-park')}/match-profile`);
    expect(profile.body.requiredMilestones).toContain('ind_cleared');
    expect(profile.body.focusSegments).toEqual(expect.arrayContaining(['cell_therapy', 'regenerative_medicine', 'biomaterials']));
  });
});
