/**
 * The speed benchmark's database: PostgreSQL database `bb_bench_matching` on TEST_DATABASE_URL's
 * server, kept between runs and topped up to the asked size (--fresh starts over) with the demo,
 * the synthetic generator (demo/generator) and, when the generator's mix of organisation kinds
 * leaves too few, investors with a thesis and a ticket range made by the generator's own
 * organisation builder (kind investor), bulk-inserted and indexed for search like its records.
 */
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { generateDataset } from '../../demo/generator/generate';
import { insertRows } from '../../demo/generator/bulk-insert';
import { Rng } from '../../demo/generator/random';
import { makeOrganisation } from '../../demo/generator/records';
import type { OrganisationRow } from '../../demo/generator/rows';
import { isDatabaseEmpty, seedDemo } from '../../demo/seed';
import { openDatabase, type Database } from '../../src/server/db/client';
import { migrate } from '../../src/server/db/migrate';
import { refreshSearchDocuments } from '../../src/server/modules/search/index-document';

export const BENCH_DATABASE = 'bb_bench_matching';
const INVESTING = `('investor', 'guidance_fund', 'state_financing')`;
/** A stream of the generator's Rng no generator record uses (its streams are 1–5). */
const INVESTOR_STREAM = 41;
/** Record numbers of the added investors (credit codes derive from them): far above the generator's. */
const INVESTOR_NUMBER_BASE = 50_000_000;

export async function openBenchDatabase(fresh: boolean): Promise<{ database: Database; url: string }> {
  const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  if (fresh) await admin.query(`DROP DATABASE IF EXISTS ${BENCH_DATABASE} WITH (FORCE)`);
  const exists = await admin.query('select 1 from pg_database where datname = $1', [BENCH_DATABASE]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${BENCH_DATABASE}`);
  await admin.end();
  const target = new URL(url);
  target.pathname = `/${BENCH_DATABASE}`;
  return { database: await openDatabase({ kind: 'postgres', url: target.toString(), poolSize: 10 }), url: target.toString().replace(/\/\/[^@]*@/, '//…@') };
}

export async function count(database: Database, table: string, where = ''): Promise<number> {
  const rows = await database.withConnection((c) => c.rows<{ n: number }>(`select count(*)::int as n from ${table} ${where}`));
  return rows[0]!.n;
}

export interface PreparedData {
  orgs: number;
  projects: number;
  investors: number;
  investorsWithTicket: number;
  addedInvestors: number;
  generatedSeconds: number;
  reused: boolean;
}

const log = (m: string) => console.log(m);

/** Tops the database up: the demo, then generated organisations and projects, then investors. */
export async function prepareData(database: Database, want: { orgs: number; projects: number; investors: number }): Promise<PreparedData> {
  const t0 = performance.now();
  await migrate(database);
  if (await isDatabaseEmpty(database.db)) await seedDemo(database.db);
  const have = { orgs: await count(database, 'organisations'), projects: await count(database, 'projects') };
  const missing = { orgs: Math.max(0, want.orgs - have.orgs), projects: Math.max(0, want.projects - have.projects) };
  let changed = false;
  if (missing.orgs + missing.projects > 0) {
    log(`  generating ${missing.orgs} organisations and ${missing.projects} projects …`);
    let last = 0;
    await generateDataset(database, {
      ...missing,
      people: Math.round(missing.orgs / 4),
      seed: 11,
      onProgress: (done, total) => {
        if (performance.now() - last < 20_000 && done < total) return;
        last = performance.now();
        log(`    ${done} / ${total}`);
      },
    });
    changed = true;
  }
  const investors = await count(database, 'organisations', `where kind in ${INVESTING}`);
  const add = Math.max(0, want.investors - investors);
  if (add > 0) {
    log(`  adding ${add} investors with a thesis and a ticket range …`);
    const communityIds = (await database.withConnection((c) => c.rows<{ id: string }>('select id from communities order by slug'))).map((r) => r.id);
    // Numbers continue after every organisation there is, so a second top-up makes new credit codes.
    const already = await count(database, 'organisations');
    for (let start = 0; start < add; start += 1000) {
      const rows: OrganisationRow[] = [];
      for (let i = start; i < Math.min(add, start + 1000); i++) {
        const number = INVESTOR_NUMBER_BASE + already + i;
        const rng = new Rng(11, INVESTOR_STREAM, number);
        rows.push(makeOrganisation(rng, { number, communityId: rng.pick(communityIds), kind: 'investor' }).row);
      }
      await database.db.transaction(async (tx) => {
        await insertRows(tx, 'organisations', rows);
        await refreshSearchDocuments(tx, 'organisation', rows.map((r) => r.id));
      });
    }
    changed = true;
  }
  if (changed) {
    await database.withConnection((c) => c.exec('VACUUM ANALYZE'));
    await database.checkpoint();
  }
  return {
    orgs: await count(database, 'organisations'),
    projects: await count(database, 'projects'),
    investors: await count(database, 'organisations', `where kind in ${INVESTING}`),
    investorsWithTicket: await count(database, 'organisations', `where kind in ${INVESTING} and ticket_max_fen is not null and cardinality(thesis_segments) > 0`),
    addedInvestors: add,
    generatedSeconds: Math.round((performance.now() - t0) / 1000),
    reused: !changed,
  };
}

/**
 * The bench's own account: a user representing one investor, a member of one community (its
 * community-confidential projects become visible; the rest of the rule runs as for anyone).
 * Its password hash is copied from the demo investor's, so the demo password signs it in.
 */
export async function benchAccount(database: Database): Promise<{ email: string; investorId: string; communityId: string }> {
  const email = 'matching.bench@example.org';
  const db = database.db;
  const rowsOf = async <T>(q: ReturnType<typeof sql>) => ((await db.execute(q)) as unknown as { rows: T[] }).rows;
  const [investor] = await rowsOf<{ id: string }>(sql`select id from organisations where kind = 'investor' and ticket_max_fen is not null and cardinality(thesis_segments) > 0 order by md5(id::text) limit 1`);
  const [community] = await rowsOf<{ id: string }>(sql`select id from communities where slug = 'china-medical-city'`);
  await db.execute(sql`
    insert into users (email, display_name, password_hash, locale)
    select ${email}, '匹配基准测试账户', password_hash, 'zh-CN' from users where email = 'investor@biobridge.demo'
    on conflict (email) do nothing`);
  const [user] = await rowsOf<{ id: string }>(sql`select id from users where email = ${email}`);
  if (!user || !investor) throw new Error('The bench account needs the demo investor account and an investor with a thesis.');
  const [first] = await rowsOf<{ id: string }>(sql`select organisation_id as id from organisation_representatives where user_id = ${user.id} limit 1`);
  const investorId = first?.id ?? investor.id;
  if (!first) await db.execute(sql`insert into organisation_representatives (organisation_id, user_id) values (${investorId}, ${user.id})`);
  if (community) await db.execute(sql`insert into memberships (community_id, user_id, role) values (${community.id}, ${user.id}, 'member') on conflict do nothing`);
  return { email, investorId, communityId: community?.id ?? '' };
}
