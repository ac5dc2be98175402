/**
 * The thesaurus as the search and the matching engine use it: built from the database once per
 * process and rebuilt when the data changed. Each call runs one cheap version query (concept
 * count, sum of versions, last update, term count); the rows are read again only when that
 * differs from the cached build. Writes in this process also drop the cache at once
 * (`forgetThesaurus`), other processes see the change at their next call.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rowsOf } from '../../db/sql-helpers';
import { Thesaurus, type ThesaurusConceptData } from '../../../domain/thesaurus/thesaurus';
import type { ThesaurusLang } from '../../../domain/matching/vocabularies';

interface Cached {
  stamp: string;
  thesaurus: Thesaurus;
}

const cache = new WeakMap<object, Cached>();
const loading = new WeakMap<object, Promise<Cached>>();

/** What changes whenever a concept or a term is added, edited or deleted. */
async function stampOf(db: Executor): Promise<string> {
  const [row] = await rowsOf<{ stamp: string }>(
    db,
    sql`select concat_ws('/', (select count(*) from thesaurus_concepts), (select coalesce(sum(version), 0) from thesaurus_concepts),
               (select coalesce(max(updated_at)::text, '') from thesaurus_concepts), (select count(*) from thesaurus_terms)) as stamp`,
  );
  return row!.stamp;
}

/** Every concept with its terms, ordered by code (terms by language, then as stored). */
export async function readThesaurusData(db: Executor): Promise<ThesaurusConceptData[]> {
  const rows = await rowsOf<{ code: string; segment: string | null; related_codes: string[]; terms: { lang: ThesaurusLang; term: string }[] | null }>(
    db,
    sql`select c.code, c.segment, c.related_codes,
               (select json_agg(json_build_object('lang', t.lang, 'term', t.term) order by t.lang, t.term) from thesaurus_terms t where t.concept_id = c.id) as terms
          from thesaurus_concepts c order by c.code`,
  );
  return rows.map((r) => ({ code: r.code, segment: r.segment, relatedCodes: r.related_codes, terms: r.terms ?? [] }));
}

/** The current thesaurus of this database (cached per process and database handle). */
export async function loadThesaurus(db: Executor): Promise<Thesaurus> {
  const key = db as object;
  const stamp = await stampOf(db);
  const hit = cache.get(key);
  if (hit && hit.stamp === stamp) return hit.thesaurus;
  const pending = loading.get(key);
  if (pending) {
    const done = await pending;
    if (done.stamp === stamp) return done.thesaurus;
  }
  const load = (async (): Promise<Cached> => {
    const data = await readThesaurusData(db);
    const loaded = { stamp, thesaurus: Thesaurus.build(data) };
    cache.set(key, loaded);
    return loaded;
  })();
  loading.set(key, load);
  try {
    return (await load).thesaurus;
  } finally {
    if (loading.get(key) === load) loading.delete(key);
  }
}

/** Drops the cached thesaurus of a database handle (after a write in this process). */
export function forgetThesaurus(db: Executor): void {
  cache.delete(db as object);
}
