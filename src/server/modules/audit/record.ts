import { diffFields } from '../../../domain/audit-diff';
import type { Tx } from '../../db/client';
import { auditLog } from '../../db/schema';
import type { RequestContext } from '../../http/context';

type Row = Record<string, unknown> | null;

/**
 * Appends one audit entry inside the caller's transaction, so the entry and the change
 * commit or roll back together. `before` null means created, `after` null means deleted.
 */
export async function recordAudit(
  tx: Tx,
  ctx: Pick<RequestContext, 'user' | 'requestId'>,
  entry: {
    communityId: string | null;
    action: string;
    entityType: string;
    entityId: string;
    entityLabel?: string | null;
    before: Row;
    after: Row;
  },
): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: ctx.user?.id ?? null,
    communityId: entry.communityId,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    entityLabel: entry.entityLabel ?? null,
    changes: diffFields(entry.before, entry.after),
    requestId: ctx.requestId,
  });
}
