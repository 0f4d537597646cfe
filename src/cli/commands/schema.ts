// train-cost schema <kind>: the JSON Schema of a preset file or of the JSON output.
import { Command } from 'commander';
import { InputError } from '../../errors.js';
import { stringifyStrict } from '../../output/json.js';
import { jsonSchemaOf, SCHEMA_KINDS, type SchemaKind } from '../../output/schemas.js';
import type { CliContext } from '../context.js';
import { addOptions, outOption, parseOptions } from '../options.js';

const schemaShape = outOption('write the JSON Schema to this file (replaced whole, never half-written)');

export function schemaCommand(ctx: CliContext): Command {
  return addOptions(new Command('schema'), schemaShape)
    .description(`print the JSON Schema of: ${Object.keys(SCHEMA_KINDS).join(', ')} (also in schemas/)`)
    .argument('<kind>', Object.keys(SCHEMA_KINDS).join(' | '))
    .action((kind: string, raw: Record<string, unknown>) => {
      const opts = parseOptions(schemaShape, raw);
      if (!(kind in SCHEMA_KINDS))
        throw new InputError(`unknown schema kind "${kind}"; use one of: ${Object.keys(SCHEMA_KINDS).join(', ')}`);
      ctx.out(`${stringifyStrict(jsonSchemaOf(kind as SchemaKind), 2)}\n`, opts.out);
    });
}
