import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, type TestDatabase } from '../../../test/db';
import { migrate, readMigrations } from './migrate';

let database: TestDatabase;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.destroy());

describe('migrations', () => {
  it('are all applied, and applying again does nothing', async () => {
    const applied = await database.withConnection((c) => c.rows<{ tag: string }>('select tag from "__migrations" order by tag'));
    expect(applied.map((r) => r.tag)).toEqual(readMigrations().map((m) => m.tag));
    expect(await migrate(database)).toEqual([]);
  });

  it('refuse to start when a landed migration was edited', async () => {
    const edited = readMigrations().map((m, i) => (i === 0 ? { ...m, hash: 'edited' } : m));
    await expect(migrate(database, edited)).rejects.toThrow(/0000_init was changed after it was applied/);
  });

  it('roll a failing migration back whole', async () => {
    const broken = [...readMigrations(), { tag: '9999_broken', hash: 'x', sql: 'CREATE TABLE half_done (id int);\n--> statement-breakpoint\nSELECT * FROM no_such_table;' }];
    await expect(migrate(database, broken)).rejects.toThrow(/9999_broken failed/);
    const tables = await database.withConnection((c) => c.rows(`select 1 from information_schema.tables where table_name = 'half_done'`));
    expect(tables).toEqual([]);
  });
});

describe('migrations started by several processes at once', () => {
  it('apply each migration exactly once', async () => {
    const fresh = await freshDatabase();
    try {
      // freshDatabase() migrated already; drop everything and race two migrators on the empty schema.
      await fresh.withConnection((c) => c.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;'));
      const results = await Promise.all([migrate(fresh), migrate(fresh)]);
      expect(results.flat().sort()).toEqual(readMigrations().map((m) => m.tag));
    } finally {
      await fresh.destroy();
    }
  });
});
