// From flags and run files to core inputs: the logic lives in src/presets/run-input.ts (shared
// with the library's estimate()) and the naming of flag-described runs in src/output/run-name.ts.
export * from '../presets/run-input.js';
export { describeFlagsRun } from '../output/run-name.js';
