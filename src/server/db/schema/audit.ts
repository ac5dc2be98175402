import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { FieldChanges } from '../../../domain/audit-diff';
import { communities } from './communities';
import { users } from './users';

/** Append-only record of every write: who, when, which record, before/after of changed fields. */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Null for platform-level records (a user's own account, a new community). */
    communityId: uuid('community_id').references(() => communities.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    /**
     * What the record was called when this happened (an e-mail, a community name), so an entry
     * still reads "role of wang@… changed" after the record is gone or renamed.
     */
    entityLabel: text('entity_label'),
    changes: jsonb('changes').notNull().$type<FieldChanges>(),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_log_community_idx').on(t.communityId, t.id),
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
  ],
);
