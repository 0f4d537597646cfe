// What commands need from the process: preset folders, whether to colour, and output.
import { delimiter, resolve } from 'node:path';
import { existsSync, statSync } from 'node:fs';
import { InputError } from '../errors.js';
import { isDate } from '../core/dates.js';
import { bundledPresetsDir } from '../presets/load.js';
import type { CommonOptions } from './options.js';

/** Bundled presets first, then TRAIN_COST_PRESETS, then --presets: later folders override earlier ones by id. */
export function presetDirs(opts: CommonOptions, env: NodeJS.ProcessEnv = process.env): string[] {
  const fromEnv = (env.TRAIN_COST_PRESETS ?? '').split(delimiter).filter((d) => d.length > 0);
  const user = [...fromEnv, ...opts.presets].map((d) => resolve(d));
  for (const dir of user) {
    if (!existsSync(dir) || !statSync(dir).isDirectory())
      throw new InputError(`preset folder not found: ${dir} (--presets or TRAIN_COST_PRESETS takes a folder with gpus/, runs/ or regions.yaml)`);
  }
  return [bundledPresetsDir(), ...user];
}

/** Colour only on a terminal, never with NO_COLOR or --no-color (FORCE_COLOR forces it). */
export function useColor(opts: CommonOptions, env: NodeJS.ProcessEnv = process.env): boolean {
  if (!opts.color) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0') return true;
  return process.stdout.isTTY === true;
}

/** Write the whole result at once, after everything is computed: never partial output before an error. */
export function writeOut(text: string): void {
  process.stdout.write(text);
}

export function writeErr(line: string): void {
  process.stderr.write(line.endsWith('\n') ? line : `${line}\n`);
}

/**
 * Today's date, YYYY-MM-DD (UTC): the date of a run that gives none. TRAIN_COST_TODAY fixes it
 * (reproducible outputs: golden files, CI), as SOURCE_DATE_EPOCH does for builds.
 */
export function today(env: NodeJS.ProcessEnv = process.env): string {
  const fixed = env.TRAIN_COST_TODAY;
  if (fixed !== undefined && fixed !== '') {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(fixed) || !isDate(fixed)) throw new InputError(`TRAIN_COST_TODAY must be a date YYYY-MM-DD, got "${fixed}"`);
    return fixed;
  }
  return new Date().toISOString().slice(0, 10);
}
