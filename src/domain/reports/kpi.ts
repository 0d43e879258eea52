import type { Db } from '../../db/open.js';
import * as q from '../../db/queries/kpi.js';
import { scanningCache } from '../../db/queries/reports.js';
import { byCodeUnits } from '../compare.js';
import { usageError } from '../errors.js';
import { ratingSummary } from '../service/rating-summary.js';
import { refundsIn } from '../../db/queries/refunds.js';
import { returnsOpened } from '../service/returns-opened.js';
import { slaBreaches } from '../service/sla.js';
import { defaultShop, findShop, listShops } from '../shops/shops.js';
import type { Shop } from '../shops/types.js';
import { attentionList, type Finding, type SkuPeriod } from './kpi-rules.js';
import { instantRange, laggingZone, periodDays, previousPeriod, resolvePeriod, shiftDay, today, yearEarlier, type Period, type PeriodInput } from './period.js';

export type Compare = 'previous' | 'yoy';
export const COMPARES: readonly Compare[] = ['previous', 'yoy'];

export interface KpiInput extends PeriodInput {
  shop?: string;
  compare?: string;
}

/** count: whole numbers; money: minor units of the section's currency; ratio: 0…1; multiple: ROAS (×); rating: stars. */
export type MetricKind = 'count' | 'money' | 'ratio' | 'multiple' | 'rating';

export const METRICS = [
  ['visitors', 'count'],
  ['pageViews', 'count'],
  ['bounceRate', 'ratio'],
  ['conversionRate', 'ratio'],
  ['addToCartRate', 'ratio'],
  ['orders', 'count'],
  ['units', 'count'],
  ['paidOrders', 'count'],
  ['payingBuyers', 'count'],
  ['gmv', 'money'],
  ['refunds', 'money'],
  ['netSales', 'money'],
  ['aov', 'money'],
  ['newBuyers', 'count'],
  ['returningBuyers', 'count'],
  ['repurchaseRate', 'ratio'],
  ['adSpend', 'money'],
  ['ctr', 'ratio'],
  ['cpc', 'money'],
  ['roas', 'multiple'],
  ['ticketsOpened', 'count'],
  ['ticketsResolved', 'count'],
  ['slaBreaches', 'count'],
  ['returnRate', 'ratio'],
  ['averageRating', 'rating'],
] as const satisfies readonly (readonly [string, MetricKind])[];

export type MetricKey = (typeof METRICS)[number][0];

export interface Metric {
  key: MetricKey;
  kind: MetricKind;
  /** null when it cannot be computed (a division by zero, no reviews). */
  value: number | null;
  previous: number | null;
  /** value − previous (for ratios: in points of the 0…1 scale). */
  delta: number | null;
  /** (value − previous) ÷ previous; null when either is null or previous is 0. */
  change: number | null;
}

/** The sums every metric is computed from; sums of shops in one currency give the totals exactly. */
export interface Raw {
  visitors: number;
  pageViews: number;
  bounced: number;
  /** Visitors of the traffic rows that state bounces (rows without the figure count in neither). */
  bounceVisitors: number;
  addToCart: number;
  cartVisitors: number;
  orders: number;
  units: number;
  paidOrders: number;
  payingBuyers: number;
  paidAmount: number;
  refunds: number;
  newBuyers: number;
  repeatBuyers: number;
  adSpend: number;
  /** Each ad rate's sides over the ad rows that state both (a channel without impressions or revenue stays out). */
  ctrClicks: number;
  ctrImpressions: number;
  clicks: number;
  cpcSpend: number;
  adRevenue: number;
  roasSpend: number;
  ticketsOpened: number;
  ticketsResolved: number;
  slaBreaches: number;
  returnsOpened: number;
  shippedOrders: number;
  ratingSum: number;
  ratingCount: number;
}

export interface TrendPoint {
  day: string;
  gmv: number;
  visitors: number;
  payingBuyers: number;
  conversionRate: number | null;
}

export interface TopProduct {
  sku: string;
  title: string;
  units: number;
  amount: number;
  buyers: number;
  /** null when no traffic row of the period gives the SKU's visitors. */
  visitors: number | null;
}

export interface ChannelRow {
  channel: string;
  spend: number;
  /** null: no ad row of the channel states it. */
  revenue: number | null;
  /** Spend of the days that state revenue: what ROAS divides by. */
  roasSpend: number | null;
  impressions: number | null;
  clicks: number | null;
  roas: number | null;
  ctr: number | null;
  cpc: number | null;
}

/** Money in a currency other than the section's: listed apart, never added in. */
export interface OtherMoney {
  currency: string;
  what: 'gmv' | 'refunds' | 'adSpend';
  amount: number;
}

export interface KpiSection {
  /** null for a total over several shops of one currency. */
  shop: string | null;
  shops: string[];
  currency: string;
  zone: string | null;
  range: { from: number; until: number } | null;
  metrics: Metric[];
  raw: Raw;
  previousRaw: Raw;
  trend: TrendPoint[];
  topProducts: TopProduct[];
  channels: ChannelRow[];
  otherCurrencies: OtherMoney[];
}

export interface KpiReport {
  generatedAt: number;
  period: Period;
  compare: Compare;
  comparePeriod: Period;
  /** The calendar days of the trend (at least 14, ending on the period's last day). */
  trendDays: { fromDay: string; toDay: string };
  shops: KpiSection[];
  /** One per currency that more than one shop reports in. */
  totals: KpiSection[];
  attention: Finding[];
}

const div = (a: number, b: number): number | null => (b === 0 ? null : a / b);
/** A sum of figures that may be unknown: unknown only when both are. */
const addKnown = (a: number | null, b: number | null): number | null => (a === null && b === null ? null : (a ?? 0) + (b ?? 0));
const roundMinor = (v: number | null): number | null => (v === null ? null : Math.round(v));

/** Every metric from its sums; divisions by zero are null (shown as "—"). Money is rounded to the minor unit. */
export function metricValues(r: Raw): Record<MetricKey, number | null> {
  return {
    visitors: r.visitors,
    pageViews: r.pageViews,
    bounceRate: div(r.bounced, r.bounceVisitors),
    conversionRate: div(r.payingBuyers, r.visitors),
    addToCartRate: div(r.addToCart, r.cartVisitors),
    orders: r.orders,
    units: r.units,
    paidOrders: r.paidOrders,
    payingBuyers: r.payingBuyers,
    gmv: r.paidAmount,
    refunds: r.refunds,
    netSales: r.paidAmount - r.refunds,
    aov: roundMinor(div(r.paidAmount, r.payingBuyers)),
    newBuyers: r.newBuyers,
    returningBuyers: r.payingBuyers - r.newBuyers,
    repurchaseRate: div(r.repeatBuyers, r.payingBuyers),
    adSpend: r.adSpend,
    ctr: div(r.ctrClicks, r.ctrImpressions),
    cpc: roundMinor(div(r.cpcSpend, r.clicks)),
    roas: div(r.adRevenue, r.roasSpend),
    ticketsOpened: r.ticketsOpened,
    ticketsResolved: r.ticketsResolved,
    slaBreaches: r.slaBreaches,
    returnRate: div(r.returnsOpened, r.shippedOrders),
    averageRating: r.ratingCount === 0 ? null : Math.round((r.ratingSum / r.ratingCount) * 100) / 100,
  };
}

export function metricsOf(raw: Raw, previousRaw: Raw): Metric[] {
  const now = metricValues(raw);
  const before = metricValues(previousRaw);
  return METRICS.map(([key, kind]) => {
    const value = now[key];
    const previous = before[key];
    const delta = value === null || previous === null ? null : value - previous;
    // Against the size of what it was: net sales from −¥100 to ¥0 rose by 100%, not fell.
    const change = delta === null || previous === 0 ? null : delta / Math.abs(previous!);
    return { key, kind, value, previous, delta, change };
  });
}

const EMPTY_RAW: Raw = {
  visitors: 0, pageViews: 0, bounced: 0, bounceVisitors: 0, addToCart: 0, cartVisitors: 0, orders: 0, units: 0, paidOrders: 0, payingBuyers: 0, paidAmount: 0,
  refunds: 0, newBuyers: 0, repeatBuyers: 0, adSpend: 0, ctrClicks: 0, ctrImpressions: 0, clicks: 0, cpcSpend: 0, adRevenue: 0, roasSpend: 0, ticketsOpened: 0,
  ticketsResolved: 0, slaBreaches: 0, returnsOpened: 0, shippedOrders: 0, ratingSum: 0, ratingCount: 0,
};

function addRaw(a: Raw, b: Raw): Raw {
  const out = { ...a };
  for (const k of Object.keys(out) as (keyof Raw)[]) out[k] += b[k];
  return out;
}

/** The sums for one shop over one period, in the shop's zone and currency; other currencies go to `other`. */
export function shopRaw(db: Db, shop: Shop, days: Pick<Period, 'fromDay' | 'toDay'>, now: number, other?: OtherMoney[]): Raw {
  const { from, until } = instantRange(days, shop.timezone);
  const cur = shop.currency;
  const raw = { ...EMPTY_RAW };
  for (const row of q.placedOrders(db, shop.id, from, until)) {
    // Counts do not depend on the currency.
    raw.orders += row.orders;
    raw.units += row.units;
  }
  for (const row of q.paidOrders(db, shop.id, from, until)) {
    if (row.currency !== cur) {
      other?.push({ currency: row.currency, what: 'gmv', amount: row.paidAmount });
      continue;
    }
    raw.paidOrders = row.paidOrders;
    raw.paidAmount = row.paidAmount;
    raw.payingBuyers = row.payingBuyers;
    raw.repeatBuyers = row.repeatBuyers;
    raw.newBuyers = row.newBuyers;
  }
  // Money refunded in the period, whatever gave it back: a return, a platform's export, a paid order cancelled.
  for (const row of refundsIn(db, shop.id, from, until)) {
    if (row.currency === cur) raw.refunds += row.amount;
    else other?.push({ currency: row.currency, what: 'refunds', amount: row.amount });
  }
  raw.returnsOpened = returnsOpened(db, { from, to: until, shopId: shop.id }).opened;
  raw.shippedOrders = q.shippedOrders(db, shop.id, from, until);
  const traffic = q.trafficSums(db, shop.id, days.fromDay, days.toDay);
  raw.visitors = traffic.visitors;
  raw.pageViews = traffic.pageViews;
  raw.bounced = traffic.bounced;
  raw.bounceVisitors = traffic.bounceVisitors;
  raw.addToCart = traffic.addToCart;
  raw.cartVisitors = traffic.cartVisitors;
  for (const ad of q.adSums(db, shop.id, days.fromDay, days.toDay)) {
    if (ad.currency !== cur) {
      other?.push({ currency: ad.currency, what: 'adSpend', amount: ad.spend });
      continue;
    }
    raw.adSpend += ad.spend;
    raw.ctrClicks += ad.ctrClicks ?? 0;
    raw.ctrImpressions += ad.ctrImpressions ?? 0;
    raw.clicks += ad.clicks ?? 0;
    raw.cpcSpend += ad.cpcSpend ?? 0;
    raw.adRevenue += ad.revenue ?? 0;
    raw.roasSpend += ad.roasSpend ?? 0;
  }
  const tickets = q.ticketCounts(db, shop.id, from, until);
  raw.ticketsOpened = tickets.opened;
  raw.ticketsResolved = tickets.resolved;
  const sla = slaBreaches(db, { from, to: until, shopId: shop.id, now });
  raw.slaBreaches = sla.firstResponseBreaches + sla.resolutionBreaches;
  const rating = ratingSummary(db, { from, to: until, shopId: shop.id }).overall;
  raw.ratingSum = rating.sum;
  raw.ratingCount = rating.count;
  return raw;
}

/** At least 14 days ending on the period's last day, so a one-day report still shows a trend. */
export function trendWindow(p: Pick<Period, 'fromDay' | 'toDay'>): { fromDay: string; toDay: string } {
  const days = periodDays(p);
  if (days.length >= 14) return { fromDay: p.fromDay, toDay: p.toDay };
  const end = Date.parse(`${p.toDay}T00:00:00Z`);
  return { fromDay: new Date(end - 13 * 86_400_000).toISOString().slice(0, 10), toDay: p.toDay };
}

/** One point per day, each day's instants as a one-day report has them (instantRange), so DST days are 23 or 25 hours. */
function shopTrend(db: Db, shop: Shop, window: { fromDay: string; toDay: string }): TrendPoint[] {
  const visitors = new Map(q.trafficByDay(db, shop.id, window.fromDay, window.toDay).map((t) => [t.day, t.visitors]));
  return periodDays(window).map((day) => {
    const { from, until } = instantRange({ fromDay: day, toDay: day }, shop.timezone);
    const paid = q.paidDay(db, shop.id, shop.currency, from, until);
    const v = visitors.get(day) ?? 0;
    return { day, gmv: paid.gmv, visitors: v, payingBuyers: paid.buyers, conversionRate: div(paid.buyers, v) };
  });
}

const TOP_PRODUCTS = 10;

/** Every SKU the shop sold in its own currency, the most revenue first (the query's order). */
function productsSold(shop: Shop, { sales, traffic }: SkuPeriod): TopProduct[] {
  const visitors = new Map(traffic.map((r) => [r.sku, r.visitors]));
  return sales
    .filter((r) => r.currency === shop.currency)
    .map((r) => ({ sku: r.sku, title: r.title, units: r.units, amount: r.amount, buyers: r.buyers, visitors: visitors.get(r.sku) ?? null }));
}

function channelsOf(db: Db, shop: Shop, days: Pick<Period, 'fromDay' | 'toDay'>): ChannelRow[] {
  return q
    .adSums(db, shop.id, days.fromDay, days.toDay)
    .filter((a) => a.currency === shop.currency)
    .map((a) => ({
      channel: a.channel,
      spend: a.spend,
      revenue: a.revenue,
      roasSpend: a.roasSpend,
      impressions: a.impressions,
      clicks: a.clicks,
      roas: div(a.revenue ?? 0, a.roasSpend ?? 0),
      ctr: div(a.ctrClicks ?? 0, a.ctrImpressions ?? 0),
      cpc: roundMinor(div(a.cpcSpend ?? 0, a.clicks ?? 0)),
    }));
}

function pickShops(db: Db, name: string | undefined): Shop[] {
  if (name !== undefined) return [findShop(db, name)];
  return listShops(db);
}

/**
 * The KPI report: each shop in its own zone and currency over the same calendar days, the comparison period,
 * totals only within one currency, and the rule-based "what to look at" list.
 */
export function kpiReport(db: Db, input: KpiInput, now: number): KpiReport {
  scanningCache(db);
  const compare = (input.compare ?? 'previous') as Compare;
  if (!COMPARES.includes(compare)) throw usageError('input.oneOf', { field: '--compare', value: String(input.compare), choices: COMPARES.join(', ') });
  const shops = pickShops(db, input.shop);
  const zone = laggingZone(shops.map((s) => s.timezone), now) ?? defaultShop(db)?.timezone ?? 'UTC';
  const period = resolvePeriod(input, zone, now);
  const comparePeriod = compare === 'yoy' ? yearEarlier(period) : previousPeriod(period);
  const window = trendWindow(period);
  // Per-SKU sales and visitors of the period, read once per shop: the top products and the attention rules both use them.
  const skus: SkuPeriod[] = shops.map((shop) => {
    const { from, until } = instantRange(period, shop.timezone);
    return { sales: q.skuSales(db, shop.id, from, until), traffic: q.skuTraffic(db, shop.id, period.fromDay, period.toDay) };
  });
  const sold = shops.map((shop, i) => productsSold(shop, skus[i]!));
  const sections: KpiSection[] = shops.map((shop, i) => {
    const otherCurrencies: OtherMoney[] = [];
    const raw = shopRaw(db, shop, period, now, otherCurrencies);
    const previousRaw = shopRaw(db, shop, comparePeriod, now);
    return {
      shop: shop.name,
      shops: [shop.name],
      currency: shop.currency,
      zone: shop.timezone,
      range: instantRange(period, shop.timezone),
      metrics: metricsOf(raw, previousRaw),
      raw,
      previousRaw,
      trend: shopTrend(db, shop, window),
      topProducts: sold[i]!.slice(0, TOP_PRODUCTS),
      channels: channelsOf(db, shop, period),
      otherCurrencies,
    };
  });
  const allShops = input.shop === undefined ? shops : listShops(db);
  // Stock counts every shop's sales, so its days end where the period does but never on one still running in a
  // shop's zone (--shop picks that shop's yesterday; it may not have ended in Los Angeles).
  const lastEnded = shiftDay(today(laggingZone(allShops.map((s) => s.timezone), now) ?? zone, now), -1);
  const stockToDay = period.toDay < lastEnded ? period.toDay : lastEnded;
  const attention = attentionList(db, { shops, allShops, sections, period, comparePeriod, skus, stockToDay });
  return { generatedAt: now, period, compare, comparePeriod, trendDays: window, shops: sections, totals: totalsOf(sections, sold), attention };
}

/**
 * Sums shops that share a currency (never across currencies); ratios are recomputed from the sums. `sold` holds each
 * section's every product sold (not only its top ten), so a SKU's total counts the shops where it was not a bestseller.
 */
export function totalsOf(sections: KpiSection[], sold: TopProduct[][]): KpiSection[] {
  const byCurrency = new Map<string, KpiSection[]>();
  const soldOf = new Map(sections.map((s, i) => [s, sold[i]!]));
  for (const s of sections) byCurrency.set(s.currency, [...(byCurrency.get(s.currency) ?? []), s]);
  const totals: KpiSection[] = [];
  for (const [currency, group] of byCurrency) {
    if (group.length < 2) continue;
    const raw = group.map((s) => s.raw).reduce(addRaw, EMPTY_RAW);
    const previousRaw = group.map((s) => s.previousRaw).reduce(addRaw, EMPTY_RAW);
    const trend = group[0]!.trend.map((p, i) => {
      const gmv = group.reduce((a, s) => a + (s.trend[i]?.gmv ?? 0), 0);
      const visitors = group.reduce((a, s) => a + (s.trend[i]?.visitors ?? 0), 0);
      const payingBuyers = group.reduce((a, s) => a + (s.trend[i]?.payingBuyers ?? 0), 0);
      return { day: p.day, gmv, visitors, payingBuyers, conversionRate: div(payingBuyers, visitors) };
    });
    const products = new Map<string, TopProduct>();
    for (const s of group) {
      for (const p of soldOf.get(s)!) {
        const had = products.get(p.sku);
        products.set(p.sku, had ? { ...had, units: had.units + p.units, amount: had.amount + p.amount, buyers: had.buyers + p.buyers, visitors: addKnown(had.visitors, p.visitors) } : { ...p });
      }
    }
    totals.push({
      shop: null,
      shops: group.map((s) => s.shop!),
      currency,
      zone: null,
      range: null,
      metrics: metricsOf(raw, previousRaw),
      raw,
      previousRaw,
      trend,
      topProducts: [...products.values()].sort((a, b) => b.amount - a.amount || byCodeUnits(a.sku, b.sku)).slice(0, TOP_PRODUCTS),
      channels: [],
      otherCurrencies: [],
    });
  }
  return totals;
}

export function metric(section: KpiSection, key: MetricKey): Metric {
  return section.metrics.find((m) => m.key === key)!;
}
