// Bundle the CLI into one file (dist/cli.js) and the library API (dist/index.js), and write the
// JSON Schemas of the preset files (schemas/) for editors.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
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
  build({ ...common, entryPoints: ['src/cli/entry.ts'], outfile: 'dist/cli.js', minifySyntax: true }),
  build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.js' }),
]);
