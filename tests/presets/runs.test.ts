// Bundled runs by id: a run is found by its own file when only the bundled folder is searched,
// and a user's folder can still take any id (its run replaces the bundled one, whatever its file name).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledPresetsDir, yamlFilesIn, fileStem } from '../../src/presets/load.js';
import { loadRuns, parseRunText, resolveRunRef } from '../../src/presets/runs.js';
import { inputError } from '../helpers/errors.js';
import { tempFolder } from '../helpers/files.js';

const bundled = bundledPresetsDir();
const temp = tempFolder('runs');

/** A user's preset folder (below the test's temporary folder) with these run files. */
function userFolder(name: string, files: Record<string, string>): string {
  for (const [file, text] of Object.entries(files)) temp.write(join(name, 'runs', file), text);
  return join(temp.dir, name);
}

describe('bundled runs', () => {
  it('each is filed under its id (runs/<id>.yaml), which finding a run by id relies on', () => {
    const files = yamlFilesIn(join(bundled, 'runs'));
    expect(files.length).toBeGreaterThan(30);
    expect(loadRuns([bundled]).map((r) => r.id)).toEqual(files.map(fileStem));
  });
});

describe('resolveRunRef', () => {
  it('finds a bundled run by its id, in any case', () => {
    const hit = resolveRunRef('DeepSeek-R1', [bundled]);
    expect(hit.id).toBe('deepseek-r1');
    expect(hit.run.name).toBe('DeepSeek-R1');
    expect(hit.run.phases).toHaveLength(3);
  });

  it("a user's run with a bundled id replaces the bundled one, whatever its file is called", () => {
    const dir = userFolder('mine', { 'mine.yaml': 'id: deepseek-r1\nname: My R1\nphases:\n  - name: p\n    gpu: h100\n    gpuHours: 10\n' });
    const hit = resolveRunRef('deepseek-r1', [bundled, dir]);
    expect(hit.run.name).toBe('My R1');
    expect(hit.run.phases).toHaveLength(1);
  });

  it("a user's folder adds ids beside the bundled ones", () => {
    const dir = userFolder('small', { 'small.yaml': 'name: Small\nphases:\n  - name: p\n    gpu: h100\n    gpuHours: 10\n' });
    expect(resolveRunRef('small', [bundled, dir]).run.name).toBe('Small');
    expect(resolveRunRef('deepseek-v3', [bundled, dir]).run.name).toBe('DeepSeek-V3');
  });

  it('an unknown id names the closest and lists the known ones', () => {
    expect(inputError(() => resolveRunRef('deepseek-r2', [bundled]))).toMatch(
      /^unknown run "deepseek-r2"; did you mean "deepseek-r1"\? \(a YAML file path, - for stdin, or one of: .*deepseek-v3/,
    );
  });
});

describe('run files', () => {
  it('a date that is no day of the calendar is refused at its line, as --date refuses it', () => {
    const text = 'name: x\ndate: "2024-02-30"\ngpu: h100\nchips: 8\nphases:\n  - name: p\n    hours: 10\n';
    expect(inputError(() => parseRunText(text, 'r.yaml'))).toBe('r.yaml:2: date: must be a day of the calendar (2024-02-30 is none)');
    expect(parseRunText(text.replace('02-30', '02-29'), 'r.yaml').run.date).toBe('2024-02-29');
  });
});
