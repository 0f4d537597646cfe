// Start-up loads only what the command needs (issue 11): the seed command and --version read
// no YAML (the bundled presets are inlined at build time), so the yaml package is never loaded.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { BIN, REPO_ROOT } from '../helpers/cli.js';

// Lists, on exit, the CommonJS modules the process loaded (the CLI bundle requires yaml through them; the bundle itself runs through vm, not listed).
const LIST_MODULES = `data:text/javascript,${encodeURIComponent(
  "import { createRequire } from 'node:module'; const r = createRequire('/'); process.on('exit', () => process.stderr.write('MODULES ' + JSON.stringify(Object.keys(r.cache))));",
)}`;

function loadedModules(args: string[]): string[] {
  const r = spawnSync(process.execPath, ['--import', LIST_MODULES, BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  expect(r.status, r.stderr).toBe(0);
  const line = r.stderr.split('\n').find((l) => l.startsWith('MODULES '));
  expect(line, r.stderr).toBeDefined();
  return JSON.parse(line!.slice('MODULES '.length)) as string[];
}

describe('start-up', () => {
  it.each([[['--version']], [['--chips', '512', '--gpu', 'h800', '--hours', '80']], [['deepseek-r1']]])(
    '%j does not load the yaml package',
    (args) => {
      const modules = loadedModules(args);
      expect(modules.filter((m) => /[\\/]node_modules[\\/]yaml[\\/]/.test(m))).toEqual([]);
    },
  );

  it('a run file on disk still loads yaml when it is needed', () => {
    const modules = loadedModules([join(REPO_ROOT, 'examples', 'lora.yaml')]);
    expect(modules.some((m) => /[\\/]node_modules[\\/]yaml[\\/]/.test(m))).toBe(true);
  });
});
