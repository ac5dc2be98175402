/**
 * Typed calls to the registration API (contract: src/shared/schemas/registrations.ts): the
 * public event page and form, a registrant's own link, my registrations, and the organisers'
 * ticket types and registration list.
 */
import type {
  MyRegistration,
  PublicEvent,
  Registration,
  RegistrationCreateInput,
  RegistrationCreated,
  TicketType,
} from '../../shared/schemas/registrations';
import type { RegistrationStatus } from '../../domain/events/vocabularies';
import { api, withQuery } from './api';

export type { MyRegistration, PublicEvent, Registration, RegistrationCreateInput, RegistrationCreated, TicketType } from '../../shared/schemas/registrations';

export interface RegistrationPage {
  items: Registration[];
  nextCursor: string | null;
  counts: Record<RegistrationStatus, number>;
  total: number;
}
export interface RegistrationListQuery {
  status?: RegistrationStatus;
  ticketTypeId?: string;
  q?: string;
  limit?: number;
}
export interface TicketTypeInput {
  name: string;
  description?: string;
  capacity: number;
  isOpen?: boolean;
  position?: number;
}
export type TicketTypeUpdate = Partial<TicketTypeInput> & { version: number };
export interface ActionReply {
  registration: Registration;
  promoted: { id: string; name: string }[];
}

const managed = (communityId: string, eventId: string) => `/api/communities/${communityId}/events/${eventId}`;

export const registrationKeys = {
  publicEvent: (eventId: string, invite: string | null) => ['registrations', 'public', eventId, invite] as const,
  own: (token: string) => ['registrations', 'own', token] as const,
  mine: () => ['registrations', 'mine'] as const,
  event: (eventId: string) => ['registrations', 'event', eventId] as const,
  ticketTypes: (eventId: string) => ['registrations', 'event', eventId, 'ticket-types'] as const,
  list: (eventId: string, query: RegistrationListQuery) => ['registrations', 'event', eventId, 'list', query] as const,
};

export const registrationsApi = {
  publicEvent: (eventId: string, invite: string | null) =>
    api.get<PublicEvent>(withQuery(`/api/public/events/${eventId}`, { invite }), { noAuthRedirect: true }),
  register: (eventId: string, body: RegistrationCreateInput) => api.post<RegistrationCreated>(`/api/public/events/${eventId}/registrations`, body, { noAuthRedirect: true }),
  own: (token: string) => api.get<MyRegistration>(`/api/public/registrations/${encodeURIComponent(token)}`, { noAuthRedirect: true }),
  cancelOwn: (token: string) => api.post<{ status: RegistrationStatus }>(`/api/public/registrations/${encodeURIComponent(token)}/cancel`, undefined, { noAuthRedirect: true }),
  icsUrl: (token: string) => `/api/public/registrations/${encodeURIComponent(token)}/event.ics`,
  qrUrl: (token: string) => `/api/public/registrations/${encodeURIComponent(token)}/qr.svg`,
  mine: () => api.get<{ items: MyRegistration[] }>('/api/me/registrations'),

  ticketTypes: (communityId: string, eventId: string) => api.get<TicketType[]>(`${managed(communityId, eventId)}/ticket-types`),
  createTicketType: (communityId: string, eventId: string, body: TicketTypeInput) => api.post<TicketType>(`${managed(communityId, eventId)}/ticket-types`, body),
  updateTicketType: (communityId: string, eventId: string, id: string, body: TicketTypeUpdate) =>
    api.patch<TicketType & { promoted: number }>(`${managed(communityId, eventId)}/ticket-types/${id}`, body),
  removeTicketType: (communityId: string, eventId: string, id: string) => api.delete<{ ok: true }>(`${managed(communityId, eventId)}/ticket-types/${id}`),

  list: (communityId: string, eventId: string, query: RegistrationListQuery, cursor?: string | null) =>
    api.get<RegistrationPage>(withQuery(`${managed(communityId, eventId)}/registrations`, { ...query, cursor: cursor ?? undefined })),
  approve: (communityId: string, eventId: string, id: string, version: number) => api.post<ActionReply>(`${managed(communityId, eventId)}/registrations/${id}/approve`, { version }),
  decline: (communityId: string, eventId: string, id: string, version: number, reason?: string) =>
    api.post<ActionReply>(`${managed(communityId, eventId)}/registrations/${id}/decline`, { version, ...(reason ? { reason } : {}) }),
  cancel: (communityId: string, eventId: string, id: string, version: number) => api.post<ActionReply>(`${managed(communityId, eventId)}/registrations/${id}/cancel`, { version }),
};
