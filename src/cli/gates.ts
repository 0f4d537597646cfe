// The gates an estimate is held to (--max-cost, --strict), tallied over its runs: a streamed grid
// keeps no runs, so what failed is kept as counts and the worst case, for one closing line.
import type { AuditCheck, GateCheck, MaxCostCheck } from '../core/checks.js';
import { fmtPercent, fmtUsd } from '../output/format.js';

/** The gates over every run, kept as counts and the worst case (a streamed grid keeps no runs). */
export class GateTally {
  private runs = 0;
  private over = 0;
  private worst: MaxCostCheck | null = null;
  private audits = 0;
  private badAudits = 0;
  private firstBad: AuditCheck | null = null;

  add(checks: readonly GateCheck[], runs: number): void {
    this.runs += runs;
    for (const c of checks) {
      if (c.gate === 'max-cost') {
        if (c.passed) continue;
        this.over++;
        if (this.worst === null || c.value > this.worst.value) this.worst = c;
      } else {
        this.audits++;
        if (!c.passed && this.badAudits++ === 0) this.firstBad = c;
      }
    }
  }

  /** One line for every failed gate: today's --max-cost message, then the --strict audits. */
  message(): string | null {
    const parts: string[] = [];
    const worst = this.worst;
    if (worst !== null) {
      const high = worst.at === 'high';
      parts.push(
        `${this.over} of ${this.runs} run${this.runs > 1 ? 's' : ''} over --max-cost ${fmtUsd(worst.limit)}${high ? ' at the high end of the range' : ''}: "${worst.run}" ${high ? 'could cost' : 'costs'} ${fmtUsd(worst.value)}`,
      );
    }
    const first = this.firstBad;
    if (first !== null) {
      const mfu = first.value === null ? '' : `implied MFU ${fmtPercent(first.value)} `;
      parts.push(
        `${this.badAudits} of ${this.audits} audit${this.audits > 1 ? 's' : ''} ${this.badAudits === 1 ? 'fails' : 'fail'} --strict: "${first.run}"${first.phase !== null ? ` (${first.phase})` : ''} ${mfu}is ${first.verdict.replace('-', ' ')}`,
      );
    }
    return parts.length > 0 ? parts.join('; ') : null;
  }
}
