import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

export interface TempFolder {
  /** The folder's path. */
  dir: string;
  /** Write `text` to `rel` in the folder (making folders as needed) and return the file's path. */
  write: (rel: string, text: string | Buffer) => string;
}

/** A fresh temporary folder for the calling test file, removed after its tests (call at the top of the file). */
export function tempFolder(name: string): TempFolder {
  const dir = mkdtempSync(join(tmpdir(), `train-cost-${name}-`));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    write: (rel, text) => {
      const file = join(dir, rel);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
  };
}
