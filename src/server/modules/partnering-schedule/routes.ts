import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Organisers' partnering routes (/api/communities/:communityId/events/:eventId/partnering/…). */
export const partneringScheduleRoutes: FastifyPluginAsyncZod = async () => {};
