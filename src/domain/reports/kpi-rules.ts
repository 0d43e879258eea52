import type { Db } from '../../db/open.js';
import * as q from '../../db/queries/kpi.js';
import { byCodeUnits } from '../compare.js';
import { ratingSummary } from '../service/rating-summary.js';
import type { Shop } from '../shops/types.js';
import type { KpiSection } from './kpi.js';
import { instantRange, shiftDay, type Period } from './period.js';

/** "What to look at": each finding names its rule and carries the numbers that triggered it. */
export type RuleCode = 'lowRoas' | 'lowConversionSku' | 'slowMover' | 'stockoutBeforeReorder' | 'returnsRising' | 'badReviewsRising' | 'repurchaseFalling';

export interface Finding {
  rule: RuleCode;
  /** The shop it concerns; null for stock, which all shops share. */
  shop: string | null;
  /** A channel, a SKU code, or the shop. */
  subject: string;
  /** The numbers behind it (stable English keys): rates formatted, money in minor units of `currency` (the views format it). */
  numbers: Record<string, string | number>;
}

/** The thresholds, in one place (docs/kpi.md lists them). */
export const RULES = {
  /** A SKU with at least this many visitors … */
  skuMinVisitors: 100,
  /** … and a conversion below this. */
  skuMaxConversion: 0.01,
  /** Trailing days of sales used for stock cover. */
  salesWindowDays: 30,
  /** Stock lasting longer than this at the recent pace is a slow mover (or nothing sold at all). */
  slowCoverDays: 90,
  /** Returns or negative reviews of a SKU: at least this many, and more than in the comparison period. */
  minRise: 2,
  /** A fall of the repurchase rate by at least this much (points of 0…1). */
  repurchaseDrop: 0.05,
  /** Slow movers listed per currency, those tying up the most money at cost first. */
  maxSlowMovers: 5,
} as const;

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

export interface RuleInput {
  shops: Shop[];
  /** Every shop: stock is shared, so its cover counts all their sales. */
  allShops: Shop[];
  /** The last day of the stock cover's 30: the period's, or an earlier one that has ended in every shop's zone. */
  stockToDay: string;
  sections: KpiSection[];
  period: Period;
  comparePeriod: Period;
  /** Per-SKU sales and visitors of the period for each of `shops` (same order), when the caller has read them already. */
  skus?: SkuPeriod[];
}

/** A shop's per-SKU sales (orders paid in the period) and visitors over the period. */
export interface SkuPeriod {
  sales: q.SkuSalesRow[];
  traffic: q.SkuTrafficRow[];
}

export function attentionList(db: Db, input: RuleInput): Finding[] {
  const findings: Finding[] = [];
  for (const [i, shop] of input.shops.entries()) {
    const section = input.sections[i]!;
    for (const c of section.channels) {
      if (c.spend > 0 && c.roas !== null && c.roas < 1) {
        findings.push({ rule: 'lowRoas', shop: shop.name, subject: c.channel, numbers: { roas: c.roas.toFixed(2), spend: c.roasSpend ?? c.spend, revenue: c.revenue ?? 0, currency: shop.currency } });
      }
    }
    const { from, until } = instantRange(input.period, shop.timezone);
    const prev = instantRange(input.comparePeriod, shop.timezone);
    const skus = input.skus?.[i] ?? { sales: q.skuSales(db, shop.id, from, until), traffic: q.skuTraffic(db, shop.id, input.period.fromDay, input.period.toDay) };
    const buyers = new Map(skus.sales.map((r) => [r.sku, r.buyers]));
    for (const t of skus.traffic) {
      const b = buyers.get(t.sku) ?? 0;
      if (t.visitors >= RULES.skuMinVisitors && b / t.visitors < RULES.skuMaxConversion) {
        findings.push({ rule: 'lowConversionSku', shop: shop.name, subject: t.sku, numbers: { visitors: t.visitors, buyers: b, conversion: pct(b / t.visitors) } });
      }
    }
    const before = new Map(q.skuReturns(db, shop.id, prev.from, prev.until).map((r) => [r.sku, r.returns]));
    for (const r of q.skuReturns(db, shop.id, from, until)) {
      const was = before.get(r.sku) ?? 0;
      if (r.returns >= RULES.minRise && r.returns > was) findings.push({ rule: 'returnsRising', shop: shop.name, subject: r.sku, numbers: { returns: r.returns, previous: was } });
    }
    const negBefore = new Map(ratingSummary(db, { from: prev.from, to: prev.until, shopId: shop.id }).skus.map((s) => [s.sku, s.negative]));
    for (const s of ratingSummary(db, { from, to: until, shopId: shop.id }).skus) {
      const was = negBefore.get(s.sku) ?? 0;
      if (s.negative >= RULES.minRise && s.negative > was) findings.push({ rule: 'badReviewsRising', shop: shop.name, subject: s.sku, numbers: { negative: s.negative, previous: was } });
    }
    const rep = section.metrics.find((m) => m.key === 'repurchaseRate')!;
    // The rates are ratios of counts: 25% − 20% is 0.0499… in floating point, and must still count as 5 points.
    if (rep.value !== null && rep.previous !== null && rep.previous - rep.value >= RULES.repurchaseDrop - 1e-9) {
      findings.push({ rule: 'repurchaseFalling', shop: shop.name, subject: shop.name, numbers: { rate: pct(rep.value), previous: pct(rep.previous) } });
    }
  }
  // Stock is shared by all shops (whichever --shop asked): measured once, over each shop's own last 30 days ending
  // with the period (a day ended in every zone), as `report inventory` counts them.
  const days = RULES.salesWindowDays;
  const stockDays = { fromDay: shiftDay(input.stockToDay, 1 - days), toDay: input.stockToDay };
  const windows = input.allShops.map((shop) => ({ shopId: shop.id, ...instantRange(stockDays, shop.timezone) }));
  if (windows.length > 0) {
    const slow: { finding: Finding; value: number; currency: string }[] = [];
    for (const s of q.stockWithSales(db, windows)) {
      if (s.available <= 0 && s.sold === 0) continue;
      const perDay = s.sold / days;
      const cover = perDay === 0 ? null : s.available / perDay;
      if (s.available > 0 && (cover === null || cover > RULES.slowCoverDays)) {
        // Tied up: what is on the shelf at cost, reserved units too (as `report products` values slow movers).
        const tiedUp = s.cost === null ? null : s.cost * s.onHand;
        const numbers = { onHand: s.onHand, available: s.available, sold: s.sold, days, cover: cover === null ? '—' : Math.round(cover), tiedUp: tiedUp ?? '—', currency: s.currency };
        slow.push({ value: tiedUp ?? 0, currency: s.currency, finding: { rule: 'slowMover', shop: null, subject: s.sku, numbers } });
      } else if (s.leadTimeDays !== null && cover !== null && cover < s.leadTimeDays) {
        findings.push({ rule: 'stockoutBeforeReorder', shop: null, subject: s.sku, numbers: { available: s.available, sold: s.sold, days, cover: Math.floor(cover), leadTime: s.leadTimeDays } });
      }
    }
    // Only the few tying up the most money in each currency (amounts in two currencies are never compared): the list stays short.
    const listed = new Map<string, number>();
    for (const x of slow.sort((a, b) => byCodeUnits(a.currency, b.currency) || b.value - a.value || byCodeUnits(a.finding.subject, b.finding.subject))) {
      const n = listed.get(x.currency) ?? 0;
      if (n < RULES.maxSlowMovers) findings.push(x.finding);
      listed.set(x.currency, n + 1);
    }
  }
  return findings;
}
