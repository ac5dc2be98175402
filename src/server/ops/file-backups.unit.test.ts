import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../db/client';
import { FilesystemStorage } from '../storage/storage';
import { mirrorUploads, restoreUploads } from './file-backups';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-uploads-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Just enough of a Database for restoreUploads: the `files` table's storage keys. */
function databaseWithKeys(keys: string[]): Database {
  return { withConnection: (fn) => fn({ exec: async () => {}, rows: async <T>() => keys.map((key) => ({ key })) as T[] }) } as Database;
}

describe('backups of uploaded files', () => {
  it('mirrors each stored object once and brings back what a restore needs', async () => {
    const uploads = tempDir();
    const mirror = tempDir();
    const storage = new FilesystemStorage(uploads);
    const a = await storage.put(Readable.from([Buffer.from('%PDF-1.7 deck A')]), 1000);
    expect(mirrorUploads(uploads, mirror)).toBe(1);
    const b = await storage.put(Readable.from([Buffer.from('logo B')]), 1000);
    // Only the new object is copied the second time.
    expect(mirrorUploads(uploads, mirror)).toBe(1);
    expect(mirrorUploads(uploads, mirror)).toBe(0);

    // The uploads directory is lost; the restored database names both objects and one unknown.
    fs.rmSync(uploads, { recursive: true });
    const result = await restoreUploads(databaseWithKeys([a.key, b.key, '00/00000000-0000-4000-8000-000000000000']), uploads, mirror);
    expect(result).toEqual({ restored: 2, missing: ['00/00000000-0000-4000-8000-000000000000'] });
    expect(fs.readFileSync(storage.localPath(a.key), 'utf8')).toBe('%PDF-1.7 deck A');
    expect(fs.readFileSync(storage.localPath(b.key), 'utf8')).toBe('logo B');
  });

  it('leaves no partial object behind when an upload is too large', async () => {
    const uploads = tempDir();
    const storage = new FilesystemStorage(uploads);
    await expect(storage.put(Readable.from([Buffer.alloc(600), Buffer.alloc(600)]), 1000)).rejects.toThrow(/larger than 1000/);
    const leftovers = fs.readdirSync(uploads, { recursive: true }).filter((f) => !fs.statSync(path.join(uploads, String(f))).isDirectory());
    expect(leftovers).toEqual([]);
    expect(mirrorUploads(uploads, tempDir())).toBe(0);
  });
});
