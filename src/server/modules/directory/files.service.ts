import type { Readable } from 'node:stream';
import { eq } from 'drizzle-orm';
import { projectMilestones } from '../../db/schema';
import type { Attachment, Organisation } from '../../../shared/schemas/directory';
import { attachmentKindSchema } from '../../../shared/schemas/directory';
import type { RequestContext } from '../../http/context';
import { requireUser } from '../../http/context';
import { AppError } from '../../http/errors';
import { fieldMessage } from '../../http/messages';
import { recordAudit } from '../audit/record';
import * as common from './common.queries';
import { deleteStoredBytes, requireOrganisation, requireOrganisationEditor } from './organisations.service';
import { setLogo } from './organisations.queries';
import { requireVisibleProject } from './project-visibility';
import { requireProjectEditor } from './projects.service';
import * as pq from './projects.queries';
import { toAttachment, toOrganisation } from './serialise';
import { contentDisposition, imageTypeOf, isPdf, type IncomingUpload, type ReceivedFile } from './uploads';
import { auditCommunity, loadViewer } from './viewer';

/** Logos are small pictures: 2 MB is plenty and keeps profile pages light. */
export const LOGO_LIMIT = 2 * 1024 * 1024;

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'application/pdf': 'pdf' };

function unreadable(ctx: RequestContext, key: string): AppError {
  return new AppError('unreadable_file', { params: { reason: fieldMessage(ctx.locale, key) }, fields: { file: key } });
}

/** Receives the upload after the permission check; a missing file or wrong content leaves nothing stored. */
async function receiveChecked(ctx: RequestContext, upload: IncomingUpload, maxBytes: number, typeOf: (head: Buffer) => string | null, wrongKey: string) {
  const { file, fields } = await upload.receive(ctx.storage, maxBytes);
  if (!file) throw new AppError('validation_failed', { fields: { file: 'file_required' } });
  const contentType = typeOf(file.head);
  if (!contentType) {
    await ctx.storage.delete(file.stored.key);
    throw unreadable(ctx, wrongKey);
  }
  return { file, fields, contentType };
}

function fileValues(ctx: RequestContext, file: ReceivedFile, contentType: string, fallbackName: string) {
  const ext = EXTENSIONS[contentType]!;
  const filename = file.filename || `${fallbackName}.${ext}`;
  return {
    storageKey: file.stored.key,
    filename,
    contentType,
    sizeBytes: file.stored.sizeBytes,
    sha256: file.stored.sha256,
    uploadedBy: requireUser(ctx).id,
  };
}

/** Runs the database part of an upload; if it fails, the bytes already stored are removed. */
async function orDiscard<T>(ctx: RequestContext, key: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    await ctx.storage.delete(key).catch(() => undefined);
    throw error;
  }
}

export async function uploadLogo(ctx: RequestContext, organisationId: string, upload: IncomingUpload): Promise<Organisation> {
  // Checked before any byte is stored, and again in the transaction.
  await requireOrganisationEditor(ctx.db, await loadViewer(ctx), await requireOrganisation(ctx.db, organisationId));
  const { file, contentType } = await receiveChecked(ctx, upload, LOGO_LIMIT, imageTypeOf, 'logo_not_image');
  const { row, oldKeys } = await orDiscard(ctx, file.stored.key, () =>
    ctx.db.transaction(async (tx) => {
      const viewer = await loadViewer(ctx, tx);
      const org = await requireOrganisation(tx, organisationId);
      const authority = await requireOrganisationEditor(tx, viewer, org);
      const stored = await common.insertFile(tx, fileValues(ctx, file, contentType, 'logo'));
      const row = (await setLogo(tx, organisationId, stored.id))!;
      const oldKeys = await common.deleteFiles(tx, org.logoFileId ? [org.logoFileId] : []);
      await recordAudit(tx, ctx, {
        communityId: auditCommunity(authority),
        action: 'organisation.logo_changed',
        entityType: 'organisation',
        entityId: organisationId,
        entityLabel: org.nameZh,
        before: { logoFileId: org.logoFileId },
        after: { logoFileId: stored.id },
      });
      return { row, oldKeys };
    }),
  );
  await deleteStoredBytes(ctx, oldKeys);
  return toOrganisation(row);
}

export async function addAttachment(ctx: RequestContext, projectId: string, upload: IncomingUpload): Promise<Attachment> {
  {
    const viewer = await loadViewer(ctx);
    requireProjectEditor(viewer, (await requireVisibleProject(ctx.db, viewer, projectId)).row);
  }
  const { file, fields, contentType } = await receiveChecked(ctx, upload, ctx.config.UPLOAD_LIMIT, (head) => (isPdf(head) ? 'application/pdf' : null), 'attachment_not_pdf');
  return orDiscard(ctx, file.stored.key, async () => {
    const kind = attachmentKindSchema.safeParse(fields.kind ?? 'pitch_deck');
    if (!kind.success) throw new AppError('validation_failed', { fields: { kind: 'attachment_kind_invalid' } });
    return ctx.db.transaction(async (tx) => {
      const viewer = await loadViewer(ctx, tx);
      const { row: project } = await requireVisibleProject(tx, viewer, projectId);
      const authority = requireProjectEditor(viewer, project);
      const stored = await common.insertFile(tx, fileValues(ctx, file, contentType, 'attachment'));
      const { id } = await pq.insertAttachment(tx, { projectId, fileId: stored.id, kind: kind.data, createdBy: viewer.userId });
      await recordAudit(tx, ctx, {
        communityId: auditCommunity(authority),
        action: 'project.attachment_added',
        entityType: 'project',
        entityId: projectId,
        entityLabel: project.nameZh,
        before: null,
        after: { attachment: stored.filename, kind: kind.data, sizeBytes: stored.sizeBytes },
      });
      return toAttachment((await pq.findAttachment(tx, projectId, id))!);
    });
  });
}

export async function deleteAttachment(ctx: RequestContext, projectId: string, attachmentId: string): Promise<void> {
  const keys = await ctx.db.transaction(async (tx) => {
    const viewer = await loadViewer(ctx, tx);
    const { row: project } = await requireVisibleProject(tx, viewer, projectId);
    const authority = requireProjectEditor(viewer, project);
    const attachment = await pq.findAttachment(tx, projectId, attachmentId);
    if (!attachment) throw new AppError('not_found');
    // A document that is a milestone's evidence stays while the milestone cites it.
    const [cited] = await tx.select({ id: projectMilestones.id }).from(projectMilestones).where(eq(projectMilestones.evidenceFileId, attachment.fileId)).limit(1);
    if (cited) throw new AppError('state_conflict', { fields: { attachmentId: 'lifecycle_evidence_in_use' } });
    // The attachment row goes with its file (foreign key cascade).
    const keys = await common.deleteFiles(tx, [attachment.fileId]);
    await recordAudit(tx, ctx, {
      communityId: auditCommunity(authority),
      action: 'project.attachment_removed',
      entityType: 'project',
      entityId: projectId,
      entityLabel: project.nameZh,
      before: { attachment: attachment.filename, kind: attachment.kind, sizeBytes: attachment.sizeBytes },
      after: null,
    });
    return keys;
  });
  await deleteStoredBytes(ctx, keys);
}

/**
 * A stored file for download: a logo to anyone signed in, an attachment to those who may see
 * its project. Anything else (import spreadsheets, files of hidden projects) is not_found.
 */
export async function openFile(ctx: RequestContext, fileId: string): Promise<{ stream: Readable; contentType: string; sizeBytes: number; disposition: string }> {
  const viewer = await loadViewer(ctx);
  const file = await common.findFile(ctx.db, fileId);
  if (!file) throw new AppError('not_found');
  if (!(await common.isLogo(ctx.db, fileId))) {
    const projectId = await pq.projectOfFile(ctx.db, fileId);
    if (!projectId) throw new AppError('not_found');
    await requireVisibleProject(ctx.db, viewer, projectId);
  }
  const stream = ctx.storage.open(file.storageKey);
  return {
    stream,
    contentType: file.contentType,
    sizeBytes: file.sizeBytes,
    disposition: contentDisposition(file.contentType.startsWith('image/') ? 'inline' : 'attachment', file.filename),
  };
}
