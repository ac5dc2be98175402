import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../../demo/accounts';
import { HttpClient, runServer, runServerExpectingFailure, type ServerProcess } from '../../../test/server-process';
import { LOCK_FILE, readLockOwner } from './lock';

/**
 * The embedded database against real processes: a second server on the same directory,
 * SIGKILL at random moments while writes are in flight, SIGTERM the same way. PGlite only, by
 * nature (PostgreSQL's durability is PostgreSQL's). About a minute on two idle cores; the
 * generous time limits are for a machine busy with other work (each start is a new process).
 */
const embedded = !process.env.TEST_DATABASE_URL;
let dataDir = '';
let env: Record<string, string> = {};
let server: ServerProcess | null = null;

// A fixed seed: the moments differ between rounds but not between runs.
let seed = 20261121;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

const acknowledged: string[] = [];
let counter = 0;

async function signIn(s: ServerProcess): Promise<HttpClient> {
  const client = new HttpClient(s.url);
  await client.signIn('park.admin@biobridge.demo', DEMO_PASSWORD, 'china-medical-city');
  return client;
}

/**
 * Writers invite new addresses until `stop` is called; a 201 is an acknowledged write. A
 * refused connection or a 503 (the server is shutting down) ends a writer: that write was not
 * acknowledged. Anything else is a failure, reported by `stop`.
 */
function driveWrites(client: HttpClient, writers: number): { stop: () => Promise<void>; acknowledged: (n: number) => Promise<void> } {
  let stopped = false;
  let roundAcks = 0;
  const waiting: { n: number; resolve: () => void }[] = [];
  const loops = Array.from({ length: writers }, async (): Promise<string | null> => {
    while (!stopped) {
      const email = `crash-${process.pid}-${counter++}@example.com`;
      try {
        const res = await client.request('POST', `/api/communities/${client.communityId}/invitations`, { email, role: 'member' });
        if (res.status === 201) {
          acknowledged.push(email);
          roundAcks++;
          for (const w of waiting.filter((x) => roundAcks >= x.n)) w.resolve();
        } else if (res.status === 503) return null;
        else return `write refused: ${res.status} ${JSON.stringify(res.body)}`;
      } catch (error) {
        if (error instanceof TypeError) return null; // fetch failed: the connection died with the server
        return String(error);
      }
    }
    return null;
  });
  return {
    // Resolves after the round's n-th acknowledged write, or when every writer has ended.
    acknowledged: (n) =>
      Promise.race([new Promise<void>((resolve) => waiting.push({ n, resolve })), Promise.all(loops).then(() => undefined)]),
    stop: async () => {
      stopped = true;
      const problems = (await Promise.all(loops)).filter(Boolean);
      expect(problems).toEqual([]);
    },
  };
}

async function expectAllAcknowledgedPresent(client: HttpClient) {
  const res = await client.request('GET', `/api/communities/${client.communityId}/invitations`);
  expect(res.status).toBe(200);
  const present = new Set((res.body as { email: string }[]).map((i) => i.email));
  const missing = acknowledged.filter((e) => !present.has(e));
  expect(missing).toEqual([]);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.skipIf(!embedded)('embedded database under crashes', () => {
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bb-crash-'));
    // Checkpoints every second, so kills also land during a checkpoint and its flush.
    env = { DATA_DIR: dataDir, DB_FLUSH_SECONDS: '1', BACKUP_INTERVAL_HOURS: '0' };
  });
  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGKILL');
      await server.exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses a second process on the same data directory, naming the first', { timeout: 180_000 }, async () => {
    server = await runServer(env);
    const second = await runServerExpectingFailure({ ...env, PORT: '0' });
    expect(second.code).toBe(1);
    expect(second.output).toContain(`pid ${server.child.pid}`);
    expect(second.output).not.toContain('Open:');
    // The first one is unharmed and still holds the lock.
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    expect(readLockOwner(path.join(dataDir, LOCK_FILE))?.pid).toBe(server.child.pid);
  });

  it('always reopens after SIGKILL at random moments, with every acknowledged write', { timeout: 240_000 }, async () => {
    for (let round = 0; round < 6; round++) {
      const client = await signIn(server!);
      const writes = driveWrites(client, 3);
      // A kill after a random number of acknowledged writes and a random moment after that,
      // so it lands with writes in flight however fast the machine is.
      await writes.acknowledged(3 + Math.floor(random() * 10));
      await sleep(random() * 40);
      server!.child.kill('SIGKILL');
      await server!.exited;
      await writes.stop();
      // The dead process's lock is stale: the restart takes it over and must open the database.
      server = await runServer(env);
      expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
      await expectAllAcknowledgedPresent(await signIn(server));
    }
    expect(acknowledged.length).toBeGreaterThanOrEqual(6 * 3);
  });

  it('stops cleanly on SIGTERM with writes in flight, keeping every acknowledged write', { timeout: 180_000 }, async () => {
    for (let round = 0; round < 2; round++) {
      const client = await signIn(server!);
      const writes = driveWrites(client, 3);
      await writes.acknowledged(3 + Math.floor(random() * 10));
      await sleep(random() * 40);
      server!.child.kill('SIGTERM');
      expect(await server!.exited).toBe(0);
      await writes.stop();
      expect(server!.output()).toContain('BioBridge stopped cleanly.');
      expect(fs.existsSync(path.join(dataDir, LOCK_FILE))).toBe(false);
      server = await runServer(env);
      await expectAllAcknowledgedPresent(await signIn(server));
    }
    server!.child.kill('SIGTERM');
    expect(await server!.exited).toBe(0);
  });
});
