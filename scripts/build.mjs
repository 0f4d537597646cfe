// Bundle the CLI into one file (dist/cli.js) and the library API (dist/index.js), and write the
// JSON Schemas of the preset files (schemas/) for editors.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// The bundled presets, parsed once here and inlined into the CLI (validated at run time by
// the same zod schemas; tests validate the YAML files themselves, with line numbers).
function snapshot(dir) {
  const out = {};
  const walk = (d) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(name)) out[relative(dir, p).split('\\').join('/')] = parse(readFileSync(p, 'utf8'), { uniqueKeys: true });
    }
  };
  walk(dir);
  return out;
}

// zod's `z` namespace re-exports every locale (~260 KB minified) though only English is used:
// give the bundle a locales module with English alone. Start-up time halves.
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

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  legalComments: 'none',
  define: { __VERSION__: JSON.stringify(pkg.version) },
  // cli-table3 and commander are CommonJS: give the ESM bundle a require().
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  logLevel: 'warning',
  plugins: [onlyEnglishZodLocales],
};

await Promise.all([
  build({
    ...common,
    entryPoints: ['src/cli/entry.ts'],
    outfile: 'dist/cli.js',
    minify: true,
    define: { ...common.define, __BUNDLED_PRESETS__: JSON.stringify(snapshot('presets')) },
  }),
  build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' }),
]);

// JSON Schemas for editors (the `# yaml-language-server: $schema=` line of every preset) and for
// consumers of --format json, written from the zod schemas of the library just built.
const lib = await import(new URL('../dist/index.js', import.meta.url).href);
mkdirSync('schemas', { recursive: true });
for (const kind of Object.keys(lib.SCHEMA_KINDS)) {
  writeFileSync(`schemas/${kind}.schema.json`, `${JSON.stringify(lib.jsonSchemaOf(kind), null, 2)}\n`);
}
