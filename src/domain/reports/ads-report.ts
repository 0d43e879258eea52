import type { Db } from '../../db/open.js';
import { addAdSums, NO_AD_SUMS, type AdSums } from '../../db/queries/ads.js';
import { adTotals, type AdRow } from '../../db/queries/reports.js';
import { byCodeUnits } from '../compare.js';
import type { Period } from './period.js';
import { divRound, ratio, resolveScope, type ReportScope } from './sales.js';

export interface AdsReportRow extends AdRow, AdSums {
  /** clicks ÷ impressions over the rows that state both (4 decimals); null without impressions. */
  ctr: number | null;
  /** spend ÷ clicks over the rows that state clicks, in minor units, rounded half up; null without clicks. */
  cpc: number | null;
  /** revenue ÷ spend over the rows that state revenue (2 decimals); null without them. */
  roas: number | null;
}

export interface AdsReport {
  period: Period;
  rows: AdsReportRow[];
  /** One line per currency over every campaign. */
  totals: Omit<AdsReportRow, 'shop' | 'channel' | 'campaign'>[];
}

const withRates = <T extends AdSums>(r: T) => ({
  ...r,
  ctr: ratio(r.ctrClicks ?? 0, r.ctrImpressions ?? 0),
  cpc: divRound(r.cpcSpend ?? 0, r.clicks ?? 0),
  roas: ratio(r.revenue ?? 0, r.roasSpend ?? 0, 2),
});

/** Ad spend per shop, channel and campaign over the period's days (ad_daily days are already the shop's own). */
export function adsReport(db: Db, input: ReportScope, now: number): AdsReport {
  const scope = resolveScope(db, input, now);
  const rows = adTotals(db, scope.period.fromDay, scope.period.toDay, scope.shopId);
  const totals = new Map<string, AdSums & { currency: string }>();
  for (const r of rows) totals.set(r.currency, addAdSums(totals.get(r.currency) ?? { ...NO_AD_SUMS, currency: r.currency }, r));
  return { period: scope.period, rows: rows.map(withRates), totals: [...totals.values()].sort((a, b) => byCodeUnits(a.currency, b.currency)).map(withRates) };
}
