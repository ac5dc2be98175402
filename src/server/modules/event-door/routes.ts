import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  attendanceSchema,
  badgesQuery,
  checkInInput,
  checkInLogQuery,
  checkInLogSchema,
  checkInParams,
  checkInRefusalSchema,
  checkInSuccessSchema,
  doorPersonSchema,
  invitationBatchSchema,
  invitationCreateInput,
  invitationPageSchema,
  invitationParams,
  invitationQuery,
  invitationSchema,
  lookupQuery,
  lookupSchema,
} from '../../../shared/schemas/event-door';
import { eventParams } from '../../../shared/schemas/events';
import { contextOf } from '../../http/context';
import { badgesPdf } from './badges-pdf';
import * as door from './checkin.service';
import { exportAttendees } from './export';
import * as invitations from './invitations.service';

const tags = ['event door'];
const base = '/api/communities/:communityId/events/:eventId';

/** Personal invitations, check-in at the door, live attendance, the attendee workbook and badges (all events.manage). */
export const eventDoorRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    `${base}/invitations`,
    {
      schema: {
        tags,
        summary: "An event's personal invitations, newest first, with the registration made with each (filters status, q over name and e-mail; keyset paging), counts by status and the ticket types",
        params: eventParams,
        querystring: invitationQuery,
        response: { 200: invitationPageSchema },
      },
    },
    (req) => invitations.listInvitations(contextOf(req), req.params.communityId, req.params.eventId, req.query),
  );

  app.post(
    `${base}/invitations`,
    {
      schema: {
        tags,
        summary:
          'Invite up to 500 people in one go, each to a ticket type, in their language; each gets an e-mail with a personal link. A directory person fills a missing name or e-mail. An address already invited is refused per row (400); a revoked one is issued afresh. Not for drafts or cancelled events (409)',
        params: eventParams,
        body: invitationCreateInput,
        response: { 201: invitationBatchSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await invitations.createInvitations(contextOf(req), req.params.communityId, req.params.eventId, req.body)),
  );

  app.post(
    `${base}/invitations/:eventInvitationId/resend`,
    {
      schema: {
        tags,
        summary: 'Send an invitation e-mail again, with the same link (409 when the invitation is revoked or already used to register)',
        params: invitationParams,
        response: { 200: invitationSchema },
      },
    },
    (req) => invitations.resendInvitation(contextOf(req), req.params.communityId, req.params.eventId, req.params.eventInvitationId),
  );

  app.post(
    `${base}/invitations/:eventInvitationId/revoke`,
    {
      schema: {
        tags,
        summary: 'Revoke an invitation: its link stops working; a registration already made with it stands. Revoking twice changes nothing',
        params: invitationParams,
        response: { 200: invitationSchema },
      },
    },
    (req) => invitations.revokeInvitation(contextOf(req), req.params.communityId, req.params.eventId, req.params.eventInvitationId),
  );

  app.post(
    `${base}/check-ins`,
    {
      schema: {
        tags,
        summary:
          'Check in by the code as typed or scanned (trimmed, upper-cased). 200 with who it is; 409 already_checked_in with when and by whom; 409 not_confirmed with the status; 404 unknown_code for anything that is not a registration of this event',
        params: eventParams,
        body: checkInInput,
        response: { 200: checkInSuccessSchema, 404: checkInRefusalSchema, 409: checkInRefusalSchema },
      },
    },
    async (req, reply) => {
      const result = await door.checkIn(contextOf(req), req.params.communityId, req.params.eventId, req.body);
      return reply.status(result.status).send(result.body);
    },
  );

  app.get(
    `${base}/check-ins`,
    {
      schema: {
        tags,
        summary: 'The check-in log: checked-in registrations, latest first (q over name, e-mail, phone, organisation, code; keyset paging)',
        params: eventParams,
        querystring: checkInLogQuery,
        response: { 200: checkInLogSchema },
      },
    },
    (req) => door.checkInLog(contextOf(req), req.params.communityId, req.params.eventId, req.query),
  );

  app.get(
    `${base}/check-ins/lookup`,
    {
      schema: {
        tags,
        summary: 'Find registrations by name, e-mail, phone, organisation or code fragment, for a guest without the code (up to 10, confirmed first)',
        params: eventParams,
        querystring: lookupQuery,
        response: { 200: lookupSchema },
      },
    },
    (req) => door.lookup(contextOf(req), req.params.communityId, req.params.eventId, req.query.q),
  );

  app.delete(
    `${base}/check-ins/:registrationId`,
    {
      schema: {
        tags,
        summary: 'Undo a mistaken check-in (audited; 409 when the registration is not checked in)',
        params: checkInParams,
        response: { 200: doorPersonSchema },
      },
    },
    (req) => door.undoCheckIn(contextOf(req), req.params.communityId, req.params.eventId, req.params.registrationId),
  );

  app.get(
    `${base}/attendance`,
    {
      schema: {
        tags,
        summary: 'Live attendance: confirmed and checked in, by ticket type, the last 20 check-ins and arrivals per 15 minutes (the check-in page polls it)',
        params: eventParams,
        response: { 200: attendanceSchema },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return door.attendance(contextOf(req), req.params.communityId, req.params.eventId);
    },
  );

  app.get(
    `${base}/attendees.xlsx`,
    {
      schema: {
        tags,
        summary: 'The attendee workbook (.xlsx): registrations with custom answers as columns, the check-in log, figures by ticket type; headers in the request language, times in the community time zone',
        params: eventParams,
      },
    },
    async (req, reply) => {
      const download = await exportAttendees(contextOf(req), req.params.communityId, req.params.eventId);
      return reply.header('content-type', download.contentType).header('content-disposition', download.disposition).header('cache-control', 'private, no-store').send(download.body);
    },
  );

  app.get(
    `${base}/badges.pdf`,
    {
      schema: {
        tags,
        summary: 'Printable badges (PDF) with QR codes: layout a4 (eight 90 × 55 mm per sheet, cut marks) or a6 (one per page); filter by ticket type and status (default confirmed)',
        params: eventParams,
        querystring: badgesQuery,
      },
    },
    async (req, reply) => {
      const download = await badgesPdf(contextOf(req), req.params.communityId, req.params.eventId, req.query);
      return reply.header('content-type', download.contentType).header('content-disposition', download.disposition).header('cache-control', 'private, no-store').send(download.body);
    },
  );
};
