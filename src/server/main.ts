import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../../demo/accounts';
import { isDatabaseEmpty, seedDemo } from '../../demo/seed';
import { buildApp } from './app';
import { ConfigError, loadConfig, type Config } from './config';
import { openDatabase, type Database } from './db/client';
import { migrate } from './db/migrate';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;

function describeDatabase(config: Config): string {
  if (config.DATABASE_URL) {
    const url = new URL(config.DATABASE_URL);
    return `PostgreSQL at ${url.hostname}:${url.port || 5432}${url.pathname}`;
  }
  return `embedded PGlite in ${path.join(config.dataDir, 'pglite')}`;
}

async function main(): Promise<void> {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`BioBridge cannot start.\n${error.message}\nSee the configuration table in README.md.`);
      process.exit(1);
    }
    throw error;
  }

  const database: Database = await openDatabase(
    config.DATABASE_URL
      ? { kind: 'postgres', url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE }
      : { kind: 'pglite', dataDir: path.join(config.dataDir, 'pglite') },
  );
  const applied = await migrate(database);
  const seeded = config.DEMO_DATA && (await isDatabaseEmpty(database.db));
  if (seeded) await seedDemo(database.db);

  const webDir = path.join(root, 'dist', 'web');
  const app = await buildApp({ config, database, version, webDir });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      console.error(`\n${signal} again: exiting at once.`);
      process.exit(1);
    }
    stopping = true;
    app.log.info({ signal }, 'shutting down');
    // Stop accepting connections and let requests in flight finish, then close the database.
    await app.close().catch((error: unknown) => app.log.error({ err: error }, 'error while closing the server'));
    await database.close().catch((error: unknown) => app.log.error({ err: error }, 'error while closing the database'));
    console.log('BioBridge stopped cleanly.');
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => void stop(signal));

  await app.listen({ host: config.HOST, port: config.PORT });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.PORT;
  const url = config.PUBLIC_URL ?? `http://localhost:${port}`;

  const lines = [
    '',
    `  BioBridge ${version} 生物医药协同创新服务平台`,
    `  Open:       ${url}`,
    `  API docs:   ${url}/api/docs`,
    `  Database:   ${describeDatabase(config)}${applied.length ? ` (applied ${applied.length} migration(s))` : ''}`,
  ];
  if (!fs.existsSync(path.join(webDir, 'index.html'))) lines.push('  Web app:    not built (run `npm run build`); serving the API only');
  if (config.DEMO_DATA) {
    lines.push(seeded ? '  Demo data:  loaded into the empty database' : '  Demo data:  database already had data; left as it is');
    lines.push(`  Demo accounts (password for all: ${DEMO_PASSWORD}):`);
    for (const a of DEMO_ACCOUNTS) lines.push(`    ${a.email.padEnd(30)} ${a.purpose}`);
  }
  lines.push('  Stop with Ctrl-C.', '');
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  console.error('BioBridge failed to start:', error);
  process.exit(1);
});
