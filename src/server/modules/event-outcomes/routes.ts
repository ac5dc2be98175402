import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { okResponse } from '../../../shared/schemas/common';
import { eventParams } from '../../../shared/schemas/events';
import {
  attendeeListSchema,
  attendeeQuery,
  eventMaterialParams,
  eventMaterialSchema,
  eventProjectCreateInput,
  eventProjectOrderInput,
  eventProjectParams,
  eventProjectSchema,
  eventProjectsReplySchema,
  eventProjectUpdateInput,
  eventSigningParams,
  followUpCreateInput,
  followUpSchema,
  fromApplicationsReplySchema,
  outcomesSchema,
  projectCandidateQuery,
  projectCandidateSchema,
  roomFileParams,
  roomParams,
  roomSchema,
  sessionRefSchema,
  signingCreateInput,
  signingOrderInput,
  signingSchema,
  signingUpdateInput,
} from '../../../shared/schemas/event-outcomes';
import { contextOf } from '../../http/context';
import { contentDisposition, uploadFrom } from '../directory/uploads';
import * as followUps from './follow-ups.service';
import * as materials from './materials.service';
import * as outcomes from './outcomes.service';
import * as projects from './projects.service';
import * as signings from './signings.service';

const tags = ['event outcomes'];
const ok = { ok: true as const };
const base = '/api/communities/:communityId/events/:eventId';

/** Projects presented, attendee materials and the room, signing ceremonies, outcomes and follow-ups. */
export const eventOutcomeRoutes: FastifyPluginAsyncZod = async (app) => {
  // ---------------------------------------------------------------- projects presented

  app.get(
    `${base}/projects`,
    { schema: { tags, summary: "The projects presented at the event in running order, with the event's materials (events.manage)", params: eventParams, response: { 200: eventProjectsReplySchema } } },
    (req) => projects.listProjects(contextOf(req), req.params.communityId, req.params.eventId),
  );

  app.get(
    `${base}/session-options`,
    { schema: { tags, summary: "The event's agenda sessions, to link a presented project or a signing to a slot (events.manage)", params: eventParams, response: { 200: sessionRefSchema.array() } } },
    (req) => projects.sessionOptions(contextOf(req), req.params.communityId, req.params.eventId),
  );

  app.get(
    `${base}/project-candidates`,
    {
      schema: {
        tags,
        summary: 'Directory projects the organiser may see, by name or owner, for the add-project picker (events.manage; at most 30)',
        params: eventParams,
        querystring: projectCandidateQuery,
        response: { 200: projectCandidateSchema.array() },
      },
    },
    (req) => projects.projectCandidates(contextOf(req), req.params.communityId, req.params.eventId, req.query),
  );

  app.post(
    `${base}/projects`,
    {
      schema: {
        tags,
        summary: 'Present a directory project at the event (events.manage; the project must be visible to the organiser; 409 when already presented)',
        params: eventParams,
        body: eventProjectCreateInput,
        response: { 201: eventProjectSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await projects.addProject(contextOf(req), req.params.communityId, req.params.eventId, req.body)),
  );

  app.post(
    `${base}/projects/from-applications`,
    {
      schema: {
        tags,
        summary: "Add the event's screened-in applications that name a directory project, in one click (events.manage; already presented ones are skipped)",
        params: eventParams,
        response: { 200: fromApplicationsReplySchema },
      },
    },
    (req) => projects.addFromApplications(contextOf(req), req.params.communityId, req.params.eventId),
  );

  app.post(
    `${base}/projects/order`,
    {
      schema: {
        tags,
        summary: 'Reorder the presented projects: the list names each of them once (events.manage)',
        params: eventParams,
        body: eventProjectOrderInput,
        response: { 200: eventProjectSchema.array() },
      },
    },
    (req) => projects.reorderProjects(contextOf(req), req.params.communityId, req.params.eventId, req.body),
  );

  app.patch(
    `${base}/projects/:projectId`,
    {
      schema: { tags, summary: "Change a presented project's session (a slot of the agenda) or note (events.manage)", params: eventProjectParams, body: eventProjectUpdateInput, response: { 200: eventProjectSchema } },
    },
    (req) => projects.updateProject(contextOf(req), req.params.communityId, req.params.eventId, req.params.projectId, req.body),
  );

  app.delete(
    `${base}/projects/:projectId`,
    { schema: { tags, summary: 'Stop presenting a project; its materials at this event go with it (events.manage)', params: eventProjectParams, response: { 200: okResponse } } },
    async (req) => {
      await projects.removeProject(contextOf(req), req.params.communityId, req.params.eventId, req.params.projectId);
      return ok;
    },
  );

  // ---------------------------------------------------------------- materials

  app.get(
    `${base}/materials`,
    { schema: { tags, summary: "The event's materials for attendees (events.manage)", params: eventParams, response: { 200: eventMaterialSchema.array() } } },
    (req) => materials.listMaterials(contextOf(req), req.params.communityId, req.params.eventId),
  );

  app.post(
    `${base}/materials`,
    {
      schema: {
        tags,
        summary: 'Upload a material for attendees (multipart: file, title, projectId of a presented project or none; PDF, PPTX or image by its bytes, else 422 unreadable_file; events.manage)',
        consumes: ['multipart/form-data'],
        params: eventParams,
        response: { 201: eventMaterialSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await materials.addMaterial(contextOf(req), req.params.communityId, req.params.eventId, uploadFrom(req))),
  );

  app.get(
    `${base}/materials/:materialId/file`,
    { schema: { tags, summary: "Download a material's file (events.manage)", params: eventMaterialParams } },
    async (req, reply) => {
      const file = await materials.openMaterial(contextOf(req), req.params.communityId, req.params.eventId, req.params.materialId);
      return reply.type(file.contentType).header('content-length', String(file.sizeBytes)).header('content-disposition', file.disposition).header('cache-control', 'private, max-age=300').send(file.stream);
    },
  );

  app.delete(
    `${base}/materials/:materialId`,
    { schema: { tags, summary: 'Delete a material with its file (events.manage)', params: eventMaterialParams, response: { 200: okResponse } } },
    async (req) => {
      await materials.deleteMaterial(contextOf(req), req.params.communityId, req.params.eventId, req.params.materialId);
      return ok;
    },
  );

  // ---------------------------------------------------------------- the attendee room

  app.get(
    '/api/public/events/:eventId/room',
    {
      schema: {
        tags,
        summary: "For a signed-in confirmed attendee or an organiser: the presented projects' profiles and decks and the event's materials, for this event only (everyone else 404)",
        params: roomParams,
        response: { 200: roomSchema },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'private, no-store');
      return materials.room(contextOf(req), req.params.eventId);
    },
  );

  app.get(
    '/api/public/events/:eventId/room/files/:fileId',
    {
      schema: {
        tags,
        summary: "A file of the event's room: one of its materials or a presented project's deck, for those who may enter the room (everyone else 404)",
        params: roomFileParams,
      },
    },
    async (req, reply) => {
      const file = await materials.openRoomFile(contextOf(req), req.params.eventId, req.params.fileId);
      return reply
        .type(file.contentType)
        .header('content-length', String(file.sizeBytes))
        .header('content-disposition', file.disposition)
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(file.stream);
    },
  );

  // ---------------------------------------------------------------- signing ceremony

  app.get(
    `${base}/signings`,
    { schema: { tags, summary: "The signing ceremony's running order: agreements with parties, amount, session and status (events.manage)", params: eventParams, response: { 200: signingSchema.array() } } },
    (req) => signings.listSignings(contextOf(req), req.params.communityId, req.params.eventId),
  );

  app.post(
    `${base}/signings`,
    {
      schema: {
        tags,
        summary: "Add an agreement of the community to the running order; it then names this event (events.manage; 409 when it is in this or another event's order)",
        params: eventParams,
        body: signingCreateInput,
        response: { 201: signingSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await signings.addSigning(contextOf(req), req.params.communityId, req.params.eventId, req.body)),
  );

  app.post(
    `${base}/signings/order`,
    { schema: { tags, summary: 'Reorder the running order: the list names each agreement in it once (events.manage)', params: eventParams, body: signingOrderInput, response: { 200: signingSchema.array() } } },
    (req) => signings.reorderSignings(contextOf(req), req.params.communityId, req.params.eventId, req.body),
  );

  app.get(
    `${base}/signings.pdf`,
    { schema: { tags, summary: 'The running order as a printable PDF (A4 landscape, amounts in 万元/亿元, times in the community time zone; events.manage)', params: eventParams } },
    async (req, reply) => {
      const pdf = await signings.signingsPdf(contextOf(req), req.params.communityId, req.params.eventId);
      return reply.type('application/pdf').header('content-disposition', contentDisposition('attachment', pdf.filename)).send(pdf.bytes);
    },
  );

  app.patch(
    `${base}/signings/:agreementId`,
    {
      schema: {
        tags,
        summary: 'Change a signing: status planned/signed/withdrawn (withdrawn unlinks the agreement from the event), agenda session, note (events.manage)',
        params: eventSigningParams,
        body: signingUpdateInput,
        response: { 200: signingSchema },
      },
    },
    (req) => signings.updateSigning(contextOf(req), req.params.communityId, req.params.eventId, req.params.agreementId, req.body),
  );

  app.delete(
    `${base}/signings/:agreementId`,
    { schema: { tags, summary: 'Remove an agreement from the running order; it no longer names this event (events.manage)', params: eventSigningParams, response: { 200: okResponse } } },
    async (req) => {
      await signings.removeSigning(contextOf(req), req.params.communityId, req.params.eventId, req.params.agreementId);
      return ok;
    },
  );

  // ---------------------------------------------------------------- outcomes and follow-ups

  app.get(
    `${base}/outcomes`,
    {
      schema: {
        tags,
        summary: 'What the event produced: registrations by status and ticket type, check-ins, no-shows, attendance rate; agreements signed at it; applications; projects; follow-ups (events.manage)',
        params: eventParams,
        response: { 200: outcomesSchema },
      },
    },
    (req) => outcomes.outcomes(contextOf(req), req.params.communityId, req.params.eventId),
  );

  app.get(
    `${base}/outcomes/attendees`,
    {
      schema: {
        tags,
        summary: 'Confirmed attendees for the follow-up picker, checked in first; q over name, organisation, e-mail (events.manage; at most 50 with the total)',
        params: eventParams,
        querystring: attendeeQuery,
        response: { 200: attendeeListSchema },
      },
    },
    (req) => outcomes.attendeeList(contextOf(req), req.params.communityId, req.params.eventId, req.query),
  );

  app.get(
    `${base}/follow-ups`,
    { schema: { tags, summary: 'Pipeline items created from the event, newest first, with their pipeline, current stage and owner (events.manage)', params: eventParams, response: { 200: followUpSchema.array() } } },
    (req) => followUps.listFollowUps(contextOf(req), req.params.communityId, req.params.eventId),
  );

  app.post(
    `${base}/follow-ups`,
    {
      schema: {
        tags,
        summary: 'Create a pipeline item from an attendee (their directory organisation), an application or a presented project (events.manage and pipeline.write; 409 when already open in that pipeline)',
        params: eventParams,
        body: followUpCreateInput,
        response: { 201: followUpSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await followUps.createFollowUp(contextOf(req), req.params.communityId, req.params.eventId, req.body)),
  );
};
