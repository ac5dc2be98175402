import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  communityZones,
  companyYearlyFigures,
  directoryLinks,
  incubationRecords,
  landings,
  organisationRepresentatives,
  organisations,
  pipelineItems,
  projects,
  referrals,
  users,
} from '../../db/schema';
import { rowsOf } from '../../db/sql-helpers';

/**
 * The SQL of landing and incubation. Every statement names the community in its WHERE, so an id
 * from another community finds nothing.
 */

export type ZoneRow = typeof communityZones.$inferSelect;
export type LandingRow = typeof landings.$inferSelect;
export type IncubationRow = typeof incubationRecords.$inferSelect;
export type FiguresRow = typeof companyYearlyFigures.$inferSelect;

// ---------------------------------------------------------------- zones

// Written out: inside a selected expression Drizzle would leave the columns unqualified.
const occupied = sql<number>`coalesce((select sum(l.floor_area_sqm) from landings l where l.zone_id = "community_zones"."id" and l.community_id = "community_zones"."community_id"), 0)::int`;
const landingCount = sql<number>`(select count(*) from landings l where l.zone_id = "community_zones"."id" and l.community_id = "community_zones"."community_id")::int`;
const zoneColumns = { zone: communityZones, occupiedAreaSqm: occupied, landingCount };

export async function listZones(db: Executor, communityId: string) {
  return db
    .select(zoneColumns)
    .from(communityZones)
    .where(eq(communityZones.communityId, communityId))
    .orderBy(asc(communityZones.sortOrder), asc(communityZones.createdAt), asc(communityZones.id));
}

export async function findZone(db: Executor, communityId: string, zoneId: string) {
  const [row] = await db
    .select(zoneColumns)
    .from(communityZones)
    .where(and(eq(communityZones.communityId, communityId), eq(communityZones.id, zoneId)));
  return row;
}

/** Undefined when the community already has a zone of that name. */
export async function insertZone(db: Executor, values: typeof communityZones.$inferInsert): Promise<ZoneRow | undefined> {
  const [row] = await db.insert(communityZones).values(values).onConflictDoNothing().returning();
  return row;
}

/** Undefined when the version is stale (or the zone is not this community's). */
export async function updateZone(db: Executor, communityId: string, zoneId: string, version: number, set: Partial<typeof communityZones.$inferInsert>) {
  const [row] = await db
    .update(communityZones)
    .set({ ...set, version: sql`${communityZones.version} + 1` })
    .where(and(eq(communityZones.communityId, communityId), eq(communityZones.id, zoneId), eq(communityZones.version, version)))
    .returning();
  return row;
}

export async function deleteZone(db: Executor, communityId: string, zoneId: string): Promise<void> {
  await db.delete(communityZones).where(and(eq(communityZones.communityId, communityId), eq(communityZones.id, zoneId)));
}

// ---------------------------------------------------------------- landings

const landingColumns = {
  landing: landings,
  orgNameZh: organisations.nameZh,
  orgNameEn: organisations.nameEn,
  zoneKind: communityZones.kind,
  zoneNameZh: communityZones.nameZh,
  zoneNameEn: communityZones.nameEn,
};
export type LandingJoined = NonNullable<Awaited<ReturnType<typeof findLanding>>>;

function landingSelect(db: Executor) {
  return db
    .select(landingColumns)
    .from(landings)
    .innerJoin(organisations, eq(organisations.id, landings.organisationId))
    .leftJoin(communityZones, and(eq(communityZones.id, landings.zoneId), eq(communityZones.communityId, landings.communityId)));
}

export async function findLanding(db: Executor, communityId: string, landingId: string) {
  const [row] = await landingSelect(db).where(and(eq(landings.communityId, communityId), eq(landings.id, landingId)));
  return row;
}

function landingFilter(communityId: string, filter: { zoneId?: string; year?: number; q?: string }): SQL {
  const conditions: SQL[] = [eq(landings.communityId, communityId)];
  if (filter.zoneId) conditions.push(eq(landings.zoneId, filter.zoneId));
  if (filter.year) conditions.push(sql`extract(year from ${landings.landedOn}) = ${filter.year}`);
  if (filter.q) {
    const like = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(
      sql`(${organisations.nameZh} ilike ${like} or coalesce(${organisations.nameEn}, '') ilike ${like} or coalesce(${organisations.shortNameZh}, '') ilike ${like}
        or exists (select 1 from ${projects} where ${projects.id} = ${landings.projectId} and (${projects.nameZh} ilike ${like} or coalesce(${projects.nameEn}, '') ilike ${like})))`,
    );
  }
  return and(...conditions)!;
}

/** The community's landings, newest first (at most 2,000; a community records far fewer). */
export async function listLandings(db: Executor, communityId: string, filter: { zoneId?: string; year?: number; q?: string }) {
  return landingSelect(db)
    .where(landingFilter(communityId, filter))
    .orderBy(desc(landings.landedOn), desc(landings.createdAt), asc(landings.id))
    .limit(2000);
}

export async function landingTotals(db: Executor, communityId: string, filter: { zoneId?: string; year?: number; q?: string }) {
  const [row] = await db
    .select({
      count: sql<number>`count(*)::int`,
      floorAreaSqm: sql<string>`coalesce(sum(${landings.floorAreaSqm}), 0)`,
      registeredCapitalFen: sql<string>`coalesce(sum(${landings.registeredCapitalFen}), 0)`,
      committedInvestmentFen: sql<string>`coalesce(sum(${landings.committedInvestmentFen}), 0)`,
    })
    .from(landings)
    .innerJoin(organisations, eq(organisations.id, landings.organisationId))
    .where(landingFilter(communityId, filter));
  return {
    count: Number(row!.count),
    floorAreaSqm: Number(row!.floorAreaSqm),
    registeredCapitalFen: Number(row!.registeredCapitalFen),
    committedInvestmentFen: Number(row!.committedInvestmentFen),
  };
}

/** Undefined when the company has already landed in the community (the unique index decides). */
export async function insertLanding(db: Executor, values: typeof landings.$inferInsert): Promise<LandingRow | undefined> {
  const [row] = await db.insert(landings).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateLanding(db: Executor, communityId: string, landingId: string, version: number, set: Partial<typeof landings.$inferInsert>) {
  const [row] = await db
    .update(landings)
    .set({ ...set, version: sql`${landings.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(landings.communityId, communityId), eq(landings.id, landingId), eq(landings.version, version)))
    .returning();
  return row;
}

export async function deleteLanding(db: Executor, communityId: string, landingId: string): Promise<void> {
  await db.delete(landings).where(and(eq(landings.communityId, communityId), eq(landings.id, landingId)));
}

/** A pipeline item of this community (its project and organisation, for the landing form). */
export async function findPipelineItem(db: Executor, communityId: string, itemId: string) {
  const [row] = await db
    .select({ id: pipelineItems.id, projectId: pipelineItems.projectId, organisationId: pipelineItems.organisationId })
    .from(pipelineItems)
    .where(and(eq(pipelineItems.communityId, communityId), eq(pipelineItems.id, itemId)));
  return row;
}

export async function projectsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(projects).where(inArray(projects.id, [...new Set(ids)]));
}

/** Links the organisation resident_of the community; false when the link was already there. */
export async function linkResident(db: Executor, organisationId: string, communityId: string, since: string, userId: string) {
  const [row] = await db
    .insert(directoryLinks)
    .values({ fromType: 'organisation', fromId: organisationId, role: 'resident_of', toType: 'community', toId: communityId, since, createdBy: userId })
    .onConflictDoNothing()
    .returning();
  return row;
}

/** The project's accepted referral to this community becomes `landed`; its id, if there was one. */
export async function markReferralLanded(db: Executor, projectId: string, communityId: string) {
  return db
    .update(referrals)
    .set({ status: 'landed', version: sql`${referrals.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(referrals.projectId, projectId), eq(referrals.toCommunityId, communityId), eq(referrals.status, 'accepted')))
    .returning({ id: referrals.id, fromCommunityId: referrals.fromCommunityId });
}

// ---------------------------------------------------------------- incubation

const incubationColumns = { record: incubationRecords, orgNameZh: organisations.nameZh, orgNameEn: organisations.nameEn };

export async function findIncubation(db: Executor, communityId: string, id: string) {
  const [row] = await db
    .select(incubationColumns)
    .from(incubationRecords)
    .innerJoin(organisations, eq(organisations.id, incubationRecords.organisationId))
    .where(and(eq(incubationRecords.communityId, communityId), eq(incubationRecords.id, id)));
  return row;
}

export async function listIncubation(db: Executor, communityId: string, filter: { status?: string; batch?: string }) {
  const conditions: SQL[] = [eq(incubationRecords.communityId, communityId)];
  if (filter.status) conditions.push(eq(incubationRecords.status, filter.status));
  if (filter.batch !== undefined) conditions.push(eq(incubationRecords.batch, filter.batch));
  return db
    .select(incubationColumns)
    .from(incubationRecords)
    .innerJoin(organisations, eq(organisations.id, incubationRecords.organisationId))
    .where(and(...conditions))
    .orderBy(desc(incubationRecords.admittedOn), asc(organisations.nameZh), asc(incubationRecords.id))
    .limit(2000);
}

export async function incubationSummary(db: Executor, communityId: string) {
  const byStatus = await db
    .select({ status: incubationRecords.status, count: sql<number>`count(*)::int` })
    .from(incubationRecords)
    .where(eq(incubationRecords.communityId, communityId))
    .groupBy(incubationRecords.status);
  const batches = await db
    .select({ batch: incubationRecords.batch })
    .from(incubationRecords)
    .where(and(eq(incubationRecords.communityId, communityId), sql`${incubationRecords.batch} <> ''`))
    .groupBy(incubationRecords.batch)
    .orderBy(desc(sql`max(${incubationRecords.admittedOn})`), asc(incubationRecords.batch));
  return { byStatus: Object.fromEntries(byStatus.map((r) => [r.status, Number(r.count)])), batches: batches.map((b) => b.batch) };
}

export async function insertIncubation(db: Executor, values: typeof incubationRecords.$inferInsert): Promise<IncubationRow | undefined> {
  const [row] = await db.insert(incubationRecords).values(values).onConflictDoNothing().returning();
  return row;
}

export async function updateIncubation(db: Executor, communityId: string, id: string, version: number, set: Partial<typeof incubationRecords.$inferInsert>) {
  const [row] = await db
    .update(incubationRecords)
    .set({ ...set, version: sql`${incubationRecords.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(incubationRecords.communityId, communityId), eq(incubationRecords.id, id), eq(incubationRecords.version, version)))
    .returning();
  return row;
}

// ---------------------------------------------------------------- residents and yearly figures

/**
 * The community's resident companies: enterprises and service providers with a landing, an
 * incubation record or a resident_of link (an investor's or an institute's resident_of link
 * does not make it a company that reports yearly figures).
 */
function residentIds(communityId: string): SQL {
  return sql`(
    select ${landings.organisationId} from ${landings} where ${landings.communityId} = ${communityId}
    union select ${incubationRecords.organisationId} from ${incubationRecords} where ${incubationRecords.communityId} = ${communityId}
    union select ${directoryLinks.fromId} from ${directoryLinks}
      where ${directoryLinks.fromType} = 'organisation' and ${directoryLinks.role} = 'resident_of' and ${directoryLinks.toType} = 'community' and ${directoryLinks.toId} = ${communityId}
  ) r(id) join organisations ro on ro.id = r.id and ro.kind in ('enterprise', 'service_provider')`;
}

export async function isResident(db: Executor, communityId: string, organisationId: string): Promise<boolean> {
  const rows = await rowsOf<{ ok: number }>(db, sql`select 1 as ok from ${residentIds(communityId)} where r.id = ${organisationId} limit 1`);
  return rows.length > 0;
}

export async function isRepresentative(db: Executor, organisationId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: organisationRepresentatives.userId })
    .from(organisationRepresentatives)
    .where(and(eq(organisationRepresentatives.organisationId, organisationId), eq(organisationRepresentatives.userId, userId)));
  return Boolean(row);
}

/** The resident companies the user represents (for the member's shortcut to their figures). */
export async function representedResidents(db: Executor, communityId: string, userId: string) {
  return rowsOf<{ id: string; name_zh: string; name_en: string | null }>(
    db,
    sql`select o.id, o.name_zh, o.name_en from ${organisations} o
        join ${organisationRepresentatives} r on r.organisation_id = o.id and r.user_id = ${userId}
        where o.id in (select r.id from ${residentIds(communityId)}) order by o.name_zh`,
  );
}


const figuresColumns = { figures: companyYearlyFigures, enteredByName: users.displayName };

export async function companyFigures(db: Executor, communityId: string, organisationId: string) {
  return db
    .select(figuresColumns)
    .from(companyYearlyFigures)
    .leftJoin(users, eq(users.id, companyYearlyFigures.enteredBy))
    .where(and(eq(companyYearlyFigures.communityId, communityId), eq(companyYearlyFigures.organisationId, organisationId)))
    .orderBy(desc(companyYearlyFigures.year));
}

export async function findFigures(db: Executor, communityId: string, organisationId: string, year: number) {
  const [row] = await db
    .select()
    .from(companyYearlyFigures)
    .where(and(eq(companyYearlyFigures.communityId, communityId), eq(companyYearlyFigures.organisationId, organisationId), eq(companyYearlyFigures.year, year)));
  return row;
}

/** A year entered for the first time; undefined when someone entered it already. */
export async function insertFigures(db: Executor, values: typeof companyYearlyFigures.$inferInsert): Promise<FiguresRow | undefined> {
  const [row] = await db.insert(companyYearlyFigures).values(values).onConflictDoNothing().returning();
  return row;
}

/** Undefined when the version is stale or the year has no figures yet. */
export async function updateFigures(db: Executor, key: { communityId: string; organisationId: string; year: number }, version: number, set: Partial<typeof companyYearlyFigures.$inferInsert>) {
  const [row] = await db
    .update(companyYearlyFigures)
    .set({ ...set, version: sql`${companyYearlyFigures.version} + 1`, updatedAt: sql`now()` })
    .where(
      and(
        eq(companyYearlyFigures.communityId, key.communityId),
        eq(companyYearlyFigures.organisationId, key.organisationId),
        eq(companyYearlyFigures.year, key.year),
        eq(companyYearlyFigures.version, version),
      ),
    )
    .returning();
  return row;
}

/** Every resident company with its figures for the year (null when not entered), by name. */
export async function figuresTable(db: Executor, communityId: string, year: number) {
  return rowsOf<{
    id: string;
    name_zh: string;
    name_en: string | null;
    year: number | null;
    revenue_fen: string | null;
    headcount: number | null;
    rnd_spend_fen: string | null;
    tax_fen: string | null;
    entered_as: string | null;
    entered_by: string | null;
    entered_by_name: string | null;
    version: number | null;
    updated_at: string | Date | null;
  }>(
    db,
    sql`select o.id, o.name_zh, o.name_en, f.year, f.revenue_fen, f.headcount, f.rnd_spend_fen, f.tax_fen, f.entered_as, f.entered_by,
               u.display_name as entered_by_name, f.version, f.updated_at
        from ${organisations} o
        left join ${companyYearlyFigures} f on f.organisation_id = o.id and f.community_id = ${communityId} and f.year = ${year}
        left join ${users} u on u.id = f.entered_by
        where o.id in (select r.id from ${residentIds(communityId)})
        order by (f.version is null), o.name_zh, o.id
        limit 5000`,
  );
}
