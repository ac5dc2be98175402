import { useQuery, type QueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from '../services/api';
import type { SessionInfo } from '../services/types';

export const SESSION_KEY = ['session'] as const;

export async function fetchSession(): Promise<SessionInfo> {
  const session = await api.get<SessionInfo>('/api/auth/session', { noAuthRedirect: true });
  setCsrfToken(session.csrfToken);
  return session;
}

export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000, retry: 1 });
}

/** Stores a SessionInfo the server returned (sign-in, accepting an invitation). */
export function applySession(queryClient: QueryClient, session: SessionInfo): void {
  setCsrfToken(session.csrfToken);
  queryClient.setQueryData(SESSION_KEY, session);
}

/** Forgets everything cached for the previous user. */
export function clearSession(queryClient: QueryClient): void {
  setCsrfToken(null);
  queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
  queryClient.setQueryData<SessionInfo>(SESSION_KEY, { user: null, csrfToken: null, communities: [] });
}
