import crypto from 'node:crypto';

/** 256 random bits, URL-safe: session cookies, invitation and reset links. */
export function randomToken(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** Tokens are stored only as their SHA-256, so the database never holds a usable secret. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}
