import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { AgreementFact } from '../../../domain/lifecycle/agreement-totals';
import type { AgreementKind, AgreementStatus } from '../../../domain/lifecycle/vocabularies';
import type { Executor } from '../../db/client';
import { agreementAttachments, agreementParties, agreements, communities, events, files, organisations, pipelineItems, projects, taxonomyTerms } from '../../db/schema';
import { rowsOf, textArray } from '../../db/sql-helpers';

export type AgreementRow = typeof agreements.$inferSelect;
export type AgreementValues = typeof agreements.$inferInsert;

// ---------------------------------------------------------------- agreements

export async function findAgreement(db: Executor, communityId: string, id: string): Promise<AgreementRow | undefined> {
  const [row] = await db
    .select()
    .from(agreements)
    .where(and(eq(agreements.communityId, communityId), eq(agreements.id, id)));
  return row;
}

export async function insertAgreement(db: Executor, values: AgreementValues): Promise<AgreementRow> {
  const [row] = await db.insert(agreements).values(values).returning();
  return row!;
}

/** The update only lands on the version the editor saw; undefined when another change came first. */
export async function updateAgreement(db: Executor, communityId: string, id: string, version: number, values: Partial<AgreementValues>): Promise<AgreementRow | undefined> {
  const [row] = await db
    .update(agreements)
    .set({ ...values, version: sql`${agreements.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(agreements.communityId, communityId), eq(agreements.id, id), eq(agreements.version, version)))
    .returning();
  return row;
}

export async function deleteAgreement(db: Executor, communityId: string, id: string): Promise<void> {
  await db.delete(agreements).where(and(eq(agreements.communityId, communityId), eq(agreements.id, id)));
}

// ---------------------------------------------------------------- parties

export interface PartyRow {
  agreementId: string;
  organisationId: string;
  role: string;
  position: number;
  nameZh: string;
  nameEn: string | null;
}

export async function partiesOf(db: Executor, agreementIds: string[]): Promise<PartyRow[]> {
  if (agreementIds.length === 0) return [];
  return db
    .select({
      agreementId: agreementParties.agreementId,
      organisationId: agreementParties.organisationId,
      role: agreementParties.role,
      position: agreementParties.position,
      nameZh: organisations.nameZh,
      nameEn: organisations.nameEn,
    })
    .from(agreementParties)
    .innerJoin(organisations, eq(organisations.id, agreementParties.organisationId))
    .where(inArray(agreementParties.agreementId, agreementIds))
    .orderBy(asc(agreementParties.agreementId), asc(agreementParties.position));
}

export async function replaceParties(db: Executor, agreementId: string, parties: { organisationId: string; role: string }[]): Promise<void> {
  await db.delete(agreementParties).where(eq(agreementParties.agreementId, agreementId));
  await db.insert(agreementParties).values(parties.map((p, position) => ({ agreementId, organisationId: p.organisationId, role: p.role, position })));
}

export async function organisationsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: organisations.id, nameZh: organisations.nameZh, nameEn: organisations.nameEn, segments: organisations.segments })
    .from(organisations)
    .where(inArray(organisations.id, ids));
}

// ---------------------------------------------------------------- related records

export async function projectsByIds(db: Executor, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select().from(projects).where(inArray(projects.id, ids));
}

export async function findPipelineItem(db: Executor, communityId: string, id: string) {
  const [row] = await db
    .select({ id: pipelineItems.id, projectId: pipelineItems.projectId, organisationId: pipelineItems.organisationId })
    .from(pipelineItems)
    .where(and(eq(pipelineItems.communityId, communityId), eq(pipelineItems.id, id)));
  return row;
}

/** The titles of the events agreements name (for the link on the agreement). */
export async function eventTitles(db: Executor, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: events.id, title: events.title }).from(events).where(inArray(events.id, ids));
  return new Map(rows.map((r) => [r.id, r.title]));
}

/** The event an agreement names must be one of the same community's. */
export async function findEvent(db: Executor, communityId: string, id: string) {
  const [row] = await db.select({ id: events.id }).from(events).where(and(eq(events.communityId, communityId), eq(events.id, id)));
  return row;
}

export async function segmentExists(db: Executor, code: string): Promise<boolean> {
  const [row] = await db
    .select({ code: taxonomyTerms.code })
    .from(taxonomyTerms)
    .where(and(eq(taxonomyTerms.taxonomy, 'segment'), eq(taxonomyTerms.code, code)));
  return Boolean(row);
}

export async function segmentNames(db: Executor, codes: string[]) {
  if (codes.length === 0) return new Map<string, { nameZhHans: string; nameZhHant: string; nameEn: string }>();
  const rows = await db
    .select({ code: taxonomyTerms.code, nameZhHans: taxonomyTerms.nameZhHans, nameZhHant: taxonomyTerms.nameZhHant, nameEn: taxonomyTerms.nameEn })
    .from(taxonomyTerms)
    .where(and(eq(taxonomyTerms.taxonomy, 'segment'), inArray(taxonomyTerms.code, codes)));
  return new Map(rows.map((r) => [r.code, r]));
}

export async function communityName(db: Executor, id: string) {
  const [row] = await db.select({ nameZhHans: communities.nameZhHans, nameZhHant: communities.nameZhHant, nameEn: communities.nameEn, timeZone: communities.timeZone }).from(communities).where(eq(communities.id, id));
  return row;
}

// ---------------------------------------------------------------- files

export interface AgreementFileRow {
  id: string;
  agreementId: string;
  fileId: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  storageKey: string;
  createdAt: Date;
}

const fileColumns = {
  id: agreementAttachments.id,
  agreementId: agreementAttachments.agreementId,
  fileId: agreementAttachments.fileId,
  filename: files.filename,
  contentType: files.contentType,
  sizeBytes: files.sizeBytes,
  storageKey: files.storageKey,
  createdAt: agreementAttachments.createdAt,
};

export async function filesOf(db: Executor, agreementId: string): Promise<AgreementFileRow[]> {
  return db
    .select(fileColumns)
    .from(agreementAttachments)
    .innerJoin(files, eq(files.id, agreementAttachments.fileId))
    .where(eq(agreementAttachments.agreementId, agreementId))
    .orderBy(asc(agreementAttachments.createdAt), asc(agreementAttachments.id));
}

export async function findAgreementFile(db: Executor, agreementId: string, id: string): Promise<AgreementFileRow | undefined> {
  const [row] = await db
    .select(fileColumns)
    .from(agreementAttachments)
    .innerJoin(files, eq(files.id, agreementAttachments.fileId))
    .where(and(eq(agreementAttachments.agreementId, agreementId), eq(agreementAttachments.id, id)));
  return row;
}

export async function insertAgreementFile(db: Executor, values: typeof agreementAttachments.$inferInsert): Promise<{ id: string }> {
  const [row] = await db.insert(agreementAttachments).values(values).returning({ id: agreementAttachments.id });
  return row!;
}

export async function fileIdsOfAgreement(db: Executor, agreementId: string): Promise<string[]> {
  const rows = await db.select({ fileId: agreementAttachments.fileId }).from(agreementAttachments).where(eq(agreementAttachments.agreementId, agreementId));
  return rows.map((r) => r.fileId);
}

export async function fileCounts(db: Executor, agreementIds: string[]): Promise<Map<string, number>> {
  if (agreementIds.length === 0) return new Map();
  const rows = await db
    .select({ agreementId: agreementAttachments.agreementId, n: sql<number>`count(*)::int` })
    .from(agreementAttachments)
    .where(inArray(agreementAttachments.agreementId, agreementIds))
    .groupBy(agreementAttachments.agreementId);
  return new Map(rows.map((r) => [r.agreementId, Number(r.n)]));
}

// ---------------------------------------------------------------- lists

export interface ListFilters {
  kind?: AgreementKind;
  status?: AgreementStatus;
  statuses?: readonly AgreementStatus[];
  segment?: string;
  from?: string;
  to?: string;
  q?: string;
  projectId?: string;
  pipelineItemId?: string;
}

function likePattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The segment an agreement counts under: its own, else its project's (demo and imported
 * agreements may carry only the project).
 */
const EFFECTIVE_SEGMENT = sql`coalesce(a.segment, (select ps.segment from projects ps where ps.id = a.project_id))`;

function conditions(communityId: string | null, f: ListFilters): SQL[] {
  const out: SQL[] = [];
  if (communityId) out.push(sql`a.community_id = ${communityId}`);
  if (f.kind) out.push(sql`a.kind = ${f.kind}`);
  if (f.status) out.push(sql`a.status = ${f.status}`);
  if (f.statuses) out.push(sql`a.status = any(${textArray(f.statuses)})`);
  if (f.segment) out.push(sql`${EFFECTIVE_SEGMENT} = ${f.segment}`);
  if (f.from) out.push(sql`a.signed_on >= ${f.from}::date`);
  if (f.to) out.push(sql`a.signed_on <= ${f.to}::date`);
  if (f.projectId) out.push(sql`a.project_id = ${f.projectId}`);
  if (f.pipelineItemId) out.push(sql`a.pipeline_item_id = ${f.pipelineItemId}`);
  if (f.q) {
    const like = likePattern(f.q);
    out.push(sql`(a.title ilike ${like} or exists (
      select 1 from agreement_parties p join organisations o on o.id = p.organisation_id
      where p.agreement_id = a.id and (o.name_zh ilike ${like} or coalesce(o.name_en, '') ilike ${like} or coalesce(o.short_name_zh, '') ilike ${like})))`);
  }
  return out;
}

const where = (parts: SQL[]) => (parts.length ? sql`where ${sql.join(parts, sql` and `)}` : sql``);

interface RawAgreement {
  id: string;
  community_id: string;
  kind: string;
  title: string;
  amount_fen: string | number | null;
  signed_on_iso: string;
  effective_segment: string | null;
  signed_place: string;
  event_id: string | null;
  status: string;
  project_id: string | null;
  segment: string | null;
  pipeline_item_id: string | null;
  note: string;
  created_by: string | null;
  version: number;
  created_at: string | Date;
  updated_at: string | Date;
}


function fromRaw(r: RawAgreement): AgreementRow {
  return {
    id: r.id,
    communityId: r.community_id,
    kind: r.kind,
    title: r.title,
    amountFen: r.amount_fen === null ? null : Number(r.amount_fen),
    signedOn: r.signed_on_iso,
    signedPlace: r.signed_place,
    eventId: r.event_id,
    status: r.status,
    projectId: r.project_id,
    segment: r.effective_segment,
    pipelineItemId: r.pipeline_item_id,
    note: r.note,
    createdBy: r.created_by,
    version: Number(r.version),
    createdAt: new Date(r.created_at),
    updatedAt: new Date(r.updated_at),
  };
}

/** A page of agreements, newest signing first (then by id), after the keyset `after`. */
export async function listAgreements(
  db: Executor,
  communityId: string,
  filters: ListFilters,
  page: { limit: number; after?: { signedOn: string; id: string } },
): Promise<AgreementRow[]> {
  const parts = conditions(communityId, filters);
  if (page.after) parts.push(sql`(a.signed_on, a.id) < (${page.after.signedOn}::date, ${page.after.id}::uuid)`);
  const rows = await rowsOf<RawAgreement>(db, sql`select a.*, to_char(a.signed_on, 'YYYY-MM-DD') as signed_on_iso, ${EFFECTIVE_SEGMENT} as effective_segment from agreements a ${where(parts)} order by a.signed_on desc, a.id desc limit ${page.limit}`);
  return rows.map(fromRaw);
}

export async function countAgreements(db: Executor, communityId: string, filters: ListFilters): Promise<number> {
  const [row] = await rowsOf<{ n: number | string }>(db, sql`select count(*)::int as n from agreements a ${where(conditions(communityId, filters))}`);
  return Number(row?.n ?? 0);
}

/** What the totals add up, for one community or all (null). */
export async function totalsFacts(db: Executor, communityId: string | null, filters: ListFilters): Promise<AgreementFact[]> {
  const rows = await rowsOf<{ kind: string; segment: string | null; signed_on: string; amount_fen: string | number | null; project_id: string | null }>(
    db,
    sql`select a.kind, ${EFFECTIVE_SEGMENT} as segment, to_char(a.signed_on, 'YYYY-MM-DD') as signed_on, a.amount_fen, a.project_id from agreements a ${where(conditions(communityId, filters))}`,
  );
  return rows.map((r) => ({
    kind: r.kind as AgreementKind,
    segment: r.segment,
    signedOn: r.signed_on,
    amountFen: r.amount_fen === null ? null : Number(r.amount_fen),
    projectId: r.project_id,
  }));
}
