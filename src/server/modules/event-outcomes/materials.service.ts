import type { Readable } from 'node:stream';
import { z } from 'zod';
import { can, isMembershipRole } from '../../../domain/roles';
import type { EventMaterial, Room, RoomFile } from '../../../shared/schemas/event-outcomes';
import type { Executor } from '../../db/client';
import { requireUser, type RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { fieldMessage } from '../../http/messages';
import type { FileStorage } from '../../storage/storage';
import { recordAudit } from '../audit/record';
import { findMembershipRole } from '../communities/queries';
import * as common from '../directory/common.queries';
import { contentDisposition, imageTypeOf, isPdf, type IncomingUpload } from '../directory/uploads';
import { requireEvent, sessionOut, termOut } from './gate';
import { materialOut } from './projects.service';
import * as q from './queries';

/**
 * Materials shared with an event's attendees, and the attendee "room": the point of a
 * closed-door meeting. A confirmed attendee (or an organiser) sees the presented projects'
 * profiles and decks through the event, even when the directory keeps a project confidential;
 * this grants nothing outside the event (the directory still answers not_found).
 */

const PPTX = 'application/vnd.openxmlformats-officedocument.presentationml.presentation';
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
// Every PowerPoint package names this part in a local file header, in plain bytes.
const PPTX_PART = Buffer.from('ppt/presentation.xml', 'latin1');

const uploadFields = z.object({
  title: z.string().trim().min(1).max(200).optional(),
  projectId: z.uuid().optional().or(z.literal('').transform(() => undefined)),
});

/** True when the stored zip carries a PowerPoint presentation part (read once, streamed). */
async function isPptx(storage: FileStorage, key: string): Promise<boolean> {
  let tail = Buffer.alloc(0);
  for await (const chunk of storage.open(key) as AsyncIterable<Buffer>) {
    const window = Buffer.concat([tail, chunk]);
    if (window.includes(PPTX_PART)) return true;
    tail = window.subarray(Math.max(0, window.length - PPTX_PART.length));
  }
  return false;
}

/** What the upload is by its bytes: a PDF, a picture or a PowerPoint deck; null for anything else. */
async function materialType(storage: FileStorage, head: Buffer, key: string): Promise<string | null> {
  if (isPdf(head)) return 'application/pdf';
  const image = imageTypeOf(head);
  if (image) return image;
  if (head.subarray(0, 4).equals(ZIP_MAGIC) && (await isPptx(storage, key))) return PPTX;
  return null;
}

export async function listMaterials(ctx: RequestContext, communityId: string, eventId: string): Promise<EventMaterial[]> {
  await requireEvent(ctx, communityId, eventId);
  return (await q.materialsOf(ctx.db, eventId)).map(materialOut);
}

/** Permission and the event are checked before any byte is stored; a refused file is deleted. */
export async function addMaterial(ctx: RequestContext, communityId: string, eventId: string, upload: IncomingUpload): Promise<EventMaterial> {
  await requireEvent(ctx, communityId, eventId);
  const { file, fields } = await upload.receive(ctx.storage, ctx.config.UPLOAD_LIMIT);
  if (!file) throw new AppError('validation_failed', { fields: { file: 'file_required' } });
  const key = file.stored.key;
  try {
    const parsed = uploadFields.safeParse({ title: fields.title, projectId: fields.projectId });
    if (!parsed.success) {
      const bad = parsed.error.issues.map((i) => String(i.path[0]));
      throw new AppError('validation_failed', { fields: Object.fromEntries(bad.map((f) => [f, f === 'title' ? 'eventOutcomes_title_invalid' : 'eventOutcomes_project_not_presented'])) });
    }
    const contentType = await materialType(ctx.storage, file.head, key);
    if (!contentType) {
      throw new AppError('unreadable_file', { params: { reason: fieldMessage(ctx.locale, 'eventOutcomes_material_type') }, fields: { file: 'eventOutcomes_material_type' } });
    }
    return await ctx.db.transaction(async (tx) => {
      const { event } = await requireEvent(ctx, communityId, eventId, 'events.manage', tx);
      const projectId = parsed.data.projectId ?? null;
      if (projectId && !(await q.findPresented(tx, eventId, projectId))) throw new AppError('validation_failed', { fields: { projectId: 'eventOutcomes_project_not_presented' } });
      const filename = file.filename || 'material';
      const title = parsed.data.title ?? filename.replace(/\.[^.]+$/, '');
      const stored = await common.insertFile(tx, {
        storageKey: key,
        filename,
        contentType,
        sizeBytes: file.stored.sizeBytes,
        sha256: file.stored.sha256,
        uploadedBy: requireUser(ctx).id,
      });
      const { id } = await q.insertMaterial(tx, { eventId, projectId, fileId: stored.id, title, createdBy: requireUser(ctx).id });
      await recordAudit(tx, ctx, {
        communityId,
        action: 'event.material_added',
        entityType: 'event',
        entityId: eventId,
        entityLabel: event.title,
        before: null,
        after: { material: title, file: filename, projectId, sizeBytes: stored.sizeBytes },
      });
      return materialOut((await q.findMaterial(tx, eventId, id))!);
    });
  } catch (error) {
    await ctx.storage.delete(key).catch(() => undefined);
    throw error;
  }
}

export async function deleteMaterial(ctx: RequestContext, communityId: string, eventId: string, materialId: string): Promise<void> {
  const keys = await ctx.db.transaction(async (tx) => {
    const { event } = await requireEvent(ctx, communityId, eventId, 'events.manage', tx);
    const found = await q.findMaterial(tx, eventId, materialId);
    if (!found) throw new AppError('not_found');
    // The material row goes with its file (foreign key cascade).
    const keys = await common.deleteFiles(tx, [found.fileId]);
    await recordAudit(tx, ctx, {
      communityId,
      action: 'event.material_removed',
      entityType: 'event',
      entityId: eventId,
      entityLabel: event.title,
      before: { material: found.title, file: found.filename, projectId: found.projectId, sizeBytes: found.sizeBytes },
      after: null,
    });
    return keys;
  });
  for (const key of keys) await ctx.storage.delete(key).catch(() => undefined);
}

export interface Download {
  stream: Readable;
  contentType: string;
  sizeBytes: number;
  disposition: string;
}

export async function openMaterial(ctx: RequestContext, communityId: string, eventId: string, materialId: string): Promise<Download> {
  await requireEvent(ctx, communityId, eventId);
  const found = await q.findMaterial(ctx.db, eventId, materialId);
  if (!found) throw new AppError('not_found');
  return { stream: ctx.storage.open(found.storageKey), contentType: found.contentType, sizeBytes: found.sizeBytes, disposition: contentDisposition('attachment', found.filename) };
}

// ---------------------------------------------------------------- the attendee room

/**
 * The event, when the signed-in caller is one of its organisers or holds a confirmed
 * registration of it. Everyone else — signed out, waitlisted, another community — gets
 * not_found, like an event that does not exist.
 */
async function requireRoomAccess(ctx: RequestContext, eventId: string, db: Executor = ctx.db): Promise<q.EventRow> {
  const user = ctx.user;
  if (!user) throw new AppError('not_found');
  const event = await q.findEventById(db, eventId);
  if (!event) throw new AppError('not_found');
  const role = await findMembershipRole(db, event.communityId, user.id);
  const organiser = can({ role: role && isMembershipRole(role) ? role : null, isPlatformAdmin: user.isPlatformAdmin }, 'events.manage');
  if (organiser) return event;
  if (event.status !== 'published' || !(await q.hasConfirmedRegistration(db, eventId, user.id))) throw new AppError('not_found');
  return event;
}

const fileUrl = (eventId: string, fileId: string) => `/api/public/events/${eventId}/room/files/${fileId}`;

export async function room(ctx: RequestContext, eventId: string): Promise<Room> {
  const event = await requireRoomAccess(ctx, eventId);
  const rows = await q.presentedProjects(ctx.db, eventId);
  const sessions = new Map((await q.sessionsOf(ctx.db, eventId)).map((s) => [s.id, s]));
  const terms = await q.terms(ctx.db, rows.flatMap((r) => [{ taxonomy: 'segment', code: r.project.segment }, { taxonomy: 'stage', code: r.project.stage }]));
  const materials = await q.materialsOf(ctx.db, eventId);
  const decks = (await q.attachmentsOf(ctx.db, rows.map((r) => r.project.id))).filter((a) => a.kind === 'pitch_deck');
  const materialFile = (m: q.MaterialRow): RoomFile => ({ fileId: m.fileId, title: m.title, filename: m.filename, contentType: m.contentType, sizeBytes: m.sizeBytes, url: fileUrl(eventId, m.fileId) });
  return {
    eventId,
    title: event.title,
    projects: rows.map((r) => ({
      id: r.project.id,
      nameZh: r.project.nameZh,
      nameEn: r.project.nameEn,
      organisationName: r.organisationNameZh,
      segment: termOut(terms, 'segment', r.project.segment),
      stage: termOut(terms, 'stage', r.project.stage),
      summaryZh: r.project.summaryZh,
      summaryEn: r.project.summaryEn,
      fundingSoughtFen: r.project.fundingSoughtFen,
      fundingRound: r.project.fundingRound,
      // Only names and roles: a team member's directory person stays in the directory.
      team: r.project.team.map((m) => ({ name: m.name, role: m.role })),
      session: sessionOut(r.sessionId ? sessions.get(r.sessionId) : undefined),
      position: r.position,
      files: [
        ...materials.filter((m) => m.projectId === r.project.id).map(materialFile),
        ...decks
          .filter((d) => d.projectId === r.project.id)
          .map((d) => ({ fileId: d.fileId, title: d.filename.replace(/\.[^.]+$/, ''), filename: d.filename, contentType: d.contentType, sizeBytes: d.sizeBytes, url: fileUrl(eventId, d.fileId) })),
      ],
    })),
    files: materials.filter((m) => m.projectId === null).map(materialFile),
  };
}

/** One file of the room: the event's materials and its presented projects' decks, nothing else. */
export async function openRoomFile(ctx: RequestContext, eventId: string, fileId: string): Promise<Download> {
  await requireRoomAccess(ctx, eventId);
  const found = await q.roomFile(ctx.db, eventId, fileId);
  if (!found) throw new AppError('not_found');
  // Shown inline where the browser can (PDF, pictures); decks download.
  const inline = found.contentType === 'application/pdf' || found.contentType.startsWith('image/');
  return { stream: ctx.storage.open(found.storageKey), contentType: found.contentType, sizeBytes: found.sizeBytes, disposition: contentDisposition(inline ? 'inline' : 'attachment', found.filename) };
}
