import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * One process per data directory. Two PGlite processes writing the same files corrupt them,
 * and PGlite itself does not stop the second one, so the server takes this lock before it
 * opens the database and holds it until the database is closed.
 *
 * The lock file is created with O_EXCL (`wx`): the check and the take are one atomic step.
 * It holds the owner's pid, host and process start time. A lock whose process is gone (or
 * whose pid now belongs to another program, or to us after a container restart) is stale and
 * is taken over under a short-lived second lock, so two processes finding the same stale lock
 * cannot both take it.
 */
export const LOCK_FILE = 'biobridge.lock';

export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
  /** Linux process start time in clock ticks since boot (/proc/<pid>/stat field 22), to detect pid reuse. */
  procStart: string | null;
  command: string;
}

export class DataDirLockedError extends Error {
  constructor(
    public readonly dataDir: string,
    public readonly owner: LockOwner,
  ) {
    super(
      `The data directory ${dataDir} is in use by another BioBridge process (pid ${owner.pid} on ${owner.host}, ` +
        `started ${owner.startedAt}, "${owner.command}"). Only one process may use it at a time: stop that ` +
        `process first (kill ${owner.pid}), or give this one another DATA_DIR.`,
    );
  }
}

export interface DataDirLock {
  file: string;
  owner: LockOwner;
  /** Removes the lock file if it is still ours. Safe to call more than once. */
  release(): void;
}

function procStart(pid: number): string | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command) may contain spaces and parentheses: count from the last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Whether the recorded owner is certainly no longer running (so its lock may be taken over). */
export function isStale(owner: LockOwner | null): boolean {
  if (!owner || !Number.isInteger(owner.pid) || owner.pid <= 0) return true; // unreadable: died while writing it
  if (owner.host !== os.hostname()) return false; // another machine on a shared disk: we cannot tell
  if (owner.pid === process.pid) return true; // our pid, recorded by an earlier life (container restart)
  if (!isAlive(owner.pid)) return true;
  const now = procStart(owner.pid);
  return owner.procStart !== null && now !== null && now !== owner.procStart; // pid reused by another program
}

export function readLockOwner(file: string): LockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

/** A lock file that can be taken over: its owner is gone, or it is unreadable and not just being written. */
function fileIsStale(file: string): boolean {
  const owner = readLockOwner(file);
  if (owner) return isStale(owner);
  try {
    return Date.now() - fs.statSync(file).mtimeMs > 2000; // empty for longer than a write takes
  } catch {
    return true; // gone
  }
}

const pause = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

function createExclusive(file: string, owner: LockOwner): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
  try {
    fs.writeSync(fd, `${JSON.stringify(owner)}\n`);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return true;
}

/** Takes the lock on `dataDir` or throws DataDirLockedError naming the process that holds it. */
export function acquireDataDirLock(dataDir: string, command = process.argv.slice(1).join(' ')): DataDirLock {
  fs.mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString(), procStart: procStart(process.pid), command };
  const lock: DataDirLock = {
    file,
    owner,
    release: () => {
      const current = readLockOwner(file);
      if (current && current.pid === owner.pid && current.startedAt === owner.startedAt) fs.rmSync(file, { force: true });
    },
  };
  if (createExclusive(file, owner)) return lock;

  // Someone holds or held it. Take over only a stale lock, and only under the takeover lock.
  const takeover = `${file}.takeover`;
  for (let attempt = 0; attempt < 50; attempt++) {
    const existing = readLockOwner(file);
    if (existing && !isStale(existing)) throw new DataDirLockedError(dataDir, existing);
    if (!fileIsStale(file)) {
      pause(50); // just created by another process that is still writing its pid
    } else if (createExclusive(takeover, owner)) {
      try {
        // Re-check under the takeover lock: another process may have taken over meanwhile.
        if (fileIsStale(file)) {
          fs.rmSync(file, { force: true });
          if (createExclusive(file, owner)) return lock;
        }
      } finally {
        fs.rmSync(takeover, { force: true });
      }
    } else if (fileIsStale(takeover)) {
      // A process died in the few milliseconds it holds the takeover lock.
      fs.rmSync(takeover, { force: true });
    } else {
      pause(20);
    }
    if (createExclusive(file, owner)) return lock;
  }
  const last = readLockOwner(file);
  if (last) throw new DataDirLockedError(dataDir, last);
  throw new Error(`Could not take the lock ${file}; remove it if no BioBridge process is running.`);
}
