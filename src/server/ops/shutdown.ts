import type { Database } from '../db/client';
import type { DataDirLock } from '../db/lock';
import { flushDirectory } from '../db/durability';

export interface ShutdownDeps {
  database: Database;
  lock: DataDirLock | null;
  pgliteDir: string | null;
  /** Stops accepting connections and waits for requests in flight (Fastify's close()). */
  closeServer: () => Promise<void>;
  /** Stops the timers (flush, backups) and waits for one that is running. */
  stopBackground: () => Promise<void>;
  timeoutSeconds: number;
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

const withTimeout = <T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> =>
  Promise.race([promise, new Promise<'timeout'>((resolve) => setTimeout(() => resolve('timeout'), ms).unref())]);

/**
 * Clean shutdown on SIGINT, SIGTERM, SIGHUP and on an uncaught error: stop accepting
 * requests, let those in flight finish (up to SHUTDOWN_TIMEOUT_SECONDS), CHECKPOINT and
 * flush the embedded database so the next start needs no recovery, close it, release the
 * data directory's lock. A second signal while stopping exits at once (the lock is still
 * released; the database then recovers from its WAL like after a kill).
 */
export function installShutdown(deps: ShutdownDeps): (reason: string, exitCode?: number) => Promise<void> {
  let stopping = false;
  // Last resort on any exit path: never leave our lock behind for a live-looking pid.
  process.on('exit', () => deps.lock?.release());

  const stop = async (reason: string, exitCode = 0) => {
    if (stopping) {
      console.error(`\n${reason} again: exiting at once.`);
      process.exit(1);
    }
    stopping = true;
    deps.log.info({ reason }, 'shutting down');
    const step = async (what: string, fn: () => Promise<unknown>) => {
      try {
        const result = await withTimeout(fn(), deps.timeoutSeconds * 1000);
        if (result === 'timeout') deps.log.error({ step: what }, `shutdown: ${what} took longer than ${deps.timeoutSeconds}s; going on`);
      } catch (error) {
        deps.log.error({ err: error }, `shutdown: ${what} failed`);
      }
    };
    await step('closing the HTTP server', deps.closeServer);
    await step('stopping background work', deps.stopBackground);
    // The database's own lock makes these wait for a transaction still running, then go.
    await step('checkpoint', async () => {
      await deps.database.checkpoint();
      if (deps.pgliteDir) flushDirectory(deps.pgliteDir);
    });
    await step('closing the database', () => deps.database.close());
    deps.lock?.release();
    console.log(exitCode === 0 ? 'BioBridge stopped cleanly.' : 'BioBridge stopped after an error (the database was closed cleanly).');
    process.exit(exitCode);
  };

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));
  process.on('uncaughtException', (error) => {
    deps.log.error({ err: error }, 'uncaught exception');
    void stop('uncaughtException', 1);
  });
  process.on('unhandledRejection', (error) => {
    deps.log.error({ err: error }, 'unhandled promise rejection');
    void stop('unhandledRejection', 1);
  });
  return stop;
}
