// Warnings on stderr: wrapped to the terminal's width (continuation lines indented) when stderr is
// a terminal; piped, one line per warning, so that a script can grep it.
import { describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';

const MANY = ['deepseek-r1', 'deepseek-v3', 'gpt-4', 'llama-3.1-405b'];
const lines = (s: string) => s.trimEnd().split('\n');
const longest = (s: string) => Math.max(...lines(s).map((l) => [...l].length));

describe('warnings on stderr', () => {
  it('piped: one line per warning however wide, even with COLUMNS=80', async () => {
    const r = await cli(MANY, { env: { COLUMNS: '80' } });
    expect(r.code, r.stderr).toBe(0);
    const all = lines(r.stderr);
    expect(all.length).toBeGreaterThanOrEqual(1);
    for (const l of all) expect(l).toMatch(/^warning: /);
    expect(longest(r.stderr)).toBeGreaterThan(80);
  });

  it('on an 80-column terminal: wrapped at 80, continuation lines indented, the same words', async () => {
    const piped = await cli(MANY, { env: { COLUMNS: '80' } });
    const tty = await cli(MANY, { tty: { stderr: true, stderrColumns: 80 } });
    expect(tty.code).toBe(0);
    expect(longest(tty.stderr)).toBeLessThanOrEqual(80);
    const all = lines(tty.stderr);
    expect(all.length).toBeGreaterThan(lines(piped.stderr).length);
    for (const l of all) expect(l).toMatch(/^(warning: |  \S)/);
    // Joining each warning's lines gives back the piped line.
    const joined = tty.stderr.replace(/\n  (?=\S)/g, ' ');
    expect(joined).toBe(piped.stderr);
  });

  it('a terminal that does not say its width: COLUMNS, else 80', async () => {
    const sixty = await cli(MANY, { tty: { stderr: true }, env: { COLUMNS: '60' } });
    expect(longest(sixty.stderr)).toBeLessThanOrEqual(60);
    const none = await cli(MANY, { tty: { stderr: true } });
    expect(longest(none.stderr)).toBeLessThanOrEqual(80);
  });
});
