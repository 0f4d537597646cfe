import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // CLI tests spawn the built binary (npm test builds first).
    testTimeout: 30_000,
    env: { NO_COLOR: '', FORCE_COLOR: '' },
  },
});
