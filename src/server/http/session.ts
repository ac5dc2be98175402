import crypto from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { localeFromAcceptLanguage, type Locale } from '../../domain/locales';
import type { Config } from '../config';
import { resolveSession } from '../modules/auth/service';
import type { AuthUser } from './context';
import { AppError } from './errors';

export const SESSION_COOKIE = 'bb_session';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    auth: { user: AuthUser; sessionIdHash: string; csrfToken: string } | null;
    locale: Locale;
  }
  interface FastifyContextConfig {
    /** Set to false on routes that run before a session exists (sign-in, reset, invitation). */
    csrf?: boolean;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

/**
 * Resolves the session cookie and the caller's language on every API request, and guards
 * writes against cross-site requests: a foreign Origin is refused outright, and a
 * cookie-authenticated write must echo the session's CSRF token in X-CSRF-Token.
 */
export function registerSessionHooks(app: FastifyInstance): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('locale', 'zh-CN');
  app.addHook('onRequest', async (req) => {
    req.locale = localeFromAcceptLanguage(req.headers['accept-language']);
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (token && token.length <= 100) {
      req.auth = await resolveSession({ db: req.server.deps.database.db, config: req.server.deps.config }, token);
    }
    if (!UNSAFE.has(req.method)) return;
    const origin = req.headers.origin;
    if (origin && origin !== 'null') {
      let host: string | null = null;
      try {
        host = new URL(origin).host;
      } catch {
        host = null;
      }
      if (host !== req.headers.host) throw new AppError('csrf_failed');
    }
    if (req.auth && req.routeOptions.config.csrf !== false) {
      const sent = req.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || !sameToken(sent, req.auth.csrfToken)) throw new AppError('csrf_failed');
    }
  });
}

export function setSessionCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.cookieSecure,
    path: '/',
    maxAge: config.SESSION_TTL_HOURS * 3600,
  });
}

export function clearSessionCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: config.cookieSecure, path: '/' });
}
