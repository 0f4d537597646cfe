// Cartesian product of list-valued settings: --gpu a,b --chips 1,2 -> four combinations,
// in the order the user wrote them (the first is the baseline).

export function cartesian<T extends Record<string, readonly unknown[]>>(
  axes: T,
): { [K in keyof T]: T[K][number] }[] {
  let rows: Record<string, unknown>[] = [{}];
  for (const [key, values] of Object.entries(axes)) {
    rows = rows.flatMap((row) => values.map((v) => ({ ...row, [key]: v })));
  }
  return rows as { [K in keyof T]: T[K][number] }[];
}
