import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { communities } from './communities';
import { users } from './users';

// Keep in step with MEMBERSHIP_ROLES in src/domain/roles.ts (a unit test compares them).
export const MEMBERSHIP_ROLE_CHECK = sql.raw(
  `'community_admin', 'staff', 'member', 'investor', 'judge', 'service_provider', 'viewer'`,
);

/** A user's role in one community. One row per (community, user): a user has one role per community. */
export const memberships = pgTable(
  'memberships',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('memberships_community_user_key').on(t.communityId, t.userId),
    index('memberships_user_idx').on(t.userId),
    check('memberships_role_known', sql`${t.role} in (${MEMBERSHIP_ROLE_CHECK})`),
  ],
);

/** An invitation to join a community with a role. The token itself is never stored, only its hash. */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role').notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('invitations_token_hash_key').on(t.tokenHash),
    // At most one open invitation per person and community, even with concurrent requests.
    uniqueIndex('invitations_open_per_email_key')
      .on(t.communityId, t.email)
      .where(sql`${t.acceptedAt} is null and ${t.revokedAt} is null`),
    check('invitations_role_known', sql`${t.role} in (${MEMBERSHIP_ROLE_CHECK})`),
    check('invitations_email_normalised', sql`${t.email} = lower(btrim(${t.email}))`),
  ],
);
