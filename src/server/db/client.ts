import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import { walSyncer } from './durability';
import * as schema from './schema';

export type Schema = typeof schema;
/** The one handle services and queries use, whichever engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything a query can run on: the database or an open transaction. */
export type Executor = Db | Tx;

/** Raw SQL on one connection, outside Drizzle: migrations, backups, test setup. */
export interface RawConnection {
  /** Runs one or several statements. */
  exec(sql: string): Promise<void>;
  rows<T>(sql: string, params?: unknown[]): Promise<T[]>;
}

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Runs `fn` on a single connection held for its whole duration. */
  withConnection<T>(fn: (conn: RawConnection) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` in one transaction that nothing else in this process can interleave with
   * (PGlite: every other query waits; PostgreSQL: one pooled connection). `snapshot` makes it
   * a read-only REPEATABLE READ transaction, a consistent view for backups.
   */
  withTransaction<T>(fn: (conn: RawConnection) => Promise<T>, options?: { snapshot?: boolean }): Promise<T>;
  /** Embedded database: writes dirty pages to the data files (CHECKPOINT). No-op on PostgreSQL. */
  checkpoint(): Promise<void>;
  /** Embedded database: the whole cluster as a tar (for `loadDataDir`). Absent on PostgreSQL. */
  dumpDataDir?(): Promise<Blob>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  // dataDir null: in memory (tests). syncCommits: flush the WAL to disk after every commit (durability.ts).
  // loadDataDir: start from a dump (dumpDataDir) instead of an empty cluster (the tests' seeded template).
  | { kind: 'pglite'; dataDir: string | null; sharedBuffersMb?: number; syncCommits?: boolean; loadDataDir?: Blob }
  | { kind: 'postgres'; url: string; poolSize?: number };

/**
 * PGlite's own start parameters (its `defaultStartParams`, kept in full because passing
 * startParams replaces them) plus a smaller shared_buffers. `-F` (fsync off) stays: PGlite's
 * WebAssembly file system turns fsync into a no-op anyway (measured with strace, see
 * docs/operations.md), so fsync on only costs throughput; durability comes from durability.ts.
 */
export function pgliteStartParams(sharedBuffersMb = 32): string[] {
  return [
    '--single', '-F', '-O', '-j',
    '-c', 'search_path=public',
    '-c', 'exit_on_error=false',
    '-c', 'log_checkpoints=false',
    '-c', 'max_worker_processes=0',
    '-c', 'max_parallel_workers=0',
    '-c', 'max_parallel_workers_per_gather=0',
    '-c', 'io_method=sync',
    '-c', 'max_parallel_maintenance_workers=0',
    '-c', `shared_buffers=${sharedBuffersMb}MB`,
  ];
}

/**
 * The PGlite client with a WAL flush after every top-level statement that may have written
 * (a statement outside a transaction commits on its own) and after every transaction (it
 * commits when it ends). Drizzle's queries inside a transaction go to the transaction object,
 * not through here. Plain reads (SELECT, SHOW) are not followed by a flush: they commit
 * nothing worth keeping (a sequence moved by a lone SELECT nextval() is the one exception,
 * and a lost sequence step is harmless).
 */
const READ_ONLY = /^\s*(select|show)\b/i;

function syncingAfterCommits(client: PGlite, sync: () => Promise<void>): PGlite {
  const flushed = async <T>(result: Promise<T>): Promise<T> => {
    const value = await result;
    await sync();
    return value;
  };
  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      const fn = (value as (...args: unknown[]) => unknown).bind(target);
      if (prop === 'transaction') return (...args: unknown[]) => flushed(fn(...args) as Promise<unknown>);
      if (prop === 'query' || prop === 'exec') {
        return (sql: string, ...rest: unknown[]) => {
          const result = fn(sql, ...rest) as Promise<unknown>;
          return typeof sql === 'string' && READ_ONLY.test(sql) ? result : flushed(result);
        };
      }
      return fn;
    },
  });
}

/**
 * Extensions the migrations create (trigram search for names, GiST over scalars for
 * exclusion constraints). PGlite loads an extension's code only when it is listed here.
 */
export const PGLITE_EXTENSIONS = { pg_trgm, btree_gist };

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'pglite') {
    if (target.dataDir) fs.mkdirSync(target.dataDir, { recursive: true });
    const options = { startParams: pgliteStartParams(target.sharedBuffersMb), extensions: PGLITE_EXTENSIONS, ...(target.loadDataDir ? { loadDataDir: target.loadDataDir } : {}) };
    const pglite = target.dataDir ? await PGlite.create(target.dataDir, options) : await PGlite.create(options);
    const client = target.dataDir && target.syncCommits ? syncingAfterCommits(pglite, walSyncer(target.dataDir)) : pglite;
    const conn: RawConnection = {
      exec: async (sql) => {
        await client.exec(sql);
      },
      rows: async <T>(sql: string, params?: unknown[]) => (await client.query<T>(sql, params)).rows,
    };
    // PGlite is one connection: callers of withConnection take turns, so one caller's
    // BEGIN ... COMMIT is never interleaved with another's.
    let turn: Promise<unknown> = Promise.resolve();
    return {
      db: drizzlePglite({ client, schema }) as unknown as Db,
      kind: 'pglite',
      withConnection: (fn) => {
        const run = turn.then(() => fn(conn));
        turn = run.catch(() => {});
        return run;
      },
      // PGlite's transaction() holds its transaction lock: drizzle queries from requests wait.
      withTransaction: (fn) =>
        client.transaction((tx) =>
          fn({
            exec: async (sql) => {
              await tx.exec(sql);
            },
            rows: async <T>(sql: string, params?: unknown[]) => (await tx.query<T>(sql, params)).rows,
          }),
        ),
      checkpoint: async () => {
        if (!client.closed) await client.exec('CHECKPOINT');
      },
      dumpDataDir: () => pglite.dumpDataDir('none'),
      close: async () => {
        if (!client.closed) await client.close();
      },
    };
  }
  const pool = new pg.Pool({ connectionString: target.url, max: target.poolSize ?? 10 });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  await pool.query('select 1');
  const onConnection = async <T>(fn: (conn: RawConnection) => Promise<T>): Promise<T> => {
    const conn = await pool.connect();
    try {
      return await fn({
        exec: async (sql) => {
          await conn.query(sql);
        },
        rows: async <T>(sql: string, params?: unknown[]) => (await conn.query(sql, params)).rows as T[],
      });
    } finally {
      conn.release();
    }
  };
  return {
    db: drizzlePg({ client: pool, schema }) as unknown as Db,
    kind: 'postgres',
    withConnection: onConnection,
    withTransaction: (fn, options) =>
      onConnection(async (conn) => {
        await conn.exec(options?.snapshot ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
        try {
          const result = await fn(conn);
          await conn.exec('COMMIT');
          return result;
        } catch (error) {
          await conn.exec('ROLLBACK').catch(() => {});
          throw error;
        }
      }),
    // PostgreSQL fsyncs its own WAL at every commit.
    checkpoint: async () => {},
    close: () => pool.end(),
  };
}
