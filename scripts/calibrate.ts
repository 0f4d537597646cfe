// Fit the MFU model on the calibration set (presets/calibration: the reference table of published
// runs with its treatment) and (with --write) save it to presets/mfu-model.yaml; print the grouped
// holdout backtest (--markdown: the tables of docs/calibration.md; --candidates: the candidate
// models of docs/calibration.md under leave-one-organisation-out and leave-one-family-out).
// Run from the repository root:
//   npx esbuild scripts/calibrate.ts --bundle --platform=node --format=esm --packages=external \
//     --outfile=node_modules/.cache/calibrate.mjs && node node_modules/.cache/calibrate.mjs [--write] [--markdown] [--candidates]
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import {
  acceleratorFamily,
  chipAge,
  DEFAULT_FIT_OPTIONS,
  fitMfuModel,
  type HoldoutGroup,
  type MfuFitOptions,
  type MfuModel,
  observationDate,
  observedMfu,
  predictMfu,
} from '../src/core/mfu.js';
import { groupedHoldout, type LooSummary } from '../src/core/backtest.js';
import { loadGpus } from '../src/presets/gpus.js';
import { loadCalibrationData } from '../src/presets/observations.js';

const presetsDir = join(process.cwd(), 'presets');
const args = new Set(process.argv.slice(2));

const gpus = loadGpus([presetsDir]);
const data = loadCalibrationData([presetsDir], gpus);
const obs = data.observations;

const model = fitMfuModel(obs, gpus);

/** Rounded for the YAML file (8 significant digits; the test compares with a tolerance). */
function rounded(m: MfuModel): MfuModel {
  return JSON.parse(JSON.stringify(m, (_k, v: unknown) => (typeof v === 'number' ? Number(v.toPrecision(8)) : v))) as MfuModel;
}

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;
const sig = (x: number) => (x >= 100 ? Math.round(x).toLocaleString('en-US') : x.toPrecision(3));
const cells = (s: LooSummary) =>
  `${s.runs} | ${pct(s.medianAbsError)} | ${pct(s.shareWithin25)} | ${pct(s.coverage)} | ${s.medianHighLowRatio.toFixed(2)}`;

if (args.has('--write')) {
  const header = [
    '# yaml-language-server: $schema=../schemas/mfu-model.schema.json',
    '# Calibrated MFU model: fitted by src/core/mfu.ts (fitMfuModel) on the usable rows of',
    '# presets/calibration/published-runs.csv (a copy of ../shared/reference/published-runs.csv, whose',
    '# rows carry their sources) with the exclusions and corrections of presets/calibration/treatment.csv.',
    '# Regenerate with scripts/calibrate.ts --write; tests/core/mfu.test.ts fails if this file drifts from the fit.',
    `# Runs (${obs.length}): ${obs.map((o) => o.name).join('; ')}`,
    `# Excluded or corrected: ${data.treated.map((t) => `${t.name} (${t.action})`).join('; ')}`,
    '# Method, weights, candidates and grouped-holdout results: docs/calibration.md.',
  ].join('\n');
  const doc = {
    source:
      'fit by src/core/mfu.ts on the published runs of presets/calibration/published-runs.csv (reference table, sources per row) with presets/calibration/treatment.csv; see docs/calibration.md',
    model: rounded(model),
  };
  writeFileSync(join(presetsDir, 'mfu-model.yaml'), `${header}\n${stringify(doc, { lineWidth: 0 })}`);
  console.log(`wrote presets/mfu-model.yaml (${obs.length} runs)`);
}

if (args.has('--candidates')) {
  const off = 1e9;
  const candidates: [string, Partial<MfuFitOptions>][] = [
    ['C0 accelerator only', { slopePenalty: off, familySlopePenalty: off, precisionPenalty: off }],
    ['C1 + size slope', { familySlopePenalty: off, precisionPenalty: off }],
    ['C2 + family slopes (v1)', { precisionPenalty: off }],
    ['C3a C1 + MoE', { familySlopePenalty: off, precisionPenalty: off, features: ['moe'] }],
    ['C3b C2 + MoE', { precisionPenalty: off, features: ['moe'] }],
    ['C4a C3a + FP8', { familySlopePenalty: off, features: ['moe'] }],
    ['C4b C3b + FP8', { features: ['moe'] }],
    ['C5a C4a + chips', { familySlopePenalty: off, features: ['moe', 'chips'] }],
    ['C5b C4b + chips', { features: ['moe', 'chips'] }],
    ['C6a C4a + year', { familySlopePenalty: off, features: ['moe', 'year'] }],
    ['C6b C4b + year', { features: ['moe', 'year'] }],
    // Sequential rule applied: the base is C2 (MoE and FP8 did not earn their place).
    ['C7a C2 + chips', { precisionPenalty: off, features: ['chips'] }],
    ['C7b C2 + year', { precisionPenalty: off, features: ['year'] }],
    // v2.1: chip age (years from the accelerator's release to the run's date), on the base C2.
    ['C8 C2 + age', { precisionPenalty: off, features: ['age'] }],
    ['C8b C2 + ln(1 + age)', { precisionPenalty: off, features: ['logAge'] }],
  ];
  const only = process.argv.find((a) => a.startsWith('--only='))?.slice(7);
  console.log('| candidate | holdout | n | median abs error | within +-25% | coverage | median high/low |');
  console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [label, o] of candidates) {
    if (only && !label.startsWith(only)) continue;
    for (const g of ['organization', 'family'] as HoldoutGroup[]) {
      const r = groupedHoldout(obs, gpus, g, o);
      console.log(`| ${label} | ${g} | ${cells(r)} |`);
    }
  }
}

if (args.has('--extrapolation')) {
  // The v2.1 extrapolation check (docs/calibration.md): full fit of each candidate, a run dated
  // today (2026-11-30) at 8B and 405B active, against the range of observed MFUs of the family.
  const date = process.argv.find((a) => a.startsWith('--date='))?.slice(7) ?? '2026-11-30';
  const byId = new Map(gpus.map((g) => [g.id, g]));
  const famRange = new Map<string, [number, number]>();
  const ageRange = new Map<string, [number, number]>();
  const widen = (map: Map<string, [number, number]>, key: string, x: number) => {
    const r = map.get(key) ?? [Infinity, -Infinity];
    map.set(key, [Math.min(r[0], x), Math.max(r[1], x)]);
  };
  for (const o of obs) {
    widen(famRange, acceleratorFamily(o.gpuId) ?? 'other', observedMfu(o, byId.get(o.gpuId)!));
    const age = chipAge(byId.get(o.gpuId)!.releaseDate, observationDate(o));
    if (age !== null) widen(ageRange, o.gpuId, age);
  }
  const off = 1e9;
  const fits: [string, Partial<MfuFitOptions>][] = [
    ['C2', { precisionPenalty: off }],
    ['C8', { precisionPenalty: off, features: ['age'] }],
    ['C8b', { precisionPenalty: off, features: ['logAge'] }],
  ];
  console.log(`run date ${date}`);
  for (const [label, o] of fits) {
    const m = fitMfuModel(obs, gpus, o);
    console.log(`\n${label}: features ${JSON.stringify(m.features)}, age range ${JSON.stringify(m.ageRange ?? null)}`);
    console.log('| gpu | family | observed family MFU [min, max] | ages of its runs | age at date | MFU 8B | MFU 405B | inside |');
    console.log('| --- | --- | --- | --- | ---: | ---: | ---: | :---: |');
    for (const id of [...new Set(obs.map((x) => x.gpuId))].sort()) {
      const gpu = byId.get(id)!;
      const prec = gpu.peakTflops.bf16 !== undefined ? 'bf16' : 'fp16';
      const f = acceleratorFamily(id) ?? 'other';
      const [lo, hi] = famRange.get(f)!;
      const at = (n: number) => predictMfu(m, { gpu, precision: prec, activeParams: n, chips: null, date })!.band.default;
      const [a, b] = [at(8e9), at(405e9)];
      const age = chipAge(gpu.releaseDate, date);
      // The range of the family, and (the C7b failure named in the rule) no A100-class MFU at 0.50.
      const inside = a >= lo && a <= hi && b >= lo && b <= hi && !(f === 'ampere' && Math.max(a, b) >= 0.5);
      const ages = ageRange.get(id);
      console.log(
        `| ${id} | ${f} | [${lo.toFixed(3)}, ${hi.toFixed(3)}] | ${ages ? `${ages[0].toFixed(1)}-${ages[1].toFixed(1)}` : 'unknown'} | ${age === null ? 'unknown' : age.toFixed(1)} | ${a.toFixed(3)} | ${b.toFixed(3)} | ${inside ? 'yes' : '**no**'} |`,
      );
    }
  }
}

if (args.has('--markdown')) {
  for (const g of ['organization', 'family', 'gpu', 'run'] as HoldoutGroup[]) {
    const r = groupedHoldout(obs, gpus, g);
    console.log(`\n### holdout by ${g} (${r.groups} groups, nominal level ${r.level.toFixed(2)})\n`);
    console.log('| accelerator family | n | median abs error | within +-25% | coverage | median high/low |');
    console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
    console.log(`| all | ${cells(r)} |`);
    for (const f of r.byFamily) console.log(`| ${f.family} | ${cells(f)} |`);
    if (g === 'organization') {
      console.log(
        '\n| run | org | gpu | prec. | N active | basis | weight | reported GPU-h | predicted | range | error | inside | observed MFU | predicted MFU |',
      );
      console.log('| --- | --- | --- | --- | ---: | --- | ---: | ---: | ---: | --- | ---: | :---: | ---: | ---: |');
      for (const x of r.rows) {
        const o = obs.find((y) => y.name === x.name)!;
        console.log(
          `| ${x.name} | ${o.organization} | ${x.gpuId} | ${x.precision} | ${sig(x.activeParams / 1e9)}B | ${x.gpuHoursBasis}${o.confidence ? `/${o.confidence}` : ''} | ${x.weight.toFixed(2)} | ${sig(x.reportedGpuHours)} | ${sig(x.predictedGpuHours)} | ${sig(x.gpuHoursRange[0])} - ${sig(x.gpuHoursRange[1])} | ${x.error >= 0 ? '+' : ''}${pct(x.error)} | ${x.inside ? 'yes' : '**no**'} | ${x.observedMfu.toFixed(3)} | ${x.predictedMfu.default.toFixed(3)} (${x.basis}) |`,
        );
      }
    }
  }
  console.log('\nFull-fit predictions (basis "reported"):\n');
  console.log('| gpu | precision | N active | MFU default [low, high] | level |');
  console.log('| --- | --- | ---: | --- | --- |');
  for (const [id, prec] of [
    ['h100', 'bf16'],
    ['h800', 'fp8'],
    ['a100', 'bf16'],
    ['v100', 'fp16'],
    ['tpu-v4', 'bf16'],
    ['h200', 'bf16'],
    ['b200', 'bf16'],
    ['mi300x', 'bf16'],
  ] as const)
    for (const n of [1e9, 8e9, 70e9, 405e9]) {
      const gpu = gpus.find((x) => x.id === id);
      const p = gpu && predictMfu(model, { gpu, precision: prec, activeParams: n, chips: null });
      if (p)
        console.log(
          `| ${id} | ${prec} | ${sig(n / 1e9)}B | ${p.band.default.toFixed(3)} [${p.band.low.toFixed(3)}, ${p.band.high.toFixed(3)}] | ${p.basis} |`,
        );
    }
}

if (!args.has('--candidates') && !args.has('--markdown') && !args.has('--extrapolation')) {
  console.log(`usable rows: ${obs.length}; treated: ${data.treated.length}; skipped: ${data.skipped.length}`);
  for (const s of data.skipped) console.log(`  skipped ${s.name}: ${s.reason}`);
  console.log(`options: ${JSON.stringify(DEFAULT_FIT_OPTIONS)}`);
  for (const g of ['organization', 'family', 'gpu', 'run'] as HoldoutGroup[]) {
    const r = groupedHoldout(obs, gpus, g);
    console.log(`${g.padEnd(13)} groups=${r.groups} n | err | within25 | coverage | high/low = ${cells(r)}`);
  }
  const h800 = gpus.find((g) => g.id === 'h800')!;
  const p = predictMfu(model, { gpu: h800, precision: 'fp8', activeParams: 37e9, totalParams: 671e9, chips: 2048 })!;
  const hours = (m: number) => (6 * 37e9 * 14.8e12) / (h800.peakTflops.fp8! * 1e12 * m * 3600);
  console.log(
    `DeepSeek-V3 pre-training: ${sig(hours(p.band.default))} GPU-h [${sig(hours(p.band.high))}, ${sig(hours(p.band.low))}] vs 2,664,000; MFU ${p.band.default.toFixed(3)}`,
  );
}
