// The package version, written into the bundle at build time (scripts/build.mjs, vitest.config.ts).
declare const __VERSION__: string;
export const VERSION: string = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
