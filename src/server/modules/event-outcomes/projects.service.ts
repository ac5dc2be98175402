import type { z } from 'zod';
import type {
  EventMaterial,
  EventProject,
  EventProjectsReply,
  FromApplicationsReply,
  ProjectCandidate,
  SessionRef,
  eventProjectCreateInput,
  eventProjectOrderInput,
  eventProjectUpdateInput,
  projectCandidateQuery,
} from '../../../shared/schemas/event-outcomes';
import type { Executor } from '../../db/client';
import type { RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import * as common from '../directory/common.queries';
import { requireVisibleProject, visibleProjects } from '../directory/project-visibility';
import { loadViewer } from '../directory/viewer';
import { fieldError, requireEvent, sessionOut, termOut } from './gate';
import * as q from './queries';

/**
 * The projects presented at an event (roadshow slots, a closed-door meeting's projects) in
 * running order. Adding one needs the organiser to see it in the directory; what attendees
 * then see of it is the room's business (materials.service.ts).
 */

export function materialOut(m: q.MaterialRow): EventMaterial {
  return { id: m.id, title: m.title, projectId: m.projectId, fileId: m.fileId, filename: m.filename, contentType: m.contentType, sizeBytes: m.sizeBytes, createdAt: m.createdAt.toISOString() };
}

export async function presented(db: Executor, eventId: string): Promise<EventProject[]> {
  const rows = await q.presentedProjects(db, eventId);
  const sessions = new Map((await q.sessionsOf(db, eventId)).map((s) => [s.id, s]));
  const terms = await q.terms(db, rows.flatMap((r) => [{ taxonomy: 'segment', code: r.project.segment }, { taxonomy: 'stage', code: r.project.stage }]));
  const materials = await q.materialsOf(db, eventId);
  const fromApplication = await q.applicationsByProject(db, eventId);
  return rows.map((r) => ({
    project: { entityType: 'project' as const, id: r.project.id, nameZh: r.project.nameZh, nameEn: r.project.nameEn },
    organisation:
      r.project.ownerOrganisationId && r.organisationNameZh !== null
        ? { entityType: 'organisation' as const, id: r.project.ownerOrganisationId, nameZh: r.organisationNameZh, nameEn: r.organisationNameEn }
        : null,
    segment: termOut(terms, 'segment', r.project.segment),
    stage: termOut(terms, 'stage', r.project.stage),
    confidentiality: r.project.confidentiality,
    fundingSoughtFen: r.project.fundingSoughtFen,
    session: sessionOut(r.sessionId ? sessions.get(r.sessionId) : undefined),
    position: r.position,
    note: r.note,
    applicationId: fromApplication.get(r.project.id) ?? null,
    materialCount: materials.filter((m) => m.projectId === r.project.id).length,
    createdAt: r.createdAt.toISOString(),
  }));
}

async function presentedOne(db: Executor, eventId: string, projectId: string): Promise<EventProject> {
  const found = (await presented(db, eventId)).find((p) => p.project.id === projectId);
  if (!found) throw new AppError('not_found');
  return found;
}

export async function listProjects(ctx: RequestContext, communityId: string, eventId: string): Promise<EventProjectsReply> {
  await requireEvent(ctx, communityId, eventId);
  return { projects: await presented(ctx.db, eventId), materials: (await q.materialsOf(ctx.db, eventId)).map(materialOut) };
}

/** Directory projects the organiser may see and add, by name or owner (the picker). */
export async function projectCandidates(ctx: RequestContext, communityId: string, eventId: string, query: z.output<typeof projectCandidateQuery>): Promise<ProjectCandidate[]> {
  await requireEvent(ctx, communityId, eventId);
  const viewer = await loadViewer(ctx);
  const rows = await q.projectsMatching(ctx.db, query.q, 200);
  const visible = new Set((await visibleProjects(ctx.db, viewer, rows.map((r) => r.project))).map((p) => p.id));
  const already = new Set((await q.presentedProjects(ctx.db, eventId)).map((r) => r.project.id));
  return rows
    .filter((r) => visible.has(r.project.id))
    .slice(0, 30)
    .map((r) => ({
      project: { entityType: 'project' as const, id: r.project.id, nameZh: r.project.nameZh, nameEn: r.project.nameEn },
      organisation:
        r.project.ownerOrganisationId && r.organisationNameZh !== null
          ? { entityType: 'organisation' as const, id: r.project.ownerOrganisationId, nameZh: r.organisationNameZh, nameEn: r.organisationNameEn }
          : null,
      segment: r.project.segment,
      presented: already.has(r.project.id),
    }));
}

/** The event's agenda sessions, for linking a project or a signing to a slot. */
export async function sessionOptions(ctx: RequestContext, communityId: string, eventId: string): Promise<SessionRef[]> {
  await requireEvent(ctx, communityId, eventId);
  return (await q.sessionsOf(ctx.db, eventId)).map((s) => sessionOut(s)!);
}

async function checkSession(db: Executor, eventId: string, sessionId: string | null | undefined) {
  if (sessionId && !(await q.sessionExists(db, eventId, sessionId))) throw fieldError({ sessionId: 'eventOutcomes_session_unknown' });
}

export async function addProject(ctx: RequestContext, communityId: string, eventId: string, input: z.output<typeof eventProjectCreateInput>): Promise<EventProject> {
  return ctx.db.transaction(async (tx) => {
    const { event } = await requireEvent(ctx, communityId, eventId, 'events.manage', tx);
    const viewer = await loadViewer(ctx, tx);
    let name: string;
    try {
      name = (await requireVisibleProject(tx, viewer, input.projectId)).row.nameZh;
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
      throw fieldError({ projectId: 'eventOutcomes_project_unknown' });
    }
    await checkSession(tx, eventId, input.sessionId);
    await q.lockEvent(tx, eventId);
    const position = await q.nextProjectPosition(tx, eventId);
    const added = await q.insertPresented(tx, { eventId, projectId: input.projectId, sessionId: input.sessionId ?? null, position, note: input.note ?? '' });
    if (!added) throw new AppError('duplicate_record', { fields: { projectId: 'eventOutcomes_project_presented' } });
    await recordAudit(tx, ctx, {
      communityId,
      action: 'event.project_added',
      entityType: 'event',
      entityId: eventId,
      entityLabel: event.title,
      before: null,
      after: { projectId: input.projectId, project: name, sessionId: input.sessionId ?? null, position, note: input.note ?? '' },
    });
    return presentedOne(tx, eventId, input.projectId);
  });
}

export async function updateProject(ctx: RequestContext, communityId: string, eventId: string, projectId: string, input: z.output<typeof eventProjectUpdateInput>): Promise<EventProject> {
  return ctx.db.transaction(async (tx) => {
    const { event } = await requireEvent(ctx, communityId, eventId, 'events.manage', tx);
    const before = await q.findPresented(tx, eventId, projectId);
    if (!before) throw new AppError('not_found');
    await checkSession(tx, eventId, input.sessionId);
    const values: { sessionId?: string | null; note?: string } = {};
    if (input.sessionId !== undefined) values.sessionId = input.sessionId;
    if (input.note !== undefined) values.note = input.note;
    if (Object.keys(values).length) await q.updatePresented(tx, eventId, projectId, values);
    await recordAudit(tx, ctx, {
      communityId,
      action: 'event.project_updated',
      entityType: 'event',
      entityId: eventId,
      entityLabel: event.title,
      before: { projectId, sessionId: before.sessionId, note: before.note },
      after: { projectId, sessionId: values.sessionId !== undefined ? values.sessionId : before.sessionId, note: values.note ?? before.note },
    });
    return presentedOne(tx, eventId, projectId);
  });
}

/** The order as given must name every presented project exactly once. */
export async function reorderProjects(ctx: RequestContext, communityId: string, eventId: string, input: z.output<typeof eventProjectOrderInput>): Promise<EventProject[]> {
  return ctx.db.transaction(async (tx) => {
    const { event } = await requireEvent(ctx, communityId, eventId, 'events.manage', tx);
    await q.lockEvent(tx, eventId);
    const current = await q.presentedProjects(tx, eventId);
    const ids = current.map((r) => r.project.id);
    const given = new Set(input.projectIds);
    if (given.size !== input.projectIds.length || given.size !== ids.length || ids.some((id) => !given.has(id))) {
      throw fieldError({ projectIds: 'eventOutcomes_order_mismatch' });
    }
    await q.reorder(tx, 'event_projects', eventId, input.projectIds);
    await recordAudit(tx, ctx, {
      communityId,
      action: 'event.projects_reordered',
      entityType: 'event',
      entityId: eventId,
      entityLabel: event.title,
      before: { order: ids.join(',') },
      after: { order: input.projectIds.join(',') },
    });
    return presented(tx, eventId);
  });
}

/** Removing a project takes the materials tied to it (and their files) along. */
export async function removeProject(ctx: RequestContext, communityId: string, eventId: string, projectId: string): Promise<void> {
  const keys = await ctx.db.transaction(async (tx) => {
    const { event } = await requireEvent(ctx, communityId, eventId, 'events.manage', tx);
    const before = await q.findPresented(tx, eventId, projectId);
    if (!before) throw new AppError('not_found');
    const fileIds = await q.materialFilesOfProject(tx, eventId, projectId);
    await q.deletePresented(tx, eventId, projectId);
    const keys = await common.deleteFiles(tx, fileIds);
    await recordAudit(tx, ctx, {
      communityId,
      action: 'event.project_removed',
      entityType: 'event',
      entityId: eventId,
      entityLabel: event.title,
      before: { projectId, sessionId: before.sessionId, position: before.position, note: before.note, materials: fileIds.length },
      after: null,
    });
    return keys;
  });
  for (const key of keys) await ctx.storage.delete(key).catch(() => undefined);
}

/**
 * One click: the event's screened-in applications that name a directory project join the
 * running order (after the projects already there). Projects already presented, and those the
 * organiser may not see, are skipped and counted.
 */
export async function addFromApplications(ctx: RequestContext, communityId: string, eventId: string): Promise<FromApplicationsReply> {
  return ctx.db.transaction(async (tx) => {
    const { event } = await requireEvent(ctx, communityId, eventId, 'events.manage', tx);
    await q.lockEvent(tx, eventId);
    const viewer = await loadViewer(ctx, tx);
    const applications = await q.screenedInWithProject(tx, eventId);
    const projectRows = await q.projectsByIds(tx, [...new Set(applications.map((a) => a.project_id))]);
    const visible = new Set((await visibleProjects(tx, viewer, projectRows)).map((p) => p.id));
    let position = await q.nextProjectPosition(tx, eventId);
    const added: string[] = [];
    let skipped = 0;
    const seen = new Set<string>();
    for (const a of applications) {
      if (seen.has(a.project_id)) continue;
      seen.add(a.project_id);
      if (!visible.has(a.project_id) || !(await q.insertPresented(tx, { eventId, projectId: a.project_id, position, note: '' }))) {
        skipped += 1;
        continue;
      }
      added.push(a.project_id);
      position += 1;
    }
    if (added.length) {
      await recordAudit(tx, ctx, {
        communityId,
        action: 'event.projects_from_applications',
        entityType: 'event',
        entityId: eventId,
        entityLabel: event.title,
        before: null,
        after: { projectIds: added.join(','), count: added.length },
      });
    }
    return { added: added.length, skipped, projects: await presented(tx, eventId) };
  });
}
