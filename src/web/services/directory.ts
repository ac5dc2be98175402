/**
 * Typed calls to the directory, search, community-notes and import APIs. JSON goes through the
 * shared fetch wrapper (services/api.ts); uploads (logo, attachments, import files) are
 * multipart, which the wrapper does not send, so `upload` below mirrors its headers and errors.
 */
import type { z } from 'zod';
import type {
  Affiliation,
  Annotation,
  Attachment,
  Link,
  Note,
  Organisation,
  OrganisationCreateInput,
  OrganisationDetail,
  OrganisationUpdateInput,
  Person,
  PersonCreateInput,
  PersonDetail,
  Project,
  ProjectCreateInput,
  ProjectDetail,
  TaxonomyTerm,
  affiliationInput,
  linkInput,
  personUpdateInput,
  projectUpdateInput,
} from '../../shared/schemas/directory';
import type { SearchResult } from '../../shared/schemas/search';
import type { ImportJob, ImportPreview } from '../../shared/schemas/transfer';
import type { EntityType } from '../../domain/directory';
import { api, ApiError, request, withQuery } from './api';
import type { AuditPage, Ok } from './types';

export type {
  Affiliation,
  Annotation,
  Attachment,
  EntityRef,
  Link,
  Note,
  Organisation,
  OrganisationDetail,
  Person,
  PersonDetail,
  Project,
  ProjectDetail,
  ProjectSummary,
  TaxonomyTerm,
} from '../../shared/schemas/directory';
export type { SearchHit, SearchResult } from '../../shared/schemas/search';
export type { ImportJob, ImportPreview, ImportRow, ImportProblem } from '../../shared/schemas/transfer';

export type PersonUpdateInput = z.input<typeof personUpdateInput>;
export type ProjectUpdateInput = z.input<typeof projectUpdateInput>;
export type LinkInput = z.input<typeof linkInput>;
export type AffiliationInput = z.input<typeof affiliationInput>;

/** The search filters as the URL and the API carry them: every facet may hold several values. */
export interface SearchFilters {
  q?: string;
  type?: EntityType[];
  kind?: string[];
  segment?: string[];
  stage?: string[];
  province?: string[];
  community?: string[];
  qualification?: string[];
}

export const FILTER_FACETS = ['kind', 'segment', 'stage', 'province', 'community', 'qualification'] as const;
export type FilterFacet = (typeof FILTER_FACETS)[number];

/** Query string of a search: repeated parameters for multi-valued facets, as the API reads them. */
export function searchParams(filters: SearchFilters, extra: Record<string, string | number | undefined> = {}): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q) params.set('q', filters.q);
  for (const t of filters.type ?? []) params.append('type', t);
  for (const facet of FILTER_FACETS) for (const v of filters[facet] ?? []) params.append(facet, v);
  for (const [k, v] of Object.entries(extra)) if (v !== undefined && v !== '') params.set(k, String(v));
  return params;
}

export function searchUrl(filters: SearchFilters, extra: Record<string, string | number | undefined> = {}): string {
  const qs = searchParams(filters, extra).toString();
  return qs ? `/api/search?${qs}` : '/api/search';
}

/** The address of a spreadsheet of the current search for one record type (a plain download). */
export function exportUrl(filters: SearchFilters, type: EntityType, format: 'xlsx' | 'csv'): string {
  return `/api/search/export?${searchParams({ ...filters, type: undefined }, { type, format }).toString()}`;
}

export const fileUrl = (fileId: string) => `/api/files/${fileId}`;

const ORG = '/api/directory/organisations';
const PEOPLE = '/api/directory/people';
const PROJECTS = '/api/directory/projects';

/** Query keys: one prefix per record so a write can refresh everything that shows it. */
export const directoryKeys = {
  taxonomy: ['taxonomy'] as const,
  search: (filters: SearchFilters) => ['search', filters] as const,
  record: (type: EntityType, id: string) => ['directory', type, id] as const,
  activity: (type: EntityType, id: string) => ['directory-activity', type, id] as const,
  notes: (communityId: string, type: EntityType, id: string) => ['notes', communityId, type, id] as const,
  annotation: (communityId: string, type: EntityType, id: string) => ['annotation', communityId, type, id] as const,
  tags: (communityId: string) => ['community-tags', communityId] as const,
  imports: (communityId: string) => ['imports', communityId] as const,
};

/** `GET /api/taxonomy` answers the terms as a list; tolerate a `{ items }` or per-taxonomy object too. */
export async function fetchTaxonomy(): Promise<TaxonomyTerm[]> {
  const data = await api.get<TaxonomyTerm[] | { items: TaxonomyTerm[] } | Record<string, TaxonomyTerm[]>>('/api/taxonomy');
  if (Array.isArray(data)) return data;
  if ('items' in data && Array.isArray(data.items)) return data.items;
  return Object.values(data as Record<string, TaxonomyTerm[]>).flat();
}

export const directoryApi = {
  search: (filters: SearchFilters, cursor?: string, limit = 20) => api.get<SearchResult>(searchUrl(filters, { cursor, limit })),

  organisation: (id: string) => api.get<OrganisationDetail>(`${ORG}/${id}`),
  createOrganisation: (body: OrganisationCreateInput) => api.post<Organisation>(ORG, body),
  updateOrganisation: (id: string, body: OrganisationUpdateInput) => api.patch<Organisation>(`${ORG}/${id}`, body),
  deleteOrganisation: (id: string) => api.delete<Ok>(`${ORG}/${id}`),
  addRepresentative: (id: string, email: string) => api.post<unknown>(`${ORG}/${id}/representatives`, { email }),
  removeRepresentative: (id: string, userId: string) => api.delete<Ok>(`${ORG}/${id}/representatives/${userId}`),

  person: (id: string) => api.get<PersonDetail>(`${PEOPLE}/${id}`),
  createPerson: (body: PersonCreateInput) => api.post<Person>(PEOPLE, body),
  updatePerson: (id: string, body: PersonUpdateInput) => api.patch<Person>(`${PEOPLE}/${id}`, body),
  deletePerson: (id: string) => api.delete<Ok>(`${PEOPLE}/${id}`),
  addAffiliation: (id: string, body: AffiliationInput) => api.post<Affiliation>(`${PEOPLE}/${id}/affiliations`, body),
  removeAffiliation: (id: string, affiliationId: string) => api.delete<Ok>(`${PEOPLE}/${id}/affiliations/${affiliationId}`),
  personExportUrl: (id: string) => `${PEOPLE}/${id}/export`,
  erasePerson: (id: string) => api.post<unknown>(`${PEOPLE}/${id}/erase`),

  project: (id: string) => api.get<ProjectDetail>(`${PROJECTS}/${id}`),
  createProject: (body: ProjectCreateInput) => api.post<Project>(PROJECTS, body),
  updateProject: (id: string, body: ProjectUpdateInput) => api.patch<Project>(`${PROJECTS}/${id}`, body),
  deleteProject: (id: string) => api.delete<Ok>(`${PROJECTS}/${id}`),
  removeAttachment: (id: string, attachmentId: string) => api.delete<Ok>(`${PROJECTS}/${id}/attachments/${attachmentId}`),

  createLink: (body: LinkInput) => api.post<Link>('/api/directory/links', body),
  deleteLink: (id: string) => api.delete<Ok>(`/api/directory/links/${id}`),

  activity: (type: EntityType, id: string, cursor?: string) => api.get<AuditPage>(withQuery(`/api/directory/${type}/${id}/activity`, { cursor, limit: 30 })),

  notes: (communityId: string, entityType: EntityType, entityId: string) =>
    api.get<Note[] | { items: Note[] }>(withQuery(`/api/communities/${communityId}/notes`, { entityType, entityId })).then((d) => (Array.isArray(d) ? d : d.items)),
  addNote: (communityId: string, entityType: EntityType, entityId: string, body: string) =>
    api.post<Note>(`/api/communities/${communityId}/notes`, { entityType, entityId, body }),
  updateNote: (communityId: string, noteId: string, body: string) => api.patch<Note>(`/api/communities/${communityId}/notes/${noteId}`, { body }),
  deleteNote: (communityId: string, noteId: string) => api.delete<Ok>(`/api/communities/${communityId}/notes/${noteId}`),
  annotation: (communityId: string, entityType: EntityType, entityId: string) =>
    api.get<Annotation>(withQuery(`/api/communities/${communityId}/annotations`, { entityType, entityId })),
  saveAnnotation: (communityId: string, body: { entityType: EntityType; entityId: string; tags: string[]; rating: number | null }) =>
    request<Annotation>('PUT', `/api/communities/${communityId}/annotations`, { body }),
  tags: (communityId: string) =>
    api.get<string[] | { items: string[] } | { tag: string; count: number }[]>(`/api/communities/${communityId}/tags`).then(tagNames),

  imports: (communityId: string) => api.get<ImportJob[] | { items: ImportJob[] }>(`/api/communities/${communityId}/imports`).then((d) => (Array.isArray(d) ? d : d.items)),
  importJob: (communityId: string, importId: string) => api.get<ImportJob>(`/api/communities/${communityId}/imports/${importId}`),
  mapImport: (communityId: string, importId: string, mapping: Record<string, string | null>, duplicateStrategy: 'update' | 'skip') =>
    request<ImportPreview>('PUT', `/api/communities/${communityId}/imports/${importId}`, { body: { mapping, duplicateStrategy } }),
  importRows: (communityId: string, importId: string, offset: number, limit: number, onlyProblems: boolean) =>
    api.get<ImportPreview>(withQuery(`/api/communities/${communityId}/imports/${importId}/rows`, { offset, limit, onlyProblems: onlyProblems ? 'true' : undefined })),
  commitImport: (communityId: string, importId: string) => api.post<ImportJob>(`/api/communities/${communityId}/imports/${importId}/commit`),
};

function tagNames(data: string[] | { items: string[] } | { tag: string; count: number }[]): string[] {
  const list = Array.isArray(data) ? data : data.items;
  return list.map((x) => (typeof x === 'string' ? x : x.tag));
}

function isErrorBody(value: unknown): value is { error: { code: string; message: string; fields?: Record<string, string>; requestId?: string } } {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && 'code' in error && 'message' in error;
}

/**
 * A multipart POST: `fields` first (the import reads `entityType` before the file), then the file.
 * The CSRF token comes from the session the caller holds.
 */
export async function upload<T>(path: string, file: File, csrfToken: string | null | undefined, language: string, fields: Record<string, string> = {}): Promise<T> {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.append(k, v);
  form.append('file', file, file.name);
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': language };
  if (csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: form });
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause));
  }
  const text = await response.text();
  let data: unknown = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  if (!response.ok) {
    if (isErrorBody(data)) throw new ApiError(response.status, data.error.code, data.error.message, data.error.fields, data.error.requestId);
    throw new ApiError(response.status, response.status >= 500 ? 'internal_error' : 'bad_request', response.statusText);
  }
  return data as T;
}

export const uploads = {
  logo: (id: string, file: File, csrf: string | null | undefined, lang: string) => upload<Organisation>(`${ORG}/${id}/logo`, file, csrf, lang),
  attachment: (id: string, file: File, kind: 'pitch_deck' | 'other', csrf: string | null | undefined, lang: string) =>
    upload<Attachment>(`${PROJECTS}/${id}/attachments`, file, csrf, lang, { kind }),
  importFile: (communityId: string, entityType: EntityType, file: File, csrf: string | null | undefined, lang: string) =>
    upload<ImportJob>(`/api/communities/${communityId}/imports`, file, csrf, lang, { entityType }),
};

/** The file name a response offers (`filename*=UTF-8''…` first, then `filename="…"`). */
function offeredName(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (star) {
    try {
      return decodeURIComponent(star);
    } catch {
      return fallback;
    }
  }
  return /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? fallback;
}

/**
 * Downloads a file through fetch rather than a plain link, so the request carries the UI
 * language (an export's headers follow it) and a refusal shows as a message, not as a page of JSON.
 */
export async function download(path: string, language: string, fallbackName: string): Promise<void> {
  let response: Response;
  try {
    response = await fetch(path, { headers: { 'Accept-Language': language }, credentials: 'same-origin' });
  } catch (cause) {
    throw new ApiError(0, 'network_error', cause instanceof Error ? cause.message : String(cause));
  }
  if (!response.ok) {
    let data: unknown = null;
    try {
      data = await response.json();
    } catch {
      data = null;
    }
    if (isErrorBody(data)) throw new ApiError(response.status, data.error.code, data.error.message, data.error.fields, data.error.requestId);
    throw new ApiError(response.status, response.status >= 500 ? 'internal_error' : 'bad_request', response.statusText);
  }
  const blob = await response.blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = offeredName(response.headers.get('content-disposition'), fallbackName);
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoke later: some browsers read the object URL after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
