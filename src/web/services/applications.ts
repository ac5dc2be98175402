/**
 * Typed calls to the applications API (contract: src/shared/schemas/applications.ts): the
 * organisers' call settings and screening, the public call and apply form, the applicant's page
 * by its token (edit, deck, withdraw), and the signed-in user's own applications.
 */
import type {
  ApplicationCreated,
  ApplicationDetail,
  ApplicationInput,
  ApplicationItem,
  ApplicationPage,
  ApplicationUpdateInput,
  CallInput,
  CallSettings,
  MyApplication,
  MyApplicationItem,
  PublicCall,
} from '../../shared/schemas/applications';
import type { ApplicationStatus } from '../../domain/events/vocabularies';
import { api, request, withQuery } from './api';
import { download, upload } from './directory';

export type {
  ApplicationCounts,
  ApplicationCreated,
  ApplicationDetail,
  ApplicationInput,
  ApplicationItem,
  ApplicationPage,
  ApplicationUpdateInput,
  CallInput,
  CallSettings,
  Deck,
  MyApplication,
  MyApplicationItem,
  OwnProject,
  PublicCall,
  RoundResult,
} from '../../shared/schemas/applications';
export type { ApplicationStatus } from '../../domain/events/vocabularies';

export interface ApplicationFilters {
  status?: ApplicationStatus;
  q?: string;
}

const manage = (communityId: string, eventId: string) => `/api/communities/${communityId}/events/${eventId}`;
const mine = (token: string) => `/api/public/applications/${encodeURIComponent(token)}`;

export const applicationKeys = {
  all: (eventId: string) => ['applications', eventId] as const,
  list: (eventId: string, filters: ApplicationFilters) => ['applications', eventId, 'list', filters] as const,
  detail: (eventId: string, id: string) => ['applications', eventId, 'detail', id] as const,
  call: (eventId: string) => ['applications', eventId, 'call'] as const,
  mine: (token: string) => ['applications', 'mine', token] as const,
  myList: ['applications', 'me'] as const,
};

export const applicationsApi = {
  setCall: (communityId: string, eventId: string, body: CallInput) => request<CallSettings>('PUT', `${manage(communityId, eventId)}/call`, { body }),
  list: (communityId: string, eventId: string, filters: ApplicationFilters, cursor?: string | null) =>
    api.get<ApplicationPage>(withQuery(`${manage(communityId, eventId)}/applications`, { ...filters, limit: 50, cursor: cursor ?? undefined })),
  get: (communityId: string, eventId: string, id: string) => api.get<ApplicationDetail>(`${manage(communityId, eventId)}/applications/${id}`),
  screen: (communityId: string, eventId: string, id: string, body: { decision: 'in' | 'out'; note: string; version: number }) =>
    api.post<ApplicationDetail>(`${manage(communityId, eventId)}/applications/${id}/screen`, body),
  bulkScreen: (communityId: string, eventId: string, body: { decision: 'in' | 'out'; note: string; items: { applicationId: string; version: number }[] }) =>
    api.post<{ items: ApplicationItem[] }>(`${manage(communityId, eventId)}/applications/screen`, body),
  setLinks: (communityId: string, eventId: string, id: string, body: { projectId?: string | null; organisationId?: string | null; version: number }) =>
    api.patch<ApplicationDetail>(`${manage(communityId, eventId)}/applications/${id}/links`, body),
  deckUrl: (communityId: string, eventId: string, id: string) => `${manage(communityId, eventId)}/applications/${id}/deck`,
  exportXlsx: (communityId: string, eventId: string, filters: ApplicationFilters, language: string, fallbackName: string) =>
    download(withQuery(`${manage(communityId, eventId)}/applications/export.xlsx`, { ...filters }), language, fallbackName),

  call: (eventId: string) => api.get<PublicCall>(`/api/public/events/${eventId}/call`, { noAuthRedirect: true }),
  apply: (eventId: string, body: ApplicationInput) => api.post<ApplicationCreated>(`/api/public/events/${eventId}/applications`, body, { noAuthRedirect: true }),
  mine: (token: string) => api.get<MyApplication>(mine(token), { noAuthRedirect: true }),
  updateMine: (token: string, body: ApplicationUpdateInput) => api.patch<MyApplication>(mine(token), body, { noAuthRedirect: true }),
  withdraw: (token: string, version: number) => api.post<MyApplication>(`${mine(token)}/withdraw`, { version }, { noAuthRedirect: true }),
  uploadDeck: (token: string, file: File, csrfToken: string | null | undefined, language: string) => upload<MyApplication>(`${mine(token)}/deck`, file, csrfToken, language),
  myDeckUrl: (token: string) => `${mine(token)}/deck`,
  myList: () => api.get<{ items: MyApplicationItem[] }>('/api/me/applications'),
};
