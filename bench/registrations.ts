/**
 * `npm run bench:registrations`: 1,000 people register at once for 100 seats.
 *
 * PostgreSQL (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; a fresh
 * database bb_bench_<random> is created and dropped): two real server processes on one
 * database, the registrations alternating between them, ~200 in flight. Then PGlite: one
 * server process on a temporary data directory. Each run creates a published event with one
 * 100-seat ticket type through the API (as staff), fires 1,000 registrations with distinct
 * e-mails plus 50 repeats of earlier e-mails, and checks: exactly 100 confirmed, the rest
 * waitlisted with waitlist numbers 1..N in arrival (seq) order, no e-mail live twice, every
 * repeat answered 409. On PostgreSQL the check reads the database itself; on PGlite (whose data
 * directory the server holds locked) it reads the organisers' registration list.
 * Figures first, then one JSON line.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { DEMO_PASSWORD } from '../demo/accounts';
import { HttpClient, runServer, type ServerProcess } from '../test/server-process';

const TOTAL = Number(process.env.BENCH_REGISTRATIONS ?? 1000);
const REPEATS = Number(process.env.BENCH_REPEATS ?? 50);
const SEATS = Number(process.env.BENCH_SEATS ?? 100);
const IN_FLIGHT = Number(process.env.BENCH_CONCURRENCY ?? 200);
const PG_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

interface Outcome {
  confirmed: number;
  waitlisted: number;
  duplicates: number;
  waitlistInOrder: boolean;
  created: number;
  refusedRepeats: number;
  otherErrors: number;
  rps: number;
  p50ms: number;
  p95ms: number;
  seconds: number;
}

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** The published event with one ticket type, created through the API as an organiser would. */
async function createEvent(base: string): Promise<{ eventId: string; ticketTypeId: string; staff: HttpClient }> {
  const staff = new HttpClient(base);
  await staff.signIn('staff@biobridge.demo', DEMO_PASSWORD, 'china-medical-city');
  const startsAt = new Date(Date.now() + 30 * 86_400_000);
  const created = await staff.request('POST', `/api/communities/${staff.communityId}/events`, {
    kind: 'forum',
    title: '并发报名压测论坛',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 4 * 3_600_000).toISOString(),
    capacity: SEATS,
  });
  if (created.status !== 201) throw new Error(`creating the event failed: ${created.status} ${JSON.stringify(created.body)}`);
  const eventId = (created.body as { id: string }).id;
  const published = await staff.request('POST', `/api/communities/${staff.communityId}/events/${eventId}/publish`, {});
  if (published.status !== 200) throw new Error(`publishing failed: ${published.status} ${JSON.stringify(published.body)}`);
  const types = await staff.request('GET', `/api/communities/${staff.communityId}/events/${eventId}/ticket-types`);
  const ticketTypeId = (types.body as { id: string }[])[0]!.id;
  return { eventId, ticketTypeId, staff };
}

/** 1,000 distinct people, and 50 repeats of earlier ones placed a little after their first go. */
function workload(tag: string): { email: string; repeat: boolean }[] {
  const jobs: { email: string; repeat: boolean }[] = Array.from({ length: TOTAL }, (_, i) => ({ email: `bench-${tag}-${i}@example.cn`, repeat: false }));
  for (let r = 0; r < REPEATS; r++) {
    const original = Math.floor((r * TOTAL) / REPEATS);
    jobs.splice(Math.min(jobs.length, original + r + 150), 0, { email: `bench-${tag}-${original}@example.cn`, repeat: true });
  }
  return jobs;
}

async function fire(bases: string[], eventId: string, ticketTypeId: string, tag: string) {
  const jobs = workload(tag);
  const latencies: number[] = [];
  const statusByEmail = new Map<string, number[]>();
  let next = 0;
  let otherErrors = 0;
  const started = performance.now();
  async function worker() {
    while (next < jobs.length) {
      const index = next++;
      const job = jobs[index]!;
      const base = bases[index % bases.length]!;
      const t0 = performance.now();
      const res = await fetch(`${base}/api/public/events/${eventId}/registrations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN' },
        body: JSON.stringify({ ticketTypeId, name: `压测参会者${index}`, email: job.email, organisationName: '压测生物科技有限公司' }),
      });
      await res.arrayBuffer();
      latencies.push(performance.now() - t0);
      if (res.status !== 201 && res.status !== 409) otherErrors++;
      statusByEmail.set(job.email, [...(statusByEmail.get(job.email) ?? []), res.status]);
    }
  }
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  let created = 0;
  let refusedRepeats = 0;
  for (const statuses of statusByEmail.values()) {
    created += statuses.filter((s) => s === 201).length;
    if (statuses.length > 1) refusedRepeats += statuses.filter((s) => s === 409).length;
  }
  return { seconds, rps: jobs.length / seconds, p50ms: percentile(latencies, 50), p95ms: percentile(latencies, 95), created, refusedRepeats, otherErrors };
}

interface Row {
  email: string;
  status: string;
  waitlistNo: number | null;
  seq: number;
}

function judge(rows: Row[]) {
  const live = rows.filter((r) => ['pending', 'confirmed', 'waitlisted'].includes(r.status));
  const waiting = rows.filter((r) => r.status === 'waitlisted').sort((a, b) => a.seq - b.seq);
  return {
    confirmed: rows.filter((r) => r.status === 'confirmed').length,
    waitlisted: waiting.length,
    duplicates: live.length - new Set(live.map((r) => r.email)).size,
    waitlistInOrder: waiting.every((r, i) => r.waitlistNo === i + 1),
  };
}

/** Through the organisers' list, for PGlite (its data directory is the server's). */
async function rowsFromApi(staff: HttpClient, eventId: string): Promise<Row[]> {
  const rows: Row[] = [];
  let cursor: string | null = null;
  do {
    const page = await staff.request('GET', `/api/communities/${staff.communityId}/events/${eventId}/registrations?limit=200${cursor ? `&cursor=${cursor}` : ''}`);
    const body = page.body as { items: Row[]; nextCursor: string | null };
    rows.push(...body.items);
    cursor = body.nextCursor;
  } while (cursor);
  return rows;
}

function report(label: string, o: Outcome) {
  console.log(
    `${label}: ${o.created} registered in ${o.seconds.toFixed(1)} s (${o.rps.toFixed(0)} req/s, p50 ${o.p50ms.toFixed(0)} ms, p95 ${o.p95ms.toFixed(0)} ms); ` +
      `${o.confirmed} confirmed, ${o.waitlisted} waitlisted ${o.waitlistInOrder ? 'numbered 1..N in arrival order' : 'OUT OF ORDER'}, ` +
      `${o.duplicates} e-mails live twice, ${o.refusedRepeats}/${REPEATS} repeats refused with 409, ${o.otherErrors} other errors`,
  );
}

async function stop(servers: ServerProcess[]) {
  for (const s of servers) {
    s.child.kill('SIGTERM');
    await s.exited;
  }
}

async function runPostgres(): Promise<Outcome> {
  const name = `bb_bench_${crypto.randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  const dirs = [fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-pg-a-')), fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-pg-b-'))];
  const servers: ServerProcess[] = [];
  try {
    const env = (dir: string) => ({ DATABASE_URL: url.toString(), DATA_DIR: dir, DEMO_DATA: 'true', DATABASE_POOL_SIZE: '10', BACKUP_INTERVAL_HOURS: '0' });
    // One after the other: the first migrates and loads the demo data, the second finds them.
    servers.push(await runServer(env(dirs[0]!)));
    servers.push(await runServer(env(dirs[1]!)));
    const { eventId, ticketTypeId } = await createEvent(servers[0]!.url);
    const fired = await fire(
      servers.map((s) => s.url),
      eventId,
      ticketTypeId,
      'pg',
    );
    const check = new pg.Client({ connectionString: url.toString() });
    await check.connect();
    const { rows } = await check.query<Row>(`select email, status, waitlist_no as "waitlistNo", seq::int as seq from event_registrations where event_id = $1`, [eventId]);
    const count = await check.query<{ confirmed_count: number }>('select confirmed_count from event_ticket_types where id = $1', [ticketTypeId]);
    await check.end();
    const outcome = { ...judge(rows), ...fired };
    if (count.rows[0]!.confirmed_count !== outcome.confirmed) throw new Error(`confirmed_count ${count.rows[0]!.confirmed_count} ≠ ${outcome.confirmed} confirmed rows`);
    return outcome;
  } finally {
    await stop(servers);
    const cleanup = new pg.Client({ connectionString: PG_URL });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  }
}

async function runPglite(): Promise<Outcome> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-pglite-'));
  const servers: ServerProcess[] = [];
  try {
    servers.push(await runServer({ DATA_DIR: dir, DEMO_DATA: 'true', BACKUP_INTERVAL_HOURS: '0' }));
    const { eventId, ticketTypeId, staff } = await createEvent(servers[0]!.url);
    const fired = await fire([servers[0]!.url], eventId, ticketTypeId, 'pglite');
    return { ...judge(await rowsFromApi(staff, eventId)), ...fired };
  } finally {
    await stop(servers);
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function summary(o: Outcome) {
  return {
    confirmed: o.confirmed,
    waitlisted: o.waitlisted,
    duplicates: o.duplicates,
    waitlistInOrder: o.waitlistInOrder,
    repeatsRefused: o.refusedRepeats,
    otherErrors: o.otherErrors,
    rps: Math.round(o.rps),
    p50ms: Math.round(o.p50ms),
    p95ms: Math.round(o.p95ms),
  };
}

const pgOutcome = await runPostgres();
report('PostgreSQL, two servers', pgOutcome);
const pgliteOutcome = await runPglite();
report('PGlite, one server', pgliteOutcome);
const ok = [pgOutcome, pgliteOutcome].every(
  (o) => o.confirmed === SEATS && o.waitlisted === TOTAL - SEATS && o.duplicates === 0 && o.waitlistInOrder && o.refusedRepeats === REPEATS && o.otherErrors === 0,
);
console.log(ok ? 'all checks passed' : 'CHECKS FAILED');
console.log(JSON.stringify({ pg: summary(pgOutcome), pglite: summary(pgliteOutcome) }));
if (!ok) process.exitCode = 1;
