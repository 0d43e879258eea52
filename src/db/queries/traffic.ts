import type { Db } from '../open.js';
import { statement } from '../open.js';

/** One stored day of traffic: shop-wide when skuId is null, all sources when source is ''. */
export interface TrafficValues {
  shopId: number;
  day: string;
  skuId: number | null;
  source: string;
  visitors: number;
  pageViews: number;
  bounced: number | null;
  avgSeconds: number | null;
  addToCart: number | null;
  favourites: number | null;
}

export interface TrafficRow extends TrafficValues {
  id: number;
  shopName: string;
  skuCode: string | null;
}

interface RawRow {
  id: number;
  shop_id: number;
  shop_name: string;
  day: string;
  sku_id: number | null;
  sku_code: string | null;
  source: string;
  visitors: number;
  page_views: number;
  bounced: number | null;
  avg_seconds: number | null;
  add_to_cart: number | null;
  favourites: number | null;
}

const toRow = (r: RawRow): TrafficRow => ({
  id: r.id,
  shopId: r.shop_id,
  shopName: r.shop_name,
  day: r.day,
  skuId: r.sku_id,
  skuCode: r.sku_code,
  source: r.source,
  visitors: r.visitors,
  pageViews: r.page_views,
  bounced: r.bounced,
  avgSeconds: r.avg_seconds,
  addToCart: r.add_to_cart,
  favourites: r.favourites,
});

/** The stored row for the same shop, day, SKU (or shop-wide) and source (in any letter case: "Google" is "google", as an import keys it), if any. */
export function trafficKeyRow(db: Db, v: Pick<TrafficValues, 'shopId' | 'day' | 'skuId' | 'source'>): TrafficValues & { id: number } | undefined {
  const r = statement(db, 'SELECT t.*, s.name AS shop_name, NULL AS sku_code FROM traffic_daily t JOIN shop s ON s.id = t.shop_id WHERE t.shop_id = ? AND t.day = ? AND t.sku_id IS ? AND t.source = ? COLLATE NOCASE ORDER BY t.source = ? DESC LIMIT 1').get(
    v.shopId, v.day, v.skuId, v.source, v.source,
  ) as RawRow | undefined;
  return r && toRow(r);
}

export function insertTraffic(db: Db, v: TrafficValues): void {
  statement(db, 'INSERT INTO traffic_daily (shop_id, day, sku_id, source, visitors, page_views, bounced, avg_seconds, add_to_cart, favourites) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    v.shopId, v.day, v.skuId, v.source, v.visitors, v.pageViews, v.bounced, v.avgSeconds, v.addToCart, v.favourites,
  );
}

export function updateTraffic(db: Db, id: number, v: TrafficValues): void {
  statement(db, 'UPDATE traffic_daily SET visitors = ?, page_views = ?, bounced = ?, avg_seconds = ?, add_to_cart = ?, favourites = ? WHERE id = ?').run(
    v.visitors, v.pageViews, v.bounced, v.avgSeconds, v.addToCart, v.favourites, id,
  );
}

export interface TrafficFilter {
  shopId?: number;
  fromDay?: string;
  toDay?: string;
}

export function trafficRows(db: Db, f: TrafficFilter): TrafficRow[] {
  return (
    statement(
      db,
      `SELECT t.*, s.name AS shop_name, k.code AS sku_code
         FROM traffic_daily t JOIN shop s ON s.id = t.shop_id LEFT JOIN sku k ON k.id = t.sku_id
        WHERE (@shopId IS NULL OR t.shop_id = @shopId) AND (@fromDay IS NULL OR t.day >= @fromDay) AND (@toDay IS NULL OR t.day <= @toDay)
        ORDER BY t.day, s.name, t.sku_id IS NOT NULL, k.code, t.source`,
    ).all({ shopId: f.shopId ?? null, fromDay: f.fromDay ?? null, toDay: f.toDay ?? null }) as RawRow[]
  ).map(toRow);
}

export interface TrafficSums {
  days: number;
  visitors: number;
  pageViews: number;
  bounced: number | null;
  addToCart: number | null;
  favourites: number | null;
  /** Σ avg_seconds × visitors and Σ visitors over rows that have avg_seconds, for a visitor-weighted mean. */
  secondsWeight: number;
  secondsVisitors: number;
}

/**
 * Rows counted for a day and key: the all-sources row (source '') when there is one, else the per-source rows summed
 * (the traffic list, the KPI report and its rules all count this way). Parameters @shopId, @fromDay, @toDay;
 * `skuCondition` is a fixed SQL fragment ('IS NULL' or 'IS NOT NULL'), never user text.
 */
export const PICKED = (skuCondition: string) => `
  FROM traffic_daily t
 WHERE t.shop_id = @shopId AND t.day BETWEEN @fromDay AND @toDay AND t.sku_id ${skuCondition}
   AND (t.source = '' OR NOT EXISTS (
         SELECT 1 FROM traffic_daily a WHERE a.shop_id = t.shop_id AND a.day = t.day AND a.sku_id IS t.sku_id AND a.source = ''))`;

const SUMS = `count(DISTINCT t.day) AS days, coalesce(sum(t.visitors), 0) AS visitors, coalesce(sum(t.page_views), 0) AS pageViews,
  sum(t.bounced) AS bounced, sum(t.add_to_cart) AS addToCart, sum(t.favourites) AS favourites,
  coalesce(sum(t.avg_seconds * t.visitors), 0) AS secondsWeight, coalesce(sum(CASE WHEN t.avg_seconds IS NULL THEN 0 ELSE t.visitors END), 0) AS secondsVisitors`;

export function shopTrafficSums(db: Db, p: { shopId: number; fromDay: string; toDay: string }): TrafficSums {
  return statement(db, `SELECT ${SUMS} ${PICKED('IS NULL')}`).get(p) as TrafficSums;
}

export function skuTrafficSums(db: Db, p: { shopId: number; fromDay: string; toDay: string }): (TrafficSums & { skuId: number; skuCode: string })[] {
  return statement(
    db,
    `SELECT t.sku_id AS skuId, (SELECT code FROM sku WHERE id = t.sku_id) AS skuCode, ${SUMS} ${PICKED('IS NOT NULL')}
     GROUP BY t.sku_id ORDER BY visitors DESC, skuCode`,
  ).all(p) as (TrafficSums & { skuId: number; skuCode: string })[];
}
