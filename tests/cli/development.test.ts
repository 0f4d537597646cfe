// Development cost flags through the command line: opt-in, stated apart, in every format, and
// refused where they would count restarts twice.
import { describe, expect, it } from 'vitest';
import { cli, contractRun, parseCsvLine, expectInputError } from '../helpers/cli.js';

const SEED = ['--chips', '512', '--gpu', 'h800', '--hours', '80'];

describe('development costs (opt-in, apart from the run)', () => {
  it('leave the run alone: 40,960 GPU-hours, $81,920 rental with or without them', async () => {
    const plain = await contractRun(SEED);
    expect(plain.costs.some((c: any) => c.basis === 'development')).toBe(false);
    const r = await contractRun([...SEED, '--experiments', '--staff', '10', '--staff-cost', '250000', '--goodput', '0.9']);
    expect(r.gpuHours).toBe(40_960);
    expect(r.rental.usd).toBe(81_920);
    expect(r.ownership.usd).toBeCloseTo(plain.ownership.usd, 6);
    const dev = r.costs.filter((c: any) => c.basis === 'development');
    expect(dev.map((c: any) => c.id)).toEqual(['experiments', 'staff', 'restarts']);
    expect(dev.find((c: any) => c.id === 'restarts').usd).toBeCloseTo(9102.22, 2);
    expect(dev.find((c: any) => c.id === 'experiments').range[1]).toBeCloseTo(81_920 * 3, 6);
  });

  it('the table states them on their own line with the experiments range; assumptions say they are apart', async () => {
    const r = await cli([...SEED, '--experiments', '1.5', '--goodput', '0.9', '--explain']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/Development \(apart\)\s*│ \$50,062 = \$40,960 experiments \+ \$9,102 restarts/);
    expect(r.stdout).toMatch(/Rental cost\s*│ \$81,920/);
    expect(r.stdout).toContain('restarts = GPU-hours x (1 / goodput - 1) x price = 40,960 x 0.111 x $2.00 = $9,102');
    expect(r.stdout).toContain('never added to the rental, owned or purchase totals');
    expect(r.stdout).toContain('calibrated MFU already absorbs restarts');
  });

  it('CSV has cost.experiments, cost.staff, cost.restarts columns', async () => {
    const r = await cli([...SEED, '--experiments', '2', '--format', 'csv']);
    const [head, row] = r.stdout.trim().split('\n').map(parseCsvLine);
    const at = (k: string) => row![head!.indexOf(k)];
    expect(Number(at('cost.experiments'))).toBe(81_920);
    expect(at('cost.staff')).toBe('');
    expect(Number(at('rentalUsd'))).toBe(81_920);
  });

  it('refuses --goodput on a workload-derived estimate (the calibrated MFU absorbs restarts)', async () => {
    const line = await expectInputError(['--params', '7B', '--tokens', '1T', '--gpu', 'h100', '--goodput', '0.9']);
    expect(line).toMatch(/--goodput cannot apply .* calibrated MFU, which already absorbs restarts/);
  });

  it('accepts --goodput with a given --mfu', async () => {
    const r = await contractRun(['--params', '7B', '--tokens', '1T', '--gpu', 'h100', '--mfu', '0.4', '--goodput', '0.8']);
    expect(r.costs.find((c: any) => c.id === 'restarts').usd).toBeCloseTo(r.rental.usd * 0.25, 6);
  });

  it('bad values: one line, exit 2', async () => {
    expect(await expectInputError([...SEED, '--experiments', '0.5'])).toMatch(/--experiments must be at least 1/);
    expect(await expectInputError([...SEED, '--goodput', '1.5'])).toMatch(/--goodput must be/);
    expect(await expectInputError([...SEED, '--staff', '3'])).toMatch(/--staff and --staff-cost go together/);
    expect(await expectInputError([...SEED, '--staff', '3', '--staff-cost', '1e5', '--staff-period', '6 months'])).toMatch(
      /invalid --staff-period/,
    );
  });

  it('--staff-period 6m pays half a year', async () => {
    const r = await contractRun([...SEED, '--staff', '4', '--staff-cost', '300000', '--staff-period', '6m']);
    expect(r.costs.find((c: any) => c.id === 'staff').usd).toBeCloseTo(600_000, 6);
  });
});
