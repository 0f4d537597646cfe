// Tables for people (issue 10, items 1-3 and the streams of 9): they fit the width, end on the
// answer, draw a chart under a comparison, and leave warnings to stderr; JSON loses nothing.
import { describe, expect, it } from 'vitest';
import { barLength } from '../../src/output/chart.js';
import { cli, cliJson } from '../helpers/cli.js';

const SEED = ['--chips', '512', '--gpu', 'h800', '--hours', '80'];
const GPUS5 = ['--gpu', 'h800,h100,a100,b200,mi300x', '--chips', '1024', '--hours', '100'];
const COMMANDS: [string, string[]][] = [
  ['the seed table', SEED],
  ['a 5-GPU comparison', GPUS5],
  ['gpus', ['gpus']],
  ['runs', ['runs']],
  ['backtest', ['backtest']],
  ['deepseek-v3', ['deepseek-v3']],
  ['deepseek-r1 --explain', ['deepseek-r1', '--explain']],
  ['diff plan-a plan-b', ['diff', 'examples/plan-a.yaml', 'examples/plan-b.yaml']],
];
const longest = (s: string) => Math.max(...s.split('\n').map((l) => [...l].length));

describe('tables fit the width', () => {
  it.each(COMMANDS)('%s: no line longer than 80 at COLUMNS=80, or on an 80-column terminal', async (_, args) => {
    const piped = await cli(args, { env: { COLUMNS: '80' } });
    expect(piped.code, piped.stderr).toBe(0);
    expect(longest(piped.stdout), piped.stdout).toBeLessThanOrEqual(80);
    const tty = await cli(args, { tty: { stdout: true, columns: 80 }, env: { NO_COLOR: '1' } });
    expect(longest(tty.stdout), tty.stdout).toBeLessThanOrEqual(80);
    // In colour, the codes take no room.
    const colour = await cli(args, { tty: { stdout: true, columns: 80 } });
    expect(colour.stdout).toMatch(/\u001b\[/);
    expect(longest(colour.stdout.replace(/\u001b\[[0-9;]*m/g, ''))).toBeLessThanOrEqual(80);
  });

  it('at 60 columns too, the box is whole: every table line starts and ends with its border', async () => {
    const r = await cli(GPUS5, { env: { COLUMNS: '60' } });
    expect(longest(r.stdout)).toBeLessThanOrEqual(60);
    const box = r.stdout.split('\n').filter((l) => /^[┌│└]/.test(l));
    expect(box.length).toBeGreaterThan(5);
    for (const l of box) expect(l, l).toMatch(/^[┌│└].*[┐│┘]$/);
  });

  it('a narrow table says which columns it left out; --wide shows them all', async () => {
    const narrow = await cli(GPUS5, { env: { COLUMNS: '80' } });
    expect(narrow.stdout).toMatch(/Left out at 80 columns: CO2 \(t\), Cluster purchase.*\(--wide\s+shows every column\)/s);
    const wide = await cli([...GPUS5, '--wide'], { env: { COLUMNS: '80' } });
    expect(wide.stdout).toContain('Cluster purchase');
    expect(wide.stdout).toContain('CO2 (t)');
    expect(wide.stdout).not.toContain('Left out');
    expect(longest(wide.stdout)).toBeGreaterThan(80);
  });

  it('diff: compact figures where space is short, --wide for the full ones, JSON unchanged', async () => {
    const DIFF = ['diff', 'examples/plan-a.yaml', 'examples/plan-b.yaml'];
    const narrow = await cli(DIFF, { env: { COLUMNS: '80' } });
    expect(longest(narrow.stdout)).toBeLessThanOrEqual(80);
    // 3 significant digits, and a name wrapped at a space, never inside a figure.
    expect(narrow.stdout).toMatch(/│ Cluster purchase │ \$28\.1M │ \$15\.0M │ -\$13\.1M │ +-46\.7% │/);
    expect(narrow.stdout).toMatch(/│ +8B pre-training, +│[^\n]*\n│ then long context/);
    const wide = await cli([...DIFF, '--wide'], { env: { COLUMNS: '80' } });
    expect(wide.stdout).toContain('│ Cluster purchase │ $28,121,998 │ $14,983,585 │ -$13,138,413 │   -46.7% │');
    expect(longest(wide.stdout)).toBeGreaterThan(80);
    // Narrower still: the change columns go first, and the line says so.
    const sixty = await cli(DIFF, { env: { COLUMNS: '60' } });
    expect(longest(sixty.stdout)).toBeLessThanOrEqual(60);
    expect(sixty.stdout).toMatch(/Left out at 60 columns: Change, Change %/);
    expect(sixty.stdout).toContain('│ Before │  After │');
    const json = async (env: Record<string, string>) => (await cli([...DIFF, '--format', 'json'], { env })).stdout;
    expect(await json({ COLUMNS: '40' })).toBe(await json({}));
  });

  it('the closing Total line of a ranged run uses the number style of its table cell', async () => {
    const table = await cli(['examples/rl.yaml'], { env: { COLUMNS: '80' } });
    expect(table.stdout).toContain('│ Rental cost      │ $1,684 at $2.99/GPU-hour  (range $1,009 - $3,114)');
    expect(table.stdout.trimEnd().split('\n').at(-1)).toBe('Total: $1,684 to rent (range $1,009 - $3,114); $374 to own (0.22x of renting)');
    // Markdown's cell is compact beside its range, and so is its total.
    const md = await cli(['examples/rl.yaml', '--format', 'markdown']);
    expect(md.stdout).toContain('| 8B SFT then RL | h100 | 64 | 8.8 h | 563 (337 - 1.04K) | $1.68K ($1.01K - $3.11K) |');
    expect(md.stdout).toContain('**Total: $1.68K to rent (range $1.01K - $3.11K); $374 to own (0.22x of renting)**');
  });

  it('piped with no COLUMNS, nothing is left out; a terminal that gives no width gets 80', async () => {
    expect((await cli(GPUS5)).stdout).not.toContain('Left out');
    const tty = await cli(GPUS5, { tty: { stdout: true } });
    expect(longest(tty.stdout.replace(/\u001b\[[0-9;]*m/g, ''))).toBeLessThanOrEqual(80);
  });

  it('no information is lost from JSON at any width', async () => {
    const a = await cli([...GPUS5, '--format', 'json'], { env: { COLUMNS: '40' } });
    const b = await cli([...GPUS5, '--format', 'json']);
    expect(a.stdout).toBe(b.stdout);
    const runs = JSON.parse(a.stdout).runs;
    expect(runs.map((r: any) => r.energy.co2Tonnes).every((x: unknown) => typeof x === 'number')).toBe(true);
  });

  it('the prose under a table is wrapped to the width', async () => {
    const r = await cli([...SEED, '--explain'], { env: { COLUMNS: '80' } });
    expect(longest(r.stdout)).toBeLessThanOrEqual(80);
    // A long assumption continues under its text, indented.
    expect(r.stdout).toMatch(/\n  - Region us \(the default[^\n]*\n    \S/);
  });
});

describe('the table ends on the answer', () => {
  it('the seed command: the table, one line of key assumptions, the total last; figures kept', async () => {
    const r = await cli(SEED, { env: { COLUMNS: '80' } });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('Total: $81,920 to rent; $51,057 to own (0.62x of renting)');
    expect(r.stdout).toContain('40,960');
    expect(r.stdout).toMatch(/Assuming h800 at \$2\.00\/GPU-hour \(deepseek-assumption, 2024-12-27\); region us/);
    expect(lines.length).toBeLessThanOrEqual(22);
  });

  it('DeepSeek runs keep their totals: R1 $294,672, V3 $5,576,000', async () => {
    expect((await cli(['deepseek-r1'])).stdout.trimEnd().split('\n').at(-1)).toMatch(/^Total: \$294,672 to rent/);
    expect((await cli(['deepseek-v3'])).stdout.trimEnd().split('\n').at(-1)).toMatch(/^Total: \$5,576,000 to rent/);
  });

  it('--explain adds the arithmetic, the sourced assumptions and thresholds', async () => {
    const plain = await cli(SEED);
    const explained = await cli([...SEED, '--explain']);
    for (const section of ['Arithmetic', 'Assumptions', 'Compute thresholds']) {
      expect(plain.stdout).not.toContain(`\n${section}\n`);
      expect(explained.stdout).toContain(`\n${section}\n`);
    }
    expect(explained.stdout).toContain('GPU-hours = chips x hours = 512 x 80 h = 40,960');
  });

  it('Markdown keeps the explanations in a <details> block, the answer outside it', async () => {
    const md = (await cli([...SEED, '--format', 'markdown'])).stdout;
    const open = md.indexOf('<details>');
    expect(open).toBeGreaterThan(md.indexOf('**Total: $81,920 to rent'));
    expect(md.indexOf('**Arithmetic**')).toBeGreaterThan(open);
    expect(md.trimEnd().endsWith('</details>')).toBe(true);
  });

  it('params and tokens read as 671B / 14.8T in runs, backtest and the table', async () => {
    const runs = (await cli(['runs', '--wide'])).stdout;
    expect(runs).toMatch(/deepseek-v3 .*671B \(37B active\).*14\.8T/);
    expect(runs).not.toMatch(/6\.71e11/);
    expect((await cli(['backtest', '--wide'])).stdout).toMatch(/DeepSeek-V3 pre-training .* 37B /);
    expect((await cli(['--params', '70B', '--tokens', '15T', '--gpu', 'h100'])).stdout).toMatch(
      /\d+(\.\d+)?B params x \d+(\.\d+)?T tokens/,
    );
  });

  it('one number style per column: all full figures, or all 3 significant digits', async () => {
    const r = await cli([...GPUS5, '--wide']);
    const rental = r.stdout
      .split('\n')
      .filter((l) => l.startsWith('│ 1024'))
      .map((l) => l.split('│')[6]!.trim());
    expect(rental).toEqual(['$204,800', '$306,176', '$351,232', '$617,472', '$153,600']);
    const narrow = await cli(GPUS5, { env: { COLUMNS: '80' } });
    expect(narrow.stdout).toMatch(/│ +\$205K │/);
    expect(narrow.stdout).not.toMatch(/│ +\$204,800 │/);
  });
});

describe('a chart under every comparison', () => {
  const bars = (out: string, sep: string) =>
    out
      .split('\n')
      .slice(out.split('\n').indexOf('Rental cost by run') + 1)
      .filter((l) => l.includes(sep))
      .map((l) => l.split(sep)[1]!.split(' ')[0]!);

  it('ASCII # when piped (no colour): one bar per run, in proportion to the rental cost, the base marked', async () => {
    const r = await cli(GPUS5, { env: { COLUMNS: '80' } });
    const { json } = await cliJson(GPUS5);
    const usd: number[] = json.runs.map((x: any) => x.rental.usd);
    const drawn = bars(r.stdout, ' |').map(barLength);
    expect(drawn).toHaveLength(5);
    const max = Math.max(...drawn);
    usd.forEach((u, i) => expect(Math.abs(drawn[i]! - (u / Math.max(...usd)) * max)).toBeLessThanOrEqual(0.5));
    expect(r.stdout).toMatch(/1024 x h800, 100 h +\|#+ \$205K \(baseline\)/);
    expect(r.stdout).toMatch(/\|#+ \$617K 3\.02x/);
  });

  it('Unicode blocks on a colour terminal, ASCII on TERM=dumb', async () => {
    const tty = await cli(GPUS5, { tty: { stdout: true, columns: 100 } });
    expect(tty.stdout).toMatch(/ │█+[▏▎▍▌▋▊▉]? /);
    const { json } = await cliJson(GPUS5);
    const usd: number[] = json.runs.map((x: any) => x.rental.usd);
    const drawn = bars(tty.stdout, ' │').map(barLength);
    const max = Math.max(...drawn);
    usd.forEach((u, i) => expect(Math.abs(drawn[i]! - (u / Math.max(...usd)) * max)).toBeLessThanOrEqual(1 / 16));
    const dumb = await cli(GPUS5, { tty: { stdout: true, columns: 100 }, env: { TERM: 'dumb' } });
    expect(dumb.stdout).not.toMatch(/[█▏▎▍▌▋▊▉]/);
    expect(dumb.stdout).toMatch(/ \|#+ /);
    expect(dumb.stdout).not.toMatch(/\u001b\[/);
  });

  it('Markdown draws it in a code block, one bar per run', async () => {
    const md = (await cli([...GPUS5, '--format', 'markdown'])).stdout;
    const block = md.slice(md.indexOf('```text'), md.indexOf('```', md.indexOf('```text') + 3));
    expect(block.split('\n').filter((l) => l.includes(' │█'))).toHaveLength(5);
    expect(block).toContain('$205K (baseline)');
  });

  it('a single run has no chart', async () => {
    expect((await cli(SEED)).stdout).not.toContain('Rental cost by run');
  });
});

describe('warnings go to stderr in every format', () => {
  const B200 = ['--gpu', 'b200', '--params', '70B', '--tokens', '15T'];
  it.each(['table', 'json', 'csv', 'markdown', 'ndjson'])('%s', async (format) => {
    const r = await cli([...B200, '--format', format]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning: no published run on b200 at bf16/m);
    if (format === 'table') expect(r.stdout).not.toContain('warning');
  });
});
