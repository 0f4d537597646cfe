// The least CPU that 100K NDJSON lines of the contract can take in Node, with no estimate at
// all: the grid's first line is cut into its constant text and its numbers, and each run writes
// the constant bytes with only the numbers that change from run to run formatted anew (each
// distinct value once), straight into a buffer. What the real writer does beyond this is the
// estimate and the walk over its objects. Run by bench/run.mjs; prints one JSON line.
import { spawnSync } from 'node:child_process';
import { openSync, writeSync } from 'node:fs';

const [cli, n = '100000'] = process.argv.slice(2);
const runs = Number(n);
const lines = spawnSync(process.execPath, [cli, '--gpu', 'h100', '--hours', '1', '--chips', '1,2', '--format', 'ndjson'], {
  encoding: 'utf8',
})
  .stdout.trim()
  .split('\n');

// A number in JSON is followed by , ] or }; the run's name ("2 x h100, 1 h") holds its chips.
const NUMBER = /(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?)(?=[,\]}]| x h100)/;
const cut = (line) => {
  const parts = line.split(NUMBER);
  return { texts: parts.filter((_, i) => i % 2 === 0), numbers: parts.filter((_, i) => i % 2 === 1).map(Number) };
};
const one = cut(lines[0]);
const two = cut(lines[1]);
if (one.texts.join('|') !== two.texts.join('|')) throw new Error('the two lines differ in more than numbers');

// Constant numbers fold into the text around them; a changing one stays a slot, linear in the
// chips (1 chip to 2 chips: every figure that changes here is proportional to them).
const texts = [one.texts[0]];
const slots = [];
for (let i = 0; i < one.numbers.length; i++) {
  if (one.numbers[i] === two.numbers[i]) texts[texts.length - 1] += String(one.numbers[i]) + one.texts[i + 1];
  else {
    slots.push(one.numbers[i]);
    texts.push(one.texts[i + 1]);
  }
}
texts[texts.length - 1] += '\n';
// Each changing slot reads one of the few distinct values, formatted once per run.
const values = [...new Set(slots)];
const slotValue = Int32Array.from(slots, (v) => values.indexOf(v));
const distinct = values.length;

// Bytes copied into a buffer with the numbers written in place, ~1 MB a write (joining text
// pieces into strings instead takes about twice the CPU).
const fd = openSync('/dev/null', 'w');
function asBytes() {
  const bytes = texts.map((t) => Buffer.from(t));
  const formatted = new Array(distinct);
  const out = Buffer.allocUnsafe(1 << 21);
  let at = 0;
  for (let r = 1; r <= runs; r++) {
    for (let d = 0; d < distinct; d++) formatted[d] = String(values[d] * r);
    out.set(bytes[0], at);
    at += bytes[0].length;
    for (let k = 0; k < slotValue.length; k++) {
      const text = formatted[slotValue[k]];
      for (let c = 0; c < text.length; c++) out[at++] = text.charCodeAt(c);
      out.set(bytes[k + 1], at);
      at += bytes[k + 1].length;
    }
    if (at > 1 << 20) {
      writeSync(fd, out, 0, at);
      at = 0;
    }
  }
  writeSync(fd, out, 0, at);
}
const start = process.cpuUsage();
asBytes();
const used = process.cpuUsage(start);
const cpu = (used.user + used.system) / 1e6;
console.log(
  JSON.stringify({ runs, bytesPerLine: lines[0].length + 1, numbers: one.numbers.length, changing: slots.length, distinct, cpu }),
);
