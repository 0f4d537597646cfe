import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { defineConfig } from 'vitest/config';
import { PRESET_SCHEMAS, presetKindOf } from './src/presets/kinds.js';
import { readPresetFile } from './src/presets/load.js';

// As the build does (scripts/build.mjs): parse and validate every bundled preset once, here, and
// give the sources the same snapshot the shipped CLI carries, so an in-process CLI call costs what
// the binary's does instead of re-reading ~40 YAML files. A bad preset fails the run here.
function bundledPresets(): Record<string, string> {
  const snapshot: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(name))
        snapshot[relative('presets', path).split('\\').join('/')] = JSON.stringify(
          readPresetFile(path, PRESET_SCHEMAS[presetKindOf(path)], { fromDisk: true }),
        );
    }
  };
  walk('presets');
  return snapshot;
}

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

export default defineConfig({
  define: {
    __BUNDLED_PRESETS__: JSON.stringify(bundledPresets()),
    __VERSION__: JSON.stringify(pkg.version),
  },
  test: {
    include: ['tests/**/*.test.ts'],
    // True-process tests (tests/process/) spawn the built binary (npm test builds first).
    testTimeout: 30_000,
    pool: 'threads',
    // Both cores: the suite is CPU-bound (vitest's default leaves one core idle on a 2-core machine).
    maxWorkers: 2,
    isolate: false,
    // A fixed "today" (the date of runs that give none), so outputs do not drift with the calendar.
    env: { NO_COLOR: '', FORCE_COLOR: '', TRAIN_COST_TODAY: '2026-11-30' },
  },
});
