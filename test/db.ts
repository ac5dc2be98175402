import crypto from 'node:crypto';
import fs from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { seedDemo } from '../demo/seed';
import { openDatabase, type Database } from '../src/server/db/client';
import { migrate } from '../src/server/db/migrate';
import { FilesystemStorage } from '../src/server/storage/storage';
// The template's shape, and the `inject('seedTemplate')` typing that comes with it.
import type {} from './seed-template';

export interface TestDatabase extends Database {
  /** Drops the database (PostgreSQL) or closes it (PGlite). */
  destroy(): Promise<void>;
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a database
 * on the PostgreSQL server named by TEST_DATABASE_URL (CI runs the suites both ways). Each file gets its own
 * database (created and dropped here), so files run in parallel without seeing each other.
 */
export async function freshDatabase(): Promise<TestDatabase> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const database = await openDatabase({ kind: 'pglite', dataDir: null });
    await migrate(database);
    return { ...database, destroy: () => database.close() };
  }
  return postgresDatabase(url, null);
}

/**
 * A database of this file's own holding the demo dataset, with the demo's stored files copied
 * into `filesDir`: a copy of the run's seeded template (test/seed-template.ts) when there is one,
 * else migrated and seeded here.
 */
export async function seededDatabase(filesDir: string): Promise<TestDatabase> {
  const template = inject('seedTemplate');
  if (!template) {
    const database = await freshDatabase();
    await seedDemo(database.db, { storage: new FilesystemStorage(filesDir) });
    return database;
  }
  fs.cpSync(template.filesDir, filesDir, { recursive: true });
  if (template.kind === 'pglite') {
    const database = await openDatabase({ kind: 'pglite', dataDir: null, loadDataDir: new Blob([fs.readFileSync(template.dump)]) });
    return { ...database, destroy: () => database.close() };
  }
  return postgresDatabase(process.env.TEST_DATABASE_URL!, template.database);
}

/** A new database on the server at `url`, empty and migrated, or a copy of `template`. */
async function postgresDatabase(url: string, template: string | null): Promise<TestDatabase> {
  const name = `bb_test_${crypto.randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
  await admin.end();
  const testUrl = new URL(url);
  testUrl.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: testUrl.toString(), poolSize: 5 });
  await migrate(database);
  return {
    ...database,
    destroy: async () => {
      await database.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
