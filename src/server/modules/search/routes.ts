import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { searchQuery, searchResultSchema } from '../../../shared/schemas/search';
import { contextOf } from '../../http/context';
import * as searchService from './service';

export const searchRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/search',
    {
      schema: {
        tags: ['search'],
        summary:
          'One box over organisations, people and projects: relevance-ranked (simplified and traditional Chinese fold together, English stemmed, codes exact), with facets and keyset pages; only records the viewer may see',
        querystring: searchQuery,
        response: { 200: searchResultSchema },
      },
    },
    (req) => searchService.search(contextOf(req), req.query),
  );
};
