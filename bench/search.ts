/**
 * `npm run bench:search -- [--orgs 100000] [--projects 200000] [--engine pg|pglite|both] [--queries 400] [--concurrency 4] [--fresh]`
 *
 * Search latency on a large directory, through HTTP and as bare SQL:
 * 1. Dataset: the synthetic generator (demo/generator) fills a database of its own, kept
 *    between runs and topped up to the asked size (--fresh starts over):
 *    PostgreSQL: database `bb_bench_search` on TEST_DATABASE_URL's server (default
 *    postgres://postgres@127.0.0.1:5432/test); PGlite: files under .tmp/bench-search-pglite-<orgs>-<projects>.
 * 2. Queries: a fixed mix of simplified Chinese, traditional Chinese and English — broad
 *    words (生物医药, vaccine), organisation names and name fragments read from the data,
 *    abbreviations (CRO, CDMO) — cycled until --queries have run.
 * 3. HTTP: buildApp + listen + fetch as a signed-in member (the visibility rule runs in full),
 *    one client and then --concurrency clients: p50, p95, p99 and requests per second.
 * 4. Bare SQL: the statements one request runs (viewer, page, counts), called directly on the
 *    database handle, one at a time: p50 and p95, and the ratio of HTTP latency to it.
 * Figures first, then one JSON line with all of them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as OpenCC from 'opencc-js';
import pg from 'pg';
import { DEMO_PASSWORD } from '../demo/accounts';
import { generateDataset } from '../demo/generator/generate';
import { isDatabaseEmpty, seedDemo } from '../demo/seed';
import { parseSearch } from '../src/domain/search-query';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase, type Database } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';
import * as q from '../src/server/modules/search/queries';
import { FUZZY_BELOW, SEARCH_MATCH_CAP } from '../src/server/modules/search/service';
import { FilesystemStorage } from '../src/server/storage/storage';

const { values: args } = parseArgs({
  options: {
    orgs: { type: 'string', default: '100000' },
    projects: { type: 'string', default: '200000' },
    engine: { type: 'string', default: 'both' },
    queries: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '4' },
    fresh: { type: 'boolean', default: false },
  },
});
const ORGS = Number(args.orgs);
const PROJECTS = Number(args.projects);
const QUERIES = Number(args.queries);
const CONCURRENCY = Number(args.concurrency);
const ENGINES = args.engine === 'both' ? ['pg', 'pglite'] : [args.engine!];
if (![ORGS, PROJECTS, QUERIES, CONCURRENCY].every((n) => Number.isInteger(n) && n >= 0) || !ENGINES.every((e) => e === 'pg' || e === 'pglite')) {
  console.error('Usage: npm run bench:search -- [--orgs N] [--projects N] [--engine pg|pglite|both] [--queries N] [--concurrency N] [--fresh]');
  process.exit(2);
}
const ACCOUNT = 'member@biobridge.demo';
const root = path.resolve(import.meta.dirname, '..');
const toTraditional = OpenCC.Converter({ from: 'cn', to: 'tw' });

const ms = (n: number) => Math.round(n * 100) / 100;
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
function summary(latencies: number[]) {
  const s = [...latencies].sort((a, b) => a - b);
  return { p50: ms(percentile(s, 50)), p95: ms(percentile(s, 95)), p99: ms(percentile(s, 99)), max: ms(s[s.length - 1] ?? NaN) };
}

async function count(database: Database, table: string): Promise<number> {
  const rows = await database.withConnection((c) => c.rows<{ n: number }>(`select count(*)::int as n from ${table}`));
  return rows[0]!.n;
}

async function openPg(): Promise<Database> {
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = 'bb_bench_search';
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  if (args.fresh) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${name}`;
  return openDatabase({ kind: 'postgres', url: target.toString(), poolSize: 10 });
}

async function openPglite(): Promise<{ database: Database; dir: string }> {
  const dir = path.join(root, '.tmp', `bench-search-pglite-${ORGS}-${PROJECTS}`);
  if (args.fresh) fs.rmSync(dir, { recursive: true, force: true });
  // The server's default shared_buffers (32 MB) would measure the cache, not the search: give it room.
  return { database: await openDatabase({ kind: 'pglite', dataDir: dir, sharedBuffersMb: 256 }), dir };
}

/** Tops the database up to the asked size with the generator (records beyond the demo's). */
async function prepare(database: Database): Promise<{ orgs: number; projects: number; people: number; documents: number; generatedSeconds: number }> {
  await migrate(database);
  if (await isDatabaseEmpty(database.db)) await seedDemo(database.db);
  const have = { orgs: await count(database, 'organisations'), projects: await count(database, 'projects') };
  const missing = { orgs: Math.max(0, ORGS - have.orgs), projects: Math.max(0, PROJECTS - have.projects) };
  let generatedSeconds = 0;
  if (missing.orgs + missing.projects > 0) {
    console.log(`  generating ${missing.orgs} organisations and ${missing.projects} projects …`);
    let last = 0;
    const result = await generateDataset(database, {
      ...missing,
      seed: 7,
      onProgress: (done, total) => {
        if (performance.now() - last < 15_000 && done < total) return;
        last = performance.now();
        console.log(`    ${done} / ${total}`);
      },
    });
    generatedSeconds = result.seconds;
    // Merges the GIN indexes' pending lists (fast-update) and refreshes the planner's statistics.
    await database.withConnection((c) => c.exec('VACUUM ANALYZE'));
    await database.checkpoint();
  }
  return {
    orgs: await count(database, 'organisations'),
    projects: await count(database, 'projects'),
    people: await count(database, 'people'),
    documents: await count(database, 'search_documents'),
    generatedSeconds,
  };
}

/** The query mix: fixed words and names read from the data, in three forms. */
async function queryMix(database: Database): Promise<{ text: string; lang: 'zh-Hans' | 'zh-Hant' | 'en' }[]> {
  const names = await database.withConnection((c) =>
    c.rows<{ name_zh: string; name_en: string | null; short: string | null }>(
      `select name_zh, name_en, short_name_zh as short from organisations order by md5(id::text) limit 40`,
    ),
  );
  const simplified = ['生物医药', '医疗器械', '细胞治疗', '抗体药物', '体外诊断试剂', '肿瘤', '基因编辑', '疫苗研发', '苏州', '临床前', '创新药 投资', '高新技术企业'];
  const english = ['vaccine', 'antibody drug', 'cell therapy', 'CRO', 'CDMO', 'mRNA', 'medical devices', 'diagnostics', 'oncology', 'venture capital'];
  const fromData = names.flatMap((n) => [n.short ?? n.name_zh.slice(0, 4), n.name_zh]);
  const zh = [...simplified, ...fromData];
  const en = [...english, ...names.map((n) => n.name_en).filter((n): n is string => !!n).slice(0, 20)];
  const mix: { text: string; lang: 'zh-Hans' | 'zh-Hant' | 'en' }[] = [];
  for (let i = 0; mix.length < Math.max(QUERIES, 1); i++) {
    const which = i % 3;
    if (which === 0) mix.push({ text: zh[i % zh.length]!, lang: 'zh-Hans' });
    else if (which === 1) mix.push({ text: toTraditional(zh[(i * 7) % zh.length]!), lang: 'zh-Hant' });
    else mix.push({ text: en[i % en.length]!, lang: 'en' });
  }
  return mix.slice(0, QUERIES);
}

async function httpRun(base: string, cookie: string, mix: { text: string }[], concurrency: number) {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  let capped = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < mix.length) {
        const item = mix[next++]!;
        const t0 = performance.now();
        const res = await fetch(`${base}/api/search?q=${encodeURIComponent(item.text)}&limit=20`, { headers: { cookie } });
        const body = (await res.json()) as { complete?: boolean };
        latencies.push(performance.now() - t0);
        if (res.status !== 200) failures++;
        if (body.complete === false) capped++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { ...summary(latencies), throughput: Math.round((mix.length / seconds) * 10) / 10, failures, countsCapped: capped };
}

/** The statements one request runs, straight on the database handle (the service's sequence, no HTTP). */
async function sqlRun(database: Database, userId: string, mix: { text: string }[]) {
  const latencies: number[] = [];
  const slowest: { text: string; ms: number }[] = [];
  for (const item of mix) {
    const parsed = parseSearch(item.text);
    const t0 = performance.now();
    await database.db.transaction(async (tx) => {
      await q.preferIndexes(tx);
      const viewer = await q.findViewer(tx, userId, false);
      const search = parsed.mode === 'search' ? parsed : null;
      const strict = await q.counts(tx, search, viewer, {}, { fuzzy: false, cap: SEARCH_MATCH_CAP }, { take: 21 });
      const counted = search && strict.total < FUZZY_BELOW ? await q.counts(tx, search, viewer, {}, { fuzzy: true, cap: SEARCH_MATCH_CAP }, { take: 21 }) : strict;
      await q.communityLabels(tx, counted.facets.community.map((b) => b.value), 'zh-CN');
    });
    const elapsed = performance.now() - t0;
    latencies.push(elapsed);
    slowest.push({ text: item.text, ms: ms(elapsed) });
  }
  return { ...summary(latencies), slowest: slowest.sort((a, b) => b.ms - a.ms).slice(0, 5) };
}

async function benchEngine(engine: string) {
  console.log(`\n== ${engine === 'pg' ? 'PostgreSQL' : 'PGlite'} ==`);
  const opened = engine === 'pg' ? { database: await openPg(), dir: null } : await openPglite();
  const { database } = opened;
  try {
    const t0 = performance.now();
    const data = await prepare(database);
    console.log(
      `  dataset: ${data.orgs} organisations, ${data.projects} projects, ${data.people} people, ${data.documents} search documents` +
        (data.generatedSeconds ? ` (generated in ${data.generatedSeconds} s)` : ' (reused)') +
        ` — ready in ${Math.round((performance.now() - t0) / 1000)} s`,
    );
    const mix = await queryMix(database);
    const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-files-'));
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://127.0.0.1' });
    const app = await buildApp({ config, database, version: 'bench', webDir: null, storage: new FilesystemStorage(filesDir) });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      const signIn = await fetch(`${base}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: base },
        body: JSON.stringify({ email: ACCOUNT, password: DEMO_PASSWORD }),
      });
      if (signIn.status !== 200) throw new Error(`sign-in failed: ${signIn.status} ${await signIn.text()}`);
      const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
      const userId = ((await signIn.json()) as { user: { id: string } }).user.id;
      // Warm-up: the first queries load the dictionary, plan caches and pages.
      await httpRun(base, cookie, mix.slice(0, Math.min(30, mix.length)), 1);
      // HTTP first, then the same queries as bare SQL: both read warm caches.
      const one = await httpRun(base, cookie, mix, 1);
      const sqlFigures = await sqlRun(database, userId, mix);
      const many = await httpRun(base, cookie, mix, CONCURRENCY);
      const ratio = Math.round((one.p50 / sqlFigures.p50) * 100) / 100;
      console.log(`  queries: ${mix.length} (simplified, traditional, English in turn)`);
      console.log(`  bare SQL, 1 at a time:        p50 ${sqlFigures.p50} ms  p95 ${sqlFigures.p95} ms  p99 ${sqlFigures.p99} ms`);
      console.log(`  HTTP, 1 client:               p50 ${one.p50} ms  p95 ${one.p95} ms  p99 ${one.p99} ms  ${one.throughput} req/s`);
      console.log(`  HTTP, ${CONCURRENCY} clients:              p50 ${many.p50} ms  p95 ${many.p95} ms  p99 ${many.p99} ms  ${many.throughput} req/s`);
      console.log(`  HTTP/SQL p50 ratio (1 client): ${ratio}`);
      console.log(`  slowest (bare SQL): ${sqlFigures.slowest.map((s) => `${s.text} ${s.ms} ms`).join('; ')}`);
      console.log(`  answers with capped counts (> ${SEARCH_MATCH_CAP} matches): ${many.countsCapped} of ${mix.length}; failures: ${one.failures + many.failures}`);
      if (engine === 'pg') console.log(`  target p95 ≤ 50 ms (HTTP, ${CONCURRENCY} clients): ${many.p95 <= 50 ? 'met' : 'NOT met'}`);
      return { engine, data, queries: mix.length, concurrency: CONCURRENCY, sql: sqlFigures, http1: one, http: many, httpToSqlRatio: ratio };
    } finally {
      await app.close();
      fs.rmSync(filesDir, { recursive: true, force: true });
    }
  } finally {
    await database.close();
  }
}

const results: Record<string, unknown> = { orgs: ORGS, projects: PROJECTS };
for (const engine of ENGINES) results[engine] = await benchEngine(engine);
console.log(JSON.stringify(results));
