import { defineConfig } from 'vitest/config';

// End-to-end tests that install postlint the way its users do (from git, with npm and the
// pre-commit framework): they need tools and the network that `pnpm test` does not, and take
// minutes, so they run apart, with `pnpm test:e2e` (.ci/run runs them).
export default defineConfig({
  test: {
    include: ['packages/*/test/**/*.e2e.ts'],
    testTimeout: 15 * 60_000,
    hookTimeout: 5 * 60_000,
    pool: 'forks',
  },
});
