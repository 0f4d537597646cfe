// Parsing of human-written quantities: "671B", "14.8T", "2e6", "40_960", "40960".
// Commas are not thousands separators: on the command line they separate list items.
// Shared by the command line and preset files; returns null for anything that is not
// a finite number so callers can say what they expected.

const SUFFIX: Record<string, number> = { k: 1e3, m: 1e6, b: 1e9, t: 1e12 };

export const QUANTITY_HINT = 'a number such as 512, 2.5, 2e6, 40_960 or with a suffix K, M, B, T (671B, 14.8T)';

/** Longest text read as one number; anything longer is refused before any pattern runs on it. */
export const MAX_QUANTITY_LENGTH = 64;

export function parseQuantity(text: string): number | null {
  if (text.length > MAX_QUANTITY_LENGTH * 4) return null;
  const s = text.trim().replace(/(\d)_(?=\d)/g, '$1');
  if (s.length > MAX_QUANTITY_LENGTH) return null;
  // One way only to split the digits (no "\d+\.?\d*"): linear time on any input.
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)\s*([kmbt])?$/i.exec(s);
  if (!m) return null;
  const value = Number(m[1]) * (m[2] ? SUFFIX[m[2].toLowerCase()]! : 1);
  return Number.isFinite(value) ? value : null;
}
