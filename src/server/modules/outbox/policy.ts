/**
 * How the outbox retries: how often, how long between tries, how long a worker may hold a
 * message. The worker and the message log both read these, so "failed" means the same in both.
 */

/** Tries per message before the log shows it as failed (a permanent 5xx refusal ends sooner). */
export const MAX_ATTEMPTS = 6;

/** The wait after the n-th failed try (n = 1 … 5). */
export const BACKOFF_SECONDS = [60, 5 * 60, 30 * 60, 2 * 3600, 12 * 3600] as const;

/** A worker holds a claimed message this long; after that (the process died) another may take it. */
export const CLAIM_SECONDS = 120;

/** Seconds until the next try after `attempts` tries have failed, or null: give up. */
export function backoffSeconds(attempts: number): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  const index = Math.min(Math.max(0, attempts - 1), BACKOFF_SECONDS.length - 1);
  return BACKOFF_SECONDS[index]!;
}

export type OutboxStatus = 'pending' | 'sent' | 'failed';

/** A row's status as the log shows it. One being sent right now (claimed) still counts as pending. */
export function outboxStatus(row: { sentAt: Date | null; attempts: number; claimedUntil: Date | null }, now = new Date()): OutboxStatus {
  if (row.sentAt) return 'sent';
  const claimed = row.claimedUntil !== null && row.claimedUntil > now;
  return row.attempts >= MAX_ATTEMPTS && !claimed ? 'failed' : 'pending';
}
