// Choosing a rental price for a run's date: by kind (nearest at or before the date, else the
// nearest after), or by Epoch AI's cloud convention (3-year committed hyperscaler rate, vendor
// from the developer, set discounts when a rate is missing).
import { addDays, pickDated } from './dates.js';

export interface DatedPrice {
  id: string;
  kind: string;
  usdPerHour: number;
  date: string;
  source: string;
  default?: boolean | undefined;
}

export type Cloud = 'aws' | 'gcp' | 'azure';

/** A price's provider: the first word of its id (aws-p5-2025-03 -> aws). */
export function providerOf(p: Pick<DatedPrice, 'id'>): string {
  return p.id.split('-')[0]!;
}

/** The price of a kind for a date: nearest at or before, else nearest after (the default-marked one on a tie). */
export function pickByKind<P extends DatedPrice>(prices: readonly P[], kind: string, date: string): { price: P; ageDays: number } | null {
  const hit = pickDated(
    prices.filter((p) => p.kind === kind),
    date,
    (p) => p.default === true,
  );
  return hit === null ? null : { price: hit.item, ageDays: hit.ageDays };
}

/**
 * Epoch AI's cloud convention (epoch-research/training-cost-trends, cost_analysis_standalone.py):
 * the vendor follows the developer (select_vendor with org_to_cloud_vendor: google, deepmind ->
 * Google Cloud; microsoft, openai -> Microsoft Azure; otherwise Amazon Web Services).
 */
export function epochCloudOf(organization: string | null): Cloud {
  const org = (organization ?? '').toLowerCase();
  if (org.includes('google') || org.includes('deepmind')) return 'gcp';
  if (org.includes('microsoft') || org.includes('openai')) return 'azure';
  return 'aws';
}

/** Epoch AI's DEFAULT_CUD: committed-use discounts off on-demand, by vendor (cud_estimate.ipynb). */
export const EPOCH_CUD: Record<Cloud, Record<'on-demand' | 'committed-1y' | 'committed-3y', number>> = {
  aws: { 'on-demand': 0, 'committed-1y': 0.41, 'committed-3y': 0.64 },
  gcp: { 'on-demand': 0, 'committed-1y': 0.37, 'committed-3y': 0.56 },
  azure: { 'on-demand': 0, 'committed-1y': 0.25, 'committed-3y': 0.49 },
};
/** Epoch AI: the cloud price is the one nearest the hardware acquisition date, 60 days before training starts (get_acquisition_date). */
export const EPOCH_ACQUISITION_LEAD_DAYS = 60;
/** Epoch AI's PRIORITY_VENDORS: after the developer's vendor, AWS, Azure, then Google Cloud. */
const EPOCH_VENDOR_ORDER: readonly Cloud[] = ['aws', 'azure', 'gcp'];
const EPOCH_KIND_ORDER = ['committed-3y', 'committed-1y', 'on-demand'] as const;

export interface EpochPrice<P extends DatedPrice> {
  price: P;
  /** The 3-year committed rate used: the price itself, or converted with the vendor's discounts. */
  usdPerHour: number;
  /** (1 - 3-year discount) / (1 - the discount of the price's kind); 1 when the price is a 3-year rate. */
  factor: number;
  /** Days from the price's date to the acquisition date (negative: the price is later). */
  ageDays: number;
  acquisitionDate: string;
  cloud: Cloud;
}

/**
 * Epoch's cloud price (find_price): the 3-year committed rate of the vendor nearest the
 * acquisition date (at or before it, else after); failing that, another vendor's, then a 1-year
 * or on-demand rate converted to a 3-year one with that vendor's discounts (apply_cud).
 */
export function pickEpochPrice<P extends DatedPrice>(prices: readonly P[], cloud: Cloud, runDate: string): EpochPrice<P> | null {
  const acquisitionDate = addDays(runDate, -EPOCH_ACQUISITION_LEAD_DAYS);
  const vendors = [cloud, ...EPOCH_VENDOR_ORDER.filter((v) => v !== cloud)];
  for (const kind of EPOCH_KIND_ORDER) {
    for (const vendor of vendors) {
      const hit = pickByKind(
        prices.filter((p) => providerOf(p) === vendor),
        kind,
        acquisitionDate,
      );
      if (hit === null) continue;
      const factor = (1 - EPOCH_CUD[vendor]['committed-3y']) / (1 - EPOCH_CUD[vendor][kind]);
      return { price: hit.price, usdPerHour: hit.price.usdPerHour * factor, factor, ageDays: hit.ageDays, acquisitionDate, cloud: vendor };
    }
  }
  return null;
}

/**
 * Epoch AI's PUE by operator (power_usage_effectiveness): 1.1 for a hyperscaler (Google,
 * DeepMind, Microsoft, Amazon, Meta, Facebook), 1.25 otherwise.
 */
export function operatorPue(organization: string): number {
  const org = organization.toLowerCase();
  return ['google', 'deepmind', 'microsoft', 'amazon', 'meta', 'facebook'].some((h) => org.includes(h)) ? 1.1 : 1.25;
}
