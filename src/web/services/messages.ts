/**
 * Typed calls to the message logs (contract: src/shared/schemas/messages.ts): the platform's
 * outbox with its filters, preview and retry; one event's messages and their preview.
 */
import type { EmailPreview, EventMessagePage, OutboxPage, OutboxStatus } from '../../shared/schemas/messages';
import { api, withQuery } from './api';

export type { EmailPreview, EventMessage, EventMessagePage, OutboxMessage, OutboxPage, OutboxStatus } from '../../shared/schemas/messages';
export { EMAIL_TEMPLATE_NAMES, EVENT_EMAIL_TEMPLATE_NAMES, OUTBOX_STATUSES } from '../../shared/schemas/messages';

export interface MessageFilters {
  status?: OutboxStatus;
  template?: string;
  /** Platform log only. */
  recipient?: string;
}

const eventBase = (communityId: string, eventId: string) => `/api/communities/${communityId}/events/${eventId}/messages`;

export const messageKeys = {
  outbox: (filters: MessageFilters) => ['outbox', filters] as const,
  outboxAll: ['outbox'] as const,
  eventAll: (eventId: string) => ['event-messages', eventId] as const,
  event: (eventId: string, filters: MessageFilters) => ['event-messages', eventId, filters] as const,
};

export const messagesApi = {
  outbox: (filters: MessageFilters, cursor?: string) => api.get<OutboxPage>(withQuery('/api/admin/outbox', { limit: 50, ...filters, cursor })),
  outboxPreview: (id: number) => api.get<EmailPreview>(`/api/admin/outbox/${id}/preview`),
  retry: (id: number) => api.post<{ ok: true }>(`/api/admin/outbox/${id}/retry`),
  eventMessages: (communityId: string, eventId: string, filters: MessageFilters, cursor?: string) =>
    api.get<EventMessagePage>(withQuery(eventBase(communityId, eventId), { limit: 50, status: filters.status, template: filters.template, cursor })),
  eventPreview: (communityId: string, eventId: string, id: number) => api.get<EmailPreview>(`${eventBase(communityId, eventId)}/${id}/preview`),
};
