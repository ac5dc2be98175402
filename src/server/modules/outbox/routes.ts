import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pageQuery, timestampSchema } from '../../../shared/schemas/common';
import { contextOf } from '../../http/context';
import { listOutbox } from './service';

const outboxPage = z.object({
  items: z.array(
    z.object({
      id: z.number().int(),
      channel: z.string(),
      recipient: z.string(),
      template: z.string(),
      locale: z.string(),
      payload: z.record(z.string(), z.unknown()),
      createdAt: timestampSchema,
      sentAt: timestampSchema.nullable(),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});

export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/admin/outbox',
    {
      schema: {
        tags: ['admin'],
        summary: 'Message log: e-mails queued for sending (platform admins)',
        querystring: z.strictObject(pageQuery),
        response: { 200: outboxPage },
      },
    },
    (req) => listOutbox(contextOf(req), req.query),
  );
};
