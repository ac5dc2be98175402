import { defineConfig } from 'drizzle-kit';

// Only used to generate SQL migrations from the TypeScript schema (`npm run db:generate`).
// Migrations are applied by our own migrator (src/server/db/migrate.ts) at start.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema/index.ts',
  out: './src/server/db/migrations',
});
