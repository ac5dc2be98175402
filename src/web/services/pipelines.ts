/**
 * Typed calls to the 招商 pipelines API (contract: src/shared/schemas/pipelines.ts): pipelines
 * and their stages, items (kanban cards and table rows), moves, losses, activities, conversion
 * statistics and the signed-in user's reminders.
 */
import type { z } from 'zod';
import type {
  Activity,
  ActivityInput,
  Conversion,
  ItemCreateInput,
  ItemListQuery,
  ItemLoseInput,
  ItemMoveInput,
  ItemPage,
  ItemUpdateInput,
  Pipeline,
  PipelineCreateInput,
  PipelineItem,
  PipelineItemDetail,
  PipelineUpdateInput,
  Reminder,
  conversionQuery,
} from '../../shared/schemas/pipelines';
import type { MembersPage } from './types';
import { api, withQuery } from './api';

export type {
  Activity,
  ActivityInput,
  Conversion,
  ItemCreateInput,
  ItemEvent,
  ItemListQuery,
  ItemPage,
  ItemUpdateInput,
  Pipeline,
  PipelineCreateInput,
  PipelineItem,
  PipelineItemDetail,
  PipelineStage,
  PipelineUpdateInput,
  Reminder,
  StageInput,
  StageSummary,
} from '../../shared/schemas/pipelines';
export type ConversionQuery = z.input<typeof conversionQuery>;
/** The list query as the web app sends it (the schema's `limit` is coerced from a string). */
export type ItemQuery = Omit<ItemListQuery, 'limit'> & { limit?: number };

const base = (communityId: string) => `/api/communities/${communityId}`;

/** Query keys: everything of one community's pipelines shares a prefix, so a write can refresh it all. */
export const pipelineKeys = {
  all: (communityId: string) => ['pipelines', communityId] as const,
  list: (communityId: string) => ['pipelines', communityId, 'list'] as const,
  pipeline: (communityId: string, pipelineId: string) => ['pipelines', communityId, 'pipeline', pipelineId] as const,
  /** One kanban column (open items of a stage, in rank order, pages of 200). */
  columns: (communityId: string, pipelineId: string) => ['pipelines', communityId, 'column', pipelineId] as const,
  column: (communityId: string, pipelineId: string, stageId: string) => ['pipelines', communityId, 'column', pipelineId, stageId] as const,
  table: (communityId: string, pipelineId: string, query: ItemQuery) => ['pipelines', communityId, 'table', pipelineId, query] as const,
  item: (communityId: string, itemId: string) => ['pipelines', communityId, 'item', itemId] as const,
  activities: (communityId: string, itemId: string) => ['pipelines', communityId, 'activities', itemId] as const,
  conversion: (communityId: string, pipelineId: string, query: ConversionQuery) => ['pipelines', communityId, 'conversion', pipelineId, query] as const,
  members: (communityId: string) => ['pipelines', communityId, 'members'] as const,
  reminders: ['me', 'reminders'] as const,
};

export const pipelinesApi = {
  /** Every pipeline, archived ones too (last). */
  list: (communityId: string) => api.get<Pipeline[] | { items: Pipeline[] }>(`${base(communityId)}/pipelines?archived=true`).then((d) => (Array.isArray(d) ? d : d.items)),
  get: (communityId: string, pipelineId: string) => api.get<Pipeline>(`${base(communityId)}/pipelines/${pipelineId}`),
  create: (communityId: string, body: PipelineCreateInput) => api.post<Pipeline>(`${base(communityId)}/pipelines`, body),
  update: (communityId: string, pipelineId: string, body: PipelineUpdateInput) => api.patch<Pipeline>(`${base(communityId)}/pipelines/${pipelineId}`, body),

  items: (communityId: string, pipelineId: string, query: ItemQuery, signal?: AbortSignal) =>
    api.get<ItemPage>(withQuery(`${base(communityId)}/pipelines/${pipelineId}/items`, { ...query }), { signal }),
  createItem: (communityId: string, pipelineId: string, body: ItemCreateInput) => api.post<PipelineItemDetail>(`${base(communityId)}/pipelines/${pipelineId}/items`, body),
  item: (communityId: string, itemId: string) => api.get<PipelineItemDetail>(`${base(communityId)}/pipeline-items/${itemId}`),
  updateItem: (communityId: string, itemId: string, body: ItemUpdateInput) => api.patch<PipelineItemDetail>(`${base(communityId)}/pipeline-items/${itemId}`, body),
  move: (communityId: string, itemId: string, body: ItemMoveInput) => api.post<PipelineItem>(`${base(communityId)}/pipeline-items/${itemId}/move`, body),
  lose: (communityId: string, itemId: string, body: ItemLoseInput) => api.post<PipelineItem>(`${base(communityId)}/pipeline-items/${itemId}/lose`, body),
  reopen: (communityId: string, itemId: string, body: { version: number; note?: string }) => api.post<PipelineItem>(`${base(communityId)}/pipeline-items/${itemId}/reopen`, body),
  remove: (communityId: string, itemId: string) => api.delete<unknown>(`${base(communityId)}/pipeline-items/${itemId}`),

  activities: (communityId: string, itemId: string) =>
    api.get<Activity[] | { items: Activity[] }>(`${base(communityId)}/pipeline-items/${itemId}/activities`).then((d) => (Array.isArray(d) ? d : d.items)),
  addActivity: (communityId: string, itemId: string, body: ActivityInput) => api.post<Activity>(`${base(communityId)}/pipeline-items/${itemId}/activities`, body),

  conversion: (communityId: string, pipelineId: string, query: ConversionQuery) =>
    api.get<Conversion>(withQuery(`${base(communityId)}/pipelines/${pipelineId}/conversion`, { ...query })),

  reminders: () => api.get<Reminder[] | { items: Reminder[] }>('/api/me/reminders').then((d) => (Array.isArray(d) ? d : d.items)),
  /** The community's members, for the owner picker (the first 200 are plenty for a park's staff). */
  members: (communityId: string) => api.get<MembersPage>(withQuery(`${base(communityId)}/members`, { limit: 200 })),
};
