import { statement, type Db } from '../open.js';
import { AD_SUMS, type AdSums } from './ads.js';

/** Orders that count as sales: paid (paid_at set) and not cancelled. */
const SALE = "o.paid_at IS NOT NULL AND o.status <> 'cancelled'";

/**
 * For a connection about to run a big report: SQLite's own default page cache (2 MB, as the sqlite3 shell has) instead of
 * better-sqlite3's 16 MB. A report reads most pages once, so a large cache only means allocating (and faulting in)
 * fresh memory for every page read instead of reusing a few hundred buffers: ~80 ms of a month's KPI report on
 * 300,000 orders. It stays for the connection's life; a CLI process runs one report.
 */
export function scanningCache(db: Db): void {
  db.pragma('cache_size = -2000');
}

export interface ReportShop {
  id: number;
  name: string;
  platform: string;
  timezone: string;
}

export function reportShops(db: Db, shopId?: number): ReportShop[] {
  if (shopId !== undefined) return statement(db, 'SELECT id, name, platform, timezone FROM shop WHERE id = ?').all(shopId) as ReportShop[];
  return statement(db, 'SELECT id, name, platform, timezone FROM shop ORDER BY name').all() as ReportShop[];
}

export interface SaleOrderRow {
  paidAt: number;
  currency: string;
  paid: number;
  refunded: number;
  units: number;
}

/** Sale orders of one shop paid in [from, until). */
export function saleOrders(db: Db, shopId: number, from: number, until: number): SaleOrderRow[] {
  return statement(
    db,
    `SELECT o.paid_at AS paidAt, o.currency, o.paid, o.refunded,
       (SELECT coalesce(sum(l.quantity), 0) FROM order_line l WHERE l.order_id = o.id) AS units
     FROM sales_order o WHERE o.shop_id = ? AND ${SALE} AND o.paid_at >= ? AND o.paid_at < ?`,
  ).all(shopId, from, until) as SaleOrderRow[];
}

export interface SkuSalesRow {
  skuId: number;
  currency: string;
  units: number;
  revenue: number;
}

/** Units and line revenue (quantity × unit price − line discount) per SKU and order currency, one shop, paid in [from, until). */
export function skuSales(db: Db, shopId: number, from: number, until: number): SkuSalesRow[] {
  return statement(
    db,
    `SELECT l.sku_id AS skuId, o.currency, sum(l.quantity) AS units, sum(l.quantity * l.unit_price - l.discount) AS revenue
     FROM order_line l JOIN sales_order o ON o.id = l.order_id
     WHERE l.sku_id IS NOT NULL AND o.shop_id = ? AND ${SALE} AND o.paid_at >= ? AND o.paid_at < ?
     GROUP BY l.sku_id, o.currency`,
  ).all(shopId, from, until) as SkuSalesRow[];
}

/** The latest sale movement (a shipment) of one SKU in one shop before `until`, or null: that SKU's movements, newest first. */
export function lastSaleMovement(db: Db, shopId: number, skuId: number, until: number): number | null {
  // The unary + keeps the planner on stock_movement_sku_time rather than the shop's orders.
  return (
    (statement(
      db,
      `SELECT m.occurred_at FROM stock_movement m JOIN sales_order o ON o.id = m.order_id
       WHERE m.sku_id = ? AND m.kind = 'sale' AND +o.shop_id = ? AND m.occurred_at < ?
       ORDER BY m.occurred_at DESC LIMIT 1`,
    )
      .pluck()
      .get(skuId, shopId, until) as number | undefined) ?? null
  );
}

/** Whether one SKU is on a line of a sale order of the shop paid before `until` (through that SKU's lines). */
export function hasSaleLine(db: Db, shopId: number, skuId: number, until: number): boolean {
  return (
    statement(
      db,
      `SELECT EXISTS (SELECT 1 FROM order_line l JOIN sales_order o ON o.id = l.order_id
         WHERE l.sku_id = ? AND +o.shop_id = ? AND ${SALE} AND +o.paid_at < ?)`,
    )
      .pluck()
      .get(skuId, shopId, until) === 1
  );
}

/** When one SKU was last on a line of a sale order of the shop paid before `until`, or null: all that SKU's lines. */
export function lastSaleLine(db: Db, shopId: number, skuId: number, until: number): number | null {
  return statement(
    db,
    `SELECT max(o.paid_at) FROM order_line l JOIN sales_order o ON o.id = l.order_id
     WHERE l.sku_id = ? AND +o.shop_id = ? AND ${SALE} AND +o.paid_at < ?`,
  )
    .pluck()
    .get(skuId, shopId, until) as number | null;
}

/**
 * [paid at, SKU id] of the lines of the shop's sale orders paid before `before`, newest first, read as the caller goes
 * (covering indexes sales_order_paid, walked backwards, and order_line_order_sku): stop early to read only the recent past.
 */
export function saleLinesBackwards(db: Db, shopId: number, before: number): IterableIterator<[number, number]> {
  return statement(
    db,
    `SELECT o.paid_at, l.sku_id FROM sales_order o JOIN order_line l ON l.order_id = o.id
     WHERE o.shop_id = ? AND o.paid_at < ? AND o.status <> 'cancelled' AND l.sku_id IS NOT NULL
     ORDER BY o.paid_at DESC`,
  )
    .raw()
    .iterate(shopId, before) as IterableIterator<[number, number]>;
}

export interface SkuInfoRow {
  skuId: number;
  code: string;
  title: string;
  variant: string;
  currency: string;
  cost: number | null;
  onHand: number;
  reserved: number;
  reorderPoint: number | null;
  leadTimeDays: number | null;
  archived: number;
}

export function skuInfo(db: Db): SkuInfoRow[] {
  return statement(
    db,
    `SELECT s.id AS skuId, s.code, p.title, s.variant, s.currency, s.cost, s.on_hand AS onHand, s.reserved,
       s.reorder_point AS reorderPoint, s.lead_time_days AS leadTimeDays, p.status = 'archived' AS archived
     FROM sku s JOIN product p ON p.id = s.product_id ORDER BY s.code`,
  ).all() as SkuInfoRow[];
}

export interface CustomerOrderRow {
  customerId: number;
  shopId: number;
  currency: string;
  paidAt: number;
  paid: number;
}

/** Every sale order with a known buyer paid before `until` (all history), oldest first. */
export function customerOrders(db: Db, until: number, shopId?: number): CustomerOrderRow[] {
  const shop = shopId === undefined ? '' : 'AND o.shop_id = @shopId';
  return statement(
    db,
    `SELECT o.customer_id AS customerId, o.shop_id AS shopId, o.currency, o.paid_at AS paidAt, o.paid
     FROM sales_order o WHERE o.customer_id IS NOT NULL AND ${SALE} AND o.paid_at < @until ${shop}
     ORDER BY o.paid_at, o.id`,
  ).all({ until, ...(shopId !== undefined && { shopId }) }) as CustomerOrderRow[];
}

export interface AdRow {
  shop: string;
  channel: string;
  campaign: string;
  currency: string;
}

/** ad_daily summed per shop, channel, campaign and currency over the days [fromDay, toDay] (days are already shop-local). */
export function adTotals(db: Db, fromDay: string, toDay: string, shopId?: number): (AdRow & AdSums)[] {
  const shop = shopId === undefined ? '' : 'AND a.shop_id = @shopId';
  return statement(
    db,
    `SELECT s.name AS shop, a.channel, a.campaign, a.currency, ${AD_SUMS}
     FROM ad_daily a JOIN shop s ON s.id = a.shop_id
     WHERE a.day >= @fromDay AND a.day <= @toDay ${shop}
     GROUP BY s.name, a.channel, a.campaign, a.currency
     ORDER BY a.currency, sum(a.spend) DESC, a.channel, a.campaign`,
  ).all({ fromDay, toDay, ...(shopId !== undefined && { shopId }) }) as (AdRow & AdSums)[];
}
