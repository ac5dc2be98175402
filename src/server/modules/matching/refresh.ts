/**
 * The full refresh of stored suggestions: the top matches of the subjects someone sees on a home
 * page, each ranked with the visibility of the subject's own side, written to `match_suggestions`.
 * Nothing is stored for subjects no home shows (a project whose owner has no representative):
 * `/api/me/suggestions` ranks a subject without stored rows live.
 *
 * Subjects and targets (docs/matching/api.md, "Stored suggestions"):
 * - every investing organisation → projects (the big one), seen as the organisation sees:
 *   public projects and those naming it;
 * - communities with a matching profile → projects, seen as their staff see (their community's
 *   confidential projects too);
 * - published briefs → companies; open challenges → research teams;
 * - projects whose owner organisation has representatives → investors, parks, services;
 * - organisations with representatives → their other home targets: research teams (universities,
 *   institutes, hospitals) → challenges, companies → briefs.
 * Readers filter stored rows again by their own visibility and dismissals (service.ts).
 *
 * Rows are written per chunk of subjects: upserted (a candidate already there keeps its
 * first_suggested_at), then the subject's rows this run did not write are deleted; at the end,
 * every row the run did not write (subjects gone) is deleted. The work yields to the event loop
 * between chunks, so the server keeps answering while it runs. One run at a time (a unique index
 * on running runs; a run whose lease ran out — a crashed server — is marked failed first).
 */
import { sql, type SQL } from 'drizzle-orm';
import type { MatchIndex } from '../../../domain/matching/index';
import type { MatchFeatures, MatchViewer } from '../../../domain/matching/types';
import type { MatchEntityType, MatchTarget } from '../../../domain/matching/vocabularies';
import type { RefreshRun } from '../../../shared/schemas/matching';
import type { Db, Executor } from '../../db/client';
import { rowsOf, uuidArray } from '../../db/sql-helpers';
import { requireUser, type RequestContext } from '../../http/context';
import { AppError } from '../../http/errors';
import { isUniqueViolation } from '../directory/validation';
import { buildIndex, liveIndex, type IndexLog } from './index-cache';

/** Suggestions stored per subject and target. */
export const STORED_K = 50;
/** Subjects per written chunk. */
const CHUNK = 250;
/** The longest stretch the server's refresh computes without letting other requests in. */
const YIELD_MS = 40;
/** A running run's lease, renewed at every chunk. */
const LEASE_MS = 10 * 60_000;

const NOBODY: MatchViewer = { isPlatformAdmin: false, memberOf: new Set(), staffOf: new Set(), represents: new Set() };

interface Plan {
  type: MatchEntityType;
  target: MatchTarget;
  /** The candidate subjects, in id order (the index and `takes` decide among them). */
  subjects: (db: Executor) => Promise<string[]>;
  /** Which subjects of the type take part. */
  takes: (f: MatchFeatures) => boolean;
  viewerOf: (f: MatchFeatures) => MatchViewer;
}

const idsOf = async (db: Executor, query: SQL) => (await rowsOf<{ id: string }>(db, query)).map((r) => r.id);
const allOf = (table: string) => (db: Executor) => idsOf(db, sql`select id from ${sql.raw(table)} order by id`);
const represented = (db: Executor) => idsOf(db, sql`select distinct organisation_id as id from organisation_representatives order by 1`);

/**
 * An organisation's side: what it may see as an organisation (public records, those naming it or
 * owned by it). Stored rows are shared by all its representatives, so no one representative's
 * communities widen them; a reader's community-only candidates come from the live ranking.
 */
const organisationViewer = (f: MatchFeatures): MatchViewer => ({ ...NOBODY, represents: new Set([f.id]) });

/** Projects someone speaks for: their owner organisation has representatives. */
const representedProjects = (db: Executor) =>
  idsOf(
    db,
    sql`select p.id from projects p
        where exists (select 1 from organisation_representatives r where r.organisation_id = p.owner_organisation_id)
        order by p.id`,
  );

export const PLANS: Plan[] = [
  {
    type: 'organisation',
    target: 'projects',
    subjects: allOf('organisations'),
    takes: (f) => f.roles.includes('investor'),
    viewerOf: organisationViewer,
  },
  {
    type: 'community',
    target: 'projects',
    subjects: allOf('communities'),
    takes: (f) => f.roles.includes('park'),
    viewerOf: (f) => ({ ...NOBODY, memberOf: new Set([f.id]), staffOf: new Set([f.id]) }),
  },
  { type: 'brief', target: 'companies', subjects: allOf('tech_briefs'), takes: () => true, viewerOf: () => NOBODY },
  { type: 'challenge', target: 'research_teams', subjects: allOf('challenges'), takes: (f) => !f.closed, viewerOf: () => NOBODY },
  { type: 'project', target: 'investors', subjects: representedProjects, takes: () => true, viewerOf: () => NOBODY },
  { type: 'project', target: 'parks', subjects: representedProjects, takes: () => true, viewerOf: () => NOBODY },
  { type: 'project', target: 'services', subjects: representedProjects, takes: () => true, viewerOf: () => NOBODY },
  {
    type: 'organisation',
    target: 'challenges',
    subjects: represented,
    takes: (f) => f.roles.includes('research_team'),
    viewerOf: organisationViewer,
  },
  {
    type: 'organisation',
    target: 'briefs',
    subjects: represented,
    takes: (f) => f.roles.includes('company'),
    viewerOf: organisationViewer,
  },
];


export interface RefreshStats {
  subjects: number;
  suggestions: number;
  durationMs: number;
  peakRssMb: number;
}

export interface RefreshOptions {
  /** An index to rank with (the live one, or one the caller built); built from `db` when absent. */
  index?: MatchIndex;
  /** Yield to the event loop between chunks (the server); the seed and the bench need not. */
  yieldBetweenChunks?: boolean;
  /** Called after every chunk (lease renewal, progress). */
  onChunk?: (done: { subjects: number; suggestions: number }) => Promise<void>;
  k?: number;
}

const rssMb = () => Math.round(process.memoryUsage().rss / 2 ** 20);
const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Computes and stores the suggestions of every subject (see the file comment). Exported for the
 * bench, the CLI and the demo seed (which passes its transaction); the admin route runs it
 * through `startRefresh`.
 */
export async function refreshAllSuggestions(db: Executor, options: RefreshOptions = {}): Promise<RefreshStats> {
  const started = performance.now();
  let peak = rssMb();
  const index = options.index ?? (await buildIndex(db));
  const k = options.k ?? STORED_K;
  // One stamp for every row of the run: rows with another stamp are stale.
  const [{ stamp } = { stamp: new Date().toISOString() }] = await rowsOf<{ stamp: string }>(db, sql`select clock_timestamp()::text as stamp`);
  let subjects = 0;
  let suggestions = 0;
  let lastYield = performance.now();
  for (const plan of PLANS) {
    const ids = await plan.subjects(db);
    for (let i = 0; i < ids.length; i += CHUNK) {
      const rows: { subjectId: string; candidateType: string; candidateId: string; rank: number; score: number }[] = [];
      const chunkSubjects: string[] = [];
      for (const id of ids.slice(i, i + CHUNK)) {
        if (options.yieldBetweenChunks && performance.now() - lastYield > YIELD_MS) {
          await yieldToEventLoop();
          lastYield = performance.now();
        }
        const subject = index.get(plan.type, id);
        if (!subject || !plan.takes(subject)) continue;
        chunkSubjects.push(id);
        const ranked = index.top(plan.target, { type: plan.type, id }, { limit: k, viewer: plan.viewerOf(subject), includeDismissed: false });
        for (const item of ranked.items) {
          rows.push({ subjectId: id, candidateType: item.type, candidateId: item.id, rank: item.rank, score: item.score.score });
        }
      }
      if (chunkSubjects.length > 0) {
        await writeChunk(db, plan, stamp, chunkSubjects, rows);
        subjects += chunkSubjects.length;
        suggestions += rows.length;
      }
      peak = Math.max(peak, rssMb());
      await options.onChunk?.({ subjects, suggestions });
    }
  }
  // Subjects that are gone (or no longer take part), and targets no longer stored.
  await db.execute(sql`delete from match_suggestions where refreshed_at <> ${stamp}::timestamptz`);
  // The change feed keeps a day: every process has long caught up with older rows.
  await db.execute(sql`delete from match_changes where created_at < now() - interval '1 day'`);
  return { subjects, suggestions, durationMs: Math.round(performance.now() - started), peakRssMb: Math.max(peak, rssMb()) };
}

async function writeChunk(
  db: Executor,
  plan: Plan,
  stamp: string,
  subjectIds: string[],
  rows: { subjectId: string; candidateType: string; candidateId: string; rank: number; score: number }[],
): Promise<void> {
  if (rows.length > 0) {
    const list = (values: (string | number)[]) => `{${values.join(',')}}`;
    await db.execute(
      sql`insert into match_suggestions (subject_type, subject_id, target, candidate_type, candidate_id, rank, score, first_suggested_at, refreshed_at)
          select ${plan.type}, s, ${plan.target}, ct, c, r, sc, ${stamp}::timestamptz, ${stamp}::timestamptz
          from unnest(${list(rows.map((r) => r.subjectId))}::uuid[], ${list(rows.map((r) => r.candidateType))}::text[],
                      ${list(rows.map((r) => r.candidateId))}::uuid[], ${list(rows.map((r) => r.rank))}::int[],
                      ${list(rows.map((r) => r.score))}::real[]) as x(s, ct, c, r, sc)
          on conflict (subject_type, subject_id, target, candidate_type, candidate_id) do update
          set rank = excluded.rank, score = excluded.score, refreshed_at = excluded.refreshed_at`,
    );
  }
  await db.execute(
    sql`delete from match_suggestions where subject_type = ${plan.type} and target = ${plan.target}
        and subject_id = any(${uuidArray(subjectIds)}) and refreshed_at <> ${stamp}::timestamptz`,
  );
}

// ---------------------------------------------------------------- runs

interface RunRow {
  id: string;
  status: 'running' | 'succeeded' | 'failed';
  subjects: number;
  suggestions: number;
  duration_ms: number | null;
  peak_rss_mb: number | null;
  error: string | null;
  started_at: string | Date;
  finished_at: string | Date | null;
}

const toRun = (r: RunRow): RefreshRun => ({
  id: r.id,
  status: r.status,
  subjects: r.subjects,
  suggestions: r.suggestions,
  durationMs: r.duration_ms,
  peakRssMb: r.peak_rss_mb,
  error: r.error,
  startedAt: new Date(r.started_at).toISOString(),
  finishedAt: r.finished_at ? new Date(r.finished_at).toISOString() : null,
});

const RUN_COLUMNS = sql`id, status, subjects, suggestions, duration_ms, peak_rss_mb, error, created_at as started_at, finished_at`;

async function lastRun(db: Executor): Promise<RefreshRun | null> {
  const [row] = await rowsOf<RunRow>(db, sql`select ${RUN_COLUMNS} from match_refresh_runs order by created_at desc, id desc limit 1`);
  return row ? toRun(row) : null;
}

/** Claims the single running slot: a run whose lease ran out is failed first; another live run → null. */
export async function claimRun(db: Executor, requestedBy: string | null): Promise<RefreshRun | null> {
  await db.execute(
    sql`update match_refresh_runs set status = 'failed', error = 'lease_expired', finished_at = now()
        where status = 'running' and lease_until < now()`,
  );
  try {
    const [row] = await rowsOf<RunRow>(
      db,
      sql`insert into match_refresh_runs (status, requested_by, lease_until)
          values ('running', ${requestedBy}, now() + make_interval(secs => ${LEASE_MS / 1000}))
          returning ${RUN_COLUMNS}`,
    );
    return row ? toRun(row) : null;
  } catch (error) {
    if (isUniqueViolation(error, 'match_refresh_runs_one_running')) return null;
    throw error;
  }
}

/** Runs a claimed refresh to its end and records how it went. Never throws. */
export async function executeRun(db: Db, runId: string, log?: IndexLog & { error?(data: object, message: string): void }): Promise<void> {
  try {
    const index = await liveIndex(db, log);
    const stats = await refreshAllSuggestions(db, {
      index,
      yieldBetweenChunks: true,
      onChunk: async (done) => {
        await db.execute(
          sql`update match_refresh_runs set subjects = ${done.subjects}, suggestions = ${done.suggestions},
                lease_until = now() + make_interval(secs => ${LEASE_MS / 1000})
              where id = ${runId} and status = 'running'`,
        );
      },
    });
    await db.execute(
      sql`update match_refresh_runs set status = 'succeeded', subjects = ${stats.subjects}, suggestions = ${stats.suggestions},
            duration_ms = ${stats.durationMs}, peak_rss_mb = ${stats.peakRssMb}, finished_at = now()
          where id = ${runId}`,
    );
    log?.info({ ...stats }, 'matching refresh done');
  } catch (error) {
    const message = error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500);
    log?.error?.({ err: error }, 'matching refresh failed');
    await db
      .execute(sql`update match_refresh_runs set status = 'failed', error = ${message}, finished_at = now() where id = ${runId}`)
      .catch(() => undefined);
  }
}

/** POST /api/admin/matching/refresh: platform admins; 409 while a run is live. The work goes on after the answer. */
export async function startRefresh(ctx: RequestContext, log?: IndexLog & { error?(data: object, message: string): void }): Promise<RefreshRun> {
  const user = requireUser(ctx);
  if (!user.isPlatformAdmin) throw new AppError('forbidden');
  const run = await claimRun(ctx.db, user.id);
  if (!run) throw new AppError('match_refresh_running');
  const db = ctx.db;
  setImmediate(() => void executeRun(db, run.id, log));
  return run;
}

export async function refreshStatus(ctx: RequestContext): Promise<{ last: RefreshRun | null }> {
  const user = requireUser(ctx);
  if (!user.isPlatformAdmin) throw new AppError('forbidden');
  return { last: await lastRun(ctx.db) };
}

/**
 * The demo seed: stores suggestions inside the seeding transaction (with a run row), so homes
 * show them at first start.
 */
export async function refreshInTransaction(tx: Executor): Promise<RefreshStats> {
  const stats = await refreshAllSuggestions(tx);
  await tx.execute(
    sql`insert into match_refresh_runs (status, subjects, suggestions, duration_ms, peak_rss_mb, lease_until, finished_at)
        values ('succeeded', ${stats.subjects}, ${stats.suggestions}, ${stats.durationMs}, ${stats.peakRssMb}, now(), now())`,
  );
  return stats;
}
