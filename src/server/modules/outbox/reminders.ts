/**
 * The day-before reminders: once a minute, every published event that starts within the next
 * 24 hours and has not been reminded yet gets one `event_reminder` per confirmed registration.
 * Runs in every server process whether SMTP is set or not (it only queues). Several processes
 * may find the same event; the conditional UPDATE on `reminders_queued_at` lets exactly one of
 * them queue, in the same transaction as the messages, so a crash queues all or nothing.
 */
import { and, asc, eq, gt, isNull, lte, sql } from 'drizzle-orm';
import { DEFAULT_LOCALE, isLocale } from '../../../domain/locales';
import type { Db } from '../../db/client';
import { eventRegistrations, events } from '../../db/schema';
import { findCommunity } from '../communities/queries';
import { eventFacts } from '../events/access';
import { enqueueEmail } from './enqueue';
import type { WorkerLog } from './worker';

export const REMINDER_WINDOW_HOURS = 24;
const INTERVAL_MS = 60_000;

/** Queues the reminders of every event now due. Returns how many e-mails were queued. */
export async function queueDueReminders(db: Db, publicUrl: string): Promise<{ events: number; messages: number }> {
  const due = await db
    .select({ id: events.id })
    .from(events)
    .where(
      and(
        eq(events.status, 'published'),
        isNull(events.remindersQueuedAt),
        gt(events.startsAt, sql`now()`),
        lte(events.startsAt, sql`now() + make_interval(hours => ${REMINDER_WINDOW_HOURS})`),
      ),
    )
    .orderBy(asc(events.startsAt))
    .limit(100);
  let eventCount = 0;
  let messages = 0;
  for (const { id } of due) {
    const queued = await queueEventReminders(db, id, publicUrl);
    if (queued !== null) {
      eventCount += 1;
      messages += queued;
    }
  }
  return { events: eventCount, messages };
}

/** One event's reminders, or null when another process (or an earlier run) already queued them. */
async function queueEventReminders(db: Db, eventId: string, publicUrl: string): Promise<number | null> {
  return db.transaction(async (tx) => {
    // The conditions again, atomically: the event may have been cancelled or moved since it was found.
    const [event] = await tx
      .update(events)
      .set({ remindersQueuedAt: sql`now()` })
      .where(
        and(
          eq(events.id, eventId),
          isNull(events.remindersQueuedAt),
          eq(events.status, 'published'),
          gt(events.startsAt, sql`now()`),
          lte(events.startsAt, sql`now() + make_interval(hours => ${REMINDER_WINDOW_HOURS})`),
        ),
      )
      .returning();
    if (!event) return null;
    const community = await findCommunity(tx, event.communityId);
    if (!community) return 0;
    const facts = eventFacts(event, community);
    const confirmed = await tx
      .select({ name: eventRegistrations.name, email: eventRegistrations.email, locale: eventRegistrations.locale, code: eventRegistrations.code, manageToken: eventRegistrations.manageToken })
      .from(eventRegistrations)
      .where(and(eq(eventRegistrations.eventId, event.id), eq(eventRegistrations.status, 'confirmed')))
      .orderBy(asc(eventRegistrations.seq));
    for (const r of confirmed) {
      await enqueueEmail(tx, {
        recipient: r.email,
        template: 'event_reminder',
        locale: isLocale(r.locale) ? r.locale : DEFAULT_LOCALE,
        payload: { ...facts, name: r.name, code: r.code, link: `${publicUrl}/r/${r.manageToken}` },
        eventId: event.id,
      });
    }
    return confirmed.length;
  });
}

export interface ReminderLoop {
  stop(): Promise<void>;
}

/** Checks for due reminders now and every minute after. */
export function startReminderLoop(options: { db: Db; publicUrl: string; log?: WorkerLog }): ReminderLoop {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let inFlight: Promise<unknown> = Promise.resolve();
  const tick = () => {
    timer = null;
    inFlight = queueDueReminders(options.db, options.publicUrl)
      .then((r) => {
        if (r.events) options.log?.info(r, 'event reminders queued');
      })
      .catch((error: unknown) => options.log?.error({ err: error }, 'event reminders: run failed'))
      .finally(() => {
        if (!stopped) {
          timer = setTimeout(tick, INTERVAL_MS);
          timer.unref();
        }
      });
  };
  timer = setTimeout(tick, 0);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await inFlight;
    },
  };
}
