/**
 * Typed calls to matchmaking (contract: src/shared/schemas/matching.ts): the ranked matches of a
 * record, the explanation of one pair, the viewer's feedback, the one-click contact, the stored
 * suggestions of the home pages and the platform admins' full refresh.
 */
import type { z } from 'zod';
import type {
  ContactOptions,
  MatchExplanation,
  MatchList,
  contactBody,
  contactResultSchema,
  feedbackBody,
  mySuggestionsSchema,
  refreshStatusSchema,
  refreshRunSchema,
} from '../../shared/schemas/matching';
import type { FeedbackVerdict, MatchEntityType, MatchTarget } from '../../domain/matching/vocabularies';
import { api, request, withQuery } from './api';

export type { ContactOptions, CriterionDto, MatchExplanation, MatchItem, MatchList, MatchRecord, SuggestionGroup } from '../../shared/schemas/matching';
export type FeedbackInput = z.input<typeof feedbackBody>;
export type ContactInput = z.input<typeof contactBody>;
export type ContactResult = z.infer<typeof contactResultSchema>;
export type MySuggestions = z.infer<typeof mySuggestionsSchema>;
export type RefreshStatus = z.infer<typeof refreshStatusSchema>;
export type RefreshRun = z.infer<typeof refreshRunSchema>;

/** One (subject, candidate) pair. */
export interface MatchPair {
  subjectType: MatchEntityType;
  subjectId: string;
  candidateType: MatchEntityType;
  candidateId: string;
}

export interface MatchesFilter {
  target: MatchTarget;
  limit?: number;
  includeDismissed?: boolean;
}

const pairPath = (p: MatchPair) => `/api/matches/${p.subjectType}/${p.subjectId}/${p.candidateType}/${p.candidateId}`;

/** Query keys: everything under `matching` is refreshed after feedback or a contact. */
export const matchingKeys = {
  all: ['matching'] as const,
  list: (subjectType: MatchEntityType, subjectId: string, filter: MatchesFilter) => ['matching', 'list', subjectType, subjectId, filter] as const,
  explanation: (pair: MatchPair, target: MatchTarget | undefined) => ['matching', 'explanation', pair, target ?? null] as const,
  contactOptions: (pair: MatchPair) => ['matching', 'contact-options', pair] as const,
  suggestions: ['matching', 'suggestions'] as const,
  refresh: ['matching', 'refresh'] as const,
};

export const matchingApi = {
  list: (subjectType: MatchEntityType, subjectId: string, filter: MatchesFilter) =>
    api.get<MatchList>(
      withQuery(`/api/matches/${subjectType}/${subjectId}`, {
        target: filter.target,
        limit: filter.limit,
        includeDismissed: filter.includeDismissed ? 'true' : undefined,
      }),
    ),
  explanation: (pair: MatchPair, target?: MatchTarget) => api.get<MatchExplanation>(withQuery(pairPath(pair), { target })),
  contactOptions: (pair: MatchPair) => api.get<ContactOptions>(`${pairPath(pair)}/contact-options`),
  feedback: (pair: MatchPair, verdict: FeedbackVerdict | null) =>
    request<unknown>('PUT', '/api/matches/feedback', { body: { ...pair, verdict } satisfies FeedbackInput }),
  contact: (body: ContactInput) => api.post<ContactResult>('/api/matches/contact', body),
  suggestions: () => api.get<MySuggestions>('/api/me/suggestions'),
  refreshStatus: () => api.get<RefreshStatus>('/api/admin/matching/refresh'),
  refresh: () => api.post<RefreshRun | RefreshStatus>('/api/admin/matching/refresh'),
};
