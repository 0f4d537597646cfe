// train-cost schema <kind>: the JSON Schema of a preset file or of the JSON output.
import { Command } from 'commander';
import { z } from 'zod';
import { InputError } from '../../errors.js';
import { outputSchema } from '../../output/contract.js';
import { stringifyStrict } from '../../output/json.js';
import { gpuSchema, regionsSchema, runSchema } from '../../presets/schema.js';
import { writeOut } from '../context.js';

export const SCHEMA_KINDS = {
  gpu: { schema: gpuSchema, io: 'input' },
  run: { schema: runSchema, io: 'input' },
  regions: { schema: regionsSchema, io: 'input' },
  output: { schema: outputSchema, io: 'output' },
} as const;

export function jsonSchemaOf(kind: keyof typeof SCHEMA_KINDS): unknown {
  const { schema, io } = SCHEMA_KINDS[kind];
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' });
}

export function schemaCommand(): Command {
  return new Command('schema')
    .description(`print the JSON Schema of: ${Object.keys(SCHEMA_KINDS).join(', ')}`)
    .argument('<kind>', Object.keys(SCHEMA_KINDS).join(' | '))
    .action((kind: string) => {
      if (!(kind in SCHEMA_KINDS))
        throw new InputError(`unknown schema kind "${kind}"; use one of: ${Object.keys(SCHEMA_KINDS).join(', ')}`);
      writeOut(`${stringifyStrict(jsonSchemaOf(kind as keyof typeof SCHEMA_KINDS), 2)}\n`);
    });
}
