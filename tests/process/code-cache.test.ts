// The bin (bin/train-cost.cjs -> dist/cli-loader.cjs) loads the bundle through V8's code cache: a cache that is missing, corrupt or from
// another Node is rewritten or ignored, and a folder that cannot be written leaves the CLI working.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';

let work: string;
const SEED = ['--chips', '512', '--gpu', 'h800', '--hours', '80', '--format', 'csv'];
const cacheName = `cli.cjs.${process.version}-${process.arch}.cache`;

/** A copy of the built package (bin, dist, presets, node_modules/yaml by a link), to spoil at will. */
function copy(name: string): string {
  const dir = join(work, name);
  for (const d of ['bin', 'dist', 'presets']) cpSync(join(REPO_ROOT, d), join(dir, d), { recursive: true });
  cpSync(join(REPO_ROOT, 'package.json'), join(dir, 'package.json'));
  cpSync(join(REPO_ROOT, 'node_modules', 'yaml'), join(dir, 'node_modules', 'yaml'), { recursive: true });
  return dir;
}

function seed(dir: string, home = join(work, 'home')) {
  return spawnSync(process.execPath, [join(dir, 'bin', 'train-cost.cjs'), ...SEED], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: home, XDG_CACHE_HOME: join(home, '.cache'), TRAIN_COST_TODAY: '2026-01-01' },
  });
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'train-cost-cache-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('the code cache', () => {
  it('the build writes the cache for this Node beside the bundle', () => {
    expect(existsSync(join(REPO_ROOT, 'dist', cacheName))).toBe(true);
  });

  it('without a cache the CLI runs and writes one; a corrupt one is replaced', () => {
    const dir = copy('fresh');
    rmSync(join(dir, 'dist', cacheName));
    const expected = seed(join(REPO_ROOT)).stdout;
    const first = seed(dir);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toBe(expected);
    expect(existsSync(join(dir, 'dist', cacheName))).toBe(true);
    writeFileSync(join(dir, 'dist', cacheName), 'not a code cache');
    const again = seed(dir);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toBe(expected);
    expect(readdirSync(join(dir, 'dist')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it("a cache V8 rejects beside the bundle gives way to the user's cache folder", () => {
    const dir = copy('rejected');
    const home = join(work, 'home-rejected');
    mkdirSync(join(home, '.cache', 'train-cost'), { recursive: true });
    cpSync(join(dir, 'dist', cacheName), join(home, '.cache', 'train-cost', cacheName));
    writeFileSync(join(dir, 'dist', cacheName), 'not a code cache');
    const r = spawnSync(process.execPath, [join(dir, 'bin', 'train-cost.cjs'), ...SEED], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: home, XDG_CACHE_HOME: join(home, '.cache'), TRAIN_COST_DEBUG_CACHE: '1' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('train-cost: code cache used\n');
  });

  it.skipIf(process.getuid?.() === 0)('a read-only install falls back to the user cache folder, or none', () => {
    const dir = copy('readonly');
    rmSync(join(dir, 'dist', cacheName));
    chmodSync(join(dir, 'dist'), 0o555);
    try {
      const home = join(work, 'home-ro');
      const r = seed(dir, home);
      expect(r.status, r.stderr).toBe(0);
      expect(existsSync(join(home, '.cache', 'train-cost', cacheName))).toBe(true);
      const noHome = seed(dir, '/nonexistent/readonly');
      expect(noHome.status, noHome.stderr).toBe(0);
      expect(noHome.stdout).toBe(r.stdout);
    } finally {
      chmodSync(join(dir, 'dist'), 0o755);
    }
  });
});
