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
    const r = spawnSync(process.execPath, args, {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 1 << 28,
      env: { ...process.env, NO_COLOR: '1' },
    });
    times.push(performance.now() - t0);
    if (r.status !== 0 && !args.includes('--max-cost')) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  }
  return median(times);
}

// The command as npx and a global install run it: the package's "bin".
const pkg = JSON.parse((await import('node:fs')).readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const cli = pkg.bin['train-cost'];

/**
 * Start-up against bare Node, paired: `node -e 0` and the command alternate (A B A B ...), and
 * each pair gives one ratio, so drift of a shared machine cancels out. The median ratio is the
 * figure; the quartiles of the ratios are its spread.
 */
function paired(args, runs = Number(process.env.BENCH_RUNS ?? 21)) {
  const ratios = [];
  const times = [];
  const bare = [];
  timeCommand(args, 1); // warm the file cache (and the code cache)
  for (let i = 0; i < runs; i++) {
    const a = timeCommand(['-e', '0'], 1);
    const b = timeCommand(args, 1);
    bare.push(a);
    times.push(b);
    ratios.push(b / a);
  }
  const q = (xs, f) => [...xs].sort((x, y) => x - y)[Math.floor((xs.length - 1) * f)];
  return { ms: median(times), bare: median(bare), ratio: median(ratios), lo: q(ratios, 0.25), hi: q(ratios, 0.75) };
}

const STARTUP = [
  ['train-cost --version', [cli, '--version']],
  ['train-cost --chips 512 --gpu h800 --hours 80 (the seed command)', [cli, '--chips', '512', '--gpu', 'h800', '--hours', '80']],
  ['train-cost deepseek-r1', [cli, 'deepseek-r1']],
  ['train-cost --params 70B --tokens 15T --gpu h100 (a workload estimate)', [cli, '--params', '70B', '--tokens', '15T', '--gpu', 'h100']],
];
console.log(`train-cost bench (node ${process.version}, ${(await import('node:os')).cpus().length} cores)\n`);
console.log('start-up, paired with node -e 0 (A B A B ...): median ratio [quartiles], median ms');
for (const [label, args] of STARTUP) {
  const r = paired(args);
  console.log(
    `${r.ratio.toFixed(2).padStart(6)}x [${r.lo.toFixed(2)}-${r.hi.toFixed(2)}]  ${r.ms.toFixed(0).padStart(4)} ms (bare ${r.bare.toFixed(0)} ms)  ${label}`,
  );
}
if (process.env.BENCH_STARTUP_ONLY) process.exit(0);
console.log('');

const baseline = timeCommand(['-e', '0']);
const rows = [
  ['node -e 0 (Node start-up alone)', baseline],
  ['train-cost --version', timeCommand([cli, '--version'])],
  ['train-cost --chips 512 --gpu h800 --hours 80', timeCommand([cli, '--chips', '512', '--gpu', 'h800', '--hours', '80'])],
  ['  ... --format json', timeCommand([cli, '--chips', '512', '--gpu', 'h800', '--hours', '80', '--format', 'json'])],
  [
    'train-cost --params 70B --tokens 15T --gpu h100,b200 --chips 2048,4096',
    timeCommand([cli, '--params', '70B', '--tokens', '15T', '--gpu', 'h100,b200', '--chips', '2048,4096']),
  ],
  ['train-cost deepseek-r1', timeCommand([cli, 'deepseek-r1'])],
  ['train-cost gpus', timeCommand([cli, 'gpus'])],
  ['train-cost backtest (64 leave-one-out refits)', timeCommand([cli, 'backtest'], 7)],
  [
    'train-cost --gpu h100 --chips 1..1000:1 --hours 1 --format csv',
    timeCommand([cli, '--gpu', 'h100', '--chips', '1..1000:1', '--hours', '1', '--format', 'csv'], 5),
  ],
  ['  ... as a table (1,000 rows, the most a table takes)', timeCommand([cli, '--gpu', 'h100', '--chips', '1..1000:1', '--hours', '1'], 3)],
];

// Core throughput through the library API (no process start-up).
const lib = await import(new URL('../dist/index.js', import.meta.url).href);
const dirs = [lib.bundledPresetsDir()];
const gpus = lib.loadGpus(dirs);
const mfu = lib.loadMfuProvider(dirs);
const h100 = lib.findGpu(gpus, 'h100');
const energy = { region: 'us', defaultReason: null, pue: 1.25, gridGCo2PerKwh: 383.55, usdPerKwh: 0.0826, usdPerKwhDate: '2025' };
const date = '2025-06-01';
const price = lib.choosePrice(h100, { date });
const phase = (i) => ({
  name: 'bench',
  gpu: h100,
  chips: 1024 + (i % 1024),
  duration: null,
  workload: { flop: null, params: 70e9, activeParams: null, tokens: 15e12, kind: 'train' },
  precision: 'bf16',
  mfu: null,
  price,
  energy,
  ownership: null,
  date,
  maxPriceAgeDays: null,
  dollars: null,
});
const n = 100_000;
const t0 = performance.now();
for (let i = 0; i < n; i++) lib.estimateRun({ name: 'bench', date, phases: [phase(i)], reported: null, notes: null }, mfu);
const perEstimateUs = ((performance.now() - t0) * 1000) / n;

// Big grids streamed: CPU seconds above start-up (the child's user + system CPU, less the seed
// command's) and peak RSS, read by the child itself at exit (process.resourceUsage), so no
// /usr/bin/time is needed. Output goes to /dev/null. Target (issue 11): under 1 s, under 100 MB.
const USAGE_AT_EXIT =
  "data:text/javascript,import{writeSync}from'node:fs';process.on('exit',()=>{const u=process.resourceUsage();writeSync(2,'\\nUSAGE '+JSON.stringify({cpu:(u.userCPUTime+u.systemCPUTime)/1e6,rssMB:u.maxRSS/1024})+'\\n')})";
function usage(args) {
  const r = spawnSync(process.execPath, ['--import', USAGE_AT_EXIT, ...args], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 1 << 24,
    env: { ...process.env, NO_COLOR: '1' },
  });
  const line = r.stderr.split('\n').find((l) => l.startsWith('USAGE '));
  if (r.status !== 0 || line === undefined) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr.slice(0, 500)}`);
  return JSON.parse(line.slice(6));
}
const seedArgs = [cli, '--chips', '512', '--gpu', 'h800', '--hours', '80'];
const seedCpu = median([1, 2, 3].map(() => usage(seedArgs).cpu));
const streamed = [];
for (const [n, label] of [
  [5000, '5K'],
  [100000, '100K'],
]) {
  for (const format of ['ndjson', 'csv']) {
    const u = usage([cli, '--gpu', 'h100', '--hours', '1', '--chips', `1..${n}`, '--format', format]);
    streamed.push(
      `${(u.cpu - seedCpu).toFixed(2).padStart(6)} s CPU above start-up, ${u.rssMB.toFixed(0).padStart(4)} MB peak  --gpu h100 --hours 1 --chips 1..${n} --format ${format} (${label} runs)`,
    );
  }
}

console.log('median wall time of repeated runs:');
for (const [label, ms] of rows) console.log(`${ms.toFixed(0).padStart(6)} ms  ${label}`);
console.log(`\n${perEstimateUs.toFixed(2).padStart(6)} us  per workload estimate through the library (${n.toLocaleString('en-US')} runs)`);
console.log('\nbig grids, streamed to /dev/null (seed command: ' + seedCpu.toFixed(2) + ' s CPU):');
for (const line of streamed) console.log(line);
// The floor under the NDJSON figure: the same 100K lines with no estimate, only their changing
// numbers formatted anew (bench/ndjson-floor.mjs).
const floor = JSON.parse(
  spawnSync(process.execPath, [fileURLToPath(new URL('ndjson-floor.mjs', import.meta.url)), cli, '100000'], { cwd: root, encoding: 'utf8' })
    .stdout,
);
console.log(
  `${floor.cpu.toFixed(2).padStart(6)} s CPU, the floor: 100K lines of ${floor.bytesPerLine.toLocaleString('en-US')} bytes written with no estimate, only the ${floor.changing} changing numbers (${floor.distinct} distinct) formatted anew`,
);
console.log(`\nCLI overhead above Node's own start-up: ${(rows[2][1] - baseline).toFixed(0)} ms for the seed command.`);
