// Measure train-cost against Epoch AI's published costs (Cottier et al. 2024; their public code and
// data, github.com/epoch-research/training-cost-trends, commit 263c40a): for each run of
// bench/epoch/epoch-costs.csv (extracted by bench/epoch/extract.py), estimate it with the built CLI
// from a run file holding Epoch's inputs (accelerator, chips, GPU-hours, training start,
// organization), in 2025 dollars (Epoch's are 2025-06 dollars), and print our / Epoch's ratio
// for amortised hardware + energy, cloud rental (--price-source epoch) and cluster purchase, with
// the medians. Run from the repository root after npm run build: node scripts/epoch-compare.mjs
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixture = `${root}bench/epoch/epoch-costs.csv`;

/** A CSV line with quoted fields (the fixture quotes organizations holding commas). */
function splitCsv(line) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

const [head, ...lines] = readFileSync(fixture, 'utf8').trim().split('\n');
const keys = splitCsv(head);
const rows = lines.map((l) => Object.fromEntries(splitCsv(l).map((v, i) => [keys[i], v])));

function estimate(row, priceSource) {
  const yaml = [
    `name: ${JSON.stringify(row.model)}`,
    `organization: ${JSON.stringify(row.organization)}`,
    `date: "${row.trainingStart}"`,
    `gpu: ${row.gpu}`,
    `chips: ${row.chips}`,
    ...(priceSource ? [`priceSource: ${priceSource}`] : []),
    'phases:',
    `  - name: training`,
    `    gpuHours: ${row.gpuHours}`,
  ].join('\n');
  const r = spawnSync(process.execPath, [`${root}bin/train-cost.cjs`, '-', '--dollar-year', '2025', '--json'], {
    input: yaml,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.status !== 0) throw new Error(`${row.model}: exit ${r.status}: ${r.stderr}`);
  return JSON.parse(r.stdout).runs[0];
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const ratio = (ours, theirs) => (theirs === '' || ours === null ? null : ours / Number(theirs));
const fmt = (x) => (x === null ? '   -  ' : x.toFixed(3).padStart(6));
const usd = (x) => `$${(x / 1e6).toFixed(2)}M`.padStart(10);

const results = rows.map((row) => {
  const own = estimate(row);
  const cloud = estimate(row, 'epoch');
  const acquisition = own.costs.find((c) => c.id === 'acquisition')?.usd ?? null;
  return {
    row,
    owned: own.ownership.usd,
    amortised: ratio(own.ownership.usd, row.epochAmortisedUsd2025),
    cloud: ratio(cloud.rental.usd, row.epochCloudUsd2025),
    cloudUsd: cloud.rental.usd,
    acquisition: ratio(acquisition, row.epochAcquisitionUsd2025),
  };
});

console.log('run                        gpu        start       ours amortised  Epoch      ratio  cloud  acquisition');
for (const r of results)
  console.log(
    `${r.row.model.padEnd(26)} ${r.row.gpu.padEnd(10)} ${r.row.trainingStart}  ${usd(r.owned)} ${usd(Number(r.row.epochAmortisedUsd2025))}  ${fmt(r.amortised)} ${fmt(r.cloud)} ${fmt(r.acquisition)}`,
  );
const known = (k) => results.map((r) => r[k]).filter((x) => x !== null);
console.log(`\nmedian ratio (ours / Epoch), ${results.length} runs, 2025 dollars:`);
console.log(`  amortised hardware + energy ${median(known('amortised')).toFixed(3)} (n=${known('amortised').length})`);
console.log(`  cloud rental (epoch)        ${median(known('cloud')).toFixed(3)} (n=${known('cloud').length})`);
console.log(`  cluster purchase            ${median(known('acquisition')).toFixed(3)} (n=${known('acquisition').length})`);
