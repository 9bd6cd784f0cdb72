import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['main/**/*.test.ts', 'shared/**/*.test.ts', 'renderer/**/*.test.ts', 'scripts/**/*.test.ts'],
    environment: 'node',
    // better-sqlite3 and the keyring are native: forks isolate them more predictably than threads.
    pool: 'forks',
    testTimeout: 20_000,
  },
});
