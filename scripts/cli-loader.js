// dist/cli.js: loads the CommonJS bundle (dist/cli.cjs) through V8's code cache, so a start-up
// skips compiling it. The cache is written beside the bundle (at build time, or on the first run),
// else in the user's cache folder; where neither can be written, or V8 rejects the cache (another
// Node version, a corrupt file), the bundle is simply compiled as usual.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

const bundle = fileURLToPath(new URL('./cli.cjs', import.meta.url));
const tag = `${process.version}-${process.arch}`;
const cacheName = `cli.cjs.${tag}.cache`;
const places = [join(dirname(bundle), cacheName)];
try {
  places.push(join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'train-cost', cacheName));
} catch {
  // No home folder: the cache beside the bundle, or none.
}

const source = readFileSync(bundle, 'utf8');
let cachedData;
for (const place of places) {
  try {
    cachedData = readFileSync(place);
    break;
  } catch {
    // Not written yet.
  }
}
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: bundle,
  ...(cachedData ? { cachedData } : {}),
});
if (cachedData === undefined || script.cachedDataRejected) {
  // Written once the program has run, so that the functions it compiled lazily are in the cache too.
  process.once('exit', () => {
    let data;
    try {
      data = script.createCachedData();
    } catch {
      return;
    }
    for (const place of places) {
      try {
        mkdirSync(dirname(place), { recursive: true });
        const tmp = `${place}.${process.pid}.tmp`;
        writeFileSync(tmp, data);
        renameSync(tmp, place);
        return;
      } catch {
        // Read-only (a global install, a read-only file system): try the next place, else none.
      }
    }
  });
}
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
