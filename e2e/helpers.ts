/**
 * Shared setup for the browser tests: build the web app if needed, start a fresh server
 * on a free port with its own data directory (demo data loads into the empty database),
 * and drive Debian's Chromium with playwright-core. Never downloads a browser.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO_PASSWORD = 'BioBridge2026';
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Per-test limit: a test takes 5–25 s alone, but CI machines running other suites alongside can be several times slower. */
export const TEST_TIMEOUT = 150_000;

export const ACCOUNTS = {
  platformAdmin: 'admin@biobridge.demo',
  parkAdmin: 'park.admin@biobridge.demo',
  allianceAdmin: 'alliance.admin@biobridge.demo',
  staff: 'staff@biobridge.demo',
  investor: 'investor@biobridge.demo',
  member: 'member@biobridge.demo',
  viewer: 'viewer@biobridge.demo',
} as const;

/** Builds dist/web when it is missing (CI builds before the e2e run). */
export function ensureWebBuilt(): void {
  const stale = path.join(ROOT, 'scripts', 'build-web-if-stale.mjs');
  if (fs.existsSync(stale)) {
    execFileSync(process.execPath, [stale], { cwd: ROOT, stdio: 'inherit' });
    return;
  }
  if (!fs.existsSync(path.join(ROOT, 'dist', 'web', 'index.html'))) {
    execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  }
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface TestServer {
  url: string;
  port: number;
  dataDir: string;
  output: () => string;
  stop: () => Promise<void>;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${output()}`);
}

/** Starts `src/server/main.ts` (through tsx) on a free port with a fresh data directory. */
export async function startServer(): Promise<TestServer> {
  ensureWebBuilt();
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'biobridge-e2e-'));
  // `node --import tsx` is `npx tsx` without the wrapper processes, so SIGTERM reaches the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const output = () => log;
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(url, child, output, 90_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { url, port, dataDir, output, stop };
}

/**
 * A server on a fresh data directory and a browser, started before the test file's tests and
 * stopped after them. Read `server` and `browser` inside tests (they exist once beforeAll ran).
 */
export function useServerAndBrowser(): { readonly server: TestServer; readonly browser: Browser } {
  const env = {} as { server: TestServer; browser: Browser };
  beforeAll(async () => {
    env.server = await startServer();
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.server?.stop();
  });
  return env;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export type Language = 'zh-CN' | 'zh-TW' | 'en';

/** A fresh browser context (own cookies and storage) with the UI language preset. */
export async function newContext(browser: Browser, options: { lang?: Language; phone?: boolean } = {}): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: options.phone ? { width: 390, height: 844 } : { width: 1366, height: 768 },
    locale: options.lang ?? 'zh-CN',
  });
  if (options.lang) {
    await context.addInitScript((lang) => {
      if (!localStorage.getItem('biobridge.locale')) localStorage.setItem('biobridge.locale', lang);
    }, options.lang);
  }
  context.setDefaultTimeout(30_000);
  return context;
}

export async function signIn(page: Page, baseUrl: string, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByTestId('sign-in-email').fill(email);
  await page.getByTestId('sign-in-password').fill(password);
  await page.getByTestId('sign-in-submit').click();
  await page.getByTestId('user-menu').waitFor();
}

/** Runs `action` until `done` resolves, a few times: popups that open with an animation can miss a click on a loaded machine. */
async function retry(action: () => Promise<void>, done: (timeout: number) => Promise<unknown>, attempts = 3): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      await action();
      await done(i === attempts ? 20_000 : 10_000);
      return;
    } catch (error) {
      if (i >= attempts) throw error;
    }
  }
}

/** Opens an antd popup with `trigger` unless it is already open, waiting out one that is still closing. */
async function openPopup(page: Page, popupClass: string, trigger: Locator): Promise<Locator> {
  const open = page.locator(`.${popupClass}:not(.${popupClass}-hidden):not([class*="-leave"])`);
  if ((await open.count()) === 0) {
    await page.locator(`.${popupClass}[class*="-leave"]`).waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined);
    await trigger.click();
  }
  return open;
}

/** Opens the language menu (header or sign-in page) and picks a language. */
export async function switchLanguage(page: Page, lang: Language): Promise<void> {
  const signedIn = (await page.getByTestId('user-menu').count()) > 0;
  const alreadyCurrent = (await page.locator('html').getAttribute('lang')) === lang;
  // Signed in, the choice is also saved to the account: wait for that, so a reload keeps it.
  const saved =
    signedIn && !alreadyCurrent
      ? page
          .waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH', { timeout: 30_000 })
          .catch(() => null)
      : null;
  await retry(
    async () => {
      const menu = await openPopup(page, 'ant-dropdown', page.getByTestId('language-switch').first());
      await menu.getByTestId(`lang-${lang}`).click({ timeout: 5_000 });
    },
    (timeout) => page.waitForFunction((l) => document.documentElement.lang === l, lang, { timeout }),
  );
  await saved;
}

/** Picks a community in the header switcher (by typing its slug into the search box). */
export async function switchCommunity(page: Page, slug: string): Promise<void> {
  await retry(
    async () => {
      const switcher = page.getByTestId('community-switcher');
      const popup = await openPopup(page, 'ant-select-dropdown', switcher);
      await switcher.locator('input').fill(slug);
      await popup.getByTestId(`switcher-option-${slug}`).waitFor({ timeout: 5_000 });
      await switcher.locator('input').press('Enter');
    },
    (timeout) => page.waitForURL((url) => url.pathname === `/c/${slug}`, { timeout }),
  );
}

/** Picks an option of an antd Select by its text; `done` says when the choice took effect (default: the select shows it). */
export async function chooseOption(page: Page, select: Locator, text: string, done?: (timeout: number) => Promise<unknown>): Promise<void> {
  await retry(
    async () => {
      const popup = await openPopup(page, 'ant-select-dropdown', select);
      await popup.getByText(text, { exact: true }).click({ timeout: 5_000 });
    },
    done ?? ((timeout) => select.getByText(text, { exact: true }).waitFor({ timeout })),
  );
}

/** A signed-in API caller (cookie and CSRF token), for a test's setup and for reading what the pages should show. */
export async function apiAs(baseUrl: string, email: string, password = DEMO_PASSWORD) {
  const res = await fetch(`${baseUrl}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`signing in ${email}: ${res.status}`);
  const cookie = (res.headers.getSetCookie?.() ?? []).map((c) => c.split(';')[0]).join('; ');
  const session = (await (await fetch(`${baseUrl}/api/auth/session`, { headers: { cookie } })).json()) as { csrfToken: string; communities: { id: string; slug: string }[] };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': session.csrfToken },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await r.text();
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return JSON.parse(text) as T;
  };
  const communityId = (slug: string) => session.communities.find((c) => c.slug === slug)!.id;
  return { call, communityId };
}
