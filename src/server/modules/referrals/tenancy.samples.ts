import type { Client } from '../../../../test/app';

/**
 * For the tenancy sweep (src/server/tenancy.api.test.ts): valid bodies for the community-scoped
 * writes of referrals, and a referral sent by the target community for the :referralId routes.
 */
const SOME_COMMUNITY = '6a1e2f3b-4c5d-4e6f-8a7b-9c0d1e2f3a4b';
const SOME_RECORD = '7d3f6a52-0c1e-4b8a-9f2d-5e6b7c8d9e0f';

export const bodies: Record<string, unknown> = {
  'POST /api/communities/:communityId/referrals': { toCommunityId: SOME_COMMUNITY, projectId: SOME_RECORD, note: '推荐贵园区对接' },
  'POST /api/communities/:communityId/referrals/:referralId/accept': { pipelineId: SOME_RECORD, version: 1 },
  'POST /api/communities/:communityId/referrals/:referralId/decline': { reason: 'no_space', note: '', version: 1 },
  'POST /api/communities/:communityId/referrals/:referralId/withdraw': { version: 1 },
};

export async function ids(owner: Client, communityId: string): Promise<Record<string, string>> {
  const project = await owner.post<{ id: string }>('/api/directory/projects', {
    communityId,
    nameZh: '租户隔离测试推荐项目',
    segment: 'innovative_drug',
    track: 'drug',
    stage: 'preclinical',
    confidentiality: 'community',
  });
  if (project.status !== 201) throw new Error(`creating the sample project failed: ${project.status} ${JSON.stringify(project.body)}`);
  // The owner is also staff of the Taizhou centre: refer the project there.
  const to = owner.communityId('taizhou-shanghai-centre');
  const referral = await owner.post<{ id: string }>(`/api/communities/${communityId}/referrals`, { toCommunityId: to, projectId: project.body.id, note: '仅双方可见的推荐' });
  if (referral.status !== 201) throw new Error(`creating the sample referral failed: ${referral.status} ${JSON.stringify(referral.body)}`);
  return { referralId: referral.body.id };
}
