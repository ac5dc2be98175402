/**
 * Typed calls to the judging API (contract: src/shared/schemas/judging.ts): the organiser's
 * rounds, criteria, judges, recusals, progress, ranking, publishing and export; the judge's
 * rounds, applications and score sheets.
 */
import type { Normalisation } from '../../domain/events/vocabularies';
import type {
  CriterionInput,
  CriterionUpdateInput,
  JudgeApplication,
  JudgeRound,
  JudgingOverview,
  MyJudgingItem,
  OrganiserRecusalInput,
  Progress,
  PublishInput,
  Ranking,
  RoundCreateInput,
  RoundDetail,
  RoundUpdateInput,
  Sheet,
  SheetInput,
} from '../../shared/schemas/judging';
import type { MembersPage } from './types';
import { api, request, withQuery } from './api';

export type {
  CellState,
  Conflict,
  Criterion,
  CriterionInput,
  JudgeApplication,
  JudgeRound,
  JudgingOverview,
  MyJudgingItem,
  Progress,
  Ranking,
  RankingRow,
  Recusal,
  RoundCreateInput,
  RoundDetail,
  RoundEntry,
  RoundJudge,
  RoundSummary,
  Sheet,
  SheetInput,
} from '../../shared/schemas/judging';

const eventBase = (communityId: string, eventId: string) => `/api/communities/${communityId}/events/${eventId}`;
const roundBase = (communityId: string, eventId: string, roundId: string) => `${eventBase(communityId, eventId)}/rounds/${roundId}`;

/** Query keys: everything of one event's judging shares a prefix, so a write can refresh it all. */
export const judgingKeys = {
  event: (eventId: string) => ['judging', eventId] as const,
  overview: (eventId: string) => ['judging', eventId, 'overview'] as const,
  round: (eventId: string, roundId: string) => ['judging', eventId, 'round', roundId] as const,
  progress: (eventId: string, roundId: string) => ['judging', eventId, 'progress', roundId] as const,
  ranking: (eventId: string, roundId: string, normalisation: Normalisation) => ['judging', eventId, 'ranking', roundId, normalisation] as const,
  members: (communityId: string) => ['judging', 'members', communityId] as const,
  mine: ['judging', 'me'] as const,
  judgeRound: (roundId: string) => ['judging', 'me', 'round', roundId] as const,
  judgeApplication: (roundId: string, applicationId: string) => ['judging', 'me', 'round', roundId, applicationId] as const,
};

export const judgingApi = {
  overview: (communityId: string, eventId: string) => api.get<JudgingOverview>(`${eventBase(communityId, eventId)}/judging`),
  setNormalisation: (communityId: string, eventId: string, normalisation: Normalisation, version: number) =>
    request<JudgingOverview>('PUT', `${eventBase(communityId, eventId)}/judging-settings`, { body: { normalisation, version } }),
  createRound: (communityId: string, eventId: string, body: RoundCreateInput) => api.post<RoundDetail>(`${eventBase(communityId, eventId)}/rounds`, body),
  round: (communityId: string, eventId: string, roundId: string) => api.get<RoundDetail>(roundBase(communityId, eventId, roundId)),
  updateRound: (communityId: string, eventId: string, roundId: string, body: RoundUpdateInput) => api.patch<RoundDetail>(roundBase(communityId, eventId, roundId), body),
  deleteRound: (communityId: string, eventId: string, roundId: string) => api.delete<{ ok: true }>(roundBase(communityId, eventId, roundId)),
  close: (communityId: string, eventId: string, roundId: string, version: number) => api.post<RoundDetail>(`${roundBase(communityId, eventId, roundId)}/close`, { version }),
  reopen: (communityId: string, eventId: string, roundId: string, version: number) => api.post<RoundDetail>(`${roundBase(communityId, eventId, roundId)}/reopen`, { version }),
  setEntries: (communityId: string, eventId: string, roundId: string, applicationIds: string[], version: number) =>
    request<RoundDetail>('PUT', `${roundBase(communityId, eventId, roundId)}/entries`, { body: { applicationIds, version } }),
  addCriterion: (communityId: string, eventId: string, roundId: string, body: CriterionInput) => api.post<RoundDetail>(`${roundBase(communityId, eventId, roundId)}/criteria`, body),
  updateCriterion: (communityId: string, eventId: string, roundId: string, criterionId: string, body: CriterionUpdateInput) =>
    api.patch<RoundDetail>(`${roundBase(communityId, eventId, roundId)}/criteria/${criterionId}`, body),
  deleteCriterion: (communityId: string, eventId: string, roundId: string, criterionId: string) => api.delete<RoundDetail>(`${roundBase(communityId, eventId, roundId)}/criteria/${criterionId}`),
  assignJudge: (communityId: string, eventId: string, roundId: string, userId: string) => api.post<RoundDetail>(`${roundBase(communityId, eventId, roundId)}/judges`, { userId }),
  unassignJudge: (communityId: string, eventId: string, roundId: string, userId: string) => api.delete<RoundDetail>(`${roundBase(communityId, eventId, roundId)}/judges/${userId}`),
  addRecusal: (communityId: string, eventId: string, roundId: string, body: OrganiserRecusalInput) => api.post<RoundDetail>(`${roundBase(communityId, eventId, roundId)}/recusals`, body),
  liftRecusal: (communityId: string, eventId: string, roundId: string, userId: string, applicationId: string) =>
    api.delete<RoundDetail>(`${roundBase(communityId, eventId, roundId)}/recusals/${userId}/${applicationId}`),
  progress: (communityId: string, eventId: string, roundId: string) => api.get<Progress>(`${roundBase(communityId, eventId, roundId)}/progress`),
  ranking: (communityId: string, eventId: string, roundId: string, normalisation: Normalisation) =>
    api.get<Ranking>(withQuery(`${roundBase(communityId, eventId, roundId)}/ranking`, { normalisation })),
  publish: (communityId: string, eventId: string, roundId: string, body: PublishInput) => api.post<Ranking>(`${roundBase(communityId, eventId, roundId)}/publish`, body),
  exportUrl: (communityId: string, eventId: string, roundId: string) => `${roundBase(communityId, eventId, roundId)}/scores.xlsx`,
  members: (communityId: string) => api.get<MembersPage>(withQuery(`/api/communities/${communityId}/members`, { limit: 200 })),

  mine: () => api.get<MyJudgingItem[]>('/api/me/judging'),
  judgeRound: (roundId: string) => api.get<JudgeRound>(`/api/judging/rounds/${roundId}`),
  judgeApplication: (roundId: string, applicationId: string) => api.get<JudgeApplication>(`/api/judging/rounds/${roundId}/applications/${applicationId}`),
  saveSheet: (roundId: string, applicationId: string, body: SheetInput) => request<Sheet>('PUT', `/api/judging/rounds/${roundId}/applications/${applicationId}/sheet`, { body }),
  declareRecusal: (roundId: string, applicationId: string, reason: string) =>
    api.post<{ ok: true }>(`/api/judging/rounds/${roundId}/applications/${applicationId}/recusal`, { reason }),
};
