import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './client';

/**
 * Durability of the embedded database. PGlite writes every commit to its WAL file with a
 * plain write() before the commit returns, so a killed process loses nothing: the operating
 * system still has the data. But nothing ever calls fsync() on the host (PGlite's WebAssembly
 * file system makes fsync a no-op, measured with strace), so a power cut or kernel crash can
 * lose whatever the kernel had not yet written back. Two remedies, both from Node:
 * - walSyncer: fdatasync the WAL after every commit (DB_SYNC_COMMITS), so an acknowledged
 *   write survives a power cut, as on PostgreSQL;
 * - startFlusher: every DB_FLUSH_SECONDS, CHECKPOINT and fsync the files that changed, which
 *   bounds the loss to one interval when DB_SYNC_COMMITS is off, and keeps recovery short.
 */

/**
 * Flushes the WAL to disk: fdatasync on every WAL segment written in the last few seconds
 * (the current one, and the previous one just after a segment switch). Called after each
 * commit when DB_SYNC_COMMITS is on, before the caller sees the commit succeed, which is what
 * PostgreSQL's own fsync would do if PGlite's file system passed it through. A clean segment
 * costs almost nothing to fdatasync, so there is no need to know which commit wrote what
 * (and file times are too coarse to tell).
 */
export function walSyncer(pgDataDir: string): () => Promise<void> {
  const walDir = path.join(pgDataDir, 'pg_wal');
  let lastNames = '';
  const syncOnce = async () => {
    const now = Date.now();
    const names = (await fs.promises.readdir(walDir)).filter((n) => /^[0-9A-F]{24}$/.test(n));
    // A new or recycled (renamed) segment is a change to the directory, which needs its own fsync.
    const joined = names.join(',');
    if (joined !== lastNames) {
      const handle = await fs.promises.open(walDir, 'r');
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
      lastNames = joined;
    }
    await Promise.all(
      names.map(async (n) => {
        const file = path.join(walDir, n);
        try {
          if (now - (await fs.promises.stat(file)).mtimeMs > 5000) return;
          const handle = await fs.promises.open(file, 'r');
          try {
            await handle.datasync();
          } finally {
            await handle.close();
          }
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error; // recycled meanwhile
        }
      }),
    );
  };
  // Group commit: callers that arrive while a flush runs share the next one, which starts
  // after it (their commits may have missed the running one). One flush at a time.
  let running: Promise<void> | null = null;
  let next: Promise<void> | null = null;
  const sync = (): Promise<void> => {
    if (!running) {
      running = syncOnce().finally(() => {
        running = null;
      });
      return running;
    }
    next ??= running
      .catch(() => {})
      .then(() => {
        next = null;
        return sync();
      });
    return next;
  };
  return sync;
}

/** fsyncs every file under `dir` modified since `sinceMs` (all files when 0), then the directories. Returns how many files. */
export function flushDirectory(dir: string, sinceMs = 0): number {
  let flushed = 0;
  const walk = (current: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(current, { withFileTypes: true });
    } catch {
      return; // removed meanwhile (PostgreSQL recycles WAL segments and temp files)
    }
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        try {
          if (sinceMs && fs.statSync(full).mtimeMs < sinceMs) continue;
          fsyncPath(full);
          flushed++;
        } catch {
          // Vanished between readdir and open: nothing to keep.
        }
      }
    }
    // The directory entries themselves (new and renamed files) need their own fsync.
    try {
      fsyncPath(current);
    } catch {
      // Some file systems refuse fsync on a directory; the files are what matter most.
    }
  };
  walk(dir);
  return flushed;
}

export function fsyncPath(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** CHECKPOINT, then push the changed files to disk. */
export async function checkpointAndFlush(database: Database, dataDir: string, sinceMs = 0): Promise<number> {
  await database.checkpoint();
  return flushDirectory(dataDir, sinceMs);
}

/** Where the WAL ends now: unchanged means nothing was written since. */
async function walPosition(database: Database): Promise<string> {
  const [row] = await database.withConnection((c) => c.rows<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn'));
  return row?.lsn ?? '';
}

export interface Flusher {
  /** Runs one checkpoint and flush now (waits for a running one to end first). */
  flushNow(): Promise<void>;
  stop(): void;
}

/**
 * Every `seconds`, checkpoints and flushes when something was written. Without per-commit
 * sync, a write is on disk at most one interval plus one flush after it returned.
 */
export function startFlusher(database: Database, dataDir: string, seconds: number, onError: (error: unknown) => void): Flusher {
  let lastStart = 0;
  let lastWal = '';
  let running: Promise<void> = Promise.resolve();
  const flushNow = () => {
    running = running.then(async () => {
      // Start time minus a margin: a file written during the previous flush is flushed again.
      const started = Date.now();
      try {
        // An idle database is left alone: every checkpoint rewrites pg_control, for nothing.
        if (lastWal && (await walPosition(database)) === lastWal) return;
        await checkpointAndFlush(database, dataDir, lastStart ? lastStart - 2000 : 0);
        lastStart = started;
        lastWal = await walPosition(database); // after the checkpoint's own WAL record
      } catch (error) {
        onError(error);
      }
    });
    return running;
  };
  const timer = seconds > 0 ? setInterval(() => void flushNow(), seconds * 1000) : null;
  timer?.unref();
  return {
    flushNow,
    stop: () => {
      if (timer) clearInterval(timer);
    },
  };
}
