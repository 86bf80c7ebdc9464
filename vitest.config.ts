import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.test.ts', 'rules/test/**/*.test.ts'],
    // CLI end-to-end tests spawn Node; give them room on a busy 2-core machine.
    testTimeout: 30_000,
    pool: 'forks',
  },
});
