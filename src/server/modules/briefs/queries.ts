import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { communities, organisationRepresentatives, organisations, techBriefCommunities, techBriefs, users } from '../../db/schema';
import { uuidArray } from '../../db/sql-helpers';

export type BriefRow = typeof techBriefs.$inferSelect;
export type BriefValues = typeof techBriefs.$inferInsert;
export type CommunityRefRow = Pick<typeof communities.$inferSelect, 'id' | 'slug' | 'kind' | 'nameZhHans' | 'nameZhHant' | 'nameEn'>;
export type OrganisationRefRow = Pick<typeof organisations.$inferSelect, 'id' | 'kind' | 'nameZh' | 'nameEn' | 'shortNameZh' | 'shortNameEn' | 'stewardCommunityId'>;

const communityRef = {
  id: communities.id,
  slug: communities.slug,
  kind: communities.kind,
  nameZhHans: communities.nameZhHans,
  nameZhHant: communities.nameZhHant,
  nameEn: communities.nameEn,
};

const organisationRef = {
  id: organisations.id,
  kind: organisations.kind,
  nameZh: organisations.nameZh,
  nameEn: organisations.nameEn,
  shortNameZh: organisations.shortNameZh,
  shortNameEn: organisations.shortNameEn,
  stewardCommunityId: organisations.stewardCommunityId,
};

// ---------------------------------------------------------------- briefs

export async function findBrief(db: Executor, id: string): Promise<BriefRow | undefined> {
  const [row] = await db.select().from(techBriefs).where(eq(techBriefs.id, id));
  return row;
}

/** Locks the row for the rest of the transaction (two edits of one brief queue up). */
export async function lockBrief(db: Executor, id: string): Promise<BriefRow | undefined> {
  const [row] = await db.select().from(techBriefs).where(eq(techBriefs.id, id)).for('update');
  return row;
}

export async function insertBrief(db: Executor, values: BriefValues): Promise<BriefRow> {
  const [row] = await db.insert(techBriefs).values(values).returning();
  return row!;
}

/** Writes the changes when the row is still at `version`; undefined when another edit came first. */
export async function updateBrief(db: Executor, id: string, version: number, changes: Partial<BriefValues>): Promise<BriefRow | undefined> {
  const [row] = await db
    .update(techBriefs)
    .set({ ...changes, version: sql`${techBriefs.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(techBriefs.id, id), eq(techBriefs.version, version)))
    .returning();
  return row;
}

export async function deleteBrief(db: Executor, id: string): Promise<void> {
  await db.delete(techBriefs).where(eq(techBriefs.id, id));
}

export async function briefCommunityIds(db: Executor, briefIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (briefIds.length === 0) return out;
  const rows = await db
    .select()
    .from(techBriefCommunities)
    .where(inArray(techBriefCommunities.briefId, [...new Set(briefIds)]));
  for (const r of rows) out.set(r.briefId, [...(out.get(r.briefId) ?? []), r.communityId]);
  return out;
}

export async function setBriefCommunities(db: Executor, briefId: string, communityIds: string[]): Promise<void> {
  await db.delete(techBriefCommunities).where(eq(techBriefCommunities.briefId, briefId));
  if (communityIds.length) await db.insert(techBriefCommunities).values(communityIds.map((communityId) => ({ briefId, communityId })));
}

// ---------------------------------------------------------------- listing

export interface ListScope {
  userId: string;
  isPlatformAdmin: boolean;
  /** Communities the viewer belongs to. */
  memberOf: string[];
  /** Communities where the viewer holds directory.write. */
  writerIn: string[];
  /** Organisations the viewer represents. */
  represented: string[];
}

export interface ListFilter {
  mine: boolean;
  status?: string;
  /** Each term's spellings (as typed, folded, related terms): a brief matches a term when it contains any of them; it must match every term. */
  terms: string[][];
  segment?: string;
  maturity?: string;
  partnership?: string;
  organisationId?: string;
  after?: { at: string; id: string };
  limit: number;
}

const sortAt = sql`coalesce(${techBriefs.publishedAt}, ${techBriefs.createdAt})`;

/** The briefs the viewer may edit, as SQL (the same rule as the service's `editAuthority`). */
function editableBy(scope: ListScope): SQL {
  const noReps = sql`not exists (select 1 from ${organisationRepresentatives} r where r.organisation_id = ${organisations.id})`;
  return sql`(${techBriefs.organisationId} = any(${uuidArray(scope.represented)})
    or ${techBriefs.communityId} = any(${uuidArray(scope.writerIn)})
    or (${organisations.stewardCommunityId} = any(${uuidArray(scope.writerIn)}) and ${noReps})
    ${scope.isPlatformAdmin ? sql`or ${techBriefs.createdBy} = ${scope.userId}` : sql``})`;
}

function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listBriefs(db: Executor, scope: ListScope, f: ListFilter): Promise<BriefRow[]> {
  const conditions: SQL[] = [];
  if (f.mine) {
    conditions.push(editableBy(scope));
    if (f.status) conditions.push(eq(techBriefs.status, f.status));
  } else {
    conditions.push(eq(techBriefs.status, 'published'));
    if (!scope.isPlatformAdmin) {
      conditions.push(sql`(${techBriefs.visibility} = 'public'
        or exists (select 1 from ${techBriefCommunities} c where c.brief_id = ${techBriefs.id} and c.community_id = any(${uuidArray(scope.memberOf)}))
        or ${editableBy(scope)})`);
    }
  }
  if (f.segment) conditions.push(sql`${f.segment} = any(${techBriefs.segments})`);
  if (f.maturity) conditions.push(eq(techBriefs.maturity, f.maturity));
  if (f.partnership) conditions.push(sql`${f.partnership} = any(${techBriefs.partnerships})`);
  if (f.organisationId) conditions.push(eq(techBriefs.organisationId, f.organisationId));
  for (const spellings of f.terms) {
    const alternatives = spellings.map((s) => {
      const p = likePattern(s);
      return sql`(${techBriefs.titleZh} ilike ${p} or coalesce(${techBriefs.titleEn}, '') ilike ${p} or ${techBriefs.problem} ilike ${p}
        or ${techBriefs.solution} ilike ${p} or ${techBriefs.advantages} ilike ${p} or array_to_string(${techBriefs.keywords}, ' ') ilike ${p}
        or ${organisations.nameZh} ilike ${p} or coalesce(${organisations.shortNameZh}, '') ilike ${p} or coalesce(${organisations.nameEn}, '') ilike ${p})`;
    });
    if (alternatives.length) conditions.push(sql`(${sql.join(alternatives, sql` or `)})`);
  }
  if (f.after) conditions.push(sql`(${sortAt}, ${techBriefs.id}) < (${f.after.at}::timestamptz, ${f.after.id}::uuid)`);
  const rows = await db
    .select({ brief: techBriefs })
    .from(techBriefs)
    .innerJoin(organisations, eq(organisations.id, techBriefs.organisationId))
    .where(and(...conditions))
    .orderBy(sql`${sortAt} desc`, sql`${techBriefs.id} desc`)
    .limit(f.limit + 1);
  return rows.map((r) => r.brief);
}

// ---------------------------------------------------------------- references

export async function organisationRefs(db: Executor, ids: string[]): Promise<Map<string, OrganisationRefRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select(organisationRef).from(organisations).where(inArray(organisations.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function communityRefs(db: Executor, ids: string[]): Promise<Map<string, CommunityRefRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select(communityRef).from(communities).where(inArray(communities.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

export async function userNames(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, displayName: users.displayName })
    .from(users)
    .where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.displayName]));
}

export async function hasRepresentatives(db: Executor, organisationId: string): Promise<boolean> {
  const rows = await db.select({ u: organisationRepresentatives.userId }).from(organisationRepresentatives).where(eq(organisationRepresentatives.organisationId, organisationId)).limit(1);
  return rows.length > 0;
}

export async function isRepresentative(db: Executor, organisationId: string, userId: string): Promise<boolean> {
  const rows = await db
    .select({ u: organisationRepresentatives.userId })
    .from(organisationRepresentatives)
    .where(and(eq(organisationRepresentatives.organisationId, organisationId), eq(organisationRepresentatives.userId, userId)));
  return rows.length > 0;
}

/** Organisations of the given kinds the viewer may post for: represented ones, and unclaimed ones stewarded where they write. */
export async function postableOrganisations(db: Executor, scope: ListScope, kinds: readonly string[]): Promise<OrganisationRefRow[]> {
  const noReps = sql`not exists (select 1 from ${organisationRepresentatives} r where r.organisation_id = ${organisations.id})`;
  return db
    .select(organisationRef)
    .from(organisations)
    .where(
      and(
        inArray(organisations.kind, [...kinds]),
        sql`(${organisations.id} = any(${uuidArray(scope.represented)}) or (${organisations.stewardCommunityId} = any(${uuidArray(scope.writerIn)}) and ${noReps}))`,
      ),
    )
    .orderBy(asc(organisations.nameZh), asc(organisations.id))
    .limit(500);
}
