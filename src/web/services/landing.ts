/**
 * Typed calls to the landing and incubation API: zones, landings, incubation records and
 * resident companies' yearly figures.
 */
import type { EntityRef } from '../../shared/schemas/directory';
import type {
  CompanyFigures,
  Figures,
  FiguresInput,
  FiguresTable,
  Incubation,
  IncubationCreateInput,
  IncubationList,
  IncubationUpdateInput,
  Landing,
  LandingCreated,
  LandingCreateInput,
  LandingList,
  LandingUpdateInput,
  Zone,
  ZoneCreateInput,
  ZoneUpdateInput,
} from '../../shared/schemas/landing';
import type { PipelineItemDetail } from '../../shared/schemas/pipelines';
import { api, request, withQuery } from './api';

export type {
  CompanyFigures,
  Figures,
  FiguresTable,
  Incubation,
  IncubationList,
  Landing,
  LandingCreated,
  LandingList,
  Zone,
} from '../../shared/schemas/landing';

type Ok = { ok: true };
export interface LandingListQuery {
  zoneId?: string;
  year?: number;
  q?: string;
}
export interface IncubationListQuery {
  status?: Incubation['status'];
  batch?: string;
}
const base = (communityId: string) => `/api/communities/${communityId}`;

export const landingKeys = {
  all: (communityId: string) => ['landing', communityId] as const,
  zones: (communityId: string) => ['landing', communityId, 'zones'] as const,
  landings: (communityId: string, query: LandingListQuery) => ['landing', communityId, 'landings', query] as const,
  incubation: (communityId: string, query: IncubationListQuery) => ['landing', communityId, 'incubation', query] as const,
  figuresTable: (communityId: string, year: number) => ['landing', communityId, 'figures', year] as const,
  company: (communityId: string, organisationId: string) => ['landing', communityId, 'company', organisationId] as const,
  mine: (communityId: string) => ['landing', communityId, 'mine'] as const,
};

export const landingApi = {
  zones: (communityId: string) => api.get<Zone[]>(`${base(communityId)}/zones`),
  createZone: (communityId: string, body: ZoneCreateInput) => api.post<Zone>(`${base(communityId)}/zones`, body),
  updateZone: (communityId: string, zoneId: string, body: ZoneUpdateInput) => api.patch<Zone>(`${base(communityId)}/zones/${zoneId}`, body),
  deleteZone: (communityId: string, zoneId: string) => api.delete<Ok>(`${base(communityId)}/zones/${zoneId}`),

  landings: (communityId: string, query: LandingListQuery) => api.get<LandingList>(withQuery(`${base(communityId)}/landings`, { ...query })),
  landing: (communityId: string, landingId: string) => api.get<Landing>(`${base(communityId)}/landings/${landingId}`),
  createLanding: (communityId: string, body: LandingCreateInput) => api.post<LandingCreated>(`${base(communityId)}/landings`, body),
  updateLanding: (communityId: string, landingId: string, body: LandingUpdateInput) => api.patch<Landing>(`${base(communityId)}/landings/${landingId}`, body),
  deleteLanding: (communityId: string, landingId: string) => api.delete<Ok>(`${base(communityId)}/landings/${landingId}`),

  incubation: (communityId: string, query: IncubationListQuery) => api.get<IncubationList>(withQuery(`${base(communityId)}/incubation`, { ...query })),
  createIncubation: (communityId: string, body: IncubationCreateInput) => api.post<Incubation>(`${base(communityId)}/incubation`, body),
  updateIncubation: (communityId: string, id: string, body: IncubationUpdateInput) => api.patch<Incubation>(`${base(communityId)}/incubation/${id}`, body),

  figuresTable: (communityId: string, year: number) => api.get<FiguresTable>(withQuery(`${base(communityId)}/figures`, { year })),
  companyFigures: (communityId: string, organisationId: string) => api.get<CompanyFigures>(`${base(communityId)}/companies/${organisationId}/figures`),
  putFigures: (communityId: string, organisationId: string, year: number, body: FiguresInput) =>
    request<Figures>('PUT', `${base(communityId)}/companies/${organisationId}/figures/${year}`, { body }),
  myCompanies: (communityId: string) => api.get<EntityRef[]>(`${base(communityId)}/companies/mine`),

  /** The pipeline item a landing is recorded from (the pipelines API). */
  pipelineItem: (communityId: string, itemId: string) => api.get<PipelineItemDetail>(`${base(communityId)}/pipeline-items/${itemId}`),
};
