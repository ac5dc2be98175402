/**
 * Evidence documents for milestones. They are stored as attachments of the project (kind
 * `other`), so they download through /api/files/:fileId under the project's own visibility and
 * go with the project when it is deleted. Unlike pitch decks, a scan or a photo of a
 * certificate is accepted: PDF, PNG, JPEG or WebP, recognised by their bytes.
 */
import { projectEditAuthority } from '../../../domain/directory-access';
import type { z } from 'zod';
import type { evidenceUploadSchema } from '../../../shared/schemas/lifecycle';
import { requireUser, type RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { fieldMessage } from '../../http/messages';
import { recordAudit } from '../audit/record';
import * as common from '../directory/common.queries';
import { requireVisibleProject } from '../directory/project-visibility';
import * as pq from '../directory/projects.queries';
import { imageTypeOf, isPdf, type IncomingUpload } from '../directory/uploads';
import { auditCommunity, loadViewer } from '../directory/viewer';

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/webp': 'webp', 'application/pdf': 'pdf' };

function evidenceType(head: Buffer): string | null {
  return isPdf(head) ? 'application/pdf' : imageTypeOf(head);
}

async function requireEditor(ctx: RequestContext, db: RequestContext['db'] | Parameters<typeof requireVisibleProject>[0], projectId: string) {
  const viewer = await loadViewer(ctx, db);
  const { row } = await requireVisibleProject(db, viewer, projectId);
  const authority = projectEditAuthority(viewer, row);
  if (!authority) throw new AppError('forbidden');
  return { viewer, row, authority };
}

export async function uploadEvidence(ctx: RequestContext, projectId: string, upload: IncomingUpload): Promise<z.infer<typeof evidenceUploadSchema>> {
  // Permission first: nobody without it writes a byte to storage.
  await requireEditor(ctx, ctx.db, projectId);
  const { file } = await upload.receive(ctx.storage, ctx.config.UPLOAD_LIMIT);
  if (!file) throw new AppError('validation_failed', { fields: { file: 'file_required' } });
  const contentType = evidenceType(file.head);
  if (!contentType) {
    await ctx.storage.delete(file.stored.key);
    const key = 'lifecycle_evidence_not_document';
    throw new AppError('unreadable_file', { params: { reason: fieldMessage(ctx.locale, key) }, fields: { file: key } });
  }
  try {
    return await ctx.db.transaction(async (tx) => {
      const { viewer, row, authority } = await requireEditor(ctx, tx, projectId);
      const stored = await common.insertFile(tx, {
        storageKey: file.stored.key,
        filename: file.filename || `evidence.${EXTENSIONS[contentType]}`,
        contentType,
        sizeBytes: file.stored.sizeBytes,
        sha256: file.stored.sha256,
        uploadedBy: requireUser(ctx).id,
      });
      await pq.insertAttachment(tx, { projectId, fileId: stored.id, kind: 'other', createdBy: viewer.userId });
      await recordAudit(tx, ctx, {
        communityId: auditCommunity(authority),
        action: 'project.attachment_added',
        entityType: 'project',
        entityId: projectId,
        entityLabel: row.nameZh,
        before: null,
        after: { attachment: stored.filename, kind: 'other', sizeBytes: stored.sizeBytes },
      });
      return { id: stored.id, filename: stored.filename, contentType: stored.contentType, sizeBytes: stored.sizeBytes };
    });
  } catch (error) {
    await ctx.storage.delete(file.stored.key).catch(() => undefined);
    throw error;
  }
}
