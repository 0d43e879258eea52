import type { Db } from '../../db/open.js';
import { hasSaleLine, lastSaleLine, lastSaleMovement, saleLinesBackwards, scanningCache, skuInfo, skuSales, type SkuInfoRow, type SkuSalesRow } from '../../db/queries/reports.js';
import { byCodeUnits } from '../compare.js';
import { usageError } from '../errors.js';
import { instantRange, type Period } from './period.js';
import { lastDays, positiveInt, ratio, resolveScope, type ReportScope } from './sales.js';

export const PRODUCT_SECTIONS = ['bestsellers', 'slow', 'abc', 'margin'] as const;
export type ProductSection = (typeof PRODUCT_SECTIONS)[number];

export interface SkuSales {
  sku: string;
  title: string;
  currency: string;
  units: number;
  revenue: number;
}

export interface AbcRow extends SkuSales {
  /** Share of the currency's revenue, 0–1 (4 decimals); null when the currency had no revenue. */
  share: number | null;
  cumulativeShare: number | null;
  abcClass: 'A' | 'B' | 'C';
}

export interface MarginRow extends SkuSales {
  /** Cost of the units sold at the SKU's current cost; null when the cost is unknown or in another currency. */
  cost: number | null;
  margin: number | null;
  /** (revenue − cost × units) ÷ revenue; null when cost is unknown or revenue is 0. */
  marginRate: number | null;
}

export interface SlowRow {
  sku: string;
  title: string;
  onHand: number;
  currency: string;
  /** on hand × cost; null when the cost is unknown. */
  stockValue: number | null;
  /** The latest sale (paid order or shipment) ever, or null. */
  lastSoldAt: number | null;
  /** The zone of the shop that made that sale: its day is that shop's. */
  lastSoldZone: string | null;
}

export interface ProductsReport {
  period: Period;
  zone: string;
  sections: ProductSection[];
  top: number;
  slowDays: number;
  bestsellers: SkuSales[];
  slow: SlowRow[];
  abc: AbcRow[];
  margin: MarginRow[];
}

export interface ProductsOptions extends ReportScope {
  sections?: string[];
  top?: number;
  slowDays?: number;
}

const byCurrency = (a: { currency: string }, b: { currency: string }) => byCodeUnits(a.currency, b.currency);

/** Ties in SKU code order, as `sku list` shows them. */
const byRevenue = (a: SkuSales, b: SkuSales) => byCurrency(a, b) || b.revenue - a.revenue || b.units - a.units || byCodeUnits(a.sku, b.sku);

/**
 * ABC per currency: SKUs sorted by revenue; a SKU is A while the revenue before it is under 80% of the total
 * (so the SKU crossing 80% is still A), B while under 95%, else C. Integer comparisons, no rounding.
 * Rows here and below are built field by field: V8 copies `{ ...row, more }` on a slow path, ~10 ms per thousand rows.
 */
export function abcClasses(sales: SkuSales[]): AbcRow[] {
  const out: AbcRow[] = [];
  const currencies = [...new Set(sales.map((s) => s.currency))].sort();
  for (const currency of currencies) {
    const list = sales.filter((s) => s.currency === currency).sort(byRevenue);
    const total = list.reduce((sum, s) => sum + s.revenue, 0);
    let before = 0;
    for (const s of list) {
      const abcClass = before * 100 < total * 80 ? 'A' : before * 100 < total * 95 ? 'B' : 'C';
      before += s.revenue;
      const { sku, title, units, revenue } = s;
      out.push({ sku, title, currency, units, revenue, share: ratio(revenue, total), cumulativeShare: ratio(before, total), abcClass });
    }
  }
  return out;
}

/** How many of the shop's latest sale lines `latestSales` reads before looking up the SKUs still unsettled one by one. */
export const WALK_LINES = 20_000;

/**
 * The latest sale in one shop before `until` of each of `skus`, none of which has a line paid in [from, until): its
 * latest shipment (each SKU's own movements, newest first), or a line paid earlier. For the lines, the shop's sale
 * lines are read newest first from `from` back until every SKU is settled: its line is met (the first is its latest),
 * or the lines read are older than its latest shipment, which then stands. A SKU never on a sale line of the shop is
 * not waited for; SKUs still unsettled after `walkLines` lines (last sold long ago) are looked up through their own
 * lines, fewer than the shop's lines since.
 */
export function latestSales(db: Db, shopId: number, skus: readonly number[], from: number, until: number, walkLines = WALK_LINES): Map<number, number> {
  const latest = new Map<number, number>();
  const waiting = new Map<number, number>(); // SKU → its latest shipment (-Infinity: none), below which a line cannot win
  for (const skuId of skus) {
    const shipped = lastSaleMovement(db, shopId, skuId, until);
    if (shipped !== null) latest.set(skuId, shipped);
    if (shipped !== null && shipped >= from) continue; // sold in the window: the date does not matter
    if (shipped !== null || hasSaleLine(db, shopId, skuId, until)) waiting.set(skuId, shipped ?? -Infinity);
  }
  if (waiting.size === 0) return latest;
  const byShipment = [...waiting].filter(([, at]) => at > -Infinity).sort((a, b) => b[1] - a[1]);
  let next = 0;
  let read = 0;
  for (const [paidAt, skuId] of saleLinesBackwards(db, shopId, from)) {
    const shipped = waiting.get(skuId);
    if (shipped !== undefined) {
      if (paidAt > shipped) latest.set(skuId, paidAt);
      waiting.delete(skuId);
    }
    for (; next < byShipment.length && byShipment[next]![1] >= paidAt; next++) waiting.delete(byShipment[next]![0]);
    if (waiting.size === 0 || ++read >= walkLines) break;
  }
  for (const [skuId, shipped] of waiting) {
    const paidAt = lastSaleLine(db, shopId, skuId, from);
    if (paidAt !== null && paidAt > shipped) latest.set(skuId, paidAt);
  }
  return latest;
}

export function productsReport(db: Db, input: ProductsOptions, now: number): ProductsReport {
  const sections = input.sections === undefined || input.sections.length === 0 ? [...PRODUCT_SECTIONS] : input.sections;
  for (const s of sections) {
    if (!(PRODUCT_SECTIONS as readonly string[]).includes(s)) throw usageError('input.oneOf', { field: '--section', value: s, choices: PRODUCT_SECTIONS.join(', ') });
  }
  const top = positiveInt(input.top, 20, '--top');
  const slowDays = positiveInt(input.slowDays, 30, '--slow-days');
  scanningCache(db);
  const scope = resolveScope(db, input, now);
  const info = new Map<number, SkuInfoRow>(skuInfo(db).map((s) => [s.skuId, s]));

  const totals = new Map<string, SkuSales & { skuId: number }>();
  const periodSales = new Map<number, SkuSalesRow[]>();
  for (const shop of scope.shops) {
    const { from, until } = instantRange(scope.period, shop.timezone);
    const rows = skuSales(db, shop.id, from, until);
    periodSales.set(shop.id, rows);
    for (const r of rows) {
      const sku = info.get(r.skuId)!;
      const key = `${r.skuId}\u0000${r.currency}`;
      const t = totals.get(key) ?? { skuId: r.skuId, sku: sku.code, title: sku.title, currency: r.currency, units: 0, revenue: 0 };
      t.units += r.units;
      t.revenue += r.revenue;
      totals.set(key, t);
    }
  }
  const sold = [...totals.values()].sort(byRevenue);

  const bestsellers: SkuSales[] = [];
  const perCurrency = new Map<string, number>();
  for (const { sku, title, currency, units, revenue } of sold) {
    const n = perCurrency.get(currency) ?? 0;
    if (n < top) bestsellers.push({ sku, title, currency, units, revenue });
    perCurrency.set(currency, n + 1);
  }

  const margin: MarginRow[] = sold.map(({ skuId, sku, title, currency, units, revenue }) => {
    const known = info.get(skuId)!;
    const cost = known.cost === null || known.currency !== currency ? null : known.cost * units;
    const m = cost === null ? null : revenue - cost;
    return { sku, title, currency, units, revenue, cost, margin: m, marginRate: m === null ? null : ratio(m, revenue) };
  });

  // Slow movers: on hand > 0 and no sale (paid order or shipment) in the last N days ending with the period, each
  // shop in its own zone. A SKU with a line paid in the window has sold (the window's lines are read once, or taken
  // from the period's when they are the same days); only the others are looked into further.
  const window = lastDays(scope.period.toDay, slowDays);
  const sameDays = window.fromDay === scope.period.fromDay && window.toDay === scope.period.toDay;
  const recent = new Set<number>();
  const ranges = scope.shops.map((shop) => {
    const range = instantRange(window, shop.timezone);
    for (const r of sameDays ? periodSales.get(shop.id)! : skuSales(db, shop.id, range.from, range.until)) recent.add(r.skuId);
    return { shopId: shop.id, zone: shop.timezone, ...range };
  });
  const candidates = [...info.values()].filter((s) => !s.archived && s.onHand > 0 && !recent.has(s.skuId)).map((s) => s.skuId);
  const lastSold = new Map<number, { at: number; zone: string }>();
  for (const { shopId, zone, from, until } of ranges) {
    for (const [skuId, at] of latestSales(db, shopId, candidates, from, until)) {
      if (at >= from) recent.add(skuId);
      if (at > (lastSold.get(skuId)?.at ?? -Infinity)) lastSold.set(skuId, { at, zone });
    }
  }
  const slow: SlowRow[] = [...info.values()]
    .filter((s) => !s.archived && s.onHand > 0 && !recent.has(s.skuId))
    .map((s) => ({ sku: s.code, title: s.title, onHand: s.onHand, currency: s.currency, stockValue: s.cost === null ? null : s.cost * s.onHand, lastSoldAt: lastSold.get(s.skuId)?.at ?? null, lastSoldZone: lastSold.get(s.skuId)?.zone ?? null }))
    .sort((a, b) => byCurrency(a, b) || (b.stockValue ?? -1) - (a.stockValue ?? -1) || byCodeUnits(a.sku, b.sku));

  return {
    period: scope.period,
    zone: scope.zone,
    sections: sections as ProductSection[],
    top,
    slowDays,
    bestsellers,
    slow,
    abc: abcClasses(sold),
    margin,
  };
}
