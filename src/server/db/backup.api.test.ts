import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../../demo/seed';
import { freshDatabase, type TestDatabase } from '../../../test/db';
import { pendingMigrations } from '../ops/open';
import { dumpDatabase, readBackup, restoreDatabase, tableChecksums } from './backup';
import { readMigrations } from './migrate';

// Runs on PGlite and, with TEST_DATABASE_URL, on PostgreSQL: the same file format for both.
let source: TestDatabase;
let target: TestDatabase;
let dir: string;
beforeAll(async () => {
  [source, target] = await Promise.all([freshDatabase(), freshDatabase()]);
  await seedDemo(source.db);
  // Awkward values: quotes, newlines, unicode, nulls, a big bigint-ish audit id sequence position.
  await source.withConnection((c) =>
    c.exec(`UPDATE users SET display_name = E'引号 "quoted" \\\\ back\\nslash 🧬' WHERE email = 'member@biobridge.demo'`),
  );
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-backup-'));
});
afterAll(async () => {
  await Promise.all([source?.destroy(), target?.destroy()]);
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  it('restores identical table contents (row counts and a checksum per table)', async () => {
    const file = path.join(dir, 'one.jsonl.gz');
    const summary = await dumpDatabase(source, file);
    expect(summary.rows).toBeGreaterThan(50);
    const before = await tableChecksums(source);
    expect(Object.keys(before)).toContain('users');

    // Something already in the target is replaced, not merged.
    await seedDemo(target.db);
    await restoreDatabase(target, file);
    expect(await tableChecksums(target)).toEqual(before);

    // Sequences continue after the restored rows: a new audit entry gets a fresh id.
    const [{ max, next }] = await target.withConnection((c) =>
      c.rows<{ max: string; next: string }>(`SELECT (SELECT max(id) FROM audit_log)::text AS max, nextval(pg_get_serial_sequence('audit_log', 'id'))::text AS next`),
    ) as [{ max: string; next: string }];
    expect(BigInt(next)).toBeGreaterThan(BigInt(max));

    // And a dump of the restored database restores the same again (a round trip).
    const again = path.join(dir, 'two.jsonl.gz');
    await dumpDatabase(target, again);
    await restoreDatabase(source, again);
    expect(await tableChecksums(source)).toEqual(before);
  });

  it('sees no pending migration on a migrated database (so no pre-migration backup is taken)', async () => {
    expect(await pendingMigrations(source)).toEqual({ pending: [], applied: readMigrations().length });
  });

  it('refuses a cut-short file and leaves the database as it was', async () => {
    const file = path.join(dir, 'full.jsonl.gz');
    await dumpDatabase(source, file);
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8').split('\n');
    const cut = path.join(dir, 'cut.jsonl.gz');
    fs.writeFileSync(cut, zlib.gzipSync(text.slice(0, Math.floor(text.length / 2)).join('\n')));
    await expect(readBackup(cut)).rejects.toThrow(/incomplete/);
    const before = await tableChecksums(target);
    await expect(restoreDatabase(target, cut)).rejects.toThrow(/incomplete/);
    expect(await tableChecksums(target)).toEqual(before);
  });
});
