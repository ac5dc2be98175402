import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { auditLog, users } from '../../db/schema';

export interface AuditFilter {
  communityId: string;
  entityType?: string;
  entityId?: string;
  action?: string;
  actorUserId?: string;
  from?: Date;
  to?: Date;
  beforeId?: number;
  limit: number;
}

/** Newest first; keyset on the id, which only grows. */
export async function listAudit(db: Executor, f: AuditFilter) {
  const conditions: SQL[] = [eq(auditLog.communityId, f.communityId)];
  if (f.entityType) conditions.push(eq(auditLog.entityType, f.entityType));
  if (f.entityId) conditions.push(eq(auditLog.entityId, f.entityId));
  if (f.action) conditions.push(eq(auditLog.action, f.action));
  if (f.actorUserId) conditions.push(eq(auditLog.actorUserId, f.actorUserId));
  if (f.from) conditions.push(gte(auditLog.at, f.from));
  if (f.to) conditions.push(lte(auditLog.at, f.to));
  if (f.beforeId !== undefined) conditions.push(lt(auditLog.id, f.beforeId));
  return db
    .select({ entry: auditLog, actorName: users.displayName, actorEmail: users.email })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.actorUserId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(f.limit + 1);
}
