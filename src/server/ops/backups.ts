import fs from 'node:fs';
import path from 'node:path';
import type { Database } from '../db/client';
import { dumpDatabase, type BackupSummary } from '../db/backup';
import { mirrorUploads, uploadsBackupDirOf } from './file-backups';

/** Backup files in DATA_DIR/backups: `biobridge-<engine>-<UTC time>-<reason>.jsonl.gz`, newest last when sorted by name. */
export type BackupReason = 'scheduled' | 'manual' | 'pre-migration' | 'pre-restore';

const NAME = /^biobridge-(pglite|postgres)-(\d{8}T\d{6}\d{3}Z)-([a-z-]+)\.jsonl\.gz$/;

export function backupsDir(dataDir: string): string {
  return path.join(dataDir, 'backups');
}

function stamp(date: Date): string {
  // 2026-11-21T15:45:38.123Z → 20261121T154538123Z: sorts by time, safe in every file system.
  return date.toISOString().replace(/[-:.]/g, '');
}

/** Backup files, oldest first. */
export function listBackups(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((name) => NAME.test(name))
    .sort((a, b) => (NAME.exec(a)![2]! < NAME.exec(b)![2]! ? -1 : 1))
    .map((name) => path.join(dir, name));
}

export function latestBackup(dir: string): string | null {
  return listBackups(dir).at(-1) ?? null;
}

export function backupTime(file: string): Date | null {
  const m = NAME.exec(path.basename(file));
  if (!m) return null;
  const s = m[2]!;
  return new Date(`${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.slice(15, 18)}Z`);
}

/** Deletes all but the `keep` newest backups. Returns the deleted files. */
export function rotateBackups(dir: string, keep: number): string[] {
  const files = listBackups(dir);
  const doomed = files.slice(0, Math.max(0, files.length - keep));
  for (const f of doomed) fs.rmSync(f, { force: true });
  // Leftovers of a dump that was interrupted (the process died mid-way).
  if (fs.existsSync(dir)) for (const name of fs.readdirSync(dir)) if (name.endsWith('.partial')) fs.rmSync(path.join(dir, name), { force: true });
  return doomed;
}

/**
 * Takes a backup into DATA_DIR/backups and rotates. With `uploadsDir`, the uploaded files are
 * mirrored into DATA_DIR/backups/files first (file-backups.ts), so every file the dump refers
 * to is in the mirror.
 */
export async function takeBackup(database: Database, dataDir: string, reason: BackupReason, keep: number, uploadsDir?: string): Promise<BackupSummary> {
  const dir = backupsDir(dataDir);
  const file = path.join(dir, `biobridge-${database.kind}-${stamp(new Date())}-${reason}.jsonl.gz`);
  const summary = await dumpDatabase(database, file);
  // After the dump: objects are written before the rows naming them commit, so everything
  // the dump names is on disk by now.
  if (uploadsDir) mirrorUploads(uploadsDir, uploadsBackupDirOf(dir));
  rotateBackups(dir, keep);
  return summary;
}

/**
 * Scheduled backups every `hours` (0: none). The first one is due when the newest backup is
 * older than the interval, so frequent restarts do not postpone backups forever.
 */
export function scheduleBackups(run: () => Promise<void>, dir: string, hours: number): { stop(): void } {
  if (hours <= 0) return { stop: () => {} };
  const intervalMs = hours * 3_600_000;
  const newest = latestBackup(dir);
  const age = newest ? Date.now() - (backupTime(newest)?.getTime() ?? 0) : Infinity;
  let timer: NodeJS.Timeout = setTimeout(tick, Math.max(0, Math.min(intervalMs - age, intervalMs)));
  timer.unref();
  function tick() {
    void run().finally(() => {
      timer = setTimeout(tick, intervalMs);
      timer.unref();
    });
  }
  return { stop: () => clearTimeout(timer) };
}
