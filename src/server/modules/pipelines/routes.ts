import type { FastifyInstance } from 'fastify';

/** Pipelines, stages, items, moves, activities, conversion and reminders. */
export async function pipelineRoutes(_app: FastifyInstance): Promise<void> {}
