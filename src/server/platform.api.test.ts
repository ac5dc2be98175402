import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signedIn, startTestApp, type TestApp } from '../../test/app';

let t: TestApp;
let admin: Client;
let cmc: string;
beforeAll(async () => {
  t = await startTestApp({ env: { BODY_LIMIT: '4096' } });
  admin = await signedIn(t.app, 'park.admin@biobridge.demo');
  cmc = admin.communityId('china-medical-city');
});
afterAll(() => t.close());

type ErrorReply = { error: { code: string; message: string; fields?: Record<string, string>; requestId: string } };

describe('platform endpoints', () => {
  it('reports health with the database kind and version', async () => {
    const res = await new Client(t.app).get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', database: t.database.kind, version: 'test' });
  });

  it('serves an OpenAPI 3 document generated from the route schemas, and the reference page', async () => {
    const res = await new Client(t.app).get<{ openapi: string; paths: Record<string, Record<string, { requestBody?: unknown }>> }>('/api/openapi.json');
    expect(res.body.openapi).toMatch(/^3\./);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/api/auth/sign-in', '/api/communities/{communityId}/members', '/api/communities/{communityId}/audit']));
    expect(JSON.stringify(res.body.paths['/api/auth/sign-in']?.post?.requestBody)).toContain('password');
    const docs = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
  });

  it('documents every API route, each with a summary', async () => {
    const res = await new Client(t.app).get<{ paths: Record<string, Record<string, { summary?: string }>> }>('/api/openapi.json');
    const undocumented = t.app.routeList
      .filter((r) => r.url.startsWith('/api/') && !r.url.startsWith('/api/docs') && r.url !== '/api/openapi.json')
      .map((r) => ({ method: r.method.toLowerCase(), path: r.url.replace(/:(\w+)/g, '{$1}') }))
      .filter((r) => !res.body.paths[r.path]?.[r.method]?.summary)
      .map((r) => `${r.method.toUpperCase()} ${r.path}`);
    expect(undocumented).toEqual([]);
  });

  it('sends security headers and a request id on every response', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-frame-options']).toBeDefined();
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await t.app.inject({ method: 'GET', url: '/api/health', headers: { 'x-request-id': 'proxy-abc-12345' } });
    expect(kept.headers['x-request-id']).toBe('proxy-abc-12345');
  });
});

describe('malformed requests get a clear 4xx, never a 5xx', () => {
  const post = (url: string, payload: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    admin.request<ErrorReply>('POST', url, payload, headers);

  it('malformed JSON', async () => {
    const res = await post(`/api/communities/${cmc}/invitations`, '{"email": "a@b.demo", "role": ');
    expect([res.status, res.body.error.code]).toEqual([400, 'malformed_json']);
    expect(res.body.error.requestId).toBe(res.headers['x-request-id']);
  });

  it('wrong types, unknown fields and missing fields, each named, in the caller language', async () => {
    const res = await admin.request<ErrorReply>('POST', `/api/communities/${cmc}/invitations`, { email: 42, role: 'overlord', admin: true }, { 'accept-language': 'en' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(Object.keys(res.body.error.fields ?? {}).sort()).toEqual(['admin', 'email', 'role']);
    expect(res.body.error.fields?.admin).toBe('Unknown field');
    expect(res.body.error.fields?.email).toMatch(/expected string, received number/);
    const zh = await admin.request<ErrorReply>('POST', `/api/communities/${cmc}/invitations`, { role: 'member' });
    expect(zh.body.error.message).toBe('请检查标注的字段');
    expect(zh.body.error.fields?.email).toMatch(/[\u4e00-\u9fff]/);
    const tw = await admin.request<ErrorReply>('POST', `/api/communities/${cmc}/invitations`, { role: 'member' }, { 'accept-language': 'zh-TW,zh;q=0.9' });
    expect(tw.body.error.message).toBe('請檢查標註的欄位');
  });

  it('bad ids in the path', async () => {
    for (const url of [`/api/communities/not-a-uuid`, `/api/communities/${cmc}/members/123`, `/api/communities/${cmc}'--`]) {
      const res = await admin.patch<ErrorReply>(url, { role: 'member' });
      expect(res.status, url).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
  });

  it('oversized bodies, other content types, empty bodies, unknown routes and methods', async () => {
    const big = await post(`/api/communities/${cmc}/invitations`, JSON.stringify({ email: 'a@b.demo', role: 'member', pad: 'x'.repeat(10_000) }));
    expect([big.status, big.body.error.code]).toEqual([413, 'payload_too_large']);
    const form = await post(`/api/communities/${cmc}/invitations`, 'email=a@b.demo', { 'content-type': 'application/x-www-form-urlencoded' });
    expect([form.status, form.body.error.code]).toEqual([415, 'unsupported_media_type']);
    const empty = await post(`/api/communities/${cmc}/invitations`, '');
    expect(empty.status).toBe(400);
    const unknown = await admin.get<ErrorReply>('/api/no-such-thing');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);
    const method = await admin.request<ErrorReply>('PUT', `/api/communities/${cmc}`, {});
    expect(method.status).toBe(404);
  });

  it('huge strings, NUL bytes, prototype pollution and deep nesting', async () => {
    const cases: unknown[] = [
      { email: `${'a'.repeat(300)}@b.demo`, role: 'member' },
      { email: 'nul\u0000@b.demo', role: 'member' },
      JSON.parse('{"email":"p@b.demo","role":"member","__proto__":{"isPlatformAdmin":true}}'),
      { email: 'deep@b.demo', role: { a: { b: { c: [1, [2, [3]]] } } } },
      [],
      'just a string',
      null,
    ];
    for (const body of cases) {
      const res = await admin.request<ErrorReply>('POST', `/api/communities/${cmc}/invitations`, JSON.stringify(body));
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    const textFields = await admin.patch<ErrorReply>(`/api/communities/${cmc}`, { city: 'x'.repeat(1000), descriptionEn: 'a\u0000b' });
    expect(textFields.status).toBe(400);
  });

  it('writes nothing when a request fails', async () => {
    const count = () => t.database.withConnection((c) => c.rows<{ n: number }>('select count(*)::int as n from invitations'));
    const before = await count();
    await admin.post(`/api/communities/${cmc}/invitations`, { email: 'investor@biobridge.demo', role: 'member' }); // already a member
    await admin.post(`/api/communities/${cmc}/invitations`, { email: 'x@b.demo', role: 'member', extra: 1 });
    expect(await count()).toEqual(before);
  });

  it('accepts unsafe methods only as JSON, so a cross-site form cannot sign anyone in', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in',
      headers: { 'content-type': 'text/plain' },
      payload: '{"email":"park.admin@biobridge.demo","password":"BioBridge2026"}',
    });
    expect(res.statusCode).toBe(415);
  });
});

describe('serving the web app', () => {
  it('answers deep links with index.html, assets with long caching, and missing files or API paths with 404', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { buildApp } = await import('./app');
    const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-web-'));
    fs.mkdirSync(path.join(webDir, 'assets'));
    fs.writeFileSync(path.join(webDir, 'index.html'), '<!doctype html><title>BioBridge</title>');
    fs.writeFileSync(path.join(webDir, 'assets', 'app-abc123.js'), 'console.log(1)');
    const web = await buildApp({ config: t.config, database: t.database, version: 'test', webDir });
    try {
      for (const url of ['/', '/c/china-medical-city/members', '/invite/abc_DEF-123']) {
        const res = await web.inject({ method: 'GET', url });
        expect([url, res.statusCode, res.body]).toEqual([url, 200, '<!doctype html><title>BioBridge</title>']);
        expect(res.headers['cache-control']).toBe('no-cache');
      }
      const asset = await web.inject({ method: 'GET', url: '/assets/app-abc123.js' });
      expect(asset.headers['cache-control']).toContain('immutable');
      for (const url of ['/assets/app-old999.js', '/favicon.ico', '/api/nope']) {
        const res = await web.inject({ method: 'GET', url });
        expect([url, res.statusCode]).toEqual([url, 404]);
        expect(res.json().error.code).toBe('not_found');
      }
      // A file added after start (a rebuild) is served without a restart.
      fs.writeFileSync(path.join(webDir, 'assets', 'app-new456.js'), 'console.log(2)');
      expect((await web.inject({ method: 'GET', url: '/assets/app-new456.js' })).statusCode).toBe(200);
    } finally {
      await web.close();
      fs.rmSync(webDir, { recursive: true, force: true });
    }
  });
});
