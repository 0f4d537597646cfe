// What is listed under a table, in the table and in Markdown alike: the arithmetic (one run),
// the assumptions, notes, the sources of reported figures, and warnings.
import type { RunEstimate } from '../core/types.js';
import { arithmeticLines, costLines } from './arithmetic.js';
import { assumptionLines } from './assumptions.js';
import { describeWarning } from './warnings.js';
import { runFlopBounds } from '../core/thresholds.js';
import { fmtExp, fmtNumber, fmtUsd } from './format.js';

/** "DeepSeek-R1's base, DeepSeek-V3 (deepseek-v3): 2,788,000 GPU-hours, $5,576,000 rental; run and base together $5,870,672". */
function baseLines(r: RunEstimate): string[] {
  if (r.base === null) return [];
  const b = r.base;
  return [
    `${r.name}'s base, ${b.name} (${r.baseId}): ${fmtNumber(b.gpuHours)} GPU-hours, ${fmtUsd(b.rental.usd)} rental at ${fmtUsd(b.rental.usdPerGpuHour)}/GPU-hour` +
      `; ${r.name} ${fmtUsd(r.rental.usd)} + base ${fmtUsd(b.rental.usd)} = ${fmtUsd(r.rental.usd + b.rental.usd)} together`,
  ];
}

function flopText(f: [number, number]): string {
  if (f[0] === f[1]) return `${fmtExp(f[0])} FLOP`;
  // No workload: only the peak bounds it ("0 to 1.46e23" read as a range of estimates).
  return f[0] === 0 ? `at most ${fmtExp(f[1])} FLOP` : `${fmtExp(f[0])} to ${fmtExp(f[1])} FLOP`;
}

/** One line per run: its cumulative FLOP and each threshold's verdict; then each threshold's status and source once. */
function thresholdLines(runs: readonly RunEstimate[]): string[] {
  const lines: string[] = [];
  for (const r of runs) {
    if (r.thresholds.length === 0) continue;
    const own = runFlopBounds(r);
    const withBase = r.baseId !== null ? `, with base ${r.baseId} (own ${flopText(own)})` : '';
    const verdicts = r.thresholds.map(
      (t) => `${t.crossed === true ? 'above' : t.crossed === false ? 'below' : 'may cross'} ${t.id} ${fmtExp(t.flop)}`,
    );
    lines.push(`${r.name}: ${flopText(r.cumulativeFlop)} cumulative${withBase}: ${verdicts.join('; ')}`);
  }
  const seen = new Set<string>();
  for (const t of runs.flatMap((r) => r.thresholds)) {
    if (seen.has(t.id)) continue;
    seen.add(t.id);
    lines.push(`${t.id}: ${t.name}, > ${fmtExp(t.flop)} FLOP; ${t.status} (${t.source})`);
  }
  return lines;
}

export interface Section {
  title:
    | 'Arithmetic'
    | 'Base run (stated apart, not in the totals above)'
    | 'Compute thresholds'
    | 'Assumptions'
    | 'Notes'
    | 'Reported figures'
    | 'Warnings';
  /** Lines, each with its nesting depth (phase lines sit under their phase's name). */
  items: { text: string; depth: number }[];
  /** Listed with bullets (the arithmetic reads as worked lines, without). */
  bullets: boolean;
}

const flat = (texts: string[]) => [...new Set(texts)].map((text) => ({ text, depth: 0 }));

export function sectionsUnder(runs: readonly RunEstimate[]): Section[] {
  const sections: Section[] = [];
  if (runs.length === 1) {
    const run = runs[0]!;
    const nested = run.phases.length > 1;
    sections.push({
      title: 'Arithmetic',
      bullets: false,
      items: run.phases.flatMap((p) => [
        ...(nested ? [{ text: `${p.name}:`, depth: 0 }] : []),
        ...arithmeticLines(p).map((text) => ({ text, depth: nested ? 1 : 0 })),
      ]),
    });
    // Development costs belong to the run, not a phase: worked out after the phases, apart.
    const development = run.costs.filter((c) => c.basis === 'development');
    if (development.length > 0) {
      const items = sections[sections.length - 1]!.items;
      if (nested) items.push({ text: 'Development (apart from the run):', depth: 0 });
      items.push(...costLines(development).map((text) => ({ text, depth: nested ? 1 : 0 })));
    }
  }
  sections.push({ title: 'Base run (stated apart, not in the totals above)', bullets: true, items: flat(runs.flatMap(baseLines)) });
  sections.push({ title: 'Compute thresholds', bullets: true, items: flat(thresholdLines(runs)) });
  sections.push({ title: 'Assumptions', bullets: true, items: flat(assumptionLines(runs)) });
  sections.push({ title: 'Notes', bullets: true, items: flat(runs.flatMap((r) => (r.notes ? [`${r.name}: ${r.notes}`] : []))) });
  sections.push({
    title: 'Reported figures',
    bullets: true,
    items: flat(runs.flatMap((r) => (r.reported ? [`${r.name}: ${r.reported.source}`] : []))),
  });
  sections.push({ title: 'Warnings', bullets: true, items: flat(runs.flatMap((r) => r.warnings.map(describeWarning))) });
  return sections.filter((s) => s.items.length > 0);
}

/** Sections shown without --explain (and outside Markdown's folded block): figures, not explanations (the base run, stated apart). */
export function isAnswer(section: Section): boolean {
  return section.title.startsWith('Base run');
}
