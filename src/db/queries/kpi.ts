import { statement, type Db } from '../open.js';
import { PICKED } from './traffic.js';
import { AD_SUMS, type AdSums } from './ads.js';

/** Plain SQL for `report kpi`: one shop, instants as [from, until) epoch ms, days as 'YYYY-MM-DD' inclusive. */

export interface PlacedRow {
  currency: string;
  orders: number;
  units: number;
}

/** Orders placed in the range and not cancelled, with their units, per currency. */
export function placedOrders(db: Db, shopId: number, from: number, until: number): PlacedRow[] {
  return statement(
    db,
    `SELECT o.currency, count(*) AS orders, coalesce(sum((SELECT sum(l.quantity) FROM order_line l WHERE l.order_id = o.id)), 0) AS units
     FROM sales_order o
     WHERE o.shop_id = ? AND o.placed_at >= ? AND o.placed_at < ? AND o.status <> 'cancelled'
     GROUP BY o.currency ORDER BY o.currency`,
  ).all(shopId, from, until) as PlacedRow[];
}

export interface PaidRow {
  currency: string;
  paidOrders: number;
  paidAmount: number;
  payingBuyers: number;
  repeatBuyers: number;
  newBuyers: number;
}

/**
 * Orders paid in the range (by paid_at, gross: later refunds and cancellations do not take them out), per
 * currency. A buyer is the customer, or the order itself when it has none. New buyers had no paid order in
 * this shop before the range.
 */
export function paidOrders(db: Db, shopId: number, from: number, until: number): PaidRow[] {
  // One pass over the range's orders (covering index sales_order_paid), grouped per buyer; "paid in this shop before
  // the range" is one probe per buyer answered by the covering index sales_order_customer_paid alone.
  return statement(
    db,
    `WITH buyers AS (
       SELECT o.currency, coalesce(o.customer_id, -o.id) AS buyer, o.customer_id AS customerId, count(*) AS n, sum(o.paid) AS paid
       FROM sales_order o
       WHERE o.shop_id = :shopId AND o.paid_at >= :from AND o.paid_at < :until
       GROUP BY o.currency, buyer
     )
     SELECT b.currency, sum(b.n) AS paidOrders, sum(b.paid) AS paidAmount, count(*) AS payingBuyers, sum(b.n >= 2) AS repeatBuyers,
            sum(b.customerId IS NULL OR NOT EXISTS (SELECT 1 FROM sales_order p WHERE p.customer_id = b.customerId
                                                      AND p.shop_id = :shopId AND p.paid_at < :from)) AS newBuyers
     FROM buyers b GROUP BY b.currency ORDER BY b.currency`,
  ).all({ shopId, from, until }) as PaidRow[];
}

/** GMV (paid amounts) and paying buyers of the orders paid in [from, until) in one currency: one day of the trend. */
export function paidDay(db: Db, shopId: number, currency: string, from: number, until: number): { gmv: number; buyers: number } {
  return statement(
    db,
    `SELECT coalesce(sum(paid), 0) AS gmv, count(DISTINCT coalesce(customer_id, -id)) AS buyers
     FROM sales_order WHERE shop_id = ? AND paid_at >= ? AND paid_at < ? AND currency = ?`,
  ).get(shopId, from, until, currency) as { gmv: number; buyers: number };
}

/** Orders with a shipment in the range (the denominator of the return rate). */
export function shippedOrders(db: Db, shopId: number, from: number, until: number): number {
  // Driven by shipment_time (shipped_at, order_id): the unary + stops the planner from walking every order of the shop.
  return statement(
    db,
    `SELECT count(DISTINCT s.order_id) FROM shipment s JOIN sales_order o ON o.id = s.order_id
     WHERE +o.shop_id = ? AND s.shipped_at >= ? AND s.shipped_at < ?`,
  )
    .pluck()
    .get(shopId, from, until) as number;
}

export function ticketCounts(db: Db, shopId: number, from: number, until: number): { opened: number; resolved: number } {
  return statement(
    db,
    `SELECT coalesce(sum(opened_at >= :from AND opened_at < :until), 0) AS opened,
            coalesce(sum(resolved_at >= :from AND resolved_at < :until), 0) AS resolved
     FROM ticket WHERE shop_id = :shopId`,
  ).get({ shopId, from, until }) as { opened: number; resolved: number };
}

export interface TrafficRow {
  visitors: number;
  pageViews: number;
  bounced: number;
  /** Visitors of the rows that give a bounced figure: the bounce rate's denominator. */
  bounceVisitors: number;
  addToCart: number;
  /** Visitors of the rows that give an add-to-cart figure. */
  cartVisitors: number;
  days: number;
}

/** Shop-level traffic over the days: each day's all-sources row, else its per-source rows summed (PICKED). */
export function trafficSums(db: Db, shopId: number, fromDay: string, toDay: string): TrafficRow {
  return statement(
    db,
    `SELECT coalesce(sum(t.visitors), 0) AS visitors, coalesce(sum(t.page_views), 0) AS pageViews,
            coalesce(sum(t.bounced), 0) AS bounced, coalesce(sum(CASE WHEN t.bounced IS NOT NULL THEN t.visitors END), 0) AS bounceVisitors,
            coalesce(sum(t.add_to_cart), 0) AS addToCart, coalesce(sum(CASE WHEN t.add_to_cart IS NOT NULL THEN t.visitors END), 0) AS cartVisitors,
            count(DISTINCT t.day) AS days
     ${PICKED('IS NULL')}`,
  ).get({ shopId, fromDay, toDay }) as TrafficRow;
}

export function trafficByDay(db: Db, shopId: number, fromDay: string, toDay: string): { day: string; visitors: number }[] {
  return statement(db, `SELECT t.day, sum(t.visitors) AS visitors ${PICKED('IS NULL')} GROUP BY t.day ORDER BY t.day`).all({ shopId, fromDay, toDay }) as {
    day: string;
    visitors: number;
  }[];
}

export interface SkuTrafficRow {
  skuId: number;
  sku: string;
  title: string;
  visitors: number;
}

export function skuTraffic(db: Db, shopId: number, fromDay: string, toDay: string): SkuTrafficRow[] {
  return statement(
    db,
    `SELECT t.sku_id AS skuId, (SELECT code FROM sku WHERE id = t.sku_id) AS sku,
            (SELECT p.title FROM sku k JOIN product p ON p.id = k.product_id WHERE k.id = t.sku_id) AS title, sum(t.visitors) AS visitors
     ${PICKED('IS NOT NULL')}
     GROUP BY t.sku_id ORDER BY visitors DESC, sku`,
  ).all({ shopId, fromDay, toDay }) as SkuTrafficRow[];
}

export interface SkuSalesRow {
  skuId: number;
  sku: string;
  title: string;
  currency: string;
  units: number;
  amount: number;
  buyers: number;
}

/** Per SKU: units, line amount (price × quantity − line discount) and buyers over orders paid in the range. */
export function skuSales(db: Db, shopId: number, from: number, until: number): SkuSalesRow[] {
  // Summed from the covering indexes sales_order_paid and order_line_order_sku; names are joined per SKU afterwards.
  return statement(
    db,
    `SELECT x.skuId, s.code AS sku, p.title, x.currency, x.units, x.amount, x.buyers
     FROM (SELECT l.sku_id AS skuId, o.currency, sum(l.quantity) AS units, sum(l.quantity * l.unit_price - l.discount) AS amount,
                  count(DISTINCT coalesce(o.customer_id, -o.id)) AS buyers
           FROM sales_order o JOIN order_line l ON l.order_id = o.id
           WHERE o.shop_id = ? AND o.paid_at >= ? AND o.paid_at < ? AND l.sku_id IS NOT NULL
           GROUP BY l.sku_id, o.currency) x
     JOIN sku s ON s.id = x.skuId JOIN product p ON p.id = s.product_id
     ORDER BY x.amount DESC, s.code`,
  ).all(shopId, from, until) as SkuSalesRow[];
}

export interface AdRow {
  channel: string;
  currency: string;
}

/** Ad rows of one shop over the days, per channel and currency (AdSums: each figure over the rows that state it). */
export function adSums(db: Db, shopId: number, fromDay: string, toDay: string): (AdRow & AdSums)[] {
  return statement(
    db,
    `SELECT a.channel, a.currency, ${AD_SUMS}
     FROM ad_daily a WHERE a.shop_id = ? AND a.day >= ? AND a.day <= ? GROUP BY a.channel, a.currency ORDER BY a.channel, a.currency`,
  ).all(shopId, fromDay, toDay) as (AdRow & AdSums)[];
}

/** Returns opened in the range per SKU (through their lines), for "a rise in returns". */
export function skuReturns(db: Db, shopId: number, from: number, until: number): { skuId: number; sku: string; returns: number }[] {
  // Driven by return_request_opened (the unary + keeps the planner from walking every order of the shop).
  return statement(
    db,
    `SELECT l.sku_id AS skuId, s.code AS sku, count(DISTINCT r.id) AS returns
     FROM return_request r JOIN return_line rl ON rl.return_id = r.id JOIN order_line l ON l.id = rl.order_line_id
     JOIN sku s ON s.id = l.sku_id JOIN sales_order o ON o.id = r.order_id
     WHERE +o.shop_id = ? AND r.opened_at >= ? AND r.opened_at < ?
     GROUP BY l.sku_id ORDER BY returns DESC, s.code`,
  ).all(shopId, from, until) as { skuId: number; sku: string; returns: number }[];
}

export interface StockRow {
  skuId: number;
  sku: string;
  title: string;
  currency: string;
  onHand: number;
  available: number;
  cost: number | null;
  leadTimeDays: number | null;
  sold: number;
}

/** One shop's days as instants: [from, until). */
export interface ShopWindow {
  shopId: number;
  from: number;
  until: number;
}

/**
 * Active SKUs with stock figures and units sold (lines of orders paid, not cancelled) in each shop's own window: stock
 * is shared across shops, and each shop's days are its own zone's.
 */
export function stockWithSales(db: Db, windows: ShopWindow[]): StockRow[] {
  // Set-based over the windows' orders: sales_order_paid once per shop, then their lines; never a SKU's whole history.
  const values = windows.length === 0 ? 'SELECT NULL, NULL, NULL WHERE 0' : `VALUES ${windows.map(() => '(?, ?, ?)').join(', ')}`;
  return statement(
    db,
    `WITH w(shop_id, from_at, until_at) AS (${values}),
     sold AS (
       SELECT l.sku_id, sum(l.quantity) AS sold
       FROM w JOIN sales_order o ON o.shop_id = w.shop_id AND o.paid_at >= w.from_at AND o.paid_at < w.until_at
       JOIN order_line l ON l.order_id = o.id
       WHERE o.status <> 'cancelled' AND l.sku_id IS NOT NULL
       GROUP BY l.sku_id
     )
     SELECT s.id AS skuId, s.code AS sku, p.title, s.currency, s.on_hand AS onHand, s.on_hand - s.reserved AS available, s.cost,
            s.lead_time_days AS leadTimeDays, coalesce(sold.sold, 0) AS sold
     FROM sku s JOIN product p ON p.id = s.product_id LEFT JOIN sold ON sold.sku_id = s.id
     WHERE p.status = 'active'
     ORDER BY s.code`,
  ).all(...windows.flatMap((w) => [w.shopId, w.from, w.until])) as StockRow[];
}
