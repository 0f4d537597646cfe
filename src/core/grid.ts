// Cartesian product of list-valued settings: --gpu a,b --chips 1,2 -> four combinations,
// in the order the user wrote them (the first is the baseline; the last setting varies fastest).

export type Combo<T extends Record<string, readonly unknown[]>> = { [K in keyof T]: T[K][number] };

export function cartesian<T extends Record<string, readonly unknown[]>>(axes: T): Combo<T>[] {
  return [...combinations(axes)];
}

/** How many combinations there are, without making them. */
export function gridSize(axes: Record<string, readonly unknown[]>): number {
  let n = 1;
  for (const values of Object.values(axes)) n *= values.length;
  return n;
}

/** The combinations one at a time (an odometer over the axes), so a big grid is never held in memory. */
export function* combinations<T extends Record<string, readonly unknown[]>>(axes: T): Generator<Combo<T>> {
  const keys = Object.keys(axes);
  const lists = keys.map((k) => axes[k]!);
  if (lists.some((l) => l.length === 0)) return;
  const at = keys.map(() => 0);
  for (;;) {
    const row: Record<string, unknown> = {};
    for (let i = 0; i < keys.length; i++) row[keys[i]!] = lists[i]![at[i]!];
    yield row as Combo<T>;
    let i = keys.length - 1;
    while (i >= 0 && ++at[i]! === lists[i]!.length) at[i--] = 0;
    if (i < 0) return;
  }
}
