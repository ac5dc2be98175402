/**
 * Typed calls to the events core API (contract: src/shared/schemas/events.ts): the community's
 * events, one event, its writes (publish, cancel, duplicate, delete) and its agenda.
 */
import type {
  Agenda,
  EventCancelInput,
  EventCreateInput,
  EventDetail,
  EventDuplicateInput,
  EventListQuery,
  EventPage,
  EventUpdateInput,
  SessionCreateInput,
  SessionUpdateInput,
  SessionWrite,
} from '../../shared/schemas/events';
import { api, withQuery } from './api';

export type {
  Agenda,
  AgendaConflictView,
  EventCreateInput,
  EventDetail,
  EventOrganiserInput,
  EventPage,
  EventSession,
  EventSummary,
  EventUpdateInput,
  SessionCreateInput,
  SessionPersonInput,
  SessionUpdateInput,
  SessionWrite,
} from '../../shared/schemas/events';
export type { EventKind, EventStatus, EventVisibility, OrganiserRole, SessionKind, SessionRole } from '../../domain/events/vocabularies';

/** The list query as the web app sends it (the schema's `limit` is coerced from a string). */
export type EventListParams = Omit<EventListQuery, 'limit' | 'cursor'> & { limit?: number };

const base = (communityId: string) => `/api/communities/${communityId}/events`;

/** Query keys: everything of one community's events shares a prefix, so a write can refresh it all. */
export const eventKeys = {
  all: (communityId: string) => ['events', communityId] as const,
  list: (communityId: string, query: EventListParams) => ['events', communityId, 'list', query] as const,
  detail: (communityId: string, id: string) => ['events', communityId, 'detail', id] as const,
  agenda: (communityId: string, id: string) => ['events', communityId, 'agenda', id] as const,
};

export const eventsApi = {
  list: (communityId: string, query: EventListParams, cursor?: string | null) => api.get<EventPage>(withQuery(base(communityId), { ...query, cursor: cursor ?? undefined })),
  get: (communityId: string, id: string) => api.get<EventDetail>(`${base(communityId)}/${id}`),
  create: (communityId: string, body: EventCreateInput) => api.post<EventDetail>(base(communityId), body),
  update: (communityId: string, id: string, body: EventUpdateInput) => api.patch<EventDetail>(`${base(communityId)}/${id}`, body),
  remove: (communityId: string, id: string) => api.delete<{ ok: true }>(`${base(communityId)}/${id}`),
  publish: (communityId: string, id: string, version: number) => api.post<EventDetail>(`${base(communityId)}/${id}/publish`, { version }),
  cancel: (communityId: string, id: string, body: EventCancelInput) => api.post<EventDetail>(`${base(communityId)}/${id}/cancel`, body),
  duplicate: (communityId: string, id: string, body: EventDuplicateInput) => api.post<EventDetail>(`${base(communityId)}/${id}/duplicate`, body),
  agenda: (communityId: string, id: string) => api.get<Agenda>(`${base(communityId)}/${id}/sessions`),
  addSession: (communityId: string, id: string, body: SessionCreateInput) => api.post<SessionWrite>(`${base(communityId)}/${id}/sessions`, body),
  updateSession: (communityId: string, id: string, sessionId: string, body: SessionUpdateInput) => api.patch<SessionWrite>(`${base(communityId)}/${id}/sessions/${sessionId}`, body),
  removeSession: (communityId: string, id: string, sessionId: string, version: number) => api.delete<{ ok: true }>(withQuery(`${base(communityId)}/${id}/sessions/${sessionId}`, { version })),
  agendaPdfUrl: (communityId: string, id: string) => `${base(communityId)}/${id}/agenda.pdf`,
  /** For the public event page (no account needed); `invite` is a personal invitation's token. */
  publicAgenda: (eventId: string, invite?: string | null) => api.get<Agenda>(withQuery(`/api/public/events/${eventId}/sessions`, { invite }), { noAuthRedirect: true }),
  publicAgendaPdfUrl: (eventId: string, invite?: string | null) => withQuery(`/api/public/events/${eventId}/agenda.pdf`, { invite }),
};
