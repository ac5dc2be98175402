import type { FastifyInstance } from 'fastify';

/** Lifecycle models, project stage moves, milestones and the lifecycle board. */
export async function lifecycleRoutes(_app: FastifyInstance): Promise<void> {}
