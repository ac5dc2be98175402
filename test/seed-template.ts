/**
 * The demo-seeded database every API test file starts from, built once per test run (the api
 * project's globalSetup) instead of once per file: migrating and seeding took most of a file's
 * start-up. On PGlite the template is a dump of the cluster that each file loads into its own
 * in-memory instance; on PostgreSQL it is a database each file copies with CREATE DATABASE …
 * TEMPLATE. The demo's stored files are copied alongside. Files still get databases of their own.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { seedDemo } from '../demo/seed';
import { openDatabase } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';
import { FilesystemStorage } from '../src/server/storage/storage';

export type SeedTemplate = { kind: 'pglite'; dump: string; filesDir: string } | { kind: 'postgres'; database: string; filesDir: string };

declare module 'vitest' {
  export interface ProvidedContext {
    seedTemplate: SeedTemplate | null;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-seed-template-'));
  const filesDir = path.join(dir, 'files');
  fs.mkdirSync(filesDir);
  const storage = new FilesystemStorage(filesDir);
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    await migrate(database);
    await seedDemo(database.db, { storage });
    const dump = path.join(dir, 'pglite.tar');
    fs.writeFileSync(dump, Buffer.from(await (await database.dumpDataDir!()).arrayBuffer()));
    await database.close();
    project.provide('seedTemplate', { kind: 'pglite', dump, filesDir });
    return async () => fs.rmSync(dir, { recursive: true, force: true });
  }
  const name = `bb_template_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${name}`;
  // Every connection to the template must be closed before other databases can copy it.
  const database = await openDatabase({ kind: 'postgres', url: templateUrl.toString(), poolSize: 2 });
  await migrate(database);
  await seedDemo(database.db, { storage });
  await database.close();
  project.provide('seedTemplate', { kind: 'postgres', database: name, filesDir });
  return async () => {
    const cleanup = new pg.Client({ connectionString: url });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await cleanup.end();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
