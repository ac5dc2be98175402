import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from '../config';
import { openDatabase, type Database } from '../db/client';
import { acquireDataDirLock, type DataDirLock } from '../db/lock';
import { readMigrations } from '../db/migrate';
import { backupsDir, latestBackup } from './backups';

/** An embedded database directory that exists but does not open. Nothing in it was changed by us. */
export class DatabaseOpenError extends Error {
  constructor(
    public readonly pgliteDir: string,
    public readonly latest: string | null,
    cause: unknown,
  ) {
    const message = cause instanceof Error ? cause.message : String(cause);
    // PGlite reports a PostgreSQL PANIC during start-up as a bare WebAssembly abort.
    const reason = /Aborted\(\)/.test(message) ? 'PostgreSQL stopped while reading it (its control file or WAL is unreadable).' : message;
    super(
      [
        `The embedded database in ${pgliteDir} does not open: ${reason}`,
        'It may have been damaged by a power cut, a full disk or two processes writing it at once.',
        'BioBridge has not repaired, moved or deleted anything in it.',
        latest
          ? `The latest backup is ${latest}.\nTo restore it (the damaged directory is kept aside, renamed, not deleted):\n\n    npm run restore -- --latest\n`
          : `There is no backup in ${path.dirname(pgliteDir)}/backups. Move ${pgliteDir} aside to start with an empty database, and keep it for recovery.`,
      ].join('\n'),
      { cause },
    );
  }
}

const CREATE_SCRIPT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'db', 'create-pglite.ts');

/**
 * Creates a new embedded database at `dir` in a child process (create-pglite.ts says why),
 * in a temporary directory renamed into place at the end: a start killed half-way through
 * leaves no half-made database behind.
 */
export function createEmbeddedDatabase(dir: string): void {
  const temporary = `${dir}.creating-${process.pid}`;
  fs.rmSync(temporary, { recursive: true, force: true });
  const child = spawnSync(process.execPath, ['--import', 'tsx', CREATE_SCRIPT, temporary], { encoding: 'utf8' });
  if (child.status !== 0) {
    fs.rmSync(temporary, { recursive: true, force: true });
    throw new Error(`Could not create the embedded database: ${child.stderr || child.error?.message || `exit ${child.status}`}`);
  }
  fs.renameSync(temporary, dir);
}

export function pgliteDirOf(config: Config): string {
  return path.join(config.dataDir, 'pglite');
}

export interface OpenedStore {
  database: Database;
  /** Embedded database only. */
  lock: DataDirLock | null;
  pgliteDir: string | null;
}

/**
 * Opens the configured database. For the embedded one: takes the data directory's lock first
 * unless the caller holds it (throws DataDirLockedError when another process has it, before
 * touching any file), then
 * opens; a directory that does not open gives DatabaseOpenError with the way to recover.
 */
export async function openStore(config: Config, options: { command?: string; lock?: DataDirLock | null } = {}): Promise<OpenedStore> {
  if (config.DATABASE_URL) {
    return { database: await openDatabase({ kind: 'postgres', url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE }), lock: null, pgliteDir: null };
  }
  const lock = options.lock ?? acquireDataDirLock(config.dataDir, options.command);
  const pgliteDir = pgliteDirOf(config);
  try {
    const existing = fs.existsSync(pgliteDir) ? fs.readdirSync(pgliteDir) : [];
    // PGlite would run initdb over a non-empty directory without PG_VERSION: refuse instead.
    if (existing.length && !existing.includes('PG_VERSION')) throw new Error('the directory is not empty but holds no PostgreSQL data (no PG_VERSION)');
    if (!existing.length) {
      fs.rmSync(pgliteDir, { recursive: true, force: true });
      createEmbeddedDatabase(pgliteDir);
    }
    const database = await openDatabase({ kind: 'pglite', dataDir: pgliteDir, sharedBuffersMb: config.PGLITE_SHARED_BUFFERS_MB, syncCommits: config.DB_SYNC_COMMITS });
    return { database, lock, pgliteDir };
  } catch (error) {
    lock.release();
    if (error instanceof Error && error.message.startsWith('Could not create')) throw error;
    throw new DatabaseOpenError(pgliteDir, latestBackup(backupsDir(config.dataDir)), error);
  }
}

/** Migrations this code has that the database has not applied yet (all of them on an empty database). */
export async function pendingMigrations(database: Database): Promise<{ pending: string[]; applied: number }> {
  const applied = await database.withConnection(async (conn) => {
    const [exists] = await conn.rows<{ t: string | null }>(`SELECT to_regclass('public.__migrations')::text AS t`);
    if (!exists?.t) return [];
    return (await conn.rows<{ tag: string }>('SELECT tag FROM "__migrations"')).map((r) => r.tag);
  });
  return { pending: readMigrations().map((m) => m.tag).filter((t) => !applied.includes(t)), applied: applied.length };
}
