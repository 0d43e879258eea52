import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import * as q from '../../db/queries/traffic.js';
import { findSku } from '../catalog/lookup.js';
import { usageError } from '../errors.js';
import { resolveShop } from '../shops/shops.js';
import { blank, checkCount, checkDay, checkDuration, checkRate, checkSource } from './values.js';

/** What a seller types or a file holds for one day; text, checked here. */
export interface TrafficInput {
  shop?: string;
  date: string;
  sku?: string;
  source?: string;
  visitors: string;
  pageViews: string;
  bounced?: string;
  bounceRate?: string;
  avgTime?: string;
  addToCart?: string;
  favourites?: string;
}

export type UpsertOutcome = 'new' | 'replaced' | 'unchanged';

export interface TrafficRecord {
  shop: string;
  day: string;
  sku: string | null;
  source: string;
  visitors: number;
  pageViews: number;
  bounced: number | null;
  bounceRate: number | null;
  avgSeconds: number | null;
  addToCart: number | null;
  favourites: number | null;
}

/** Field names used in messages: flags for `traffic add`, columns for imports. */
export interface TrafficFieldNames {
  date: string;
  visitors: string;
  pageViews: string;
  bounced: string;
  bounceRate: string;
  avgTime: string;
  addToCart: string;
  favourites: string;
}

export const FLAG_NAMES: TrafficFieldNames = {
  date: '--date', visitors: '--visitors', pageViews: '--page-views', bounced: '--bounced', bounceRate: '--bounce-rate', avgTime: '--avg-time', addToCart: '--add-to-cart', favourites: '--favourites',
};

const optionalCount = (v: string | undefined, field: string) => (blank(v) ? null : checkCount(v, field));

/** Checks one day's figures (shop and SKU already resolved). Bounced visits may be given as a count or a rate of visitors. */
export function trafficValues(input: Omit<TrafficInput, 'shop' | 'sku'>, shopId: number, skuId: number | null, names: TrafficFieldNames): q.TrafficValues {
  const visitors = checkCount(input.visitors, names.visitors);
  const pageViews = checkCount(input.pageViews, names.pageViews);
  if (!blank(input.bounced) && !blank(input.bounceRate)) throw usageError('traffic.bounceBoth', { bounced: names.bounced, rate: names.bounceRate });
  let bounced = optionalCount(input.bounced, names.bounced);
  if (!blank(input.bounceRate)) bounced = Math.round(checkRate(input.bounceRate, names.bounceRate) * visitors);
  if (bounced !== null && bounced > visitors) throw usageError('traffic.bouncedTooMany', { field: names.bounced, bounced, visitors });
  return {
    shopId,
    day: checkDay(input.date, names.date),
    skuId,
    source: checkSource(input.source),
    visitors,
    pageViews,
    bounced,
    avgSeconds: blank(input.avgTime) ? null : checkDuration(input.avgTime, names.avgTime),
    addToCart: optionalCount(input.addToCart, names.addToCart),
    favourites: optionalCount(input.favourites, names.favourites),
  };
}

/** Inserts, or replaces the row with the same shop, day, SKU and source. */
export function upsertTraffic(db: Db, v: q.TrafficValues): UpsertOutcome {
  const existing = q.trafficKeyRow(db, v);
  if (!existing) {
    q.insertTraffic(db, v);
    return 'new';
  }
  const same = (['visitors', 'pageViews', 'bounced', 'avgSeconds', 'addToCart', 'favourites'] as const).every((k) => existing[k] === v[k]);
  if (same) return 'unchanged';
  q.updateTraffic(db, existing.id, v);
  return 'replaced';
}

/** `traffic add`: one day for a shop (default shop when not named), shop-wide or for one SKU, all sources or one. */
export function addTraffic(db: Db, input: TrafficInput): { outcome: UpsertOutcome; record: TrafficRecord } {
  return writeTransaction(db, () => {
    const shop = resolveShop(db, input.shop);
    const sku = blank(input.sku) ? null : findSku(db, input.sku);
    const values = trafficValues(input, shop.id, sku?.id ?? null, FLAG_NAMES);
    const outcome = upsertTraffic(db, values);
    return { outcome, record: recordOf({ ...values, shopName: shop.name, skuCode: sku?.code ?? null }) };
  });
}

export function recordOf(r: q.TrafficValues & { shopName: string; skuCode: string | null }): TrafficRecord {
  return {
    shop: r.shopName,
    day: r.day,
    sku: r.skuCode,
    source: r.source,
    visitors: r.visitors,
    pageViews: r.pageViews,
    bounced: r.bounced,
    bounceRate: r.bounced === null || r.visitors === 0 ? null : Math.round((r.bounced / r.visitors) * 10_000) / 10_000,
    avgSeconds: r.avgSeconds,
    addToCart: r.addToCart,
    favourites: r.favourites,
  };
}

export interface DayRange {
  shop?: string;
  from?: string;
  to?: string;
}

/** Checks --shop/--from/--to for the list verbs; either end may be open. */
export function dayRange(db: Db, input: DayRange): { shopId?: number; fromDay?: string; toDay?: string } {
  const fromDay = input.from === undefined ? undefined : checkDay(input.from, '--from');
  const toDay = input.to === undefined ? undefined : checkDay(input.to, '--to');
  if (fromDay !== undefined && toDay !== undefined && toDay < fromDay) throw usageError('period.backwards', { from: fromDay, to: toDay });
  return { shopId: input.shop === undefined ? undefined : resolveShop(db, input.shop).id, fromDay, toDay };
}

/** `traffic list`: stored days, oldest first. */
export function listTraffic(db: Db, input: DayRange): TrafficRecord[] {
  return q.trafficRows(db, dayRange(db, input)).map(recordOf);
}

export interface TrafficTotals {
  /** Days that had shop-level traffic. */
  days: number;
  visitors: number;
  pageViews: number;
  bounced: number | null;
  addToCart: number | null;
  favourites: number | null;
  /** Visitor-weighted mean of the days' average time on page, in seconds. */
  avgSeconds: number | null;
}

const totalsOf = (s: q.TrafficSums): TrafficTotals => ({
  days: s.days,
  visitors: s.visitors,
  pageViews: s.pageViews,
  bounced: s.bounced,
  addToCart: s.addToCart,
  favourites: s.favourites,
  avgSeconds: s.secondsVisitors === 0 ? null : Math.round(s.secondsWeight / s.secondsVisitors),
});

/**
 * Shop-level traffic over [fromDay, toDay] for the KPI report: per day the all-sources row (sku NULL, source '');
 * on a day that only has per-source rows, those are summed (visitors may then count someone twice who came by
 * two sources).
 */
export function trafficTotals(db: Db, p: { shopId: number; fromDay: string; toDay: string }): TrafficTotals {
  return totalsOf(q.shopTrafficSums(db, p));
}

/** Per-SKU traffic over the days, most visited first (same all-sources-else-sum rule per SKU and day). */
export function trafficBySku(db: Db, p: { shopId: number; fromDay: string; toDay: string }): (TrafficTotals & { skuId: number; sku: string })[] {
  return q.skuTrafficSums(db, p).map((s) => ({ skuId: s.skuId, sku: s.skuCode, ...totalsOf(s) }));
}
