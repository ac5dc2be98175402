/**
 * `GET /api/search`: one box over organisations, people and projects. Facet parameters may
 * repeat (`segment=ivd&segment=mrna`); values within a facet are OR-ed, facets are AND-ed.
 * Results, totals and facet counts only ever include records the viewer may see.
 */
import { z } from 'zod';
import { ENTITY_TYPES } from '../../domain/directory';
import { idSchema } from './common';

/** A query parameter that may be given once or repeated; always an array after parsing. */
const many = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined ? undefined : [v].flat()), z.array(item).max(50).optional());
const code = z.string().regex(/^[a-z0-9_+-]{1,63}$/);

export const searchFilters = {
  q: z.string().trim().max(200).optional(),
  type: many(z.enum(ENTITY_TYPES)),
  /** Organisation kind (enterprise, investor …). */
  kind: many(code),
  segment: many(code),
  stage: many(code),
  /** Province name as stored (江苏省). */
  province: many(z.string().trim().min(1).max(40)),
  community: many(idSchema),
  qualification: many(code),
};

export const searchQuery = z.strictObject({
  ...searchFilters,
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(300).optional(),
});
export type SearchQuery = z.input<typeof searchQuery>;

export const searchHitSchema = z.object({
  entityType: z.enum(ENTITY_TYPES),
  entityId: idSchema,
  titleZh: z.string(),
  titleEn: z.string().nullable(),
  subtitle: z.string(),
  kind: z.string(),
  segments: z.array(z.string()),
  stage: z.string().nullable(),
  province: z.string().nullable(),
  city: z.string().nullable(),
  qualifications: z.array(z.string()),
  communityIds: z.array(idSchema),
  /** Relevance; null when listing without a query (sorted by name). */
  score: z.number().nullable(),
});
export type SearchHit = z.infer<typeof searchHitSchema>;

/** `label`: the community facet names each community (in the request's language); other facets are codes the web app names from the taxonomy. */
export const facetBucketSchema = z.object({ value: z.string(), count: z.number().int(), label: z.string().nullable() });
export const FACETS = ['type', 'kind', 'segment', 'stage', 'province', 'community', 'qualification'] as const;

export const searchResultSchema = z.object({
  items: z.array(searchHitSchema),
  nextCursor: z.string().nullable(),
  total: z.number().int(),
  /**
   * True when every matching record was considered. False when more records matched than one
   * request examines (SEARCH_MATCH_CAP in src/server/modules/search/service.ts): `total` is then a
   * lower bound, and items, pages and facet counts cover the first that many matches the
   * indexes yielded (not the best-ranked of all). Narrowing the query or a filter makes it exact.
   */
  complete: z.boolean(),
  /** For each facet, the values among the matching records and how many match each. */
  facets: z.object(Object.fromEntries(FACETS.map((f) => [f, z.array(facetBucketSchema)])) as Record<(typeof FACETS)[number], z.ZodArray<typeof facetBucketSchema>>),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

/** `GET /api/search/export`: the same filters, one record type, as a spreadsheet the import reads back. */
export const searchExportQuery = z.strictObject({
  ...searchFilters,
  type: z.enum(ENTITY_TYPES),
  format: z.enum(['xlsx', 'csv']).default('xlsx'),
});
