// The README's examples are real output: every code block that starts with one
// `$ train-cost ...` command and shows what it prints is run in-process (tables at 100 columns,
// today fixed at 2026-11-30 as for every test) and must print what the README shows, warnings
// (stderr) after the result as on a terminal. Blocks of
// several commands (recipes, no output) are not examples of output and are left out. A line of
// "..." (or "  ...", "  - ...") in an example stands for lines left out of it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

interface Example {
  line: number;
  args: string[];
  shown: string;
}

/** Code blocks whose first line is `$ train-cost ...` and whose other lines are its output. */
function examples(markdown: string): Example[] {
  const found: Example[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('```')) continue;
    const start = i;
    let end = i + 1;
    while (end < lines.length && !lines[end]!.startsWith('```')) end++;
    const body = lines.slice(start + 1, end);
    i = end;
    const command = /^\$ train-cost(?: (.*))?$/.exec(body[0] ?? '');
    if (command === null || body.slice(1).some((l) => l.startsWith('$ ')) || body.length < 2) continue;
    // Words as a shell splits these simple commands (no quotes are used in the examples).
    const args = (command[1] ?? '').split(/\s+/).filter(Boolean);
    if (args.some((a) => /["'|>$]/.test(a))) continue;
    found.push({ line: start + 2, args, shown: body.slice(1).join('\n') });
  }
  return found;
}

const linesOf = (s: string) =>
  s
    .trimEnd()
    .split('\n')
    .map((l) => l.trimEnd());
const ELIDED = /^\s*(- )?\.\.\.$/;

/** Whether the output has the example's lines, in order, with "..." lines standing for any lines. */
function shows(output: string, example: string): boolean {
  const out = linesOf(output);
  const shown = linesOf(example);
  // Runs of shown lines between elisions; each must appear whole, in order; the first at the start
  // and the last at the end unless an elision stands there.
  const runs: string[][] = [[]];
  for (const l of shown)
    if (ELIDED.test(l)) runs.push([]);
    else runs[runs.length - 1]!.push(l);
  let at = 0;
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k]!;
    const first = k === 0;
    const last = k === runs.length - 1;
    const fits = (i: number) => run.every((l, j) => out[i + j] === l);
    if (first) {
      if (!fits(0)) return false;
      at = run.length;
      if (last && at !== out.length) return false;
      continue;
    }
    let i = at;
    if (last) i = out.length - run.length;
    else while (i + run.length <= out.length && !fits(i)) i++;
    if (i < at || !fits(i)) return false;
    at = i + run.length;
  }
  return true;
}

const EXAMPLES = examples(readFileSync('README.md', 'utf8'));

describe('shows(): output against an example with "..." elisions', () => {
  const out = ['header', 'a', 'b', 'c', 'd', 'footer'].join('\n');

  it('holds for the whole output, and for runs of it with "..." standing for the lines left out', () => {
    expect(shows(out, out)).toBe(true);
    expect(shows(out, ['header', 'a', '...', 'footer'].join('\n'))).toBe(true);
    expect(shows(out, ['header', '  ...', 'c', '...'].join('\n'))).toBe(true);
    expect(shows(out, ['...', 'b', 'c', '  - ...', 'footer'].join('\n'))).toBe(true);
  });

  it('fails for a changed line, lines out of order, a missing line, or a missing elision at either end', () => {
    expect(shows(out, ['header', 'a', 'b', 'C', 'd', 'footer'].join('\n'))).toBe(false);
    expect(shows(out, ['header', '...', 'c', 'b', '...', 'footer'].join('\n'))).toBe(false);
    expect(shows(out, ['header', '...', 'c', '...', 'b', '...'].join('\n'))).toBe(false);
    expect(shows(out, ['header', 'a', 'b', 'd', 'footer'].join('\n'))).toBe(false);
    expect(shows(out, ['header', 'a', '...', 'd'].join('\n'))).toBe(false);
    expect(shows(out, ['a', '...', 'footer'].join('\n'))).toBe(false);
  });
});

describe('README examples print what the README shows', () => {
  it('there are examples to check: the 7 blocks of one command and its output', () => {
    expect(EXAMPLES).toHaveLength(7);
  });

  it.each(EXAMPLES.map((e) => [`line ${e.line}: train-cost ${e.args.join(' ')}`, e] as const))('%s', async (_, e) => {
    const r = await cli(e.args, { env: { COLUMNS: '100' } });
    expect(r.code, r.stderr).toBe(0);
    // As a terminal shows it: the result, then the warnings (stderr, written last).
    const seen = r.stdout + r.stderr;
    if (!shows(seen, e.shown)) expect(linesOf(seen).join('\n')).toBe(linesOf(e.shown).join('\n'));
  });
});
