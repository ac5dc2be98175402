/**
 * Stored suggestions at first start: runs the full refresh on the seeding transaction (after the
 * directory, briefs, challenges, community profiles and feedback are in), with a succeeded run
 * row, so homes and "suggested for you" show suggestions before any admin starts a refresh.
 */
import type { Executor } from '../../src/server/db/client';
import { refreshInTransaction, type RefreshStats } from '../../src/server/modules/matching/refresh';

export async function seedSuggestions(tx: Executor): Promise<RefreshStats> {
  return refreshInTransaction(tx);
}
