// One definition of the output: the zod contract gives the JSON Schema (`train-cost schema output`)
// and the TypeScript types of the JSON; the core's estimate types must match them field for field.
// The type checks below fail `tsc --noEmit` (CI's typecheck) when the core and the contract drift.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { CostComponent } from '../../src/core/costs.js';
import { estimateRun } from '../../src/core/estimate.js';
import type { EnergyEstimate, MemoryEstimate, OwnershipEstimate, PhaseEstimate, RunEstimate } from '../../src/core/types.js';
import { outputSchema, type PhaseOutput, type RunOutput } from '../../src/output/contract.js';
import { renderJson, renderNdjson } from '../../src/output/json.js';
import { jsonSchemaOf } from '../../src/output/schemas.js';
import { noMfu, seedPhase } from '../helpers/accelerators.js';
import { REPO_ROOT } from '../helpers/cli.js';

describe('the core types and the JSON contract are one shape', () => {
  it('figure by figure (checked by the type-checker)', () => {
    expectTypeOf<PhaseOutput['rental']>().toEqualTypeOf<PhaseEstimate['rental']>();
    expectTypeOf<PhaseOutput['energy']>().toEqualTypeOf<EnergyEstimate>();
    expectTypeOf<NonNullable<PhaseOutput['ownership']>>().toEqualTypeOf<OwnershipEstimate>();
    expectTypeOf<NonNullable<PhaseOutput['memory']>>().toEqualTypeOf<MemoryEstimate>();
    expectTypeOf<PhaseOutput['costs'][number]>().toEqualTypeOf<CostComponent>();
    expectTypeOf<PhaseOutput['gpuHoursFrom']>().toEqualTypeOf<PhaseEstimate['gpuHoursFrom']>();
    expectTypeOf<PhaseOutput['compute']['mfuBasis']>().toEqualTypeOf<PhaseEstimate['compute']['mfuBasis']>();
    expectTypeOf<PhaseOutput['compute']['verdict']>().toEqualTypeOf<PhaseEstimate['compute']['verdict']>();
    expectTypeOf<RunOutput['reported']>().toEqualTypeOf<RunEstimate['reported']>();
  });

  it('the published JSON Schema is the contract converted (schemas/output.schema.json as built)', () => {
    const file = JSON.parse(readFileSync(join(REPO_ROOT, 'schemas', 'output.schema.json'), 'utf8'));
    expect(file).toEqual(jsonSchemaOf('output'));
    const run = (file as any).properties.runs.items;
    expect(run.required).toEqual(expect.arrayContaining(['costs', 'diagnostics', 'gpuHours', 'rental']));
  });
});

describe('JSON and NDJSON of an estimate', () => {
  const r = estimateRun(
    {
      name: 'seed',
      date: '2025-01',
      phases: [seedPhase({ name: 'seed' })],
      reported: null,
      notes: null,
    },
    noMfu,
  );

  it('is the model serialised: valid against the contract, with tool, currency and dollar basis', () => {
    const doc = outputSchema.parse(JSON.parse(renderJson([r])));
    expect(doc.tool.name).toBe('train-cost');
    expect(doc.currency).toBe('USD');
    expect(doc.dollarYear).toBeNull();
    expect(doc.runs[0]!.costs).toEqual([
      expect.objectContaining({ id: 'rental', usd: 81_920, basis: 'rental', formula: 'GPU-hours x price' }),
    ]);
    expect(doc.runs[0]!.diagnostics).toEqual([
      { code: 'no-purchase-price', severity: 'warning', message: expect.stringContaining('no known purchase price') },
    ]);
  });

  it('each NDJSON line stands alone with the same header', () => {
    const line = JSON.parse(renderNdjson([r]).trim());
    expect(line).toMatchObject({ schemaVersion: 1, currency: 'USD', dollarYear: null, gpuHours: 40_960 });
  });
});

describe('the JSON writer', () => {
  it('writes each run as it is now: no text is kept from an earlier run (the library hands out objects a caller may change)', () => {
    const run = estimateRun({ name: 'seed', date: '2025-01-01', phases: [seedPhase()], reported: null, notes: null }, noMfu);
    const usdOf = (text: string) => (JSON.parse(text) as { runs: RunOutput[] }).runs[0]!.costs[0]!.usd;
    expect(usdOf(renderJson([run]))).toBe(81_920);
    (run.costs[0] as { usd: number }).usd = 123;
    expect(usdOf(renderJson([run]))).toBe(123);
  });
});
