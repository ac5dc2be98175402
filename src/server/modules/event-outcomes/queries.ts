import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import {
  agreements,
  eventFollowUps,
  eventMaterials,
  eventProjects,
  eventRegistrations,
  eventSessions,
  eventSignings,
  events,
  files,
  organisations,
  pipelineActivities,
  pipelines,
  projectAttachments,
  projects,
} from '../../db/schema';
import { rowsOf, textArray, uuidArray } from '../../db/sql-helpers';

/**
 * SQL of the event outcomes module. Every query that takes an event id is reached only after
 * the service found the event in the caller's community (findEvent), so an id from another
 * community finds nothing.
 */

export type EventRow = typeof events.$inferSelect;

export async function findEventById(db: Executor, eventId: string): Promise<EventRow | undefined> {
  const [row] = await db.select().from(events).where(eq(events.id, eventId));
  return row;
}

/** Serialises the writes to one event's running orders (projects, signings). */
export async function lockEvent(db: Executor, eventId: string): Promise<void> {
  await db.execute(sql`select id from events where id = ${eventId} for update`);
}

export interface SessionRow {
  id: string;
  title: string;
  kind: string;
  startsAt: Date;
  endsAt: Date;
  room: string;
}

export async function sessionsOf(db: Executor, eventId: string): Promise<SessionRow[]> {
  return db
    .select({ id: eventSessions.id, title: eventSessions.title, kind: eventSessions.kind, startsAt: eventSessions.startsAt, endsAt: eventSessions.endsAt, room: eventSessions.room })
    .from(eventSessions)
    .where(eq(eventSessions.eventId, eventId))
    .orderBy(asc(eventSessions.startsAt));
}

export async function sessionExists(db: Executor, eventId: string, sessionId: string): Promise<boolean> {
  const [row] = await db.select({ id: eventSessions.id }).from(eventSessions).where(and(eq(eventSessions.eventId, eventId), eq(eventSessions.id, sessionId)));
  return Boolean(row);
}

export interface TermRow {
  taxonomy: string;
  code: string;
  nameZhHans: string;
  nameZhHant: string;
  nameEn: string;
}

export async function terms(db: Executor, codes: { taxonomy: string; code: string }[]): Promise<Map<string, TermRow>> {
  if (codes.length === 0) return new Map();
  const rows = await rowsOf<{ taxonomy: string; code: string; name_zh_hans: string; name_zh_hant: string; name_en: string }>(
    db,
    sql`select taxonomy, code, name_zh_hans, name_zh_hant, name_en from taxonomy_terms where taxonomy in ('segment', 'stage') and code = any(${textArray([...new Set(codes.map((c) => c.code))])})`,
  );
  return new Map(rows.map((r) => [`${r.taxonomy}:${r.code}`, { taxonomy: r.taxonomy, code: r.code, nameZhHans: r.name_zh_hans, nameZhHant: r.name_zh_hant, nameEn: r.name_en }]));
}

// ---------------------------------------------------------------- presented projects

export type ProjectRow = typeof projects.$inferSelect;

export interface PresentedRow {
  project: ProjectRow;
  sessionId: string | null;
  position: number;
  note: string;
  createdAt: Date;
  organisationNameZh: string | null;
  organisationNameEn: string | null;
}

export async function presentedProjects(db: Executor, eventId: string): Promise<PresentedRow[]> {
  const rows = await db
    .select({
      project: projects,
      sessionId: eventProjects.sessionId,
      position: eventProjects.position,
      note: eventProjects.note,
      createdAt: eventProjects.createdAt,
      organisationNameZh: organisations.nameZh,
      organisationNameEn: organisations.nameEn,
    })
    .from(eventProjects)
    .innerJoin(projects, eq(projects.id, eventProjects.projectId))
    .leftJoin(organisations, eq(organisations.id, projects.ownerOrganisationId))
    .where(eq(eventProjects.eventId, eventId))
    .orderBy(asc(eventProjects.position), asc(eventProjects.createdAt));
  return rows;
}

export async function findPresented(db: Executor, eventId: string, projectId: string) {
  const [row] = await db
    .select()
    .from(eventProjects)
    .where(and(eq(eventProjects.eventId, eventId), eq(eventProjects.projectId, projectId)));
  return row;
}

export async function nextProjectPosition(db: Executor, eventId: string): Promise<number> {
  const [row] = await rowsOf<{ n: number | string }>(db, sql`select coalesce(max(position) + 1, 0)::int as n from event_projects where event_id = ${eventId}`);
  return Number(row?.n ?? 0);
}

export async function insertPresented(db: Executor, values: typeof eventProjects.$inferInsert): Promise<boolean> {
  const rows = await db.insert(eventProjects).values(values).onConflictDoNothing().returning({ projectId: eventProjects.projectId });
  return rows.length > 0;
}

export async function updatePresented(db: Executor, eventId: string, projectId: string, values: Partial<typeof eventProjects.$inferInsert>): Promise<void> {
  await db
    .update(eventProjects)
    .set(values)
    .where(and(eq(eventProjects.eventId, eventId), eq(eventProjects.projectId, projectId)));
}

export async function deletePresented(db: Executor, eventId: string, projectId: string): Promise<void> {
  await db.delete(eventProjects).where(and(eq(eventProjects.eventId, eventId), eq(eventProjects.projectId, projectId)));
}

/** Applications of the event screened in with a directory project. */
export async function screenedInWithProject(db: Executor, eventId: string) {
  return rowsOf<{ id: string; project_id: string }>(
    db,
    sql`select id, project_id from event_applications where event_id = ${eventId} and status = 'screened_in' and project_id is not null order by created_at, id`,
  );
}

/** The application each presented project came from, when one of the event's names it. */
export async function applicationsByProject(db: Executor, eventId: string): Promise<Map<string, string>> {
  const rows = await rowsOf<{ id: string; project_id: string }>(
    db,
    sql`select distinct on (project_id) id, project_id from event_applications where event_id = ${eventId} and project_id is not null and status <> 'withdrawn' order by project_id, created_at`,
  );
  return new Map(rows.map((r) => [r.project_id, r.id]));
}

/** Directory projects matching a name, for the picker (visibility is checked by the service). */
export async function projectsMatching(db: Executor, q: string | undefined, limit: number): Promise<{ project: ProjectRow; organisationNameZh: string | null; organisationNameEn: string | null }[]> {
  const like = q ? `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
  return db
    .select({ project: projects, organisationNameZh: organisations.nameZh, organisationNameEn: organisations.nameEn })
    .from(projects)
    .leftJoin(organisations, eq(organisations.id, projects.ownerOrganisationId))
    .where(
      like
        ? sql`(${projects.nameZh} ilike ${like} or coalesce(${projects.nameEn}, '') ilike ${like} or coalesce(${organisations.nameZh}, '') ilike ${like})`
        : undefined,
    )
    .orderBy(asc(projects.nameZh))
    .limit(limit);
}

// ---------------------------------------------------------------- materials

export interface MaterialRow {
  id: string;
  title: string;
  projectId: string | null;
  fileId: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  storageKey: string;
  createdAt: Date;
}

const materialColumns = {
  id: eventMaterials.id,
  title: eventMaterials.title,
  projectId: eventMaterials.projectId,
  fileId: eventMaterials.fileId,
  filename: files.filename,
  contentType: files.contentType,
  sizeBytes: files.sizeBytes,
  storageKey: files.storageKey,
  createdAt: eventMaterials.createdAt,
};

export async function materialsOf(db: Executor, eventId: string): Promise<MaterialRow[]> {
  return db
    .select(materialColumns)
    .from(eventMaterials)
    .innerJoin(files, eq(files.id, eventMaterials.fileId))
    .where(eq(eventMaterials.eventId, eventId))
    .orderBy(asc(eventMaterials.createdAt), asc(eventMaterials.id));
}

export async function findMaterial(db: Executor, eventId: string, materialId: string): Promise<MaterialRow | undefined> {
  const [row] = await db
    .select(materialColumns)
    .from(eventMaterials)
    .innerJoin(files, eq(files.id, eventMaterials.fileId))
    .where(and(eq(eventMaterials.eventId, eventId), eq(eventMaterials.id, materialId)));
  return row;
}

export async function insertMaterial(db: Executor, values: typeof eventMaterials.$inferInsert): Promise<{ id: string }> {
  const [row] = await db.insert(eventMaterials).values(values).returning({ id: eventMaterials.id });
  return row!;
}

/** Materials tied to a project that is no longer presented go with it (their files too). */
export async function materialFilesOfProject(db: Executor, eventId: string, projectId: string): Promise<string[]> {
  const rows = await db
    .select({ fileId: eventMaterials.fileId })
    .from(eventMaterials)
    .where(and(eq(eventMaterials.eventId, eventId), eq(eventMaterials.projectId, projectId)));
  return rows.map((r) => r.fileId);
}

export interface AttachmentRow {
  projectId: string;
  fileId: string;
  kind: string;
  filename: string;
  contentType: string;
  sizeBytes: number;
  storageKey: string;
}

/** The presented projects' own attachments (pitch decks) from the directory. */
export async function attachmentsOf(db: Executor, projectIds: string[]): Promise<AttachmentRow[]> {
  if (projectIds.length === 0) return [];
  return db
    .select({
      projectId: projectAttachments.projectId,
      fileId: projectAttachments.fileId,
      kind: projectAttachments.kind,
      filename: files.filename,
      contentType: files.contentType,
      sizeBytes: files.sizeBytes,
      storageKey: files.storageKey,
    })
    .from(projectAttachments)
    .innerJoin(files, eq(files.id, projectAttachments.fileId))
    .where(inArray(projectAttachments.projectId, projectIds))
    .orderBy(asc(projectAttachments.createdAt));
}

/**
 * A file the event's room may hand out: one of its materials, or an attachment of one of its
 * presented projects. Nothing else, whatever id is asked for.
 */
export async function roomFile(db: Executor, eventId: string, fileId: string) {
  const [row] = await rowsOf<{ filename: string; content_type: string; size_bytes: string | number; storage_key: string }>(
    db,
    sql`select f.filename, f.content_type, f.size_bytes, f.storage_key from files f
        where f.id = ${fileId} and (
          exists (select 1 from event_materials m where m.event_id = ${eventId} and m.file_id = f.id)
          or exists (select 1 from project_attachments pa join event_projects ep on ep.project_id = pa.project_id
                     where ep.event_id = ${eventId} and pa.file_id = f.id))`,
  );
  return row ? { filename: row.filename, contentType: row.content_type, sizeBytes: Number(row.size_bytes), storageKey: row.storage_key } : undefined;
}

export async function hasConfirmedRegistration(db: Executor, eventId: string, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: eventRegistrations.id })
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.userId, userId), eq(eventRegistrations.status, 'confirmed')))
    .limit(1);
  return Boolean(row);
}

// ---------------------------------------------------------------- signings

export interface SigningRow {
  agreementId: string;
  position: number;
  status: string;
  sessionId: string | null;
  note: string;
  title: string;
  kind: string;
  agreementStatus: string;
  amountFen: number | null;
  signedOn: string;
}

export async function signingsOf(db: Executor, eventId: string): Promise<SigningRow[]> {
  return db
    .select({
      agreementId: eventSignings.agreementId,
      position: eventSignings.position,
      status: eventSignings.status,
      sessionId: eventSignings.sessionId,
      note: eventSignings.note,
      title: agreements.title,
      kind: agreements.kind,
      agreementStatus: agreements.status,
      amountFen: agreements.amountFen,
      signedOn: agreements.signedOn,
    })
    .from(eventSignings)
    .innerJoin(agreements, eq(agreements.id, eventSignings.agreementId))
    .where(eq(eventSignings.eventId, eventId))
    .orderBy(asc(eventSignings.position));
}

export async function findSigning(db: Executor, eventId: string, agreementId: string) {
  const [row] = await db
    .select()
    .from(eventSignings)
    .where(and(eq(eventSignings.eventId, eventId), eq(eventSignings.agreementId, agreementId)));
  return row;
}

/** Whichever event's running order holds the agreement (at most one, by a unique index). */
export async function signingOfAgreement(db: Executor, agreementId: string) {
  const [row] = await db.select({ eventId: eventSignings.eventId }).from(eventSignings).where(eq(eventSignings.agreementId, agreementId));
  return row;
}

export async function findAgreementForUpdate(db: Executor, communityId: string, agreementId: string) {
  const [row] = await rowsOf<{ id: string; title: string; event_id: string | null; status: string }>(
    db,
    sql`select id, title, event_id, status from agreements where community_id = ${communityId} and id = ${agreementId} for update`,
  );
  return row;
}

export async function nextSigningPosition(db: Executor, eventId: string): Promise<number> {
  const [row] = await rowsOf<{ n: number | string }>(db, sql`select coalesce(max(position) + 1, 0)::int as n from event_signings where event_id = ${eventId}`);
  return Number(row?.n ?? 0);
}

export async function insertSigning(db: Executor, values: typeof eventSignings.$inferInsert): Promise<void> {
  await db.insert(eventSignings).values(values);
}

export async function updateSigning(db: Executor, eventId: string, agreementId: string, values: Partial<typeof eventSignings.$inferInsert>): Promise<void> {
  await db
    .update(eventSignings)
    .set(values)
    .where(and(eq(eventSignings.eventId, eventId), eq(eventSignings.agreementId, agreementId)));
}

export async function deleteSigning(db: Executor, eventId: string, agreementId: string): Promise<void> {
  await db.delete(eventSignings).where(and(eq(eventSignings.eventId, eventId), eq(eventSignings.agreementId, agreementId)));
}

/** Links or unlinks the agreement from the event; its version moves so open editors reload. */
export async function setAgreementEvent(db: Executor, communityId: string, agreementId: string, eventId: string | null): Promise<void> {
  await db
    .update(agreements)
    .set({ eventId, version: sql`${agreements.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(agreements.communityId, communityId), eq(agreements.id, agreementId)));
}

/**
 * Positions are small integers unique only by convention; a reorder rewrites them all at once
 * from the order given (the service checked it names every row once).
 */
export async function reorder(db: Executor, table: 'event_projects' | 'event_signings', eventId: string, ids: string[]): Promise<void> {
  const column = table === 'event_projects' ? sql`project_id` : sql`agreement_id`;
  await db.execute(sql`update ${sql.raw(table)} t set position = o.n - 1
    from unnest(${uuidArray(ids)}) with ordinality as o(id, n)
    where t.event_id = ${eventId} and t.${column} = o.id`);
}

// ---------------------------------------------------------------- outcomes

export async function registrationCounts(db: Executor, eventId: string) {
  return rowsOf<{ ticket_type_id: string; status: string; n: number | string; checked_in: number | string }>(
    db,
    sql`select ticket_type_id, status, count(*)::int as n, count(checked_in_at)::int as checked_in
        from event_registrations where event_id = ${eventId} group by ticket_type_id, status`,
  );
}

export async function ticketTypesOf(db: Executor, eventId: string) {
  return rowsOf<{ id: string; name: string; capacity: number }>(db, sql`select id, name, capacity from event_ticket_types where event_id = ${eventId} order by position, created_at`);
}

export async function applicationCounts(db: Executor, eventId: string) {
  return rowsOf<{ status: string; n: number | string }>(db, sql`select status, count(*)::int as n from event_applications where event_id = ${eventId} group by status`);
}

/** Agreements signed at the event: every agreement that names it, with its place in the running order. */
export async function agreementsOfEvent(db: Executor, communityId: string, eventId: string) {
  return rowsOf<{ id: string; title: string; kind: string; status: string; amount_fen: string | number | null; signed_on: string; signing_status: string | null }>(
    db,
    sql`select a.id, a.title, a.kind, a.status, a.amount_fen, to_char(a.signed_on, 'YYYY-MM-DD') as signed_on, s.status as signing_status
        from agreements a left join event_signings s on s.agreement_id = a.id and s.event_id = a.event_id
        where a.community_id = ${communityId} and a.event_id = ${eventId}
        order by s.position nulls last, a.signed_on, a.title`,
  );
}

export interface AttendeeRow {
  id: string;
  name: string;
  email: string;
  organisation_name: string;
  job_title: string;
  ticket_type_name: string;
  organisation_id: string | null;
  org_name_zh: string | null;
  org_name_en: string | null;
  checked_in_at: string | Date | null;
  follow_ups: number | string;
}

function likeOf(q: string): string {
  return `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** Confirmed registrations (checked in first), for picking whom to follow up. */
export async function attendees(db: Executor, eventId: string, filter: { q?: string; checkedIn?: boolean }, limit: number): Promise<{ rows: AttendeeRow[]; total: number }> {
  const parts = [sql`r.event_id = ${eventId}`, sql`r.status = 'confirmed'`];
  if (filter.q) {
    const like = likeOf(filter.q);
    parts.push(sql`(r.name ilike ${like} or r.organisation_name ilike ${like} or r.email ilike ${like} or coalesce(o.name_zh, '') ilike ${like})`);
  }
  if (filter.checkedIn === true) parts.push(sql`r.checked_in_at is not null`);
  if (filter.checkedIn === false) parts.push(sql`r.checked_in_at is null`);
  const where = sql.join(parts, sql` and `);
  const rows = await rowsOf<AttendeeRow>(
    db,
    sql`select r.id, r.name, r.email, r.organisation_name, r.job_title, t.name as ticket_type_name, r.organisation_id,
               o.name_zh as org_name_zh, o.name_en as org_name_en, r.checked_in_at,
               (select count(*)::int from event_follow_ups f where f.registration_id = r.id) as follow_ups
        from event_registrations r
        join event_ticket_types t on t.id = r.ticket_type_id
        left join organisations o on o.id = r.organisation_id
        where ${where}
        order by (r.checked_in_at is null), r.seq
        limit ${limit}`,
  );
  const [count] = await rowsOf<{ n: number | string }>(db, sql`select count(*)::int as n from event_registrations r left join organisations o on o.id = r.organisation_id where ${where}`);
  return { rows, total: Number(count?.n ?? 0) };
}

// ---------------------------------------------------------------- follow-ups

export async function findRegistration(db: Executor, eventId: string, registrationId: string) {
  const [row] = await db
    .select()
    .from(eventRegistrations)
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.id, registrationId)));
  return row;
}

export async function setRegistrationOrganisation(db: Executor, eventId: string, registrationId: string, organisationId: string): Promise<void> {
  await db
    .update(eventRegistrations)
    .set({ organisationId, version: sql`${eventRegistrations.version} + 1`, updatedAt: sql`now()` })
    .where(and(eq(eventRegistrations.eventId, eventId), eq(eventRegistrations.id, registrationId)));
}

export async function findApplication(db: Executor, eventId: string, applicationId: string) {
  const [row] = await rowsOf<{ id: string; project_id: string | null; organisation_id: string | null; project_name: string; status: string }>(
    db,
    sql`select id, project_id, organisation_id, project_name, status from event_applications where event_id = ${eventId} and id = ${applicationId}`,
  );
  return row;
}

export async function findOrganisation(db: Executor, id: string) {
  const [row] = await db.select({ id: organisations.id, nameZh: organisations.nameZh, nameEn: organisations.nameEn }).from(organisations).where(eq(organisations.id, id));
  return row;
}

/** Locks the pipeline so two follow-ups of the same project cannot both pass the duplicate check. */
export async function lockPipeline(db: Executor, communityId: string, pipelineId: string) {
  const [row] = await rowsOf<{ id: string }>(db, sql`select id from pipelines where id = ${pipelineId} and community_id = ${communityId} for update`);
  return row;
}

/** An open item of the pipeline for the same project (or, without one, the same organisation). */
export async function openItemFor(db: Executor, pipelineId: string, ref: { projectId: string | null; organisationId: string | null }) {
  const condition = ref.projectId ? sql`project_id = ${ref.projectId}` : sql`project_id is null and organisation_id = ${ref.organisationId}`;
  const [row] = await rowsOf<{ id: string }>(db, sql`select id from pipeline_items where pipeline_id = ${pipelineId} and lost_reason is null and ${condition} limit 1`);
  return row;
}

export async function insertFollowUp(db: Executor, values: typeof eventFollowUps.$inferInsert): Promise<{ id: string }> {
  const [row] = await db.insert(eventFollowUps).values(values).returning({ id: eventFollowUps.id });
  return row!;
}

export async function insertActivity(db: Executor, values: typeof pipelineActivities.$inferInsert): Promise<void> {
  await db.insert(pipelineActivities).values(values);
}

export interface FollowUpRow {
  id: string;
  source: string;
  created_at: string | Date;
  created_by: string | null;
  creator_name: string | null;
  item_id: string;
  item_title: string;
  pipeline_id: string;
  pipeline_name: string;
  stage_id: string;
  stage_name: string;
  lost_reason: string | null;
  owner_user_id: string | null;
  owner_name: string | null;
  registration_id: string | null;
  registration_name: string | null;
  registration_org: string | null;
  application_id: string | null;
  application_project: string | null;
  project_id: string | null;
  organisation_id: string | null;
  organisation_name_zh: string | null;
  organisation_name_en: string | null;
}

export async function followUpsOf(db: Executor, eventId: string, followUpId?: string): Promise<FollowUpRow[]> {
  return rowsOf<FollowUpRow>(
    db,
    sql`select f.id, f.source, f.created_at, f.created_by, cu.display_name as creator_name,
               i.id as item_id, i.title as item_title, i.pipeline_id, p.name_zh as pipeline_name, i.stage_id, s.name_zh as stage_name,
               i.lost_reason, i.owner_user_id, ou.display_name as owner_name,
               f.registration_id, r.name as registration_name, r.organisation_name as registration_org,
               f.application_id, a.project_name as application_project,
               coalesce(f.project_id, i.project_id) as project_id, i.organisation_id, o.name_zh as organisation_name_zh, o.name_en as organisation_name_en
        from event_follow_ups f
        join pipeline_items i on i.id = f.pipeline_item_id
        join pipelines p on p.id = i.pipeline_id
        join pipeline_stages s on s.id = i.stage_id
        left join users cu on cu.id = f.created_by
        left join users ou on ou.id = i.owner_user_id
        left join event_registrations r on r.id = f.registration_id
        left join event_applications a on a.id = f.application_id
        left join organisations o on o.id = i.organisation_id
        where f.event_id = ${eventId} ${followUpId ? sql`and f.id = ${followUpId}` : sql``}
        order by f.created_at desc, f.id`,
  );
}

export async function projectsByIds(db: Executor, ids: string[]): Promise<ProjectRow[]> {
  if (ids.length === 0) return [];
  return db.select().from(projects).where(inArray(projects.id, ids));
}

export async function pipelineName(db: Executor, communityId: string, pipelineId: string) {
  const [row] = await db
    .select({ id: pipelines.id, nameZh: pipelines.nameZh })
    .from(pipelines)
    .where(and(eq(pipelines.communityId, communityId), eq(pipelines.id, pipelineId)));
  return row;
}
