import { sql } from 'drizzle-orm';
import { bigint, check, date, index, integer, pgTable, primaryKey, smallint, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, PARTY_ROLES } from '../../../domain/lifecycle/vocabularies';
import { communities } from './communities';
import { files, organisations, projects } from './directory';
import { events } from './events';
import { pipelineItems } from './pipelines';
import { users } from './users';
import { inList } from './columns';


/**
 * An agreement a community records: two or more parties, an amount, where and when it was
 * signed. `eventId` names the event (signing ceremony, forum) it was signed at.
 */
export const agreements = pgTable(
  'agreements',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    communityId: uuid('community_id')
      .notNull()
      .references(() => communities.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    signedPlace: text('signed_place').notNull().default(''),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'set null' }),
    status: text('status').notNull().default('signed'),
    projectId: uuid('project_id').references(() => projects.id, { onDelete: 'set null' }),
    /** The segment the totals count it under: the project's, unless set otherwise. */
    segment: text('segment'),
    pipelineItemId: uuid('pipeline_item_id').references(() => pipelineItems.id, { onDelete: 'set null' }),
    note: text('note').notNull().default(''),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('agreements_community_idx').on(t.communityId, t.signedOn),
    index('agreements_project_idx').on(t.projectId),
    index('agreements_event_idx').on(t.eventId),
    check('agreements_kind_known', inList(t.kind, AGREEMENT_KINDS)),
    check('agreements_status_known', inList(t.status, AGREEMENT_STATUSES)),
    check('agreements_amount_positive', sql`coalesce(${t.amountFen}, 0) >= 0`),
  ],
);

/** The parties of an agreement (two or more, checked by the service), each with its role. */
export const agreementParties = pgTable(
  'agreement_parties',
  {
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: text('role').notNull(),
    position: smallint('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.organisationId] }),
    index('agreement_parties_org_idx').on(t.organisationId),
    check('agreement_parties_role_known', inList(t.role, PARTY_ROLES)),
  ],
);

export const agreementAttachments = pgTable(
  'agreement_attachments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id')
      .notNull()
      .references(() => agreements.id, { onDelete: 'cascade' }),
    fileId: uuid('file_id')
      .notNull()
      .references(() => files.id, { onDelete: 'cascade' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agreement_attachments_agreement_idx').on(t.agreementId)],
);
