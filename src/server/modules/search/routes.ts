import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

// Routes of this module are added by the work on issue 3 (directory); see src/shared/schemas.
export const searchRoutes: FastifyPluginAsyncZod = async () => {};
