import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { acquireDataDirLock, DataDirLockedError, LOCK_FILE, readLockOwner } from './lock';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-lock-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A pid that certainly belongs to no running process: a child that has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
  return Number(child.stdout.trim());
}

const lockOf = (pid: number, extra: object = {}) =>
  JSON.stringify({ pid, host: os.hostname(), startedAt: '2026-01-01T00:00:00.000Z', procStart: null, command: 'test', ...extra });

describe('data directory lock', () => {
  it('is taken atomically, refuses a second holder naming the first, and is released', () => {
    const dir = tempDir();
    const lock = acquireDataDirLock(dir);
    expect(readLockOwner(path.join(dir, LOCK_FILE))?.pid).toBe(process.pid);
    // Another live process holds it: the parent of this test worker is certainly alive.
    lock.release();
    fs.writeFileSync(path.join(dir, LOCK_FILE), lockOf(process.ppid));
    expect(() => acquireDataDirLock(dir)).toThrow(DataDirLockedError);
    expect(() => acquireDataDirLock(dir)).toThrow(new RegExp(`pid ${process.ppid}`));
    expect(readLockOwner(path.join(dir, LOCK_FILE))?.pid).toBe(process.ppid); // left alone
  });

  it('takes over the stale lock of a dead process', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, LOCK_FILE), lockOf(deadPid()));
    const lock = acquireDataDirLock(dir);
    expect(readLockOwner(path.join(dir, LOCK_FILE))?.pid).toBe(process.pid);
    lock.release();
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('takes over a lock carrying its own pid (an earlier life after a container restart) and an unreadable old one', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, LOCK_FILE), lockOf(process.pid, { startedAt: 'earlier' }));
    acquireDataDirLock(dir).release();
    fs.writeFileSync(path.join(dir, LOCK_FILE), '');
    const old = new Date(Date.now() - 60_000);
    fs.utimesSync(path.join(dir, LOCK_FILE), old, old);
    acquireDataDirLock(dir).release();
  });

  it('takes over when the pid was reused by another program', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, LOCK_FILE), lockOf(process.ppid, { procStart: '1' }));
    if (!fs.existsSync(`/proc/${process.ppid}/stat`)) return; // only Linux records start times
    acquireDataDirLock(dir).release();
  });

  it('lets exactly one of several processes racing for a stale lock win', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, LOCK_FILE), lockOf(deadPid()));
    // Each child tries once, says how it went, and stays alive (holding what it got) until killed,
    // so a slow starter cannot win after an early winner has already gone.
    const script = `
      import { acquireDataDirLock } from ${JSON.stringify(path.resolve('src/server/db/lock.ts'))};
      try { acquireDataDirLock(${JSON.stringify(dir)}); console.log('won'); }
      catch (e) { console.log(/in use/.test(e.message) ? 'refused' : 'error ' + e.message); }
      setInterval(() => {}, 1000);`;
    const children = Array.from({ length: 4 }, () => spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]));
    try {
      const results = await Promise.all(
        children.map(
          (child) =>
            new Promise<string>((resolve) => {
              let out = '';
              child.stdout.on('data', (d: Buffer) => {
                out += d.toString();
                if (out.includes('\n')) resolve(out.trim());
              });
              child.on('exit', () => resolve(out.trim() || 'exited'));
            }),
        ),
      );
      expect(results.filter((r) => r === 'won')).toHaveLength(1);
      expect(results.filter((r) => r === 'refused')).toHaveLength(3);
    } finally {
      for (const child of children) child.kill('SIGKILL');
    }
  }, 120_000);
});
