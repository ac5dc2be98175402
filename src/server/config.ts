import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting the server reads, parsed and validated once at start. The README's
 * configuration table documents each of these; keep the two in step.
 */
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Where the embedded database, its lock file and the backups live. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** When set, use this PostgreSQL server instead of the embedded database. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /**
   * Embedded database only: flush the WAL to disk after every commit, before the write is
   * acknowledged. PGlite never fsyncs on its own (docs/operations.md); with this off, a power
   * cut can lose the commits since the last periodic flush (DB_FLUSH_SECONDS).
   */
  DB_SYNC_COMMITS: booleanFlag.default(true),
  /**
   * Embedded database only: seconds between CHECKPOINTs (when something was written) followed
   * by an fsync of the data directory's changed files. 0 turns the periodic flush off.
   */
  DB_FLUSH_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  /** Embedded database only: PostgreSQL's shared_buffers in MB (PGlite's default, 128, costs ~125 MB of memory more). */
  PGLITE_SHARED_BUFFERS_MB: z.coerce.number().int().min(1).max(1024).default(32),
  /** Hours between automatic backups into DATA_DIR/backups; 0 turns scheduled backups off. */
  BACKUP_INTERVAL_HOURS: z.coerce.number().min(0).max(24 * 24).default(24),
  /** How many backup files to keep in DATA_DIR/backups; older ones are deleted. */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(14),
  /** Seconds to let requests in flight finish on shutdown before closing the database anyway. */
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(600).default(10),
  /** Base URL people reach the app at; used in links inside e-mails (invitations, resets). */
  PUBLIC_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Load the demo dataset when the database is empty. */
  DEMO_DATA: booleanFlag.default(true),
  SESSION_TTL_HOURS: z.coerce.number().int().min(1).max(24 * 90).default(24 * 14),
  /** Send the session cookie only over HTTPS. Defaults to on when PUBLIC_URL is https. */
  COOKIE_SECURE: booleanFlag.optional(),
  /** Largest accepted request body, in bytes. */
  BODY_LIMIT: z.coerce.number().int().min(1024).max(100 * 1024 * 1024).default(1024 * 1024),
  /** Largest accepted uploaded file (logo, pitch deck, spreadsheet), in bytes. */
  UPLOAD_LIMIT: z.coerce.number().int().min(1024).max(1024 * 1024 * 1024).default(20 * 1024 * 1024),
  /** Where uploaded files are kept; defaults to DATA_DIR/files. */
  FILES_DIR: z.string().min(1).optional(),
  /** Failed sign-ins on one account before it is locked for LOGIN_LOCK_MINUTES. */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /** Sign-in attempts allowed from one IP address per 15 minutes, whatever the account. */
  LOGIN_MAX_PER_IP: z.coerce.number().int().min(1).max(100000).default(50),
  /**
   * Where e-mail goes: smtp://user:pass@host:port or smtps://… (nodemailer's URL form). Unset,
   * messages stay in the outbox and the message log shows them as not sent.
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  /** The From: of every e-mail. */
  SMTP_FROM: z.string().min(3).default('BioBridge <no-reply@biobridge.local>'),
  /** Trust X-Forwarded-* headers (set when running behind a reverse proxy). */
  TRUST_PROXY: booleanFlag.default(false),
});

export type Config = z.infer<typeof configSchema> & {
  dataDir: string;
  publicUrl: string;
  cookieSecure: boolean;
  database: 'pglite' | 'postgres';
};

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty strings count as unset, so `PORT= npm start` behaves like no PORT at all.
  const cleaned = Object.fromEntries(
    Object.keys(configSchema.shape).map((key) => [key, env[key] === '' ? undefined : env[key]]),
  );
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = String(issue.path[0] ?? '?');
        return `${name}=${JSON.stringify(env[name] ?? '')}: ${issue.message}`;
      }),
    );
  }
  const c = parsed.data;
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '');
  return {
    ...c,
    dataDir: path.resolve(c.DATA_DIR),
    publicUrl,
    cookieSecure: c.COOKIE_SECURE ?? publicUrl.startsWith('https://'),
    database: c.DATABASE_URL ? 'postgres' : 'pglite',
  };
}
