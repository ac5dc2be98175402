/**
 * Typed calls to the challenges API (需求揭榜): the list and one challenge, the poster's writes,
 * answers (the team's and the screening board's), the private thread and my answers.
 */
import type {
  Answer,
  AnswerInput,
  AnswerList,
  AnswerPatch,
  Challenge,
  ChallengeInput,
  ChallengeOptions,
  ChallengePage,
  ChallengePatch,
  ScreenInput,
  Thread,
} from '../../shared/schemas/challenges';
import { api, request, withQuery } from './api';

export type {
  Answer,
  AnswerEvent,
  AnswerInput,
  AnswerList,
  Challenge,
  ChallengeInput,
  ChallengeMessage,
  ChallengeOptions,
  ChallengePage,
  ChallengePoster,
  ScreenInput,
  StageCounts,
  Thread,
} from '../../shared/schemas/challenges';
export { ANSWER_STAGES, CHALLENGE_KINDS, CHALLENGE_STATUSES, type AnswerStage, type ChallengeKind, type ChallengeStatus } from '../../domain/matching/vocabularies';

export interface ChallengeFilters {
  kind?: string;
  segment?: string;
  q?: string;
  status?: string;
  mine?: boolean;
}

export const challengeKeys = {
  all: ['challenges'] as const,
  list: (f: ChallengeFilters) => ['challenges', 'list', f] as const,
  one: (id: string) => ['challenges', 'one', id] as const,
  options: ['challenges', 'options'] as const,
  answers: (id: string) => ['challenges', 'one', id, 'answers'] as const,
  answer: (id: string, answerId: string) => ['challenges', 'one', id, 'answer', answerId] as const,
  thread: (id: string, answerId: string) => ['challenges', 'one', id, 'thread', answerId] as const,
  mine: ['challenges', 'my-answers'] as const,
};

const one = (id: string) => `/api/challenges/${id}`;
const answer = (id: string, answerId: string) => `${one(id)}/answers/${answerId}`;

export const challengesApi = {
  list: (f: ChallengeFilters, cursor?: string | null) =>
    api.get<ChallengePage>(withQuery('/api/challenges', { kind: f.kind, segment: f.segment, q: f.q, status: f.status, mine: f.mine ? 'true' : undefined, cursor: cursor ?? undefined, limit: 30 })),
  get: (id: string) => api.get<Challenge>(one(id)),
  options: () => api.get<ChallengeOptions>('/api/challenges/options'),
  create: (body: ChallengeInput) => api.post<Challenge>('/api/challenges', body),
  update: (id: string, body: ChallengePatch) => api.patch<Challenge>(one(id), body),
  publish: (id: string, version: number) => api.post<Challenge>(`${one(id)}/publish`, { version }),
  close: (id: string, version: number) => api.post<Challenge>(`${one(id)}/close`, { version }),
  cancel: (id: string, version: number) => api.post<Challenge>(`${one(id)}/cancel`, { version }),
  answers: (id: string) => api.get<AnswerList>(`${one(id)}/answers`),
  answer: (id: string, answerId: string) => api.get<Answer>(answer(id, answerId)),
  submit: (id: string, body: AnswerInput) => api.post<Answer>(`${one(id)}/answers`, body),
  editAnswer: (id: string, answerId: string, body: AnswerPatch) => api.patch<Answer>(answer(id, answerId), body),
  withdraw: (id: string, answerId: string, version: number) => api.post<Answer>(`${answer(id, answerId)}/withdraw`, { version }),
  screen: (id: string, answerId: string, body: ScreenInput) => api.post<Answer>(`${answer(id, answerId)}/screen`, body),
  setNote: (id: string, answerId: string, screeningNote: string, version: number) =>
    request<Answer>('PUT', `${answer(id, answerId)}/screening-note`, { body: { screeningNote, version } }),
  thread: (id: string, answerId: string) => api.get<Thread>(`${answer(id, answerId)}/messages`),
  write: (id: string, answerId: string, body: string) => api.post<Thread>(`${answer(id, answerId)}/messages`, { body }),
  mine: () => api.get<Answer[]>('/api/me/answers'),
};
