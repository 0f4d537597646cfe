// Golden files: every command in every format it supports, --help of every command, and the
// messages of the main bad inputs, run in-process through main(argv, io) and compared with the
// files beside this test. One file per command x format, so a failing one points at one renderer:
// estimate-seed.table-80.txt is the table renderer at 80 columns, estimate-seed.csv the CSV one.
// After an intended change of output: `npx vitest run tests/golden -u`, then review the diff.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HTML_STYLE } from '../../src/output/html-style.js';
import { cli, type CliResult } from '../helpers/cli.js';

const FIXTURES = 'tests/golden/fixtures';

/** Commands with their arguments (every one takes every --format; estimates html too). */
const COMMANDS: { name: string; args: string[] }[] = [
  { name: 'estimate-seed', args: ['--chips', '512', '--gpu', 'h800', '--hours', '80'] },
  { name: 'estimate-deepseek-r1', args: ['deepseek-r1'] },
  { name: 'estimate-deepseek-v3', args: ['deepseek-v3'] },
  { name: 'estimate-workload', args: ['--params', '70B', '--tokens', '15T', '--gpu', 'h100'] },
  { name: 'estimate-comparison', args: ['--gpu', 'h100,b200', '--chips', '2048,4096', '--params', '70B', '--tokens', '15T'] },
  { name: 'estimate-gpus5', args: ['--gpu', 'h800,h100,a100,b200,mi300x', '--chips', '1024', '--hours', '100'] },
  { name: 'gpus', args: ['gpus'] },
  { name: 'runs', args: ['runs'] },
  { name: 'budget', args: ['budget', '1e6', '--gpu', 'h100'] },
  { name: 'backtest', args: ['backtest'] },
];

/** Each format with the ending of its golden file; tables (colour off: not a terminal) at 80 and 120 columns. */
const FORMATS: { id: string; args: string[]; env?: Record<string, string>; file: string }[] = [
  { id: 'table-80', args: ['--format', 'table'], env: { COLUMNS: '80' }, file: 'table-80.txt' },
  { id: 'table-120', args: ['--format', 'table'], env: { COLUMNS: '120' }, file: 'table-120.txt' },
  { id: 'json', args: ['--format', 'json'], file: 'json' },
  { id: 'csv', args: ['--format', 'csv'], file: 'csv' },
  { id: 'markdown', args: ['--format', 'markdown'], file: 'md' },
  { id: 'ndjson', args: ['--format', 'ndjson'], file: 'ndjson' },
];

/** The HTML page is for estimates (estimate, budget) only; the other commands refuse it (tests/html/html.test.ts). */
const formatsOf = (command: string) =>
  /^(estimate-|budget)/.test(command) ? [...FORMATS, { id: 'html', args: ['--format', 'html'], file: 'html' }] : FORMATS;

const SUBCOMMANDS = ['gpus', 'runs', 'budget', 'backtest', 'schema', 'validate'];

/** The main bad inputs: what stderr says and the exit code (stdout too when the command prints a result). */
const ERRORS: { name: string; args: string[]; env?: Record<string, string> }[] = [
  { name: 'unknown-gpu', args: ['--chips', '512', '--gpu', 'h80', '--hours', '80'] },
  { name: 'bad-number', args: ['--chips', 'abc', '--gpu', 'h800', '--hours', '80'] },
  { name: 'unknown-flag', args: ['--chips', '512', '--gpu', 'h800', '--hours', '80', '--colour'] },
  { name: 'invalid-yaml', args: [`${FIXTURES}/invalid-yaml.yaml`] },
  { name: 'unknown-key', args: [`${FIXTURES}/unknown-key.yaml`] },
  { name: 'missing-file', args: [`${FIXTURES}/no-such-run.yaml`] },
  { name: 'over-max-cost', args: ['--chips', '512', '--gpu', 'h800', '--hours', '80', '--max-cost', '50000', '--format', 'csv'] },
  { name: 'no-duration', args: ['--gpu', 'h800'] },
  { name: 'bare', args: [] },
  { name: 'mistyped-command', args: ['gpu'] },
  { name: 'estimate-flag-before-subcommand', args: ['--gpu', 'h100', 'gpus'] },
  { name: 'unknown-format', args: ['gpus', '--format', 'xml'] },
];

/**
 * Every page carries one stylesheet, the whole of HTML_STYLE unchanged, which is left out of the
 * page's own golden file (a placeholder comment stands in its place).
 */
const STYLE = /<style>([\s\S]*?)<\/style>/;
function withoutStyle(page: string): string {
  const style = STYLE.exec(page)?.[1];
  expect(style, 'the page has a <style> block').toBeDefined();
  expect(style).toBe(HTML_STYLE);
  return page.replace(STYLE, '<style>/* HTML_STYLE (src/output/html-style.ts) */</style>');
}

/** A result's exit code and streams as one text (for the error goldens). */
function transcript(r: CliResult): string {
  return [`exit ${r.code}`, '--- stderr', r.stderr.trimEnd(), ...(r.stdout ? ['--- stdout', r.stdout.trimEnd()] : []), ''].join('\n');
}

/** A successful run: exit 0 and nothing on stderr but warning lines (every format tells its warnings there). */
function expectOk(r: CliResult, format: string): void {
  expect(r.code, r.stderr).toBe(0);
  for (const line of r.stderr.split('\n').filter(Boolean)) expect(line, format).toMatch(/^warning: /);
}

describe('every command x every format', () => {
  for (const command of COMMANDS) {
    describe(command.name, () => {
      it.each(formatsOf(command.name))('$id', async (format) => {
        const r = await cli([...command.args, ...format.args], format.env ? { env: format.env } : {});
        expectOk(r, format.id);
        await expect(format.id === 'html' ? withoutStyle(r.stdout) : r.stdout).toMatchFileSnapshot(`${command.name}.${format.file}`);
        // A CSV run's stderr (its warnings) against its golden file: whenever one exists, so that warnings that go missing fail too.
        const stderrGolden = `${command.name}.csv-stderr.txt`;
        if (format.id === 'csv' && (r.stderr !== '' || existsSync(join(import.meta.dirname, stderrGolden))))
          await expect(r.stderr).toMatchFileSnapshot(stderrGolden);
        // Tables fit their width: no line longer than the columns given.
        if (format.id.startsWith('table-')) {
          const width = Number(format.env!.COLUMNS);
          for (const line of r.stdout.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(width);
        }
      });
    });
  }

  it('schema output (JSON only)', async () => {
    const r = await cli(['schema', 'output']);
    expectOk(r, 'json');
    await expect(r.stdout).toMatchFileSnapshot('schema-output.json');
  });
});

describe('--help', () => {
  it('of the program', async () => {
    const r = await cli(['--help']);
    expectOk(r, 'help');
    await expect(r.stdout).toMatchFileSnapshot('help.txt');
  });

  it.each(SUBCOMMANDS)('of %s', async (sub) => {
    const r = await cli([sub, '--help']);
    expectOk(r, 'help');
    await expect(r.stdout).toMatchFileSnapshot(`help-${sub}.txt`);
  });
});

describe('bad input', () => {
  it.each(ERRORS)('$name', async ({ name, args, env }) => {
    const r = await cli(args, env ? { env } : {});
    expect(r.code).not.toBe(0);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    await expect(transcript(r)).toMatchFileSnapshot(`error-${name}.txt`);
  });
});

describe('diff examples/plan-a.yaml examples/plan-b.yaml in every format', () => {
  it.each(FORMATS)('$id', async (format) => {
    const r = await cli(['diff', 'examples/plan-a.yaml', 'examples/plan-b.yaml', '--max-increase', '20%', ...format.args], format.env ? { env: format.env } : {});
    expectOk(r, format.id);
    await expect(r.stdout).toMatchFileSnapshot(`diff.${format.file}`);
  });

  it('over --max-increase: exit 1, the result, one line', async () => {
    const r = await cli(['diff', 'examples/plan-a.yaml', 'examples/plan-b.yaml', '--max-increase', '10%', '--format', 'markdown']);
    await expect(transcript(r)).toMatchFileSnapshot('error-diff-max-increase.txt');
  });
});
