// Start-up loads only what the command needs (issue 11): the seed command and --version read
// no YAML (the bundled presets are inlined at build time), so the yaml package is never loaded;
// nor are node:crypto (only --out needs it) and node:child_process (commander's, for executable
// subcommands, patched at build time to load on use). The package's bin runs the bundle through
// the code cache the build wrote.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createContext } from '../../src/cli/context.js';
import { buildProgram } from '../../src/cli/program.js';
import { cli, REPO_ROOT } from '../helpers/cli.js';
import { tempFolder } from '../helpers/files.js';

const PACKAGE_BIN = join(
  REPO_ROOT,
  (JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string> }).bin['train-cost']!,
);

// Lists, on exit, the CommonJS modules the process loaded (the CLI bundle requires yaml through
// them; the bundle itself runs through vm, not listed) and Node's own modules.
const LIST_MODULES = `data:text/javascript,${encodeURIComponent(
  "import { createRequire } from 'node:module'; const r = createRequire('/'); process.on('exit', () => process.stderr.write('MODULES ' + JSON.stringify({ files: Object.keys(r.cache), builtins: process.moduleLoadList.filter((m) => m.startsWith('NativeModule ')).map((m) => m.slice(13)) }) + '\\n'));",
)}`;

function loadedModules(args: string[], env: Record<string, string> = {}): { files: string[]; builtins: string[]; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', LIST_MODULES, PACKAGE_BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
  });
  expect(r.status, r.stderr).toBe(0);
  const line = r.stderr.split('\n').find((l) => l.startsWith('MODULES '));
  expect(line, r.stderr).toBeDefined();
  return { ...(JSON.parse(line!.slice('MODULES '.length)) as { files: string[]; builtins: string[] }), stderr: r.stderr };
}

const SEED = ['--chips', '512', '--gpu', 'h800', '--hours', '80'];
const tmp = tempFolder('startup');

describe('start-up', () => {
  it('the package bin is CommonJS (no ES module loader at start-up)', () => {
    expect(PACKAGE_BIN).toMatch(/\.cjs$/);
  });

  it.each([[['--version']], [SEED], [['deepseek-r1']]])('%j does not load yaml, node:crypto or node:child_process', (args) => {
    const { files, builtins } = loadedModules(args);
    expect(files.filter((m) => /[\\/]node_modules[\\/]yaml[\\/]/.test(m))).toEqual([]);
    expect(builtins.filter((m) => m === 'crypto' || m === 'child_process')).toEqual([]);
  });

  it('the seed command runs the bundle from the code cache the build wrote', () => {
    const { stderr } = loadedModules(SEED, { TRAIN_COST_DEBUG_CACHE: '1' });
    expect(stderr).toContain('train-cost: code cache used');
  });

  it('a run file on disk still loads yaml when it is needed', () => {
    const { files } = loadedModules([join(REPO_ROOT, 'examples', 'lora.yaml')]);
    expect(files.some((m) => /[\\/]node_modules[\\/]yaml[\\/]/.test(m))).toBe(true);
  });

  it('--out still writes its file (node:crypto names the temporary file)', () => {
    const { builtins } = loadedModules([...SEED, '--out', join(tmp.dir, 'seed.json')]);
    expect(builtins).toContain('crypto');
    expect(JSON.parse(readFileSync(join(tmp.dir, 'seed.json'), 'utf8')).runs[0].gpuHours).toBe(40960);
  });

  it('the program defines only the subcommands the arguments name; help and completion get them all', async () => {
    const ctx = createContext({ stdout: { write: () => {} }, stderr: { write: () => {} }, stdin: { read: async () => '' }, env: {} });
    const names = (argv?: string[]) => buildProgram(ctx, argv).commands.map((c) => c.name());
    const every = names();
    expect(every).toEqual(['gpus', 'runs', 'budget', 'backtest', 'schema', 'validate', 'prices', 'diff', 'completion']);
    expect(names(SEED)).toEqual([]);
    expect(names(['--format', 'json', 'gpus', 'h100'])).toEqual(['gpus']);
    for (const argv of [['--help'], ['-h'], ['help', 'diff'], ['gpus', '--help'], ['completion', 'bash']])
      expect(names(argv)).toEqual(every);
    // What a user sees is the same: the help lists every command, and a subcommand still runs.
    const help = await cli(['--help']);
    for (const name of every) expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    expect((await cli(['runs', '--format', 'csv'])).code).toBe(0);
  });
});
