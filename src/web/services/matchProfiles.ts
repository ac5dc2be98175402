/** Typed calls to a community's match profile (read by members, saved by pipeline staff). */
import type { MatchProfile, MatchProfileInput } from '../../shared/schemas/match-profiles';
import { api, request } from './api';

export type { MatchProfile, MatchProfileInput } from '../../shared/schemas/match-profiles';

export const matchProfileKeys = {
  one: (communityId: string) => ['match-profile', communityId] as const,
};

const url = (communityId: string) => `/api/communities/${communityId}/match-profile`;

export const matchProfilesApi = {
  get: (communityId: string) => api.get<MatchProfile>(url(communityId)),
  save: (communityId: string, body: MatchProfileInput) => request<MatchProfile>('PUT', url(communityId), { body }),
};
