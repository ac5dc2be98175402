/**
 * Typed calls to the organisers' partnering API (contract: src/shared/schemas/partnering.ts,
 * "organisers' side"): settings, slots, locations, participants, meetings, scheduler runs,
 * the draft and published schedule, publishing and statistics.
 */
import type { z } from 'zod';
import type {
  locationBulkInput,
  locationCreateInput,
  locationListSchema,
  locationUpdateInput,
  meetingCreateInput,
  meetingUpdateInput,
  orgLocationSchema,
  orgParticipantPageSchema,
  orgParticipantSchema,
  orgParticipantUpdateInput,
  orgSlotSchema,
  publishResultSchema,
  runListSchema,
  runOptionsInput,
  runSummarySchema,
  settingsInput,
  slotCreateInput,
  slotGenerateInput,
  slotListSchema,
} from '../../shared/schemas/partnering';
import type { OrgMeeting, PartneringRun, PartneringSchedule, PartneringSettings, PartneringStats } from '../../shared/schemas/partnering';
import type { PartneringSide, ParticipantStatus } from '../../domain/partnering/vocabularies';
import { api, request, withQuery } from './api';

export type { OrgMeeting, PartneringRun, PartneringSchedule, PartneringSettings, PartneringStats, PartneringSlot } from '../../shared/schemas/partnering';

export type SettingsInput = z.input<typeof settingsInput>;
export type OrgSlot = z.infer<typeof orgSlotSchema>;
export type SlotList = z.infer<typeof slotListSchema>;
export type SlotGenerateInput = z.input<typeof slotGenerateInput>;
export type SlotCreateInput = z.input<typeof slotCreateInput>;
export type OrgLocation = z.infer<typeof orgLocationSchema>;
export type LocationList = z.infer<typeof locationListSchema>;
export type LocationCreateInput = z.input<typeof locationCreateInput>;
export type LocationBulkInput = z.input<typeof locationBulkInput>;
export type LocationUpdateInput = z.input<typeof locationUpdateInput>;
export type OrgParticipant = z.infer<typeof orgParticipantSchema>;
export type OrgParticipantPage = z.infer<typeof orgParticipantPageSchema>;
export type OrgParticipantUpdateInput = z.input<typeof orgParticipantUpdateInput>;
export type MeetingCreateInput = z.input<typeof meetingCreateInput>;
export type MeetingUpdateInput = z.input<typeof meetingUpdateInput>;
export type RunOptionsInput = z.input<typeof runOptionsInput>;
export type RunSummary = z.infer<typeof runSummarySchema>;
export type RunList = z.infer<typeof runListSchema>;
export type PublishResult = z.infer<typeof publishResultSchema>;

export interface OrgParticipantQuery {
  q?: string;
  side?: PartneringSide;
  status?: ParticipantStatus;
  limit?: number;
  cursor?: string | null;
}

export interface ScheduleQuery {
  view: 'draft' | 'published';
  day?: string | null;
  participantId?: string | null;
}

const base = (communityId: string, eventId: string) => `/api/communities/${communityId}/events/${eventId}/partnering`;

/** Query keys: everything of one event's partnering shares a prefix, so a write can refresh it all. */
export const partneringOrgKeys = {
  event: (eventId: string) => ['partnering-org', eventId] as const,
  settings: (eventId: string) => ['partnering-org', eventId, 'settings'] as const,
  slots: (eventId: string) => ['partnering-org', eventId, 'slots'] as const,
  locations: (eventId: string) => ['partnering-org', eventId, 'locations'] as const,
  participants: (eventId: string, query: Omit<OrgParticipantQuery, 'cursor'>) => ['partnering-org', eventId, 'participants', 'pick', query] as const,
  participantTable: (eventId: string, query: Omit<OrgParticipantQuery, 'cursor'>) => ['partnering-org', eventId, 'participants', 'table', query] as const,
  schedule: (eventId: string, query: ScheduleQuery) => ['partnering-org', eventId, 'schedule', query] as const,
  runs: (eventId: string) => ['partnering-org', eventId, 'runs'] as const,
  stats: (eventId: string) => ['partnering-org', eventId, 'stats'] as const,
};

export const partneringOrgApi = {
  settings: (communityId: string, eventId: string) => api.get<PartneringSettings>(`${base(communityId, eventId)}/settings`),
  saveSettings: (communityId: string, eventId: string, body: SettingsInput) => request<PartneringSettings>('PUT', `${base(communityId, eventId)}/settings`, { body }),

  slots: (communityId: string, eventId: string) => api.get<SlotList>(`${base(communityId, eventId)}/slots`),
  generateSlots: (communityId: string, eventId: string, body: SlotGenerateInput) => api.post<SlotList>(`${base(communityId, eventId)}/slots/generate`, body),
  createSlot: (communityId: string, eventId: string, body: SlotCreateInput) => api.post<OrgSlot>(`${base(communityId, eventId)}/slots`, body),
  deleteSlot: (communityId: string, eventId: string, slotId: string) => api.delete<unknown>(`${base(communityId, eventId)}/slots/${slotId}`),

  locations: (communityId: string, eventId: string) => api.get<LocationList>(`${base(communityId, eventId)}/locations`),
  createLocation: (communityId: string, eventId: string, body: LocationCreateInput) => api.post<OrgLocation>(`${base(communityId, eventId)}/locations`, body),
  bulkLocations: (communityId: string, eventId: string, body: LocationBulkInput) => api.post<LocationList>(`${base(communityId, eventId)}/locations/bulk`, body),
  updateLocation: (communityId: string, eventId: string, locationId: string, body: LocationUpdateInput) =>
    api.patch<OrgLocation>(`${base(communityId, eventId)}/locations/${locationId}`, body),
  deleteLocation: (communityId: string, eventId: string, locationId: string) => api.delete<unknown>(`${base(communityId, eventId)}/locations/${locationId}`),

  participants: (communityId: string, eventId: string, query: OrgParticipantQuery) =>
    api.get<OrgParticipantPage>(withQuery(`${base(communityId, eventId)}/participants`, { ...query })),
  updateParticipant: (communityId: string, eventId: string, participantId: string, body: OrgParticipantUpdateInput) =>
    api.patch<OrgParticipant>(`${base(communityId, eventId)}/participants/${participantId}`, body),

  createMeeting: (communityId: string, eventId: string, body: MeetingCreateInput) => api.post<OrgMeeting>(`${base(communityId, eventId)}/meetings`, body),
  updateMeeting: (communityId: string, eventId: string, meetingId: string, body: MeetingUpdateInput) =>
    api.patch<OrgMeeting>(`${base(communityId, eventId)}/meetings/${meetingId}`, body),

  run: (communityId: string, eventId: string, body: RunOptionsInput) => api.post<PartneringRun>(`${base(communityId, eventId)}/runs`, body),
  runs: (communityId: string, eventId: string) => api.get<RunList>(`${base(communityId, eventId)}/runs`),

  schedule: (communityId: string, eventId: string, query: ScheduleQuery) =>
    api.get<PartneringSchedule>(withQuery(`${base(communityId, eventId)}/schedule`, { view: query.view, day: query.day, participantId: query.participantId })),
  publish: (communityId: string, eventId: string, scheduleVersion: number) => api.post<PublishResult>(`${base(communityId, eventId)}/schedule/publish`, { scheduleVersion }),

  stats: (communityId: string, eventId: string) => api.get<PartneringStats>(`${base(communityId, eventId)}/stats`),
};
