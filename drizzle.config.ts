import { defineConfig } from 'drizzle-kit';

// `npm run db:generate` writes a new migration from main/db/schema.ts; the core applies them at start-up.
export default defineConfig({
  dialect: 'sqlite',
  schema: './main/db/schema.ts',
  out: './main/db/migrations',
});
