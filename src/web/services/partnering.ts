/**
 * Typed calls to the participants' side of partnering (contract: src/shared/schemas/partnering.ts):
 * the user's partnering events, an event's overview, the opt-in profile, browsing participants,
 * requests, the wish list and the personal agenda with its feedback.
 */
import type { z } from 'zod';
import type {
  Agenda,
  MyParticipant,
  ParticipantListItem,
  ParticipantProfileInput,
  PartneringOverview,
  PartneringRequest,
  feedbackInput,
  feedbackSchema,
  myPartneringEventSchema,
  participantPageSchema,
  participantPrefillSchema,
  requestPageSchema,
  wishListInput,
  wishListSchema,
} from '../../shared/schemas/partnering';
import type { PartneringPriority, PartneringSide, RequestStatus } from '../../domain/partnering/vocabularies';
import { api, request, withQuery } from './api';

export type {
  AgendaMeeting,
  MyParticipant,
  ParticipantCard,
  ParticipantListItem,
  ParticipantProfileInput,
  PartneringOverview,
  PartneringRequest,
  PartneringSlot,
  Agenda,
} from '../../shared/schemas/partnering';

export type MyPartneringEvent = z.infer<typeof myPartneringEventSchema>;
export type ParticipantPage = z.infer<typeof participantPageSchema>;
export type ParticipantPrefill = z.infer<typeof participantPrefillSchema>;
export type RequestPage = z.infer<typeof requestPageSchema>;
export type WishList = z.infer<typeof wishListSchema>;
export type WishListInput = z.input<typeof wishListInput>;
export type Feedback = z.infer<typeof feedbackSchema>;
export type FeedbackInput = z.input<typeof feedbackInput>;

export interface ParticipantFilters {
  q?: string;
  side?: PartneringSide;
  segment?: string;
  sort: 'match' | 'name';
}

export interface RequestFilters {
  box: 'incoming' | 'outgoing' | 'all';
  status?: RequestStatus;
}

const base = (eventId: string) => `/api/events/${eventId}/partnering`;

/** Query keys: everything of one event's partnering shares a prefix, so a write can refresh it all. */
export const partneringKeys = {
  all: ['partnering'] as const,
  mine: ['partnering', 'me'] as const,
  event: (eventId: string) => ['partnering', 'event', eventId] as const,
  overview: (eventId: string) => ['partnering', 'event', eventId, 'overview'] as const,
  prefill: (eventId: string) => ['partnering', 'event', eventId, 'prefill'] as const,
  participants: (eventId: string, filters: ParticipantFilters) => ['partnering', 'event', eventId, 'participants', filters] as const,
  participant: (eventId: string, participantId: string) => ['partnering', 'event', eventId, 'participant', participantId] as const,
  requests: (eventId: string, filters: RequestFilters) => ['partnering', 'event', eventId, 'requests', filters] as const,
  wishes: (eventId: string) => ['partnering', 'event', eventId, 'wishes'] as const,
  agenda: (eventId: string) => ['partnering', 'event', eventId, 'agenda'] as const,
};

export const partneringApi = {
  mine: () => api.get<{ items: MyPartneringEvent[] }>('/api/me/partnering'),
  overview: (eventId: string) => api.get<PartneringOverview>(base(eventId)),
  prefill: (eventId: string) => api.get<ParticipantPrefill>(`${base(eventId)}/me/prefill`),
  saveProfile: (eventId: string, body: ParticipantProfileInput) => request<MyParticipant>('PUT', `${base(eventId)}/me`, { body }),
  withdraw: (eventId: string, version: number) => api.post<MyParticipant>(`${base(eventId)}/me/withdraw`, { version }),

  participants: (eventId: string, filters: ParticipantFilters, cursor?: string) =>
    api.get<ParticipantPage>(withQuery(`${base(eventId)}/participants`, { ...filters, cursor, limit: 30 })),
  participant: (eventId: string, participantId: string) => api.get<ParticipantListItem>(`${base(eventId)}/participants/${participantId}`),

  requests: (eventId: string, filters: RequestFilters, cursor?: string) =>
    api.get<RequestPage>(withQuery(`${base(eventId)}/requests`, { ...filters, cursor, limit: 50 })),
  sendRequest: (eventId: string, body: { toParticipantId: string; priority: PartneringPriority; message: string }) =>
    api.post<PartneringRequest>(`${base(eventId)}/requests`, body),
  accept: (eventId: string, requestId: string, body: { version: number; priority?: PartneringPriority }) =>
    api.post<PartneringRequest>(`${base(eventId)}/requests/${requestId}/accept`, body),
  decline: (eventId: string, requestId: string, body: { version: number; reason?: string }) =>
    api.post<PartneringRequest>(`${base(eventId)}/requests/${requestId}/decline`, body),
  cancel: (eventId: string, requestId: string, body: { version: number; reason?: string }) =>
    api.post<PartneringRequest>(`${base(eventId)}/requests/${requestId}/cancel`, body),

  wishes: (eventId: string) => api.get<WishList>(`${base(eventId)}/wishes`),
  saveWishes: (eventId: string, body: WishListInput) => request<WishList>('PUT', `${base(eventId)}/wishes`, { body }),

  agenda: (eventId: string) => api.get<Agenda>(`${base(eventId)}/agenda`),
  icsUrl: (eventId: string) => `${base(eventId)}/agenda.ics`,
  pdfUrl: (eventId: string) => `${base(eventId)}/agenda.pdf`,
  saveFeedback: (eventId: string, meetingId: string, body: FeedbackInput) =>
    request<Feedback>('PUT', `${base(eventId)}/meetings/${meetingId}/feedback`, { body }),
};
