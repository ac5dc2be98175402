import { sql, type SQL } from 'drizzle-orm';
import type { Executor } from './client';

/** The rows of a raw statement, on either engine (both drivers answer `{ rows }`). */
export async function rowsOf<T>(db: Executor, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** One bound parameter holding a uuid[] (ids come from the database or zod-checked input). */
export const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/** One bound parameter holding a text[], each element quoted as an array literal needs. */
export const textArray = (values: readonly string[]) => sql`${`{${values.map((v) => `"${v.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`}::text[]`;
