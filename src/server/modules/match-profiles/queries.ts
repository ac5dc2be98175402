/** SQL of community match profiles, the codes they may name, and the free space of the zones. */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { rowsOf, textArray } from '../../db/sql-helpers';

export interface ProfileRow {
  communityId: string;
  accepting: boolean;
  focusSegments: string[];
  focusStages: string[];
  requiredMilestones: string[];
  requiredQualifications: string[];
  regions: string[];
  statementZh: string;
  statementEn: string;
  version: number;
  updatedAt: Date;
}

export async function findProfile(db: Executor, communityId: string, forUpdate = false): Promise<ProfileRow | null> {
  const [row] = await rowsOf<{
    community_id: string;
    accepting: boolean;
    focus_segments: string[];
    focus_stages: string[];
    required_milestones: string[];
    required_qualifications: string[];
    regions: string[];
    statement_zh: string;
    statement_en: string;
    version: number;
    updated_at: string | Date;
  }>(db, sql`select * from community_match_profiles where community_id = ${communityId} ${forUpdate ? sql`for update` : sql``}`);
  if (!row) return null;
  return {
    communityId: row.community_id,
    accepting: row.accepting,
    focusSegments: row.focus_segments,
    focusStages: row.focus_stages,
    requiredMilestones: row.required_milestones,
    requiredQualifications: row.required_qualifications,
    regions: row.regions,
    statementZh: row.statement_zh,
    statementEn: row.statement_en,
    version: row.version,
    updatedAt: new Date(row.updated_at),
  };
}

export interface ProfileValues {
  accepting: boolean;
  focusSegments: string[];
  focusStages: string[];
  requiredMilestones: string[];
  requiredQualifications: string[];
  regions: string[];
  statementZh: string;
  statementEn: string;
}

/** Creates the profile; false when one exists already (someone saved first). */
export async function insertProfile(tx: Executor, communityId: string, v: ProfileValues, userId: string): Promise<boolean> {
  const rows = await rowsOf<{ community_id: string }>(
    tx,
    sql`insert into community_match_profiles (community_id, accepting, focus_segments, focus_stages, required_milestones, required_qualifications, regions, statement_zh, statement_en, updated_by)
        values (${communityId}, ${v.accepting}, ${textArray(v.focusSegments)}, ${textArray(v.focusStages)}, ${textArray(v.requiredMilestones)},
                ${textArray(v.requiredQualifications)}, ${textArray(v.regions)}, ${v.statementZh}, ${v.statementEn}, ${userId})
        on conflict (community_id) do nothing returning community_id`,
  );
  return rows.length === 1;
}

/** Updates at the expected version; false when another edit came first. */
export async function updateProfile(tx: Executor, communityId: string, version: number, v: ProfileValues, userId: string): Promise<boolean> {
  const rows = await rowsOf<{ community_id: string }>(
    tx,
    sql`update community_match_profiles set accepting = ${v.accepting}, focus_segments = ${textArray(v.focusSegments)}, focus_stages = ${textArray(v.focusStages)},
               required_milestones = ${textArray(v.requiredMilestones)}, required_qualifications = ${textArray(v.requiredQualifications)},
               regions = ${textArray(v.regions)}, statement_zh = ${v.statementZh}, statement_en = ${v.statementEn},
               updated_by = ${userId}, version = version + 1, updated_at = now()
         where community_id = ${communityId} and version = ${version} returning community_id`,
  );
  return rows.length === 1;
}

/** Codes of a taxonomy (segment, stage, qualification) among these. */
export async function knownTaxonomyCodes(db: Executor, taxonomy: string, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await rowsOf<{ code: string }>(db, sql`select code from taxonomy_terms where taxonomy = ${taxonomy} and code = any(${textArray([...codes])})`);
  return new Set(rows.map((r) => r.code));
}

export async function knownMilestones(db: Executor, codes: readonly string[]): Promise<Set<string>> {
  if (codes.length === 0) return new Set();
  const rows = await rowsOf<{ code: string }>(db, sql`select code from milestone_kinds where code = any(${textArray([...codes])})`);
  return new Set(rows.map((r) => r.code));
}

/** Each zone's total area and the floor area its landings take. */
export async function zoneSpace(db: Executor, communityId: string): Promise<{ id: string; name: string; total: number | null; landed: number }[]> {
  const rows = await rowsOf<{ id: string; name_zh: string; total_area_sqm: number | null; landed: number }>(
    db,
    sql`select z.id, z.name_zh, z.total_area_sqm,
               coalesce((select sum(l.floor_area_sqm) from landings l where l.zone_id = z.id and l.community_id = z.community_id), 0)::int as landed
          from community_zones z where z.community_id = ${communityId} order by z.sort_order, z.name_zh`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name_zh, total: r.total_area_sqm, landed: Number(r.landed) }));
}
