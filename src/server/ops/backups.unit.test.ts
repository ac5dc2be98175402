import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { backupTime, latestBackup, listBackups, rotateBackups } from './backups';

let dir: string;
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('backup files', () => {
  it('are listed oldest first, the latest found, and rotated down to the newest N', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-backups-'));
    const names = [
      'biobridge-pglite-20261121T090000000Z-scheduled.jsonl.gz',
      'biobridge-pglite-20261120T090000000Z-scheduled.jsonl.gz',
      'biobridge-postgres-20261122T010203004Z-pre-migration.jsonl.gz',
      'biobridge-pglite-20261121T100000000Z-manual.jsonl.gz',
    ];
    for (const n of [...names, 'notes.txt', 'biobridge-pglite-20261123T000000000Z-manual.jsonl.gz.partial']) fs.writeFileSync(path.join(dir, n), 'x');
    expect(listBackups(dir).map((f) => path.basename(f))).toEqual([names[1], names[0], names[3], names[2]]);
    expect(latestBackup(dir)).toBe(path.join(dir, names[2]!));
    expect(backupTime(names[2]!)?.toISOString()).toBe('2026-11-22T01:02:03.004Z');

    expect(rotateBackups(dir, 2).map((f) => path.basename(f))).toEqual([names[1], names[0]]);
    // The newest two stay; an interrupted dump's leftover goes; other files are left alone.
    expect(fs.readdirSync(dir).sort()).toEqual([names[3], names[2], 'notes.txt'].sort());
  });

  it('is none in a directory that does not exist', () => {
    dir = path.join(os.tmpdir(), 'bb-backups-missing');
    expect(listBackups(dir)).toEqual([]);
    expect(latestBackup(dir)).toBeNull();
  });
});
