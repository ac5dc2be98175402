/**
 * The SQL of the matching API beyond features: record summaries for cards, the viewer's
 * standing, feedback rows, stored suggestions, contact options and refresh runs.
 */
import { sql } from 'drizzle-orm';
import type { MatchEntityType, MatchTarget } from '../../../domain/matching/vocabularies';
import type { MatchViewer } from '../../../domain/matching/types';
import type { MatchRecord } from '../../../shared/schemas/matching';
import type { Executor } from '../../db/client';
import { rowsOf, uuidArray } from '../../db/sql-helpers';

export interface Ref {
  type: MatchEntityType;
  id: string;
}
export const refKey = (type: string, id: string) => `${type}:${id}`;

interface RecordRow {
  type: MatchEntityType;
  id: string;
  title_zh: string;
  title_en: string | null;
  kind: string;
  subtitle: string | null;
  segments: string[] | null;
  province: string | null;
  community_ids: string[] | null;
  slug: string | null;
}

const ids = (refs: readonly Ref[], type: MatchEntityType) => [...new Set(refs.filter((r) => r.type === type).map((r) => r.id))];

/** Card summaries of these records, in one statement per type present; absent records are left out. */
export async function recordsOf(db: Executor, refs: readonly Ref[]): Promise<Map<string, MatchRecord>> {
  const parts = [];
  const directory = ids(refs, 'project')
    .map((id) => ({ t: 'project', id }))
    .concat(ids(refs, 'organisation').map((id) => ({ t: 'organisation', id })));
  if (directory.length > 0) {
    parts.push(sql`select d.entity_type as type, d.entity_id as id, d.title_zh, d.title_en, d.kind, d.subtitle,
          array_to_json(d.segments) as segments, d.province, array_to_json(d.community_ids) as community_ids, null::text as slug
        from search_documents d
        where (d.entity_type = 'project' and d.entity_id = any(${uuidArray(ids(refs, 'project'))}))
           or (d.entity_type = 'organisation' and d.entity_id = any(${uuidArray(ids(refs, 'organisation'))}))`);
  }
  const communities = ids(refs, 'community');
  if (communities.length > 0) {
    parts.push(sql`select 'community' as type, c.id, c.name_zh_hans as title_zh, c.name_en as title_en, c.kind,
          concat_ws(' · ', c.province, nullif(c.city, c.province)) as subtitle, array_to_json(coalesce(m.focus_segments, '{}')) as segments, c.province,
          json_build_array(c.id) as community_ids, c.slug
        from communities c left join community_match_profiles m on m.community_id = c.id
        where c.id = any(${uuidArray(communities)})`);
  }
  const briefs = ids(refs, 'brief');
  if (briefs.length > 0) {
    parts.push(sql`select 'brief' as type, b.id, b.title_zh, b.title_en, b.maturity as kind, o.name_zh as subtitle,
          array_to_json(b.segments) as segments, o.province,
          coalesce((select json_agg(bc.community_id) from tech_brief_communities bc where bc.brief_id = b.id), '[]'::json) as community_ids,
          null::text as slug
        from tech_briefs b join organisations o on o.id = b.organisation_id
        where b.id = any(${uuidArray(briefs)})`);
  }
  const challenges = ids(refs, 'challenge');
  if (challenges.length > 0) {
    parts.push(sql`select 'challenge' as type, ch.id, ch.title_zh, ch.title_en, ch.kind, coalesce(o.name_zh, c.name_zh_hans) as subtitle,
          array_to_json(ch.segments) as segments, coalesce(o.province, c.province) as province,
          coalesce((select json_agg(cc.community_id) from challenge_communities cc where cc.challenge_id = ch.id),
                   case when ch.community_id is null then '[]'::json else json_build_array(ch.community_id) end) as community_ids,
          null::text as slug
        from challenges ch left join organisations o on o.id = ch.organisation_id left join communities c on c.id = ch.community_id
        where ch.id = any(${uuidArray(challenges)})`);
  }
  const out = new Map<string, MatchRecord>();
  for (const part of parts) {
    for (const r of await rowsOf<RecordRow>(db, part)) {
      out.set(refKey(r.type, r.id), {
        type: r.type,
        id: r.id,
        titleZh: r.title_zh,
        titleEn: r.title_en,
        kind: r.kind,
        subtitle: r.subtitle ?? '',
        segments: r.segments ?? [],
        province: r.province,
        communityIds: [...new Set(r.community_ids ?? [])],
        slug: r.slug,
      });
    }
  }
  return out;
}

/** The viewer as the matching visibility rule reads them. */
export async function matchViewerOf(db: Executor, userId: string, isPlatformAdmin: boolean): Promise<MatchViewer> {
  const [row] = await rowsOf<{ member_of: string[]; staff_of: string[]; represents: string[] }>(
    db,
    sql`select
          coalesce((select json_agg(community_id) from memberships where user_id = ${userId}), '[]'::json) as member_of,
          coalesce((select json_agg(community_id) from memberships
                    where user_id = ${userId} and role in ('staff', 'community_admin')), '[]'::json) as staff_of,
          coalesce((select json_agg(organisation_id) from organisation_representatives where user_id = ${userId}), '[]'::json) as represents`,
  );
  return {
    isPlatformAdmin,
    memberOf: new Set(row?.member_of ?? []),
    staffOf: new Set(row?.staff_of ?? []),
    represents: new Set(row?.represents ?? []),
  };
}

// ---------------------------------------------------------------- feedback

export interface FeedbackRow {
  candidate_type: MatchEntityType;
  candidate_id: string;
  verdict: 'useful' | 'not_relevant' | 'contacted';
  pipeline_item_id: string | null;
  partnering_request_id: string | null;
}

/** The user's verdicts on the candidates of one subject. */
export async function ownFeedback(db: Executor, userId: string, subject: Ref): Promise<FeedbackRow[]> {
  return rowsOf<FeedbackRow>(
    db,
    sql`select candidate_type, candidate_id, verdict, pipeline_item_id, partnering_request_id from match_feedback
        where user_id = ${userId} and subject_type = ${subject.type} and subject_id = ${subject.id}`,
  );
}

export async function upsertFeedback(
  db: Executor,
  userId: string,
  subject: Ref,
  candidate: Ref,
  verdict: string,
  links: { pipelineItemId?: string | null; partneringRequestId?: string | null } = {},
): Promise<void> {
  await db.execute(
    sql`insert into match_feedback (user_id, subject_type, subject_id, candidate_type, candidate_id, verdict, pipeline_item_id, partnering_request_id)
        values (${userId}, ${subject.type}, ${subject.id}, ${candidate.type}, ${candidate.id}, ${verdict},
                ${links.pipelineItemId ?? null}, ${links.partneringRequestId ?? null})
        on conflict (user_id, subject_type, subject_id, candidate_type, candidate_id) do update
        set verdict = excluded.verdict,
            pipeline_item_id = coalesce(excluded.pipeline_item_id, match_feedback.pipeline_item_id),
            partnering_request_id = coalesce(excluded.partnering_request_id, match_feedback.partnering_request_id),
            updated_at = now()`,
  );
}

export async function deleteFeedback(db: Executor, userId: string, subject: Ref, candidate: Ref): Promise<void> {
  await db.execute(
    sql`delete from match_feedback where user_id = ${userId} and subject_type = ${subject.type} and subject_id = ${subject.id}
        and candidate_type = ${candidate.type} and candidate_id = ${candidate.id}`,
  );
}

// ---------------------------------------------------------------- contact options

export interface PipelineOption {
  community_id: string;
  community_name: string;
  pipeline_id: string;
  pipeline_name: string;
}

/** Live pipelines of these communities. */
export async function pipelinesIn(db: Executor, communityIds: readonly string[]): Promise<PipelineOption[]> {
  if (communityIds.length === 0) return [];
  return rowsOf<PipelineOption>(
    db,
    sql`select c.id as community_id, c.name_zh_hans as community_name, p.id as pipeline_id, p.name_zh as pipeline_name
        from pipelines p join communities c on c.id = p.community_id
        where p.community_id = any(${uuidArray([...communityIds])}) and not p.archived
        order by c.name_zh_hans, p.created_at, p.id`,
  );
}

/** Communities where the user holds pipeline.write (staff, community admins). */
export async function communitiesWithPipelineWrite(db: Executor, userId: string): Promise<string[]> {
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`select community_id as id from memberships where user_id = ${userId} and role in ('staff', 'community_admin')`,
  );
  return rows.map((r) => r.id);
}

export interface EventOption {
  event_id: string;
  title: string;
  starts_at: string | Date;
  my_participant_id: string;
  their_participant_id: string;
}

/**
 * Partnering events where the user and a participant of one of these organisations (or
 * presenting one of these projects) are both active; the other participant first by id so the
 * answer is stable. Events already over are left out, and so are events in wish-list mode.
 */
export async function sharedPartneringEvents(
  db: Executor,
  userId: string,
  orgIds: readonly string[],
  projectIds: readonly string[],
  options: { withoutLiveRequest: boolean },
): Promise<EventOption[]> {
  if (orgIds.length === 0 && projectIds.length === 0) return [];
  const noLiveRequest = options.withoutLiveRequest
    ? sql`and not exists (select 1 from partnering_requests pr where pr.event_id = e.id and pr.status in ('pending', 'accepted')
                          and least(pr.from_participant_id, pr.to_participant_id) = least(me.id, them.id)
                          and greatest(pr.from_participant_id, pr.to_participant_id) = greatest(me.id, them.id))`
    : sql``;
  return rowsOf<EventOption>(
    db,
    sql`select distinct on (e.id) e.id as event_id, e.title, e.starts_at, me.id as my_participant_id, them.id as their_participant_id
        from partnering_participants me
        join events e on e.id = me.event_id
        join partnering_participants them on them.event_id = me.event_id and them.id <> me.id and them.status = 'active'
        where me.user_id = ${userId} and me.status = 'active' and them.user_id <> ${userId}
          and e.ends_at > now()
          -- Only events that take requests; offered options also leave out pairs with a live request there (it would be refused).
          and exists (select 1 from partnering_settings ps where ps.event_id = e.id and ps.mode = 'requests')
          ${noLiveRequest}
          and (them.organisation_id = any(${uuidArray([...orgIds])}) or them.project_ids && ${uuidArray([...projectIds])}
               or them.user_id in (select r.user_id from organisation_representatives r where r.organisation_id = any(${uuidArray([...orgIds])})))
        order by e.id, them.id`,
  );
}

// ---------------------------------------------------------------- stored suggestions

export interface StoredRow {
  candidate_type: MatchEntityType;
  candidate_id: string;
  rank: number;
  score: number;
  first_suggested_at: string | Date;
  refreshed_at: string | Date;
}

export async function storedSuggestions(db: Executor, subject: Ref, target: MatchTarget, limit: number): Promise<StoredRow[]> {
  return rowsOf<StoredRow>(
    db,
    sql`select candidate_type, candidate_id, rank, score, first_suggested_at, refreshed_at from match_suggestions
        where subject_type = ${subject.type} and subject_id = ${subject.id} and target = ${target}
        order by rank limit ${limit}`,
  );
}

/** The viewer's subjects for home suggestions: organisations represented (with kind), staff communities with a profile, own briefs and challenges. */
export async function subjectsOfUser(
  db: Executor,
  userId: string,
): Promise<{ orgs: { id: string; kind: string }[]; communities: string[]; briefs: string[]; challenges: string[]; projects: string[] }> {
  const [row] = await rowsOf<{
    orgs: { id: string; kind: string }[];
    communities: string[];
    briefs: string[];
    challenges: string[];
    projects: string[];
  }>(
    db,
    sql`select
          coalesce((select json_agg(json_build_object('id', o.id, 'kind', o.kind) order by o.name_zh)
                    from organisation_representatives r join organisations o on o.id = r.organisation_id where r.user_id = ${userId}), '[]'::json) as orgs,
          coalesce((select json_agg(m.community_id order by m.community_id) from memberships m
                    join community_match_profiles p on p.community_id = m.community_id
                    where m.user_id = ${userId} and m.role in ('staff', 'community_admin')), '[]'::json) as communities,
          coalesce((select json_agg(b.id order by b.published_at desc) from tech_briefs b
                    where b.status = 'published' and (b.created_by = ${userId} or b.contact_user_id = ${userId}
                      or b.organisation_id in (select organisation_id from organisation_representatives where user_id = ${userId}))), '[]'::json) as briefs,
          coalesce((select json_agg(ch.id order by ch.deadline) from challenges ch
                    where ch.status = 'open' and ch.deadline > now() and (ch.created_by = ${userId}
                      or ch.organisation_id in (select organisation_id from organisation_representatives where user_id = ${userId}))), '[]'::json) as challenges,
          coalesce((select json_agg(p.id order by p.updated_at desc) from projects p
                    where p.owner_organisation_id in (select organisation_id from organisation_representatives where user_id = ${userId})), '[]'::json) as projects`,
  );
  return row ?? { orgs: [], communities: [], briefs: [], challenges: [], projects: [] };
}

/** When the refresh before the last successful one started: suggestions first seen after it are new. */
export async function previousRefreshStart(db: Executor): Promise<Date | null> {
  const rows = await rowsOf<{ started_at: string | Date }>(
    db,
    sql`select created_at as started_at from match_refresh_runs where status = 'succeeded' order by created_at desc offset 1 limit 1`,
  );
  return rows[0] ? new Date(rows[0].started_at) : null;
}



/** Owner organisations of these projects (null when a project has none), in the given order. */
export async function projectOwners(db: Executor, projectIds: readonly string[]): Promise<(string | null)[]> {
  const rows = await rowsOf<{ id: string; owner: string | null }>(
    db,
    sql`select id, owner_organisation_id as owner from projects where id = any(${uuidArray([...projectIds])})`,
  );
  const byId = new Map(rows.map((r) => [r.id, r.owner]));
  return projectIds.map((id) => byId.get(id) ?? null);
}

/** The organisation that posted a brief or a challenge (none for a challenge a community posted). */
export async function posterOrganisations(db: Executor, record: Ref): Promise<string[]> {
  const table = record.type === 'brief' ? sql`tech_briefs` : sql`challenges`;
  const rows = await rowsOf<{ id: string | null }>(db, sql`select organisation_id as id from ${table} where id = ${record.id}`);
  return rows.flatMap((r) => (r.id ? [r.id] : []));
}
