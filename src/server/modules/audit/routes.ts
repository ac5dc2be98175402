import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { auditPage, auditQuery } from '../../../shared/schemas/audit';
import { communityParams } from '../../../shared/schemas/common';
import { contextOf } from '../../http/context';
import { listCommunityAudit } from './service';

export const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/communities/:communityId/audit',
    {
      schema: {
        tags: ['audit'],
        summary: "A community's audit log, newest first (community admins)",
        params: communityParams,
        querystring: auditQuery,
        response: { 200: auditPage },
      },
    },
    (req) => listCommunityAudit(contextOf(req), req.params.communityId, req.query),
  );
};
