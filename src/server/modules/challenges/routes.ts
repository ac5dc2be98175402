import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';

/** Routes of this capability (issue 7: matchmaking, briefs and challenges). */
export const challengeRoutes: FastifyPluginAsyncZod = async () => {};
