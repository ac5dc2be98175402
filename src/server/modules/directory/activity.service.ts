import { z } from 'zod';
import { canSeeContact, projectEditAuthority } from '../../../domain/directory-access';
import type { EntityType } from '../../../domain/directory';
import type { AuditEntry } from '../../../shared/schemas/audit';
import type { RequestContext } from '../../http/context';
import { decodeCursor, pageOf } from '../../http/pagination';
import { listRecordAudit } from './common.queries';
import { findPerson } from './people.queries';
import { personFacts } from './people.service';
import { findProject } from './projects.queries';
import { requireVisibleRecord } from './records';
import { loadViewer } from './viewer';

const activityCursor = z.object({ id: z.number().int() });
const HIDDEN = '[hidden]';

/**
 * The history of a record's public profile: its own audit entries, newest first. Communities'
 * notes and annotations are audited under other entity types, so they never appear here. Values
 * the viewer may not see on the record itself (a person's contact channels, a project's named
 * investors) are hidden in its history too.
 */
export async function listActivity(
  ctx: RequestContext,
  entityType: EntityType,
  entityId: string,
  query: { limit: number; cursor?: string },
): Promise<{ items: AuditEntry[]; nextCursor: string | null }> {
  const viewer = await loadViewer(ctx);
  await requireVisibleRecord(ctx.db, viewer, entityType, entityId);
  const hidden = new Set<string>();
  if (entityType === 'person') {
    const person = await findPerson(ctx.db, entityId);
    if (person && !canSeeContact(viewer, personFacts(person))) for (const f of ['email', 'phone', 'wechatId']) hidden.add(f);
  }
  if (entityType === 'project') {
    const project = await findProject(ctx.db, entityId);
    if (project && !projectEditAuthority(viewer, project)) hidden.add('namedInvestorIds');
  }
  const cursor = decodeCursor(query.cursor, activityCursor);
  const rows = await listRecordAudit(ctx.db, entityType, entityId, cursor?.id, query.limit);
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
      changes: Object.fromEntries(
        Object.entries(entry.changes).map(([field, change]) =>
          hidden.has(field)
            ? [field, { before: change.before === null ? null : HIDDEN, after: change.after === null ? null : HIDDEN }]
            : [field, change],
        ),
      ),
      requestId: entry.requestId,
    })),
  };
}
