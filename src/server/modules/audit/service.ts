import { z } from 'zod';
import type { AuditEntry } from '../../../shared/schemas/audit';
import type { RequestContext } from '../../http/context';
import { decodeCursor, pageOf } from '../../http/pagination';
import { requireCommunityAccess } from '../communities/access';
import * as q from './queries';

const auditCursor = z.object({ id: z.number().int() });

export async function listCommunityAudit(
  ctx: RequestContext,
  communityId: string,
  query: { entityType?: string; entityId?: string; action?: string; actorUserId?: string; from?: string; to?: string; limit: number; cursor?: string },
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  await requireCommunityAccess(ctx, communityId, 'audit.read');
  const cursor = decodeCursor(query.cursor, auditCursor);
  const rows = await q.listAudit(ctx.db, {
    communityId,
    entityType: query.entityType,
    entityId: query.entityId,
    action: query.action,
    actorUserId: query.actorUserId,
    from: query.from ? new Date(query.from) : undefined,
    to: query.to ? new Date(query.to) : undefined,
    beforeId: cursor?.id,
    limit: query.limit,
  });
  const page = pageOf(rows, query.limit, (last) => ({ id: last.entry.id }));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map(({ entry, actorName, actorEmail }) => ({
      id: entry.id,
      at: entry.at.toISOString(),
      actor: entry.actorUserId && actorName !== null && actorEmail !== null ? { id: entry.actorUserId, displayName: actorName, email: actorEmail } : null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      entityLabel: entry.entityLabel,
      changes: entry.changes,
      requestId: entry.requestId,
    })),
  };
}
