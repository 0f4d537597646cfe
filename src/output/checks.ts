// One line per gate checked, in the table and in Markdown: the gate, the value against the
// limit, and the verdict ("check max-cost: $81,920 <= $2,000,000 passed").
import type { GateCheck } from '../core/checks.js';
import { fmtPercent, fmtUsd } from './format.js';

export function checkLines(checks: readonly GateCheck[], runCount: number): string[] {
  return checks.map((c) => {
    const verdict = c.passed ? 'passed' : 'failed';
    const who = [runCount > 1 ? c.run : null, c.gate === 'audit' ? c.phase : null].filter((s) => s !== null);
    const label = `${c.gate}${c.gate === 'max-cost' && c.at === 'high' ? ' at high' : ''}${who.length > 0 ? ` (${who.join(', ')})` : ''}`;
    if (c.gate === 'max-cost') return `check ${label}: ${fmtUsd(c.value)} ${c.passed ? '<=' : '>'} ${fmtUsd(c.limit)} ${verdict}`;
    return `check ${label}: implied MFU ${c.value === null ? 'unknown' : fmtPercent(c.value)} ${c.verdict} ${verdict}`;
  });
}
