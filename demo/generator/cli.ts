/**
 * `npm run demo:generate -- --orgs 100000 --projects 200000 [--people N] [--seed N]`
 *
 * Adds a large synthetic dataset to the configured database (DATABASE_URL, else the embedded
 * one in DATA_DIR, which must not be open in a running server: the data-directory lock refuses).
 * Migrates first; on a database without communities it loads the demo first, so the records
 * have communities to belong to and the demo accounts can see them.
 */
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { DEMO_COMMUNITIES } from '../communities';
import { isDatabaseEmpty, seedDemo } from '../seed';
import { loadConfig } from '../../src/server/config';
import { DataDirLockedError } from '../../src/server/db/lock';
import { migrate } from '../../src/server/db/migrate';
import { DatabaseOpenError, openStore } from '../../src/server/ops/open';
import { generateDataset } from './generate';

function usage(message: string): never {
  console.error(`${message}\nUsage: npm run demo:generate -- --orgs 100000 --projects 200000 [--people N] [--seed N]`);
  process.exit(2);
}

function count(value: string | undefined, name: string, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) usage(`--${name} must be a whole number, not "${value}".`);
  return Number(value);
}

async function main(): Promise<void> {
  let args;
  try {
    args = parseArgs({ options: { orgs: { type: 'string' }, projects: { type: 'string' }, people: { type: 'string' }, seed: { type: 'string' } } }).values;
  } catch (error) {
    usage(error instanceof Error ? error.message : String(error));
  }
  const orgs = count(args.orgs, 'orgs', 0)!;
  const projects = count(args.projects, 'projects', 0)!;
  const people = count(args.people, 'people');
  const seed = count(args.seed, 'seed', 1)!;
  if (orgs + projects + (people ?? 0) === 0) usage('Nothing to generate.');

  const config = loadConfig();
  let store;
  try {
    store = await openStore(config, { command: 'npm run demo:generate' });
  } catch (error) {
    if (error instanceof DataDirLockedError || error instanceof DatabaseOpenError) {
      console.error(`Cannot generate.\n${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const { database } = store;
  try {
    const applied = await migrate(database);
    if (applied.length) console.log(`Applied ${applied.length} migration(s).`);
    if (await isDatabaseEmpty(database.db)) {
      console.log('Empty database: loading the demo first (communities, accounts, directory).');
      await seedDemo(database.db);
    }
    const slugs = DEMO_COMMUNITIES.map((c) => c.slug);
    const rows = (await database.db.execute(sql`select id, slug from communities order by slug`)) as unknown as { rows: { id: string; slug: string }[] };
    const demo = rows.rows.filter((r) => slugs.includes(r.slug as (typeof slugs)[number]));
    const communities = demo.length ? demo : rows.rows;
    console.log(
      `Generating ${orgs} organisations, ${projects} projects, ${people ?? Math.round(orgs / 2)} people (seed ${seed}) on ${database.kind}, ` +
        `in ${communities.length ? communities.map((c) => c.slug).join(', ') : 'no community'}.`,
    );
    const started = performance.now();
    let last = 0;
    const result = await generateDataset(database, {
      orgs,
      projects,
      people,
      seed,
      communityIds: communities.map((c) => c.id),
      onProgress: (done, total) => {
        const now = performance.now();
        if (now - last < 1000 && done < total) return;
        last = now;
        const rate = Math.round(done / ((now - started) / 1000));
        process.stdout.write(`  ${done.toLocaleString('en')} / ${total.toLocaleString('en')} records (${rate.toLocaleString('en')}/s)\n`);
      },
    });
    // Hundreds of thousands of new index entries wait in the GIN pending lists and the
    // planner's statistics describe the old table: both made searches several times slower
    // until autovacuum came by. Settle them now.
    console.log('Vacuuming and analysing the search index …');
    await database.withConnection((conn) => conn.exec('VACUUM ANALYZE search_documents'));
    await database.checkpoint();
    const records = result.orgs + result.projects + result.people;
    console.log(
      `Done in ${result.seconds} s: ${result.orgs} organisations, ${result.projects} projects, ${result.people} people ` +
        `(${Math.round(records / Math.max(result.seconds, 0.001)).toLocaleString('en')} records/s, search documents included).`,
    );
    console.log(JSON.stringify({ ...result, database: database.kind, seed, recordsPerSecond: Math.round(records / Math.max(result.seconds, 0.001)) }));
  } finally {
    await database.close();
    store.lock?.release();
  }
}

main().catch((error: unknown) => {
  console.error(`Generation failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
