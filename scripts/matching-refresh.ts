/**
 * `node --import tsx scripts/matching-refresh.ts`: a full refresh of the stored match
 * suggestions on the configured database (embedded or DATABASE_URL), outside the server —
 * for a cron job on PostgreSQL, or after a large import. It claims the same single running
 * slot as the admin page's button (so it never runs beside one), records the run, and prints
 * one JSON line: subjects, suggestions, duration and peak memory. With an embedded database
 * the server must be stopped (only one process may open it): use the admin page instead.
 */
import { loadConfig } from '../src/server/config';
import { claimRun, executeRun } from '../src/server/modules/matching/refresh';
import { openStore } from '../src/server/ops/open';

async function main() {
  const config = loadConfig();
  const store = await openStore(config, { command: 'node --import tsx scripts/matching-refresh.ts' });
  try {
    const db = store.database.db;
    const run = await claimRun(db, null);
    if (!run) throw new Error('a refresh is already running (see /admin/matching)');
    const log = {
      info: (data: object, message: string) => console.error(message, JSON.stringify(data)),
      error: (data: object, message: string) => console.error(message, data),
    };
    await executeRun(db, run.id, log);
    const rows = (await store.database.withConnection((conn) =>
      conn.rows<{ status: string; subjects: number; suggestions: number; duration_ms: number | null; peak_rss_mb: number | null; error: string | null }>(
        'select status, subjects, suggestions, duration_ms, peak_rss_mb, error from match_refresh_runs where id = $1',
        [run.id],
      ),
    ))[0];
    console.log(JSON.stringify(rows));
    if (rows?.status !== 'succeeded') process.exitCode = 1;
  } finally {
    await store.database.close();
    store.lock?.release();
  }
}

main().catch((error: unknown) => {
  console.error(`Matching refresh failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
