// Energy, carbon and ownership through the command line (issue 4): exact figures from the
// preset's server power, the draw fraction and the region; overrides; rent vs own with Epoch AI's
// amortisation; and one-line refusals of bad values.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { cli, REPO_ROOT, contractRun as run, expectInputError } from '../helpers/cli.js';
import { expectRel } from '../helpers/expect.js';

const HOURS_PER_YEAR = 24 * 365.25;
/** Epoch AI's depreciation: 0.14 orders of magnitude a year -> 1 / (0.14 ln 10) = 3.1 years. */
const LIFETIME_YEARS = 1 / (0.14 * Math.LN10);
const SEED = ['--chips', '512', '--gpu', 'h800', '--hours', '80'];

const h800 = parse(readFileSync(join(REPO_ROOT, 'presets', 'gpus', 'h800.yaml'), 'utf8'));
const regions = parse(readFileSync(join(REPO_ROOT, 'presets', 'regions.yaml'), 'utf8'));

describe('energy and CO2 of 512 H800s for 80 hours in China', () => {
  it('kWh = 40,960 GPU-hours x 1.275 kW x 0.75 x PUE 1.25 = 48,960; CO2 at 557.5 g/kWh', async () => {
    const r = await run([...SEED, '--region', 'china']);
    // The figures the issue fixes, from the presets.
    expect(h800.systemWattsPerChip).toBe(1275);
    expect(h800.powerDrawFraction).toBe(0.75);
    expect(regions.regions.china.pue).toBe(1.25);
    expect(regions.regions.china.gridGCo2PerKwh).toBe(557.5);

    expect(r.gpuHours).toBe(40_960);
    expect(r.energy.kWh).toBe(48_960);
    expectRel(r.energy.kWh, 40_960 * 1.275 * 0.75 * 1.25);
    expectRel(r.energy.co2Tonnes, (48_960 * 557.5) / 1e6);
    expectRel(r.energy.usd, 48_960 * regions.regions.china.electricityUsdPerKwh);
    expect(r.energy.region).toBe('china');
    expect(r.energy.pue).toBe(1.25);
    expect(r.energy.gridGCo2PerKwh).toBe(557.5);
    expect(r.energy.drawFraction).toBe(0.75);
    expect(r.energy.systemWattsPerChip).toBe(1275);
    // A region that was chosen needs no reason.
    expect(r.energy.regionDefaultReason).toBeNull();
    // Phases carry the same figures.
    expect(r.phases[0].energy.kWh).toBe(48_960);
  });

  it('the table lists the region assumptions: grid intensity, electricity price, PUE', async () => {
    const t = await cli([...SEED, '--region', 'china', '--explain']);
    expect(t.code).toBe(0);
    const line = t.stdout.split('\n').find((l) => /Region china/.test(l));
    expect(line, t.stdout).toBeDefined();
    expect(line).toMatch(/55[78](\.5)? g CO2\/kWh/);
    expect(line).toContain('$0.088/kWh');
    expect(line).toContain('PUE 1.25');
    expect(t.stdout).toMatch(/75(\.0)?% average draw/);
    expect(t.stdout).toContain('1,275 W');
  });

  it('without --region the table says which region is the default and why', async () => {
    const t = await cli([...SEED, '--explain']);
    expect(t.code).toBe(0);
    expect(regions.default).toBe('us');
    expect(t.stdout).toMatch(/Region us \(the default/);
    expect(t.stdout).toContain(regions.defaultReason);
    const r = await run(SEED);
    expect(r.energy.region).toBe('us');
    expect(r.energy.regionDefaultReason).toBe(regions.defaultReason);
  });

  it('--pue, --grid-intensity and --electricity-price override the region', async () => {
    const r = await run([...SEED, '--region', 'china', '--pue', '1.1', '--grid-intensity', '100', '--electricity-price', '0.05']);
    expect(r.energy.region).toBe('china');
    expect(r.energy.pue).toBe(1.1);
    expect(r.energy.gridGCo2PerKwh).toBe(100);
    expect(r.energy.usdPerKwh).toBe(0.05);
    expectRel(r.energy.kWh, 40_960 * 1.275 * 0.75 * 1.1);
    expectRel(r.energy.co2Tonnes, (r.energy.kWh * 100) / 1e6);
    expectRel(r.energy.usd, r.energy.kWh * 0.05);
    expectRel(r.ownership.energyUsd, r.energy.usd);
    // The energy cost cites the price given, not the region's.
    expect(r.costs.find((c: { id: string }) => c.id === 'energy').source).toBe(
      'Epoch AI cost model (Cottier et al. 2024); electricity price given',
    );
    const regional = await run([...SEED, '--region', 'china']);
    expect(regional.costs.find((c: { id: string }) => c.id === 'energy').source).toBe(
      'Epoch AI cost model (Cottier et al. 2024); electricity price of region china',
    );
  });

  it('the world region has its own PUE', async () => {
    const r = await run([...SEED, '--region', 'world']);
    expect(r.energy.pue).toBe(regions.regions.world.pue);
    expectRel(r.energy.kWh, 40_960 * 1.275 * 0.75 * regions.regions.world.pue);
  });
});

describe('rent vs own', () => {
  const base = () => run(SEED);

  it('owned cost = amortised capex + energy at the electricity price', async () => {
    const r = await base();
    expectRel(r.ownership.usd, r.ownership.capexUsd + r.ownership.energyUsd);
    expectRel(r.ownership.energyUsd, r.energy.usd);
    // The H800 preset's price already includes the server: capex = price / (1 - 0.19) over the life.
    expect(r.ownership.includesServer).toBe(true);
    expect(r.ownership.purchaseUsdPerChip).toBe(h800.purchase.usd);
    expect(r.ownership.networkShare).toBe(0.19);
    expect(r.ownership.utilization).toBe(1);
    // Valued at the run's date (today, 2026-11-30 in tests) as Epoch AI does: bought 2025-02-21
    // (the price's date, later than the H800's release + 90 days), down 0.14 orders of magnitude a year since.
    expect(r.ownership.purchaseDate).toBe('2025-02-21');
    const years = (Date.UTC(2026, 10, 30) - Date.UTC(2025, 1, 21)) / 86_400_000 / 365.25;
    const valueFactor = 10 ** (-0.14 * years);
    expectRel(r.ownership.valueFactor, valueFactor);
    const perGpuHour = (h800.purchase.usd * valueFactor) / (1 - 0.19) / (LIFETIME_YEARS * HOURS_PER_YEAR);
    expectRel(r.ownership.capexUsd, 40_960 * perGpuHour);
    expectRel(r.ownership.lifetimeYears, LIFETIME_YEARS);
  });

  it('with --dollar-year, the per-GPU-hour capex and the break-even are in the converted dollars of the figures they come from', async () => {
    const r = await run([...SEED, '--dollar-year', '2015']);
    const nominal = await run(SEED);
    // Rental (priced 2024-12) and hardware (valued today) convert by different factors.
    expect(r.ownership.capexUsd).not.toBeCloseTo(nominal.ownership.capexUsd, 0);
    expectRel(r.ownership.capexPerGpuHour, r.ownership.capexUsd / 40_960);
    expectRel(r.ownership.breakEvenUtilization, (r.ownership.capexUsd * 1) / (r.rental.usd - r.energy.usd));
    expectRel(nominal.ownership.breakEvenUtilization, nominal.ownership.capexUsd / (nominal.rental.usd - nominal.energy.usd));
  });

  it('--utilization 0.5 doubles the capex and leaves energy alone', async () => {
    const full = await base();
    const half = await run([...SEED, '--utilization', '0.5']);
    expect(half.ownership.utilization).toBe(0.5);
    expectRel(half.ownership.capexUsd, 2 * full.ownership.capexUsd);
    expectRel(half.ownership.energyUsd, full.ownership.energyUsd);
    expectRel(half.ownership.usd, half.ownership.capexUsd + half.ownership.energyUsd);
    // The break-even utilisation is a property of the hardware and the rent, not of the utilisation assumed.
    expectRel(half.ownership.breakEvenUtilization, full.ownership.breakEvenUtilization);
  });

  it('--purchase-price 30000 is a chip-only price: x 1.64 for the server, / (1 - 0.19) for the network (Epoch AI)', async () => {
    const r = await run([...SEED, '--purchase-price', '30000']);
    expect(r.ownership.purchaseUsdPerChip).toBe(30_000);
    expect(r.ownership.includesServer).toBe(false);
    const capexPerChip = (30_000 * 1.64) / (1 - 0.19);
    expectRel(r.ownership.capexUsd, (40_960 * capexPerChip) / (LIFETIME_YEARS * HOURS_PER_YEAR * 1));
    expectRel(r.ownership.usd, r.ownership.capexUsd + r.ownership.energyUsd);
  });

  it('--lifetime-years spreads the capex over a longer life', async () => {
    const full = await base();
    const five = await run([...SEED, '--lifetime-years', '5']);
    expect(five.ownership.lifetimeYears).toBe(5);
    expectRel(five.ownership.capexUsd, (full.ownership.capexUsd * full.ownership.lifetimeYears) / 5);
  });

  it('the break-even utilisation is where owning costs what renting does', async () => {
    const r = await base();
    const be = r.ownership.breakEvenUtilization;
    // At utilisation u, owned $/GPU-hour = capex per GPU-hour at u=1 / u + energy per GPU-hour.
    const capexAtFull = r.ownership.capexUsd / r.gpuHours;
    const energy = r.ownership.energyUsd / r.gpuHours;
    expectRel(capexAtFull / be + energy, r.rental.usdPerGpuHour, 1e-9);
  });

  it('the table shows rented and owned cost side by side, with the break-even utilisation', async () => {
    const t = await cli(SEED);
    expect(t.code).toBe(0);
    expect(t.stdout).toMatch(/Rental cost.*\$81,920/);
    expect(t.stdout).toMatch(/Owned cost.*capex.*energy/);
    expect(t.stdout).toMatch(/Rent vs own.*break/);
  });
});

describe('bad energy and ownership values exit 2 with one line', () => {
  it.each([
    [['--pue', '-1'], '--pue'],
    [['--pue', '0.5'], '--pue'],
    [['--utilization', '0'], '--utilization'],
    [['--utilization', '1.5'], '--utilization'],
    [['--utilization', '-0.5'], '--utilization'],
    [['--grid-intensity', '-5'], '--grid-intensity'],
    [['--electricity-price', 'cheap'], '--electricity-price'],
    [['--purchase-price', '0'], '--purchase-price'],
    [['--lifetime-years', '-3'], '--lifetime-years'],
  ])('%j', async (flag, name) => {
    const line = await expectInputError([...SEED, ...flag]);
    expect(line).toContain(name);
  });

  it('--region mars names the region and the known ones', async () => {
    const line = await expectInputError([...SEED, '--region', 'mars']);
    expect(line).toContain('"mars"');
    for (const id of ['us', 'china', 'eu', 'world', 'france', 'germany', 'india', 'uk', 'japan']) expect(line).toContain(id);
  });

  it('a near miss gets a suggestion', async () => {
    const line = await expectInputError([...SEED, '--region', 'chin']);
    expect(line).toMatch(/did you mean "china"|known: .*china/);
  });
});

describe('a user regions.yaml (--presets DIR)', () => {
  const presets = ['--presets', 'tests/fixtures/user-regions'];

  it('adds its regions beside the bundled ones', async () => {
    const r = await run([...presets, '--chips', '512', '--gpu', 'h800', '--hours', '80', '--region', 'nordic-hydro']);
    expect(r.energy.region).toBe('nordic-hydro');
    expect(r.energy.kWh).toBeCloseTo((40_960 * 1275 * 0.75 * 1.1) / 1000, 6);
    expect(r.energy.co2Tonnes).toBeCloseTo((r.energy.kWh * 20) / 1e6, 9);
  });

  it('keeps the bundled regions and the bundled default', async () => {
    expect((await run([...presets, '--chips', '8', '--gpu', 'h800', '--hours', '1', '--region', 'china'])).energy.region).toBe('china');
    expect((await run([...presets, '--chips', '8', '--gpu', 'h800', '--hours', '1'])).energy.region).toBe('us');
  });
});
