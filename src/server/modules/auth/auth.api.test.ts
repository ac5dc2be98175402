import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../../demo/accounts';
import type { SessionInfo } from '../../../shared/schemas/auth';
import { Client, signedIn, startTestApp, type TestApp } from '../../../../test/app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ env: { LOGIN_MAX_FAILURES: '3', LOGIN_LOCK_MINUTES: '15', LOGIN_MAX_PER_IP: '8' } });
});
afterAll(() => t.close());

async function outboxFor(email: string) {
  const admin = await signedIn(t.app, 'admin@biobridge.demo');
  const res = await admin.get<{ items: { recipient: string; template: string; payload: Record<string, unknown> }[] }>('/api/admin/outbox?limit=200');
  return res.body.items.filter((m) => m.recipient === email);
}

describe('sign-in and sessions', () => {
  it('signs in, reports the session with its communities and CSRF token, and signs out', async () => {
    const c = new Client(t.app);
    expect((await c.get<SessionInfo>('/api/auth/session')).body.user).toBeNull();
    await c.signIn('park.admin@biobridge.demo');
    const session = await c.get<SessionInfo>('/api/auth/session');
    expect(session.body.user?.email).toBe('park.admin@biobridge.demo');
    expect(session.body.csrfToken).toBe(c.csrfToken);
    expect(session.body.communities.map((x) => [x.slug, x.role])).toEqual([
      ['china-medical-city', 'community_admin'],
      ['taizhou-shanghai-centre', 'staff'],
    ]);
    expect((await c.post('/api/auth/sign-out')).status).toBe(200);
    expect(c.cookie).toBeNull();
  });

  it('sets an httpOnly SameSite cookie and never stores the raw token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      payload: { email: 'staff@biobridge.demo', password: DEMO_PASSWORD },
    });
    const cookie = res.cookies.find((x) => x.name === 'bb_session')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    const rows = await t.database.withConnection((conn) => conn.rows<{ id_hash: string }>('select id_hash from sessions'));
    expect(rows.some((r) => r.id_hash === cookie.value)).toBe(false);
  });

  it('is case-insensitive on e-mail and answers the same for an unknown account as for a wrong password', async () => {
    const ok = await new Client(t.app, '10.1.0.1').post('/api/auth/sign-in', { email: 'Member@BioBridge.demo', password: DEMO_PASSWORD });
    expect(ok.status).toBe(200);
    const unknown = await new Client(t.app, '10.1.0.2').post<{ error: { code: string } }>('/api/auth/sign-in', { email: 'nobody@x.demo', password: 'x' });
    const wrong = await new Client(t.app, '10.1.0.3').post<{ error: { code: string } }>('/api/auth/sign-in', { email: 'member@biobridge.demo', password: 'wrong' });
    expect([unknown.status, unknown.body.error.code]).toEqual([401, 'invalid_credentials']);
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'invalid_credentials']);
  });

  it('locks an account after repeated failures, even with the right password, and audits the lock', async () => {
    const c = new Client(t.app, '10.2.0.1');
    for (let i = 0; i < 2; i++) expect((await c.post('/api/auth/sign-in', { email: 'viewer@biobridge.demo', password: 'nope' })).status).toBe(401);
    const third = await c.post<{ error: { code: string; message: string } }>('/api/auth/sign-in', { email: 'viewer@biobridge.demo', password: 'nope' });
    expect([third.status, third.body.error.code]).toEqual([423, 'account_locked']);
    expect(third.body.error.message).toContain('15');
    const right = await c.post<{ error: { code: string } }>('/api/auth/sign-in', { email: 'viewer@biobridge.demo', password: DEMO_PASSWORD });
    expect(right.body.error.code).toBe('account_locked');
    const rows = await t.database.withConnection((conn) =>
      conn.rows<{ action: string }>(`select action from audit_log where action = 'user.locked'`),
    );
    expect(rows).toHaveLength(1);
  });

  it('limits failed attempts from one address across accounts', async () => {
    const c = new Client(t.app, '10.3.0.1');
    const codes: string[] = [];
    for (let i = 0; i < 9; i++) {
      const res = await c.post<{ error: { code: string } }>('/api/auth/sign-in', { email: `ghost${i}@x.demo`, password: 'x' });
      codes.push(res.body.error.code);
    }
    expect(codes.slice(0, 8).every((code) => code === 'invalid_credentials')).toBe(true);
    expect(codes[8]).toBe('rate_limited');
    // Another address is not affected.
    expect((await new Client(t.app, '10.3.0.2').post('/api/auth/sign-in', { email: 'judge@biobridge.demo', password: DEMO_PASSWORD })).status).toBe(200);
  });
});

describe('CSRF protection', () => {
  it('refuses a cookie-authenticated write without the token, and with a foreign Origin', async () => {
    const c = await signedIn(t.app, 'investor@biobridge.demo');
    const token = c.csrfToken;
    c.csrfToken = null;
    const missing = await c.patch<{ error: { code: string } }>('/api/me', { displayName: '赵明轩' });
    expect([missing.status, missing.body.error.code]).toEqual([403, 'csrf_failed']);
    c.csrfToken = 'x'.repeat(43);
    expect((await c.patch('/api/me', { displayName: '赵明轩' })).status).toBe(403);
    c.csrfToken = token;
    const foreign = await c.request<{ error: { code: string } }>('PATCH', '/api/me', { displayName: '赵明轩' }, { origin: 'https://evil.example' });
    expect(foreign.body.error.code).toBe('csrf_failed');
    expect((await c.patch('/api/me', { displayName: '赵明轩' })).status).toBe(200);
  });
});

describe('passwords', () => {
  it('changes the password, checks the current one and the rule, and signs out other sessions', async () => {
    const a = await signedIn(t.app, 'provider@biobridge.demo');
    const b = await signedIn(t.app, 'provider@biobridge.demo');
    const wrong = await a.post<{ error: { fields: Record<string, string> } }>('/api/auth/password', { currentPassword: 'bad', newPassword: 'NewSecret2027' });
    expect(wrong.status).toBe(400);
    expect(Object.keys(wrong.body.error.fields)).toEqual(['currentPassword']);
    const weak = await a.post<{ error: { fields: Record<string, string> } }>('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(Object.keys(weak.body.error.fields)).toEqual(['newPassword']);
    expect((await a.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'NewSecret2027' })).status).toBe(200);
    expect((await a.get<SessionInfo>('/api/auth/session')).body.user?.email).toBe('provider@biobridge.demo');
    expect((await b.get<SessionInfo>('/api/auth/session')).body.user).toBeNull();
    await new Client(t.app, '10.4.0.1').signIn('provider@biobridge.demo', 'NewSecret2027');
    expect((await outboxFor('provider@biobridge.demo')).map((m) => m.template)).toContain('password_changed');
  });

  it('resets a password through a one-time link from the outbox', async () => {
    const anon = new Client(t.app, '10.5.0.1');
    const unknown = await anon.post('/api/auth/password-reset/request', { email: 'nobody@x.demo' });
    expect(unknown.status).toBe(202);
    expect((await anon.post('/api/auth/password-reset/request', { email: 'judge@biobridge.demo' })).status).toBe(202);
    const [mail] = await outboxFor('judge@biobridge.demo');
    expect(mail?.template).toBe('password_reset');
    const link = String(mail!.payload.link);
    expect(link.startsWith('http://bb.test/reset-password/')).toBe(true);
    const token = link.split('/').pop()!;
    const weak = await anon.post('/api/auth/password-reset/confirm', { token, newPassword: 'abc' });
    expect(weak.status).toBe(400);
    expect((await anon.post('/api/auth/password-reset/confirm', { token, newPassword: 'JudgeAgain2027' })).status).toBe(200);
    const again = await anon.post<{ error: { code: string } }>('/api/auth/password-reset/confirm', { token, newPassword: 'JudgeOnce2028' });
    expect([again.status, again.body.error.code]).toEqual([410, 'reset_token_invalid']);
    await new Client(t.app, '10.5.0.2').signIn('judge@biobridge.demo', 'JudgeAgain2027');
  });

  it('lets exactly one of two simultaneous confirmations of one token win', async () => {
    const anon = new Client(t.app, '10.6.0.1');
    await anon.post('/api/auth/password-reset/request', { email: 'staff@biobridge.demo' });
    const [mail] = await outboxFor('staff@biobridge.demo');
    const token = String(mail!.payload.link).split('/').pop()!;
    const results = await Promise.all([
      anon.post('/api/auth/password-reset/confirm', { token, newPassword: 'FirstWins2027' }),
      anon.post('/api/auth/password-reset/confirm', { token, newPassword: 'SecondWins2027' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 410]);
  });
});

describe('profile', () => {
  it('updates name and language, and audits it', async () => {
    const c = await signedIn(t.app, 'member@biobridge.demo');
    const res = await c.patch<{ locale: string; displayName: string }>('/api/me', { locale: 'en', displayName: '孙悦 Sun Yue' });
    expect(res.body).toMatchObject({ locale: 'en', displayName: '孙悦 Sun Yue' });
    const rows = await t.database.withConnection((conn) =>
      conn.rows<{ changes: Record<string, { before: unknown; after: unknown }> }>(`select changes from audit_log where action = 'user.updated' order by id`),
    );
    expect(rows.at(-1)?.changes.locale).toEqual({ before: 'zh-CN', after: 'en' });
  });
});
