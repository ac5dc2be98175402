import type { z } from 'zod';
import type { EntityType } from '../../../domain/directory';
import type { Annotation, annotationInput, Note, noteInput } from '../../../shared/schemas/directory';
import type { RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { recordAudit } from '../audit/record';
import { requireCommunityAccess, type CommunityAccess } from '../communities/access';
import { requireVisibleRecord } from '../directory/records';
import { loadViewer } from '../directory/viewer';
import type { Executor } from '../../db/client';
import * as q from './queries';

/**
 * A community's private notes, tags and ratings on directory records. Every query is scoped by
 * the community id, behind the tenancy gate: no other community ever sees them, and another
 * community's note id is simply not found.
 */

function toNote(row: { note: q.NoteRow; authorName: string | null }): Note {
  const { note } = row;
  return {
    id: note.id,
    entityType: note.entityType as EntityType,
    entityId: note.entityId,
    body: note.body,
    author: note.authorId && row.authorName !== null ? { id: note.authorId, displayName: row.authorName } : null,
    createdAt: note.createdAt.toISOString(),
    updatedAt: note.updatedAt.toISOString(),
  };
}

/** The query names the record; asked after the gate so another community's route is 404 whatever the query. */
function requireEntity(query: { entityType?: EntityType; entityId?: string }): { entityType: EntityType; entityId: string } {
  const fields: Record<string, string> = {};
  if (!query.entityType) fields.entityType = 'required';
  if (!query.entityId) fields.entityId = 'required';
  if (Object.keys(fields).length) throw new AppError('validation_failed', { fields });
  return { entityType: query.entityType!, entityId: query.entityId! };
}

/** The record must exist and be visible to the user (a hidden project is not found). */
async function requireRecord(ctx: RequestContext, db: Executor, entityType: EntityType, entityId: string) {
  return requireVisibleRecord(db, await loadViewer(ctx, db), entityType, entityId);
}

export async function listNotes(ctx: RequestContext, communityId: string, query: { entityType?: EntityType; entityId?: string }): Promise<Note[]> {
  await requireCommunityAccess(ctx, communityId, 'notes.read');
  const { entityType, entityId } = requireEntity(query);
  await requireRecord(ctx, ctx.db, entityType, entityId);
  return (await q.listNotes(ctx.db, communityId, entityType, entityId)).map(toNote);
}

export async function createNote(ctx: RequestContext, communityId: string, input: z.output<typeof noteInput>): Promise<Note> {
  return ctx.db.transaction(async (tx) => {
    await requireCommunityAccess(ctx, communityId, 'notes.write', tx);
    const record = await requireRecord(ctx, tx, input.entityType, input.entityId);
    const note = await q.insertNote(tx, { communityId, entityType: input.entityType, entityId: input.entityId, body: input.body, authorId: ctx.user!.id });
    await recordAudit(tx, ctx, {
      communityId,
      action: 'note.created',
      entityType: 'community_note',
      entityId: note.id,
      entityLabel: record.label,
      before: null,
      after: { entityType: note.entityType, entityId: note.entityId, body: note.body },
    });
    return toNote({ note, authorName: ctx.user!.displayName });
  });
}

/** Notes are changed by their author, or by the community's admins. */
function requireNoteOwner(ctx: RequestContext, access: CommunityAccess, note: q.NoteRow) {
  if (note.authorId === ctx.user!.id || access.standing.role === 'community_admin' || access.standing.isPlatformAdmin) return;
  throw new AppError('forbidden');
}

export async function updateNote(ctx: RequestContext, communityId: string, noteId: string, body: string): Promise<Note> {
  return ctx.db.transaction(async (tx) => {
    const access = await requireCommunityAccess(ctx, communityId, 'notes.write', tx);
    const found = await q.findNote(tx, communityId, noteId);
    if (!found) throw new AppError('not_found');
    requireNoteOwner(ctx, access, found.note);
    const after = (await q.updateNote(tx, communityId, noteId, body))!;
    await recordAudit(tx, ctx, {
      communityId,
      action: 'note.updated',
      entityType: 'community_note',
      entityId: noteId,
      before: { body: found.note.body },
      after: { body: after.body },
    });
    return toNote({ note: after, authorName: found.authorName });
  });
}

export async function deleteNote(ctx: RequestContext, communityId: string, noteId: string): Promise<void> {
  await ctx.db.transaction(async (tx) => {
    const access = await requireCommunityAccess(ctx, communityId, 'notes.write', tx);
    const found = await q.findNote(tx, communityId, noteId);
    if (!found) throw new AppError('not_found');
    requireNoteOwner(ctx, access, found.note);
    await q.deleteNote(tx, communityId, noteId);
    await recordAudit(tx, ctx, {
      communityId,
      action: 'note.deleted',
      entityType: 'community_note',
      entityId: noteId,
      before: { entityType: found.note.entityType, entityId: found.note.entityId, body: found.note.body },
      after: null,
    });
  });
}

function toAnnotation(entityType: EntityType, entityId: string, row: q.AnnotationRow | undefined): Annotation {
  return { entityType, entityId, tags: row?.tags ?? [], rating: row?.rating ?? null, updatedAt: row?.updatedAt.toISOString() ?? null };
}

export async function getAnnotation(ctx: RequestContext, communityId: string, query: { entityType?: EntityType; entityId?: string }): Promise<Annotation> {
  await requireCommunityAccess(ctx, communityId, 'notes.read');
  const { entityType, entityId } = requireEntity(query);
  await requireRecord(ctx, ctx.db, entityType, entityId);
  return toAnnotation(entityType, entityId, await q.findAnnotation(ctx.db, communityId, entityType, entityId));
}

/** Replaces the community's tags and rating on a record. Tags are trimmed and kept once each, in the order given. */
export async function putAnnotation(ctx: RequestContext, communityId: string, input: z.output<typeof annotationInput>): Promise<Annotation> {
  const tags = [...new Set(input.tags.map((t) => t.trim()).filter(Boolean))];
  return ctx.db.transaction(async (tx) => {
    await requireCommunityAccess(ctx, communityId, 'notes.write', tx);
    const record = await requireRecord(ctx, tx, input.entityType, input.entityId);
    const before = await q.findAnnotation(tx, communityId, input.entityType, input.entityId);
    const after = await q.upsertAnnotation(tx, {
      communityId,
      entityType: input.entityType,
      entityId: input.entityId,
      tags,
      rating: input.rating,
      updatedBy: ctx.user!.id,
    });
    await recordAudit(tx, ctx, {
      communityId,
      action: 'annotation.updated',
      entityType: 'community_annotation',
      entityId: input.entityId,
      entityLabel: record.label,
      before: before ? { tags: before.tags, rating: before.rating } : null,
      after: { tags: after.tags, rating: after.rating },
    });
    return toAnnotation(input.entityType, input.entityId, after);
  });
}

export async function listTags(ctx: RequestContext, communityId: string) {
  await requireCommunityAccess(ctx, communityId, 'notes.read');
  return q.tagCounts(ctx.db, communityId);
}
