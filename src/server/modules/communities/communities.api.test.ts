import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/schemas/audit';
import type { Community, CommunityDetail } from '../../../shared/schemas/communities';
import { signedIn, startTestApp, type Client, type TestApp } from '../../../../test/app';

let t: TestApp;
let platform: Client;
let parkAdmin: Client;
let cmc: string;
beforeAll(async () => {
  t = await startTestApp();
  platform = await signedIn(t.app, 'admin@biobridge.demo');
  parkAdmin = await signedIn(t.app, 'park.admin@biobridge.demo');
  cmc = parkAdmin.communityId('china-medical-city');
});
afterAll(() => t.close());

describe('communities', () => {
  it('lists the kinds, kept as data', async () => {
    const res = await parkAdmin.get<{ code: string }[]>('/api/community-kinds');
    expect(res.body.map((k) => k.code)).toEqual(['park', 'alliance', 'innovation_centre', 'incubator']);
  });

  it("shows a community's profile with the caller's role, permissions and member figures", async () => {
    const res = await parkAdmin.get<CommunityDetail>(`/api/communities/${cmc}`);
    expect(res.body).toMatchObject({ slug: 'china-medical-city', kind: 'park', myRole: 'community_admin', timeZone: 'Asia/Shanghai' });
    expect(res.body.permissions).toContain('members.manage');
    expect(res.body.memberCount).toBe(Object.values(res.body.membersByRole).reduce((a, b) => a + b, 0));
    expect(res.body.openInvitations).toBe(1);
    const viewer = await signedIn(t.app, 'viewer@biobridge.demo');
    const seen = await viewer.get<CommunityDetail>(`/api/communities/${cmc}`);
    expect(seen.body.permissions).toEqual(['community.read']);
    expect(seen.body.openInvitations).toBe(0);
  });

  it('lets only platform admins create communities, with unique slugs and known kinds', async () => {
    const body = { slug: 'suzhou-bioindustry-park', kind: 'incubator', nameZhHans: '示例孵化器', nameZhHant: '示例孵化器', nameEn: 'Example Incubator', city: '苏州市' };
    expect((await parkAdmin.post('/api/communities', body)).status).toBe(403);
    const created = await platform.post<Community>('/api/communities', body);
    expect(created.status).toBe(201);
    expect(created.body.timeZone).toBe('Asia/Shanghai');
    expect((await platform.post('/api/communities', body)).status).toBe(409);
    const badKind = await platform.post<{ error: { fields: Record<string, string> } }>('/api/communities', { ...body, slug: 'other-one', kind: 'castle' });
    expect(Object.keys(badKind.body.error.fields)).toEqual(['kind']);
    const badSlug = await platform.post<{ error: { fields: Record<string, string> } }>('/api/communities', { ...body, slug: 'Bad Slug!' });
    expect(Object.keys(badSlug.body.error.fields)).toEqual(['slug']);
    const badZone = await platform.post<{ error: { fields: Record<string, string> } }>('/api/communities', { ...body, slug: 'zone-test', timeZone: 'Mars/Olympus' });
    expect(Object.keys(badZone.body.error.fields)).toEqual(['timeZone']);
  });

  it('lets the community admin edit the profile and records before/after of the changed fields only', async () => {
    const res = await parkAdmin.patch<Community>(`/api/communities/${cmc}`, { website: 'https://www.example.cn', city: '泰州市' });
    expect(res.body.website).toBe('https://www.example.cn');
    const audit = await parkAdmin.get<{ items: AuditEntry[] }>(`/api/communities/${cmc}/audit?action=community.updated`);
    expect(audit.body.items[0]?.changes).toEqual({ website: { before: null, after: 'https://www.example.cn' } });
    const staff = await signedIn(t.app, 'staff@biobridge.demo');
    expect((await staff.patch(`/api/communities/${cmc}`, { city: 'x' })).status).toBe(403);
  });
});

describe('audit log', () => {
  it('pages newest first without gaps or repeats, and filters by entity, action, actor and time', async () => {
    // The demo's directory leaves hundreds of entries: read them all in the largest pages.
    const ids: number[] = [];
    for (let after: string | null = null, first = true; first || after; first = false) {
      const big: { body: { items: AuditEntry[]; nextCursor: string | null } } = await parkAdmin.get(
        `/api/communities/${cmc}/audit?limit=200${after ? `&cursor=${after}` : ''}`,
      );
      ids.push(...big.body.items.map((e) => e.id));
      after = big.body.nextCursor;
    }
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    const paged: number[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: AuditEntry[]; nextCursor: string | null } } = await parkAdmin.get(
        `/api/communities/${cmc}/audit?limit=4${cursor ? `&cursor=${cursor}` : ''}`,
      );
      paged.push(...page.body.items.map((e) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(ids);

    const memberships = await parkAdmin.get<{ items: AuditEntry[] }>(`/api/communities/${cmc}/audit?entityType=membership&limit=200`);
    expect(memberships.body.items.length).toBeGreaterThan(0);
    expect(memberships.body.items.every((e) => e.entityType === 'membership')).toBe(true);
    const me = parkAdmin.session!.user!.id;
    const mine = await parkAdmin.get<{ items: AuditEntry[] }>(`/api/communities/${cmc}/audit?actorUserId=${me}&limit=200`);
    expect(mine.body.items.length).toBeGreaterThan(0);
    expect(mine.body.items.every((e) => e.actor?.id === me)).toBe(true);
    expect(mine.body.items[0]!.action).toBe('community.updated');
    const future = await parkAdmin.get<{ items: AuditEntry[] }>(`/api/communities/${cmc}/audit?from=${encodeURIComponent('2099-01-01T00:00:00+08:00')}`);
    expect(future.body.items).toEqual([]);
    expect((await parkAdmin.get(`/api/communities/${cmc}/audit?from=yesterday`)).status).toBe(400);
  });
});
