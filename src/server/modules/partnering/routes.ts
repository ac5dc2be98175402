import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Participants' partnering routes (/api/events/:eventId/partnering/…, /api/me/partnering). */
export const partneringRoutes: FastifyPluginAsyncZod = async () => {};
