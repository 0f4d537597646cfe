// What the command line needs from the outside world, as one object: main(argv, io) reads and
// writes only through it, so tests run many CLI calls in one process with captured streams.

/** Where output goes: a terminal, a pipe, a file, or a test's buffer. */
export interface OutStream {
  /**
   * Write text. A real stream returns a promise that settles once the text has reached the OS
   * (and rejects with the write error: EPIPE, ENOSPC...); a test's buffer may return nothing.
   */
  write(text: string): void | Promise<void>;
  /** Whether this is a terminal (colour is only for terminals). */
  isTTY?: boolean;
  /** The terminal's width in columns, when it is one. */
  columns?: number;
}

export interface InStream {
  /** Whether stdin is a terminal (then `-` prints a hint before it reads). */
  isTTY?: boolean;
  /**
   * Stdin as UTF-8 text, read only when a command asks for it, and at most `limit` + 1 bytes of
   * it: the caller refuses more, so /dev/zero on stdin ends at once.
   */
  read(limit: number): Promise<string>;
}

export interface CliIO {
  stdout: OutStream;
  stderr: OutStream;
  stdin: InStream;
  /** Environment variables (NO_COLOR, FORCE_COLOR, TERM, COLUMNS, TRAIN_COST_PRESETS). */
  env: Readonly<Record<string, string | undefined>>;
}
