import { z } from 'zod';
import type { EntityType } from '../../../domain/directory';
import { parseSearch } from '../../../domain/search-query';
import { synonymGroups } from '../../../domain/thesaurus/expand';
import type { facetBucketSchema, SearchHit, SearchResult, searchFilters, searchQuery } from '../../../shared/schemas/search';
import type { Executor } from '../../db/client';
import type { RequestContext } from '../../http/context';
import { requireUser } from '../../http/context';
import { AppError } from '../../http/errors';
import { decodeCursor, encodeCursor } from '../../http/pagination';
import { loadThesaurus } from '../thesaurus/load';
import * as q from './queries';

/**
 * How many matching records one request examines. A broad word (生物医药) matches a third of a
 * 300k-record directory; ranking and counting all of them seven ways would cost ten times the
 * latency budget. Past this many, the answer covers the first SEARCH_MATCH_CAP matches the
 * indexes yield and says `complete: false`.
 */
export const SEARCH_MATCH_CAP = 500;
/**
 * The same for a listing without a query: no text is matched, so counting is cheap and most
 * communities' whole directories get exact counts (measured at 350k records on PostgreSQL:
 * 12 ms p50 for 2,000 against 6 ms for 500).
 */
export const LISTING_COUNT_CAP = 2000;
/**
 * Fewer strict matches than this and the search also tries trigram similarity (typos): only
 * when the words found nothing, because trigram lookups of a long name are the costliest part.
 */
export const FUZZY_BELOW = 1;
/** Buckets returned per facet (most frequent first). */
const MAX_BUCKETS = 100;
/** Ids per batch handed to the export. */
const EXPORT_BATCH = 500;
/** The most records one export writes (ids held in memory: a few megabytes). */
export const EXPORT_MATCH_CAP = 100_000;

type SearchQueryInput = z.output<typeof searchQuery>;
export type SearchFilters = z.output<z.ZodObject<typeof searchFilters>>;

/** A relevance page ends at (score, id); a listing page at (sort name, id). */
const cursorSchema = z.union([z.strictObject({ s: z.number(), id: z.uuid() }), z.strictObject({ n: z.string().max(2000), id: z.uuid() })]);
type Cursor = z.infer<typeof cursorSchema>;

function filtersOf(input: SearchFilters): q.Filters {
  return {
    type: input.type,
    kind: input.kind,
    segment: input.segment,
    stage: input.stage,
    province: input.province,
    community: input.community,
    qualification: input.qualification,
  };
}

function toHit(r: q.HitRow): SearchHit {
  return {
    entityType: r.entity_type,
    entityId: r.entity_id,
    titleZh: r.title_zh,
    titleEn: r.title_en,
    subtitle: r.subtitle,
    kind: r.kind,
    segments: r.segments,
    stage: r.stage,
    province: r.province,
    city: r.city,
    qualifications: r.qualifications,
    communityIds: r.community_ids,
    score: r.score,
  };
}

function invalidCursor() {
  return new AppError('validation_failed', { fields: { cursor: 'invalid_cursor' } });
}

/**
 * Runs the statements of one search in a read transaction that tells the planner to use the
 * indexes (see queries.preferIndexes); the statements also see one snapshot, so the total,
 * the facets and the page agree with each other.
 */
type Parsed = { mode: 'listing' } | q.Search;

/** The query parsed, with the runs of its terms the domain thesaurus expands (IVD ~ 体外诊断). */
async function parseWithThesaurus(ctx: RequestContext, text: string | undefined | null): Promise<Parsed> {
  const parsed = parseSearch(text);
  if (parsed.mode !== 'search' || parsed.terms.length === 0) return parsed;
  const synonyms = synonymGroups(parsed.terms, await loadThesaurus(ctx.db));
  return synonyms.length > 0 ? { ...parsed, synonyms } : parsed;
}

/**
 * One read transaction per request. Text searches steer the planner to the indexes
 * (queries.ts, preferIndexes); a listing must not: with sequential scans off it took 340 ms
 * instead of 6 ms on 350k records.
 */
function inSearchTransaction<T>(ctx: RequestContext, parsed: Parsed, fn: (tx: Executor) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    if (parsed.mode === 'search') await q.preferIndexes(tx);
    return fn(tx);
  });
}

const countCapOf = (parsed: Parsed) => (parsed.mode === 'search' ? SEARCH_MATCH_CAP : LISTING_COUNT_CAP);

/** Rows after the cursor, `take` of them, in result order (relevance, or name when listing). */
async function rowsAfter(db: Executor, viewer: q.Viewer, parsed: Parsed, filters: q.Filters, fuzzy: boolean, take: number, cursor?: Cursor) {
  if (parsed.mode === 'search') {
    if (cursor && !('s' in cursor)) throw invalidCursor();
    return q.searchPage(db, parsed, viewer, filters, { fuzzy, cap: SEARCH_MATCH_CAP }, take, cursor && { score: cursor.s, id: cursor.id });
  }
  if (cursor && !('n' in cursor)) throw invalidCursor();
  return q.listingPage(db, viewer, filters, take, cursor && { name: cursor.n, id: cursor.id });
}

/**
 * Counts first: they also decide whether the search needs trigram similarity (the decision
 * depends only on the query, filters and data, so every page of one search makes the same
 * one). A search without filters gets its page from the same statement.
 */
async function countMatches(db: Executor, viewer: q.Viewer, parsed: Parsed, filters: q.Filters, page?: { take: number; after?: { score: number; id: string } }) {
  const search = parsed.mode === 'search' ? parsed : null;
  const strict = await q.counts(db, search, viewer, filters, { fuzzy: false, cap: countCapOf(parsed) }, page);
  if (!search || strict.total >= FUZZY_BELOW) return { counted: strict, fuzzy: false };
  return { counted: await q.counts(db, search, viewer, filters, { fuzzy: true, cap: SEARCH_MATCH_CAP }, page), fuzzy: true };
}

const cursorOf = (row: q.HitRow): Cursor => (row.score === null ? { n: row.sort_name, id: row.entity_id } : { s: row.score, id: row.entity_id });

export async function search(ctx: RequestContext, input: SearchQueryInput): Promise<SearchResult> {
  const user = requireUser(ctx);
  const parsed = await parseWithThesaurus(ctx, input.q);
  const filters = filtersOf(input);
  const cursor = decodeCursor(input.cursor, cursorSchema);
  if (parsed.mode === 'search' && cursor && !('s' in cursor)) throw invalidCursor();
  const after = cursor && 's' in cursor ? { score: cursor.s, id: cursor.id } : undefined;
  const { rows, counted, labels } = await inSearchTransaction(ctx, parsed, async (tx) => {
    const viewer = await q.findViewer(tx, user.id, user.isPlatformAdmin);
    const { counted, fuzzy } = await countMatches(tx, viewer, parsed, filters, { take: input.limit + 1, after });
    const rows = counted.hits ?? (await rowsAfter(tx, viewer, parsed, filters, fuzzy, input.limit + 1, cursor));
    const communityIds = counted.facets.community.slice(0, MAX_BUCKETS).map((b) => b.value);
    return { rows, counted, labels: await q.communityLabels(tx, communityIds, ctx.locale) };
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  const facets = Object.fromEntries(
    q.FACET_NAMES.map((f) => [
      f,
      counted.facets[f]
        .slice(0, MAX_BUCKETS)
        .map((b): z.infer<typeof facetBucketSchema> => ({ ...b, label: f === 'community' ? (labels.get(b.value) ?? null) : null })),
    ]),
  ) as SearchResult['facets'];
  return {
    items: page.map(toHit),
    nextCursor: rows.length > input.limit && last ? encodeCursor(cursorOf(last)) : null,
    total: counted.total,
    complete: counted.examined < countCapOf(parsed),
    facets,
  };
}

/**
 * The ids of the matching records of one type the viewer may see, in result order, a batch
 * at a time: what an export of a search writes. Same visibility and filters as `search`; the
 * whole match set is ranked once (up to EXPORT_MATCH_CAP records, not the interactive
 * SEARCH_MATCH_CAP), read in one short transaction that is closed before the first batch is
 * handed over, so the consumer may use the database meanwhile (PGlite has one connection).
 */
export async function* searchIdsForExport(ctx: RequestContext, filters: SearchFilters, entityType: EntityType): AsyncGenerator<string[]> {
  const user = requireUser(ctx);
  const parsed = await parseWithThesaurus(ctx, filters.q);
  const only = { ...filtersOf(filters), type: [entityType] };
  const ids = await inSearchTransaction(ctx, parsed, async (tx) => {
    const viewer = await q.findViewer(tx, user.id, user.isPlatformAdmin);
    const search = parsed.mode === 'search' ? parsed : null;
    const strict = await q.counts(tx, search, viewer, only, { fuzzy: false, cap: SEARCH_MATCH_CAP });
    const fuzzy = search !== null && strict.total < FUZZY_BELOW;
    return q.idsInOrder(tx, search, viewer, only, { fuzzy, cap: EXPORT_MATCH_CAP });
  });
  for (let i = 0; i < ids.length; i += EXPORT_BATCH) yield ids.slice(i, i + EXPORT_BATCH);
}
