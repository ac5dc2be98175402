import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import type { Database } from '../db/client';
import { fsyncPath } from '../db/durability';

/**
 * Uploaded files (logos, pitch decks, spreadsheets) live outside the database, so a database
 * backup alone would restore records whose bytes are gone. Stored objects never change once
 * written (a new upload gets a new key), so backing them up is a mirror: each backup copies the
 * objects not yet in DATA_DIR/backups/files, and a restore copies back those it needs.
 */
export function uploadsDirOf(config: Pick<Config, 'FILES_DIR' | 'dataDir'>): string {
  return config.FILES_DIR ?? path.join(config.dataDir, 'files');
}

export function uploadsBackupDirOf(backupsDir: string): string {
  return path.join(backupsDir, 'files');
}

function* objectKeys(root: string): Generator<string> {
  if (!fs.existsSync(root)) return;
  for (const shard of fs.readdirSync(root)) {
    const dir = path.join(root, shard);
    if (!/^[0-9a-f]{2}$/.test(shard) || !fs.statSync(dir).isDirectory()) continue;
    for (const name of fs.readdirSync(dir)) if (!name.endsWith('.part')) yield `${shard}/${name}`;
  }
}

function copyDurably(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  const partial = `${to}.part`;
  fs.copyFileSync(from, partial);
  fsyncPath(partial);
  fs.renameSync(partial, to);
}

/** Copies the objects the mirror lacks. Returns how many were copied. */
export function mirrorUploads(uploadsDir: string, mirrorDir: string): number {
  let copied = 0;
  for (const key of objectKeys(uploadsDir)) {
    const target = path.join(mirrorDir, key);
    if (fs.existsSync(target)) continue;
    copyDurably(path.join(uploadsDir, key), target);
    copied++;
  }
  if (copied) fsyncPath(mirrorDir);
  return copied;
}

/**
 * After a database restore: brings back every object the restored `files` table refers to
 * that is missing from the uploads directory. Returns the keys found nowhere.
 */
export async function restoreUploads(database: Database, uploadsDir: string, mirrorDir: string): Promise<{ restored: number; missing: string[] }> {
  const keys = await database.withConnection((conn) => conn.rows<{ key: string }>('SELECT storage_key AS key FROM files'));
  let restored = 0;
  const missing: string[] = [];
  for (const { key } of keys) {
    const target = path.join(uploadsDir, key);
    if (fs.existsSync(target)) continue;
    const source = path.join(mirrorDir, key);
    if (!fs.existsSync(source)) {
      missing.push(key);
      continue;
    }
    copyDurably(source, target);
    restored++;
  }
  return { restored, missing };
}
