import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { communityParams, okResponse } from '../../../shared/schemas/common';
import { projectParams } from '../../../shared/schemas/directory';
import {
  boardQuery,
  evidenceUploadSchema,
  lifecycleBoardSchema,
  lifecycleCatalogueSchema,
  milestoneInput,
  milestoneParams,
  milestoneResultSchema,
  stageMoveInput,
  stageMoveResultSchema,
  timelineSchema,
} from '../../../shared/schemas/lifecycle';
import { contextOf } from '../../http/context';
import { uploadFrom } from '../directory/uploads';
import { uploadEvidence } from './evidence';
import * as lifecycle from './service';

/** Lifecycle models, project stage moves, milestones and the lifecycle board. */
export const lifecycleRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/lifecycle/models',
    {
      schema: {
        tags: ['lifecycle'],
        summary: "The stage models of each track (devices by class), their stages' names, and the milestone kinds",
        response: { 200: lifecycleCatalogueSchema },
      },
    },
    (req) => lifecycle.getCatalogue(contextOf(req)),
  );

  app.get(
    '/api/directory/projects/:projectId/timeline',
    {
      schema: {
        tags: ['lifecycle'],
        summary: "A project's stage changes and milestones, newest first (those who may see the project)",
        params: projectParams,
        response: { 200: timelineSchema },
      },
    },
    (req) => lifecycle.getTimeline(contextOf(req), req.params.projectId),
  );

  app.post(
    '/api/directory/projects/:projectId/stage-moves',
    {
      schema: {
        tags: ['lifecycle'],
        summary: "Move a project to another stage of its model (the project's editors; a move back needs a reason)",
        params: projectParams,
        body: stageMoveInput,
        response: { 201: stageMoveResultSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await lifecycle.moveStage(contextOf(req), req.params.projectId, req.body)),
  );

  app.post(
    '/api/directory/projects/:projectId/milestone-evidence',
    {
      schema: {
        tags: ['lifecycle'],
        summary: "Upload a milestone's evidence (multipart `file`: PDF, PNG, JPEG or WebP), kept among the project's attachments",
        params: projectParams,
        response: { 201: evidenceUploadSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await uploadEvidence(contextOf(req), req.params.projectId, uploadFrom(req))),
  );

  app.post(
    '/api/directory/projects/:projectId/milestones',
    {
      schema: {
        tags: ['lifecycle'],
        summary: 'Record a dated milestone with its evidence (a document or an http(s) link); optionally move to its stage',
        params: projectParams,
        body: milestoneInput,
        response: { 201: milestoneResultSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await lifecycle.addMilestone(contextOf(req), req.params.projectId, req.body)),
  );

  app.delete(
    '/api/directory/projects/:projectId/milestones/:milestoneId',
    { schema: { tags: ['lifecycle'], summary: "Remove a milestone (its recorder or the project's editors)", params: milestoneParams, response: { 200: okResponse } } },
    async (req) => {
      await lifecycle.deleteMilestone(contextOf(req), req.params.projectId, req.params.milestoneId);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/communities/:communityId/lifecycle/board',
    {
      schema: {
        tags: ['lifecycle'],
        summary: "How many of the community's projects sit at each stage and for how long (pipeline.read; home and resident projects the viewer may see)",
        params: communityParams,
        querystring: boardQuery,
        response: { 200: lifecycleBoardSchema },
      },
    },
    (req) => lifecycle.getBoard(contextOf(req), req.params.communityId, req.query),
  );
};

