import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Database, RawConnection } from './client';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Any constant: the advisory lock that keeps two starting processes from migrating at once. */
const MIGRATION_LOCK_KEY = 727_101_2;

interface Journal {
  entries: { idx: number; tag: string }[];
}

export interface Migration {
  tag: string;
  sql: string;
  hash: string;
}

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'meta', '_journal.json'), 'utf8')) as Journal;
  return [...journal.entries]
    .sort((a, b) => a.idx - b.idx)
    .map(({ tag }) => {
      const sql = fs.readFileSync(path.join(dir, `${tag}.sql`), 'utf8');
      return { tag, sql, hash: crypto.createHash('sha256').update(sql).digest('hex') };
    });
}

function quote(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * Applies the checked-in migrations in order, each in its own transaction, and refuses to
 * start when a migration that was already applied has been edited since (landed migrations
 * are immutable). Safe with several processes starting at once on one PostgreSQL server.
 * Returns the tags it applied.
 */
export async function migrate(database: Database, migrations = readMigrations()): Promise<string[]> {
  return database.withConnection(async (conn) => {
    // Session-level lock on this one connection; PostgreSQL drops it if the process dies.
    if (database.kind === 'postgres') await conn.exec(`SELECT pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    try {
      return await applyPending(conn, migrations);
    } finally {
      if (database.kind === 'postgres') await conn.exec(`SELECT pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    }
  });
}

async function applyPending(conn: RawConnection, migrations: Migration[]): Promise<string[]> {
  await conn.exec(`CREATE TABLE IF NOT EXISTS "__migrations" (
    "tag" text PRIMARY KEY, "hash" text NOT NULL, "applied_at" timestamptz NOT NULL DEFAULT now())`);
  const rows = await conn.rows<{ tag: string; hash: string }>('SELECT tag, hash FROM "__migrations"');
  const done = new Map(rows.map((r) => [r.tag, r.hash]));
  const applied: string[] = [];
  for (const m of migrations) {
    const previous = done.get(m.tag);
    if (previous !== undefined) {
      if (previous !== m.hash) {
        throw new Error(
          `Migration ${m.tag} was changed after it was applied. Landed migrations must never be edited; add a new one instead.`,
        );
      }
      continue;
    }
    const statements = m.sql
      .split('--> statement-breakpoint')
      .map((s) => s.trim())
      .filter(Boolean)
      .map((s) => (s.endsWith(';') ? s : `${s};`));
    try {
      await conn.exec('BEGIN');
      for (const statement of statements) await conn.exec(statement);
      await conn.exec(`INSERT INTO "__migrations" (tag, hash) VALUES (${quote(m.tag)}, ${quote(m.hash)})`);
      await conn.exec('COMMIT');
    } catch (error) {
      await conn.exec('ROLLBACK').catch(() => {});
      throw new Error(`Migration ${m.tag} failed: ${(error as Error).message}`, { cause: error });
    }
    applied.push(m.tag);
  }
  return applied;
}
