// The MFU model file (presets/mfu-model.yaml, or a user's): an age feature must come with the chip
// ages the model was fitted on, or it would be clamped to nothing and silently never apply.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundledPresetsDir, parseYaml, parseYamlData } from '../../src/presets/load.js';
import { mfuModelSchema } from '../../src/presets/mfu.js';
import { stringify } from 'yaml';
import { readFileSync } from 'node:fs';
import { inputError } from '../helpers/errors.js';

const bundled = parseYamlData(readFileSync(join(bundledPresetsDir(), 'mfu-model.yaml'), 'utf8')) as {
  model: Record<string, unknown> & { features: Record<string, number> };
};

const withModel = (model: Record<string, unknown>) => stringify({ ...bundled, model: { ...bundled.model, ...model } });

describe('mfu-model.yaml', () => {
  it('an age feature without ageRange is refused, naming ageRange', () => {
    const text = withModel({ features: { ...bundled.model.features, age: 0.05 } });
    expect(inputError(() => parseYaml(text, 'mfu-model.yaml', mfuModelSchema))).toMatch(
      /^mfu-model\.yaml(:\d+)?: model\.ageRange: an age feature \(age, logAge\) needs ageRange/,
    );
  });

  it('with its ageRange it is taken', () => {
    const text = withModel({ features: { ...bundled.model.features, logAge: 0.05 }, ageRange: [0.1, 6] });
    expect(parseYaml(text, 'mfu-model.yaml', mfuModelSchema).model.ageRange).toEqual([0.1, 6]);
  });
});
