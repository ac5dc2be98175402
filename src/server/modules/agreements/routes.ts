import type { FastifyInstance } from 'fastify';

/** Agreements, their parties and attachments, totals and export. */
export async function agreementRoutes(_app: FastifyInstance): Promise<void> {}
