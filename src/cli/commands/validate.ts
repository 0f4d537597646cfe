// train-cost validate <file...>: check preset files; exit 2 at the first bad one.
import { readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { Command } from 'commander';
import { parse } from 'yaml';
import { InputError } from '../../errors.js';
import { displayPath, readPresetFile } from '../../presets/load.js';
import { gpuSchema, regionsSchema, runSchema } from '../../presets/schema.js';
import { writeOut } from '../context.js';

type Kind = 'gpu' | 'run' | 'regions';

/** A file's kind: by its folder (gpus/, runs/) or name (regions.yaml), else by its keys. */
export function kindOf(file: string): Kind {
  const folder = basename(dirname(file));
  if (folder === 'gpus') return 'gpu';
  if (folder === 'runs') return 'run';
  if (/^regions\.ya?ml$/.test(basename(file))) return 'regions';
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch {
    // Unreadable or invalid YAML: the run schema's loader reports it with its line.
    return 'run';
  }
  if (data !== null && typeof data === 'object') {
    if ('peakTflops' in data) return 'gpu';
    if ('regions' in data) return 'regions';
  }
  return 'run';
}

const SCHEMAS = { gpu: gpuSchema, run: runSchema, regions: regionsSchema } as const;

export function validateCommand(): Command {
  return new Command('validate')
    .description('check preset files (gpus/*.yaml, runs/*.yaml, regions.yaml, run files); exit 2 at the first bad one')
    .argument('<files...>', 'YAML files')
    .action((files: string[]) => {
      const lines: string[] = [];
      for (const file of files) {
        const kind = kindOf(file);
        try {
          readPresetFile(file, SCHEMAS[kind]);
        } catch (e) {
          // What passed so far is still reported, before the error.
          writeOut(lines.join(''));
          throw e instanceof InputError ? e : new InputError(`${displayPath(file)}: ${String(e)}`);
        }
        lines.push(`ok ${displayPath(file)} (${kind})\n`);
      }
      writeOut(lines.join(''));
    });
}
