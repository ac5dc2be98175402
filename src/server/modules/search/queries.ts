/**
 * The SQL of the search box. Everything reads `search_documents` (see index-document.ts).
 *
 * Match: the full-text query (GIN over `tsv`) OR an exact identifier (GIN over `codes`); when
 * that finds nothing, also trigram word similarity of the folded query to the names (GIN trgm
 * over `names`: typos, names written differently). Visibility is part of every statement, so
 * items, totals and facet counts agree. Candidates are capped per statement (MatchOptions.cap):
 * a broad word matches a large part of the directory, and ranking or counting all of it would
 * cost many times the latency budget; the service reports when the cap was reached.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { ParsedSearch, SearchTerm } from '../../../domain/search-query';
import type { SynonymGroup } from '../../../domain/thesaurus/expand';
import type { QueryTerm } from '../../../domain/text/tokenise';
import type { Locale } from '../../../domain/locales';
import type { Executor } from '../../db/client';
import { rowsOf, textArray, uuidArray } from '../../db/sql-helpers';

/** A text search; `synonyms`: runs of terms the thesaurus expands (service.ts, domain/thesaurus/expand.ts). */
export type Search = Extract<ParsedSearch, { mode: 'search' }> & { synonyms?: readonly SynonymGroup[] };

/** Who is asking, reduced to what the visibility rule reads. */
export interface Viewer {
  isPlatformAdmin: boolean;
  /** Communities the viewer is a member of (any role). */
  memberOf: string[];
  /** Communities where the viewer is staff or community admin. */
  staffOf: string[];
  /** Organisations the viewer represents. */
  represents: string[];
}

export interface Filters {
  type?: string[];
  kind?: string[];
  segment?: string[];
  stage?: string[];
  province?: string[];
  community?: string[];
  qualification?: string[];
}
export type FacetName = keyof Filters;

/**
 * For the rest of the transaction, steer the planner to the indexes. With LIMIT the planner
 * expects a sequential scan to find enough matches early, but every row it reads there must
 * have its tsvector decompressed to test the match (tens of microseconds each), while the GIN
 * bitmap answers the match without reading the vector at all: measured on 350k documents,
 * 420 ms against 25 ms for a common word.
 */
export async function preferIndexes(tx: Executor): Promise<void> {
  await tx.execute(sql`set local enable_seqscan = off`);
}

export async function findViewer(db: Executor, userId: string, isPlatformAdmin: boolean): Promise<Viewer> {
  const [row] = await rowsOf<{ member_of: string[]; staff_of: string[]; represents: string[] }>(
    db,
    sql`select
          coalesce((select array_to_json(array_agg(community_id)) from memberships where user_id = ${userId}), '[]'::json) as member_of,
          coalesce((select array_to_json(array_agg(community_id)) from memberships
                    where user_id = ${userId} and role in ('staff', 'community_admin')), '[]'::json) as staff_of,
          coalesce((select array_to_json(array_agg(organisation_id)) from organisation_representatives where user_id = ${userId}), '[]'::json) as represents`,
  );
  return { isPlatformAdmin, memberOf: row?.member_of ?? [], staffOf: row?.staff_of ?? [], represents: row?.represents ?? [] };
}

/**
 * Public records to everyone signed in; community records to the members of a listed
 * community (platform admins see them all); named-investor records only to representatives of
 * a listed organisation or to the home community's staff — platform admins included only if
 * they qualify that way.
 */
function visibleTo(v: Viewer): SQL {
  const community = v.isPlatformAdmin
    ? sql`true`
    : v.memberOf.length > 0
      ? sql`d.visible_community_ids && ${uuidArray(v.memberOf)}`
      : sql`false`;
  const named: SQL[] = [];
  if (v.represents.length > 0) named.push(sql`d.visible_org_ids && ${uuidArray(v.represents)}`);
  if (v.staffOf.length > 0) named.push(sql`d.visible_community_ids && ${uuidArray(v.staffOf)}`);
  const namedCondition = named.length > 0 ? sql.join(named, sql` or `) : sql`false`;
  return sql`(d.visibility = 'public' or (d.visibility = 'community' and ${community}) or (d.visibility = 'named_investors' and (${namedCondition})))`;
}

const quoteLexeme = (lexeme: string) => `'${lexeme.replace(/'/g, "''")}'`;

/**
 * The tsquery of the terms: every term must match (AND). A term matches its word or (plain
 * English words) its English stem; a long word (five characters or more) also matches when
 * all the shorter words the segmenter finds in it are there, in case the document's own
 * segmentation split it (shorter words are so common that this costs too much for them).
 * Tokens are letters and digits only (tokenise.ts), so they are written as quoted lexemes
 * without going through the parser. No term matches as a prefix: CRO must not find
 * "cross", and a prefix of one Chinese character reads a large part of the index.
 */
function wordAlternatives(t: Pick<QueryTerm, 'word' | 'parts'>): string {
  const alternatives = [quoteLexeme(t.word)];
  if (t.parts.length > 1 && t.word.length >= 5) alternatives.push(`(${t.parts.map(quoteLexeme).join(' & ')})`);
  return alternatives.join(' | ');
}

function termClause(t: SearchTerm): SQL {
  const simple = sql`${wordAlternatives(t)}::tsquery`;
  return t.stem ? sql`(${simple} || plainto_tsquery('english', ${t.word}))` : simple;
}

/**
 * Thesaurus expansion: a run of terms that spells a thesaurus term (synonyms) matches as
 * before OR as any other term of its concept, each alternative's words all required and
 * matched like typed words (体外诊断 also finds "IVD" and "in vitro diagnostics").
 */
export function tsqueryOf(terms: SearchTerm[], synonyms: readonly SynonymGroup[] = []): SQL | null {
  if (terms.length === 0) return null;
  const parts: SQL[] = [];
  for (let i = 0; i < terms.length; ) {
    const group = synonyms.find((g) => g.from === i && g.to > i && g.to <= terms.length && g.alternatives.length > 0);
    if (!group) {
      parts.push(termClause(terms[i]!));
      i++;
      continue;
    }
    const own = terms.slice(i, group.to).map(termClause);
    const alternatives = group.alternatives.map((alt) => sql`${alt.map((t) => `(${wordAlternatives(t)})`).join(' & ')}::tsquery`);
    parts.push(sql`((${sql.join(own, sql` && `)}) || ${sql.join(alternatives, sql` || `)})`);
    i = group.to;
  }
  return sql`(${sql.join(parts, sql` && `)})`;
}

/**
 * Strict match: the full-text query or an exact identifier. Fuzzy adds trigram word
 * similarity of the whole query to the names (typos, names written differently); the service
 * asks for it only when the strict match finds nothing, because common trigrams make it the
 * most expensive of the three conditions.
 */
function matchOf(s: Search, fuzzy: boolean): SQL {
  const tsq = tsqueryOf(s.terms, s.synonyms);
  const conditions: SQL[] = [];
  if (tsq) conditions.push(sql`d.tsv @@ ${tsq}`);
  if (fuzzy) conditions.push(sql`${s.folded} <% d.names`);
  if (s.codes.length > 0) conditions.push(sql`d.codes && ${textArray(s.codes)}`);
  return conditions.length > 0 ? sql`(${sql.join(conditions, sql` or `)})` : sql`false`;
}

/**
 * Relevance, cheap enough to compute for every candidate: an exact identifier first (+10);
 * then the share of the query's terms found in the names (names count most; the document
 * vector is not read again, its decompression would dominate the cost); a bonus when a name
 * starts with the query, and a small one for shorter names (the exact name before longer
 * names that contain it). A fuzzy search adds trigram word similarity to the names, which is
 * what matched there. Every candidate already matched the full document.
 * float8 throughout: the cursor carries the value, and the next page compares against
 * exactly the same number.
 */
function scoreOf(s: Search, fuzzy: boolean): SQL {
  const code = s.codes.length > 0 ? sql`(case when d.codes && ${textArray(s.codes)} then 10 else 0 end)` : sql`0`;
  const words = s.terms.map((t) => t.word);
  const inNames =
    words.length > 0
      ? sql`(${sql.join(
          words.map((w) => sql`(strpos(d.names, ${w}) > 0)::int`),
          sql` + `,
        )})::float8 / ${words.length}`
      : sql`0`;
  const starts = sql`(case when d.names like ${likePrefix(s.folded)} or d.names like ${likeWord(s.folded)} then 0.5 else 0 end)`;
  const shorter = sql`0.2 / (1 + length(d.names) / 20.0)`;
  const similar = fuzzy ? sql` + word_similarity(${s.folded}, d.names)::float8` : sql``;
  return sql`(${code} + ${inNames} + ${starts} + ${shorter}${similar})::float8`;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);
/** names begins with the query, or one of the names (space-separated) does. */
const likePrefix = (folded: string) => `${escapeLike(folded)}%`;
const likeWord = (folded: string) => `% ${escapeLike(folded)}%`;

const FILTER_SQL: Record<FacetName, (values: string[]) => SQL> = {
  type: (v) => sql`d.entity_type = any(${textArray(v)})`,
  kind: (v) => sql`d.kind = any(${textArray(v)})`,
  segment: (v) => sql`d.segments && ${textArray(v)}`,
  stage: (v) => sql`d.stage = any(${textArray(v)})`,
  province: (v) => sql`d.province = any(${textArray(v)})`,
  community: (v) => sql`d.community_ids && ${uuidArray(v)}`,
  qualification: (v) => sql`d.qualifications && ${textArray(v)}`,
};
export const FACET_NAMES = Object.keys(FILTER_SQL) as FacetName[];

function activeFilters(filters: Filters): [FacetName, string[]][] {
  return FACET_NAMES.flatMap((f) => {
    const values = filters[f];
    return values && values.length > 0 ? [[f, values] as [FacetName, string[]]] : [];
  });
}

/** The filters as one condition, leaving out one facet's own (standard faceting). */
function filterSql(filters: Filters, except?: FacetName): SQL {
  const conditions = activeFilters(filters)
    .filter(([f]) => f !== except)
    .map(([f, values]) => FILTER_SQL[f](values));
  return conditions.length > 0 ? sql.join(conditions, sql` and `) : sql`true`;
}

export interface HitRow {
  entity_type: 'organisation' | 'person' | 'project';
  entity_id: string;
  title_zh: string;
  title_en: string | null;
  subtitle: string;
  kind: string;
  segments: string[];
  stage: string | null;
  province: string | null;
  city: string | null;
  qualifications: string[];
  community_ids: string[];
  score: number | null;
  sort_name: string;
}

/** A hit's columns as the inner statements produce them (arrays as JSON, the same shape to_json gives). */
const pageColumns = sql`entity_type, entity_id, title_zh, title_en, subtitle, kind, segments, stage, province, city, qualifications,
  community_ids, sort_name, score`;

/**
 * Rows after the cursor in (score desc, id asc) order. The score travels through the cursor as
 * the shortest decimal that round-trips a float8, read back with ::float8: the same bits, so
 * the comparison neither skips nor repeats rows.
 */
function keysetOf(after: { score: number; id: string }, table: SQL): SQL {
  const score = sql`${String(after.score)}::float8`;
  return sql`(${table}.score < ${score} or (${table}.score = ${score} and ${table}.entity_id > ${after.id}::uuid))`;
}

const hitColumns = sql`d.entity_type, d.entity_id, d.title_zh, d.title_en, d.subtitle, d.kind,
  array_to_json(d.segments) as segments, d.stage, d.province, d.city, array_to_json(d.qualifications) as qualifications,
  array_to_json(d.community_ids) as community_ids, d.sort_name`;


/** How one search statement looks for matches. */
export interface MatchOptions {
  /** Include trigram similarity to the names. */
  fuzzy: boolean;
  /** At most this many matching records are considered (see SEARCH_MATCH_CAP in the service). */
  cap: number;
}

/**
 * `take` matches, best first, after the cursor; ties broken by entity id so the order is
 * total. Ranking considers the first `cap` matching records the indexes yield: the inner
 * statement is the same on every page, so pages neither skip nor repeat.
 */
export async function searchPage(
  db: Executor,
  s: Search,
  viewer: Viewer,
  filters: Filters,
  options: MatchOptions,
  take: number,
  after?: { score: number; id: string },
): Promise<HitRow[]> {
  const keyset = after ? sql`where ${keysetOf(after, sql`c`)}` : sql``;
  return rowsOf<HitRow>(
    db,
    sql`select c.* from (
          select ${hitColumns}, ${scoreOf(s, options.fuzzy)} as score from search_documents d
          where ${matchOf(s, options.fuzzy)} and ${visibleTo(viewer)} and ${filterSql(filters)}
          limit ${options.cap}
        ) c ${keyset}
        order by c.score desc, c.entity_id asc limit ${take}`,
  );
}

/**
 * Ids of up to `cap` matching visible records in result order (relevance, or name without a
 * query), in one statement: what an export writes. Ranking the whole match set once is far
 * cheaper than re-ranking it for every keyset batch.
 */
export async function idsInOrder(db: Executor, s: Search | null, viewer: Viewer, filters: Filters, options: MatchOptions): Promise<string[]> {
  const rows = s
    ? await rowsOf<{ id: string }>(
        db,
        sql`select c.entity_id as id from (
              select d.entity_id, ${scoreOf(s, options.fuzzy)} as score from search_documents d
              where ${matchOf(s, options.fuzzy)} and ${visibleTo(viewer)} and ${filterSql(filters)}
              limit ${options.cap}
            ) c order by c.score desc, c.entity_id asc`,
      )
    : await rowsOf<{ id: string }>(
        db,
        sql`select d.entity_id as id from search_documents d where ${visibleTo(viewer)} and ${filterSql(filters)}
            order by d.sort_name, d.entity_id limit ${options.cap}`,
      );
  return rows.map((r) => r.id);
}

/** `take` records of the listing (no query) after the cursor: sorted by folded name, then id. */
export async function listingPage(db: Executor, viewer: Viewer, filters: Filters, take: number, after?: { name: string; id: string }): Promise<HitRow[]> {
  const keyset = after ? sql`and (d.sort_name, d.entity_id) > (${after.name}, ${after.id}::uuid)` : sql``;
  return rowsOf<HitRow>(
    db,
    sql`select ${hitColumns}, null::float8 as score from search_documents d
        where ${visibleTo(viewer)} and ${filterSql(filters)} ${keyset}
        order by d.sort_name, d.entity_id limit ${take}`,
  );
}

export interface Counts {
  total: number;
  facets: Record<FacetName, { value: string; count: number }[]>;
  /** The most records any candidate set held; equals the cap when the counts are a sample. */
  examined: number;
  /** The page, when asked for with the counts (searches: the same candidate set serves both). */
  hits: HitRow[] | null;
}

/** The facet column each facet counts, and how to read its values from a candidate set `d`. */
const FACET_VALUE: Record<FacetName, { value: SQL; from: (set: SQL) => SQL }> = {
  type: { value: sql`d.entity_type`, from: (set) => sql`${set} d` },
  kind: { value: sql`d.kind`, from: (set) => sql`${set} d` },
  segment: { value: sql`x.v`, from: (set) => sql`${set} d cross join lateral unnest(d.segments) as x(v)` },
  stage: { value: sql`d.stage`, from: (set) => sql`${set} d` },
  province: { value: sql`d.province`, from: (set) => sql`${set} d` },
  community: { value: sql`x.v::text`, from: (set) => sql`${set} d cross join lateral unnest(d.community_ids) as x(v)` },
  qualification: { value: sql`x.v`, from: (set) => sql`${set} d cross join lateral unnest(d.qualifications) as x(v)` },
};

/**
 * The total, every facet's counts and (for a search) the page, in one statement. Standard
 * faceting: a facet counts with the other facets' filters applied but not its own. So the
 * statement reads one candidate set with every filter applied (`f`: the total, the page, and
 * the facets nobody filters on) plus, per facet that has a filter, one set without that
 * filter (`m_<facet>`: that facet's counts). Each set is capped at `cap` records, taken in
 * index order (not by relevance); `examined` tells the caller whether a cap was reached, in
 * which case the counts describe the first records matched.
 */
export async function counts(
  db: Executor,
  s: Search | null,
  viewer: Viewer,
  filters: Filters,
  options: MatchOptions,
  page?: { take: number; after?: { score: number; id: string } },
): Promise<Counts> {
  const where = s ? sql`${matchOf(s, options.fuzzy)} and ${visibleTo(viewer)}` : visibleTo(viewer);
  const withPage = s !== null && page !== undefined;
  const filtered = new Set(activeFilters(filters).map(([f]) => f));
  const facetColumns = sql`d.entity_type, d.kind, d.segments, d.stage, d.province, d.community_ids, d.qualifications`;
  const sets = [
    sql`f as materialized (
          select ${facetColumns}
            ${withPage ? sql`, d.entity_id, d.title_zh, d.title_en, d.subtitle, d.city, d.sort_name, ${scoreOf(s, options.fuzzy)} as score` : sql``}
          from search_documents d where ${where} and ${filterSql(filters)} limit ${options.cap})`,
    ...[...filtered].map(
      (facet) =>
        sql`${sql.raw(`m_${facet}`)} as materialized (
          select ${facetColumns} from search_documents d where ${where} and ${filterSql(filters, facet)} limit ${options.cap})`,
    ),
  ];
  const parts = [
    sql`select 'total' as facet, null as value, count(*)::int as n, null::json as hit from f`,
    sql`select 'examined', null, (select count(*) from f)::int, null`,
    ...[...filtered].map((facet) => sql`select 'examined', null, (select count(*) from ${sql.raw(`m_${facet}`)})::int, null`),
    ...FACET_NAMES.map((facet) => {
      const set = filtered.has(facet) ? sql.raw(`m_${facet}`) : sql`f`;
      return sql`select ${facet}::text, ${FACET_VALUE[facet].value}, count(*)::int, null from ${FACET_VALUE[facet].from(set)} group by 2`;
    }),
  ];
  if (withPage) {
    parts.push(sql`select 'hit', null, (row_number() over (order by p.score desc, p.entity_id))::int, to_json(p) from (
            select ${pageColumns} from f where ${page.after ? keysetOf(page.after, sql`f`) : sql`true`}
            order by f.score desc, f.entity_id limit ${page.take}) p`);
  }
  const rows = await rowsOf<{ facet: string; value: string | null; n: number; hit: HitRow | null }>(
    db,
    sql`with ${sql.join(sets, sql`, `)} ${sql.join(parts, sql` union all `)}`,
  );
  const facets = Object.fromEntries(FACET_NAMES.map((f) => [f, [] as { value: string; count: number }[]])) as Counts['facets'];
  let total = 0;
  let examined = 0;
  const found: { at: number; hit: HitRow }[] = [];
  for (const r of rows) {
    if (r.facet === 'total') total = r.n;
    else if (r.facet === 'examined') examined = Math.max(examined, r.n);
    else if (r.facet === 'hit') found.push({ at: r.n, hit: r.hit! });
    else if (r.value !== null) facets[r.facet as FacetName].push({ value: r.value, count: r.n });
  }
  for (const f of FACET_NAMES) facets[f].sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : 1));
  return { total, facets, examined, hits: withPage ? found.sort((a, b) => a.at - b.at).map((f) => f.hit) : null };
}

/** Community names for the community facet, in the request's language. */
export async function communityLabels(db: Executor, ids: string[], locale: Locale): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const column = locale === 'en' ? sql`name_en` : locale === 'zh-TW' ? sql`name_zh_hant` : sql`name_zh_hans`;
  const rows = await rowsOf<{ id: string; name: string }>(db, sql`select id, ${column} as name from communities where id = any(${uuidArray(ids)})`);
  return new Map(rows.map((r) => [r.id, r.name]));
}
