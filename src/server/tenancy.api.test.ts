import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Invitation, Member } from '../shared/schemas/members';
import { signedIn, startTestApp, type Client, type TestApp } from '../../test/app';

/**
 * The tenancy sweep: a member of one community tries every community-scoped route against
 * another community's records. Every answer must be 404, identical to the answer for a
 * community that does not exist, and nothing may change in the other community.
 */

/**
 * What a module tells the sweep (src/server/modules/<module>/tenancy.samples.ts): a valid body
 * for each of its community-scoped writes, so the sweep tests tenancy and not validation, and
 * the ids of records of the target community its routes take as parameters.
 */
interface TenancySamples {
  bodies: Record<string, unknown>;
  ids?: (owner: Client, communityId: string) => Promise<Record<string, string>>;
}
const modules = Object.values(import.meta.glob<TenancySamples>('./modules/*/tenancy.samples.ts', { eager: true }));

// A new community-scoped write without a body here or in its module's samples fails the sweep.
const BODIES: Record<string, unknown> = {
  'PATCH /api/communities/:communityId': { city: '泰州市' },
  'POST /api/communities/:communityId/invitations': { email: 'sweep@example.demo', role: 'member' },
  'PATCH /api/communities/:communityId/members/:membershipId': { role: 'viewer' },
  ...Object.assign({}, ...modules.map((m) => m.bodies)),
};

let t: TestApp;
let outsider: Client; // community admin of the Jiading alliance only
let owner: Client; // community admin of China Medical City
let target: string;
let own: string;
let ids: Record<string, string>;

beforeAll(async () => {
  t = await startTestApp();
  outsider = await signedIn(t.app, 'alliance.admin@biobridge.demo');
  owner = await signedIn(t.app, 'park.admin@biobridge.demo');
  target = owner.communityId('china-medical-city');
  own = outsider.communityId('jiading-biomed-alliance');
  const members = await owner.get<{ items: Member[] }>(`/api/communities/${target}/members`);
  const invitations = await owner.get<Invitation[]>(`/api/communities/${target}/invitations`);
  ids = { membershipId: members.body.items[0]!.membershipId, invitationId: invitations.body[0]!.id };
  for (const m of modules) Object.assign(ids, await m.ids?.(owner, target));
});
afterAll(() => t.close());

function scopedRoutes() {
  return t.app.routeList.filter((r) => r.url.includes(':communityId'));
}

function fill(url: string, communityId: string) {
  return url.replace(':communityId', communityId).replace(/:(\w+)/g, (_, name: string) => ids[name] ?? `missing-${name}`);
}

async function snapshot() {
  return t.database.withConnection((conn) =>
    conn.rows<{ n: number; m: string; notes: string; tags: string }>(
      `select (select count(*)::int from audit_log where community_id = '${target}') as n,
              (select string_agg(role || user_id::text, ',' order by id) from memberships where community_id = '${target}') as m,
              (select string_agg(id::text || md5(body), ',' order by id) from community_notes where community_id = '${target}') as notes,
              (select string_agg(entity_id::text || tags::text || coalesce(rating, 0), ',' order by entity_id) from community_annotations where community_id = '${target}') as tags`,
    ),
  );
}

describe('tenancy sweep', () => {
  it('covers the community-scoped routes', () => {
    const routes = scopedRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(9);
    for (const r of routes) {
      if (r.method !== 'GET' && r.method !== 'DELETE') expect(BODIES, `add a sample body for ${r.method} ${r.url}`).toHaveProperty(`${r.method} ${r.url}`);
    }
  });

  it("answers 404 for every route on another community's records, exactly as for a missing community, and changes nothing", async () => {
    const before = await snapshot();
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const r of scopedRoutes()) {
      const body = BODIES[`${r.method} ${r.url}`];
      const res = await outsider.request<{ error: { code: string; message: string } }>(r.method as 'GET', fill(r.url, target), body);
      expect(res.status, `${r.method} ${r.url}`).toBe(404);
      expect(res.body.error.code).toBe('not_found');
      const text = JSON.stringify(res.body);
      expect(text).not.toContain('中国医药城');
      expect(text).not.toContain(ids.membershipId);
      const ghost = await outsider.request<{ error: { code: string; message: string } }>(r.method as 'GET', fill(r.url, missing), body);
      expect([ghost.status, ghost.body.error.message]).toEqual([404, res.body.error.message]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("answers 404 when another community's record ids are used under one's own community", async () => {
    const before = await snapshot();
    const withIds = scopedRoutes().filter((r) => /:(?!communityId\b)\w+/.test(r.url));
    expect(withIds.length).toBeGreaterThanOrEqual(3);
    for (const r of withIds) {
      const res = await outsider.request<{ error: { code: string } }>(r.method as 'GET', fill(r.url, own), BODIES[`${r.method} ${r.url}`]);
      expect(res.status, `${r.method} ${r.url}`).toBe(404);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('keeps other communities out of lists: communities, switcher, audit', async () => {
    const list = await outsider.get<{ slug: string }[]>('/api/communities');
    expect(list.body.map((c) => c.slug)).toEqual(['jiading-biomed-alliance']);
    expect(outsider.session?.communities.map((c) => c.slug)).toEqual(['jiading-biomed-alliance']);
    const audit = await outsider.get<{ items: { entityId: string }[] }>(`/api/communities/${own}/audit?limit=200`);
    const targetMembers = await owner.get<{ items: Member[] }>(`/api/communities/${target}/members?limit=200`);
    const foreign = new Set(targetMembers.body.items.map((m) => m.membershipId));
    expect(audit.body.items.some((e) => foreign.has(e.entityId))).toBe(false);
  });

  it('lets a platform admin reach every community', async () => {
    const platform = await signedIn(t.app, 'admin@biobridge.demo');
    expect((await platform.get(`/api/communities/${target}/members`)).status).toBe(200);
    expect((await platform.get<unknown[]>('/api/communities')).body).toHaveLength(4);
  });
});
