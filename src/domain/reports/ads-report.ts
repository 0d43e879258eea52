import type { Db } from '../../db/open.js';
import { adTotals, type AdRow } from '../../db/queries/reports.js';
import type { Period } from './period.js';
import { divRound, ratio, resolveScope, type ReportScope } from './sales.js';

export interface AdsReportRow extends AdRow {
  /** clicks ÷ impressions (4 decimals); null without impressions. */
  ctr: number | null;
  /** spend ÷ clicks in minor units, rounded half up; null without clicks. */
  cpc: number | null;
  /** revenue ÷ spend (2 decimals); null without spend. */
  roas: number | null;
}

export interface AdsReport {
  period: Period;
  rows: AdsReportRow[];
  /** One line per currency over every campaign. */
  totals: Omit<AdsReportRow, 'shop' | 'channel' | 'campaign'>[];
}

const withRates = <T extends Omit<AdRow, 'shop' | 'channel' | 'campaign'>>(r: T) => ({
  ...r,
  ctr: ratio(r.clicks, r.impressions),
  cpc: divRound(r.spend, r.clicks),
  roas: ratio(r.revenue, r.spend, 2),
});

/** Ad spend per shop, channel and campaign over the period's days (ad_daily days are already the shop's own). */
export function adsReport(db: Db, input: ReportScope, now: number): AdsReport {
  const scope = resolveScope(db, input, now);
  const rows = adTotals(db, scope.period.fromDay, scope.period.toDay, scope.shopId);
  const totals = new Map<string, Omit<AdRow, 'shop' | 'channel' | 'campaign'>>();
  for (const r of rows) {
    const t = totals.get(r.currency) ?? { currency: r.currency, spend: 0, impressions: 0, clicks: 0, orders: 0, revenue: 0 };
    t.spend += r.spend;
    t.impressions += r.impressions;
    t.clicks += r.clicks;
    t.orders += r.orders;
    t.revenue += r.revenue;
    totals.set(r.currency, t);
  }
  return { period: scope.period, rows: rows.map(withRates), totals: [...totals.values()].sort((a, b) => a.currency.localeCompare(b.currency)).map(withRates) };
}
