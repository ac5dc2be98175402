import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  agendaSchema,
  feedbackInput,
  feedbackSchema,
  myParticipantSchema,
  myPartneringEventsSchema,
  participantDetailSchema,
  participantEventParams,
  participantListQuery,
  participantMeetingParams,
  participantPageSchema,
  participantPrefillSchema,
  participantProfileInput,
  participantTargetParams,
  partneringOverviewSchema,
  requestAcceptInput,
  requestCancelInput,
  requestCreateInput,
  requestDeclineInput,
  requestListQuery,
  requestPageSchema,
  requestParams,
  requestSchema,
  wishListInput,
  wishListSchema,
  withdrawInput,
} from '../../../shared/schemas/partnering';
import { contextOf } from '../../http/context';
import * as agenda from './agenda.service';
import * as profile from './profile.service';
import * as requests from './requests.service';

const tags = ['partnering'];
const base = '/api/events/:eventId/partnering';

/** Participants' partnering routes (/api/events/:eventId/partnering/…, /api/me/partnering). All signed in. */
export const partneringRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/me/partnering',
    {
      schema: {
        tags,
        summary: 'Events with partnering where the signed-in user takes part or may opt in (a confirmed registration), soonest first, with pending requests and published meetings',
        response: { 200: myPartneringEventsSchema },
      },
    },
    (req) => profile.myEvents(contextOf(req)),
  );

  app.get(
    base,
    {
      schema: {
        tags,
        summary: "An event's partnering for the signed-in user: rules (effective deadline), slots, their own record, why they may not opt in, counts and the published schedule's version (404 without partnering or when the event is not visible)",
        params: participantEventParams,
        response: { 200: partneringOverviewSchema },
      },
    },
    (req) => profile.overview(contextOf(req), req.params.eventId),
  );

  app.get(
    `${base}/me/prefill`,
    {
      schema: {
        tags,
        summary: "The opt-in form's prefill from the directory: name, organisation (one the user represents, else a current affiliation), side, segments and stages (an investor's thesis), presentable projects",
        params: participantEventParams,
        response: { 200: participantPrefillSchema },
      },
    },
    (req) => profile.prefill(contextOf(req), req.params.eventId),
  );

  app.put(
    `${base}/me`,
    {
      schema: {
        tags,
        summary:
          'Opt in to partnering (a confirmed registration, opt-in open, event not over; 409 partnering_not_registered / partnering_opt_in_closed / partnering_event_over), rejoin after withdrawing, or edit the profile (`version` required once a record exists). Replaces the unavailable slots. 200 with the record',
        params: participantEventParams,
        body: participantProfileInput,
        response: { 200: myParticipantSchema },
      },
    },
    (req) => profile.saveProfile(contextOf(req), req.params.eventId, req.body),
  );

  app.post(
    `${base}/me/withdraw`,
    {
      schema: {
        tags,
        summary: 'Withdraw from partnering (`version`): live requests either way and active meetings are cancelled and each counterpart is told',
        params: participantEventParams,
        body: withdrawInput,
        response: { 200: myParticipantSchema },
      },
    },
    (req) => profile.withdraw(contextOf(req), req.params.eventId, req.body),
  );

  app.get(
    `${base}/participants`,
    {
      schema: {
        tags,
        summary:
          'The other active participants (participants and organisers only), likely matches first (sort=match, offset cursor) or by name (keyset cursor), with the reasons and how the caller stands with each; filters q, side, segment',
        params: participantEventParams,
        querystring: participantListQuery,
        response: { 200: participantPageSchema },
      },
    },
    (req) => profile.listParticipants(contextOf(req), req.params.eventId, req.query),
  );

  app.get(
    `${base}/participants/:participantId`,
    {
      schema: {
        tags,
        summary: "One active participant's card, match reasons and relation (404 when not active or not of this event)",
        params: participantTargetParams,
        response: { 200: participantDetailSchema },
      },
    },
    (req) => profile.participantDetail(contextOf(req), req.params.eventId, req.params.participantId),
  );

  app.get(
    `${base}/requests`,
    {
      schema: {
        tags,
        summary: "The caller's meeting requests, incoming, outgoing or both, newest first (filter status; keyset paging), each with its meeting once accepted",
        params: participantEventParams,
        querystring: requestListQuery,
        response: { 200: requestPageSchema },
      },
    },
    (req) => requests.listRequests(contextOf(req), req.params.eventId, req.query),
  );

  app.post(
    `${base}/requests`,
    {
      schema: {
        tags,
        summary:
          'Ask another participant for a meeting with a priority and a message; they are e-mailed. 409 partnering_rules_pair, partnering_deadline_passed, partnering_max_requests, partnering_request_exists (a live request either way), partnering_wishlist_mode',
        params: participantEventParams,
        body: requestCreateInput,
        response: { 201: requestSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await requests.createRequest(contextOf(req), req.params.eventId, req.body)),
  );

  app.post(
    `${base}/requests/:requestId/accept`,
    {
      schema: {
        tags,
        summary: 'Accept a pending request (receiver only; `version`; before the deadline): a meeting to schedule is created and the sender is told',
        params: requestParams,
        body: requestAcceptInput,
        response: { 200: requestSchema },
      },
    },
    (req) => requests.acceptRequest(contextOf(req), req.params.eventId, req.params.requestId, req.body),
  );

  app.post(
    `${base}/requests/:requestId/decline`,
    {
      schema: {
        tags,
        summary: 'Decline a pending request (receiver only; `version`), with an optional reason the sender is told',
        params: requestParams,
        body: requestDeclineInput,
        response: { 200: requestSchema },
      },
    },
    (req) => requests.declineRequest(contextOf(req), req.params.eventId, req.params.requestId, req.body),
  );

  app.post(
    `${base}/requests/:requestId/cancel`,
    {
      schema: {
        tags,
        summary: 'Cancel a pending or accepted request (either side; `version`); an accepted one’s meeting is cancelled and leaves both agendas; the other side is told',
        params: requestParams,
        body: requestCancelInput,
        response: { 200: requestSchema },
      },
    },
    (req) => requests.cancelRequest(contextOf(req), req.params.eventId, req.params.requestId, req.body),
  );

  app.get(
    `${base}/wishes`,
    {
      schema: {
        tags,
        summary: "The caller's wish list (wish-list mode), with whether each wish is mutual",
        params: participantEventParams,
        response: { 200: wishListSchema },
      },
    },
    (req) => requests.getWishes(contextOf(req), req.params.eventId),
  );

  app.put(
    `${base}/wishes`,
    {
      schema: {
        tags,
        summary: 'Replace the wish list in one go (wish-list mode only, else 409 partnering_requests_mode; before the deadline); each target an active participant other than the caller (400 per row)',
        params: participantEventParams,
        body: wishListInput,
        response: { 200: wishListSchema },
      },
    },
    (req) => requests.putWishes(contextOf(req), req.params.eventId, req.body),
  );

  app.get(
    `${base}/agenda`,
    {
      schema: {
        tags,
        summary: "The caller's published meetings in time order (counterpart, table or link, their feedback) and accepted meetings not in the published schedule",
        params: participantEventParams,
        response: { 200: agendaSchema },
      },
    },
    (req) => agenda.agenda(contextOf(req), req.params.eventId),
  );

  app.get(
    `${base}/agenda.ics`,
    {
      schema: { tags, summary: "The caller's published meetings as an iCalendar file (stable UID per meeting; SEQUENCE is the schedule version)", params: participantEventParams },
    },
    async (req, reply) => {
      const file = await agenda.agendaIcs(contextOf(req), req.params.eventId);
      return reply
        .header('content-type', 'text/calendar; charset=utf-8')
        .header('content-disposition', file.disposition)
        .header('cache-control', 'private, no-store')
        .send(file.body);
    },
  );

  app.get(
    `${base}/agenda.pdf`,
    {
      schema: { tags, summary: "The caller's agenda as a printable PDF, in their language and the community's time zone", params: participantEventParams },
    },
    async (req, reply) => {
      const file = await agenda.agendaPdf(contextOf(req), req.params.eventId);
      return reply.header('content-type', 'application/pdf').header('content-disposition', file.disposition).header('cache-control', 'private, no-store').send(file.body);
    },
  );

  app.put(
    `${base}/meetings/:meetingId/feedback`,
    {
      schema: {
        tags,
        summary: "Record the caller's account of one of their meetings once its slot has started (409 partnering_meeting_not_started): held or not, a rating (held only), a follow-up",
        params: participantMeetingParams,
        body: feedbackInput,
        response: { 200: feedbackSchema },
      },
    },
    (req) => agenda.saveFeedback(contextOf(req), req.params.eventId, req.params.meetingId, req.body),
  );
};
