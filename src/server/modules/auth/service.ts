import { normaliseEmail } from '../../../domain/email';
import { isLocale, type Locale } from '../../../domain/locales';
import { passwordProblem } from '../../../domain/password-policy';
import type { SessionInfo, User } from '../../../shared/schemas/auth';
import type { Tx } from '../../db/client';
import type { AuthUser, RequestContext } from '../../http/context';
import { requireUser } from '../../http/context';
import { AppError } from '../../http/errors';
import { dummyPasswordHash, hashPassword, verifyPassword } from '../../lib/password';
import { hashToken, randomToken } from '../../lib/tokens';
import { recordAudit } from '../audit/record';
import { listMyCommunities } from '../communities/service';
import { enqueueEmail } from '../outbox/enqueue';
import * as q from './queries';

const IP_WINDOW_MINUTES = 15;
const RESET_TOKEN_HOURS = 1;

export function toUser(row: q.UserRow): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.displayName,
    locale: isLocale(row.locale) ? row.locale : 'zh-CN',
    isPlatformAdmin: row.isPlatformAdmin,
  };
}

/** Checks the password rule and throws a field error naming `field` when it fails. */
export function assertPasswordAcceptable(password: string, email: string, field: string): void {
  const problem = passwordProblem(password, email);
  if (problem) throw new AppError('validation_failed', { fields: { [field]: problem } });
}

export interface NewSession {
  token: string;
  info: SessionInfo;
}

/** Creates a session row for `user` inside `tx` and returns the cookie token. */
export async function startSession(tx: Tx, ctx: RequestContext, user: q.UserRow): Promise<NewSession> {
  const token = randomToken();
  const csrfToken = randomToken();
  await q.insertSession(tx, {
    idHash: hashToken(token),
    userId: user.id,
    csrfToken,
    expiresAt: new Date(Date.now() + ctx.config.SESSION_TTL_HOURS * 3600_000),
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  });
  const authUser = toUser(user);
  return { token, info: { user: authUser, csrfToken, communities: await listMyCommunities(tx, authUser) } };
}

type SignInOutcome =
  | { kind: 'ok'; session: NewSession }
  | { kind: 'locked'; minutes: number }
  | { kind: 'invalid' };

export async function signIn(ctx: RequestContext, input: { email: string; password: string }): Promise<NewSession> {
  const email = normaliseEmail(input.email);
  const { config, db } = ctx;
  if ((await q.failedAttemptsFromIp(db, ctx.ip, IP_WINDOW_MINUTES)) >= config.LOGIN_MAX_PER_IP) {
    throw new AppError('rate_limited', { params: { minutes: IP_WINDOW_MINUTES } });
  }
  const user = await q.findUserByEmail(db, email);
  const lockedFor = (row: q.UserRow | undefined) =>
    row?.lockedUntil && row.lockedUntil.getTime() > Date.now()
      ? Math.ceil((row.lockedUntil.getTime() - Date.now()) / 60_000)
      : 0;
  if (user && lockedFor(user) > 0) {
    await q.recordLoginAttempt(db, { email, ip: ctx.ip, succeeded: false });
    throw new AppError('account_locked', { params: { minutes: lockedFor(user) } });
  }
  // Hashing is slow and PGlite runs one query at a time: verify before opening the transaction.
  const valid = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), input.password);

  const outcome = await db.transaction(async (tx): Promise<SignInOutcome> => {
    await q.recordLoginAttempt(tx, { email, ip: ctx.ip, succeeded: Boolean(user && valid && !user.disabledAt) });
    if (!user || user.disabledAt) return { kind: 'invalid' };
    const current = await q.lockUser(tx, user.id);
    if (!current) return { kind: 'invalid' };
    if (lockedFor(current) > 0) return { kind: 'locked', minutes: lockedFor(current) };
    if (!valid) {
      const failures = current.failedLoginCount + 1;
      if (failures >= config.LOGIN_MAX_FAILURES) {
        const lockedUntil = new Date(Date.now() + config.LOGIN_LOCK_MINUTES * 60_000);
        const after = await q.updateUser(tx, user.id, { failedLoginCount: 0, lockedUntil });
        await recordAudit(tx, { user: null, requestId: ctx.requestId }, {
          communityId: null,
          action: 'user.locked',
          entityType: 'user',
          entityId: user.id,
          entityLabel: user.email,
          before: { lockedUntil: current.lockedUntil },
          after: { lockedUntil: after.lockedUntil },
        });
        return { kind: 'locked', minutes: config.LOGIN_LOCK_MINUTES };
      }
      await q.updateUser(tx, user.id, { failedLoginCount: failures });
      return { kind: 'invalid' };
    }
    if (current.failedLoginCount !== 0 || current.lockedUntil) {
      await q.updateUser(tx, user.id, { failedLoginCount: 0, lockedUntil: null });
    }
    const session = await startSession(tx, ctx, current);
    await recordAudit(tx, { user: toUser(current), requestId: ctx.requestId }, {
      communityId: null,
      action: 'user.signed_in',
      entityType: 'user',
      entityId: user.id,
      entityLabel: user.email,
      before: null,
      after: { ip: ctx.ip },
    });
    return { kind: 'ok', session };
  });
  // Thrown only after the transaction committed, so failure counters are kept.
  if (outcome.kind === 'locked') throw new AppError('account_locked', { params: { minutes: outcome.minutes } });
  if (outcome.kind === 'invalid') throw new AppError('invalid_credentials');
  return outcome.session;
}

export async function signOut(ctx: RequestContext): Promise<void> {
  const user = ctx.user;
  if (!user || !ctx.sessionIdHash) return;
  const idHash = ctx.sessionIdHash;
  await ctx.db.transaction(async (tx) => {
    await q.deleteSession(tx, idHash);
    await recordAudit(tx, ctx, {
      communityId: null,
      action: 'user.signed_out',
      entityType: 'user',
      entityId: user.id,
      entityLabel: user.email,
      before: null,
      after: null,
    });
  });
}

export async function sessionInfo(ctx: RequestContext, csrfToken: string | null): Promise<SessionInfo> {
  if (!ctx.user) return { user: null, csrfToken: null, communities: [] };
  return { user: ctx.user, csrfToken, communities: await listMyCommunities(ctx.db, ctx.user) };
}

export async function changePassword(ctx: RequestContext, input: { currentPassword: string; newPassword: string }) {
  const me = requireUser(ctx);
  const row = await q.findUserById(ctx.db, me.id);
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new AppError('validation_failed', { fields: { currentPassword: 'current_password_wrong' } });
  }
  assertPasswordAcceptable(input.newPassword, row.email, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    const before = await q.lockUser(tx, me.id);
    const after = await q.updateUser(tx, me.id, { passwordHash, passwordChangedAt: new Date() });
    await q.deleteOtherSessions(tx, me.id, ctx.sessionIdHash);
    await q.expireResetTokens(tx, me.id);
    await recordAudit(tx, ctx, {
      communityId: null,
      action: 'user.password_changed',
      entityType: 'user',
      entityId: me.id,
      entityLabel: me.email,
      before: { passwordHash: before?.passwordHash },
      after: { passwordHash: after.passwordHash },
    });
    await enqueueEmail(tx, { recipient: row.email, template: 'password_changed', locale: me.locale, payload: { displayName: row.displayName } });
  });
}

/** Always succeeds from the caller's point of view, so it cannot be used to find accounts. */
export async function requestPasswordReset(ctx: RequestContext, input: { email: string }) {
  const user = await q.findUserByEmail(ctx.db, normaliseEmail(input.email));
  if (!user || user.disabledAt) return;
  const token = randomToken();
  await ctx.db.transaction(async (tx) => {
    await q.expireResetTokens(tx, user.id);
    await q.insertResetToken(tx, {
      tokenHash: hashToken(token),
      userId: user.id,
      expiresAt: new Date(Date.now() + RESET_TOKEN_HOURS * 3600_000),
    });
    await recordAudit(tx, { user: null, requestId: ctx.requestId }, {
      communityId: null,
      action: 'user.password_reset_requested',
      entityType: 'user',
      entityId: user.id,
      entityLabel: user.email,
      before: null,
      after: null,
    });
    await enqueueEmail(tx, {
      recipient: user.email,
      template: 'password_reset',
      locale: isLocale(user.locale) ? user.locale : ctx.locale,
      payload: { displayName: user.displayName, link: `${ctx.config.publicUrl}/reset-password/${token}`, expiresInHours: RESET_TOKEN_HOURS },
    });
  });
}

export async function confirmPasswordReset(ctx: RequestContext, input: { token: string; newPassword: string }) {
  const tokenHash = hashToken(input.token);
  const owner = await q.findResetTokenOwner(ctx.db, tokenHash);
  if (!owner) throw new AppError('reset_token_invalid');
  assertPasswordAcceptable(input.newPassword, owner.email, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await ctx.db.transaction(async (tx) => {
    const userId = await q.consumeResetToken(tx, tokenHash);
    if (!userId) throw new AppError('reset_token_invalid');
    const before = await q.lockUser(tx, userId);
    const after = await q.updateUser(tx, userId, { passwordHash, passwordChangedAt: new Date(), failedLoginCount: 0, lockedUntil: null });
    await q.deleteOtherSessions(tx, userId, null);
    await q.expireResetTokens(tx, userId);
    await recordAudit(tx, { user: null, requestId: ctx.requestId }, {
      communityId: null,
      action: 'user.password_reset',
      entityType: 'user',
      entityId: userId,
      entityLabel: after.email,
      before: { passwordHash: before?.passwordHash, lockedUntil: before?.lockedUntil ?? null },
      after: { passwordHash: after.passwordHash, lockedUntil: null },
    });
  });
}

export async function updateMe(ctx: RequestContext, input: { displayName?: string; locale?: Locale }): Promise<AuthUser> {
  const me = requireUser(ctx);
  return ctx.db.transaction(async (tx) => {
    const before = await q.lockUser(tx, me.id);
    const after = await q.updateUser(tx, me.id, input);
    await recordAudit(tx, ctx, {
      communityId: null,
      action: 'user.updated',
      entityType: 'user',
      entityId: me.id,
      entityLabel: me.email,
      before: { displayName: before?.displayName, locale: before?.locale },
      after: { displayName: after.displayName, locale: after.locale },
    });
    return toUser(after);
  });
}

/** Sliding expiry costs one write per session every few minutes, not one per request. */
const TOUCH_EVERY_MS = 5 * 60_000;

/** The signed-in user behind a session cookie, or null when it is unknown, expired or disabled. */
export async function resolveSession(ctx: Pick<RequestContext, 'db' | 'config'>, token: string) {
  const idHash = hashToken(token);
  const found = await q.findLiveSession(ctx.db, idHash);
  if (!found) return null;
  if (Date.now() - found.session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await q.touchSession(ctx.db, idHash, ctx.config.SESSION_TTL_HOURS);
  }
  return { user: toUser(found.user), sessionIdHash: idHash, csrfToken: found.session.csrfToken };
}
