// npm run bench: start-up time of the built CLI and throughput of the core. Not part of npm test.
// Prints medians over repeated runs; numbers depend on the machine (quote them with its size).
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function timeCommand(args, runs = 15) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    times.push(performance.now() - t0);
    if (r.status !== 0 && !args.includes('--max-cost')) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return median(times);
}

const cli = 'bin/train-cost.js';
const baseline = timeCommand(['-e', '0']);
const rows = [
  ['node -e 0 (Node start-up alone)', baseline],
  ['train-cost --version', timeCommand([cli, '--version'])],
  ['train-cost --chips 512 --gpu h800 --hours 80', timeCommand([cli, '--chips', '512', '--gpu', 'h800', '--hours', '80'])],
  ['  ... --format json', timeCommand([cli, '--chips', '512', '--gpu', 'h800', '--hours', '80', '--format', 'json'])],
  ['train-cost --params 70B --tokens 15T --gpu h100,b200 --chips 2048,4096', timeCommand([cli, '--params', '70B', '--tokens', '15T', '--gpu', 'h100,b200', '--chips', '2048,4096'])],
  ['train-cost deepseek-r1', timeCommand([cli, 'deepseek-r1'])],
  ['train-cost gpus', timeCommand([cli, 'gpus'])],
  ['train-cost backtest (29 leave-one-out refits)', timeCommand([cli, 'backtest'], 7)],
  ['train-cost --gpu h100 --chips 1..6000:1 --hours 1 --format csv', timeCommand([cli, '--gpu', 'h100', '--chips', '1..6000:1', '--hours', '1', '--format', 'csv'], 5)],
  ['  ... as a table (6,000 rows)', timeCommand([cli, '--gpu', 'h100', '--chips', '1..6000:1', '--hours', '1'], 3)],
];

// Core throughput through the library API (no process start-up).
const lib = await import(new URL('../dist/index.js', import.meta.url).href);
const dirs = [lib.bundledPresetsDir()];
const gpus = lib.loadGpus(dirs);
const mfu = lib.loadMfuProvider(dirs);
const h100 = lib.findGpu(gpus, 'h100');
const energy = { region: 'us', defaultReason: null, pue: 1.25, gridGCo2PerKwh: 383.55, usdPerKwh: 0.0826 };
const phase = (i) => ({
  name: 'bench',
  gpu: h100,
  chips: 1024 + (i % 1024),
  duration: null,
  workload: { flop: null, params: 70e9, activeParams: null, tokens: 15e12, kind: 'train' },
  precision: 'bf16',
  mfu: null,
  price: lib.choosePrice(h100, {}),
  energy,
  ownership: null,
});
const n = 100_000;
const t0 = performance.now();
for (let i = 0; i < n; i++) lib.estimateRun({ name: 'bench', phases: [phase(i)], reported: null, notes: null }, mfu);
const perEstimateUs = ((performance.now() - t0) * 1000) / n;

console.log(`train-cost bench (median wall time of repeated runs; node ${process.version})\n`);
for (const [label, ms] of rows) console.log(`${ms.toFixed(0).padStart(6)} ms  ${label}`);
console.log(`\n${perEstimateUs.toFixed(2).padStart(6)} us  per workload estimate through the library (${n.toLocaleString('en-US')} runs)`);
console.log(`\nCLI overhead above Node's own start-up: ${(rows[2][1] - baseline).toFixed(0)} ms for the seed command.`);
