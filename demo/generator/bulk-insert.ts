import { sql } from 'drizzle-orm';
import type { Executor } from '../../src/server/db/client';

/**
 * One set-based INSERT for many rows: the rows travel as a single JSON parameter and
 * `json_populate_recordset` turns them into rows of the table's own type (arrays, jsonb, dates
 * and uuids converted by PostgreSQL). One parameter, so no limit of 65,535 bind parameters,
 * and the same statement on PGlite and PostgreSQL.
 */
export async function insertRows(db: Executor, table: string, rows: readonly object[], chunk = 2000): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  const list = sql.raw(columns.map((c) => `"${c}"`).join(', '));
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(rows.slice(i, i + chunk));
    await db.execute(sql`insert into ${sql.identifier(table)} (${list}) select ${list} from json_populate_recordset(null::${sql.identifier(table)}, ${json}::json)`);
  }
}
