import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('has working defaults: embedded database under ./data on port 3000', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({ PORT: 3000, database: 'pglite', DEMO_DATA: true, publicUrl: 'http://localhost:3000', cookieSecure: false });
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });

  it('uses PostgreSQL when DATABASE_URL is set and secure cookies behind https', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@db:5432/bb', PUBLIC_URL: 'https://bb.example.cn/' });
    expect(c.database).toBe('postgres');
    expect(c.publicUrl).toBe('https://bb.example.cn');
    expect(c.cookieSecure).toBe(true);
  });

  it('names every invalid variable and its value', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', DEMO_DATA: 'maybe' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as Error).message;
      expect(message).toContain('PORT="eighty"');
      expect(message).toContain('DATABASE_URL="mysql://x"');
      expect(message).toContain('DEMO_DATA="maybe"');
    }
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ PORT: '', DATABASE_URL: '' }).database).toBe('pglite');
  });
});
