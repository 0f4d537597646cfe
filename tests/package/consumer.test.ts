// The package as a user gets it: `npm pack`, installed into an empty folder, then used from a
// strict TypeScript project (module/moduleResolution nodenext, no skipLibCheck) and from npx.
// One pack and one install, shared by every assertion (npm test builds dist/ first).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
const NPM_QUIET = ['--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'];

let work: string;
let app: string;
let installed: string;
let packed: { filename: string; size: number; unpackedSize: number; files: { path: string }[] };

beforeAll(() => {
  expect(existsSync(join(ROOT, 'dist', 'index.d.ts')), 'dist/ is built (npm run build)').toBe(true);
  work = mkdtempSync(join(tmpdir(), 'train-cost-pack-'));
  // --ignore-scripts: pack the dist/ already built, without rebuilding it under other tests' feet.
  const json = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: ROOT, encoding: 'utf8' });
  packed = (JSON.parse(json) as (typeof packed)[])[0]!;
  app = join(work, 'app');
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
  execFileSync('npm', ['install', join(work, packed.filename), ...NPM_QUIET], { cwd: app, encoding: 'utf8' });
  installed = join(app, 'node_modules', 'train-cost');
}, 180_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the packed package', () => {
  it('ships the built files, presets, schemas and the docs output refers to; no sources', () => {
    const paths = packed.files.map((f) => f.path);
    for (const p of [
      'dist/index.js',
      'dist/index.d.ts',
      'dist/cli.cjs',
      'dist/cli-loader.cjs',
      `dist/cli.cjs.${process.version}-${process.arch}.cache`,
      'bin/train-cost.cjs',
      'schemas/run.schema.json',
      'presets/regions.yaml',
    ])
      expect(paths).toContain(p);
    expect(paths.filter((p) => /^(src|tests|scripts|bench)\//.test(p))).toEqual([]);
    // Every docs/*.md the CLI or library mentions is in the package.
    const mentioned = new Set(
      ['dist/cli.cjs', 'dist/index.js'].flatMap((f) => readFileSync(join(installed, f), 'utf8').match(/docs\/[\w.-]+\.md/g) ?? []),
    );
    expect(mentioned.size).toBeGreaterThan(0);
    for (const doc of mentioned) expect(existsSync(join(installed, doc)), doc).toBe(true);
    console.log(`tarball ${packed.filename}: ${packed.size} bytes packed, ${packed.unpackedSize} unpacked, ${paths.length} files`);
  });

  it('installs only what the bundle loads at run time: yaml', () => {
    const lock = JSON.parse(readFileSync(join(app, 'node_modules', '.package-lock.json'), 'utf8')) as { packages: Record<string, unknown> };
    expect(Object.keys(lock.packages).sort()).toEqual(['node_modules/train-cost', 'node_modules/yaml']);
  });

  it('has no install step that needs files it does not ship: its prepare does nothing there', () => {
    const before = statSync(join(installed, 'dist', 'cli.cjs')).mtimeMs;
    const r = spawnSync('npm', ['run', 'prepare', '--loglevel=error'], { cwd: installed, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(join(installed, 'scripts'))).toBe(false);
    expect(statSync(join(installed, 'dist', 'cli.cjs')).mtimeMs).toBe(before);
  });

  it('compiles a strict nodenext TypeScript consumer against its declarations and runs it', () => {
    writeFileSync(
      join(app, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          resolveJsonModule: true,
          skipLibCheck: false,
          types: [],
          outDir: 'out',
        },
        files: ['main.ts'],
      }),
    );
    writeFileSync(
      join(app, 'main.ts'),
      `import { bundledPresetsDir, estimate, InputError, loadRegions, type RunEstimateJson } from 'train-cost';
import pkg from 'train-cost/package.json' with { type: 'json' };
import runSchema from 'train-cost/schemas/run.schema.json' with { type: 'json' };
declare const console: { log(text: string): void };

const run: RunEstimateJson = await estimate({ gpu: 'h800', chips: 512, hours: 80 });
const usd: number = run.rental.usd;
// @ts-expect-error chips is a number or a quantity string, not a boolean
await estimate({ gpu: 'h800', chips: true, hours: 80 }).catch(() => null);
let message = '';
try {
  await estimate({ gpu: 'h8000', chips: 512, hours: 80 });
} catch (e) {
  if (e instanceof InputError) message = e.message;
}
const regions = loadRegions([bundledPresetsDir()]);
console.log(JSON.stringify({ gpuHours: run.gpuHours, usd, message, region: regions.default, version: pkg.version, schema: typeof runSchema }));
`,
    );
    const tsc = spawnSync(process.execPath, [TSC, '-p', app], { cwd: app, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
    const out = execFileSync(process.execPath, [join(app, 'out', 'main.js')], { cwd: app, encoding: 'utf8' });
    const result = JSON.parse(out) as Record<string, unknown>;
    expect(result).toMatchObject({ gpuHours: 40960, usd: 81920, region: 'us', schema: 'object' });
    expect(result.message).toMatch(/^unknown gpu "h8000"; did you mean "h800"\?/);
    expect(result.version).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
  });

  it('runs from npx: the seed command prints 40,960 GPU-hours and $81,920', () => {
    const r = spawnSync('npx', ['--no', '--', 'train-cost', '--chips', '512', '--gpu', 'h800', '--hours', '80'], {
      cwd: app,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('40,960');
    expect(r.stdout).toContain('$81,920');
  });

  it('runs its CommonJS bin through the code cache it ships (npx, the bin link)', () => {
    const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as { bin: Record<string, string> };
    expect(pkg.bin['train-cost']).toBe('bin/train-cost.cjs');
    const r = spawnSync('npx', ['--no', '--', 'train-cost', '--version'], {
      cwd: app,
      encoding: 'utf8',
      env: { ...process.env, TRAIN_COST_DEBUG_CACHE: '1' },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('train-cost: code cache used\n');
  });
});
