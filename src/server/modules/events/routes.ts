import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { communityParams, idSchema, okResponse } from '../../../shared/schemas/common';
import {
  agendaPdfQuery,
  agendaSchema,
  eventCancelInput,
  eventCreateInput,
  eventDetailSchema,
  eventDuplicateInput,
  eventListQuery,
  eventPageSchema,
  eventParams,
  eventUpdateInput,
  eventVersionInput,
  sessionCreateInput,
  sessionDeleteQuery,
  sessionParams,
  sessionUpdateInput,
  sessionWriteSchema,
} from '../../../shared/schemas/events';
import { contextOf } from '../../http/context';
import { communityAgendaPdf, publicAgendaPdf } from './agenda-pdf';
import * as events from './service';
import * as sessions from './sessions.service';

const tags = ['events'];
const ok = { ok: true as const };
const publicEventParams = z.strictObject({ eventId: idSchema });

/** Events, their organisers and agenda, publishing and cancelling, and the agenda as a PDF. */
export const eventRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/communities/:communityId/events',
    {
      schema: {
        tags,
        summary: "The community's events a member may see (organisers also see drafts); when=upcoming (soonest first) | past | all, kind, status, q over the title; keyset paging",
        params: communityParams,
        querystring: eventListQuery,
        response: { 200: eventPageSchema },
      },
    },
    (req) => events.listEvents(contextOf(req), req.params.communityId, req.query),
  );

  app.post(
    '/api/communities/:communityId/events',
    {
      schema: {
        tags,
        summary: 'Create a draft event with its organisers and a first ticket type of `capacity` seats (events.manage). The description is sanitised; a closed-door meeting is invitation-only',
        params: communityParams,
        body: eventCreateInput,
        response: { 201: eventDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await events.createEvent(contextOf(req), req.params.communityId, req.body)),
  );

  app.get(
    '/api/communities/:communityId/events/:eventId',
    { schema: { tags, summary: 'One event with its organisers and counts (404 when the caller may not see it)', params: eventParams, response: { 200: eventDetailSchema } } },
    (req) => events.getEvent(contextOf(req), req.params.communityId, req.params.eventId),
  );

  app.patch(
    '/api/communities/:communityId/events/:eventId',
    {
      schema: {
        tags,
        summary: 'Change an event (events.manage; `version` as loaded, 409 version_conflict if it changed since; `organisers` replaces the set)',
        params: eventParams,
        body: eventUpdateInput,
        response: { 200: eventDetailSchema },
      },
    },
    (req) => events.updateEvent(contextOf(req), req.params.communityId, req.params.eventId, req.body),
  );

  app.delete(
    '/api/communities/:communityId/events/:eventId',
    { schema: { tags, summary: 'Delete a draft nobody registered for (events.manage; 409 state_conflict otherwise: cancel instead)', params: eventParams, response: { 200: okResponse } } },
    async (req) => {
      await events.deleteEvent(contextOf(req), req.params.communityId, req.params.eventId);
      return ok;
    },
  );

  app.post(
    '/api/communities/:communityId/events/:eventId/publish',
    {
      schema: {
        tags,
        summary: 'Publish a draft: its page and registration open to those who may see it (events.manage; needs a ticket type)',
        params: eventParams,
        body: eventVersionInput,
        response: { 200: eventDetailSchema },
      },
    },
    (req) => events.publishEvent(contextOf(req), req.params.communityId, req.params.eventId, req.body),
  );

  app.post(
    '/api/communities/:communityId/events/:eventId/cancel',
    {
      schema: {
        tags,
        summary: 'Cancel a published event; everyone still registered is e-mailed in their language (events.manage)',
        params: eventParams,
        body: eventCancelInput,
        response: { 200: eventDetailSchema },
      },
    },
    (req) => events.cancelEvent(contextOf(req), req.params.communityId, req.params.eventId, req.body),
  );

  app.post(
    '/api/communities/:communityId/events/:eventId/duplicate',
    {
      schema: {
        tags,
        summary: 'Copy an event as a new draft starting at `startsAt`: organisers, questions, ticket types (no registrations) and the agenda, all times shifted alike (events.manage)',
        params: eventParams,
        body: eventDuplicateInput,
        response: { 201: eventDetailSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await events.duplicateEvent(contextOf(req), req.params.communityId, req.params.eventId, req.body)),
  );

  // ---------------------------------------------------------------- agenda

  app.get(
    '/api/communities/:communityId/events/:eventId/sessions',
    {
      schema: {
        tags,
        summary: "The agenda: sessions in time order with their people; for organisers also the conflict warnings and the rooms the community's events use",
        params: eventParams,
        response: { 200: agendaSchema },
      },
    },
    (req) => sessions.getAgenda(contextOf(req), req.params.communityId, req.params.eventId),
  );

  app.post(
    '/api/communities/:communityId/events/:eventId/sessions',
    {
      schema: {
        tags,
        summary: "Add a session within the event's times (events.manage); the reply carries the agenda's conflict warnings",
        params: eventParams,
        body: sessionCreateInput,
        response: { 201: sessionWriteSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await sessions.createSession(contextOf(req), req.params.communityId, req.params.eventId, req.body)),
  );

  app.patch(
    '/api/communities/:communityId/events/:eventId/sessions/:sessionId',
    {
      schema: {
        tags,
        summary: 'Change a session (events.manage; `version` as loaded; `people` replaces the set); the reply carries the conflict warnings',
        params: sessionParams,
        body: sessionUpdateInput,
        response: { 200: sessionWriteSchema },
      },
    },
    (req) => sessions.updateSession(contextOf(req), req.params.communityId, req.params.eventId, req.params.sessionId, req.body),
  );

  app.delete(
    '/api/communities/:communityId/events/:eventId/sessions/:sessionId',
    {
      schema: { tags, summary: 'Remove a session (events.manage; `?version=` as loaded, 409 if it changed since)', params: sessionParams, querystring: sessionDeleteQuery, response: { 200: okResponse } },
    },
    async (req) => {
      await sessions.deleteSession(contextOf(req), req.params.communityId, req.params.eventId, req.params.sessionId, req.query.version);
      return ok;
    },
  );

  app.get(
    '/api/public/events/:eventId/sessions',
    {
      schema: {
        tags,
        summary: 'The agenda for the public event page: sessions with their people, for anyone who may see the event (`invite`: a personal invitation token); 404 otherwise',
        params: publicEventParams,
        querystring: agendaPdfQuery,
        response: { 200: agendaSchema },
      },
    },
    (req) => sessions.getPublicAgenda(contextOf(req), req.params.eventId, req.query.invite ?? null),
  );

  // ---------------------------------------------------------------- agenda PDF

  app.get(
    '/api/communities/:communityId/events/:eventId/agenda.pdf',
    { schema: { tags, summary: 'The agenda as a printable A4 PDF in the request language and the community time zone (members who may see the event)', params: eventParams } },
    async (req, reply) => {
      const pdf = await communityAgendaPdf(contextOf(req), req.params.communityId, req.params.eventId);
      return reply.type('application/pdf').header('content-disposition', pdf.disposition).header('cache-control', 'private, no-store').send(pdf.bytes);
    },
  );

  app.get(
    '/api/public/events/:eventId/agenda.pdf',
    {
      schema: {
        tags,
        summary: 'The agenda PDF for anyone who may see the event: public events, or with `invite` (a personal invitation token); 404 otherwise',
        params: publicEventParams,
        querystring: agendaPdfQuery,
      },
    },
    async (req, reply) => {
      const pdf = await publicAgendaPdf(contextOf(req), req.params.eventId, req.query.invite ?? null);
      return reply.type('application/pdf').header('content-disposition', pdf.disposition).header('cache-control', 'private, no-store').send(pdf.bytes);
    },
  );
};
