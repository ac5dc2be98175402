/**
 * Building the search index: one `search_documents` row per organisation, person and project,
 * rebuilt in the caller's transaction whenever the record (or something its row shows) changes.
 *
 * Set-based, for the 50k-row import and the large-dataset generator: per batch of ids, one
 * SELECT gathers everything the rows need (with the related names), the application folds
 * and segments the text (jieba runs in the application so PGlite and PostgreSQL see the same
 * tokens), and one INSERT … ON CONFLICT writes the batch from a single JSON parameter.
 *
 * Personal information is never indexed: a person's row holds names, title and the names of
 * the organisations they work at, never e-mail, phone or WeChat id.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { EntityType } from '../../../domain/directory';
import { stockCodeForms } from '../../../domain/search-query';
import { fold } from '../../../domain/text/fold';
import { tokensText } from '../../../domain/text/tokenise';
import type { Executor } from '../../db/client';
import { rowsOf, uuidArray } from '../../db/sql-helpers';
import { recordMatchChange } from '../matching/changes';

/** Ids per statement: large enough to amortise the round trips, small enough for one JSON parameter. */
const BATCH = 1000;

interface Term {
  zh: string;
  en: string;
  aliases: string[];
}
type Terms = Map<string, Term>;

/** The taxonomy (a few hundred rows at most), read once per refresh: segment, service … names by code. */
async function loadTerms(db: Executor): Promise<Map<string, Terms>> {
  const rows = await rowsOf<{ taxonomy: string; code: string; zh: string; en: string; aliases: string[] }>(
    db,
    sql`select taxonomy, code, name_zh_hans as zh, name_en as en, array_to_json(aliases) as aliases from taxonomy_terms`,
  );
  const byTaxonomy = new Map<string, Terms>();
  for (const r of rows) {
    let terms = byTaxonomy.get(r.taxonomy);
    if (!terms) byTaxonomy.set(r.taxonomy, (terms = new Map()));
    terms.set(r.code, { zh: r.zh, en: r.en, aliases: r.aliases ?? [] });
  }
  return byTaxonomy;
}

function namesOf(terms: Map<string, Terms>, taxonomy: string, codes: readonly (string | null)[]) {
  const found = codes.map((c) => (c ? terms.get(taxonomy)?.get(c) : undefined)).filter((t): t is Term => t !== undefined);
  return { zh: found.flatMap((t) => [t.zh, ...t.aliases]).join(' '), en: found.map((t) => t.en).join(' ') };
}

const clean = (values: (string | null | undefined)[]) => values.filter((v): v is string => typeof v === 'string' && v.trim().length > 0);
const unique = <T>(values: T[]) => [...new Set(values)];

/** One row of search_documents as the INSERT reads it from JSON. */
interface DocumentRow {
  entity_type: EntityType;
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
  visibility: 'public' | 'community' | 'named_investors';
  visible_community_ids: string[];
  visible_org_ids: string[];
  names: string;
  name_tokens: string;
  body_tokens: string;
  text_en: string;
  codes: string[];
  sort_name: string;
}

/** Folded names for trigram similarity: each name once, space-separated. */
const foldedNames = (names: (string | null | undefined)[]) => unique(clean(names).map((n) => fold(n).trim())).join(' ');

async function writeDocuments(db: Executor, docs: DocumentRow[]): Promise<void> {
  if (docs.length === 0) return;
  await db.execute(sql`
    insert into search_documents (entity_type, entity_id, title_zh, title_en, subtitle, kind, segments, stage, province, city,
      qualifications, community_ids, visibility, visible_community_ids, visible_org_ids, names, name_tokens, body_tokens,
      text_en, codes, sort_name, updated_at)
    select x.entity_type, x.entity_id, x.title_zh, x.title_en, x.subtitle, x.kind,
      array(select jsonb_array_elements_text(x.segments)), x.stage, x.province, x.city,
      array(select jsonb_array_elements_text(x.qualifications)),
      array(select jsonb_array_elements_text(x.community_ids))::uuid[], x.visibility,
      array(select jsonb_array_elements_text(x.visible_community_ids))::uuid[],
      array(select jsonb_array_elements_text(x.visible_org_ids))::uuid[],
      x.names, x.name_tokens, x.body_tokens, x.text_en, array(select jsonb_array_elements_text(x.codes)), x.sort_name, now()
    from jsonb_to_recordset(${JSON.stringify(docs)}::jsonb) as x(
      entity_type text, entity_id uuid, title_zh text, title_en text, subtitle text, kind text, segments jsonb, stage text,
      province text, city text, qualifications jsonb, community_ids jsonb, visibility text, visible_community_ids jsonb,
      visible_org_ids jsonb, names text, name_tokens text, body_tokens text, text_en text, codes jsonb, sort_name text)
    on conflict (entity_type, entity_id) do update set
      title_zh = excluded.title_zh, title_en = excluded.title_en, subtitle = excluded.subtitle, kind = excluded.kind,
      segments = excluded.segments, stage = excluded.stage, province = excluded.province, city = excluded.city,
      qualifications = excluded.qualifications, community_ids = excluded.community_ids, visibility = excluded.visibility,
      visible_community_ids = excluded.visible_community_ids, visible_org_ids = excluded.visible_org_ids,
      names = excluded.names, name_tokens = excluded.name_tokens, body_tokens = excluded.body_tokens,
      text_en = excluded.text_en, codes = excluded.codes, sort_name = excluded.sort_name, updated_at = excluded.updated_at`);
}

/** Removes the rows of ids that no longer exist (the refresh of a deleted record). */
async function removeMissing(db: Executor, entityType: EntityType, ids: string[], present: Set<string>) {
  const gone = ids.filter((id) => !present.has(id));
  if (gone.length > 0) await removeSearchDocuments(db, entityType, gone);
}

/** Communities a record is resident of (directory links), as a correlated subquery. */
const residentOf = (type: EntityType, idColumn: SQL) =>
  sql`coalesce((select array_to_json(array_agg(l.to_id)) from directory_links l
      where l.from_type = ${type} and l.from_id = ${idColumn} and l.role = 'resident_of' and l.to_type = 'community'), '[]'::json)`;

interface OrganisationSource {
  id: string;
  kind: string;
  name_zh: string;
  name_en: string | null;
  short_name_zh: string | null;
  short_name_en: string | null;
  credit_code: string | null;
  stock_code: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  segments: string[];
  qualifications: string[];
  services: string[];
  description_zh: string;
  description_en: string;
  steward_community_id: string | null;
  resident_of: string[];
}

async function organisationDocuments(db: Executor, ids: string[], terms: Map<string, Terms>): Promise<DocumentRow[]> {
  const rows = await rowsOf<OrganisationSource>(
    db,
    sql`select o.id, o.kind, o.name_zh, o.name_en, o.short_name_zh, o.short_name_en, o.credit_code, o.stock_code,
          o.province, o.city, o.district, array_to_json(o.segments) as segments, array_to_json(o.qualifications) as qualifications,
          array_to_json(o.services) as services, o.description_zh, o.description_en, o.steward_community_id,
          ${residentOf('organisation', sql`o.id`)} as resident_of
        from organisations o where o.id = any(${uuidArray(ids)})`,
  );
  return rows.map((o) => {
    const segments = namesOf(terms, 'segment', o.segments);
    const qualifications = namesOf(terms, 'qualification', o.qualifications);
    const services = namesOf(terms, 'service', o.services);
    const place = clean([o.province, o.city, o.district]);
    return {
      entity_type: 'organisation',
      entity_id: o.id,
      title_zh: o.name_zh,
      title_en: o.name_en,
      // Municipalities have the same province and city (上海市): name it once.
      subtitle: clean([o.short_name_zh, unique(clean([o.province, o.city])).join('')]).join(' · '),
      kind: o.kind,
      segments: o.segments,
      stage: null,
      province: o.province,
      city: o.city,
      qualifications: o.qualifications,
      community_ids: unique(clean([o.steward_community_id, ...o.resident_of])),
      visibility: 'public',
      visible_community_ids: [],
      visible_org_ids: [],
      names: foldedNames([o.name_zh, o.name_en, o.short_name_zh, o.short_name_en]),
      name_tokens: tokensText(o.name_zh, o.name_en, o.short_name_zh, o.short_name_en),
      body_tokens: tokensText(o.description_zh, o.description_en, segments.zh, qualifications.zh, services.zh, ...place),
      text_en: clean([o.name_en, o.short_name_en, o.description_en, segments.en, qualifications.en, services.en]).join(' '),
      codes: unique(clean([o.credit_code?.toUpperCase(), ...(o.stock_code ? stockCodeForms(o.stock_code) : [])])),
      sort_name: fold(o.name_zh),
    };
  });
}

interface PersonSource {
  id: string;
  name_zh: string;
  name_en: string | null;
  title: string | null;
  steward_community_id: string | null;
  resident_of: string[];
  orgs: { zh: string; en: string | null; current: boolean }[];
}

async function personDocuments(db: Executor, ids: string[]): Promise<DocumentRow[]> {
  // Only what identifies the person professionally; contact channels stay out of the index.
  const rows = await rowsOf<PersonSource>(
    db,
    sql`select p.id, p.name_zh, p.name_en, p.title, p.steward_community_id,
          ${residentOf('person', sql`p.id`)} as resident_of,
          coalesce((select json_agg(json_build_object('zh', o.name_zh, 'en', o.name_en, 'current', a.is_current)
                      order by a.is_current desc, a.created_at)
                    from person_affiliations a join organisations o on o.id = a.organisation_id
                    where a.person_id = p.id), '[]'::json) as orgs
        from people p where p.id = any(${uuidArray(ids)})`,
  );
  return rows.map((p) => {
    const current = p.orgs.find((o) => o.current) ?? p.orgs[0];
    return {
      entity_type: 'person',
      entity_id: p.id,
      title_zh: p.name_zh,
      title_en: p.name_en,
      subtitle: clean([p.title, current?.zh]).join(' · '),
      kind: 'person',
      segments: [],
      stage: null,
      province: null,
      city: null,
      qualifications: [],
      community_ids: unique(clean([p.steward_community_id, ...p.resident_of])),
      visibility: 'public',
      visible_community_ids: [],
      visible_org_ids: [],
      names: foldedNames([p.name_zh, p.name_en]),
      name_tokens: tokensText(p.name_zh, p.name_en),
      body_tokens: tokensText(p.title, ...p.orgs.flatMap((o) => [o.zh, o.en])),
      text_en: clean([p.name_en, p.title, ...p.orgs.map((o) => o.en)]).join(' '),
      codes: [],
      sort_name: fold(p.name_zh),
    };
  });
}

interface ProjectSource {
  id: string;
  name_zh: string;
  name_en: string | null;
  community_id: string;
  owner_id: string | null;
  owner_zh: string | null;
  owner_en: string | null;
  owner_province: string | null;
  owner_city: string | null;
  segment: string;
  modality: string | null;
  indications: string[];
  track: string;
  stage: string;
  confidentiality: 'public' | 'community' | 'named_investors';
  summary_zh: string;
  summary_en: string;
  resident_of: string[];
  investors: string[];
  referred_to: string[];
}

async function projectDocuments(db: Executor, ids: string[], terms: Map<string, Terms>): Promise<DocumentRow[]> {
  const rows = await rowsOf<ProjectSource>(
    db,
    sql`select p.id, p.name_zh, p.name_en, p.community_id, p.owner_organisation_id as owner_id,
          o.name_zh as owner_zh, o.name_en as owner_en, o.province as owner_province, o.city as owner_city,
          p.segment, p.modality, array_to_json(p.indications) as indications, p.track, p.stage, p.confidentiality,
          p.summary_zh, p.summary_en, ${residentOf('project', sql`p.id`)} as resident_of,
          coalesce((select array_to_json(array_agg(n.organisation_id)) from project_named_investors n where n.project_id = p.id), '[]'::json) as investors,
          coalesce((select array_to_json(array_agg(distinct r.to_community_id)) from referrals r
                    where r.project_id = p.id and r.status in ('pending', 'accepted', 'landed')), '[]'::json) as referred_to
        from projects p left join organisations o on o.id = p.owner_organisation_id
        where p.id = any(${uuidArray(ids)})`,
  );
  return rows.map((p) => {
    const segment = namesOf(terms, 'segment', [p.segment]);
    const stage = namesOf(terms, 'stage', [p.stage]);
    // Who may see it: everyone; the home community's members; or the owner's and the named
    // investors' representatives (and the home community's staff, decided at query time).
    // A community-level project is also seen by the communities holding a live referral of it;
    // a named-investors one is never widened by a referral.
    const visibleCommunityIds =
      p.confidentiality === 'public' ? [] : p.confidentiality === 'community' ? unique([p.community_id, ...p.referred_to]) : [p.community_id];
    const visibleOrgIds = p.confidentiality === 'named_investors' ? unique(clean([p.owner_id, ...p.investors])) : [];
    return {
      entity_type: 'project',
      entity_id: p.id,
      title_zh: p.name_zh,
      title_en: p.name_en,
      subtitle: p.owner_zh ?? '',
      kind: p.track,
      segments: [p.segment],
      stage: p.stage,
      province: p.owner_province,
      city: p.owner_city,
      qualifications: [],
      community_ids: unique([p.community_id, ...p.resident_of]),
      visibility: p.confidentiality,
      visible_community_ids: visibleCommunityIds,
      visible_org_ids: visibleOrgIds,
      names: foldedNames([p.name_zh, p.name_en]),
      name_tokens: tokensText(p.name_zh, p.name_en),
      body_tokens: tokensText(p.owner_zh, p.owner_en, segment.zh, stage.zh, p.modality, ...p.indications, p.summary_zh, p.summary_en),
      text_en: clean([p.name_en, p.owner_en, segment.en, stage.en, p.modality, ...p.indications, p.summary_en]).join(' '),
      codes: [],
      sort_name: fold(p.name_zh),
    };
  });
}

/**
 * People and projects whose rows show the names of these organisations (affiliations, owner):
 * refreshed with them when a name changed, or when the organisation had no row yet.
 */
async function dependentsOfRenamed(db: Executor, docs: DocumentRow[]) {
  if (docs.length === 0) return { people: [], projects: [] };
  const before = await rowsOf<{ id: string; title_zh: string; title_en: string | null }>(
    db,
    sql`select entity_id as id, title_zh, title_en from search_documents
        where entity_type = 'organisation' and entity_id = any(${uuidArray(docs.map((d) => d.entity_id))})`,
  );
  const old = new Map(before.map((r) => [r.id, r]));
  const renamed = docs
    .filter((d) => {
      const o = old.get(d.entity_id);
      return !o || o.title_zh !== d.title_zh || o.title_en !== d.title_en;
    })
    .map((d) => d.entity_id);
  if (renamed.length === 0) return { people: [], projects: [] };
  const people = await rowsOf<{ id: string }>(
    db,
    sql`select distinct person_id as id from person_affiliations where organisation_id = any(${uuidArray(renamed)})`,
  );
  const projects = await rowsOf<{ id: string }>(
    db,
    sql`select id from projects where owner_organisation_id = any(${uuidArray(renamed)})`,
  );
  return { people: people.map((r) => r.id), projects: projects.map((r) => r.id) };
}

/**
 * (Re)builds the search rows of these records from the tables, in the caller's transaction.
 * Ids that no longer exist lose their row. Organisations cascade: when one's name changed,
 * the rows of its people and projects (which show that name) are rebuilt too.
 */
export async function refreshSearchDocuments(tx: Executor, entityType: EntityType, ids: string[]): Promise<void> {
  const all = unique(ids);
  if (all.length === 0) return;
  // The matching index reads the same records (and their search rows): tell it in this transaction.
  if (entityType !== 'person') await recordMatchChange(tx, entityType, all);
  const terms = entityType === 'person' ? new Map<string, Terms>() : await loadTerms(tx);
  for (let i = 0; i < all.length; i += BATCH) {
    const batch = all.slice(i, i + BATCH);
    const docs =
      entityType === 'organisation'
        ? await organisationDocuments(tx, batch, terms)
        : entityType === 'person'
          ? await personDocuments(tx, batch)
          : await projectDocuments(tx, batch, terms);
    const cascade = entityType === 'organisation' ? await dependentsOfRenamed(tx, docs) : null;
    await writeDocuments(tx, docs);
    await removeMissing(tx, entityType, batch, new Set(docs.map((d) => d.entity_id)));
    if (cascade) {
      await refreshSearchDocuments(tx, 'person', cascade.people);
      await refreshSearchDocuments(tx, 'project', cascade.projects);
    }
  }
}

/** Deletes the search rows of these records (the service deletes the records themselves). */
export async function removeSearchDocuments(tx: Executor, entityType: EntityType, ids: string[]): Promise<void> {
  if (entityType !== 'person') await recordMatchChange(tx, entityType, ids);
  for (let i = 0; i < ids.length; i += BATCH) {
    await tx.execute(
      sql`delete from search_documents where entity_type = ${entityType} and entity_id = any(${uuidArray(ids.slice(i, i + BATCH))})`,
    );
  }
}
