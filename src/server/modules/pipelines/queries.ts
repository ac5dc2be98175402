import { aliasedTable, and, asc, desc, eq, inArray, isNotNull, isNull, ne, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { LIVE_REFERRAL_STATUSES } from '../directory/projects.queries';
import { rowsOf, textArray, uuidArray } from '../../db/sql-helpers';
import {
  agreements,
  communities,
  landings,
  memberships,
  organisations,
  pipelineActivities,
  pipelineItemEvents,
  pipelineItems,
  pipelineStages,
  pipelines,
  projects,
  referrals,
  users,
} from '../../db/schema';

/**
 * The SQL of the pipelines. Every statement on items, stages, events and activities names the
 * community (directly, or through a pipeline already found in it), so an id from another
 * community finds nothing.
 */

export type PipelineRow = typeof pipelines.$inferSelect;
export type StageRow = typeof pipelineStages.$inferSelect;
export type ItemRow = typeof pipelineItems.$inferSelect;
export type ActivityRow = typeof pipelineActivities.$inferSelect;
/** Column values for an item UPDATE: plain values, or SQL such as now(). */
export type ItemSet = { [K in keyof typeof pipelineItems.$inferInsert]?: (typeof pipelineItems.$inferInsert)[K] | SQL };

/** Fractional-index ranks compare byte by byte (0-9 < A-Z < a-z), whatever the database's collation. */
export const rankC = sql`${pipelineItems.rank} collate "C"`;

// ---------------------------------------------------------------- pipelines and stages

export async function listPipelines(db: Executor, communityId: string, includeArchived: boolean): Promise<PipelineRow[]> {
  return db
    .select()
    .from(pipelines)
    .where(and(eq(pipelines.communityId, communityId), includeArchived ? undefined : eq(pipelines.archived, false)))
    .orderBy(asc(pipelines.archived), asc(pipelines.createdAt), asc(pipelines.id));
}

export async function findPipeline(db: Executor, communityId: string, pipelineId: string): Promise<PipelineRow | undefined> {
  const [row] = await db
    .select()
    .from(pipelines)
    .where(and(eq(pipelines.id, pipelineId), eq(pipelines.communityId, communityId)));
  return row;
}

export async function stagesOf(db: Executor, pipelineIds: string[]): Promise<StageRow[]> {
  if (pipelineIds.length === 0) return [];
  return db.select().from(pipelineStages).where(inArray(pipelineStages.pipelineId, pipelineIds)).orderBy(asc(pipelineStages.pipelineId), asc(pipelineStages.position));
}

export async function insertPipeline(db: Executor, values: typeof pipelines.$inferInsert): Promise<PipelineRow> {
  const [row] = await db.insert(pipelines).values(values).returning();
  return row!;
}

/** Changes only the version the editor started from: undefined when it is stale (or the pipeline is not the community's). */
export async function updatePipeline(db: Executor, communityId: string, pipelineId: string, version: number, values: Partial<typeof pipelines.$inferInsert>) {
  const [row] = await db
    .update(pipelines)
    .set({ ...values, version: sql`${pipelines.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(pipelines.id, pipelineId), eq(pipelines.communityId, communityId), eq(pipelines.version, version)))
    .returning();
  return row;
}

export async function insertStages(db: Executor, values: (typeof pipelineStages.$inferInsert)[]): Promise<void> {
  if (values.length) await db.insert(pipelineStages).values(values);
}

/** Stages among `stageIds` that still hold items (open or lost). */
export async function stagesInUse(db: Executor, pipelineId: string, stageIds: string[]): Promise<string[]> {
  if (stageIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ id: pipelineItems.stageId })
    .from(pipelineItems)
    .where(and(eq(pipelineItems.pipelineId, pipelineId), inArray(pipelineItems.stageId, stageIds)));
  return rows.map((r) => r.id);
}

export async function deleteStages(db: Executor, pipelineId: string, stageIds: string[]): Promise<void> {
  if (stageIds.length) await db.delete(pipelineStages).where(and(eq(pipelineStages.pipelineId, pipelineId), inArray(pipelineStages.id, stageIds)));
}

/**
 * Moves every stage of the pipeline out of the way (negative positions, and a temporary code for
 * those about to be renamed), so the final values can be written one row at a time without
 * tripping the unique (pipeline_id, position) and (pipeline_id, code) indexes mid-update.
 */
export async function parkStages(db: Executor, pipelineId: string, renamed: string[]): Promise<void> {
  await db
    .update(pipelineStages)
    .set({ position: sql`-1 - ${pipelineStages.position}` })
    .where(eq(pipelineStages.pipelineId, pipelineId));
  if (renamed.length) {
    await db
      .update(pipelineStages)
      .set({ code: sql`'tmp_' || replace(${pipelineStages.id}::text, '-', '')` })
      .where(and(eq(pipelineStages.pipelineId, pipelineId), inArray(pipelineStages.id, renamed)));
  }
}

export async function updateStage(db: Executor, pipelineId: string, stageId: string, values: Partial<typeof pipelineStages.$inferInsert>): Promise<void> {
  await db
    .update(pipelineStages)
    .set(values)
    .where(and(eq(pipelineStages.pipelineId, pipelineId), eq(pipelineStages.id, stageId)));
}

export interface SummaryRow {
  pipelineId: string;
  stageId: string;
  openCount: number;
  expectedInvestmentFen: string;
  weightedInvestmentFen: string;
  expectedAreaSqm: string;
}

/** Per stage of the pipelines: open items and their plain and probability-weighted expected investment and area, summed in SQL. */
export async function stageSummaries(db: Executor, pipelineIds: string[]): Promise<SummaryRow[]> {
  if (pipelineIds.length === 0) return [];
  return rowsOf<SummaryRow>(
    db,
    sql`select s.pipeline_id as "pipelineId", s.id as "stageId",
               count(i.id)::int as "openCount",
               coalesce(sum(i.expected_investment_fen), 0)::text as "expectedInvestmentFen",
               coalesce(sum(round(i.expected_investment_fen * coalesce(i.probability, s.probability) / 100.0)), 0)::text as "weightedInvestmentFen",
               coalesce(sum(i.expected_area_sqm), 0)::text as "expectedAreaSqm"
        from pipeline_stages s
        left join pipeline_items i on i.stage_id = s.id and i.pipeline_id = s.pipeline_id and i.lost_reason is null
        where s.pipeline_id = any(${uuidArray(pipelineIds)})
        group by s.pipeline_id, s.id, s.position
        order by s.pipeline_id, s.position`,
  );
}

export async function lostCounts(db: Executor, pipelineIds: string[]): Promise<Map<string, number>> {
  if (pipelineIds.length === 0) return new Map();
  const rows = await db
    .select({ id: pipelineItems.pipelineId, n: sql<number>`count(*)::int` })
    .from(pipelineItems)
    .where(and(inArray(pipelineItems.pipelineId, pipelineIds), isNotNull(pipelineItems.lostReason)))
    .groupBy(pipelineItems.pipelineId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

// ---------------------------------------------------------------- items

const ownerUser = aliasedTable(users, 'owner_user');

/** Today in the time zone, as the database sees it. */
export const todayIn = (timeZone: string) => sql`(now() at time zone ${timeZone})::date`;

export const itemColumns = (timeZone: string) => ({
  item: pipelineItems,
  stageProbability: pipelineStages.probability,
  ownerName: ownerUser.displayName,
  organisationNameZh: organisations.nameZh,
  organisationNameEn: organisations.nameEn,
  projectNameZh: projects.nameZh,
  projectNameEn: projects.nameEn,
  overdue: sql<boolean>`(${pipelineItems.lostReason} is null and ${pipelineItems.nextActionOn} is not null and ${pipelineItems.nextActionOn} < ${todayIn(timeZone)})`,
});

export type ItemListRow = {
  item: ItemRow;
  stageProbability: number;
  ownerName: string | null;
  organisationNameZh: string | null;
  organisationNameEn: string | null;
  projectNameZh: string | null;
  projectNameEn: string | null;
  overdue: boolean;
};

function itemSelect(db: Executor, timeZone: string, extra: Record<string, SQL>) {
  return db
    .select({ ...itemColumns(timeZone), ...extra })
    .from(pipelineItems)
    .innerJoin(pipelineStages, eq(pipelineStages.id, pipelineItems.stageId))
    .leftJoin(ownerUser, eq(ownerUser.id, pipelineItems.ownerUserId))
    .leftJoin(organisations, eq(organisations.id, pipelineItems.organisationId))
    .leftJoin(projects, eq(projects.id, pipelineItems.projectId));
}

/** One item of the community; another community's item id finds nothing. */
export async function findItem(db: Executor, communityId: string, itemId: string, timeZone: string): Promise<ItemListRow | undefined> {
  const [row] = await itemSelect(db, timeZone, {}).where(and(eq(pipelineItems.id, itemId), eq(pipelineItems.communityId, communityId)));
  return row as ItemListRow | undefined;
}

/** The bare item row, for writes. */
export async function findItemRow(db: Executor, communityId: string, itemId: string): Promise<ItemRow | undefined> {
  const [row] = await db
    .select()
    .from(pipelineItems)
    .where(and(eq(pipelineItems.id, itemId), eq(pipelineItems.communityId, communityId)));
  return row;
}

/** What the viewer's standing says about project names they may search by. */
export interface ProjectViewer {
  isPlatformAdmin: boolean;
  memberOf: string[];
  /** Communities whose directory the viewer writes (they may see its projects whatever the level). */
  staffOf: string[];
  represents: string[];
}

/** The SQL form of canSeeProject (src/domain/directory-access.ts), for searching items by their project's name. */
function projectVisible(v: ProjectViewer): SQL {
  if (v.isPlatformAdmin) return sql`true`;
  const parts: SQL[] = [sql`${projects.confidentiality} = 'public'`];
  if (v.memberOf.length) {
    parts.push(sql`(${projects.confidentiality} = 'community' and ${projects.communityId} = any(${uuidArray(v.memberOf)}))`);
    // A live referral shares a community-level project with the receiving community's members.
    parts.push(
      sql`(${projects.confidentiality} = 'community' and exists (select 1 from referrals r where r.project_id = ${projects.id}
           and r.status = any(${textArray(LIVE_REFERRAL_STATUSES)}) and r.to_community_id = any(${uuidArray(v.memberOf)})))`,
    );
  }
  if (v.staffOf.length) parts.push(sql`${projects.communityId} = any(${uuidArray(v.staffOf)})`);
  if (v.represents.length) {
    parts.push(sql`${projects.ownerOrganisationId} = any(${uuidArray(v.represents)})`);
    parts.push(
      sql`(${projects.confidentiality} = 'named_investors' and exists (select 1 from project_named_investors n where n.project_id = ${projects.id} and n.organisation_id = any(${uuidArray(v.represents)})))`,
    );
  }
  return sql`(${sql.join(parts, sql` or `)})`;
}

export type ItemSort = 'rank' | 'updated' | 'next_action' | 'investment' | 'stage_age';

interface SortKey {
  expr: SQL;
  /** How a cursor value (text) is read back for the comparison. */
  cast: (value: string) => SQL;
}

/** Each sort's keys, ending with the id so the order is total, and its direction. */
export const SORTS: Record<ItemSort, { keys: SortKey[]; dir: 'asc' | 'desc' }> = {
  rank: {
    dir: 'asc',
    keys: [
      { expr: sql`${pipelineStages.position}`, cast: (v) => sql`${v}::int` },
      { expr: rankC, cast: (v) => sql`${v}::text collate "C"` },
    ],
  },
  updated: { dir: 'desc', keys: [{ expr: sql`${pipelineItems.updatedAt}`, cast: (v) => sql`${v}::timestamptz` }] },
  next_action: { dir: 'asc', keys: [{ expr: sql`coalesce(${pipelineItems.nextActionOn}, '9999-12-31'::date)`, cast: (v) => sql`${v}::date` }] },
  investment: { dir: 'desc', keys: [{ expr: sql`coalesce(${pipelineItems.expectedInvestmentFen}, -1)`, cast: (v) => sql`${v}::bigint` }] },
  stage_age: { dir: 'asc', keys: [{ expr: sql`${pipelineItems.stageEnteredAt}`, cast: (v) => sql`${v}::timestamptz` }] },
};

export interface ItemFilters {
  communityId: string;
  pipelineId: string;
  timeZone: string;
  stageId?: string;
  status: 'open' | 'lost' | 'all';
  ownerUserId?: string;
  q?: string;
  overdue?: boolean;
  viewer: ProjectViewer;
}

function likePattern(q: string) {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function filterConditions(f: ItemFilters): SQL[] {
  const out: SQL[] = [sql`${pipelineItems.communityId} = ${f.communityId}`, sql`${pipelineItems.pipelineId} = ${f.pipelineId}`];
  if (f.stageId) out.push(sql`${pipelineItems.stageId} = ${f.stageId}`);
  if (f.status === 'open') out.push(sql`${pipelineItems.lostReason} is null`);
  if (f.status === 'lost') out.push(sql`${pipelineItems.lostReason} is not null`);
  if (f.ownerUserId) out.push(sql`${pipelineItems.ownerUserId} = ${f.ownerUserId}`);
  const overdue = sql`(${pipelineItems.lostReason} is null and ${pipelineItems.nextActionOn} is not null and ${pipelineItems.nextActionOn} < ${todayIn(f.timeZone)})`;
  if (f.overdue === true) out.push(overdue);
  if (f.overdue === false) out.push(sql`not ${overdue}`);
  if (f.q) {
    const p = likePattern(f.q);
    out.push(
      sql`(${pipelineItems.title} ilike ${p} or ${organisations.nameZh} ilike ${p} or coalesce(${organisations.nameEn}, '') ilike ${p}
           or ((${projects.nameZh} ilike ${p} or coalesce(${projects.nameEn}, '') ilike ${p}) and ${projectVisible(f.viewer)}))`,
    );
  }
  return out;
}

/**
 * One page of items in the sort's order, starting after the cursor's keys. Returns up to
 * limit + 1 rows (the extra one says there is a next page) with each row's keys as text.
 */
export async function listItems(db: Executor, f: ItemFilters, sort: ItemSort, limit: number, after: string[] | null) {
  const spec = SORTS[sort];
  const exprs = [...spec.keys.map((k) => k.expr), sql`${pipelineItems.id}`];
  const keyColumns = Object.fromEntries(spec.keys.map((k, i) => [`k${i}`, sql<string>`(${k.expr})::text`]));
  const conditions = filterConditions(f);
  if (after) {
    const values = [...spec.keys.map((k, i) => k.cast(after[i]!)), sql`${after[spec.keys.length]!}::uuid`];
    const op = spec.dir === 'asc' ? sql`>` : sql`<`;
    conditions.push(sql`(${sql.join(exprs, sql`, `)}) ${op} (${sql.join(values, sql`, `)})`);
  }
  const order = exprs.map((e) => (spec.dir === 'asc' ? sql`${e} asc` : sql`${e} desc`));
  const rows = await itemSelect(db, f.timeZone, keyColumns)
    .where(and(...conditions))
    .orderBy(...order)
    .limit(limit + 1);
  return rows as unknown as (ItemListRow & Record<string, unknown>)[];
}

export async function countItems(db: Executor, f: ItemFilters): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(pipelineItems)
    .innerJoin(pipelineStages, eq(pipelineStages.id, pipelineItems.stageId))
    .leftJoin(organisations, eq(organisations.id, pipelineItems.organisationId))
    .leftJoin(projects, eq(projects.id, pipelineItems.projectId))
    .where(and(...filterConditions(f)));
  return Number(row?.n ?? 0);
}

/** The last open rank of a column (byte order), to put an item at its end. */
export async function lastRank(db: Executor, pipelineId: string, stageId: string, exceptItemId?: string): Promise<string | null> {
  const [row] = await db
    .select({ rank: pipelineItems.rank })
    .from(pipelineItems)
    .where(
      and(
        eq(pipelineItems.pipelineId, pipelineId),
        eq(pipelineItems.stageId, stageId),
        isNull(pipelineItems.lostReason),
        exceptItemId ? ne(pipelineItems.id, exceptItemId) : undefined,
      ),
    )
    .orderBy(sql`${rankC} desc`)
    .limit(1);
  return row?.rank ?? null;
}

/** The nearest open rank of the column strictly above (or below) a rank, leaving out the item being moved. */
export async function neighbourRank(db: Executor, pipelineId: string, stageId: string, rank: string, side: 'above' | 'below', exceptItemId: string) {
  const [row] = await db
    .select({ rank: pipelineItems.rank })
    .from(pipelineItems)
    .where(
      and(
        eq(pipelineItems.pipelineId, pipelineId),
        eq(pipelineItems.stageId, stageId),
        isNull(pipelineItems.lostReason),
        ne(pipelineItems.id, exceptItemId),
        side === 'above' ? sql`${rankC} > ${rank}::text collate "C"` : sql`${rankC} < ${rank}::text collate "C"`,
      ),
    )
    .orderBy(side === 'above' ? sql`${rankC} asc` : sql`${rankC} desc`)
    .limit(1);
  return row?.rank ?? null;
}

/** An open item of the column (the card a drop names as its neighbour). */
export async function findColumnItem(db: Executor, pipelineId: string, stageId: string, itemId: string) {
  const [row] = await db
    .select({ id: pipelineItems.id, rank: pipelineItems.rank })
    .from(pipelineItems)
    .where(and(eq(pipelineItems.id, itemId), eq(pipelineItems.pipelineId, pipelineId), eq(pipelineItems.stageId, stageId), isNull(pipelineItems.lostReason)));
  return row;
}

/** The single write of every item change: only the version the editor started from. Undefined when it is stale. */
export async function updateItem(db: Executor, communityId: string, itemId: string, version: number, values: ItemSet) {
  const [row] = await db
    .update(pipelineItems)
    .set({ ...values, version: sql`${pipelineItems.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(pipelineItems.id, itemId), eq(pipelineItems.communityId, communityId), eq(pipelineItems.version, version)))
    .returning();
  return row;
}

/** Sets the next action whatever the version (an activity recorded with its follow-up); bumps the version. */
export async function setNextAction(db: Executor, communityId: string, itemId: string, values: { nextAction?: string; nextActionOn?: string | null }) {
  const [row] = await db
    .update(pipelineItems)
    .set({ ...values, version: sql`${pipelineItems.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(pipelineItems.id, itemId), eq(pipelineItems.communityId, communityId)))
    .returning();
  return row;
}

export async function deleteItem(db: Executor, communityId: string, itemId: string): Promise<void> {
  await db.delete(pipelineItems).where(and(eq(pipelineItems.id, itemId), eq(pipelineItems.communityId, communityId)));
}

export async function insertEvent(db: Executor, values: typeof pipelineItemEvents.$inferInsert): Promise<void> {
  await db.insert(pipelineItemEvents).values(values);
}

export async function itemHistory(db: Executor, itemId: string) {
  return db
    .select({ event: pipelineItemEvents, actorName: users.displayName })
    .from(pipelineItemEvents)
    .leftJoin(users, eq(users.id, pipelineItemEvents.actorId))
    .where(eq(pipelineItemEvents.itemId, itemId))
    .orderBy(asc(pipelineItemEvents.at), asc(pipelineItemEvents.id));
}

/** The records made from an item, in the community: agreements, its landing, the referral it came from. */
export async function itemLinks(db: Executor, communityId: string, itemId: string) {
  const agreementRows = await db
    .select({ id: agreements.id })
    .from(agreements)
    .where(and(eq(agreements.pipelineItemId, itemId), eq(agreements.communityId, communityId)))
    .orderBy(asc(agreements.createdAt), asc(agreements.id));
  const [landing] = await db
    .select({ id: landings.id })
    .from(landings)
    .where(and(eq(landings.pipelineItemId, itemId), eq(landings.communityId, communityId)))
    .orderBy(desc(landings.createdAt))
    .limit(1);
  const [referral] = await db
    .select({ id: referrals.id })
    .from(referrals)
    .where(and(eq(referrals.acceptedItemId, itemId), eq(referrals.toCommunityId, communityId)))
    .limit(1);
  return { agreementIds: agreementRows.map((r) => r.id), landingId: landing?.id ?? null, referralId: referral?.id ?? null };
}

export async function findProjectsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(projects).where(inArray(projects.id, ids));
}

export async function membershipRole(db: Executor, communityId: string, userId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.communityId, communityId), eq(memberships.userId, userId)));
  return row?.role;
}

export async function findOrganisationName(db: Executor, id: string) {
  const [row] = await db.select({ id: organisations.id, nameZh: organisations.nameZh }).from(organisations).where(eq(organisations.id, id));
  return row;
}

// ---------------------------------------------------------------- activities

export async function listActivities(db: Executor, communityId: string, itemId: string) {
  return db
    .select({ activity: pipelineActivities, authorName: users.displayName })
    .from(pipelineActivities)
    .leftJoin(users, eq(users.id, pipelineActivities.authorId))
    .where(and(eq(pipelineActivities.itemId, itemId), eq(pipelineActivities.communityId, communityId)))
    .orderBy(desc(pipelineActivities.occurredAt), desc(pipelineActivities.createdAt), desc(pipelineActivities.id))
    .limit(1000);
}

export async function insertActivity(db: Executor, values: typeof pipelineActivities.$inferInsert) {
  const [row] = await db.insert(pipelineActivities).values(values).returning();
  return row!;
}

// ---------------------------------------------------------------- conversion

export interface EventRow {
  itemId: string;
  kind: string;
  fromStageId: string | null;
  toStageId: string | null;
  lostReason: string | null;
  day: string;
  atMs: string;
}

/** The pipeline's history, in time order, with each event's date in the community's time zone. */
export async function pipelineEvents(db: Executor, pipelineId: string, timeZone: string): Promise<EventRow[]> {
  return rowsOf<EventRow>(
    db,
    sql`select item_id as "itemId", kind, from_stage_id as "fromStageId", to_stage_id as "toStageId", lost_reason as "lostReason",
               to_char(at at time zone ${timeZone}, 'YYYY-MM-DD') as day,
               (extract(epoch from at) * 1000)::bigint::text as "atMs"
        from pipeline_item_events where pipeline_id = ${pipelineId}
        order by item_id, at, id`,
  );
}

// ---------------------------------------------------------------- reminders

export interface ReminderRow {
  communityId: string;
  slug: string;
  communityKind: string;
  nameZhHans: string;
  nameZhHant: string;
  communityNameEn: string;
  pipelineId: string;
  pipelineNameZh: string;
  pipelineNameEn: string | null;
  itemId: string;
  title: string;
  stageNameZh: string;
  stageNameEn: string | null;
  nextAction: string;
  nextActionOn: string;
  overdueDays: number;
}

/**
 * The user's open items whose next action is due (today or earlier, in each community's time
 * zone), in communities where they hold one of `roles` (or any community for a platform admin).
 */
export async function dueItems(db: Executor, userId: string, roles: string[], everywhere: boolean): Promise<ReminderRow[]> {
  const allowed = everywhere
    ? sql`true`
    : sql`exists (select 1 from memberships m where m.community_id = c.id and m.user_id = ${userId} and m.role = any(${`{${roles.join(',')}}`}::text[]))`;
  return rowsOf<ReminderRow>(
    db,
    sql`select c.id as "communityId", c.slug, c.kind as "communityKind", c.name_zh_hans as "nameZhHans", c.name_zh_hant as "nameZhHant",
               c.name_en as "communityNameEn", p.id as "pipelineId", p.name_zh as "pipelineNameZh", p.name_en as "pipelineNameEn",
               i.id as "itemId", i.title, s.name_zh as "stageNameZh", s.name_en as "stageNameEn", i.next_action as "nextAction",
               i.next_action_on::text as "nextActionOn",
               ((now() at time zone c.time_zone)::date - i.next_action_on)::int as "overdueDays"
        from ${pipelineItems} i
        join ${pipelines} p on p.id = i.pipeline_id and p.community_id = i.community_id
        join ${pipelineStages} s on s.id = i.stage_id
        join ${communities} c on c.id = i.community_id
        where i.owner_user_id = ${userId} and i.lost_reason is null and not p.archived
          and i.next_action_on is not null and i.next_action_on <= (now() at time zone c.time_zone)::date
          and ${allowed}
        order by i.next_action_on, c.slug, i.id
        limit 500`,
  );
}
