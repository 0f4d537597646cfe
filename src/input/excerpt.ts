// Quoting input in error messages: at most a short excerpt, with control characters escaped, so a
// 2 MB file of NUL bytes or a 100 KB flag value never becomes a megabyte-long stderr line.

/** Most characters of input an error message quotes. */
export const MAX_QUOTED = 60;

/**
 * `text` in double quotes as JSON would write it, cut to about MAX_QUOTED characters with "…"
 * when longer. Non-strings (numbers, objects from YAML) are shown as JSON, cut the same way.
 */
export function quote(value: unknown, max: number = MAX_QUOTED): string {
  if (typeof value !== 'string') {
    // JSON text has its control characters escaped already.
    const json = safeJson(value);
    return json.length > max ? `${json.slice(0, max)}…` : json;
  }
  const text = value;
  let out = '';
  let i = 0;
  // Escape character by character, and only the head: never encode (or scan) the whole of a huge string.
  for (; i < text.length; i++) {
    const escaped = JSON.stringify(text[i]).slice(1, -1);
    if (out.length + escaped.length > max) break;
    out += escaped;
  }
  return i < text.length ? `"${out}"…` : `"${out}"`;
}

/** Plain text cut to about `max` characters with "…" (no quotes added). */
export function excerpt(text: string, max: number = MAX_QUOTED): string {
  const head = text.length > max ? text.slice(0, max) : text;
  const clean = head.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\n' || c === '\r' || c === '\t' ? ' ' : '?'));
  return text.length > max ? `${clean}…` : clean;
}

function safeJson(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
