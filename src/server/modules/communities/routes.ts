import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { communityParams } from '../../../shared/schemas/common';
import {
  communityDetailSchema,
  communityKindSchema,
  communitySchema,
  createCommunityBody,
  updateCommunityBody,
} from '../../../shared/schemas/communities';
import { contextOf } from '../../http/context';
import * as communities from './service';

export const communityRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/community-kinds',
    { schema: { tags: ['communities'], summary: 'The kinds a community can be', response: { 200: z.array(communityKindSchema) } } },
    (req) => communities.listKinds(contextOf(req)),
  );

  app.get(
    '/api/communities',
    {
      schema: {
        tags: ['communities'],
        summary: "Communities the caller belongs to (every community for platform admins)",
        response: { 200: z.array(communitySchema) },
      },
    },
    (req) => communities.listCommunities(contextOf(req)),
  );

  app.post(
    '/api/communities',
    {
      schema: {
        tags: ['communities'],
        summary: 'Create a community (platform admins)',
        body: createCommunityBody,
        response: { 201: communitySchema },
      },
    },
    async (req, reply) => reply.status(201).send(await communities.createCommunity(contextOf(req), req.body)),
  );

  app.get(
    '/api/communities/:communityId',
    {
      schema: {
        tags: ['communities'],
        summary: "A community's profile with the caller's role, permissions and member figures",
        params: communityParams,
        response: { 200: communityDetailSchema },
      },
    },
    (req) => communities.getCommunity(contextOf(req), req.params.communityId),
  );

  app.patch(
    '/api/communities/:communityId',
    {
      schema: {
        tags: ['communities'],
        summary: "Edit a community's profile (community admins)",
        params: communityParams,
        body: updateCommunityBody,
        response: { 200: communitySchema },
      },
    },
    (req) => communities.updateCommunity(contextOf(req), req.params.communityId, req.body),
  );
};
