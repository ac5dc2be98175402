import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import zlib from 'node:zlib';
import { once } from 'node:events';
import type { Database, RawConnection } from './client';
import { fsyncPath } from './durability';
import { migrate, readMigrations } from './migrate';

/**
 * Logical backups that work the same on PGlite and PostgreSQL: one gzipped JSON-lines file.
 *
 *   {"format":"biobridge-backup","version":1,"engine":…,"createdAt":…,"migrations":[tags]}
 *   ["table",{"name":"users","columns":[…]}]   then one line per row: row_to_json(row), as PostgreSQL wrote it
 *   ["sequences",[{"name":…,"value":…}]]
 *   ["end",{"tables":N,"rows":M}]              a file without this line is incomplete and refused
 *
 * Rows are JSON objects and markers JSON arrays, so the two can never be mistaken.
 *
 * Rows are never parsed in JavaScript on the way out or in (bigint and numeric keep every
 * digit). The dump is one read-only snapshot; the restore is one transaction, so a failed
 * restore leaves the database as it was. The same file restores into either engine: this is
 * also how to move from the embedded database to a PostgreSQL server.
 */
export const BACKUP_FORMAT = 'biobridge-backup';

interface Header {
  format: string;
  version: number;
  engine: string;
  createdAt: string;
  migrations: string[];
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** Application tables in an order where every foreign key points to an earlier table. */
export async function tablesInDependencyOrder(conn: RawConnection): Promise<string[]> {
  const tables = (
    await conn.rows<{ name: string }>(
      `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '__migrations' ORDER BY 1`,
    )
  ).map((r) => r.name);
  const edges = await conn.rows<{ child: string; parent: string }>(
    `SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
       JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE k.contype = 'f' AND n.nspname = 'public' AND c.relname <> p.relname`,
  );
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (t: string) => {
    if (ordered.includes(t) || visiting.has(t)) return; // a cycle: restore order then relies on one statement per table
    visiting.add(t);
    for (const e of edges) if (e.child === t) visit(e.parent);
    visiting.delete(t);
    ordered.push(t);
  };
  tables.forEach(visit);
  return ordered;
}

/** Columns a row can be inserted with (generated columns are recomputed). */
async function insertableColumns(conn: RawConnection, table: string): Promise<string[]> {
  const rows = await conn.rows<{ name: string }>(
    `SELECT a.attname AS name FROM pg_attribute a
     WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = '' ORDER BY a.attnum`,
    [`public.${ident(table)}`],
  );
  return rows.map((r) => r.name);
}

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  bytes: number;
}

/** Writes a backup of `database` to `file` (through a temporary file, fsynced, then renamed). */
export async function dumpDatabase(database: Database, file: string): Promise<BackupSummary> {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const gzip = zlib.createGzip({ level: 6 });
  const out = fs.createWriteStream(partial);
  const piped = new Promise<void>((resolve, reject) => {
    gzip.pipe(out);
    out.on('finish', resolve);
    out.on('error', reject);
    gzip.on('error', reject);
  });
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await once(gzip, 'drain');
  };
  let tableCount = 0;
  let rowCount = 0;
  try {
    await database.withTransaction(
      async (conn) => {
        const migrations = (await conn.rows<{ tag: string }>('SELECT tag FROM "__migrations" ORDER BY tag')).map((r) => r.tag);
        const header: Header = { format: BACKUP_FORMAT, version: 1, engine: database.kind, createdAt: new Date().toISOString(), migrations };
        await write(JSON.stringify(header));
        for (const table of await tablesInDependencyOrder(conn)) {
          await write(JSON.stringify(['table', { name: table, columns: await insertableColumns(conn, table) }]));
          // Sorted by the whole row so two dumps of the same data are the same file (bar the header).
          const rows = await conn.rows<{ j: string }>(`SELECT row_to_json(t)::text AS j FROM public.${ident(table)} t ORDER BY t::text`);
          for (const r of rows) await write(r.j);
          tableCount++;
          rowCount += rows.length;
        }
        const sequences = await conn.rows<{ name: string; value: string | null }>(
          `SELECT sequencename AS name, last_value::text AS value FROM pg_sequences WHERE schemaname = 'public' ORDER BY 1`,
        );
        await write(JSON.stringify(['sequences', sequences]));
        await write(JSON.stringify(['end', { tables: tableCount, rows: rowCount }]));
      },
      { snapshot: true },
    );
    gzip.end();
    await piped;
    fsyncPath(partial);
    fs.renameSync(partial, file);
    fsyncPath(path.dirname(file));
  } catch (error) {
    gzip.destroy();
    out.destroy();
    fs.rmSync(partial, { force: true });
    throw error;
  }
  return { file, tables: tableCount, rows: rowCount, bytes: fs.statSync(file).size };
}

interface TableData {
  table: string;
  columns: string[];
  rows: string[];
}

interface ParsedBackup {
  header: Header;
  tables: TableData[];
  sequences: { name: string; value: string | null }[];
  rows: number;
}

/** Reads and checks a whole backup file before anything is written. */
export async function readBackup(file: string): Promise<ParsedBackup> {
  const lines = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
  let header: Header | null = null;
  const tables: TableData[] = [];
  let sequences: ParsedBackup['sequences'] = [];
  let end: { tables: number; rows: number } | null = null;
  let rows = 0;
  for await (const line of lines) {
    if (!line) continue;
    if (!header) {
      header = JSON.parse(line) as Header;
      if (header.format !== BACKUP_FORMAT || header.version !== 1) throw new Error(`${file} is not a BioBridge backup (version 1).`);
      continue;
    }
    if (end) throw new Error(`${file} has data after its end marker.`);
    const current = tables.at(-1);
    if (line.startsWith('[')) {
      const [kind, value] = JSON.parse(line) as [string, unknown];
      if (kind === 'table') {
        const t = value as { name: string; columns: string[] };
        tables.push({ table: t.name, columns: t.columns, rows: [] });
      } else if (kind === 'sequences') sequences = value as ParsedBackup['sequences'];
      else if (kind === 'end') end = value as { tables: number; rows: number };
      else throw new Error(`${file} is damaged: unknown marker ${kind}.`);
      continue;
    }
    if (!current) throw new Error(`${file} is damaged: a row before any table.`);
    current.rows.push(line);
    rows++;
  }
  if (!header) throw new Error(`${file} is empty.`);
  if (!end || end.tables !== tables.length || end.rows !== rows) throw new Error(`${file} is incomplete (no end marker, or counts differ): it was cut short.`);
  return { header, tables, sequences, rows };
}

/**
 * Replaces every table's contents with the backup's, in one transaction. Brings the schema to
 * the backup's migrations first, restores, then applies any newer migrations of this version.
 */
export async function restoreDatabase(database: Database, file: string): Promise<{ tables: number; rows: number }> {
  const backup = await readBackup(file);
  const known = readMigrations();
  const unknown = backup.header.migrations.filter((tag) => !known.some((m) => m.tag === tag));
  if (unknown.length) throw new Error(`${file} comes from a newer BioBridge (migrations ${unknown.join(', ')}); upgrade before restoring it.`);
  await migrate(database, known.filter((m) => backup.header.migrations.includes(m.tag)));

  await database.withTransaction(async (conn) => {
    const present = await tablesInDependencyOrder(conn);
    const missing = backup.tables.map((t) => t.table).filter((t) => !present.includes(t));
    if (missing.length) throw new Error(`The database has no table ${missing.join(', ')}; the backup does not fit this schema.`);
    // Rows come back exactly as they were: triggers that derive rows (a project's first stage
    // change) must not add their own on top (see migration 0009).
    await conn.exec(`SET LOCAL biobridge.restoring = 'on'`);
    if (present.length) await conn.exec(`TRUNCATE ${present.map((t) => `public.${ident(t)}`).join(', ')} RESTART IDENTITY CASCADE`);
    for (const t of backup.tables) {
      if (!t.rows.length) continue;
      const cols = t.columns.map(ident).join(', ');
      // One statement per table: foreign keys within a table are checked at its end, in any row order.
      await conn.rows(
        `INSERT INTO public.${ident(t.table)} (${cols}) OVERRIDING SYSTEM VALUE
         SELECT ${cols} FROM json_populate_recordset(null::public.${ident(t.table)}, $1::json)`,
        [`[${t.rows.join(',')}]`],
      );
    }
    for (const s of backup.sequences) {
      if (s.value !== null) await conn.rows(`SELECT setval($1::regclass, $2::bigint, true)`, [`public.${ident(s.name)}`, s.value]);
    }
  });
  await migrate(database, known);
  return { tables: backup.tables.length, rows: backup.rows };
}

/** Row count and an md5 of every row, per table: equal checksums mean equal contents. */
export async function tableChecksums(database: Database): Promise<Record<string, { rows: number; md5: string }>> {
  return database.withTransaction(
    async (conn) => {
      const result: Record<string, { rows: number; md5: string }> = {};
      for (const table of await tablesInDependencyOrder(conn)) {
        const [row] = await conn.rows<{ n: number; md5: string }>(
          `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS md5 FROM public.${ident(table)} t`,
        );
        result[table] = { rows: row!.n, md5: row!.md5 };
      }
      return result;
    },
    { snapshot: true },
  );
}
