/**
 * `npm run bench:durability`: what the embedded database's durability settings cost.
 *
 * 1. Commit throughput (one INSERT per transaction, on a data directory in /tmp) for:
 *    - default:    PGlite as shipped (fsync off, shared_buffers 128 MB), nothing flushed
 *    - chosen:     BioBridge's defaults: shared_buffers 32 MB, the WAL fdatasynced after every
 *                  commit (DB_SYNC_COMMITS) and CHECKPOINT + fsync of changed files every
 *                  FLUSH seconds (DB_FLUSH_SECONDS), through the same code the server uses
 *    - flush-only: the periodic flush without per-commit sync (DB_SYNC_COMMITS=false)
 *    - fsync-on:   PGlite without -F; PGlite's file system makes fsync a no-op, so this buys
 *                  nothing (check with strace -f -e trace=fsync,fdatasync)
 * 2. The server through HTTP (sign-ins, reads and invitations from four clients): requests
 *    per second and resident memory (VmRSS) at start and under that load, with
 *    DB_SYNC_COMMITS on and off, and PGlite's default shared_buffers (128 MB) against ours.
 * Figures first, then one JSON line with all of them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { DEMO_PASSWORD } from '../demo/accounts';
import { openDatabase, pgliteStartParams } from '../src/server/db/client';
import { flushDirectory, startFlusher } from '../src/server/db/durability';
import { HttpClient, runServer } from '../test/server-process';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 9);
/** Each mode runs this many times, interleaved, for SECONDS / ROUNDS each; the median counts (a shared machine is noisy). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
// Flushing every second (the server does every 30 s) makes the figure a pessimistic one.
const FLUSH = Number(process.env.BENCH_FLUSH_SECONDS ?? 1);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-'));

type Mode = 'default' | 'chosen' | 'flush-only' | 'fsync-on';

async function throughput(mode: Mode, round: number) {
  const SECONDS_EACH = SECONDS / ROUNDS;
  const dir = path.join(tmp, `${mode}-${round}`);
  const payload = 'x'.repeat(300);
  const create = `CREATE TABLE t (id bigserial PRIMARY KEY, payload text NOT NULL, at timestamptz NOT NULL DEFAULT now())`;
  if (mode === 'chosen' || mode === 'flush-only') {
    // The server's own code path: openDatabase + startFlusher, timing each flush.
    const database = await openDatabase({ kind: 'pglite', dataDir: dir, syncCommits: mode === 'chosen' });
    await database.withConnection((c) => c.exec(create));
    const flushes: number[] = [];
    const flusher = startFlusher(database, dir, 0, (e) => console.error(e));
    let commits = 0;
    let lastFlush = performance.now();
    const started = performance.now();
    while (performance.now() - started < SECONDS_EACH * 1000) {
      await database.withConnection((c) => c.rows('INSERT INTO t (payload) VALUES ($1)', [payload]));
      commits++;
      // Inline instead of on the timer: the same work, and its cost lands in the figure.
      if (performance.now() - lastFlush >= FLUSH * 1000) {
        const t = performance.now();
        await flusher.flushNow();
        flushes.push(performance.now() - t);
        lastFlush = performance.now();
      }
    }
    const elapsed = (performance.now() - started) / 1000;
    await database.close();
    return { commitsPerSecond: Math.round(commits / elapsed), flushMs: flushes.length ? Math.round(Math.max(...flushes)) : null };
  }
  const startParams = mode === 'fsync-on' ? pgliteStartParams(128).filter((p) => p !== '-F') : undefined;
  const db = await PGlite.create(dir, startParams ? { startParams } : {});
  await db.exec(create);
  let commits = 0;
  const started = performance.now();
  while (performance.now() - started < SECONDS_EACH * 1000) {
    await db.query('INSERT INTO t (payload) VALUES ($1)', [payload]);
    commits++;
  }
  const elapsed = (performance.now() - started) / 1000;
  await db.close();
  flushDirectory(dir);
  return { commitsPerSecond: Math.round(commits / elapsed), flushMs: null };
}

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
};

async function serverRun(sharedBuffersMb: number, syncCommits: boolean) {
  const env = {
    DATA_DIR: path.join(tmp, `server-${sharedBuffersMb}-${syncCommits}`),
    PGLITE_SHARED_BUFFERS_MB: String(sharedBuffersMb),
    DB_SYNC_COMMITS: String(syncCommits),
    BACKUP_INTERVAL_HOURS: '0',
  };
  // First start creates the database (initdb + demo data); measure a restart, as a park runs it.
  let server = await runServer(env, 300_000);
  const firstStart = rssMb(server.child.pid!);
  server.child.kill('SIGTERM');
  await server.exited;
  server = await runServer(env, 300_000);
  const pid = server.child.pid!;
  await new Promise((r) => setTimeout(r, 1000));
  const atStart = rssMb(pid);
  let peak = atStart;
  const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 200);
  const clients = await Promise.all(
    ['park.admin@biobridge.demo', 'centre.admin@biobridge.demo', 'alliance.admin@biobridge.demo', 'regen.admin@biobridge.demo'].map(async (email, i) => {
      const c = new HttpClient(server.url);
      await c.signIn(email, DEMO_PASSWORD, ['china-medical-city', 'taizhou-shanghai-centre', 'jiading-biomed-alliance', 'daxing-regen-park'][i]!);
      return c;
    }),
  );
  let requests = 0;
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    clients.map(async (c, i) => {
      for (let n = 0; Date.now() < until; n++) {
        await c.request('GET', `/api/communities/${c.communityId}/members`);
        await c.request('GET', `/api/communities/${c.communityId}/audit`);
        await c.request('POST', `/api/communities/${c.communityId}/invitations`, { email: `bench-${i}-${n}@example.com`, role: 'member' });
        requests += 3;
      }
    }),
  );
  clearInterval(sampler);
  const underLoad = Math.max(peak, rssMb(pid));
  server.child.kill('SIGTERM');
  await server.exited;
  return { sharedBuffersMb, syncCommits, firstStartMb: firstStart, atStartMb: atStart, underLoadMb: underLoad, requestsPerSecond: Math.round(requests / SECONDS) };
}

async function main() {
  const modes = ['default', 'chosen', 'flush-only', 'fsync-on'] as const;
  const runs = new Map<Mode, { commitsPerSecond: number; flushMs: number | null }[]>(modes.map((m) => [m, []]));
  for (let round = 0; round < ROUNDS; round++) for (const mode of modes) runs.get(mode)!.push(await throughput(mode, round));
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const results: Record<string, { commitsPerSecond: number; flushMs: number | null; runs: number[] }> = {};
  for (const mode of modes) {
    const r = runs.get(mode)!;
    const flushes = r.map((x) => x.flushMs).filter((x): x is number => x !== null);
    results[mode] = { commitsPerSecond: median(r.map((x) => x.commitsPerSecond)), flushMs: flushes.length ? Math.max(...flushes) : null, runs: r.map((x) => x.commitsPerSecond) };
    console.log(
      `${mode.padEnd(11)} ${String(results[mode].commitsPerSecond).padStart(6)} commits/s (median of ${r.map((x) => x.commitsPerSecond).join(', ')})` +
        `${results[mode].flushMs !== null ? `  slowest checkpoint + flush ${results[mode].flushMs} ms` : ''}`,
    );
  }
  const ratio = results.chosen!.commitsPerSecond / results.default!.commitsPerSecond;
  console.log(`chosen / default throughput: ${ratio.toFixed(2)}`);
  const server = [];
  for (const [mb, sync] of [[32, true], [32, false], [128, true]] as const) {
    const m = await serverRun(mb, sync);
    server.push(m);
    console.log(
      `server, shared_buffers ${mb} MB, DB_SYNC_COMMITS=${sync}: ${m.requestsPerSecond} req/s; RSS first start ${m.firstStartMb} MB, ` +
        `restart ${m.atStartMb} MB, under load ${m.underLoadMb} MB`,
    );
  }
  fs.rmSync(tmp, { recursive: true, force: true });
  console.log(
    JSON.stringify({
      bench: 'durability',
      seconds: SECONDS,
      rounds: ROUNDS,
      flushSeconds: FLUSH,
      throughput: results,
      chosenOverDefault: Number(ratio.toFixed(2)),
      server,
    }),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  fs.rmSync(tmp, { recursive: true, force: true });
  process.exit(1);
});
