/** Typed calls to the thesaurus API: the list (search, paging), one concept, and the admin edits. */
import type { z } from 'zod';
import type { ThesaurusConcept, ThesaurusPage, thesaurusConceptInput, thesaurusConceptPatch } from '../../shared/schemas/thesaurus';
import { api, withQuery } from './api';

export type { ThesaurusConcept, ThesaurusPage, ThesaurusTerm } from '../../shared/schemas/thesaurus';
export { THESAURUS_LANGS, type ThesaurusLang } from '../../domain/matching/vocabularies';
export { THESAURUS_CODE_PATTERN } from '../../shared/schemas/thesaurus';

export type ThesaurusConceptInput = z.input<typeof thesaurusConceptInput>;
export type ThesaurusConceptPatch = z.input<typeof thesaurusConceptPatch>;

export const thesaurusKeys = {
  all: ['thesaurus'] as const,
  list: (q: string, segment: string | undefined) => ['thesaurus', 'list', q, segment ?? ''] as const,
  every: ['thesaurus', 'every'] as const,
};

export const thesaurusApi = {
  list: (query: { q?: string; segment?: string; cursor?: string | null; limit?: number }) =>
    api.get<ThesaurusPage>(withQuery('/api/thesaurus', { q: query.q || undefined, segment: query.segment, cursor: query.cursor, limit: query.limit })),
  /** Every concept (the list pages through by code; a few hundred at most). */
  every: async (): Promise<ThesaurusConcept[]> => {
    const out: ThesaurusConcept[] = [];
    let cursor: string | null = null;
    do {
      const page: ThesaurusPage = await thesaurusApi.list({ cursor, limit: 200 });
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  },
  get: (conceptId: string) => api.get<ThesaurusConcept>(`/api/thesaurus/${conceptId}`),
  create: (body: ThesaurusConceptInput) => api.post<ThesaurusConcept>('/api/admin/thesaurus', body),
  update: (conceptId: string, body: ThesaurusConceptPatch) => api.patch<ThesaurusConcept>(`/api/admin/thesaurus/${conceptId}`, body),
  remove: (conceptId: string, version: number) => api.delete<{ ok: true }>(withQuery(`/api/admin/thesaurus/${conceptId}`, { version })),
};
