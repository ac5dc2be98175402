import { desc, lt } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { outbox } from '../../db/schema';

export async function listOutbox(db: Executor, limit: number, beforeId?: number) {
  return db
    .select()
    .from(outbox)
    .where(beforeId === undefined ? undefined : lt(outbox.id, beforeId))
    .orderBy(desc(outbox.id))
    .limit(limit + 1);
}
