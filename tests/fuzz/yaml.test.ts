// Issue 11 item 3: fuzzed YAML, in-process, with a fixed seed. Mutations of the bundled run files,
// gpu presets, regions.yaml, the MFU model and examples/*.yaml (keys dropped, duplicated, retyped
// and swapped; anchors, aliases and tags injected; deep nesting; prototype keys), fed as a run
// file on stdin (`-`) and as files in a temporary preset folder (--presets). The invariants are
// those of the argv suite (arbitraries.ts); a failure prints the shrunk case: source, mutations,
// the YAML text and the args.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cli, REPO_ROOT } from '../helpers/cli.js';
import { tempFolder } from '../helpers/files.js';
import { checkCommon, checkContract, expectContractsChecked, GPU_IDS, runs } from './arbitraries.js';

const SEED = 110_011;

const TMP = tempFolder('fuzz').dir;

const read = (rel: string) => readFileSync(join(REPO_ROOT, rel), 'utf8');
const list = (dir: string) =>
  readdirSync(join(REPO_ROOT, dir))
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => `${dir}/${f}`);

type Kind = 'run' | 'gpu' | 'regions' | 'mfu-model';
const SOURCES: { path: string; kind: Kind; text: string }[] = [
  ...list('presets/runs').map((path) => ({ path, kind: 'run' as const, text: read(path) })),
  ...list('examples').map((path) => ({ path, kind: 'run' as const, text: read(path) })),
  ...list('presets/gpus').map((path) => ({ path, kind: 'gpu' as const, text: read(path) })),
  { path: 'presets/regions.yaml', kind: 'regions', text: read('presets/regions.yaml') },
  { path: 'presets/mfu-model.yaml', kind: 'mfu-model', text: read('presets/mfu-model.yaml') },
];

// ---- mutations of the parsed tree ----

type Path = (string | number)[];
function paths(v: unknown, at: Path = [], out: Path[] = []): Path[] {
  if (v && typeof v === 'object')
    for (const [k, child] of Object.entries(v)) {
      const p = [...at, Array.isArray(v) ? Number(k) : k];
      out.push(p);
      paths(child, p, out);
    }
  return out;
}
function parentOf(root: any, p: Path): any {
  let o = root;
  for (const k of p.slice(0, -1)) o = o[k];
  return o;
}

/** Values of another type, or out of range: numbers huge, tiny, negative; strings with suffixes and junk. */
const retyped = fc.oneof(
  fc.constantFrom<unknown>(
    null,
    true,
    false,
    0,
    -1,
    1e308,
    5e-324,
    -1e308,
    '',
    ' ',
    '70B',
    '14.8T',
    '2e6',
    'NaN',
    '.inf',
    '1..8',
    'h100',
    'gpt-3',
    '__proto__',
    'ｈ100',
    '💥',
    [],
    {},
    [1, 2],
    { a: 1 },
    [[[]]],
    '2025-02-30',
  ),
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.string({ maxLength: 8 }),
);

const treeMutation = fc.oneof(
  fc.record({ op: fc.constant('drop' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('retype' as const), at: fc.nat(), value: retyped }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ op: fc.constant('nest' as const), at: fc.nat(), depth: fc.integer({ min: 1, max: 80 }), asList: fc.boolean() }),
  fc.record({ op: fc.constant('copy' as const), at: fc.nat(), to: fc.nat() }),
);
type TreeMutation = typeof treeMutation extends fc.Arbitrary<infer T> ? T : never;

function applyTree(root: any, m: TreeMutation): any {
  const all = paths(root);
  if (all.length === 0) return m.op === 'retype' ? m.value : root;
  const p = all[m.at % all.length]!;
  const parent = parentOf(root, p);
  const key = p[p.length - 1]!;
  switch (m.op) {
    case 'drop':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else delete parent[key];
      break;
    case 'retype':
      parent[key] = structuredClone(m.value);
      break;
    case 'swap': {
      const q = all[m.with % all.length]!;
      const qParent = parentOf(root, q);
      const qKey = q[q.length - 1]!;
      // Only between disjoint nodes (not an ancestor and its child).
      if (p.join('\u0000').startsWith(q.join('\u0000')) || q.join('\u0000').startsWith(p.join('\u0000'))) break;
      [parent[key], qParent[qKey]] = [qParent[qKey], parent[key]];
      break;
    }
    case 'nest': {
      let v = parent[key];
      for (let i = 0; i < m.depth; i++) v = m.asList ? [v] : { k: v };
      parent[key] = v;
      break;
    }
    case 'copy': {
      const q = all[m.to % all.length]!;
      const target = parentOf(root, q);
      if (target && typeof target === 'object' && !Array.isArray(target) && !Array.isArray(parent))
        target[`${String(key)}`] = structuredClone(parent[key]);
      break;
    }
  }
  return root;
}

// ---- mutations of the text ----

const textMutation = fc.oneof(
  // An anchor on one line's value and aliases to it elsewhere (or to an anchor that is not there).
  fc.record({
    op: fc.constant('alias' as const),
    line: fc.nat(),
    to: fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
    missing: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('tag' as const),
    line: fc.nat(),
    tag: fc.constantFrom(
      '!!int',
      '!!float',
      '!!str',
      '!!bool',
      '!!null',
      '!!binary',
      '!!timestamp',
      '!!set',
      '!!omap',
      '!!map',
      '!!seq',
      '!custom',
      '!<tag:x>',
    ),
  }),
  // The same key twice.
  fc.record({ op: fc.constant('duplicate' as const), line: fc.nat() }),
  fc.record({
    op: fc.constant('proto' as const),
    line: fc.nat(),
    key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', '__defineGetter__'),
  }),
  fc.record({
    op: fc.constant('junk' as const),
    line: fc.nat(),
    text: fc.constantFrom(
      '\u0000',
      '\t',
      '\ufeff',
      '{',
      ']',
      '"',
      "'",
      ': :',
      '- -',
      '%YAML 1.1',
      '---',
      '...',
      '<<: *x',
      '? complex',
      '|',
      '>-',
      '@',
      '`',
    ),
  }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('bomb' as const), levels: fc.integer({ min: 2, max: 8 }) }),
);
type TextMutation = typeof textMutation extends fc.Arbitrary<infer T> ? T : never;

/** The value part of a `key: value` line: [prefix, value], or undefined. */
const KV = /^(\s*(?:- )?[A-Za-z_][\w-]*:\s)(.*)$/;

function applyText(text: string, m: TextMutation): string {
  const lines = text.split('\n');
  const n = lines.length;
  switch (m.op) {
    case 'alias': {
      const i = m.line % n;
      const kv = KV.exec(lines[i]!);
      if (!kv) break;
      if (!m.missing && kv[2] !== '') lines[i] = `${kv[1]}&fz ${kv[2]}`;
      for (const t of m.to) {
        const j = t % n;
        const kvj = KV.exec(lines[j]!);
        if (j !== i && kvj && kvj[2] !== '') lines[j] = `${kvj[1]}*${m.missing ? 'nothing' : 'fz'}`;
      }
      break;
    }
    case 'tag': {
      const i = m.line % n;
      const kv = KV.exec(lines[i]!);
      if (kv && kv[2] !== '') lines[i] = `${kv[1]}${m.tag} ${kv[2]}`;
      break;
    }
    case 'duplicate': {
      const i = m.line % n;
      lines.splice(i, 0, lines[i]!);
      break;
    }
    case 'proto': {
      const i = m.line % n;
      const indent = /^\s*/.exec(lines[i]!)![0];
      lines.splice(i, 0, `${indent}${m.key}:`, `${indent}  polluted: yes`);
      break;
    }
    case 'junk': {
      const i = m.line % n;
      const at = lines[i]!.length === 0 ? 0 : m.line % lines[i]!.length;
      lines[i] = lines[i]!.slice(0, at) + m.text + lines[i]!.slice(at);
      break;
    }
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'bomb': {
      // A billion laughs, as deep as `levels`: the reader's alias limit refuses it.
      const rows = ['b0: &b0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
      for (let l = 1; l < m.levels; l++)
        rows.push(
          `b${l}: &b${l} [${Array(9)
            .fill(`*b${l - 1}`)
            .join(', ')}]`,
        );
      return `${rows.join('\n')}\n${text}`;
    }
  }
  return lines.join('\n');
}

// ---- cases ----

const mutationCase = fc.record({
  source: fc.nat(SOURCES.length - 1),
  tree: fc.array(treeMutation, { maxLength: 3 }),
  text: fc.array(textMutation, { maxLength: 2 }),
  format: fc.constantFrom('json', 'csv', 'ndjson', 'json'),
});

function mutate(c: { source: number; tree: TreeMutation[]; text: TextMutation[] }): string {
  const src = SOURCES[c.source]!;
  let text = src.text;
  if (c.tree.length > 0) {
    let tree = parse(src.text);
    for (const m of c.tree) tree = applyTree(tree, m);
    // Keep the mutated tree small to print: the deepest nesting is 80 levels.
    text = stringify(tree, { aliasDuplicateObjects: false });
  }
  for (const m of c.text) text = applyText(text, m);
  return text;
}

let n = 0;
/** A fresh preset folder holding `text` where a preset of this kind lives; returns its path and the args that use it. */
function presetCase(kind: Kind, sourcePath: string, text: string, format: string): string[] {
  const dir = join(TMP, `p${n++}`);
  const id = sourcePath.replace(/^.*\//, '').replace(/\.yaml$/, '');
  if (kind === 'gpu' || kind === 'run') {
    mkdirSync(join(dir, `${kind}s`), { recursive: true });
    writeFileSync(join(dir, `${kind}s`, `${id}.yaml`), text);
  } else {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, `${kind}.yaml`), text);
  }
  const presets = ['--presets', dir, '--format', format];
  if (kind === 'gpu') return [...presets, '--gpu', id, '--chips', '8', '--hours', '10'];
  if (kind === 'run') return [id, ...presets];
  if (kind === 'regions') return [...presets, '--gpu', 'h100', '--chips', '8', '--hours', '10', '--region', 'eu'];
  return [...presets, '--gpu', 'h100', '--chips', '8', '--params', '7B', '--tokens', '1T'];
}

/** `input` goes to stdin; `file` is the text in the preset folder (a word it holds may be quoted back). */
async function check(args: string[], input: string | undefined, estimate: boolean, format: string, file = ''): Promise<void> {
  const label = `args: ${JSON.stringify(args)}\nYAML (${input === undefined ? 'in the preset folder' : 'on stdin'}):\n${(input ?? '').slice(0, 1500)}`;
  const opts = { env: {}, ...(input === undefined ? {} : { input }) };
  const t0 = performance.now();
  const r = await cli(args, opts);
  if (process.env.FUZZ_SLOW && performance.now() - t0 > 20)
    console.log(
      'SLOW',
      (performance.now() - t0).toFixed(0),
      JSON.stringify(args),
      r.code,
      r.stdout.length,
      (input ?? '').length,
      r.stderr.slice(0, 150),
    );
  checkCommon(r, `${args.join(' ')}\n${input ?? ''}\n${file}`, label);
  const again = await cli(args, opts);
  expect(again, `${label}\nnot the same bytes on a second run`).toEqual(r);
  if (estimate && r.code !== 2 && r.stdout !== '' && (format === 'json' || format === 'ndjson')) checkContract(r.stdout, format, label);
}

describe('fuzzed YAML (fixed seed)', () => {
  it(`mutated run files on stdin (-): ${runs(500)} cases`, async () => {
    const runSources = SOURCES.flatMap((s, i) => (s.kind === 'run' ? [i] : []));
    await expectContractsChecked(() =>
      fc.assert(
        fc.asyncProperty(mutationCase, fc.constantFrom(...runSources), async (c, source) => {
          const text = mutate({ ...c, source });
          await check(['-', '--format', c.format], text, true, c.format);
        }),
        { seed: SEED, numRuns: runs(500) },
      ),
    );
  }, 120_000);

  it(`mutated gpu, run, regions and MFU-model presets in a --presets folder: ${runs(400)} cases`, async () => {
    await expectContractsChecked(() =>
      fc.assert(
        fc.asyncProperty(mutationCase, async (c) => {
          const src = SOURCES[c.source]!;
          const text = mutate(c);
          const args = presetCase(src.kind, src.path, text, c.format);
          const label = args.join(' ');
          await check(args, undefined, true, c.format, text).catch((e: Error) => {
            throw new Error(`${e.message}\nthe file: ${src.kind} from ${src.path}\n${text.slice(0, 1500)}\n(${label})`);
          });
        }),
        { seed: SEED + 1, numRuns: runs(400) },
      ),
    );
  }, 120_000);

  it(`mutated files through validate and the listing commands: ${runs(200)} cases`, async () => {
    await fc.assert(
      fc.asyncProperty(mutationCase, fc.constantFrom('validate', 'gpus', 'runs'), async (c, command) => {
        const src = SOURCES[c.source]!;
        const text = mutate(c);
        const [, , dir] = presetCase(src.kind, src.path, text, c.format);
        const file =
          src.kind === 'gpu' || src.kind === 'run'
            ? join(dir!, `${src.kind}s`, src.path.replace(/^.*\//, ''))
            : join(dir!, `${src.kind}.yaml`);
        const args = command === 'validate' ? ['validate', file] : [command, '--presets', dir!, '--format', c.format];
        await check(args, undefined, false, c.format, text);
      }),
      { seed: SEED + 2, numRuns: runs(200) },
    );
  }, 120_000);

  it('the bundled gpu ids are all in the fuzzed sources', () => {
    expect(
      SOURCES.filter((s) => s.kind === 'gpu')
        .map((s) => s.path.replace(/^.*\/|\.yaml$/g, ''))
        .sort(),
    ).toEqual([...GPU_IDS].sort());
  });
});
