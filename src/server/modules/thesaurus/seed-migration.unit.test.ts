import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { THESAURUS_SEED } from '../../../domain/thesaurus/seed';
import { thesaurusSeedSql } from '../../../domain/thesaurus/seed-sql';
import { termKey } from '../../../domain/thesaurus/thesaurus';

const migrationsDir = path.resolve(import.meta.dirname, '../../db/migrations');
const file = fs.readdirSync(migrationsDir).find((f) => /^\d{4}_thesaurus_seed\.sql$/.test(f));

describe('the thesaurus seed migration', () => {
  it('exists', () => expect(file).toBeDefined());

  it('is exactly the SQL generated from seed.ts', () => {
    expect(fs.readFileSync(path.join(migrationsDir, file!), 'utf8')).toBe(thesaurusSeedSql());
  });

  it('holds every concept and every term key of seed.ts', () => {
    const text = fs.readFileSync(path.join(migrationsDir, file!), 'utf8');
    const termRows = [...text.matchAll(/^\('([a-z0-9_]+)', '(zh_hans|zh_hant|en)', '((?:[^']|'')*)', '((?:[^']|'')*)'\)/gm)].map((m) => `${m[1]}|${m[2]}|${m[4]}`);
    const expected = THESAURUS_SEED.flatMap((c) => c.terms.map((t) => `${c.code}|${t.lang}|${termKey(t.term).replace(/'/g, "''")}`));
    expect(termRows.sort()).toEqual(expected.sort());
    const conceptRows = [...text.matchAll(/^\('([a-z0-9_]+)', (NULL|'[a-z_]+'), (ARRAY\[|'\{\}')/gm)].map((m) => m[1]);
    expect(conceptRows.sort()).toEqual(THESAURUS_SEED.map((c) => c.code).sort());
  });
});
