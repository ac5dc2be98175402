import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  changePasswordBody,
  passwordResetConfirmBody,
  passwordResetRequestBody,
  sessionResponse,
  signInBody,
  updateMeBody,
  userSchema,
} from '../../../shared/schemas/auth';
import { okResponse } from '../../../shared/schemas/common';
import { contextOf } from '../../http/context';
import { clearSessionCookie, setSessionCookie } from '../../http/session';
import * as auth from './service';

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/api/auth/sign-in',
    {
      config: { csrf: false },
      schema: {
        tags: ['auth'],
        summary: 'Sign in with e-mail and password; sets the session cookie',
        description:
          'Repeated failures lock the account for LOGIN_LOCK_MINUTES (423 account_locked); too many failures from one address answer 429 rate_limited.',
        body: signInBody,
        response: { 200: sessionResponse },
      },
    },
    async (req, reply) => {
      const { token, info } = await auth.signIn(contextOf(req), req.body);
      setSessionCookie(reply, req.server.deps.config, token);
      return info;
    },
  );

  app.post(
    '/api/auth/sign-out',
    { config: { csrf: false }, schema: { tags: ['auth'], summary: 'End the current session', response: { 200: okResponse } } },
    async (req, reply) => {
      await auth.signOut(contextOf(req));
      clearSessionCookie(reply, req.server.deps.config);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user, the CSRF token for writes, and the communities they can open',
        response: { 200: sessionResponse },
      },
    },
    (req) => auth.sessionInfo(contextOf(req), req.auth?.csrfToken ?? null),
  );

  app.post(
    '/api/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: "Change the signed-in user's password; signs out their other sessions",
        body: changePasswordBody,
        response: { 200: okResponse },
      },
    },
    async (req) => {
      await auth.changePassword(contextOf(req), req.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/password-reset/request',
    {
      config: { csrf: false },
      schema: {
        tags: ['auth'],
        summary: 'Send a one-time password-reset link (queued in the outbox); answers the same whether or not the account exists',
        body: passwordResetRequestBody,
        response: { 202: okResponse },
      },
    },
    async (req, reply) => {
      await auth.requestPasswordReset(contextOf(req), req.body);
      return reply.status(202).send({ ok: true as const });
    },
  );

  app.post(
    '/api/auth/password-reset/confirm',
    {
      config: { csrf: false },
      schema: {
        tags: ['auth'],
        summary: 'Set a new password with a reset token; signs the account out everywhere',
        body: passwordResetConfirmBody,
        response: { 200: okResponse },
      },
    },
    async (req) => {
      await auth.confirmPasswordReset(contextOf(req), req.body);
      return { ok: true as const };
    },
  );

  app.patch(
    '/api/me',
    {
      schema: { tags: ['auth'], summary: "Update the signed-in user's name or language", body: updateMeBody, response: { 200: userSchema } },
    },
    (req) => auth.updateMe(contextOf(req), req.body),
  );
};
