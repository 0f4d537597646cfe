// The FLOP rule of each phase kind (src/core/phase-kinds.ts) and the generation/training split.
import { describe, expect, it } from 'vitest';
import { partsOf, workloadFlop } from '../../src/core/compute.js';
import {
  canonicalKind,
  GENERATE_FLOP_PER_PARAM_TOKEN,
  GENERATION_MFU_ASSUMPTION,
  loraFlopPerParamToken,
  TRAIN_FLOP_PER_PARAM_TOKEN,
} from '../../src/core/phase-kinds.js';
import type { Workload } from '../../src/core/types.js';

const w = (o: Partial<Workload>): Workload => ({ flop: null, params: 8e9, activeParams: null, tokens: 1e12, kind: 'pretrain', ...o });

describe('FLOP rules by phase kind', () => {
  it('pretrain, its alias train, and finetune: 6 x N x D', () => {
    expect(TRAIN_FLOP_PER_PARAM_TOKEN).toBe(6);
    expect(workloadFlop(w({ kind: 'pretrain' }))).toBe(4.8e22);
    expect(workloadFlop(w({ kind: 'train' }))).toBe(4.8e22);
    expect(canonicalKind('train')).toBe('pretrain');
    expect(workloadFlop(w({ kind: 'finetune' }))).toBe(4.8e22);
  });

  it('lora: (4 + 2f) x N x D, 6 x N x D when every weight trains', () => {
    expect(loraFlopPerParamToken(0.01)).toBeCloseTo(4.02, 12);
    expect(loraFlopPerParamToken(1)).toBe(6);
    expect(workloadFlop(w({ kind: 'lora', trainableFraction: 0.01 }))).toBeCloseTo(4.02 * 8e21, -8);
    // Without a trainable fraction the rule falls back to f = 1 (full fine-tuning cost).
    expect(workloadFlop(w({ kind: 'lora' }))).toBe(4.8e22);
  });

  it('generate: 2 x N x D', () => {
    expect(GENERATE_FLOP_PER_PARAM_TOKEN).toBe(2);
    expect(workloadFlop(w({ kind: 'generate' }))).toBe(1.6e22);
  });

  it('rl: rollout generation 2 x N x D plus policy training 6 x N x D on the same tokens', () => {
    const parts = partsOf(w({ kind: 'rl', activeParams: 4e9 }));
    expect(parts.map((p) => [p.label, p.mode, p.flop])).toEqual([
      ['rollout generation', 'generate', 8e21],
      ['policy training', 'train', 2.4e22],
    ]);
  });

  it('distill: teacher generation 2 x N_teacher x D plus student training 6 x N_student x D', () => {
    const parts = partsOf(w({ kind: 'distill', teacherParams: 70e9 }));
    expect(parts.map((p) => [p.label, p.activeParams, p.flop])).toEqual([
      ['teacher generation', 70e9, 1.4e23],
      ['student training', 8e9, 4.8e22],
    ]);
    // A mixture-of-experts teacher generates at its active parameters.
    expect(partsOf(w({ kind: 'distill', teacherParams: 671e9, teacherActiveParams: 37e9 }))[0]!.flop).toBe(7.4e22);
  });

  it('the generation MFU is a labelled band below a training MFU', () => {
    expect(GENERATION_MFU_ASSUMPTION.low).toBeLessThan(GENERATION_MFU_ASSUMPTION.default);
    expect(GENERATION_MFU_ASSUMPTION.default).toBeLessThan(GENERATION_MFU_ASSUMPTION.high);
  });
});
