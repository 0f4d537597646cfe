// Build: the library API (dist/index.js) and its declarations (dist/index.d.ts, scripts/dts.mjs),
// the JSON Schemas of the preset files (schemas/), then the CLI in one file (dist/cli.cjs) with the
// bundled presets parsed and validated here, once.
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeDeclarations } from './dts.mjs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));

// zod's `z` namespace re-exports every locale (~260 KB minified) though only English is used:
// give the bundle a locales module with English alone.
const onlyEnglishZodLocales = {
  name: 'only-english-zod-locales',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(`${'node_modules'}/zod/`) ? { path: 'zod-locales', namespace: 'train-cost' } : undefined,
    );
    b.onLoad({ filter: /^zod-locales$/, namespace: 'train-cost' }, () => ({
      contents: "export { default as en } from 'zod/v4/locales/en.js';",
      resolveDir: process.cwd(),
    }));
  },
};

// Start-up patches of dependencies' code in the CLI bundle, the same behaviour, less work:
// - commander requires node:child_process at load for executable subcommands, which train-cost
//   has none of: it is required when spawn is called (~1 ms of start-up);
// - string-width (cli-table3 measures every cell with it, ~300 calls for one table) runs a 10 KB
//   emoji regex over each string: skipped for ASCII text, which no emoji sequence matches.
// - strip-ansi (string-width calls it each time) builds ansi-regex's RegExp for every string: text
//   without an ESC or CSI character, where every ANSI sequence starts, is returned as it is;
// - cli-table3 truncates every cell's text to 10 characters (character by character, measuring
//   the rest each time) for a debug message it keeps only when its debugging is on: the message is
//   built only then.
// A patch whose text is not found (another version of the package) is left out, with a warning.
const PATCHES = [
  {
    file: /[\\/]node_modules[\\/]strip-ansi[\\/]index\.js$/,
    from: "string.replace(ansiRegex(), '')",
    to: "(/[\\u001B\\u009B]/.test(string) ? string.replace(ansiRegex(), '') : string)",
  },
  {
    file: /[\\/]node_modules[\\/]cli-table3[\\/]src[\\/]debug\.js$/,
    from: 'debug.reset = () => {',
    to: 'debug.enabled = (min) => level >= min;\n\ndebug.reset = () => {',
  },
  {
    file: /[\\/]node_modules[\\/]cli-table3[\\/]src[\\/]cell\.js$/,
    from: `    let content = utils.truncate(this.content, 10, this.truncate);
    if (!lineNum) {`,
    to: `    if (!lineNum && require('./debug').enabled(require('./debug').INFO)) {
      let content = utils.truncate(this.content, 10, this.truncate);`,
  },
  {
    file: /[\\/]node_modules[\\/]commander[\\/]lib[\\/]command\.js$/,
    from: "const childProcess = require('node:child_process');",
    to: "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };",
  },
  {
    file: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/,
    from: "string = string.replace(emojiRegex(), '  ');",
    to: "if (/[^\\x00-\\x7F]/.test(string)) string = string.replace(emojiRegex(), '  ');",
  },
];
const startupPatches = {
  name: 'start-up-patches',
  setup(b) {
    b.onLoad({ filter: /[\\/]node_modules[\\/](commander|string-width|strip-ansi|cli-table3)[\\/].*\.js$/ }, (args) => {
      const patch = PATCHES.find((p) => p.file.test(args.path));
      if (patch === undefined) return undefined;
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes(patch.from)) {
        console.warn(`build: start-up patch not applied, its text is not in ${args.path}`);
        return undefined;
      }
      return { contents: text.replace(patch.from, patch.to), loader: 'js' };
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  define: { __VERSION__: JSON.stringify(pkg.version) },
  // cli-table3 and commander are CommonJS: give the ESM bundle a require().
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  // YAML is parsed only for user files: loaded from node_modules when needed (src/presets/load.ts).
  external: ['yaml'],
  logLevel: 'warning',
  plugins: [onlyEnglishZodLocales],
};

await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' });
await writeDeclarations('src/index.ts', 'dist/index.d.ts');

// The schemas and the preset reader, for this script only: bundled beside node_modules (where
// `yaml` resolves), not shipped.
const tools = 'node_modules/.cache/train-cost/build-tools.mjs';
await build({ ...common, entryPoints: ['scripts/build-tools.ts'], outfile: tools });
const lib = await import(`${pathToFileURL(tools).href}?t=${Date.now()}`);

// JSON Schemas for editors (the `# yaml-language-server: $schema=` line of every preset) and for
// consumers of --format json.
mkdirSync('schemas', { recursive: true });
for (const kind of Object.keys(lib.SCHEMA_KINDS)) {
  writeFileSync(`schemas/${kind}.schema.json`, `${JSON.stringify(lib.jsonSchemaOf(kind), null, 2)}\n`);
}

// Every bundled preset, validated by its schema (a bad one fails the build with file:line: field).
const snapshot = {};
const walk = (dir) => {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (/\.ya?ml$/.test(name)) {
      const kind = lib.presetKindOf(path);
      snapshot[relative('presets', path).split('\\').join('/')] = lib.readPresetFile(path, lib.PRESET_SCHEMAS[kind], { fromDisk: true });
    }
  }
};
try {
  walk('presets');
} catch (e) {
  console.error(`build: ${e.message}`);
  process.exit(1);
}

// The CLI: a CommonJS bundle (V8 can cache its compiled code; an ES module it cannot, on Node 20)
// behind a small CommonJS loader that runs it through the code cache (scripts/cli-loader.cjs), which
// bin/train-cost.cjs requires.
await build({
  ...common,
  format: 'cjs',
  // import.meta.url computed only when used (node:url's pathToFileURL costs ~1 ms at start-up).
  banner: { js: "var __import_meta = { get url() { return require('node:url').pathToFileURL(__filename).href; } };" },
  define: {
    ...common.define,
    'import.meta.url': '__import_meta.url',
    'import.meta.dirname': '__dirname',
    // Each preset as JSON text, parsed when first read (src/presets/load.ts): cheaper than an object literal.
    __BUNDLED_PRESETS__: JSON.stringify(Object.fromEntries(Object.entries(snapshot).map(([k, v]) => [k, JSON.stringify(v)]))),
  },
  plugins: [...common.plugins, startupPatches],
  entryPoints: ['src/cli/entry.ts'],
  outfile: 'dist/cli.cjs',
  minify: process.env.TRAIN_COST_DEBUG_BUILD ? false : true,
});
copyFileSync('scripts/cli-loader.cjs', 'dist/cli-loader.cjs');
// Stale caches of an earlier bundle would be rejected by V8 anyway: remove them, then write this
// bundle's cache for this Node by running the seed command once.
for (const f of readdirSync('dist')) if (f.endsWith('.cache')) rmSync(join('dist', f));
execFileSync(process.execPath, ['bin/train-cost.cjs', '--chips', '512', '--gpu', 'h800', '--hours', '80'], {
  stdio: 'ignore',
  env: { ...process.env, TRAIN_COST_TODAY: '2026-01-01' },
});
