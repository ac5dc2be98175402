import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import { api } from '../services/api';
import type { Community, CommunityAction, CommunityDetail, CommunityKind } from '../services/types';

export interface CommunityScopeValue {
  community: CommunityDetail;
  can: (action: CommunityAction) => boolean;
}

export const CommunityContext = createContext<CommunityScopeValue | null>(null);

export function useCommunity(): CommunityScopeValue {
  const value = useContext(CommunityContext);
  if (!value) throw new Error('useCommunity outside a community route');
  return value;
}

export const LAST_COMMUNITY_KEY = 'biobridge.lastCommunity';

export function useCommunityKinds() {
  return useQuery({
    queryKey: ['community-kinds'],
    queryFn: () => api.get<CommunityKind[]>('/api/community-kinds'),
    staleTime: 10 * 60_000,
  });
}

export function useCommunities(enabled = true) {
  return useQuery({
    queryKey: ['communities'],
    queryFn: () => api.get<Community[]>('/api/communities'),
    enabled,
  });
}

export function communityDetailKey(id: string) {
  return ['community', id] as const;
}
