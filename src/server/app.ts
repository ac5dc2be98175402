import crypto from 'node:crypto';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import helmet from '@fastify/helmet';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { Database } from './db/client';
import { registerErrorHandler } from './http/error-handler';
import { registerOpenApi } from './http/openapi';
import { registerSessionHooks } from './http/session';
import { validatorCompiler } from './http/validation';
import { registerWeb } from './http/web';
import { auditRoutes } from './modules/audit/routes';
import { authRoutes } from './modules/auth/routes';
import { communityRoutes } from './modules/communities/routes';
import { directoryRoutes } from './modules/directory/routes';
import { healthRoutes } from './modules/health/routes';
import { memberRoutes } from './modules/members/routes';
import { noteRoutes } from './modules/notes/routes';
import { outboxRoutes } from './modules/outbox/routes';
import { searchRoutes } from './modules/search/routes';
import { transferRoutes } from './modules/transfer/routes';
import { lifecycleRoutes } from './modules/lifecycle/routes';
import { pipelineRoutes } from './modules/pipelines/routes';
import { referralRoutes } from './modules/referrals/routes';
import { landingRoutes } from './modules/landing/routes';
import { agreementRoutes } from './modules/agreements/routes';
import { eventRoutes } from './modules/events/routes';
import { registrationRoutes } from './modules/registrations/routes';
import { eventDoorRoutes } from './modules/event-door/routes';
import { applicationRoutes } from './modules/applications/routes';
import { judgingRoutes } from './modules/judging/routes';
import { eventOutcomeRoutes } from './modules/event-outcomes/routes';
import { partneringRoutes } from './modules/partnering/routes';
import { partneringScheduleRoutes } from './modules/partnering-schedule/routes';
import { matchingRoutes } from './modules/matching/routes';
import { thesaurusRoutes } from './modules/thesaurus/routes';
import { matchProfileRoutes } from './modules/match-profiles/routes';
import { briefRoutes } from './modules/briefs/routes';
import { challengeRoutes } from './modules/challenges/routes';
import { uploadsDirOf } from './ops/file-backups';
import { FilesystemStorage, type FileStorage } from './storage/storage';

export interface AppDeps {
  config: Config;
  database: Database;
  version: string;
  /** Directory of the built web app (dist/web); null to serve the API only. */
  webDir: string | null;
  logger?: FastifyServerOptions['logger'];
  /** Where uploaded bytes go; defaults to the filesystem under FILES_DIR or DATA_DIR/files. */
  storage?: FileStorage;
}

declare module 'fastify' {
  interface FastifyInstance {
    deps: AppDeps & { storage: FileStorage };
    /** Every route registered, for the tenancy sweep and the docs. */
    routeList: { method: string; url: string }[];
  }
}

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

/** Builds the whole HTTP application around an open, migrated database. Tests call this directly. */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? { level: deps.config.LOG_LEVEL },
    bodyLimit: deps.config.BODY_LIMIT,
    trustProxy: deps.config.TRUST_PROXY,
    // Keep a caller's request id (from a proxy) when it looks like one; otherwise make one.
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
    },
    routerOptions: { maxParamLength: 200 },
  }).withTypeProvider<ZodTypeProvider>();

  const storage = deps.storage ?? new FilesystemStorage(uploadsDirOf(deps.config));
  app.decorate('deps', { ...deps, storage });
  const routeList: { method: string; url: string }[] = [];
  app.decorate('routeList', routeList);
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) if (method !== 'HEAD') routeList.push({ method, url: route.url });
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API speaks JSON only: anything else is 415, so a cross-site form post can never
  // smuggle a body in (forms cannot send application/json without a CORS preflight).
  app.removeContentTypeParser('text/plain');
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id);
  });
  registerErrorHandler(app);

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS styles at run time.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: deps.config.cookieSecure,
  });
  await app.register(cookie);
  // Uploads (logos, pitch decks, spreadsheets): one file per request, streamed to storage.
  await app.register(multipart, { limits: { fileSize: deps.config.UPLOAD_LIMIT, files: 1, fields: 10, fieldSize: 1000 } });
  registerSessionHooks(app);
  await registerOpenApi(app, deps.version);

  await app.register(healthRoutes);
  await app.register(authRoutes);
  await app.register(communityRoutes);
  await app.register(memberRoutes);
  await app.register(auditRoutes);
  await app.register(outboxRoutes);
  await app.register(directoryRoutes);
  await app.register(noteRoutes);
  await app.register(searchRoutes);
  await app.register(transferRoutes);
  await app.register(lifecycleRoutes);
  await app.register(pipelineRoutes);
  await app.register(referralRoutes);
  await app.register(landingRoutes);
  await app.register(agreementRoutes);
  await app.register(eventRoutes);
  await app.register(registrationRoutes);
  await app.register(eventDoorRoutes);
  await app.register(applicationRoutes);
  await app.register(judgingRoutes);
  await app.register(eventOutcomeRoutes);
  await app.register(partneringRoutes);
  await app.register(partneringScheduleRoutes);
  await app.register(matchingRoutes);
  await app.register(thesaurusRoutes);
  await app.register(matchProfileRoutes);
  await app.register(briefRoutes);
  await app.register(challengeRoutes);
  await registerWeb(app, deps.webDir);
  return app;
}
