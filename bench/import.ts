/**
 * `npm run bench:import -- [--rows 50000] [--engine pg|pglite|both] [--pglite-buffers 32]`
 *
 * Import of a large .xlsx of organisations through HTTP, the way the wizard does it:
 * 1. File: a --rows-row workbook written with exceljs's streaming writer: realistic Chinese
 *    company names, valid unified social credit codes (check characters computed), segments,
 *    founding dates in the forms people type, provinces, cities, headcounts, qualifications.
 * 2. Server: buildApp + listen on a fresh, migrated database with the demo data (PGlite in
 *    memory; PostgreSQL on TEST_DATABASE_URL's server, default postgres://postgres@127.0.0.1:5432/test).
 * 3. Phases, timed one by one: upload (multipart POST: storage, zip guard, one streaming
 *    read), preview (PUT: the dry run of every row), commit (POST: one transaction,
 *    per-record audit entries, search documents).
 * 4. Memory: process.memoryUsage() sampled every 50 ms during each phase (the server runs in
 *    this process): peak RSS and peak heap, and the RSS before the phase. CPU: process.cpuUsage()
 *    per phase, next to the wall-clock time (on a shared machine the wall clock includes waiting).
 * Figures first, then one JSON line with all of them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import ExcelJS from 'exceljs';
import { DEMO_PASSWORD } from '../demo/accounts';
import { seedDemo } from '../demo/seed';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { openDatabase, type Database } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';
import { creditCodeFor } from '../src/server/modules/transfer/test-files';
import { FilesystemStorage } from '../src/server/storage/storage';
import type { ImportJob, ImportPreview } from '../src/shared/schemas/transfer';
import { freshDatabase } from '../test/db';

const { values: args } = parseArgs({
  options: {
    rows: { type: 'string', default: '50000' },
    engine: { type: 'string', default: 'both' },
    /** PGlite's shared_buffers in MB (the server's PGLITE_SHARED_BUFFERS_MB; 32 by default). */
    'pglite-buffers': { type: 'string', default: '32' },
  },
});
const PGLITE_BUFFERS = Number(args['pglite-buffers']);
const ROWS = Number(args.rows);
const ENGINES = args.engine === 'both' ? ['pglite', 'pg'] : [args.engine!];
if (!Number.isInteger(ROWS) || ROWS < 1 || !Number.isInteger(PGLITE_BUFFERS) || PGLITE_BUFFERS < 1 || !ENGINES.every((e) => e === 'pg' || e === 'pglite')) {
  console.error('Usage: npm run bench:import -- [--rows N] [--engine pg|pglite|both] [--pglite-buffers MB]');
  process.exit(2);
}
const PG_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const TARGET_SECONDS = 60;

// ---------------------------------------------------------------- the workbook

const CITIES: [string, string][] = [
  ['江苏省', '泰州市'], ['江苏省', '苏州市'], ['江苏省', '南京市'], ['江苏省', '无锡市'], ['上海市', '上海市'], ['北京市', '北京市'],
  ['浙江省', '杭州市'], ['广东省', '深圳市'], ['广东省', '广州市'], ['湖北省', '武汉市'], ['四川省', '成都市'], ['山东省', '济南市'],
];
const BRAND = '康泰瑞恒华信博安和润德源晟睿宏嘉诺辉明远达普泽科优创新联健生济仁天正元众合益鑫舜禾尚'.split('');
const TRADES = ['生物医药', '生物科技', '医疗器械', '基因科技', '细胞治疗', '诊断技术', '医药科技', '生物制药', '药业', '医学检验', '再生医学'];
const FORMS = ['有限公司', '股份有限公司', '有限责任公司'];
const SEGMENTS = ['创新药', '医疗器械', '体外诊断', '细胞治疗', '基因治疗', 'mRNA', '疫苗', '生物材料', '数字医疗', '器械、IVD', '创新药、细胞治疗'];
const QUALIFICATIONS = [null, '高新技术企业', '高企、专精特新', '专精特新"小巨人"', '科技型中小企业', null, null];
const HEADCOUNTS = ['1-9人', '10-49人', '50-99人', '100-499人', '500-999人', '1000人以上', '35', '260'];

function pick<T>(list: readonly T[], n: number): T {
  return list[n % list.length]!;
}

function foundedOn(i: number): string | Date {
  const year = 1995 + (i % 30);
  const month = 1 + (i % 12);
  const day = 1 + (i % 28);
  switch (i % 4) {
    case 0:
      return new Date(Date.UTC(year, month - 1, day));
    case 1:
      return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    case 2:
      return `${year}年${month}月${day}日`;
    default:
      return `${year}/${month}/${day}`;
  }
}

async function writeWorkbook(file: string, rows: number, salt: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('企业名录');
  sheet.addRow(['企业名称', '统一社会信用代码', '所属行业', '成立日期', '省份', '城市', '地址', '人员规模', '资质', '企业简介']).commit();
  for (let i = 0; i < rows; i++) {
    const [province, city] = pick(CITIES, i * 7);
    const brand = `${pick(BRAND, i)}${pick(BRAND, Math.floor(i / BRAND.length) + 3)}${i >= BRAND.length * BRAND.length ? pick(BRAND, Math.floor(i / 1000)) : ''}`;
    const name = `${city.replace(/市$/, '')}${brand}${pick(TRADES, i * 3)}${pick(FORMS, i)}`;
    sheet
      .addRow([
        name,
        creditCodeFor(salt + i),
        pick(SEGMENTS, i),
        foundedOn(i),
        province,
        city,
        `${city}高新区创新路${1 + (i % 400)}号`,
        pick(HEADCOUNTS, i),
        pick(QUALIFICATIONS, i),
        `${name.slice(0, -4)}专注${pick(SEGMENTS, i).split('、')[0]}领域的研发与产业化。`,
      ])
      .commit();
  }
  sheet.commit();
  await workbook.commit();
}

// ---------------------------------------------------------------- measuring

interface PhaseFigures {
  seconds: number;
  /** CPU time of this process (server and, on PGlite, the database): the figure a busy machine distorts least. */
  cpuSeconds: number;
  rowsPerSecond: number;
  rssBeforeMb: number;
  peakRssMb: number;
  peakHeapMb: number;
}

const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;

async function measured<T>(rows: number, work: () => Promise<T>): Promise<{ result: T; figures: PhaseFigures }> {
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakHeap = before.heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 50);
  const started = performance.now();
  const cpu = process.cpuUsage();
  try {
    const result = await work();
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const m = process.memoryUsage();
    return {
      result,
      figures: {
        seconds: Math.round(seconds * 100) / 100,
        cpuSeconds: Math.round((used.user + used.system) / 10_000) / 100,
        rowsPerSecond: Math.round(rows / seconds),
        rssBeforeMb: mb(before.rss),
        peakRssMb: mb(Math.max(peakRss, m.rss)),
        peakHeapMb: mb(Math.max(peakHeap, m.heapUsed)),
      },
    };
  } finally {
    clearInterval(timer);
  }
}

async function expectOk<T>(res: Response, what: string): Promise<T> {
  const body = (await res.json()) as T;
  if (!res.ok) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(body).slice(0, 500)}`);
  return body;
}

async function runEngine(engine: 'pg' | 'pglite', file: string) {
  let database: Database & { destroy(): Promise<void> };
  if (engine === 'pg') {
    process.env.TEST_DATABASE_URL = PG_URL;
    database = await freshDatabase();
  } else {
    const embedded = await openDatabase({ kind: 'pglite', dataDir: null, sharedBuffersMb: PGLITE_BUFFERS });
    await migrate(embedded);
    database = { ...embedded, destroy: () => embedded.close() };
  }
  await seedDemo(database.db);
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-import-'));
  const config = loadConfig({ NODE_ENV: 'production', LOG_LEVEL: 'warn', PUBLIC_URL: 'http://127.0.0.1', UPLOAD_LIMIT: String(200 * 1024 * 1024) });
  const app = await buildApp({ config, database, version: 'bench', webDir: null, storage: new FilesystemStorage(filesDir) });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    const signIn = await fetch(`${base}/api/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'park.admin@biobridge.demo', password: DEMO_PASSWORD }),
    });
    const session = await expectOk<{ csrfToken: string; communities: { id: string; slug: string }[] }>(signIn, 'sign-in');
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const headers = { cookie, 'x-csrf-token': session.csrfToken };
    const community = session.communities.find((c) => c.slug === 'china-medical-city')!.id;
    const url = `${base}/api/communities/${community}/imports`;

    const upload = await measured(ROWS, async () => {
      const form = new FormData();
      form.append('entityType', 'organisation');
      form.append('file', new Blob([fs.readFileSync(file)]), 'bench.xlsx');
      return expectOk<ImportJob>(await fetch(url, { method: 'POST', headers, body: form }), 'upload');
    });
    const job = upload.result;
    const preview = await measured(ROWS, async () =>
      expectOk<ImportPreview>(
        await fetch(`${url}/${job.id}`, {
          method: 'PUT',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ mapping: job.mapping, duplicateStrategy: 'skip' }),
        }),
        'preview',
      ),
    );
    const summary = preview.result.job.summary;
    if (!summary || summary.invalid > 0 || summary.new !== ROWS) throw new Error(`unexpected preview: ${JSON.stringify(summary)}`);
    const commit = await measured(ROWS, async () =>
      expectOk<ImportJob>(await fetch(`${url}/${job.id}/commit`, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: '{}' }), 'commit'),
    );
    const report = commit.result.report;
    if (report?.created !== ROWS) throw new Error(`unexpected report: ${JSON.stringify(report)}`);
    const total = upload.figures.seconds + preview.figures.seconds + commit.figures.seconds;
    return {
      engine,
      upload: upload.figures,
      preview: preview.figures,
      commit: commit.figures,
      totalSeconds: Math.round(total * 100) / 100,
      rowsPerSecond: Math.round(ROWS / total),
      withinTarget: total <= TARGET_SECONDS,
    };
  } finally {
    await app.close();
    await database.destroy();
    fs.rmSync(filesDir, { recursive: true, force: true });
  }
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-bench-xlsx-'));
  const file = path.join(dir, 'organisations.xlsx');
  const started = performance.now();
  // Codes differ per run, so nothing collides with the demo data.
  await writeWorkbook(file, ROWS, Math.floor(Math.random() * 1e9));
  const fileMb = mb(fs.statSync(file).size);
  console.log(`workbook: ${ROWS} organisations, ${fileMb} MB, written in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const results = [];
  // On a shared machine the wall clock includes waiting for the CPU: say how busy it was.
  console.log(`machine: ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)}`);
  try {
    for (const engine of ENGINES as ('pg' | 'pglite')[]) {
      const r = await runEngine(engine, file);
      results.push(r);
      console.log(`\n${engine}: ${r.totalSeconds} s in all, ${r.rowsPerSecond} rows/s (target ≤ ${TARGET_SECONDS} s: ${r.withinTarget ? 'met' : 'missed'})`);
      for (const phase of ['upload', 'preview', 'commit'] as const) {
        const f = r[phase];
        console.log(
          `  ${phase.padEnd(8)} ${String(f.seconds).padStart(7)} s (cpu ${f.cpuSeconds} s)  ${String(f.rowsPerSecond).padStart(7)} rows/s  rss ${f.rssBeforeMb} → peak ${f.peakRssMb} MB  heap peak ${f.peakHeapMb} MB`,
        );
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  console.log(JSON.stringify({ bench: 'import', rows: ROWS, fileMb, targetSeconds: TARGET_SECONDS, pgliteSharedBuffersMb: PGLITE_BUFFERS, cpus: os.cpus().length, loadAverage: os.loadavg()[0], results }));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
