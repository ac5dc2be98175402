import type { FastifyInstance } from 'fastify';

/** Zones, landings, incubation records and yearly figures. */
export async function landingRoutes(_app: FastifyInstance): Promise<void> {}
