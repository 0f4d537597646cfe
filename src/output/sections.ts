// What is listed under a table, in the table and in Markdown alike: the arithmetic (one run),
// the assumptions, notes, the sources of reported figures, and warnings.
import type { RunEstimate } from '../core/types.js';
import { arithmeticLines, costLines } from './arithmetic.js';
import { assumptionLines } from './assumptions.js';
import { describeWarning } from './warnings.js';

export interface Section {
  title: 'Arithmetic' | 'Assumptions' | 'Notes' | 'Reported figures' | 'Warnings';
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
