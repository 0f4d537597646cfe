// What commands get from main: the io of this one call (no globals), and what follows from it:
// preset folders, whether to colour, the width, output that is written whole.
import { basename, delimiter, dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { closeSync, openSync, renameSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { InputError } from '../errors.js';
import { tooLargeMessage } from '../input/read.js';
import { presetDirsOf } from '../presets/load.js';
import type { CliIO } from './io.js';
import { today } from '../input/today.js';
import type { CommonOptions } from './options.js';

/**
 * What every renderer is given. `width` is the terminal's (or COLUMNS; undefined when piped
 * without COLUMNS, or with --wide: as wide as the content); renderers may ignore it.
 * `unicode`: block characters for charts; plain ASCII on TERM=dumb and without colour.
 */
export interface RenderOptions {
  color: boolean;
  width: number | undefined;
  unicode: boolean;
}

export interface CliContext {
  readonly io: CliIO;
  /**
   * Write a whole result to stdout (after everything is computed: never partial output before an
   * error), or with `file` (--out) to that file, atomically: a temporary file beside it, then a rename.
   */
  out(text: string, file?: string): void;
  /**
   * Output written piece by piece (a big grid, run by run): to stdout, waiting for each chunk to
   * reach the OS (backpressure), or with `file` (--out) to a temporary file renamed at `end()`.
   */
  stream(file?: string): OutWriter;
  /** Write one message line to stderr. */
  err(line: string): void;
  /** Everything on stdin, refused over `limit` bytes; on a terminal, a hint on stderr first. */
  readStdin(what: string, limit: number): Promise<string>;
  /** The width of stdout: the terminal's, else COLUMNS, else 80 on a terminal that does not say, else undefined. */
  readonly width: number | undefined;
  /**
   * The width messages are wrapped to: stderr's when it is a terminal (else COLUMNS, else 80);
   * undefined when stderr is piped, so that each message stays one line a script can grep.
   */
  readonly errWidth: number | undefined;
  /** Bundled presets first, then TRAIN_COST_PRESETS, then --presets. */
  presetDirs(opts: CommonOptions): string[];
  /** Today's date, YYYY-MM-DD (TRAIN_COST_TODAY fixes it, for reproducible output): the date of runs that give none. */
  today(): string;
  /** Whether to colour, the width (none with --wide), and whether to draw in Unicode, for a renderer. */
  renderOptions(opts: CommonOptions): RenderOptions;
  /** Resolves when every write to stdout has settled: the first write error, or null. */
  settled(): Promise<NodeJS.ErrnoException | null>;
}

/** A stream of output: `write` resolves false once writing has failed (the error is reported by main). */
export interface OutWriter {
  write(text: string): Promise<boolean>;
  /** Everything written: flush, and for a file, rename it into place. */
  end(): Promise<void>;
  /** Give up (an error mid-stream): a file's temporary copy is removed. */
  abort(): void;
}

/** Stream chunks of about this many characters: few writes, little memory. */
const CHUNK_CHARS = 1 << 16;

/** The width of a terminal that does not say. */
export const DEFAULT_WIDTH = 80;

export const STDIN_HINT = 'reading a run file from stdin: paste YAML, end with Ctrl-D';

export function createContext(io: CliIO): CliContext {
  const pending: Promise<void>[] = [];
  let writeError: NodeJS.ErrnoException | null = null;
  const track = (p: void | Promise<void>) => {
    if (p) pending.push(p.catch((e: NodeJS.ErrnoException) => void (writeError ??= e)));
  };
  const ctx: CliContext = {
    io,
    out: (text, file) => {
      if (file !== undefined) writeFileAtomic(file, text);
      else if (text.length > 0 && writeError === null) track(io.stdout.write(text));
    },
    stream: (file) => {
      if (file !== undefined) return fileWriter(file);
      let buffer = '';
      const flush = async (): Promise<boolean> => {
        const text = buffer;
        buffer = '';
        if (writeError !== null) return false;
        if (text.length === 0) return true;
        try {
          await io.stdout.write(text);
          return true;
        } catch (e) {
          writeError ??= e as NodeJS.ErrnoException;
          return false;
        }
      };
      return {
        write: async (text) => {
          buffer += text;
          return buffer.length >= CHUNK_CHARS ? flush() : writeError === null;
        },
        end: async () => void (await flush()),
        abort: () => void (buffer = ''),
      };
    },
    // Messages are best effort: a failing stderr has nowhere to report to.
    err: (line) => {
      const p = io.stderr.write(line.endsWith('\n') ? line : `${line}\n`);
      if (p) p.catch(() => {});
    },
    readStdin: async (what, limit) => {
      if (io.stdin.isTTY) ctx.err(STDIN_HINT);
      const text = await io.stdin.read(limit);
      if (Buffer.byteLength(text, 'utf8') > limit) throw new InputError(tooLargeMessage(`${what} on stdin`, limit));
      return text;
    },
    width: widthOf(io),
    errWidth: errWidthOf(io),
    presetDirs: (opts) => presetDirs(opts, io.env),
    today: () => today(io.env),
    renderOptions: (opts) => {
      const color = useColor(opts, io);
      return { color, width: opts.wide === true ? undefined : ctx.width, unicode: color && io.env.TERM !== 'dumb' };
    },
    settled: async () => {
      await Promise.all(pending);
      return writeError;
    },
  };
  return ctx;
}

/** A file written chunk by chunk under a temporary name, renamed over the target at the end. */
function fileWriter(file: string): OutWriter {
  const target = resolve(file);
  const tmp = checkTarget(file, target);
  let fd: number;
  try {
    fd = openSync(tmp, 'wx');
  } catch (e) {
    throw cannotWrite(file, target, tmp, e);
  }
  let buffer = '';
  let open = true;
  const flush = () => {
    try {
      writeSync(fd, buffer);
      buffer = '';
    } catch (e) {
      abort();
      throw cannotWrite(file, target, tmp, e);
    }
  };
  const abort = () => {
    if (!open) return;
    open = false;
    try {
      closeSync(fd);
    } finally {
      rmSync(tmp, { force: true });
    }
  };
  return {
    write: async (text) => {
      buffer += text;
      if (buffer.length >= CHUNK_CHARS) flush();
      return true;
    },
    end: async () => {
      flush();
      open = false;
      try {
        closeSync(fd);
        renameSync(tmp, target);
      } catch (e) {
        throw cannotWrite(file, target, tmp, e);
      }
    },
    abort,
  };
}

/** Refuse a folder as --out; the temporary file's name beside the target. */
function checkTarget(file: string, target: string): string {
  let isDir = false;
  try {
    isDir = statSync(target).isDirectory();
  } catch {
    // Not there yet: written below.
  }
  if (isDir) throw new InputError(`--out ${file} is a folder; give a file name, e.g. --out ${join(file, 'estimate.json')}`);
  return join(dirname(target), `.${basename(target)}.${randomHex(6)}.tmp`);
}

/** node:crypto is loaded only when a file is written (--out): loading it costs start-up ~3 ms. */
function randomHex(bytes: number): string {
  const { randomBytes } = createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto');
  return randomBytes(bytes).toString('hex');
}

function cannotWrite(file: string, target: string, tmp: string, e: unknown): InputError {
  try {
    rmSync(tmp, { force: true });
  } catch {
    // The folder cannot be reached (ENOTDIR): there is no temporary file to remove.
  }
  const err = e as NodeJS.ErrnoException;
  const why =
    err.code === 'ENOENT'
      ? `no folder ${dirname(target)}`
      : err.code === 'EACCES' || err.code === 'EPERM'
        ? 'permission denied'
        : err.message.replace(/^[A-Z]+: /, '');
  return new InputError(`--out ${file}: cannot write the file (${why}${err.code !== undefined ? `, ${err.code}` : ''})`);
}

/** Write the whole text to a temporary file in the target's folder, then rename it over the target. */
export function writeFileAtomic(file: string, text: string): void {
  const target = resolve(file);
  const tmp = checkTarget(file, target);
  try {
    writeFileSync(tmp, text, { flag: 'wx' });
    renameSync(tmp, target);
  } catch (e) {
    throw cannotWrite(file, target, tmp, e);
  }
}

function widthOf(io: CliIO): number | undefined {
  if (io.stdout.isTTY && io.stdout.columns !== undefined && io.stdout.columns > 0) return io.stdout.columns;
  const env = Number.parseInt(io.env.COLUMNS ?? '', 10);
  if (Number.isInteger(env) && env > 0) return env;
  // A terminal that does not tell its width: the usual 80. Piped output is as wide as its content.
  return io.stdout.isTTY ? DEFAULT_WIDTH : undefined;
}

function errWidthOf(io: CliIO): number | undefined {
  if (io.stderr.isTTY !== true) return undefined;
  if (io.stderr.columns !== undefined && io.stderr.columns > 0) return io.stderr.columns;
  const env = Number.parseInt(io.env.COLUMNS ?? '', 10);
  return Number.isInteger(env) && env > 0 ? env : DEFAULT_WIDTH;
}

/** Bundled presets first, then TRAIN_COST_PRESETS, then --presets: later folders override earlier ones by id. */
export function presetDirs(opts: CommonOptions, env: CliIO['env']): string[] {
  const fromEnv = (env.TRAIN_COST_PRESETS ?? '').split(delimiter).filter((d) => d.length > 0);
  return presetDirsOf([...fromEnv, ...opts.presets], '--presets or TRAIN_COST_PRESETS takes a folder');
}

/** Colour only on a terminal, never with NO_COLOR, --no-color or TERM=dumb (FORCE_COLOR forces it otherwise). */
export function useColor(opts: Pick<CommonOptions, 'color'>, io: Pick<CliIO, 'env' | 'stdout'>): boolean {
  const env = io.env;
  if (!opts.color) return false;
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.TERM === 'dumb') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '' && env.FORCE_COLOR !== '0') return true;
  return io.stdout.isTTY === true;
}
