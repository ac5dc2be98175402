/**
 * `npm run restore -- <file>` or `npm run restore -- --latest`: replaces the configured
 * database's contents with a backup. The embedded database is restored into a new, empty
 * directory; the current one is renamed aside (never deleted). On PostgreSQL the current
 * contents are backed up first, then replaced in one transaction. The server must be stopped.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/server/config';
import { readBackup, restoreDatabase } from '../src/server/db/backup';
import { openDatabase } from '../src/server/db/client';
import { flushDirectory } from '../src/server/db/durability';
import { acquireDataDirLock } from '../src/server/db/lock';
import { backupsDir, latestBackup, takeBackup } from '../src/server/ops/backups';
import { restoreUploads, uploadsBackupDirOf, uploadsDirOf } from '../src/server/ops/file-backups';
import { pendingMigrations, pgliteDirOf } from '../src/server/ops/open';

const config = loadConfig();
const arg = process.argv[2];

function backupFile(): string {
  if (!arg || arg === '--help') {
    console.error('Usage: npm run restore -- <backup file>\n       npm run restore -- --latest   (the newest file in DATA_DIR/backups)');
    process.exit(2);
  }
  if (arg !== '--latest') return path.resolve(arg);
  const latest = latestBackup(backupsDir(config.dataDir));
  if (!latest) throw new Error(`There is no backup in ${backupsDir(config.dataDir)}.`);
  return latest;
}

/** Brings back the uploaded files the restored records refer to, from the backups' mirror. */
async function reportUploads(database: Awaited<ReturnType<typeof openDatabase>>) {
  const uploads = await restoreUploads(database, uploadsDirOf(config), uploadsBackupDirOf(backupsDir(config.dataDir)));
  if (uploads.restored) console.log(`Restored ${uploads.restored} uploaded files from ${uploadsBackupDirOf(backupsDir(config.dataDir))}.`);
  if (uploads.missing.length) console.warn(`${uploads.missing.length} uploaded files are in neither ${uploadsDirOf(config)} nor the backups (first: ${uploads.missing[0]}).`);
}

async function restoreEmbedded(file: string) {
  const lock = acquireDataDirLock(config.dataDir, 'npm run restore');
  const dir = pgliteDirOf(config);
  let aside: string | null = null;
  try {
    await readBackup(file); // refuse a damaged file before moving anything
    if (fs.existsSync(dir) && fs.readdirSync(dir).length) {
      aside = `${dir}.before-restore-${new Date().toISOString().replace(/[-:.]/g, '')}`;
      fs.renameSync(dir, aside);
    }
    const database = await openDatabase({ kind: 'pglite', dataDir: dir, sharedBuffersMb: config.PGLITE_SHARED_BUFFERS_MB });
    try {
      const result = await restoreDatabase(database, file);
      await database.checkpoint();
      console.log(`Restored ${result.rows} rows in ${result.tables} tables from ${file} into ${dir}.`);
      await reportUploads(database);
    } finally {
      await database.close();
    }
    flushDirectory(dir);
    if (aside) console.log(`The previous directory is kept as ${aside}; delete it once you are satisfied.`);
  } catch (error) {
    if (aside) {
      fs.rmSync(dir, { recursive: true, force: true });
      fs.renameSync(aside, dir);
      console.error(`Restore failed; ${dir} is back as it was.`);
    }
    throw error;
  } finally {
    lock.release();
  }
}

async function restorePostgres(url: string, file: string) {
  const database = await openDatabase({ kind: 'postgres', url, poolSize: 2 });
  try {
    await readBackup(file);
    if ((await pendingMigrations(database)).applied > 0) {
      const before = await takeBackup(database, config.dataDir, 'pre-restore', config.BACKUP_KEEP, uploadsDirOf(config));
      console.log(`The current contents are saved in ${before.file}.`);
    }
    const result = await restoreDatabase(database, file);
    console.log(`Restored ${result.rows} rows in ${result.tables} tables from ${file} into PostgreSQL.`);
    await reportUploads(database);
  } finally {
    await database.close();
  }
}

async function main() {
  const file = backupFile();
  if (config.DATABASE_URL) await restorePostgres(config.DATABASE_URL, file);
  else await restoreEmbedded(file);
}

main().catch((error: unknown) => {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
