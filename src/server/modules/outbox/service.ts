import { z } from 'zod';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../../domain/locales';
import type { EventMessagesQuery, OutboxQuery } from '../../../shared/schemas/messages';
import type { RequestContext } from '../../http/context';
import { requireUser } from '../../http/context';
import { AppError } from '../../http/errors';
import { decodeCursor, pageOf } from '../../http/pagination';
import { recordAudit } from '../audit/record';
import { requireManagedEvent } from '../events/access';
import { outboxStatus } from './policy';
import * as q from './queries';
import { EmailRenderError, renderEmail, renderSubject } from './templates';

const cursorSchema = z.object({ id: z.number().int() });

function requirePlatformAdmin(ctx: RequestContext): void {
  if (!requireUser(ctx).isPlatformAdmin) throw new AppError('forbidden');
}

const recipientLocale = (row: q.OutboxRow): Locale => (isLocale(row.locale) ? row.locale : DEFAULT_LOCALE);

/** The message log: everything the platform has queued to send. Platform admins only (it holds links). */
export async function listOutbox(ctx: RequestContext, query: OutboxQuery) {
  requirePlatformAdmin(ctx);
  const cursor = decodeCursor(query.cursor, cursorSchema);
  const rows = await q.listOutbox(ctx.db, { status: query.status, template: query.template, recipient: query.recipient }, query.limit, cursor?.id);
  const page = pageOf(rows, query.limit, (last) => ({ id: last.id }));
  const now = new Date();
  return {
    nextCursor: page.nextCursor,
    smtpConfigured: Boolean(ctx.config.SMTP_URL),
    items: page.items.map((m) => {
      const status = outboxStatus(m, now);
      return {
        id: m.id,
        channel: m.channel,
        recipient: m.recipient,
        template: m.template,
        locale: m.locale,
        // The admin reads the log in their own language, whatever language the mail went out in.
        subject: renderSubject(m.template, ctx.locale, m.payload),
        status,
        payload: m.payload,
        eventId: m.eventId,
        createdAt: m.createdAt.toISOString(),
        sentAt: m.sentAt?.toISOString() ?? null,
        attempts: m.attempts,
        lastError: m.lastError,
        nextAttemptAt: status === 'pending' ? m.nextAttemptAt.toISOString() : null,
      };
    }),
  };
}

function preview(row: q.OutboxRow, payload: unknown, redacted: boolean) {
  try {
    const rendered = renderEmail(row.template, recipientLocale(row), payload);
    return { id: row.id, recipient: row.recipient, template: row.template, locale: row.locale, ...rendered, redacted };
  } catch (error) {
    if (error instanceof EmailRenderError) throw new AppError('state_conflict', { detail: error.message });
    throw error;
  }
}

/** The e-mail exactly as the recipient gets it, in their language. */
export async function previewOutboxMessage(ctx: RequestContext, id: number) {
  requirePlatformAdmin(ctx);
  const row = await q.findMessage(ctx.db, id);
  if (!row) throw new AppError('not_found');
  return preview(row, row.payload, false);
}

/** A failed message back in the queue (the worker picks it up on its next round). */
export async function retryOutboxMessage(ctx: RequestContext, id: number) {
  requirePlatformAdmin(ctx);
  return ctx.db.transaction(async (tx) => {
    const before = await q.lockMessage(tx, id);
    if (!before) throw new AppError('not_found');
    const after = await q.requeueFailed(tx, id);
    if (!after) throw new AppError('state_conflict');
    await recordAudit(tx, ctx, {
      communityId: null,
      action: 'outbox.retried',
      entityType: 'outbox',
      entityId: String(id),
      entityLabel: before.recipient,
      before: { attempts: before.attempts, lastError: before.lastError },
      after: { attempts: after.attempts, lastError: after.lastError },
    });
    return { ok: true as const };
  });
}

async function requireEventLog(ctx: RequestContext, communityId: string, eventId: string) {
  await requireManagedEvent(ctx, communityId, eventId);
}

/** One event's messages, for its organisers: who got what, in which language, and whether it left. */
export async function listEventMessages(ctx: RequestContext, communityId: string, eventId: string, query: EventMessagesQuery) {
  await requireEventLog(ctx, communityId, eventId);
  const cursor = decodeCursor(query.cursor, cursorSchema);
  const rows = await q.listOutbox(ctx.db, { eventId, status: query.status, template: query.template }, query.limit, cursor?.id);
  const page = pageOf(rows, query.limit, (last) => ({ id: last.id }));
  const now = new Date();
  return {
    nextCursor: page.nextCursor,
    smtpConfigured: Boolean(ctx.config.SMTP_URL),
    items: page.items.map((m) => ({
      id: m.id,
      recipient: m.recipient,
      template: m.template,
      locale: m.locale,
      subject: renderSubject(m.template, recipientLocale(m), m.payload),
      status: outboxStatus(m, now),
      attempts: m.attempts,
      lastError: m.lastError,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
    })),
  };
}

/**
 * A personal link with its secret masked: organisers may read what a registrant was sent, but
 * not act as the registrant (the manage link cancels, the invitation link registers).
 */
export function maskLink(link: string): string {
  try {
    const url = new URL(link);
    if (url.search) {
      for (const key of [...url.searchParams.keys()]) url.searchParams.set(key, '********');
    } else {
      url.pathname = url.pathname.replace(/\/[^/]+\/?$/, '/********');
    }
    return url.toString().replace(/%2A/g, '*');
  } catch {
    return '********';
  }
}

export async function previewEventMessage(ctx: RequestContext, communityId: string, eventId: string, messageId: number) {
  await requireEventLog(ctx, communityId, eventId);
  const row = await q.findMessage(ctx.db, messageId);
  if (!row || row.eventId !== eventId) throw new AppError('not_found');
  const payload = { ...row.payload };
  const redacted = typeof payload.link === 'string';
  if (typeof payload.link === 'string') payload.link = maskLink(payload.link);
  return preview(row, payload, redacted);
}
