import { and, desc, eq, gte, ilike, isNotNull, isNull, lt, or, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { outbox } from '../../db/schema';
import { rowsOf } from '../../db/sql-helpers';
import { CLAIM_SECONDS, MAX_ATTEMPTS, type OutboxStatus } from './policy';

export type OutboxRow = typeof outbox.$inferSelect;

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** The status filter in SQL, the same rule as outboxStatus() in policy.ts. */
function statusIs(status: OutboxStatus): SQL {
  const exhausted = and(gte(outbox.attempts, MAX_ATTEMPTS), or(isNull(outbox.claimedUntil), lt(outbox.claimedUntil, sql`now()`)));
  if (status === 'sent') return isNotNull(outbox.sentAt);
  if (status === 'failed') return and(isNull(outbox.sentAt), exhausted)!;
  return and(isNull(outbox.sentAt), sql`not (${exhausted})`)!;
}

export interface OutboxFilter {
  status?: OutboxStatus;
  template?: string;
  recipient?: string;
  eventId?: string;
}

/** Newest first, keyset on id. */
export async function listOutbox(db: Executor, filter: OutboxFilter, limit: number, beforeId?: number) {
  const where = [
    beforeId === undefined ? undefined : lt(outbox.id, beforeId),
    filter.status ? statusIs(filter.status) : undefined,
    filter.template ? eq(outbox.template, filter.template) : undefined,
    filter.recipient ? ilike(outbox.recipient, `%${escapeLike(filter.recipient)}%`) : undefined,
    filter.eventId ? eq(outbox.eventId, filter.eventId) : undefined,
  ];
  return db
    .select()
    .from(outbox)
    .where(and(...where))
    .orderBy(desc(outbox.id))
    .limit(limit + 1);
}

export async function findMessage(db: Executor, id: number): Promise<OutboxRow | undefined> {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id));
  return row;
}

export async function lockMessage(db: Executor, id: number): Promise<OutboxRow | undefined> {
  const [row] = await db.select().from(outbox).where(eq(outbox.id, id)).for('update');
  return row;
}

/** A failed message back in the queue: tried again at once, with a fresh count of tries. */
export async function requeueFailed(db: Executor, id: number): Promise<OutboxRow | undefined> {
  const [row] = await db
    .update(outbox)
    .set({ attempts: 0, nextAttemptAt: sql`now()`, claimedUntil: null })
    .where(and(eq(outbox.id, id), statusIs('failed')))
    .returning();
  return row;
}

// ---------------------------------------------------------------- the worker's statements

export interface ClaimedMessage {
  id: number;
  recipient: string;
  template: string;
  locale: string;
  payload: unknown;
  attempts: number;
}

/**
 * Takes up to `limit` messages that are due, counting this try. One statement, no transaction
 * held afterwards: the SMTP conversation happens outside the database. SKIP LOCKED lets
 * several processes claim at once without waiting on each other, and the claim's expiry hands
 * a message to another process if this one dies mid-send.
 */
export async function claimBatch(db: Executor, limit: number): Promise<ClaimedMessage[]> {
  const rows = await rowsOf<{ id: string | number; recipient: string; template: string; locale: string; payload: unknown; attempts: number }>(
    db,
    sql`update outbox
           set claimed_until = now() + make_interval(secs => ${CLAIM_SECONDS}), attempts = attempts + 1
         where id in (select id from outbox
                       where sent_at is null
                         and next_attempt_at <= now()
                         and (claimed_until is null or claimed_until < now())
                         and attempts < ${MAX_ATTEMPTS}
                       order by id
                       limit ${limit}
                       for update skip locked)
     returning id, recipient, template, locale, payload, attempts`,
  );
  return rows.map((r) => ({ ...r, id: Number(r.id), attempts: Number(r.attempts) })).sort((a, b) => a.id - b.id);
}

export async function markSent(db: Executor, id: number): Promise<void> {
  await db.execute(sql`update outbox set sent_at = now(), claimed_until = null, last_error = null where id = ${id}`);
}

/** A failed try: again after `retryInSeconds`, or never (null: the log shows it failed). */
export async function markFailed(db: Executor, id: number, error: string, retryInSeconds: number | null): Promise<void> {
  if (retryInSeconds === null) {
    await db.execute(sql`update outbox set claimed_until = null, last_error = ${error}, attempts = greatest(attempts, ${MAX_ATTEMPTS}) where id = ${id}`);
  } else {
    await db.execute(
      sql`update outbox set claimed_until = null, last_error = ${error}, next_attempt_at = now() + make_interval(secs => ${retryInSeconds}) where id = ${id}`,
    );
  }
}
