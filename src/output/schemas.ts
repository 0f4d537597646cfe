// JSON Schemas of the preset files and of the JSON output, from the zod schemas themselves.
import { z } from 'zod';
import { mfuModelSchema } from '../presets/mfu.js';
import { gpuSchema, regionsSchema, runSchema } from '../presets/schema.js';
import { outputSchema } from './contract.js';
import { diffOutputSchema } from './diff-contract.js';

export const SCHEMA_KINDS = {
  gpu: { schema: gpuSchema, io: 'input' },
  run: { schema: runSchema, io: 'input' },
  regions: { schema: regionsSchema, io: 'input' },
  'mfu-model': { schema: mfuModelSchema, io: 'input' },
  output: { schema: outputSchema, io: 'output' },
  diff: { schema: diffOutputSchema, io: 'output' },
} as const;

export type SchemaKind = keyof typeof SCHEMA_KINDS;

export function jsonSchemaOf(kind: SchemaKind): Record<string, unknown> {
  const { schema, io } = SCHEMA_KINDS[kind];
  return z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>;
}
