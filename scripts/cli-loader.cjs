// dist/cli-loader.cjs (bin/train-cost.cjs runs it): loads the
// CommonJS bundle (dist/cli.cjs) through V8's code cache, so a start-up skips compiling it. The
// cache is written beside the bundle (at build time, or on the first run), else in the user's cache
// folder; where neither can be written, or V8 rejects the cache (another Node version, a corrupt
// file), the bundle is simply compiled as usual. CommonJS, not an ES module: Node starts no ES
// module loader for it (~5 ms).
'use strict';
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { Script } = require('node:vm');

const bundle = join(__dirname, 'cli.cjs');
const cacheName = `cli.cjs.${process.version}-${process.arch}.cache`;
const beside = join(dirname(bundle), cacheName);

/** The user's cache folder's copy (for an install whose dist/ cannot be written), or undefined. */
function userCache() {
  try {
    const { homedir } = require('node:os');
    return join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'train-cost', cacheName);
  } catch {
    return undefined; // No home folder: the cache beside the bundle, or none.
  }
}

function read(place) {
  try {
    return place === undefined ? undefined : readFileSync(place);
  } catch {
    return undefined; // Not written yet.
  }
}

const source = readFileSync(bundle, 'utf8');
const wrapped = `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
// The first cache V8 accepts (one beside a read-only bundle may be rejected where the user's is not).
let script;
let state = 'missing';
for (const place of [() => beside, userCache]) {
  const cachedData = read(place());
  if (cachedData === undefined) continue;
  script = new Script(wrapped, { filename: bundle, cachedData });
  state = script.cachedDataRejected ? 'rejected' : 'used';
  if (state === 'used') break;
}
script ??= new Script(wrapped, { filename: bundle });
if (process.env.TRAIN_COST_DEBUG_CACHE) process.stderr.write(`train-cost: code cache ${state}\n`);
if (state !== 'used') {
  // Written once the program has run, so that the functions it compiled lazily are in the cache too.
  process.once('exit', () => {
    let data;
    try {
      data = script.createCachedData();
    } catch {
      return;
    }
    const { mkdirSync, renameSync, writeFileSync } = require('node:fs');
    for (const place of [beside, userCache()]) {
      if (place === undefined) continue;
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
const bundleModule = { exports: {} };
script.runInThisContext()(bundleModule.exports, createRequire(bundle), bundleModule, bundle, dirname(bundle));
