import type { FastifyInstance } from 'fastify';

/** Referrals of projects between communities. */
export async function referralRoutes(_app: FastifyInstance): Promise<void> {}
