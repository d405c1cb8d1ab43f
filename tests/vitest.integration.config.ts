import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Integration suites start real servers, Postgres and keychains: run them one file at a time.
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    environment: 'node',
    include: ['tests/integration/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    fileParallelism: false,
  },
});
