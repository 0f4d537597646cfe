// The real program: the only module that touches `process`. It builds the io from the process,
// runs main, and sets the exit code main decided.
import { isatty } from 'node:tty';
import { EXIT } from '../errors.js';
import type { CliIO, OutStream } from './io.js';
import { main } from './main.js';

export function run(): void {
  // Write errors (EPIPE, ENOSPC) reach main through each write's callback; without a listener
  // the stream's 'error' event would also crash the process with a stack trace.
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
  main(process.argv.slice(2), processIO()).then(
    (code) => {
      process.exitCode = code;
    },
    () => {
      process.exitCode = EXIT.bug;
    },
  );
}

function processIO(): CliIO {
  return {
    stdout: outStream(process.stdout),
    stderr: outStream(process.stderr),
    // isatty(0), not process.stdin.isTTY: stdin is opened only when a command reads it.
    stdin: { isTTY: isatty(0), read: (limit) => readAll(process.stdin, limit) },
    env: process.env,
  };
}

function outStream(stream: NodeJS.WriteStream): OutStream {
  return {
    write: (text) =>
      new Promise<void>((resolve, reject) => {
        try {
          stream.write(text, (err) => (err ? reject(err) : resolve()));
        } catch (e) {
          reject(e);
        }
      }),
    isTTY: stream.isTTY === true,
    ...(stream.isTTY ? { columns: stream.columns } : {}),
  };
}

/** At most limit + 1 bytes of the stream: enough for the caller to tell that it is too large. */
async function readAll(stream: NodeJS.ReadStream, limit: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(b);
    size += b.length;
    if (size > limit) break;
  }
  return Buffer.concat(chunks)
    .subarray(0, limit + 1)
    .toString('utf8');
}
