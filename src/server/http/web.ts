import fs from 'node:fs';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { AppError } from './errors';

/**
 * Serves the built web app. Any GET outside /api that is not a file gets index.html, so
 * the client-side router handles deep links; unknown /api paths answer a JSON 404.
 */
export async function registerWeb(app: FastifyInstance, webDir: string | null): Promise<void> {
  const index = webDir ? path.join(webDir, 'index.html') : null;
  const hasWeb = index !== null && fs.existsSync(index);
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webDir!,
      // Look files up per request, so assets of a rebuild are served without a restart.
      wildcard: true,
      index: ['index.html'],
      // Hashed asset names never change content: cache them for a year; index.html never.
      setHeaders: (res, filePath) => {
        res.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((req, reply) => {
    const pathname = req.url.split('?')[0] ?? '';
    // A missing file (a stale asset name, say) must be a 404, not index.html served as script.
    const isFile = pathname.startsWith('/assets/') || /\.[a-z0-9]{1,8}$/i.test(pathname);
    if (pathname.startsWith('/api/') || pathname === '/api' || isFile || (req.method !== 'GET' && req.method !== 'HEAD') || !hasWeb) {
      throw new AppError('not_found');
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
