/**
 * `npm run backup [-- <file>]`: a logical backup of the configured database (embedded or
 * DATABASE_URL) into DATA_DIR/backups, or into <file>. When a server holds the embedded
 * database, it is asked to take the backup itself (SIGUSR2): only that process may open it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../src/server/config';
import { dumpDatabase } from '../src/server/db/backup';
import { DataDirLockedError, LOCK_FILE, readLockOwner } from '../src/server/db/lock';
import { backupsDir, latestBackup, takeBackup } from '../src/server/ops/backups';
import { uploadsDirOf } from '../src/server/ops/file-backups';
import { openStore } from '../src/server/ops/open';

const config = loadConfig();
const target = process.argv[2];

async function askRunningServer(pid: number): Promise<string> {
  const dir = backupsDir(config.dataDir);
  const before = latestBackup(dir);
  process.kill(pid, 'SIGUSR2');
  for (let waited = 0; waited < 120_000; waited += 250) {
    await new Promise((r) => setTimeout(r, 250));
    const now = latestBackup(dir);
    if (now && now !== before && now.endsWith('-manual.jsonl.gz')) return now;
  }
  throw new Error(`The running server (pid ${pid}) did not write a backup within 2 minutes; see its log.`);
}

async function main() {
  let store;
  try {
    store = await openStore(config, { command: 'npm run backup' });
  } catch (error) {
    if (!(error instanceof DataDirLockedError)) throw error;
    const owner = readLockOwner(path.join(config.dataDir, LOCK_FILE));
    if (!owner) throw error;
    console.log(`The server (pid ${owner.pid}) has the database open: asking it for a backup.`);
    const file = await askRunningServer(owner.pid);
    if (target) fs.copyFileSync(file, target);
    console.log(`Backup written: ${target ?? file}`);
    return;
  }
  try {
    const summary = target
      ? await dumpDatabase(store.database, path.resolve(target))
      : await takeBackup(store.database, config.dataDir, 'manual', config.BACKUP_KEEP, uploadsDirOf(config));
    console.log(`Backup written: ${summary.file} (${summary.tables} tables, ${summary.rows} rows, ${summary.bytes} bytes)`);
  } finally {
    await store.database.close();
    store.lock?.release();
  }
}

main().catch((error: unknown) => {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
