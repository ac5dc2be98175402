import type { Client } from '../../../../test/app';

/**
 * For the tenancy sweep (src/server/tenancy.api.test.ts): valid bodies for the community-scoped
 * writes of landing and incubation, and records of the target community for the routes' ids.
 */
const SOME_ORGANISATION = '7d3f6a52-0c1e-4b8a-9f2d-5e6b7c8d9e0f';

export const bodies: Record<string, unknown> = {
  'POST /api/communities/:communityId/zones': { kind: 'rnd', nameZh: '租户隔离研发区', totalAreaSqm: 1000 },
  'PATCH /api/communities/:communityId/zones/:zoneId': { version: 1, totalAreaSqm: 2000 },
  'POST /api/communities/:communityId/landings': { organisationId: SOME_ORGANISATION, landedOn: '2025-05-01', floorAreaSqm: 300 },
  'PATCH /api/communities/:communityId/landings/:landingId': { version: 1, floorAreaSqm: 500 },
  'POST /api/communities/:communityId/incubation': { organisationId: SOME_ORGANISATION, batch: '2025 第一批', admittedOn: '2025-03-01' },
  'PATCH /api/communities/:communityId/incubation/:incubationId': { version: 1, status: 'graduated', graduatedOn: '2026-01-10' },
  'PUT /api/communities/:communityId/companies/:organisationId/figures/:year': { revenueFen: 100_000_000, headcount: 20, rndSpendFen: 30_000_000, taxFen: 5_000_000 },
};

export async function ids(owner: Client, communityId: string): Promise<Record<string, string>> {
  const org = await owner.post<{ id: string }>('/api/directory/organisations', { communityId, kind: 'enterprise', nameZh: '租户隔离落户测试细胞治疗有限公司' });
  if (org.status !== 201) throw new Error(`creating the sample organisation failed: ${org.status} ${JSON.stringify(org.body)}`);
  const zone = await owner.post<{ id: string }>(`/api/communities/${communityId}/zones`, { kind: 'rnd', nameZh: '租户隔离样本区', totalAreaSqm: 5000 });
  if (zone.status !== 201) throw new Error(`creating the sample zone failed: ${zone.status} ${JSON.stringify(zone.body)}`);
  const landing = await owner.post<{ id: string }>(`/api/communities/${communityId}/landings`, { organisationId: org.body.id, zoneId: zone.body.id, landedOn: '2025-04-01', floorAreaSqm: 800 });
  if (landing.status !== 201) throw new Error(`creating the sample landing failed: ${landing.status} ${JSON.stringify(landing.body)}`);
  const incubation = await owner.post<{ id: string }>(`/api/communities/${communityId}/incubation`, { organisationId: org.body.id, batch: '2025 第一批', admittedOn: '2025-03-01' });
  if (incubation.status !== 201) throw new Error(`creating the sample incubation record failed: ${incubation.status} ${JSON.stringify(incubation.body)}`);
  return { zoneId: zone.body.id, landingId: landing.body.id, incubationId: incubation.body.id, organisationId: org.body.id, year: '2025' };
}
