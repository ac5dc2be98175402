import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { okResponse } from '../../../shared/schemas/common';
import { eventParams } from '../../../shared/schemas/events';
import {
  cancelReply,
  declineInput,
  myRegistrationSchema,
  myRegistrationsSchema,
  publicEventParams,
  publicEventQuery,
  publicEventSchema,
  registrationActionReply,
  registrationCreateInput,
  registrationCreatedSchema,
  registrationPageSchema,
  registrationParams,
  registrationQuery,
  ticketTypeCreateInput,
  ticketTypeParams,
  ticketTypeSchema,
  ticketTypeUpdateInput,
  ticketTypeUpdateReply,
  tokenParams,
  versionInput,
} from '../../../shared/schemas/registrations';
import { contextOf } from '../../http/context';
import { AppError } from '../../http/errors';
import { eventIcs } from './ics';
import { codeSvg } from './qr';
import * as registrations from './service';
import * as ticketTypes from './ticket-types.service';

const tags = ['registrations'];
const base = '/api/communities/:communityId/events/:eventId';

/** Registration: the public page and form, the registrant's link, ticket types and the organisers' review. */
export const registrationRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---------------------------------------------------------------- public (no account needed)

  app.get(
    '/api/public/events/:eventId',
    {
      schema: {
        tags,
        summary:
          'The public event page: facts, organisers, agenda (speakers by name and title), ticket types with seats left and waitlist length, the form questions, whether registration is open (and why not), the caller’s live registration, and with `?invite=` the invitation to prefill. Members-only and invitation-only events answer 404 to those who may not see them',
        params: publicEventParams,
        querystring: publicEventQuery,
        response: { 200: publicEventSchema },
      },
    },
    (req) => registrations.publicEvent(contextOf(req), req.params.eventId, req.query.invite),
  );

  app.post(
    '/api/public/events/:eventId/registrations',
    {
      schema: {
        tags,
        summary:
          'Register for an event (no account needed). Automatic mode: a free seat confirms, else the waitlist in arrival order; reviewed mode: pending. 409 already_registered (one live registration per e-mail and per account), 409 registration_closed, 404 unknown invitation, 410 revoked invitation',
        params: publicEventParams,
        body: registrationCreateInput,
        response: { 201: registrationCreatedSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await registrations.register(contextOf(req), req.params.eventId, req.body)),
  );

  app.get(
    '/api/public/registrations/:token',
    { schema: { tags, summary: 'A registrant’s own view through the e-mailed link: status, live waitlist position, ticket, event facts, the check-in code while confirmed', params: tokenParams, response: { 200: myRegistrationSchema } } },
    (req) => registrations.ownRegistration(contextOf(req), req.params.token),
  );

  app.post(
    '/api/public/registrations/:token/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel one’s own registration (until the event ends); a seat it held goes to the head of the waitlist at once. 409 state_conflict when no longer live',
        params: tokenParams,
        response: { 200: cancelReply },
      },
    },
    (req) => registrations.cancelOwn(contextOf(req), req.params.token),
  );

  app.get(
    '/api/public/registrations/:token/event.ics',
    { schema: { tags, summary: 'The event as an iCalendar file (times in UTC, location, the public page’s URL, a reminder a day before)', params: tokenParams } },
    async (req, reply) => {
      const ctx = contextOf(req);
      const { row, event, community } = await registrations.registrationForDownload(ctx, req.params.token);
      const body = eventIcs({ event, community, registrationId: row.id, publicUrl: ctx.config.publicUrl, locale: ctx.locale });
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', 'attachment; filename="event.ics"')
        .header('cache-control', 'private, no-store')
        .send(body);
    },
  );

  app.get(
    '/api/public/registrations/:token/qr.svg',
    { schema: { tags, summary: 'The check-in code as a QR code (SVG); only while the registration is confirmed (else 404)', params: tokenParams } },
    async (req, reply) => {
      const { row } = await registrations.registrationForDownload(contextOf(req), req.params.token);
      if (row.status !== 'confirmed') throw new AppError('not_found');
      return reply.header('content-type', 'image/svg+xml').header('cache-control', 'private, no-store').send(await codeSvg(row.code));
    },
  );

  // ---------------------------------------------------------------- the signed-in user

  app.get(
    '/api/me/registrations',
    { schema: { tags, summary: 'The signed-in user’s registrations in every community (by account or e-mail), upcoming first', response: { 200: myRegistrationsSchema } } },
    (req) => registrations.myRegistrations(contextOf(req)),
  );

  // ---------------------------------------------------------------- organisers: ticket types

  app.get(
    `${base}/ticket-types`,
    { schema: { tags, summary: 'An event’s ticket types with capacity, confirmed, seats left, waitlist and pending counts (events.manage)', params: eventParams, response: { 200: ticketTypeSchema.array() } } },
    (req) => ticketTypes.listTicketTypes(contextOf(req), req.params.communityId, req.params.eventId),
  );

  app.post(
    `${base}/ticket-types`,
    {
      schema: { tags, summary: 'Add a ticket type (events.manage; 409 duplicate_record when the name is taken in the event)', params: eventParams, body: ticketTypeCreateInput, response: { 201: ticketTypeSchema } },
    },
    async (req, reply) => reply.status(201).send(await ticketTypes.createTicketType(contextOf(req), req.params.communityId, req.params.eventId, req.body)),
  );

  app.patch(
    `${base}/ticket-types/:ticketTypeId`,
    {
      schema: {
        tags,
        summary:
          'Change a ticket type (events.manage; `version`). More seats promote the waitlist in order (the reply counts them); fewer seats than confirmed answer 409 capacity_below_confirmed and change nothing',
        params: ticketTypeParams,
        body: ticketTypeUpdateInput,
        response: { 200: ticketTypeUpdateReply },
      },
    },
    (req) => ticketTypes.updateTicketType(contextOf(req), req.params.communityId, req.params.eventId, req.params.ticketTypeId, req.body),
  );

  app.delete(
    `${base}/ticket-types/:ticketTypeId`,
    {
      schema: { tags, summary: 'Remove a ticket type that has no registrations or invitations (events.manage; else 409 state_conflict; a published event keeps one)', params: ticketTypeParams, response: { 200: okResponse } },
    },
    async (req) => {
      await ticketTypes.deleteTicketType(contextOf(req), req.params.communityId, req.params.eventId, req.params.ticketTypeId);
      return { ok: true as const };
    },
  );

  // ---------------------------------------------------------------- organisers: registrations

  app.get(
    `${base}/registrations`,
    {
      schema: {
        tags,
        summary: 'An event’s registrations in arrival order (events.manage; filters status, ticketTypeId, q over name, e-mail, organisation, phone and code; keyset paging; counts by status)',
        params: eventParams,
        querystring: registrationQuery,
        response: { 200: registrationPageSchema },
      },
    },
    (req) => registrations.listRegistrations(contextOf(req), req.params.communityId, req.params.eventId, req.query),
  );

  app.post(
    `${base}/registrations/:registrationId/approve`,
    {
      schema: {
        tags,
        summary: 'Approve a pending registration (events.manage; `version`): confirmed when a seat is free, else waitlisted — the reply’s status says which',
        params: registrationParams,
        body: versionInput,
        response: { 200: registrationActionReply },
      },
    },
    (req) => registrations.approve(contextOf(req), req.params.communityId, req.params.eventId, req.params.registrationId, req.body.version),
  );

  app.post(
    `${base}/registrations/:registrationId/decline`,
    { schema: { tags, summary: 'Decline a pending registration with an optional reason sent to the registrant (events.manage; `version`)', params: registrationParams, body: declineInput, response: { 200: registrationActionReply } } },
    (req) => registrations.decline(contextOf(req), req.params.communityId, req.params.eventId, req.params.registrationId, req.body),
  );

  app.post(
    `${base}/registrations/:registrationId/cancel`,
    {
      schema: {
        tags,
        summary: 'Cancel a live registration (events.manage; `version`); a freed seat goes to the head of the waitlist, named in the reply',
        params: registrationParams,
        body: versionInput,
        response: { 200: registrationActionReply },
      },
    },
    (req) => registrations.cancelByOrganiser(contextOf(req), req.params.communityId, req.params.eventId, req.params.registrationId, req.body.version),
  );
};
