// Reading a user's file or stdin, bounded: every file the tool reads goes through
// readInputFile, which refuses folders, missing and unreadable files, and anything over
// MAX_INPUT_BYTES (checked with fstat first, then by reading at most one byte more than the
// limit, so /dev/zero, /dev/urandom or an endless pipe end at once).
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { InputError } from '../errors.js';
import { excerpt } from './excerpt.js';

/** Most bytes read from any one input file or stdin (a backtest CSV). */
export const MAX_INPUT_BYTES = 4 * 1024 * 1024;
/**
 * Most bytes of one YAML file (run files, presets, a run on stdin): the YAML parser needs about
 * 1 KB of memory per value and ~10 µs per byte on a loaded 2-core machine: 128 KiB of flow
 * values peaked at 158 MB in 1.8 s, 256 KiB at 219 MB. The largest bundled preset is 5 KB.
 */
export const MAX_YAML_BYTES = 128 * 1024;

/**
 * The text of a file, as UTF-8. `what` names it in errors ("run file", "preset file"); the path is
 * shown as given. (Stdin is read by the CLI's context, with the same limits.)
 */
export function readInputFile(file: string, what: string, limit: number = MAX_INPUT_BYTES): string {
  const label = `${what} ${excerpt(file, 200)}`;
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new InputError(describeOpenError(e, label));
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new InputError(`${label} is a folder, not a file`);
    const tooBig = tooLargeMessage(label, limit);
    if (stat.isFile() && stat.size > limit) throw new InputError(tooBig);
    const chunks: Buffer[] = [];
    let total = 0;
    // Regular files report their size; devices and pipes do not: read until EOF or one byte past the limit.
    const chunk = Buffer.allocUnsafe(64 * 1024);
    for (;;) {
      const n = readChunk(fd, chunk, Math.min(chunk.length, limit + 1 - total), label);
      if (n === 0) break;
      chunks.push(Buffer.from(chunk.subarray(0, n)));
      total += n;
      if (total > limit) throw new InputError(tooBig);
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

function limitName(limit: number): string {
  if (limit === MAX_YAML_BYTES) return 'the limit for a YAML file';
  if (limit === MAX_INPUT_BYTES) return 'the limit for any input file';
  return 'the limit';
}

/** The one line for an input over its limit: "run file on stdin is larger than 128 KiB, the limit for a YAML file". */
export function tooLargeMessage(label: string, limit: number): string {
  return `${label} is larger than ${limitText(limit)}, ${limitName(limit)}`;
}

function limitText(limit: number): string {
  if (limit % (1024 * 1024) === 0) return `${limit / (1024 * 1024)} MiB`;
  if (limit % 1024 === 0) return `${limit / 1024} KiB`;
  return `${limit.toLocaleString('en-US')} bytes`;
}

const WAIT = new Int32Array(new SharedArrayBuffer(4));

/** One read; a non-blocking descriptor with nothing yet (EAGAIN) is waited on briefly and read again. */
function readChunk(fd: number, buf: Buffer, length: number, label: string): number {
  for (;;) {
    try {
      return readSync(fd, buf, 0, length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(WAIT, 0, 0, 20);
        continue;
      }
      if (code === 'EOF') return 0;
      if (code === 'EISDIR') throw new InputError(`${label} is a folder, not a file`);
      throw new InputError(`cannot read ${label}: ${code ?? String(e)}`);
    }
  }
}

function describeOpenError(e: unknown, label: string): string {
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return `${label} not found`;
  if (code === 'EACCES' || code === 'EPERM') return `cannot read ${label}: permission denied`;
  if (code === 'ENOTDIR') return `${label} not found (a part of its path is a file, not a folder)`;
  if (code === 'EISDIR') return `${label} is a folder, not a file`;
  if (code === 'ENAMETOOLONG') return `${label}: the path is too long`;
  return `cannot read ${label}: ${code ?? String(e)}`;
}
