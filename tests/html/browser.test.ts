// The HTML page (--format html) in a real headless browser (Chromium from @sparticuz/chromium,
// driven by puppeteer-core; no download beyond the npm packages): it loads without console
// errors or network requests, every figure it shows matches the JSON of the same command, the
// chart has one bar per run in proportion to the rental costs, light and dark follow the reader's
// setting, and it fits 390 px and 1280 px wide screens without scrolling sideways.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'puppeteer-core';
import puppeteer from 'puppeteer-core';
import { cli, cliJson, withoutWarnings } from '../helpers/cli.js';

const SEED = ['--chips', '512', '--gpu', 'h800', '--hours', '80'];
const COMPARISON = ['--gpu', 'h800,h100,a100', '--chips', '512', '--hours', '80'];
const RANGED = ['--gpu', 'h100,b200', '--chips', '2048,4096', '--params', '70B', '--tokens', '15T'];
const XSS = `<script>console.error("xss")</script><img src=x onerror="console.error('xss')">`;
const XSS_RUN = `name: ${JSON.stringify(XSS)}\ngpu: h100\nphases:\n  - name: 'a <b>phase</b>'\n    gpuHours: 1000\n  - name: two\n    gpuHours: 3000\n`;

let browser: Browser;
let page: Page;
let problems: string[] = [];

beforeAll(async () => {
  const chromium = (await import('@sparticuz/chromium')).default;
  browser = await puppeteer.launch({ executablePath: await chromium.executablePath(), args: chromium.args, headless: true });
  page = await browser.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warn') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${String(e)}`));
  // The page needs no network: any request (a font, an image, a style sheet) is refused and told.
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    problems.push(`request: ${req.url()}`);
    void req.abort();
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** The page of a command, loaded at a width; with the JSON of the same command. */
async function load(args: string[], opts: { width?: number; dark?: boolean; input?: string } = {}) {
  const r = await cli([...args, '--format', 'html'], opts.input !== undefined ? { input: opts.input } : {});
  expect(r.code, r.stderr).toBe(0);
  expect(withoutWarnings(r.stderr)).toBe('');
  const { json } = await cliJson(args, opts.input !== undefined ? { input: opts.input } : {});
  problems = [];
  await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: opts.dark ? 'dark' : 'light' }]);
  await page.setViewport({ width: opts.width ?? 1280, height: 800 });
  await page.setContent(r.stdout, { waitUntil: 'load' });
  return { html: r.stdout, json };
}

/** A figure as shown ("$81,920", "7.01M", "$2.00"), and how far off its rounding may be. */
function parseShown(text: string): { value: number; tolerance: number } {
  const m = /^\$?(-?[\d,]+(?:\.(\d+))?)([MBT]?)$/.exec(text.trim());
  if (m === null) throw new Error(`not a figure: "${text}"`);
  const scale = { '': 1, M: 1e6, B: 1e9, T: 1e12 }[m[3] as '' | 'M' | 'B' | 'T'];
  const decimals = m[2]?.length ?? 0;
  return { value: Number(m[1]!.replace(/,/g, '')) * scale, tolerance: 0.5 * 10 ** -decimals * scale };
}

function expectShown(text: string, expected: number): void {
  const { value, tolerance } = parseShown(text);
  expect(Math.abs(value - expected), `"${text}" vs ${expected}`).toBeLessThanOrEqual(tolerance * (1 + 1e-9));
}

/** Each run row's GPU-hours and rental cost cells: the figure shown (without its range) and the raw data-value. */
async function runCells(): Promise<{ gpuHours: string; rental: string; gpuHoursValue: number; rentalValue: number; name: string }[]> {
  return page.$$eval('#runs tbody tr.run', (rows) =>
    rows.map((tr) => {
      const cell = (key: string) => tr.querySelector(`td[data-key="${key}"]`)!;
      const main = (el: typeof tr) => el.firstChild!.textContent!.trim();
      return {
        name: tr.querySelector('th')!.textContent!,
        gpuHours: main(cell('gpuHours')),
        rental: main(cell('rentalUsd')),
        gpuHoursValue: Number(cell('gpuHours').getAttribute('data-value')),
        rentalValue: Number(cell('rentalUsd').getAttribute('data-value')),
      };
    }),
  );
}

// The page's globals, inside page.evaluate (this file is type-checked without the DOM library).
const SCROLL_WIDTHS = '[document.documentElement.scrollWidth, window.innerWidth]';
const BACKGROUND = 'getComputedStyle(document.body).backgroundColor';

async function expectFits(): Promise<void> {
  const [scroll, inner] = (await page.evaluate(SCROLL_WIDTHS)) as [number, number];
  expect(scroll, `page ${scroll} px wide in a ${inner} px window`).toBeLessThanOrEqual(inner);
}

describe('the seed estimate as HTML', () => {
  it('loads without console errors or requests and shows 40,960 GPU-hours and $81,920, as the JSON says', async () => {
    const { json } = await load(SEED);
    expect(problems).toEqual([]);
    const run = json.runs[0];
    expect(run.gpuHours).toBe(40960);
    expect(run.rental.usd).toBe(81920);
    const [cells] = await runCells();
    expect(cells).toEqual({ name: run.name, gpuHours: '40,960', rental: '$81,920', gpuHoursValue: 40960, rentalValue: 81920 });
    // The answer at the top says the same.
    expect(await page.$eval('.answer [data-key="gpuHours"]', (e) => e.textContent)).toBe('40,960');
    expect(await page.$eval('.answer [data-basis="rental"]', (e) => e.textContent)).toBe('$81,920');
    // One run: no chart; the arithmetic and the sources are there.
    expect(await page.$$('svg.chart')).toHaveLength(0);
    const headings = await page.$$eval('h2', (hs) => hs.map((h) => h.textContent));
    expect(headings).toEqual(expect.arrayContaining(['Arithmetic', 'Assumptions', 'Compute thresholds']));
    expect(await page.$eval('#arithmetic', (e) => e.textContent)).toContain('rental = GPU-hours x price = 40,960 x $2.00 = $81,920');
  });

  it.each([390, 1280])('fits %i px wide, in light and dark', async (width) => {
    await load(SEED, { width });
    await expectFits();
    const light = await page.evaluate(BACKGROUND);
    await load(SEED, { width, dark: true });
    await expectFits();
    const dark = await page.evaluate(BACKGROUND);
    expect(light).toBe('rgb(255, 255, 255)');
    expect(dark).not.toBe(light);
  });

  it('shows the gates checked, failed ones marked', async () => {
    const r = await cli([...SEED, '--max-cost', '50000', '--format', 'html']);
    expect(r.code).toBe(1);
    problems = [];
    await page.setContent(r.stdout, { waitUntil: 'load' });
    expect(problems).toEqual([]);
    expect(await page.$$eval('#checks li', (ls) => ls.map((l) => [l.className, l.textContent]))).toEqual([
      ['fail', 'check max-cost: $81,920 > $50,000 failed'],
    ]);
  });
});

describe('a comparison as HTML', () => {
  it('every run row matches the JSON: GPU-hours and rental cost', async () => {
    const { json } = await load(COMPARISON);
    expect(problems).toEqual([]);
    const cells = await runCells();
    expect(cells).toHaveLength(3);
    cells.forEach((c, i) => {
      const run = json.runs[i];
      expect(c.name).toBe(run.name);
      expect(c.gpuHoursValue).toBe(run.gpuHours);
      expect(c.rentalValue).toBe(run.rental.usd);
      expectShown(c.gpuHours, run.gpuHours);
      expectShown(c.rental, run.rental.usd);
    });
    expect(cells.map((c) => c.rental)).toEqual(['$81,920', '$122,470', '$140,493']);
  });

  it('the chart has one bar per run, widths in proportion to the rental costs, the baseline marked', async () => {
    const { json } = await load(COMPARISON);
    const bars = await page.$$eval('svg.chart rect.bar', (rs) =>
      rs.map((r) => ({ width: r.getBoundingClientRect().width, base: r.classList.contains('base') })),
    );
    const usd: number[] = json.runs.map((r: any) => r.rental.usd);
    expect(bars).toHaveLength(usd.length);
    expect(bars.map((b) => b.base)).toEqual([true, false, false]);
    const widest = Math.max(...bars.map((b) => b.width));
    expect(widest).toBeGreaterThan(500);
    bars.forEach((b, i) => expect(Math.abs(b.width / widest - usd[i]! / Math.max(...usd))).toBeLessThanOrEqual(0.01));
    // Each bar's label shows its run and figure, as the JSON says.
    const labels = await page.$$eval('svg.chart g.run', (gs) => gs.map((g) => g.querySelector('title')!.textContent!));
    expect(labels).toHaveLength(usd.length);
    labels.forEach((l, i) => {
      expect(l.startsWith(json.runs[i].name)).toBe(true);
      expectShown(l.slice(l.lastIndexOf(': ') + 2), usd[i]!);
    });
    expect(labels[0]).toContain('(baseline)');
  });

  it.each([390, 1280])('fits %i px wide; the chart keeps its proportions', async (width) => {
    const { json } = await load(COMPARISON, { width });
    await expectFits();
    const widths = await page.$$eval('svg.chart rect.bar', (rs) => rs.map((r) => r.getBoundingClientRect().width));
    const usd: number[] = json.runs.map((r: any) => r.rental.usd);
    expect(widths).toHaveLength(usd.length);
    widths.forEach((w, i) => expect(Math.abs(w / Math.max(...widths) - usd[i]! / Math.max(...usd))).toBeLessThanOrEqual(0.01));
  });

  it('ranged figures: compact figures within their rounding of the JSON, whiskers to the range', async () => {
    const { json } = await load(RANGED, { width: 390 });
    expect(problems).toEqual([]);
    await expectFits();
    const cells = await runCells();
    expect(cells).toHaveLength(4);
    cells.forEach((c, i) => {
      expectShown(c.gpuHours, json.runs[i].gpuHours);
      expectShown(c.rental, json.runs[i].rental.usd);
    });
    expect(await page.$$('svg.chart rect.bar')).toHaveLength(4);
    expect(await page.$$('svg.chart line.range')).toHaveLength(4 * 3);
  });
});

describe('phases and hostile names', () => {
  it.each([390, 1280])('deepseek-v3 (phases, long sections) fits %i px wide; its phases match the JSON', async (width) => {
    const { json } = await load(['deepseek-v3'], { width });
    expect(problems).toEqual([]);
    await expectFits();
    const phases = await page.$$eval('#runs tr.phase', (rows) =>
      rows.map((tr) => [tr.querySelector('th')!.textContent, tr.querySelector('td[data-key="gpuHours"]')!.getAttribute('data-value')]),
    );
    expect(phases).toEqual(json.runs[0].phases.map((p: any) => [p.name, String(p.gpuHours)]));
  });

  it('a run named with HTML shows the name as text: no script runs, nothing is fetched', async () => {
    const { html } = await load(['-'], { input: XSS_RUN, width: 390 });
    expect(problems).toEqual([]);
    expect(html).not.toMatch(/<script|<img/i);
    expect(await page.$$('script, img, b')).toHaveLength(0);
    expect(await page.$eval('#runs tr.run th', (e) => e.textContent)).toBe(XSS);
    expect(await page.title()).toBe(`Training cost: ${XSS}`);
    await expectFits();
  });
});
