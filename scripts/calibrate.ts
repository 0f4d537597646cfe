// Fit the MFU model on the bundled published runs and (with --write) save it to
// presets/mfu-model.yaml; print the leave-one-out backtest (--markdown: the tables of
// docs/calibration.md; --sensitivity: the same statistics under alternative settings). Run from
// the repository root:
//   npx esbuild scripts/calibrate.ts --bundle --platform=node --format=esm --packages=external \
//     --outfile=node_modules/.cache/calibrate.mjs && node node_modules/.cache/calibrate.mjs [--write] [--markdown] [--sensitivity]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import type { Accelerator } from '../src/core/types.js';
import {
  DEFAULT_FIT_OPTIONS,
  fitMfuModel,
  observationFromRun,
  predictMfu,
  type MfuFitOptions,
  type MfuModel,
  type MfuObservation,
} from '../src/core/mfu.js';
import { leaveOneOut, type LooSummary } from '../src/core/backtest.js';
import { loadGpus } from '../src/presets/gpus.js';
import { loadRuns } from '../src/presets/runs.js';

const presetsDir = join(process.cwd(), 'presets');
const args = new Set(process.argv.slice(2));

const gpus: Accelerator[] = loadGpus([presetsDir]);
const runs = loadRuns([presetsDir]).sort((a, b) => a.id.localeCompare(b.id));
const obs: MfuObservation[] = runs.map((r) => observationFromRun({ ...r.run, id: r.id })).filter((o) => o !== null);
const skipped = runs.filter((r) => observationFromRun({ ...r.run, id: r.id }) === null).map((r) => r.id);

const model = fitMfuModel(obs, gpus);
const loo = leaveOneOut(obs, gpus);

/** Rounded for the YAML file (8 significant digits; the test compares with a tolerance). */
function rounded(m: MfuModel): MfuModel {
  return JSON.parse(JSON.stringify(m, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(8)) : v))) as MfuModel;
}

if (args.has('--write')) {
  const header = [
    '# yaml-language-server: $schema=../schemas/mfu-model.schema.json',
    '# Calibrated MFU model: fitted by src/core/mfu.ts (fitMfuModel) on the bundled published runs',
    '# (presets/runs/*.yaml, from ../shared/reference/published-runs.csv). Regenerate with',
    '# scripts/calibrate.ts --write; tests/core/mfu.test.ts fails if this file drifts from the fit.',
    `# Runs (${obs.length}): ${obs.map((o) => o.name).join(', ')}`,
    '# Method, weights and leave-one-out results: docs/calibration.md.',
  ].join('\n');
  const doc = {
    source:
      'fit by src/core/mfu.ts on the bundled published runs (presets/runs, from published-runs.csv); see docs/calibration.md',
    model: rounded(model),
  };
  writeFileSync(join(presetsDir, 'mfu-model.yaml'), `${header}\n${stringify(doc, { lineWidth: 0 })}`);
  console.log(`wrote presets/mfu-model.yaml (${obs.length} runs)`);
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const sig = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(3));
const summary = (label: string, s: LooSummary | null) =>
  s === null
    ? ''
    : `| ${label} | ${s.runs} | ${pct(s.medianAbsError)} | ${pct(s.shareWithin25)} | ${pct(s.coverage)} | ${s.medianHighLowRatio.toFixed(2)} |`;

if (args.has('--markdown')) {
  console.log('| runs | n | median abs error | within +-25% | coverage | median high/low |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  console.log(summary('all, unweighted', loo));
  console.log(summary('all, weighted by basis', loo.weighted));
  console.log(summary('reported GPU-hours only', loo.reportedOnly));
  console.log();
  console.log('| run | gpu | prec. | N active | basis | weight | reported GPU-h | LOO predicted | LOO range | error | inside | observed MFU | predicted MFU [low, high] | level |');
  console.log('| --- | --- | --- | ---: | --- | ---: | ---: | ---: | --- | ---: | :---: | ---: | --- | --- |');
  for (const r of loo.rows) {
    console.log(
      `| ${r.name} | ${r.gpuId} | ${r.precision} | ${sig(r.activeParams / 1e9)}B | ${r.gpuHoursBasis} | ${r.weight} | ${sig(r.reportedGpuHours)} | ${sig(r.predictedGpuHours)} | ${sig(r.gpuHoursRange[0])} - ${sig(r.gpuHoursRange[1])} | ${r.error >= 0 ? '+' : ''}${pct(r.error)} | ${r.inside ? 'yes' : '**no**'} | ${r.observedMfu.toFixed(3)} | ${r.predictedMfu.default.toFixed(3)} [${r.predictedMfu.low.toFixed(3)}, ${r.predictedMfu.high.toFixed(3)}] | ${r.basis} |`,
    );
  }
  console.log();
  console.log('Full-fit predictions (basis "reported"):');
  console.log('| gpu | precision | N active | MFU default [low, high] | level |');
  console.log('| --- | --- | ---: | --- | --- |');
  const show = (id: string, precision: 'bf16' | 'fp16' | 'fp8', n: number) => {
    const gpu = gpus.find((g) => g.id === id);
    const p = gpu && predictMfu(model, { gpu, precision, activeParams: n, chips: null });
    if (p) console.log(`| ${id} | ${precision} | ${sig(n / 1e9)}B | ${p.band.default.toFixed(3)} [${p.band.low.toFixed(3)}, ${p.band.high.toFixed(3)}] | ${p.basis} |`);
  };
  for (const [id, prec] of [['h100', 'bf16'], ['h800', 'fp8'], ['a100', 'bf16'], ['a100-40gb', 'bf16'], ['v100', 'fp16'], ['tpu-v4', 'bf16'], ['h200', 'bf16'], ['b200', 'bf16'], ['tpu-v5p', 'bf16'], ['mi300x', 'bf16']] as const)
    for (const n of [1e9, 8e9, 37e9, 70e9, 405e9]) show(id, prec, n);
} else if (args.has('--sensitivity')) {
  const variants: [string, Partial<MfuFitOptions>, (o: MfuObservation) => MfuObservation | null][] = [
    ['chosen settings', {}, (o) => o],
    ['one band for every basis (scaleShrink 1e9)', { scaleShrink: 1e9 }, (o) => o],
    ['band quantiles 0.05 / 0.95', { bandQuantiles: [0.05, 0.95] }, (o) => o],
    ['band quantiles 0.15 / 0.85', { bandQuantiles: [0.15, 0.85] }, (o) => o],
    ['no accelerator offsets (penalty 1e9)', { acceleratorPenalty: 1e9 }, (o) => o],
    ['one slope for all families (penalty 1e9)', { familySlopePenalty: 1e9 }, (o) => o],
    ['weaker family shrinkage (familyPenalty 0.3)', { familyPenalty: 0.3 }, (o) => o],
    ['stronger family shrinkage (familyPenalty 3)', { familyPenalty: 3 }, (o) => o],
    ['Huber loss, delta 0.3', { huberDelta: 0.3 }, (o) => o],
    ['all runs weight 1', {}, (o) => ({ ...o, weight: 1 })],
    ['without llama-3.2-1b/3b', {}, (o) => (o.name.startsWith('llama-3.2') ? null : o)],
    ['without the llm.c runs', {}, (o) => (o.name.startsWith('llm-c') ? null : o)],
  ];
  console.log('| variant | n | median abs error | within +-25% | coverage | median high/low |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [label, options, map] of variants) {
    const s = leaveOneOut(obs.map(map).filter((o) => o !== null), gpus, options);
    console.log(summary(label, s));
  }
} else {
  console.log(`runs with an observation: ${obs.length}; without: ${skipped.join(', ')}`);
  console.log(`options: ${JSON.stringify(DEFAULT_FIT_OPTIONS)}`);
  for (const [label, s] of [['all', loo], ['weighted', loo.weighted], ['reported only', loo.reportedOnly]] as const)
    if (s) console.log(`${label.padEnd(14)} n=${s.runs} median |err| ${pct(s.medianAbsError)}, within 25% ${pct(s.shareWithin25)}, coverage ${pct(s.coverage)}, median high/low ${s.medianHighLowRatio.toFixed(2)}`);
  const h800 = gpus.find((g) => g.id === 'h800')!;
  const p = predictMfu(model, { gpu: h800, precision: 'fp8', activeParams: 37e9, chips: 2048 })!;
  const hours = (m: number) => (6 * 37e9 * 14.8e12) / (h800.peakTflops.fp8! * 1e12 * m * 3600);
  console.log(
    `DeepSeek-V3 pre-training (h800 fp8, 37B x 14.8T): ${sig(hours(p.band.default))} GPU-h [${sig(hours(p.band.high))}, ${sig(hours(p.band.low))}] vs 2,664,000 reported; MFU ${p.band.default.toFixed(3)}`,
  );
}
