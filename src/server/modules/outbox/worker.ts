/**
 * The sender: claims due messages from the outbox, renders each in its recipient's language
 * and hands it to SMTP. Safe with several server processes on one PostgreSQL (claims skip
 * each other's rows) and on PGlite (no transaction is held while SMTP talks, so requests never
 * wait on a slow mail server). Delivery is at least once: a process that dies between the
 * SMTP answer and recording it leaves the message to be sent again after its claim expires.
 */
import { isLocale, DEFAULT_LOCALE } from '../../../domain/locales';
import type { Db } from '../../db/client';
import { backoffSeconds } from './policy';
import { claimBatch, markFailed, markSent, type ClaimedMessage } from './queries';
import { EmailRenderError, renderEmail } from './templates';
import { classifyFailure, type Mailer } from './transport';

export interface WorkerLog {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface RunResult {
  claimed: number;
  sent: number;
  failed: number;
}

export interface OutboxWorker {
  /** Claims one batch and sends it; resolves when every message of the batch is recorded. */
  runOnce(): Promise<RunResult>;
  /** Runs batches: every BUSY_DELAY_MS while there is work, every IDLE_DELAY_MS otherwise. */
  start(): void;
  /** Stops the loop and waits for the batch in flight. */
  stop(): Promise<void>;
}

const BUSY_DELAY_MS = 2_000;
const IDLE_DELAY_MS = 15_000;
const silent: WorkerLog = { info: () => undefined, error: () => undefined };

export function createOutboxWorker(options: { db: Db; mailer: Mailer; from: string; batchSize?: number; log?: WorkerLog }): OutboxWorker {
  const { db, mailer, from } = options;
  const batchSize = options.batchSize ?? 20;
  const log = options.log ?? silent;
  let timer: NodeJS.Timeout | null = null;
  let stopped = false;
  let inFlight: Promise<unknown> = Promise.resolve();

  async function deliver(message: ClaimedMessage): Promise<'sent' | 'failed'> {
    const locale = isLocale(message.locale) ? message.locale : DEFAULT_LOCALE;
    let rendered;
    try {
      rendered = renderEmail(message.template, locale, message.payload);
    } catch (error) {
      // Rendering again later would fail the same way: give up now, visibly.
      const text = error instanceof EmailRenderError ? `render failed: ${error.message}` : `render failed: ${String(error)}`;
      await markFailed(db, message.id, text, null);
      log.error({ outboxId: message.id, template: message.template }, text);
      return 'failed';
    }
    try {
      await mailer.send({ from, to: message.recipient, subject: rendered.subject, text: rendered.text, html: rendered.html, outboxId: message.id });
    } catch (error) {
      const failure = classifyFailure(error);
      const retryIn = failure.permanent ? null : backoffSeconds(message.attempts);
      await markFailed(db, message.id, failure.message, retryIn);
      log.error(
        { outboxId: message.id, attempts: message.attempts, retryInSeconds: retryIn, error: failure.message },
        retryIn === null ? 'e-mail not sent; giving up' : 'e-mail not sent; will try again',
      );
      return 'failed';
    }
    await markSent(db, message.id);
    return 'sent';
  }

  async function runOnce(): Promise<RunResult> {
    const batch = await claimBatch(db, batchSize);
    const result: RunResult = { claimed: batch.length, sent: 0, failed: 0 };
    for (const message of batch) {
      const outcome = await deliver(message);
      result[outcome] += 1;
    }
    if (batch.length) log.info(result, 'outbox batch done');
    return result;
  }

  function schedule(delay: number) {
    if (stopped) return;
    timer = setTimeout(() => {
      timer = null;
      const run = runOnce().then(
        (r) => schedule(r.claimed > 0 ? BUSY_DELAY_MS : IDLE_DELAY_MS),
        (error: unknown) => {
          // The database may be restarting: wait the idle interval, then carry on.
          log.error({ err: error }, 'outbox worker: batch failed');
          schedule(IDLE_DELAY_MS);
        },
      );
      inFlight = run;
    }, delay);
    timer.unref();
  }

  return {
    runOnce,
    start() {
      stopped = false;
      schedule(0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await inFlight;
      mailer.close();
    },
  };
}
