import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo } from 'react';
import { Outlet, useParams } from 'react-router-dom';
import { api, ApiError } from '../services/api';
import type { CommunityAction, CommunityDetail } from '../services/types';
import { CommunityContext, communityDetailKey, LAST_COMMUNITY_KEY, useCommunities, useCommunity } from '../lib/community';
import { useSession } from '../lib/session';
import { ForbiddenResult, LoadError, NotFoundResult, PageSkeleton } from './States';

/** Resolves `/c/:slug` to a community the user may see and provides it to the pages below. */
export function CommunityScope() {
  const { slug = '' } = useParams();
  const session = useSession();
  const fromSession = session.data?.communities.find((c) => c.slug === slug);
  // Platform administrators may open communities they are not a member of.
  const needList = !fromSession && Boolean(session.data?.user?.isPlatformAdmin);
  const list = useCommunities(needList);
  const id = fromSession?.id ?? list.data?.find((c) => c.slug === slug)?.id;

  const detail = useQuery({
    queryKey: communityDetailKey(id ?? ''),
    queryFn: () => api.get<CommunityDetail>(`/api/communities/${id ?? ''}`),
    enabled: Boolean(id),
  });

  useEffect(() => {
    if (detail.data) {
      try {
        localStorage.setItem(LAST_COMMUNITY_KEY, detail.data.slug);
      } catch {
        // ignore
      }
    }
  }, [detail.data]);

  const value = useMemo(() => {
    if (!detail.data) return null;
    const community = detail.data;
    return { community, can: (action: CommunityAction) => community.permissions.includes(action) };
  }, [detail.data]);

  if (session.isPending || (needList && list.isPending)) return <PageSkeleton />;
  if (!id) return <NotFoundResult />;
  if (detail.isPending) return <PageSkeleton />;
  if (detail.error) {
    if (detail.error instanceof ApiError && (detail.error.status === 404 || detail.error.status === 403)) return <NotFoundResult />;
    return <LoadError error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  return (
    <CommunityContext.Provider value={value}>
      <Outlet />
    </CommunityContext.Provider>
  );
}

export function RequirePermission({ action, children }: { action: CommunityAction; children: React.ReactNode }) {
  const { can } = useCommunity();
  if (!can(action)) return <ForbiddenResult />;
  return <>{children}</>;
}
