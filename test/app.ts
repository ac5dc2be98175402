import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { DEMO_PASSWORD } from '../demo/accounts';
import { buildApp } from '../src/server/app';
import { loadConfig, type Config } from '../src/server/config';
import { FilesystemStorage } from '../src/server/storage/storage';
import type { SessionInfo } from '../src/shared/schemas/auth';
import { freshDatabase, seededDatabase, type TestDatabase } from './db';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  filesDir: string;
  close(): Promise<void>;
}

/** buildApp() on a fresh migrated database, with the demo dataset loaded unless told not to. */
export async function startTestApp(options: { seed?: boolean; env?: Record<string, string> } = {}): Promise<TestApp> {
  // Uploaded files (and the demo's) go to a directory of this test app's own, removed on close.
  const filesDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-files-'));
  const storage = new FilesystemStorage(filesDir);
  const database = options.seed === false ? await freshDatabase() : await seededDatabase(filesDir);
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://bb.test', ...options.env });
  const app = await buildApp({ config, database, version: 'test', webDir: null, storage });
  await app.ready();
  return {
    app,
    database,
    config,
    filesDir,
    close: async () => {
      await app.close();
      await database.destroy();
      fs.rmSync(filesDir, { recursive: true, force: true });
    },
  };
}

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, string | string[] | number | undefined>;
}

/** A browser-like API client: keeps the session cookie and sends the CSRF token on writes. */
export class Client {
  cookie: string | null = null;
  csrfToken: string | null = null;
  session: SessionInfo | null = null;

  constructor(
    private readonly app: FastifyInstance,
    private readonly ip = '10.0.0.1',
  ) {}

  async request<T = unknown>(method: InjectOptions['method'], url: string, payload?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
    const res = await this.app.inject({
      method,
      url,
      remoteAddress: this.ip,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== 'GET' ? { 'x-csrf-token': this.csrfToken } : {}),
        ...(payload !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(payload !== undefined ? { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) } : {}),
    });
    const setCookie = res.cookies.find((c) => c.name === 'bb_session');
    if (setCookie) this.cookie = setCookie.value ? `bb_session=${setCookie.value}` : null;
    const body = res.headers['content-type']?.toString().includes('json') ? (res.json() as T) : (res.body as T);
    return { status: res.statusCode, body, headers: res.headers };
  }

  get<T = unknown>(url: string) {
    return this.request<T>('GET', url);
  }
  post<T = unknown>(url: string, payload: unknown = {}) {
    return this.request<T>('POST', url, payload);
  }
  patch<T = unknown>(url: string, payload: unknown) {
    return this.request<T>('PATCH', url, payload);
  }
  delete<T = unknown>(url: string) {
    return this.request<T>('DELETE', url);
  }

  async signIn(email: string, password = DEMO_PASSWORD): Promise<this> {
    const res = await this.post<SessionInfo>('/api/auth/sign-in', { email, password });
    if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
    this.session = res.body;
    this.csrfToken = res.body.csrfToken;
    return this;
  }

  communityId(slug: string): string {
    const c = this.session?.communities.find((x) => x.slug === slug);
    if (!c) throw new Error(`${slug} is not among this client's communities`);
    return c.id;
  }
}

export async function signedIn(app: FastifyInstance, email: string): Promise<Client> {
  return new Client(app).signIn(email);
}
