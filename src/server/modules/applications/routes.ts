import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

// Placeholder registered in app.ts; the routes of this module replace it.
export const applicationRoutes: FastifyPluginAsyncZod = async () => {};
