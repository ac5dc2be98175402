import { z } from 'zod';
import type { RequestContext } from '../../http/context';
import { requireUser } from '../../http/context';
import { AppError } from '../../http/errors';
import { decodeCursor, pageOf } from '../../http/pagination';
import * as q from './queries';

const cursorSchema = z.object({ id: z.number().int() });

/** The message log: what the platform has queued to send. Platform admins only (it holds links). */
export async function listOutbox(ctx: RequestContext, query: { limit: number; cursor?: string }) {
  if (!requireUser(ctx).isPlatformAdmin) throw new AppError('forbidden');
  const cursor = decodeCursor(query.cursor, cursorSchema);
  const rows = await q.listOutbox(ctx.db, query.limit, cursor?.id);
  const page = pageOf(rows, query.limit, (last) => ({ id: last.id }));
  return {
    nextCursor: page.nextCursor,
    items: page.items.map((m) => ({
      id: m.id,
      channel: m.channel,
      recipient: m.recipient,
      template: m.template,
      locale: m.locale,
      payload: m.payload,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
      attempts: m.attempts,
      lastError: m.lastError,
    })),
  };
}
