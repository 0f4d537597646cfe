// The HTML page without a browser: --out report.html picks it, its bytes are the same for the
// same input, it is self-contained (no scripts, no URLs to fetch), text is escaped, and the
// commands that list refuse it in one line. The page in a real browser: browser.test.ts.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { escapeHtml } from '../../src/output/html-escape.js';
import { cli, expectInputError } from '../helpers/cli.js';
import { tempFolder } from '../helpers/files.js';

const tmp = tempFolder('html');

const SEED = ['--chips', '512', '--gpu', 'h800', '--hours', '80'];
const COMPARISON = ['--gpu', 'h800,h100,a100', '--chips', '512', '--hours', '80'];

describe('--format html', () => {
  it.each(['report.html', 'REPORT.HTM'])('--out %s picks the HTML page; the file holds what stdout would', async (name) => {
    const dir = mkdtempSync(join(tmp.dir, 'out-'));
    const r = await cli([...SEED, '--out', join(dir, name)]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe('');
    const page = readFileSync(join(dir, name), 'utf8');
    expect(page.startsWith('<!DOCTYPE html>\n<html lang="en">')).toBe(true);
    expect(page).toContain('<td data-key="rentalUsd" data-value="81920">$81,920</td>');
    expect(page).toBe((await cli([...SEED, '--format', 'html'])).stdout);
    expect(readdirSync(dir)).toEqual([name]);
  });

  it('--format wins over the extension', async () => {
    const dir = mkdtempSync(join(tmp.dir, 'out-'));
    expect((await cli([...SEED, '--format', 'json', '--out', join(dir, 'r.html')])).code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'r.html'), 'utf8')).runs[0].gpuHours).toBe(40_960);
  });

  it('the same input gives the same bytes (no timestamps)', async () => {
    const a = await cli([...COMPARISON, '--format', 'html'], { env: { TRAIN_COST_TODAY: '2026-11-30' } });
    const b = await cli([...COMPARISON, '--format', 'html'], { env: { TRAIN_COST_TODAY: '2026-11-30' } });
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).not.toMatch(/\b20\d\d-\d\d-\d\dT\d\d:/);
  });

  it("is self-contained: no scripts, nothing to fetch; light and dark from the reader's setting", async () => {
    const page = (await cli([...COMPARISON, '--format', 'html'])).stdout;
    expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|url\(|\bsrc=|\bhref=/i);
    expect(page).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg")/);
    expect(page).toContain('@media (prefers-color-scheme: dark)');
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    // The comparison's chart: one bar per run, the baseline first.
    expect(page.match(/<rect class="bar[^"]*"/g)).toEqual(['<rect class="bar base"', '<rect class="bar"', '<rect class="bar"']);
    expect(page).toContain('width="57.143%"'); // $81,920 of $140,493, the largest at 98%
  });

  it('budget writes the page too', async () => {
    const r = await cli(['budget', '1e6', '--gpu', 'h100', '--format', 'html']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^<!DOCTYPE html>/);
  });

  it('escapes names and text: a run named <script> is text', async () => {
    const yaml = 'name: "<script>alert(\'x\')</script> & \\"co\\""\ngpu: h100\nphases:\n  - name: t\n    gpuHours: 1000\n';
    const r = await cli(['-', '--format', 'html'], { input: yaml });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toContain('<script');
    expect(r.stdout).toContain('<title>Training cost: &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;co&quot;</title>');
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe('the other commands have no HTML page', () => {
  it.each(['gpus', 'runs', 'backtest'])('%s --format html: exit 2, the formats it takes', async (command) => {
    expect(await expectInputError([command, '--format', 'html'])).toBe(
      'train-cost: unknown --format "html"; use one of: table, json, csv, markdown, ndjson',
    );
  });

  it('runs --out runs.html: exit 2, the endings it takes', async () => {
    expect(await expectInputError(['runs', '--out', 'runs.html'])).toBe(
      'train-cost: --out runs.html: HTML is for estimates only (train-cost RUN, budget); give a file ending .txt, .json, .csv, .md or .ndjson, or a --format',
    );
  });
});
