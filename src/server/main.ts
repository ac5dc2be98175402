import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../demo/accounts';
import { ConfigError, loadConfig, type Config } from './config';
import { acquireDataDirLock, DataDirLockedError, type DataDirLock } from './db/lock';
import type { BackupReason } from './ops/backups';
import type { OpenedStore } from './ops/open';
import { liveIndex } from './modules/matching/index-cache';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

function describeDatabase(config: Config): string {
  if (config.DATABASE_URL) {
    const url = new URL(config.DATABASE_URL);
    return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
  }
  return `embedded PGlite in ${path.join(config.dataDir, 'pglite')}`;
}

/** Set once the database is open: a failure after that still closes it cleanly. */
let stopServer: ((reason: string, exitCode?: number) => Promise<void>) | null = null;

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`BioBridge cannot start.\n${error.message}\nSee the configuration table in README.md.`);
      process.exit(1);
    }
    throw error;
  }

  // The lock first, before loading the rest of the server: a second process on the same
  // data directory is refused at once, and never opens the database.
  let lock: DataDirLock | null = null;
  try {
    if (!config.DATABASE_URL) lock = acquireDataDirLock(config.dataDir);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      console.error(`BioBridge cannot start.\n${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  process.on('exit', () => lock?.release());
  const { isDatabaseEmpty, seedDemo } = await import('../../demo/seed');
  const { buildApp } = await import('./app');
  const { startFlusher } = await import('./db/durability');
  const { migrate } = await import('./db/migrate');
  const { backupsDir, scheduleBackups, takeBackup } = await import('./ops/backups');
  const { uploadsDirOf } = await import('./ops/file-backups');
  const { FilesystemStorage } = await import('./storage/storage');
  const { DatabaseOpenError, openStore, pendingMigrations } = await import('./ops/open');
  const { installShutdown } = await import('./ops/shutdown');
  const { startReminderLoop } = await import('./modules/outbox/reminders');
  const { createMailer } = await import('./modules/outbox/transport');
  const { createOutboxWorker } = await import('./modules/outbox/worker');

  let store: OpenedStore;
  try {
    store = await openStore(config, { lock });
  } catch (error) {
    if (error instanceof DataDirLockedError || error instanceof DatabaseOpenError) {
      console.error(`BioBridge cannot start.\n${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const { database, pgliteDir } = store;
  let app: Awaited<ReturnType<typeof buildApp>> | null = null;
  // Until Fastify's own logger exists, startup problems go to stderr as plain lines.
  const log = {
    info: (obj: object, msg: string) => (app ? app.log.info(obj, msg) : undefined),
    error: (obj: object, msg: string) => (app ? app.log.error(obj, msg) : console.error(msg, obj)),
  };

  // Backups: one at a time, each rotated; awaited on shutdown.
  let backupRunning: Promise<unknown> = Promise.resolve();
  const backup = (reason: BackupReason) => {
    backupRunning = backupRunning.then(async () => {
      try {
        const b = await takeBackup(database, config.dataDir, reason, config.BACKUP_KEEP, uploadsDirOf(config));
        log.info({ file: b.file, rows: b.rows, bytes: b.bytes }, `backup taken (${reason})`);
        return b;
      } catch (error) {
        log.error({ err: error }, `backup failed (${reason})`);
        return null;
      }
    });
    return backupRunning;
  };
  const flusher = pgliteDir
    ? startFlusher(database, pgliteDir, config.DB_FLUSH_SECONDS, (error) => log.error({ err: error }, 'periodic checkpoint failed'))
    : null;
  let backups: { stop(): void } | null = null;
  let mailWorker: { stop(): Promise<void> } | null = null;
  let reminders: { stop(): Promise<void> } | null = null;
  stopServer = installShutdown({
    database,
    lock: store.lock,
    pgliteDir,
    closeServer: async () => {
      if (!app) return;
      // close() ends idle keep-alive connections once; ones that turn idle later (a client's
      // last request got its answer) would hold the close for the keep-alive timeout.
      const server = app.server;
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      try {
        await app.close();
      } finally {
        clearInterval(sweep);
      }
    },
    stopBackground: async () => {
      flusher?.stop();
      backups?.stop();
      // Both wait for the batch in flight, so a message is never left half recorded.
      await Promise.all([mailWorker?.stop(), reminders?.stop()]);
      await backupRunning;
    },
    timeoutSeconds: config.SHUTDOWN_TIMEOUT_SECONDS,
    log,
  });
  // `npm run backup` while the server runs asks it for a backup with SIGUSR2 (the directory is locked).
  process.on('SIGUSR2', () => void backup('manual'));

  // A backup before migrating an embedded database that has data: an upgrade can be undone.
  // (On PostgreSQL, several processes may start at once; its operator has pg_dump or `npm run backup`.)
  const { pending, applied: alreadyApplied } = await pendingMigrations(database);
  if (pgliteDir && pending.length && alreadyApplied > 0) {
    const b = await takeBackup(database, config.dataDir, 'pre-migration', config.BACKUP_KEEP, uploadsDirOf(config));
    console.log(`Backup before migrating: ${b.file}`);
  }
  const applied = await migrate(database);
  const seeded = config.DEMO_DATA && (await isDatabaseEmpty(database.db));
  // The demo's files (a closed-door meeting's materials) go where the app keeps uploads.
  if (seeded) await seedDemo(database.db, { storage: new FilesystemStorage(uploadsDirOf(config)) });
  // Everything so far on disk before serving: the seed is not lost to an early power cut.
  await flusher?.flushNow();

  // WEB_DIR: a web build elsewhere (a second checkout's build, or one made for screenshots).
  const webDir = process.env.WEB_DIR ?? path.join(root, 'dist', 'web');
  app = await buildApp({ config, database, version, webDir });
  // Scheduled backups for the embedded database only: on PostgreSQL every process would take one.
  if (pgliteDir) backups = scheduleBackups(async () => void (await backup('scheduled')), backupsDir(config.dataDir), config.BACKUP_INTERVAL_HOURS);

  await app.listen({ host: config.HOST, port: config.PORT });
  // Build the matching index now rather than in the first user's request (seconds on a large directory).
  liveIndex(database.db, app.log).catch((error: unknown) => app.log.error({ err: error }, 'matching index build failed; the next request retries'));
  // Reminders only queue, so every process runs them (they queue each event once); the sender
  // needs SMTP, and without it messages wait in the outbox, readable in the message log.
  reminders = startReminderLoop({ db: database.db, publicUrl: config.publicUrl, log: app.log });
  if (config.SMTP_URL) {
    const worker = createOutboxWorker({ db: database.db, mailer: createMailer(config.SMTP_URL), from: config.SMTP_FROM, log: app.log });
    worker.start();
    mailWorker = worker;
  } else {
    app.log.warn('SMTP_URL is not set: e-mails are not sent; they stay in the outbox, shown in the message log');
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = config.PUBLIC_URL ?? `http://localhost:${port}`;

  const lines = [
    '',
    `  BioBridge ${version} 生物医药协同创新服务平台`,
    `  Open:       ${url}`,
    `  API docs:   ${url}/api/docs`,
    `  Database:   ${describeDatabase(config)}${applied.length ? ` (applied ${applied.length} migration(s))` : ''}`,
  ];
  if (pgliteDir) {
    lines.push(
      `  Backups:    ${backupsDir(config.dataDir)}${config.BACKUP_INTERVAL_HOURS > 0 ? ` every ${config.BACKUP_INTERVAL_HOURS} h, newest ${config.BACKUP_KEEP} kept` : ' (scheduled backups off)'}`,
      `  Durability: ${config.DB_SYNC_COMMITS ? 'every commit flushed to disk' : 'commits not flushed one by one'}; checkpoint and flush every ${config.DB_FLUSH_SECONDS || '— (off)'} s`,
      `  Lock:       ${store.lock?.file} (pid ${process.pid})`,
    );
  }
  if (!fs.existsSync(path.join(webDir, 'index.html'))) lines.push('  Web app:    not built (run `npm run build`); serving the API only');
  if (config.DEMO_DATA) {
    lines.push(seeded ? '  Demo data:  loaded into the empty database' : '  Demo data:  database already had data; left as it is');
    lines.push(`  Demo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.email.padEnd(30)} ${a.purpose}`);
  }
  lines.push('  Stop with Ctrl-C.', '');
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error('BioBridge failed to start:', error);
  if (stopServer) void stopServer('startup failure', 1);
  else process.exit(1);
});
