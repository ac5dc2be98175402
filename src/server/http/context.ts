import type { FastifyRequest } from 'fastify';
import type { Locale } from '../../domain/locales';
import type { Config } from '../config';
import type { Db } from '../db/client';
import type { FileStorage } from '../storage/storage';
import { AppError } from './errors';

export interface AuthUser {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  isPlatformAdmin: boolean;
}

/** What every service call knows about who is asking and how to reach the database. */
export interface RequestContext {
  db: Db;
  config: Config;
  storage: FileStorage;
  user: AuthUser | null;
  /** Hash of the current session's token, when signed in by cookie. */
  sessionIdHash: string | null;
  requestId: string;
  ip: string;
  userAgent: string | null;
  locale: Locale;
}

export function contextOf(req: FastifyRequest): RequestContext {
  return {
    db: req.server.deps.database.db,
    config: req.server.deps.config,
    storage: req.server.deps.storage,
    user: req.auth?.user ?? null,
    sessionIdHash: req.auth?.sessionIdHash ?? null,
    requestId: req.id,
    ip: req.ip,
    userAgent: req.headers['user-agent']?.slice(0, 500) ?? null,
    locale: req.locale,
  };
}

export function requireUser(ctx: RequestContext): AuthUser {
  if (!ctx.user) throw new AppError('unauthenticated');
  return ctx.user;
}
