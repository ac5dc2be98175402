import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  applicationCreatedSchema,
  applicationDetailSchema,
  applicationExportQuery,
  applicationInput,
  applicationListQuery,
  applicationPageSchema,
  applicationParams,
  applicationTokenParams,
  applicationUpdateInput,
  bulkScreenInput,
  bulkScreenReplySchema,
  callInput,
  callSchema,
  linksInput,
  myApplicationListSchema,
  myApplicationSchema,
  publicCallSchema,
  publicEventParams,
  screenInput,
  withdrawInput,
} from '../../../shared/schemas/applications';
import { eventParams } from '../../../shared/schemas/events';
import { contextOf } from '../../http/context';
import { uploadFrom } from '../directory/uploads';
import { exportApplications } from './export';
import * as applications from './service';

const tags = ['applications'];

function sendFile(reply: FastifyReply, file: applications.OpenedFile) {
  reply.type(file.contentType);
  reply.header('content-length', String(file.sizeBytes));
  reply.header('content-disposition', file.disposition);
  reply.header('cache-control', 'private, no-store');
  return reply.send(file.stream);
}

/** Roadshow and competition applications: the call, applying without an account, the applicant's page, screening. */
export const applicationRoutes: FastifyPluginAsyncZod = async (app) => {
  // ------------------------------------------------------------ organisers

  app.put(
    '/api/communities/:communityId/events/:eventId/call',
    {
      schema: {
        tags,
        summary: 'Set the call for applications of a roadshow or competition: open or closed, deadline, custom questions (events.manage; `version` is the event’s; 409 state_conflict for other kinds)',
        params: eventParams,
        body: callInput,
        response: { 200: callSchema },
      },
    },
    (req) => applications.setCall(contextOf(req), req.params.communityId, req.params.eventId, req.body),
  );

  app.get(
    '/api/communities/:communityId/events/:eventId/applications',
    {
      schema: {
        tags,
        summary: "An event's applications in arrival order, with counts by status (events.manage; filters status and q over project, organisation and contact; keyset paging)",
        params: eventParams,
        querystring: applicationListQuery,
        response: { 200: applicationPageSchema },
      },
    },
    (req) => applications.listApplications(contextOf(req), req.params.communityId, req.params.eventId, req.query),
  );

  app.get(
    '/api/communities/:communityId/events/:eventId/applications/export.xlsx',
    {
      schema: {
        tags,
        summary: "An event's applications as .xlsx, one column per custom question, in the request language (events.manage; same filters as the list)",
        params: eventParams,
        querystring: applicationExportQuery,
      },
    },
    async (req, reply) => {
      const file = await exportApplications(contextOf(req), req.params.communityId, req.params.eventId, req.query);
      return reply.header('content-type', file.contentType).header('content-disposition', file.disposition).send(file.buffer);
    },
  );

  app.post(
    '/api/communities/:communityId/events/:eventId/applications/screen',
    {
      schema: {
        tags,
        summary: 'Screen several applications in or out at once, all or none (events.manage; each item with its `version`; the applicants are told)',
        params: eventParams,
        body: bulkScreenInput,
        response: { 200: bulkScreenReplySchema },
      },
    },
    (req) => applications.bulkScreen(contextOf(req), req.params.communityId, req.params.eventId, req.body),
  );

  app.get(
    '/api/communities/:communityId/events/:eventId/applications/:applicationId',
    { schema: { tags, summary: 'One application with its answers, team, deck and rounds (events.manage)', params: applicationParams, response: { 200: applicationDetailSchema } } },
    (req) => applications.getApplication(contextOf(req), req.params.communityId, req.params.eventId, req.params.applicationId),
  );

  app.post(
    '/api/communities/:communityId/events/:eventId/applications/:applicationId/screen',
    {
      schema: {
        tags,
        summary: 'Screen an application in or out with a note (events.manage; re-screening allowed until it is an entry of a round, then 409 state_conflict; the applicant is told)',
        params: applicationParams,
        body: screenInput,
        response: { 200: applicationDetailSchema },
      },
    },
    (req) => applications.screen(contextOf(req), req.params.communityId, req.params.eventId, req.params.applicationId, req.body),
  );

  app.patch(
    '/api/communities/:communityId/events/:eventId/applications/:applicationId/links',
    {
      schema: {
        tags,
        summary: 'Link an application to its directory project and organisation, for recusal and follow-ups (events.manage; the project must be visible to the community)',
        params: applicationParams,
        body: linksInput,
        response: { 200: applicationDetailSchema },
      },
    },
    (req) => applications.setLinks(contextOf(req), req.params.communityId, req.params.eventId, req.params.applicationId, req.body),
  );

  app.get(
    '/api/communities/:communityId/events/:eventId/applications/:applicationId/deck',
    { schema: { tags, summary: "Download an application's deck (events.manage)", params: applicationParams } },
    async (req, reply) => sendFile(reply, await applications.openApplicationDeck(contextOf(req), req.params.communityId, req.params.eventId, req.params.applicationId)),
  );

  // ------------------------------------------------------------ public: the call and applying

  app.get(
    '/api/public/events/:eventId/call',
    {
      schema: {
        tags,
        summary: "A roadshow's or competition's call for applications: deadline in the community's time zone, questions, whether open, and the signed-in caller's own directory projects",
        params: publicEventParams,
        response: { 200: publicCallSchema },
      },
    },
    (req) => applications.getCall(contextOf(req), req.params.eventId),
  );

  app.post(
    '/api/public/events/:eventId/applications',
    {
      schema: {
        tags,
        summary: 'Apply to a roadshow or competition, with or without an account (409 applications_closed, 409 already_applied); answers the application with its manage token, e-mailed as a link',
        params: publicEventParams,
        body: applicationInput,
        response: { 201: applicationCreatedSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await applications.apply(contextOf(req), req.params.eventId, req.body)),
  );

  app.get(
    '/api/public/applications/:token',
    { schema: { tags, summary: "An applicant's own application by its link: status, deck, published results per round", params: applicationTokenParams, response: { 200: myApplicationSchema } } },
    (req) => applications.getMine(contextOf(req), req.params.token),
  );

  app.patch(
    '/api/public/applications/:token',
    {
      schema: {
        tags,
        summary: 'Edit an application before the deadline (`version` as loaded; 409 applications_closed after it)',
        params: applicationTokenParams,
        body: applicationUpdateInput,
        response: { 200: myApplicationSchema },
      },
    },
    (req) => applications.updateMine(contextOf(req), req.params.token, req.body),
  );

  app.post(
    '/api/public/applications/:token/withdraw',
    {
      schema: {
        tags,
        summary: 'Withdraw an application (until judging takes it up; 409 state_conflict after)',
        params: applicationTokenParams,
        body: withdrawInput,
        response: { 200: myApplicationSchema },
      },
    },
    (req) => applications.withdrawMine(contextOf(req), req.params.token, req.body),
  );

  app.post(
    '/api/public/applications/:token/deck',
    {
      schema: {
        tags,
        summary: 'Upload the deck, replacing the previous one, before the deadline (multipart: a PDF, or a .pptx; checked by its bytes, 422 unreadable_file otherwise)',
        consumes: ['multipart/form-data'],
        params: applicationTokenParams,
        response: { 200: myApplicationSchema },
      },
    },
    (req) => applications.uploadDeck(contextOf(req), req.params.token, uploadFrom(req)),
  );

  app.get(
    '/api/public/applications/:token/deck',
    { schema: { tags, summary: "Download the applicant's own deck", params: applicationTokenParams } },
    async (req, reply) => sendFile(reply, await applications.openMyDeck(contextOf(req), req.params.token)),
  );

  // ------------------------------------------------------------ signed in

  app.get(
    '/api/me/applications',
    { schema: { tags, summary: "The signed-in user's applications, newest first, with the link to each", response: { 200: myApplicationListSchema } } },
    (req) => applications.listMine(contextOf(req)),
  );
};
