/**
 * What the matching engine knows of each record, read from the tables in batches: per record
 * type and batch, one statement for the records themselves and one set-based statement per
 * related table (milestones, links, owned projects, feedback), grouped in SQL or joined here by
 * id — no correlated subquery per row, no per-record round trip. A whole type (the index build,
 * the full refresh) is walked by keyset on id: each batch is one `id > last order by id limit n`
 * statement, so 200,000 projects never sit in one result and no id list is sent back.
 *
 * Directory records take their tokens and visibility from `search_documents` (the search
 * index's segmentation and the same visibility the search applies: nothing is tokenised again);
 * briefs, challenges and community profiles are tokenised here. Texts are folded with
 * `foldFast` (same result as `fold`, without the Chinese conversion on text that needs none). Drafts, withdrawn briefs, draft and cancelled
 * challenges are not features at all: asking for them answers nothing, which the index reads
 * as "remove".
 */
import { sql, type SQL } from 'drizzle-orm';
import { INVESTING_KINDS } from '../../../domain/directory';
import { emptyFeatures, NO_FEEDBACK, PUBLIC_VISIBILITY as PUBLIC, type CandidateRole, type MatchFeatures, type RecordVisibility } from '../../../domain/matching/types';
import type { MatchEntityType } from '../../../domain/matching/vocabularies';
import { tokenise } from '../../../domain/text/tokenise';
import type { Executor } from '../../db/client';
import { rowsOf, uuidArray } from '../../db/sql-helpers';
import { foldFast } from '../../../domain/text/fast-fold';

/** Rows per statement: large enough to amortise a round trip, small enough to keep memory flat. */
export const FEATURE_BATCH = 5000;
/** Characters of folded text kept per record (the index reads concepts from it, then drops it). */
const TEXT_CAP = 4000;

type Feedback = MatchFeatures['feedback'];

const unique = <T>(values: readonly T[]): T[] => [...new Set(values)];
const clean = (values: readonly (string | null | undefined)[]): string[] => values.filter((v): v is string => typeof v === 'string' && v.length > 0);
const foldedText = (...parts: (string | null | undefined)[]) => foldFast(clean(parts).join(' ')).slice(0, TEXT_CAP);
/** The space-separated tokens of search_documents, each once. */
function splitTokens(text: string | null): string[] {
  if (!text) return [];
  const out = new Set<string>();
  for (const t of text.split(' ')) if (t.length > 0) out.add(t);
  return [...out];
}
const tokensOf = (...texts: (string | null | undefined)[]) => unique(clean(texts).flatMap((t) => tokenise(t)));

const base = emptyFeatures;


/** Which rows one statement reads: named ids, or the next keyset page of a whole type. */
type Selection = { ids: readonly string[] } | { after: string | null; limit: number };

/** The where clause (and order/limit) of a selection, on the id column `column`. */
function selecting(column: SQL, selection: Selection, filter: SQL = sql`true`): SQL {
  if ('ids' in selection) return sql`where ${column} = any(${uuidArray([...selection.ids])}) and ${filter}`;
  const after = selection.after === null ? sql`true` : sql`${column} > ${selection.after}::uuid`;
  return sql`where ${after} and ${filter} order by ${column} limit ${selection.limit}`;
}

/**
 * The batch's rows of a related table, by the column naming the batch's records: for named ids
 * `= any(ids)`; for a keyset page (ids in order) the id range, one index range scan.
 */
function inBatch(column: SQL, selection: Selection, ids: readonly string[]): SQL {
  if ('ids' in selection) return sql`${column} = any(${uuidArray(ids)})`;
  return sql`${column} between ${ids[0]!}::uuid and ${ids[ids.length - 1]!}::uuid`;
}

/** Rows grouped by their `id` column. */
function groupBy<T extends { id: string }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.id);
    if (list) list.push(r);
    else out.set(r.id, [r]);
  }
  return out;
}

/** Users' verdicts on these records as candidates, summed. */
async function feedbackOf(db: Executor, type: MatchEntityType, selection: Selection, ids: string[]): Promise<Map<string, Feedback>> {
  const rows = await rowsOf<{ id: string; useful: number; not_relevant: number; contacted: number }>(
    db,
    sql`select candidate_id as id,
          count(*) filter (where verdict = 'useful')::int as useful,
          count(*) filter (where verdict = 'not_relevant')::int as not_relevant,
          count(*) filter (where verdict = 'contacted')::int as contacted
        from match_feedback where candidate_type = ${type} and ${inBatch(sql`candidate_id`, selection, ids)}
        group by candidate_id`,
  );
  return new Map(rows.map((r) => [r.id, { useful: r.useful, notRelevant: r.not_relevant, contacted: r.contacted }]));
}

// ---------------------------------------------------------------- projects

interface ProjectSource {
  id: string;
  name_zh: string;
  name_en: string | null;
  segment: string;
  stage: string;
  modality: string | null;
  indications: string[];
  funding_sought_fen: string | number | null;
  summary_zh: string;
  summary_en: string;
  owner_id: string | null;
  province: string | null;
  qualifications: string[] | null;
  visibility: string | null;
  visible_community_ids: string[] | null;
  visible_org_ids: string[] | null;
  tokens: string | null;
}

async function projectFeatures(db: Executor, selection: Selection): Promise<MatchFeatures[]> {
  const rows = await rowsOf<ProjectSource>(
    db,
    sql`select p.id, p.name_zh, p.name_en, p.segment, p.stage, p.modality, array_to_json(p.indications) as indications,
          p.funding_sought_fen, p.summary_zh, p.summary_en, p.owner_organisation_id as owner_id,
          o.province, array_to_json(o.qualifications) as qualifications,
          d.visibility, array_to_json(d.visible_community_ids) as visible_community_ids, array_to_json(d.visible_org_ids) as visible_org_ids,
          d.name_tokens || ' ' || d.body_tokens as tokens
        from projects p
        left join organisations o on o.id = p.owner_organisation_id
        left join search_documents d on d.entity_type = 'project' and d.entity_id = p.id
        ${selecting(sql`p.id`, selection)}`,
  );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [milestones, links] = [
    groupBy(
      await rowsOf<{ id: string; kind: string }>(
        db,
        sql`select distinct project_id as id, kind from project_milestones where ${inBatch(sql`project_id`, selection, ids)}`,
      ),
    ),
    groupBy(
      await rowsOf<{ id: string; other: string }>(
        db,
        sql`select to_id as id, from_id as other from directory_links where to_type = 'project' and ${inBatch(sql`to_id`, selection, ids)}
            union select from_id, to_id from directory_links where from_type = 'project' and ${inBatch(sql`from_id`, selection, ids)}`,
      ),
    ),
  ];
  const feedback = await feedbackOf(db, 'project', selection, ids);
  return rows.map((p) => {
    const level = p.visibility === 'named_investors' ? 'named' : p.visibility === 'community' ? 'community' : 'public';
    // Until its search row exists (it is written in the same transaction), a project is treated as confidential to nobody but its community.
    const visibility: RecordVisibility =
      p.visibility === null
        ? { level: 'community', communityIds: [], orgIds: clean([p.owner_id]) }
        : {
            level,
            communityIds: p.visible_community_ids ?? [],
            // The owner's representatives always see their own project (they may edit it).
            orgIds: level === 'community' ? clean([p.owner_id]) : (p.visible_org_ids ?? []),
          };
    return {
      ...base('project', p.id, visibility),
      roles: ['project'],
      segments: [p.segment],
      stages: [p.stage],
      province: p.province,
      fundingSoughtFen: p.funding_sought_fen === null ? null : Number(p.funding_sought_fen),
      milestones: (milestones.get(p.id) ?? []).map((m) => m.kind),
      qualifications: p.qualifications ?? [],
      tokens: splitTokens(p.tokens),
      text: foldedText(p.name_zh, p.name_en, p.modality, ...p.indications, p.summary_zh, p.summary_en),
      linkedIds: unique(clean([p.owner_id, ...(links.get(p.id) ?? []).map((l) => l.other)])),
      feedback: feedback.get(p.id) ?? NO_FEEDBACK,
    };
  });
}

// ---------------------------------------------------------------- organisations

interface OrganisationSource {
  id: string;
  kind: string;
  name_zh: string;
  name_en: string | null;
  short_name_zh: string | null;
  description_zh: string;
  description_en: string;
  province: string | null;
  segments: string[];
  qualifications: string[];
  thesis_segments: string[];
  thesis_stages: string[];
  thesis_regions: string[];
  ticket_min_fen: string | number | null;
  ticket_max_fen: string | number | null;
  services: string[];
  tokens: string | null;
}

const RESEARCH_KINDS = new Set(['university', 'research_institute', 'hospital']);
const PARTNERSHIP_OF_LINK: Record<string, string> = { licensee_of: 'licensing', partner_of: 'co_development', investor_of: 'investment' };

/** The parts an organisation plays as a candidate, from its kind (and an enterprise's services). */
export function rolesOfOrganisation(kind: string, services: readonly string[]): CandidateRole[] {
  if ((INVESTING_KINDS as readonly string[]).includes(kind)) return ['investor'];
  if (kind === 'service_provider') return ['service'];
  if (kind === 'enterprise') return services.length > 0 ? ['company', 'service'] : ['company'];
  if (RESEARCH_KINDS.has(kind)) return ['research_team'];
  return [];
}

async function organisationFeatures(db: Executor, selection: Selection): Promise<MatchFeatures[]> {
  const rows = await rowsOf<OrganisationSource>(
    db,
    sql`select o.id, o.kind, o.name_zh, o.name_en, o.short_name_zh, o.description_zh, o.description_en, o.province,
          array_to_json(o.segments) as segments, array_to_json(o.qualifications) as qualifications,
          array_to_json(o.thesis_segments) as thesis_segments, array_to_json(o.thesis_stages) as thesis_stages,
          array_to_json(o.thesis_regions) as thesis_regions, o.ticket_min_fen, o.ticket_max_fen, array_to_json(o.services) as services,
          d.name_tokens || ' ' || d.body_tokens as tokens
        from organisations o
        left join search_documents d on d.entity_type = 'organisation' and d.entity_id = o.id
        ${selecting(sql`o.id`, selection)}`,
  );
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  // Links from the organisation (with the linked project's segment and stage), links to it, projects it owns.
  const outgoing = groupBy(
    await rowsOf<{ id: string; role: string; to_id: string; segment: string | null; stage: string | null }>(
      db,
      sql`select l.from_id as id, l.role, l.to_id, p.segment, p.stage
          from directory_links l left join projects p on l.to_type = 'project' and p.id = l.to_id
          where l.from_type = 'organisation' and ${inBatch(sql`l.from_id`, selection, ids)}`,
    ),
  );
  const incoming = groupBy(
    await rowsOf<{ id: string; other: string }>(
      db,
      sql`select to_id as id, from_id as other from directory_links where to_type = 'organisation' and ${inBatch(sql`to_id`, selection, ids)}`,
    ),
  );
  const owned = groupBy(
    await rowsOf<{ id: string; project_id: string; stage: string }>(
      db,
      sql`select owner_organisation_id as id, id as project_id, stage from projects where ${inBatch(sql`owner_organisation_id`, selection, ids)}`,
    ),
  );
  const feedback = await feedbackOf(db, 'organisation', selection, ids);
  return rows.map((o) => {
    const out = outgoing.get(o.id) ?? [];
    const mine = owned.get(o.id) ?? [];
    const portfolio = out.filter((l) => (l.role === 'investor_of' || l.role === 'licensee_of') && l.segment !== null && l.stage !== null);
    const roles = rolesOfOrganisation(o.kind, o.services);
    const investing = roles.includes('investor');
    return {
      ...base('organisation', o.id, PUBLIC),
      roles,
      segments: investing && o.thesis_segments.length > 0 ? o.thesis_segments : o.segments,
      stages: investing ? o.thesis_stages : unique(mine.map((p) => p.stage)),
      province: o.province,
      regions: investing ? o.thesis_regions : [],
      ticketMinFen: o.ticket_min_fen === null ? null : Number(o.ticket_min_fen),
      ticketMaxFen: o.ticket_max_fen === null ? null : Number(o.ticket_max_fen),
      // A provider's offer; an enterprise's needs come from its projects' stages (the engine reads `stages`).
      services: o.services,
      qualifications: o.qualifications,
      tokens: splitTokens(o.tokens),
      text: foldedText(o.name_zh, o.name_en, o.short_name_zh, o.description_zh, o.description_en),
      portfolioSegments: unique(portfolio.map((p) => p.segment!)),
      portfolioStages: unique(portfolio.map((p) => p.stage!)),
      linkedIds: unique([...out.map((l) => l.to_id), ...(incoming.get(o.id) ?? []).map((l) => l.other), ...mine.map((p) => p.project_id)]),
      partnerships: unique(out.map((l) => PARTNERSHIP_OF_LINK[l.role]).filter((p): p is string => !!p)),
      feedback: feedback.get(o.id) ?? NO_FEEDBACK,
    };
  });
}

// ---------------------------------------------------------------- communities

interface CommunitySource {
  id: string;
  name_zh_hans: string;
  name_en: string;
  description_zh_hans: string;
  description_en: string;
  province: string | null;
  has_profile: boolean;
  accepting: boolean | null;
  focus_segments: string[] | null;
  focus_stages: string[] | null;
  required_milestones: string[] | null;
  required_qualifications: string[] | null;
  regions: string[] | null;
  statement_zh: string | null;
  statement_en: string | null;
  free_area: string | number | null;
  residents: string[];
  resident_segments: string[];
}

async function communityFeatures(db: Executor, selection: Selection): Promise<MatchFeatures[]> {
  const rows = await rowsOf<CommunitySource>(
    db,
    sql`select c.id, c.name_zh_hans, c.name_en, c.description_zh_hans, c.description_en, c.province,
          (m.community_id is not null) as has_profile, m.accepting,
          array_to_json(m.focus_segments) as focus_segments, array_to_json(m.focus_stages) as focus_stages,
          array_to_json(m.required_milestones) as required_milestones, array_to_json(m.required_qualifications) as required_qualifications,
          array_to_json(m.regions) as regions, m.statement_zh, m.statement_en,
          (select sum(greatest(0, z.total_area_sqm - coalesce((select sum(g.floor_area_sqm) from landings g
                                                               where g.zone_id = z.id and g.community_id = z.community_id), 0)))
           from community_zones z where z.community_id = c.id and z.total_area_sqm is not null) as free_area,
          coalesce((select json_agg(distinct l.from_id) from directory_links l
                    where l.to_type = 'community' and l.to_id = c.id and l.role = 'resident_of'), '[]'::json) as residents,
          -- What its residents work in (the cluster criterion: a park whose companies already do this).
          coalesce((select json_agg(distinct x.segment) from (
                      select p.segment from directory_links l join projects p on p.id = l.from_id
                       where l.to_type = 'community' and l.to_id = c.id and l.role = 'resident_of' and l.from_type = 'project'
                      union all
                      select unnest(o.segments) from directory_links l join organisations o on o.id = l.from_id
                       where l.to_type = 'community' and l.to_id = c.id and l.role = 'resident_of' and l.from_type = 'organisation') x), '[]'::json) as resident_segments
        from communities c left join community_match_profiles m on m.community_id = c.id
        ${selecting(sql`c.id`, selection)}`,
  );
  const feedback = rows.length === 0 ? new Map<string, Feedback>() : await feedbackOf(db, 'community', selection, rows.map((r) => r.id));
  return rows.map((c) => {
    return {
      ...base('community', c.id, PUBLIC),
      roles: c.has_profile ? ['park'] : [],
      segments: c.focus_segments ?? [],
      stages: c.focus_stages ?? [],
      province: c.province,
      regions: c.regions ?? [],
      milestones: c.required_milestones ?? [],
      qualifications: c.required_qualifications ?? [],
      freeAreaSqm: c.free_area === null ? null : Number(c.free_area),
      closed: c.has_profile ? c.accepting === false : false,
      tokens: tokensOf(c.name_zh_hans, c.name_en, c.statement_zh, c.statement_en, c.description_zh_hans),
      text: foldedText(c.name_zh_hans, c.name_en, c.statement_zh, c.statement_en, c.description_zh_hans, c.description_en),
      linkedIds: c.residents,
      portfolioSegments: c.resident_segments,
      feedback: feedback.get(c.id) ?? NO_FEEDBACK,
    };
  });
}

// ---------------------------------------------------------------- briefs and challenges

interface BriefSource {
  id: string;
  organisation_id: string;
  title_zh: string;
  title_en: string | null;
  problem: string;
  solution: string;
  advantages: string;
  partner_sought: string;
  partnerships: string[];
  segments: string[];
  keywords: string[];
  visibility: string;
  province: string | null;
  community_ids: string[];
}

async function briefFeatures(db: Executor, selection: Selection): Promise<MatchFeatures[]> {
  const rows = await rowsOf<BriefSource>(
    db,
    sql`select b.id, b.organisation_id, b.title_zh, b.title_en, b.problem, b.solution, b.advantages, b.partner_sought,
          array_to_json(b.partnerships) as partnerships, array_to_json(b.segments) as segments, array_to_json(b.keywords) as keywords,
          b.visibility, o.province,
          coalesce((select json_agg(bc.community_id) from tech_brief_communities bc where bc.brief_id = b.id), '[]'::json) as community_ids
        from tech_briefs b join organisations o on o.id = b.organisation_id
        ${selecting(sql`b.id`, selection, sql`b.status = 'published'`)}`,
  );
  const feedback = rows.length === 0 ? new Map<string, Feedback>() : await feedbackOf(db, 'brief', selection, rows.map((r) => r.id));
  return rows.map((b) => {
    const visibility: RecordVisibility =
      b.visibility === 'communities' ? { level: 'communities', communityIds: b.community_ids, orgIds: [b.organisation_id] } : PUBLIC;
    return {
      ...base('brief', b.id, visibility),
      roles: ['brief'],
      segments: b.segments,
      province: b.province,
      tokens: tokensOf(b.title_zh, b.title_en, b.problem, b.solution, b.advantages, b.partner_sought, ...b.keywords),
      text: foldedText(b.title_zh, b.title_en, ...b.keywords, b.problem, b.solution, b.advantages, b.partner_sought),
      linkedIds: [b.organisation_id],
      partnerships: b.partnerships,
      feedback: feedback.get(b.id) ?? NO_FEEDBACK,
    };
  });
}

interface ChallengeSource {
  id: string;
  organisation_id: string | null;
  community_id: string | null;
  title_zh: string;
  title_en: string | null;
  description: string;
  requirements: string;
  offer: string;
  segments: string[];
  keywords: string[];
  visibility: string;
  status: string;
  past_deadline: boolean;
  province: string | null;
  community_ids: string[];
}

async function challengeFeatures(db: Executor, selection: Selection): Promise<MatchFeatures[]> {
  const rows = await rowsOf<ChallengeSource>(
    db,
    sql`select ch.id, ch.organisation_id, ch.community_id, ch.title_zh, ch.title_en, ch.description, ch.requirements, ch.offer,
          array_to_json(ch.segments) as segments, array_to_json(ch.keywords) as keywords, ch.visibility, ch.status,
          (ch.deadline <= now()) as past_deadline, coalesce(o.province, c.province) as province,
          coalesce((select json_agg(cc.community_id) from challenge_communities cc where cc.challenge_id = ch.id), '[]'::json) as community_ids
        from challenges ch
        left join organisations o on o.id = ch.organisation_id
        left join communities c on c.id = ch.community_id
        ${selecting(sql`ch.id`, selection, sql`ch.status in ('open', 'closed')`)}`,
  );
  const feedback = rows.length === 0 ? new Map<string, Feedback>() : await feedbackOf(db, 'challenge', selection, rows.map((r) => r.id));
  return rows.map((ch) => {
    const visibility: RecordVisibility =
      ch.visibility === 'communities'
        ? { level: 'communities', communityIds: unique(clean([...ch.community_ids, ch.community_id])), orgIds: clean([ch.organisation_id]) }
        : PUBLIC;
    return {
      ...base('challenge', ch.id, visibility),
      roles: ['challenge'],
      segments: ch.segments,
      province: ch.province,
      closed: ch.status !== 'open' || ch.past_deadline,
      tokens: tokensOf(ch.title_zh, ch.title_en, ch.description, ch.requirements, ...ch.keywords),
      text: foldedText(ch.title_zh, ch.title_en, ...ch.keywords, ch.description, ch.requirements, ch.offer),
      linkedIds: clean([ch.organisation_id, ch.community_id]),
      feedback: feedback.get(ch.id) ?? NO_FEEDBACK,
    };
  });
}

const BY_TYPE: Record<MatchEntityType, (db: Executor, selection: Selection) => Promise<MatchFeatures[]>> = {
  project: projectFeatures,
  organisation: organisationFeatures,
  community: communityFeatures,
  brief: briefFeatures,
  challenge: challengeFeatures,
};

/** Features of these records; ids that are gone (or not published / not open) are simply absent. */
export async function featuresOf(db: Executor, type: MatchEntityType, ids: readonly string[]): Promise<MatchFeatures[]> {
  const all = unique(ids);
  const out: MatchFeatures[] = [];
  for (let i = 0; i < all.length; i += FEATURE_BATCH) out.push(...(await BY_TYPE[type](db, { ids: all.slice(i, i + FEATURE_BATCH) })));
  return out;
}

/**
 * Every record of a type that can be a feature (published briefs, open or closed challenges), a
 * batch at a time in id order (keyset: each batch starts after the last id of the one before).
 * The caller may await between batches to let other requests run.
 */
export async function* allFeatures(db: Executor, type: MatchEntityType, batch = FEATURE_BATCH): AsyncGenerator<MatchFeatures[]> {
  let features = await BY_TYPE[type](db, { after: null, limit: batch });
  while (features.length > 0) {
    // The next page is read while the caller works on this one (the database and this process overlap).
    const next: Promise<MatchFeatures[]> =
      features.length < batch ? Promise.resolve([]) : BY_TYPE[type](db, { after: features[features.length - 1]!.id, limit: batch });
    next.catch(() => undefined);
    try {
      yield features;
    } finally {
      // A caller that stops early still waits for the read in flight (its connection or transaction stays in order).
      features = await next;
    }
  }
}
