import { readFileSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  // The version the bundle gets at build time (scripts/build.mjs), so in-process output matches it.
  define: { __VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['tests/**/*.test.ts'],
    // CLI tests spawn the built binary (npm test builds first).
    testTimeout: 30_000,
    // A fixed "today" (the date of runs that give none), so outputs do not drift with the calendar.
    env: { NO_COLOR: '', FORCE_COLOR: '', TRAIN_COST_TODAY: '2026-11-30' },
  },
});
