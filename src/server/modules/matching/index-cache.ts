/**
 * The live matching index of this process: one `MatchIndex` per database handle (tests build
 * many apps, each with its own database), built lazily on first use and kept fresh through the
 * change feed (`match_changes`, written by every writer in its own transaction).
 *
 * Before answering, a request catches up: it reads the feed rows above the watermark's floor
 * (primary-key range, cheap), re-reads the features of the records they name (gone, drafted or
 * withdrawn → removed from the index) and moves the watermark (watermark.ts: ids commit out of
 * order, gaps are waited for up to a minute). A 'thesaurus' row reloads the thesaurus and
 * recompiles every record's concepts. Catch-ups are serialised per index: a request waits for
 * the one in progress and then runs its own, so it always sees its own earlier writes.
 *
 * The build reads every type in batches and yields to the event loop between them, so other
 * requests keep being served while a large directory loads.
 */
import { sql } from 'drizzle-orm';
import { MatchIndex } from '../../../domain/matching/index';
import type { Thesaurus } from '../../../domain/thesaurus/thesaurus';
import { MATCH_ENTITY_TYPES, type MatchEntityType } from '../../../domain/matching/vocabularies';
import type { Executor } from '../../db/client';
import { rowsOf } from '../../db/sql-helpers';
import { loadThesaurus } from '../thesaurus/load';
import { allFeatures, featuresOf } from './features.queries';
import { advance, GAP_GRACE_MS, startAt, type Watermark } from './watermark';

export interface IndexLog {
  info(data: object, message: string): void;
}

interface Live {
  index: MatchIndex;
  /** Ids the index holds, by type (a whole-type reload drops the ones no longer there). */
  known: Map<MatchEntityType, Set<string>>;
  mark: Watermark;
  /** The catch-up in progress (each new one chains after it). */
  queue: Promise<void>;
  /** Database time up to which open challenges whose deadline passed were re-read (no write marks that moment). */
  deadlinesUpTo: string;
  deadlinesCheckedAt: number;
}

/** How often a catch-up looks for passed deadlines and re-reads communities. */
const DEADLINE_CHECK_MS = 30_000;

const cache = new WeakMap<object, Promise<Live>>();

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** How many feed rows one catch-up reads at most (a burst beyond it is read by the next requests). */
const FEED_PAGE = 5000;

/**
 * A complete index of the database as it is now, built in batches. Used by the live cache, the
 * full refresh and the demo seed (which passes its open transaction).
 */
export async function buildIndex(
  db: Executor,
  options: { thesaurus?: Thesaurus; yieldBetweenBatches?: boolean; known?: Map<MatchEntityType, Set<string>> } = {},
): Promise<MatchIndex> {
  const thesaurus = options.thesaurus ?? (await loadThesaurus(db));
  const index = new MatchIndex(thesaurus);
  for (const type of MATCH_ENTITY_TYPES) {
    const known = new Set<string>();
    options.known?.set(type, known);
    for await (const batch of allFeatures(db, type)) {
      for (const f of batch) {
        index.upsert(f);
        known.add(f.id);
      }
      if (options.yieldBetweenBatches) await yieldToEventLoop();
    }
  }
  return index;
}

/**
 * Where the feed stands before a build: every row older than the grace period counts as seen
 * (the build reads the records after it); newer rows are seen if present now, and the ids
 * missing among them are waited for, since their transactions may still commit.
 */
async function markBeforeBuild(db: Executor, now: number): Promise<Watermark> {
  const [old] = await rowsOf<{ id: number | string | null }>(
    db,
    sql`select max(id) as id from match_changes where created_at < now() - make_interval(secs => ${GAP_GRACE_MS / 1000})`,
  );
  const floor = Number(old?.id ?? 0);
  const recent = await rowsOf<{ id: number | string }>(db, sql`select id from match_changes where id > ${floor} order by id`);
  return advance(startAt(floor), recent.map((r) => Number(r.id)), now).next;
}

async function build(db: Executor, log?: IndexLog): Promise<Live> {
  const started = performance.now();
  const mark = await markBeforeBuild(db, Date.now());
  const known = new Map<MatchEntityType, Set<string>>();
  const [{ now } = { now: new Date().toISOString() }] = await rowsOf<{ now: string }>(db, sql`select now()::text as now`);
  const index = await buildIndex(db, { yieldBetweenBatches: true, known });
  log?.info({ ms: Math.round(performance.now() - started), records: index.size, rssMb: Math.round(process.memoryUsage().rss / 2 ** 20) }, 'matching index built');
  return { index, known, mark, queue: Promise.resolve(), deadlinesUpTo: now, deadlinesCheckedAt: Date.now() };
}

/**
 * What no write announces: open challenges whose deadline passed since the last look (read
 * again, so they count as closed), and communities' free space (zones and landings).
 */
async function closePastDeadlines(db: Executor, live: Live): Promise<void> {
  if (Date.now() - live.deadlinesCheckedAt < DEADLINE_CHECK_MS) return;
  const rows = await rowsOf<{ id: string; now: string }>(
    db,
    sql`select c.id, n.now::text as now from (select now() as now) n
        left join challenges c on c.status = 'open' and c.deadline > ${live.deadlinesUpTo}::timestamptz and c.deadline <= n.now`,
  );
  live.deadlinesCheckedAt = Date.now();
  if (rows[0]) live.deadlinesUpTo = rows[0].now;
  const ids = rows.flatMap((r) => (r.id ? [r.id] : []));
  if (ids.length > 0) for (const f of await featuresOf(db, 'challenge', ids)) live.index.upsert(f);
  // Communities are few: re-read them all, so free space follows zones and landings (whose writes do not touch the feed).
  const communities = live.known.get('community') ?? new Set<string>();
  for await (const batch of allFeatures(db, 'community')) {
    for (const f of batch) {
      live.index.upsert(f);
      communities.add(f.id);
    }
  }
  live.known.set('community', communities);
}

/** Applies the feed rows above the floor that this process has not applied yet. */
async function catchUp(db: Executor, live: Live, log?: IndexLog): Promise<void> {
  await closePastDeadlines(db, live);
  const rows = await rowsOf<{ id: number | string; entity_type: string; entity_id: string | null }>(
    db,
    sql`select id, entity_type, entity_id from match_changes where id > ${live.mark.floor} order by id limit ${FEED_PAGE}`,
  );
  if (rows.length === 0 && live.mark.missingSince.size === 0) return;
  const { fresh, next } = advance(live.mark, rows.map((r) => Number(r.id)), Date.now());
  if (fresh.length > 0) {
    const freshSet = new Set(fresh);
    const todo = rows.filter((r) => freshSet.has(Number(r.id)));
    const whole = new Set<string>();
    const byType = new Map<MatchEntityType, Set<string>>();
    for (const r of todo) {
      if (r.entity_type === 'thesaurus' || r.entity_id === null) whole.add(r.entity_type);
      else {
        const set = byType.get(r.entity_type as MatchEntityType) ?? new Set<string>();
        set.add(r.entity_id);
        byType.set(r.entity_type as MatchEntityType, set);
      }
    }
    const started = performance.now();
    // The index compiles a record's concepts when it is upserted: a new thesaurus means reading every text again.
    if (whole.has('thesaurus')) {
      live.index.setThesaurus(await loadThesaurus(db));
      for (const type of MATCH_ENTITY_TYPES) whole.add(type);
    }
    for (const type of MATCH_ENTITY_TYPES) {
      const known = live.known.get(type) ?? new Set<string>();
      live.known.set(type, known);
      if (whole.has(type)) {
        // Every record of the type: read them all again, and drop the ones that are gone.
        const seen = new Set<string>();
        for await (const batch of allFeatures(db, type)) {
          for (const f of batch) {
            live.index.upsert(f);
            seen.add(f.id);
          }
          await yieldToEventLoop();
        }
        for (const id of known) if (!seen.has(id)) live.index.remove(type, id);
        live.known.set(type, seen);
        continue;
      }
      const ids = byType.get(type);
      if (!ids) continue;
      const features = await featuresOf(db, type, [...ids]);
      const found = new Set(features.map((f) => f.id));
      for (const f of features) {
        live.index.upsert(f);
        known.add(f.id);
      }
      for (const id of ids) {
        if (found.has(id)) continue;
        live.index.remove(type, id);
        known.delete(id);
      }
    }
    if (whole.size > 0) log?.info({ ms: Math.round(performance.now() - started), types: [...whole] }, 'matching index reloaded');
  }
  live.mark = next;
}

/**
 * The index of this database, up to date with every change committed before the call (and,
 * within a minute, with changes whose ids were handed out earlier but committed later).
 */
export async function liveIndex(db: Executor, log?: IndexLog): Promise<MatchIndex> {
  let entry = cache.get(db);
  if (!entry) {
    entry = build(db, log);
    cache.set(db, entry);
    // A failed build is retried by the next request.
    entry.catch(() => cache.delete(db));
  }
  const live = await entry;
  const run = live.queue.then(() => catchUp(db, live, log));
  live.queue = run.catch(() => undefined);
  await run;
  return live.index;
}

/** Forgets this database's index (tests; a server shutting down). */
export function dropLiveIndex(db: Executor): void {
  cache.delete(db);
}
