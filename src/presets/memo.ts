// Bounded memos that belong to an object (a preset, a context): a grid resolves the same price,
// region, hardware value or base run for run after run, so each is made once per distinct key.
// The values are shared and never changed; a memo full at MEMO_MAX entries starts again.

const MEMO_MAX = 1000;

/** The value for `key` in `owner`'s memo, made by `make` the first time. */
export function remember<O extends object, V>(memos: WeakMap<O, Map<string, V>>, owner: O, key: string, make: () => V): V {
  let memo = memos.get(owner);
  if (memo === undefined) memos.set(owner, (memo = new Map()));
  if (memo.has(key)) return memo.get(key)!;
  const value = make();
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(key, value);
  return value;
}

/** A memo key that tells every value apart: texts by their length and text, numbers, null and undefined bare. */
export function keyOf(...values: (string | number | null | undefined)[]): string {
  let key = '';
  for (const v of values) key += typeof v === 'string' ? `${v.length}:${v},` : `${String(v)},`;
  return key;
}
