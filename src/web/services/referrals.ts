/**
 * Typed calls to the referrals API: lists by direction and status, one referral, the decisions
 * (accept, decline, withdraw), the statistics strip and the target-community picker. The
 * receiving community's pipelines and staff (for accepting) come from their own routes.
 */
import type { z } from 'zod';
import type { DeclineReason, ReferralStatus } from '../../domain/lifecycle/vocabularies';
import type { Pipeline } from '../../shared/schemas/pipelines';
import type { Referral, ReferralDirection, ReferralPage, ReferralStats, ReferralTarget, acceptReferralInput, referralInput } from '../../shared/schemas/referrals';
import { api, withQuery } from './api';
import type { MembersPage } from './types';

export type { Referral, ReferralCounts, ReferralDirection, ReferralPage, ReferralStats, ReferralTarget } from '../../shared/schemas/referrals';
export type { DeclineReason, ReferralStatus } from '../../domain/lifecycle/vocabularies';
export { DECLINE_REASONS, REFERRAL_STATUSES } from '../../domain/lifecycle/vocabularies';

export type ReferralInput = z.input<typeof referralInput>;
export type AcceptReferralInput = z.input<typeof acceptReferralInput>;

export const referralKeys = {
  all: (communityId: string) => ['referrals', communityId] as const,
  list: (communityId: string, direction: ReferralDirection, status: ReferralStatus | undefined) => ['referrals', communityId, 'list', direction, status ?? 'all'] as const,
  stats: (communityId: string) => ['referrals', communityId, 'stats'] as const,
  targets: ['referral-targets'] as const,
  pipelines: (communityId: string) => ['referrals', communityId, 'pipelines'] as const,
  staff: (communityId: string) => ['referrals', communityId, 'staff'] as const,
};

const base = (communityId: string) => `/api/communities/${communityId}/referrals`;

export const referralsApi = {
  list: (communityId: string, query: { direction: ReferralDirection; status?: ReferralStatus; cursor?: string | null; limit?: number }) =>
    api.get<ReferralPage>(withQuery(base(communityId), { direction: query.direction, status: query.status, cursor: query.cursor, limit: query.limit })),
  get: (communityId: string, referralId: string) => api.get<Referral>(`${base(communityId)}/${referralId}`),
  create: (communityId: string, body: ReferralInput) => api.post<Referral>(base(communityId), body),
  accept: (communityId: string, referralId: string, body: AcceptReferralInput) => api.post<Referral>(`${base(communityId)}/${referralId}/accept`, body),
  decline: (communityId: string, referralId: string, body: { reason: DeclineReason; note?: string; version: number }) =>
    api.post<Referral>(`${base(communityId)}/${referralId}/decline`, body),
  withdraw: (communityId: string, referralId: string, version: number) => api.post<Referral>(`${base(communityId)}/${referralId}/withdraw`, { version }),
  stats: (communityId: string, period: { from?: string; to?: string } = {}) => api.get<ReferralStats>(withQuery(`${base(communityId)}/stats`, period)),
  targets: () => api.get<ReferralTarget[]>('/api/referral-targets'),
  /** The community's pipelines, to accept a referral into (the pipelines module's list route). */
  pipelines: (communityId: string) =>
    api.get<Pipeline[] | { items: Pipeline[] }>(`/api/communities/${communityId}/pipelines`).then((d) => (Array.isArray(d) ? d : d.items)),
  /** The community's staff and admins, to own the accepted item. */
  staff: (communityId: string) =>
    api
      .get<MembersPage>(withQuery(`/api/communities/${communityId}/members`, { limit: 200 }))
      .then((page) => page.items.filter((m) => m.role === 'staff' || m.role === 'community_admin')),
};
