/**
 * Typed calls to the technology-briefs API: browse (with filters and keyset paging), one brief,
 * the form's options, create, edit (version-checked), publish, withdraw, delete a draft.
 */
import type { z } from 'zod';
import type { Brief, BriefOptions, BriefPage, briefCreateInput, briefUpdateInput } from '../../shared/schemas/briefs';
import { api, withQuery } from './api';

export type { Brief, BriefOptions, BriefPage } from '../../shared/schemas/briefs';
export { BRIEF_MATURITIES, BRIEF_PARTNERSHIPS, IP_STATUSES } from '../../domain/matching/vocabularies';
export type { BriefMaturity, BriefPartnership, BriefStatus, IpStatus } from '../../domain/matching/vocabularies';

export type BriefCreateInput = z.input<typeof briefCreateInput>;
export type BriefUpdateInput = z.input<typeof briefUpdateInput>;

export interface BriefFilters {
  q?: string;
  segment?: string;
  maturity?: string;
  partnership?: string;
  organisationId?: string;
  mine?: boolean;
  status?: string;
}

export const briefKeys = {
  all: ['briefs'] as const,
  list: (filters: BriefFilters) => ['briefs', 'list', filters] as const,
  one: (id: string) => ['briefs', 'one', id] as const,
  options: ['briefs', 'options'] as const,
};

export const briefsApi = {
  list: (filters: BriefFilters, cursor?: string | null, limit = 24) =>
    api.get<BriefPage>(
      withQuery('/api/briefs', {
        q: filters.q || undefined,
        segment: filters.segment,
        maturity: filters.maturity,
        partnership: filters.partnership,
        organisationId: filters.organisationId,
        mine: filters.mine ? 'true' : undefined,
        status: filters.status,
        cursor: cursor ?? undefined,
        limit,
      }),
    ),
  get: (id: string) => api.get<Brief>(`/api/briefs/${id}`),
  options: () => api.get<BriefOptions>('/api/briefs/options'),
  create: (body: BriefCreateInput) => api.post<Brief>('/api/briefs', body),
  update: (id: string, body: BriefUpdateInput) => api.patch<Brief>(`/api/briefs/${id}`, body),
  publish: (id: string, version: number) => api.post<Brief>(`/api/briefs/${id}/publish`, { version }),
  withdraw: (id: string, version: number) => api.post<Brief>(`/api/briefs/${id}/withdraw`, { version }),
  remove: (id: string) => api.delete<{ ok: true }>(`/api/briefs/${id}`),
};
