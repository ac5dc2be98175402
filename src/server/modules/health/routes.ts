import { z } from 'zod';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { pingDatabase } from './service';

const healthResponse = z.object({ status: z.literal('ok'), database: z.enum(['pglite', 'postgres']), version: z.string() });

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/api/health',
    { schema: { tags: ['platform'], summary: 'Liveness and database reachability', response: { 200: healthResponse } } },
    async () => {
      const { database, version } = app.deps;
      await pingDatabase(database.db);
      return { status: 'ok' as const, database: database.kind, version };
    },
  );
};
