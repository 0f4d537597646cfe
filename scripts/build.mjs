// Bundle the CLI into one file (dist/cli.js) and the library API (dist/index.js), and write the
// JSON Schemas of the preset files (schemas/) for editors.
import { build } from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
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
