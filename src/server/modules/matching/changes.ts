/**
 * The matching index's change feed. Every service that writes something the engine reads
 * (directory records through the search index, briefs, challenges, community profiles, the
 * thesaurus) calls this in its own transaction, so a change is seen exactly when it commits.
 */
import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client';
import { uuidArray } from '../../db/sql-helpers';

/** What a change touches: a record type the index holds, or 'thesaurus' (every text is read again). */
export type ChangedType = 'project' | 'organisation' | 'community' | 'brief' | 'challenge' | 'thesaurus';

/** Appends one row per id; ids null: every record of the type. */
export async function recordMatchChange(tx: Executor, entityType: ChangedType, ids: readonly string[] | null): Promise<void> {
  if (ids === null) {
    await tx.execute(sql`insert into match_changes (entity_type, entity_id) values (${entityType}, null)`);
    return;
  }
  if (ids.length === 0) return;
  await tx.execute(sql`insert into match_changes (entity_type, entity_id) select ${entityType}, unnest(${uuidArray([...ids])})`);
}
