/** SQL of the thesaurus: concepts with their terms, and the checks an edit needs. */
import { sql, type SQL } from 'drizzle-orm';
import type { ThesaurusLang } from '../../../domain/matching/vocabularies';
import type { Executor } from '../../db/client';
import { rowsOf, textArray } from '../../db/sql-helpers';

export interface ConceptRow {
  id: string;
  code: string;
  segment: string | null;
  relatedCodes: string[];
  relatedFrom: string[];
  note: string;
  terms: { lang: ThesaurusLang; term: string; termKey: string }[];
  version: number;
  updatedAt: Date;
}

interface RawConcept {
  id: string;
  code: string;
  segment: string | null;
  related_codes: string[];
  related_from: string[] | null;
  note: string;
  terms: { lang: ThesaurusLang; term: string; termKey: string }[] | null;
  version: number;
  updated_at: string | Date;
}

const LANG_ORDER = sql`case t.lang when 'zh_hans' then 0 when 'zh_hant' then 1 else 2 end`;

function selectConcepts(where: SQL, tail: SQL = sql``): SQL {
  return sql`select c.id, c.code, c.segment, c.related_codes, c.note, c.version, c.updated_at,
                    (select array_agg(o.code order by o.code) from thesaurus_concepts o where c.code = any(o.related_codes) and o.id <> c.id) as related_from,
                    (select json_agg(json_build_object('lang', t.lang, 'term', t.term, 'termKey', t.term_key) order by ${LANG_ORDER}, t.term)
                       from thesaurus_terms t where t.concept_id = c.id) as terms
               from thesaurus_concepts c
              where ${where}
              ${tail}`;
}

function toRow(r: RawConcept): ConceptRow {
  return {
    id: r.id,
    code: r.code,
    segment: r.segment,
    relatedCodes: r.related_codes,
    relatedFrom: r.related_from ?? [],
    note: r.note,
    terms: r.terms ?? [],
    version: r.version,
    updatedAt: new Date(r.updated_at),
  };
}

export async function findConcept(db: Executor, id: string): Promise<ConceptRow | null> {
  const [row] = await rowsOf<RawConcept>(db, selectConcepts(sql`c.id = ${id}`));
  return row ? toRow(row) : null;
}

export async function findConceptForUpdate(db: Executor, id: string): Promise<{ id: string; code: string; version: number } | null> {
  const [row] = await rowsOf<{ id: string; code: string; version: number }>(db, sql`select id, code, version from thesaurus_concepts where id = ${id} for update`);
  return row ?? null;
}

/** A page of concepts by code; `q` matches the code or a term (by its folded key or its text). */
export async function listConcepts(db: Executor, filter: { q?: string; key?: string; segment?: string; afterCode?: string; limit: number }): Promise<ConceptRow[]> {
  const conditions: SQL[] = [sql`true`];
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const keyLike = filter.key ? `%${filter.key.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
    conditions.push(
      sql`(c.code ilike ${like} or exists (select 1 from thesaurus_terms t where t.concept_id = c.id and (t.term ilike ${like}${keyLike ? sql` or t.term_key like ${keyLike}` : sql``})))`,
    );
  }
  if (filter.segment) conditions.push(sql`c.segment = ${filter.segment}`);
  if (filter.afterCode) conditions.push(sql`c.code > ${filter.afterCode}`);
  const rows = await rowsOf<RawConcept>(db, selectConcepts(sql.join(conditions, sql` and `), sql`order by c.code limit ${filter.limit + 1}`));
  return rows.map(toRow);
}

export async function knownSegments(db: Executor, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await rowsOf<{ code: string }>(db, sql`select code from taxonomy_terms where taxonomy = 'segment' and code = any(${textArray([...codes])})`);
  return new Set(rows.map((r) => r.code));
}

export async function existingCodes(db: Executor, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await rowsOf<{ code: string }>(db, sql`select code from thesaurus_concepts where code = any(${textArray([...codes])})`);
  return new Set(rows.map((r) => r.code));
}

export async function insertConcept(
  tx: Executor,
  values: { code: string; segment: string | null; relatedCodes: string[]; note: string; updatedBy: string },
): Promise<string> {
  const [row] = await rowsOf<{ id: string }>(
    tx,
    sql`insert into thesaurus_concepts (code, segment, related_codes, note, updated_by)
        values (${values.code}, ${values.segment}, ${textArray(values.relatedCodes)}, ${values.note}, ${values.updatedBy}) returning id`,
  );
  return row!.id;
}

/** Updates at the expected version; false when another edit came first. */
export async function updateConcept(
  tx: Executor,
  id: string,
  version: number,
  values: { segment: string | null; relatedCodes: string[]; note: string; updatedBy: string },
): Promise<boolean> {
  const rows = await rowsOf<{ id: string }>(
    tx,
    sql`update thesaurus_concepts set segment = ${values.segment}, related_codes = ${textArray(values.relatedCodes)}, note = ${values.note},
               updated_by = ${values.updatedBy}, version = version + 1, updated_at = now()
         where id = ${id} and version = ${version} returning id`,
  );
  return rows.length === 1;
}

export async function replaceTerms(tx: Executor, conceptId: string, terms: readonly { lang: ThesaurusLang; term: string; termKey: string }[]): Promise<void> {
  await tx.execute(sql`delete from thesaurus_terms where concept_id = ${conceptId}`);
  if (terms.length === 0) return;
  await tx.execute(
    sql`insert into thesaurus_terms (concept_id, lang, term, term_key)
        select ${conceptId}, v.lang, v.term, v.term_key
          from unnest(${textArray(terms.map((t) => t.lang))}, ${textArray(terms.map((t) => t.term))}, ${textArray(terms.map((t) => t.termKey))}) as v(lang, term, term_key)`,
  );
}

export async function deleteConcept(tx: Executor, id: string, version: number): Promise<boolean> {
  const rows = await rowsOf<{ id: string }>(tx, sql`delete from thesaurus_concepts where id = ${id} and version = ${version} returning id`);
  return rows.length === 1;
}

/** Removes a deleted concept's code from the related codes of the others; returns their ids. */
export async function dropRelatedCode(tx: Executor, code: string, updatedBy: string): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(
    tx,
    sql`update thesaurus_concepts set related_codes = array_remove(related_codes, ${code}), version = version + 1, updated_at = now(), updated_by = ${updatedBy}
         where ${code} = any(related_codes) returning id`,
  );
  return rows.map((r) => r.id);
}
