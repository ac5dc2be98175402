/**
 * Typed calls to the event outcomes API (contract: src/shared/schemas/event-outcomes.ts):
 * projects presented and materials, the attendee room, the signing ceremony's running order,
 * outcomes and follow-ups into pipelines.
 */
import type {
  AttendeeList,
  EventMaterial,
  EventProject,
  EventProjectCreateInput,
  EventProjectsReply,
  EventProjectUpdateInput,
  FollowUp,
  FollowUpCreateInput,
  FromApplicationsReply,
  Outcomes,
  ProjectCandidate,
  Room,
  SessionRef,
  Signing,
  SigningCreateInput,
  SigningUpdateInput,
} from '../../shared/schemas/event-outcomes';
import { api, withQuery } from './api';
import { upload } from './directory';

export type {
  Attendee,
  AttendeeList,
  EventMaterial,
  EventProject,
  EventProjectsReply,
  FollowUp,
  Outcomes,
  ProjectCandidate,
  Room,
  RoomFile,
  RoomProject,
  SessionRef,
  Signing,
  Term,
} from '../../shared/schemas/event-outcomes';
export type { FollowUpSource, SigningStatus } from '../../domain/events/vocabularies';

const base = (communityId: string, eventId: string) => `/api/communities/${communityId}/events/${eventId}`;

/** Query keys: one prefix per event, so a write refreshes its projects, signings and outcomes at once. */
export const eventOutcomeKeys = {
  all: (eventId: string) => ['eventOutcomes', eventId] as const,
  projects: (eventId: string) => ['eventOutcomes', eventId, 'projects'] as const,
  sessions: (eventId: string) => ['eventOutcomes', eventId, 'sessions'] as const,
  candidates: (eventId: string, q: string) => ['eventOutcomes', eventId, 'candidates', q] as const,
  signings: (eventId: string) => ['eventOutcomes', eventId, 'signings'] as const,
  outcomes: (eventId: string) => ['eventOutcomes', eventId, 'outcomes'] as const,
  attendees: (eventId: string, q: string) => ['eventOutcomes', eventId, 'attendees', q] as const,
  room: (eventId: string) => ['eventOutcomes', eventId, 'room'] as const,
};

export const eventOutcomesApi = {
  projects: (c: string, e: string) => api.get<EventProjectsReply>(`${base(c, e)}/projects`),
  sessions: (c: string, e: string) => api.get<SessionRef[]>(`${base(c, e)}/session-options`),
  candidates: (c: string, e: string, q: string) => api.get<ProjectCandidate[]>(withQuery(`${base(c, e)}/project-candidates`, { q })),
  addProject: (c: string, e: string, body: EventProjectCreateInput) => api.post<EventProject>(`${base(c, e)}/projects`, body),
  updateProject: (c: string, e: string, projectId: string, body: EventProjectUpdateInput) => api.patch<EventProject>(`${base(c, e)}/projects/${projectId}`, body),
  reorderProjects: (c: string, e: string, projectIds: string[]) => api.post<EventProject[]>(`${base(c, e)}/projects/order`, { projectIds }),
  removeProject: (c: string, e: string, projectId: string) => api.delete<{ ok: true }>(`${base(c, e)}/projects/${projectId}`),
  fromApplications: (c: string, e: string) => api.post<FromApplicationsReply>(`${base(c, e)}/projects/from-applications`),
  uploadMaterial: (c: string, e: string, file: File, fields: { title?: string; projectId?: string }, csrfToken: string | null | undefined, language: string) =>
    upload<EventMaterial>(`${base(c, e)}/materials`, file, csrfToken, language, Object.fromEntries(Object.entries(fields).filter(([, v]) => v)) as Record<string, string>),
  removeMaterial: (c: string, e: string, materialId: string) => api.delete<{ ok: true }>(`${base(c, e)}/materials/${materialId}`),
  materialUrl: (c: string, e: string, materialId: string) => `${base(c, e)}/materials/${materialId}/file`,

  signings: (c: string, e: string) => api.get<Signing[]>(`${base(c, e)}/signings`),
  addSigning: (c: string, e: string, body: SigningCreateInput) => api.post<Signing>(`${base(c, e)}/signings`, body),
  updateSigning: (c: string, e: string, agreementId: string, body: SigningUpdateInput) => api.patch<Signing>(`${base(c, e)}/signings/${agreementId}`, body),
  reorderSignings: (c: string, e: string, agreementIds: string[]) => api.post<Signing[]>(`${base(c, e)}/signings/order`, { agreementIds }),
  removeSigning: (c: string, e: string, agreementId: string) => api.delete<{ ok: true }>(`${base(c, e)}/signings/${agreementId}`),
  signingsPdfUrl: (c: string, e: string) => `${base(c, e)}/signings.pdf`,

  outcomes: (c: string, e: string) => api.get<Outcomes>(`${base(c, e)}/outcomes`),
  attendees: (c: string, e: string, q: string) => api.get<AttendeeList>(withQuery(`${base(c, e)}/outcomes/attendees`, { q })),
  followUps: (c: string, e: string) => api.get<FollowUp[]>(`${base(c, e)}/follow-ups`),
  createFollowUp: (c: string, e: string, body: FollowUpCreateInput) => api.post<FollowUp>(`${base(c, e)}/follow-ups`, body),

  /** The attendee room: 404 for anyone who is not a confirmed attendee or an organiser. */
  room: (eventId: string) => api.get<Room>(`/api/public/events/${eventId}/room`, { noAuthRedirect: true }),
};
