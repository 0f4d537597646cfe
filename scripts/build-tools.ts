// What the build (scripts/build.mjs) needs from the sources beyond the public API: the zod
// schemas, to write schemas/*.json and to validate the bundled presets. Bundled to a scratch
// file under node_modules/.cache, never shipped.
export { jsonSchemaOf, SCHEMA_KINDS } from '../src/output/schemas.js';
export { PRESET_SCHEMAS, presetKindOf } from '../src/presets/kinds.js';
export { readPresetFile } from '../src/presets/load.js';
