/**
 * Typed calls to the agreements API (contract: src/shared/schemas/agreements.ts): the list and
 * its filters, one agreement with its parties and files, writes, totals and the export.
 */
import type {
  AgreementCreateInput,
  AgreementDetail,
  AgreementFile,
  AgreementPage,
  AgreementQuery,
  AgreementTotalsReply,
  AgreementUpdateInput,
} from '../../shared/schemas/agreements';
import { api, withQuery } from './api';
import { upload } from './directory';

export type {
  Agreement,
  AgreementCreateInput,
  AgreementDetail,
  AgreementFile,
  AgreementPage,
  AgreementParty,
  AgreementPartyInput,
  AgreementTotalsReply,
  AgreementUpdateInput,
} from '../../shared/schemas/agreements';
export type { AgreementKind, AgreementStatus, PartyRole } from '../../domain/lifecycle/vocabularies';

/** The list query as the web app sends it (the schema's `limit` is coerced from a string). */
export type AgreementListQuery = Omit<AgreementQuery, 'limit'> & { limit?: number };
export interface TotalsParams {
  from?: string;
  to?: string;
  /** Comma-separated statuses; omitted: all but terminated. */
  status?: string;
}

const base = (communityId: string) => `/api/communities/${communityId}/agreements`;

/** Query keys: everything of one community's agreements shares a prefix, so a write can refresh it all. */
export const agreementKeys = {
  all: (communityId: string) => ['agreements', communityId] as const,
  list: (communityId: string, query: AgreementListQuery) => ['agreements', communityId, 'list', query] as const,
  detail: (communityId: string, id: string) => ['agreements', communityId, 'detail', id] as const,
  totals: (communityId: string, params: TotalsParams) => ['agreements', communityId, 'totals', params] as const,
};

export const agreementsApi = {
  list: (communityId: string, query: AgreementListQuery, cursor?: string | null) =>
    api.get<AgreementPage>(withQuery(base(communityId), { ...query, cursor: cursor ?? undefined })),
  get: (communityId: string, id: string) => api.get<AgreementDetail>(`${base(communityId)}/${id}`),
  create: (communityId: string, body: AgreementCreateInput) => api.post<AgreementDetail>(base(communityId), body),
  update: (communityId: string, id: string, body: AgreementUpdateInput) => api.patch<AgreementDetail>(`${base(communityId)}/${id}`, body),
  remove: (communityId: string, id: string) => api.delete<{ ok: true }>(`${base(communityId)}/${id}`),
  totals: (communityId: string, params: TotalsParams) => api.get<AgreementTotalsReply>(withQuery(`${base(communityId)}/totals`, { ...params })),
  removeFile: (communityId: string, id: string, fileId: string) => api.delete<{ ok: true }>(`${base(communityId)}/${id}/files/${fileId}`),
  fileUrl: (communityId: string, id: string, fileId: string) => `${base(communityId)}/${id}/files/${fileId}`,
  exportUrl: (communityId: string, params: TotalsParams) => withQuery(`${base(communityId)}/export.xlsx`, { ...params }),
  /** Multipart upload of one PDF (the directory's upload helper: CSRF token and language headers). */
  uploadFile: (communityId: string, id: string, file: File, csrfToken: string | null | undefined, language: string) =>
    upload<AgreementFile>(`${base(communityId)}/${id}/files`, file, csrfToken, language),
};
