// What a phase does, and the FLOP rule of each kind. A phase's workload is split into parts,
// each with its own FLOP and MFU: RL and distillation are generation plus training, and
// generation runs at a far lower MFU than training. Pure: numbers in, numbers out.

/** What a phase does. `train` is kept as an alias of `pretrain` (run files before phase kinds). */
export const PHASE_KINDS = ['pretrain', 'finetune', 'lora', 'rl', 'generate', 'distill'] as const;
export type PhaseKind = (typeof PHASE_KINDS)[number];
export const PHASE_KIND_ALIASES = { train: 'pretrain' } as const satisfies Record<string, PhaseKind>;
export type PhaseKindInput = PhaseKind | keyof typeof PHASE_KIND_ALIASES;
export const PHASE_KIND_INPUTS = [...PHASE_KINDS, ...(Object.keys(PHASE_KIND_ALIASES) as (keyof typeof PHASE_KIND_ALIASES)[])] as const;

export function canonicalKind(k: PhaseKindInput): PhaseKind {
  return k in PHASE_KIND_ALIASES ? PHASE_KIND_ALIASES[k as keyof typeof PHASE_KIND_ALIASES] : (k as PhaseKind);
}

/** Training FLOP per parameter per token: forward 2 + backward 4 (Kaplan et al. 2020, arXiv:2001.08361, section 2.1). Pre-training and full fine-tuning. */
export const TRAIN_FLOP_PER_PARAM_TOKEN = 6;

/** Generation (a forward pass) FLOP per parameter per token (Kaplan et al. 2020, arXiv:2001.08361, section 2.1). */
export const GENERATE_FLOP_PER_PARAM_TOKEN = 2;

/**
 * LoRA/QLoRA FLOP per parameter per token, split as the backward pass splits: the forward pass
 * (2), the gradients with respect to activations, needed through every frozen layer too (2),
 * and the gradients with respect to weights, needed only for the trainable fraction f (2 x f).
 * So FLOP = (4 + 2 x f) x N x D, which is 6 x N x D at f = 1. The backward pass costs twice the
 * forward because it computes gradients with respect to both inputs and weights (Narayanan et
 * al. 2021, arXiv:2104.04473, appendix); LoRA skips the weight gradients of the frozen weights
 * (Hu et al. 2021, arXiv:2106.09685, section 4.2: "we do not need to calculate the gradient for
 * the vast majority of the parameters", a 25% training speed-up on GPT-3 175B).
 */
export const LORA_FLOP_PER_PARAM_TOKEN = { forward: 2, activationGradients: 2, weightGradients: 2 } as const;

/** LoRA FLOP per parameter per token at trainable fraction f: (4 + 2 x f). */
export function loraFlopPerParamToken(trainableFraction: number): number {
  const k = LORA_FLOP_PER_PARAM_TOKEN;
  return k.forward + k.activationGradients + k.weightGradients * trainableFraction;
}

/**
 * Generation MFU (RL rollouts, distillation teachers, `generate` phases). An ASSUMPTION, not
 * calibrated: no published run in the reference table reports generation FLOP and hours.
 * Autoregressive decoding is bound by memory bandwidth, and rollout generation takes over 90% of
 * RL runtime (Zhou et al. 2025, APRIL, arXiv:2509.18521), so it runs far below a training MFU.
 * 10% with a band of 5-20%; --mfu (all parts) or --generation-mfu (generation parts) override it.
 */
export const GENERATION_MFU_ASSUMPTION = { default: 0.1, low: 0.05, high: 0.2 } as const;

/** One rule text and source per kind, for the assumption lines (renderers read these). */
export const PHASE_KIND_RULES: Record<PhaseKind, { formula: string; source: string; mfu: string }> = {
  pretrain: {
    formula: `FLOP = ${TRAIN_FLOP_PER_PARAM_TOKEN} x N_active x D`,
    source: 'Kaplan et al. 2020, arXiv:2001.08361',
    mfu: 'calibrated on published pre-training runs',
  },
  finetune: {
    formula: `FLOP = ${TRAIN_FLOP_PER_PARAM_TOKEN} x N_active x D (full fine-tuning: every weight trained)`,
    source: 'Kaplan et al. 2020, arXiv:2001.08361',
    mfu: 'the pre-training calibration applied to fine-tuning (not calibrated on fine-tuning runs)',
  },
  lora: {
    formula: `FLOP = (${LORA_FLOP_PER_PARAM_TOKEN.forward + LORA_FLOP_PER_PARAM_TOKEN.activationGradients} + ${LORA_FLOP_PER_PARAM_TOKEN.weightGradients} x f) x N_active x D, f = trainable fraction (forward ${LORA_FLOP_PER_PARAM_TOKEN.forward}, activation gradients ${LORA_FLOP_PER_PARAM_TOKEN.activationGradients} through frozen weights, weight gradients ${LORA_FLOP_PER_PARAM_TOKEN.weightGradients} for the trainable part only)`,
    source:
      'Hu et al. 2021, LoRA, arXiv:2106.09685, section 4.2; Narayanan et al. 2021, arXiv:2104.04473, appendix (backward = 2 x forward: input and weight gradients)',
    mfu: 'the pre-training calibration applied to LoRA (not calibrated on LoRA runs)',
  },
  rl: {
    formula: `FLOP = ${GENERATE_FLOP_PER_PARAM_TOKEN} x N_active x D rollout generation + ${TRAIN_FLOP_PER_PARAM_TOKEN} x N_active x D policy training on the same tokens (reference and reward model passes not counted)`,
    source: 'Kaplan et al. 2020, arXiv:2001.08361 (2 per forward token, 6 per trained token)',
    mfu: `generation at the generation MFU (an assumption), policy training at the calibrated training MFU`,
  },
  generate: {
    formula: `FLOP = ${GENERATE_FLOP_PER_PARAM_TOKEN} x N_active x D`,
    source: 'Kaplan et al. 2020, arXiv:2001.08361',
    mfu: 'the generation MFU (an assumption)',
  },
  distill: {
    formula: `FLOP = ${GENERATE_FLOP_PER_PARAM_TOKEN} x N_teacher x D teacher generation + ${TRAIN_FLOP_PER_PARAM_TOKEN} x N_student x D student training`,
    source: 'Kaplan et al. 2020, arXiv:2001.08361 (2 per forward token, 6 per trained token)',
    mfu: 'teacher generation at the generation MFU (an assumption), student training at the calibrated training MFU',
  },
};

/** A part of a phase's workload: its FLOP, and whether it runs at a generation or a training MFU. */
export interface WorkloadPart {
  /** 'training', 'generation', 'teacher generation', 'student training', 'policy training', 'rollout generation'. */
  label: string;
  mode: 'train' | 'generate';
  /** Parameters per token of the model this part runs (the teacher's for teacher generation). */
  activeParams: number | null;
  flop: number;
  /** FLOP per active parameter per token of this part (null for a FLOP total given directly to a two-part kind). */
  flopPerParamToken: number | null;
}

export interface KindWorkload {
  kind: PhaseKind;
  /** Student (or only) model's active parameters. */
  activeParams: number | null;
  tokens: number | null;
  /** Total FLOP when given directly (one part, of the kind's main mode). */
  flop: number | null;
  trainableFraction: number | null;
  teacherActiveParams: number | null;
}

/** FLOP per parameter per token of a one-part kind (rl and distill have two parts: null). */
export function singleFlopPerParamToken(w: Pick<KindWorkload, 'kind' | 'trainableFraction'>): number | null {
  switch (w.kind) {
    case 'pretrain':
    case 'finetune':
      return TRAIN_FLOP_PER_PARAM_TOKEN;
    case 'lora':
      return loraFlopPerParamToken(w.trainableFraction ?? 1);
    case 'generate':
      return GENERATE_FLOP_PER_PARAM_TOKEN;
    default:
      return null;
  }
}

/** The parts of a phase's workload by its kind's rule; [] when neither FLOP nor params x tokens is known. */
export function workloadParts(w: KindWorkload): WorkloadPart[] {
  if (w.flop !== null) {
    // A FLOP total given directly is one part of the kind's main mode (rl and distill need params and tokens).
    const mode = w.kind === 'generate' ? 'generate' : 'train';
    return [
      {
        label: mode === 'generate' ? 'generation' : 'training',
        mode,
        activeParams: w.activeParams,
        flop: w.flop,
        flopPerParamToken: singleFlopPerParamToken(w),
      },
    ];
  }
  const n = w.activeParams;
  const d = w.tokens;
  if (n === null || d === null) return [];
  const part = (label: string, mode: 'train' | 'generate', params: number, k: number): WorkloadPart => ({
    label,
    mode,
    activeParams: params,
    flop: k * params * d,
    flopPerParamToken: k,
  });
  switch (w.kind) {
    case 'pretrain':
    case 'finetune':
      return [part('training', 'train', n, TRAIN_FLOP_PER_PARAM_TOKEN)];
    case 'lora':
      return [part('LoRA training', 'train', n, loraFlopPerParamToken(w.trainableFraction ?? 1))];
    case 'generate':
      return [part('generation', 'generate', n, GENERATE_FLOP_PER_PARAM_TOKEN)];
    case 'rl':
      return [
        part('rollout generation', 'generate', n, GENERATE_FLOP_PER_PARAM_TOKEN),
        part('policy training', 'train', n, TRAIN_FLOP_PER_PARAM_TOKEN),
      ];
    case 'distill':
      if (w.teacherActiveParams === null) return [];
      return [
        part('teacher generation', 'generate', w.teacherActiveParams, GENERATE_FLOP_PER_PARAM_TOKEN),
        part('student training', 'train', n, TRAIN_FLOP_PER_PARAM_TOKEN),
      ];
  }
}
