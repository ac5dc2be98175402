import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { okResponse } from '../../../shared/schemas/common';
import { eventParams } from '../../../shared/schemas/events';
import {
  emailPreviewSchema,
  eventMessagePageSchema,
  eventMessageParams,
  eventMessagesQuery,
  outboxPageSchema,
  outboxParams,
  outboxQuery,
} from '../../../shared/schemas/messages';
import { contextOf } from '../../http/context';
import * as outbox from './service';

/** The message logs: the platform's outbox for its admins, one event's messages for its organisers. */
export const outboxRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/admin/outbox',
    {
      schema: {
        tags: ['admin'],
        summary: 'Message log: every e-mail queued, sent or failed, newest first, with its subject in your language (platform admins; filters status, template, recipient; keyset paging)',
        querystring: outboxQuery,
        response: { 200: outboxPageSchema },
      },
    },
    (req) => outbox.listOutbox(contextOf(req), req.query),
  );

  app.get(
    '/api/admin/outbox/:id/preview',
    {
      schema: {
        tags: ['admin'],
        summary: 'One message rendered as the recipient gets it, in their language: subject, plain text and HTML (platform admins)',
        params: outboxParams,
        response: { 200: emailPreviewSchema },
      },
    },
    (req) => outbox.previewOutboxMessage(contextOf(req), req.params.id),
  );

  app.post(
    '/api/admin/outbox/:id/retry',
    {
      schema: {
        tags: ['admin'],
        summary: 'Put a failed message back in the sending queue with a fresh count of tries (platform admins; audited; 409 unless failed)',
        params: outboxParams,
        response: { 200: okResponse },
      },
    },
    (req) => outbox.retryOutboxMessage(contextOf(req), req.params.id),
  );

  app.get(
    '/api/communities/:communityId/events/:eventId/messages',
    {
      schema: {
        tags: ['events'],
        summary: "The e-mails about one event (confirmations, waitlist, reminders, invitations, results): recipient, subject in the recipient's language, status (events.manage; filters status, template; keyset paging)",
        params: eventParams,
        querystring: eventMessagesQuery,
        response: { 200: eventMessagePageSchema },
      },
    },
    (req) => outbox.listEventMessages(contextOf(req), req.params.communityId, req.params.eventId, req.query),
  );

  app.get(
    '/api/communities/:communityId/events/:eventId/messages/:messageId/preview',
    {
      schema: {
        tags: ['events'],
        summary: "One of the event's e-mails rendered as sent, with the recipient's personal link masked (events.manage)",
        params: eventMessageParams,
        response: { 200: emailPreviewSchema },
      },
    },
    (req) => outbox.previewEventMessage(contextOf(req), req.params.communityId, req.params.eventId, req.params.messageId),
  );
};
