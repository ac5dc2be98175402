import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { communityParams } from '../../../shared/schemas/common';
import { matchProfileInput, matchProfileSchema } from '../../../shared/schemas/match-profiles';
import { contextOf } from '../../http/context';
import * as profiles from './service';

const tags = ['matching'];

/** A community's match profile: what projects it looks for, and its zones' free space. */
export const matchProfileRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/communities/:communityId/match-profile',
    {
      schema: {
        tags,
        summary: "The community's match profile (defaults and version 0 before the first save) and its zones' free space (members)",
        params: communityParams,
        response: { 200: matchProfileSchema },
      },
    },
    (req) => profiles.getProfile(contextOf(req), req.params.communityId),
  );

  app.put(
    '/api/communities/:communityId/match-profile',
    {
      schema: {
        tags,
        summary: 'Save the match profile at the version read: focus segments and stages, entry milestones and qualifications, regions, statement (pipeline.write; audited; 409 on a stale version)',
        params: communityParams,
        body: matchProfileInput,
        response: { 200: matchProfileSchema },
      },
    },
    (req) => profiles.saveProfile(contextOf(req), req.params.communityId, req.body),
  );
};
