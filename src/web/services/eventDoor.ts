/**
 * Typed calls to the door API (contract: src/shared/schemas/event-door.ts): invitations,
 * check-in, the live attendance, the check-in log, and the export and badge addresses.
 */
import type {
  Attendance,
  BadgesQuery,
  CheckInLog,
  CheckInRefusal,
  CheckInSuccess,
  DoorPerson,
  Invitation,
  InvitationCreateInput,
  InvitationPage,
  Lookup,
} from '../../shared/schemas/event-door';
import { ApiError, api, withQuery } from './api';

export type {
  Attendance,
  BadgesQuery,
  CheckInLog,
  CheckInRefusal,
  CheckInSuccess,
  DoorPerson,
  Invitation,
  InvitationCreateInput,
  InvitationPage,
  InviteeInput,
  Lookup,
  TicketTypeRef,
} from '../../shared/schemas/event-door';

const base = (communityId: string, eventId: string) => `/api/communities/${communityId}/events/${eventId}`;

export const doorKeys = {
  all: (eventId: string) => ['event-door', eventId] as const,
  invitations: (eventId: string, query: Record<string, unknown>) => ['event-door', eventId, 'invitations', query] as const,
  attendance: (eventId: string) => ['event-door', eventId, 'attendance'] as const,
  log: (eventId: string, q: string) => ['event-door', eventId, 'log', q] as const,
  lookup: (eventId: string, q: string) => ['event-door', eventId, 'lookup', q] as const,
};

/** What the door shows after a scan: the success, or the refusal with who it was (when known). */
export type CheckInOutcome =
  | { kind: 'checked_in'; person: DoorPerson }
  | { kind: 'already_checked_in' | 'not_confirmed'; person: DoorPerson | null; message: string }
  | { kind: 'unknown_code'; message: string };

/**
 * The check-in call needs the refusal's body (who, when, by whom), which the generic client
 * drops, so it makes its own request with the session's CSRF token, like the uploads do.
 */
export async function checkIn(communityId: string, eventId: string, code: string, csrfToken: string | null | undefined, language: string): Promise<CheckInOutcome> {
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language, 'Content-Type': 'application/json' };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`${base(communityId, eventId)}/check-ins`, { method: 'POST', headers, credentials: 'same-origin', body: JSON.stringify({ code }) });
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause));
  }
  let data: unknown = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  if (response.ok) return { kind: 'checked_in', person: (data as CheckInSuccess).registration };
  const refusal = data as CheckInRefusal | null;
  if (refusal?.result === 'unknown_code') return { kind: 'unknown_code', message: refusal.error.message };
  if (refusal?.result === 'already_checked_in' || refusal?.result === 'not_confirmed') return { kind: refusal.result, person: refusal.registration ?? null, message: refusal.error.message };
  if (refusal?.error) throw new ApiError(response.status, refusal.error.code, refusal.error.message, refusal.error.fields, refusal.error.requestId);
  throw new ApiError(response.status, response.status >= 500 ? 'internal_error' : 'bad_request', response.statusText);
}

export const eventDoorApi = {
  invitations: (communityId: string, eventId: string, query: { status?: string; q?: string; limit?: number }, cursor?: string | null) =>
    api.get<InvitationPage>(withQuery(`${base(communityId, eventId)}/invitations`, { ...query, cursor: cursor ?? undefined })),
  invite: (communityId: string, eventId: string, body: InvitationCreateInput) => api.post<{ items: Invitation[] }>(`${base(communityId, eventId)}/invitations`, body),
  resend: (communityId: string, eventId: string, id: string) => api.post<Invitation>(`${base(communityId, eventId)}/invitations/${id}/resend`),
  revoke: (communityId: string, eventId: string, id: string) => api.post<Invitation>(`${base(communityId, eventId)}/invitations/${id}/revoke`),
  attendance: (communityId: string, eventId: string) => api.get<Attendance>(`${base(communityId, eventId)}/attendance`),
  log: (communityId: string, eventId: string, q: string, cursor?: string | null) =>
    api.get<CheckInLog>(withQuery(`${base(communityId, eventId)}/check-ins`, { q, cursor: cursor ?? undefined, limit: 50 })),
  lookup: (communityId: string, eventId: string, q: string) => api.get<Lookup>(withQuery(`${base(communityId, eventId)}/check-ins/lookup`, { q })),
  undo: (communityId: string, eventId: string, registrationId: string) => api.delete<DoorPerson>(`${base(communityId, eventId)}/check-ins/${registrationId}`),
  exportUrl: (communityId: string, eventId: string) => `${base(communityId, eventId)}/attendees.xlsx`,
  badgesUrl: (communityId: string, eventId: string, query: BadgesQuery) => withQuery(`${base(communityId, eventId)}/badges.pdf`, { ...query }),
};

/**
 * Downloads a generated file (the workbook, the badges) through fetch rather than a plain link,
 * so a refusal (nothing to print, too many badges) shows as a message instead of a JSON page.
 */
export async function download(url: string, language: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: 'same-origin', headers: { 'Accept-Language': language } });
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause));
  }
  if (!response.ok) {
    const data = (await response.json().catch(() => null)) as { error?: { code: string; message: string; fields?: Record<string, string>; requestId?: string } } | null;
    if (data?.error) throw new ApiError(response.status, data.error.code, data.error.message, data.error.fields, data.error.requestId);
    throw new ApiError(response.status, response.status >= 500 ? 'internal_error' : 'bad_request', response.statusText);
  }
  const disposition = response.headers.get('content-disposition') ?? '';
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const filename = encoded ? decodeURIComponent(encoded) : fallbackName;
  const blob = await response.blob();
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 10_000);
}
