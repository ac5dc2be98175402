import { sql } from 'drizzle-orm';
import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { events } from './events';

/**
 * Messages to deliver (e-mail for now). Written in the same transaction as the change
 * that causes them; a worker sends them once SMTP is configured.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    channel: text('channel').notNull().default('email'),
    recipient: text('recipient').notNull(),
    template: text('template').notNull(),
    locale: text('locale').notNull(),
    payload: jsonb('payload').notNull().$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    /** A failed send is tried again from this instant (backing off). */
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    /** A worker that claimed the message holds it until then; another may take it after (crash safety). */
    claimedUntil: timestamp('claimed_until', { withTimezone: true }),
    /** The event a message is about, for the organisers' message log. */
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'set null' }),
  },
  (t) => [index('outbox_unsent_idx').on(t.nextAttemptAt).where(sql`${t.sentAt} is null`), index('outbox_event_idx').on(t.eventId, t.id)],
);

