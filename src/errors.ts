// Typed errors carrying an exit code. Only src/cli decides to exit; everything else throws.

export const EXIT = { ok: 0, checkFailed: 1, badInput: 2, bug: 70, cannotWrite: 74 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/** Bad input: a flag, number, file or preset the user can fix. Exit code 2. */
export class InputError extends Error {
  readonly exitCode: ExitCode = EXIT.badInput;
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Nothing to do (bare `train-cost`): a short usage, printed as it is. Exit code 2. */
export class UsageError extends InputError {
  constructor(readonly usage: string) {
    super('nothing to estimate');
    this.name = 'UsageError';
  }
}

/** A check the user asked for failed (budget, backtest threshold). Exit code 1. */
export class CheckFailed extends Error {
  readonly exitCode: ExitCode = EXIT.checkFailed;
  constructor(message: string) {
    super(message);
    this.name = 'CheckFailed';
  }
}

/** Closest candidate by edit distance, for "did you mean" hints. */
export function closest(word: string, candidates: readonly string[]): string | null {
  // A long word is no typo of a short id (and edit distance is quadratic in its length).
  if (word.length > 64) return null;
  let best: string | null = null;
  let bestDistance = Infinity;
  const w = word.toLowerCase();
  for (const c of candidates) {
    // A candidate that extends what was typed ("h80" -> "h800") wins a tie.
    const d = editDistance(w, c.toLowerCase()) - (c.toLowerCase().startsWith(w) ? 0.5 : 0);
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best !== null && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : null;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}
