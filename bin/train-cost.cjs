#!/usr/bin/env node
// The command (package.json "bin"): CommonJS, so that start-up needs no ES module loader.
require('../dist/cli-loader.cjs');
