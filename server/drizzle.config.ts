import { defineConfig } from 'drizzle-kit';

// Migrations are generated (`npm run db:generate`), reviewed and committed; never hand-written.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/src/db/schema/index.ts',
  out: './server/src/db/migrations',
});
