// Schemas built on first use, not at module load: a start-up builds only the zod schemas its command
// touches (the bundled presets are validated at build time, the output contract only for `schema`,
// tests and the library). The value is a stand-in forwarding every operation to the object `build`
// returns, built once, so callers use it as the object itself (`.parse`, `.extend`, `z.infer`).

/** `build()`'s result, built the first time it is used. */
export function lazy<T extends object>(build: () => T): T {
  let value: T | undefined;
  const get = (): T => (value ??= build());
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(get(), key),
    set: (_, key, v) => Reflect.set(get(), key, v),
    has: (_, key) => Reflect.has(get(), key),
    ownKeys: () => Reflect.ownKeys(get()),
    getOwnPropertyDescriptor: (_, key) => {
      const d = Reflect.getOwnPropertyDescriptor(get(), key);
      return d === undefined ? undefined : { ...d, configurable: true };
    },
    defineProperty: (_, key, d) => Reflect.defineProperty(get(), key, d),
    deleteProperty: (_, key) => Reflect.deleteProperty(get(), key),
    getPrototypeOf: () => Reflect.getPrototypeOf(get()),
  });
}
