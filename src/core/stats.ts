// Small numerics for the MFU fit: a linear solve, weighted quantiles, medians.
/** Gaussian elimination with partial pivoting (the matrix is small and positive definite). */
export function solve(a: number[][], b: number[]): number[] {
  const n = b.length;
  const m = a.map((r, i) => [...r, b[i]!]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r]![c]!) > Math.abs(m[p]![c]!)) p = r;
    if (Math.abs(m[p]![c]!) < 1e-12) throw new Error('MFU fit is singular (too few distinct observations)');
    [m[c], m[p]] = [m[p]!, m[c]!];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r]![c]! / m[c]![c]!;
      if (f === 0) continue;
      for (let k = c; k <= n; k++) m[r]![k]! -= f * m[c]![k]!;
    }
  }
  return m.map((r, i) => r[n]! / r[i]!);
}

/**
 * Weighted quantile with Weibull plotting positions: the i-th smallest of n sits at i/(n+1)
 * (Hyndman & Fan 1996, type 6), so a [q, 1-q] band from n residuals covers a new one with
 * probability ~1-2q; weighted, the positions are cumulative weight / (total + mean weight).
 */
export function weightedQuantile(items: { r: number; w: number }[], q: number): number {
  const s = [...items].sort((x, y) => x.r - y.r);
  const total = s.reduce((acc, x) => acc + x.w, 0);
  const denom = total + total / s.length;
  let cum = 0;
  const pos = s.map((x) => (cum += x.w) / denom);
  if (q <= pos[0]!) return s[0]!.r;
  for (let i = 1; i < s.length; i++) {
    if (q <= pos[i]!) {
      const t = (q - pos[i - 1]!) / (pos[i]! - pos[i - 1]!);
      return s[i - 1]!.r + t * (s[i]!.r - s[i - 1]!.r);
    }
  }
  return s[s.length - 1]!.r;
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 === 1 ? s[(n - 1) / 2]! : (s[n / 2 - 1]! + s[n / 2]!) / 2;
}

export function rms(xs: number[]): number {
  return xs.length === 0 ? 0 : Math.sqrt(xs.reduce((a, x) => a + x * x, 0) / xs.length);
}

export function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
