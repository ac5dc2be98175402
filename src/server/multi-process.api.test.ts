import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { SessionInfo } from '../shared/schemas/auth';
import { Client, startTestApp, type TestApp } from '../../test/app';
import { buildApp } from './app';

/**
 * Two app instances over one database stand for two server processes behind a load
 * balancer: whatever one process knows about sessions and sign-in failures, the other must too.
 */
let t: TestApp;
let second: FastifyInstance;
beforeAll(async () => {
  t = await startTestApp({ env: { LOGIN_MAX_FAILURES: '2' } });
  second = await buildApp({ config: t.config, database: t.database, version: 'test', webDir: null });
  await second.ready();
});
afterAll(async () => {
  await second.close();
  await t.close();
});

describe('several server processes on one database', () => {
  it('share sessions: signed in on one, recognised and signed out on the other', async () => {
    const a = await new Client(t.app).signIn('staff@biobridge.demo');
    const b = new Client(second);
    b.cookie = a.cookie;
    b.csrfToken = a.csrfToken;
    expect((await b.get<SessionInfo>('/api/auth/session')).body.user?.email).toBe('staff@biobridge.demo');
    expect((await b.patch('/api/me', { displayName: '王磊' })).status).toBe(200);
    await b.post('/api/auth/sign-out');
    expect((await a.get<SessionInfo>('/api/auth/session')).body.user).toBeNull();
  });

  it('share sign-in failures: the lockout counts attempts made on either', async () => {
    await new Client(t.app, '10.7.0.1').post('/api/auth/sign-in', { email: 'judge@biobridge.demo', password: 'wrong' });
    const res = await new Client(second, '10.7.0.2').post<{ error: { code: string } }>('/api/auth/sign-in', { email: 'judge@biobridge.demo', password: 'wrong' });
    expect(res.body.error.code).toBe('account_locked');
  });
});
