import { statement, type Db } from '../open.js';

export function orderIdAndHash(db: Db, shopId: number, platformOrderId: string): { id: number; import_hash: string | null } | undefined {
  return statement(db, 'SELECT id, import_hash FROM sales_order WHERE shop_id = ? AND platform_order_id = ?').get(shopId, platformOrderId) as
    | { id: number; import_hash: string | null }
    | undefined;
}

export function setImportHash(db: Db, orderId: number, hash: string): void {
  statement(db, 'UPDATE sales_order SET import_hash = ? WHERE id = ?').run(hash, orderId);
}

/** The SKU a shop's listing (and platform SKU code) is linked to: the exact pair first, then the listing alone. */
export function linkedSku(db: Db, shopId: number, listingId: string | null, platformSku: string | null): number | undefined {
  if (listingId !== null) {
    const exact = statement(db, 'SELECT sku_id FROM listing_link WHERE shop_id = ? AND listing_id = ? AND platform_sku = ?').pluck().get(shopId, listingId, platformSku ?? '') as number | undefined;
    if (exact !== undefined) return exact;
    const listing = statement(db, "SELECT sku_id FROM listing_link WHERE shop_id = ? AND listing_id = ? AND platform_sku = ''").pluck().get(shopId, listingId) as number | undefined;
    if (listing !== undefined) return listing;
  }
  if (platformSku !== null) {
    return statement(db, 'SELECT sku_id FROM listing_link WHERE shop_id = ? AND platform_sku = ? ORDER BY id LIMIT 1').pluck().get(shopId, platformSku) as number | undefined;
  }
  return undefined;
}

export function skuIdByCode(db: Db, code: string): number | undefined {
  return statement(db, 'SELECT id FROM sku WHERE code = ?').pluck().get(code) as number | undefined;
}

export interface ImportRunRow {
  shopId: number;
  files: unknown[];
  ordersNew: number;
  ordersUpdated: number;
  ordersUnchanged: number;
  lines: number;
  rejected: number;
  startedAt: number;
  finishedAt: number;
}

export function insertImportRun(db: Db, r: ImportRunRow): void {
  statement(
    db,
    `INSERT INTO import_run (shop_id, files, orders_new, orders_updated, orders_unchanged, lines, rejected, started_at, finished_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(r.shopId, JSON.stringify(r.files), r.ordersNew, r.ordersUpdated, r.ordersUnchanged, r.lines, r.rejected, r.startedAt, r.finishedAt);
}

export function importRuns(db: Db, limit: number): (Omit<ImportRunRow, 'files'> & { id: number; shop: string; files: string })[] {
  return statement(
    db,
    `SELECT r.id, sh.name AS shop, r.shop_id AS shopId, r.files, r.orders_new AS ordersNew, r.orders_updated AS ordersUpdated,
       r.orders_unchanged AS ordersUnchanged, r.lines, r.rejected, r.started_at AS startedAt, r.finished_at AS finishedAt
     FROM import_run r JOIN shop sh ON sh.id = r.shop_id ORDER BY r.started_at DESC, r.id DESC LIMIT ?`,
  ).all(limit) as (Omit<ImportRunRow, 'files'> & { id: number; shop: string; files: string })[];
}

export interface UnmatchedLine {
  orderId: number;
  shopId: number;
  shop: string;
  platformOrderId: string;
  lineId: number;
  title: string;
  variant: string | null;
  platformSku: string | null;
  listingId: string | null;
  sellerSku: string | null;
  quantity: number;
  shipped: number;
  /** 1: shipped from the platform's warehouse, so linking it moves no stock. */
  platformStock: number;
  status: string;
}

const UNMATCHED = `SELECT o.id AS orderId, o.shop_id AS shopId, sh.name AS shop, o.platform_order_id AS platformOrderId, l.id AS lineId, l.title,
    l.variant, l.platform_sku AS platformSku, l.listing_id AS listingId, l.seller_sku AS sellerSku, l.quantity, l.shipped, l.platform_stock AS platformStock, o.status
  FROM order_line l JOIN sales_order o ON o.id = l.order_id JOIN shop sh ON sh.id = o.shop_id`;

export function unmatchedLines(db: Db, shopId?: number, sellerSku?: string): UnmatchedLine[] {
  if (sellerSku !== undefined) {
    return statement(db, `${UNMATCHED} WHERE l.sku_id IS NULL AND l.seller_sku = ? ORDER BY o.placed_at, l.id`).all(sellerSku) as UnmatchedLine[];
  }
  const where = shopId === undefined ? '' : 'AND o.shop_id = ?';
  const sql = `${UNMATCHED} WHERE l.sku_id IS NULL ${where} ORDER BY o.placed_at, l.id`;
  return (shopId === undefined ? statement(db, sql).all() : statement(db, sql).all(shopId)) as UnmatchedLine[];
}

export function setLineSku(db: Db, lineId: number, skuId: number): void {
  statement(db, 'UPDATE order_line SET sku_id = ? WHERE id = ?').run(skuId, lineId);
}

/** Whether a return names the order line. */
export function lineReturned(db: Db, lineId: number): boolean {
  return statement(db, 'SELECT EXISTS (SELECT 1 FROM return_line WHERE order_line_id = ?)').pluck().get(lineId) === 1;
}

/** Removes the shipment lines of an order line; returns their shipments. */
export function takeShipmentLines(db: Db, lineId: number): number[] {
  const shipments = statement(db, 'SELECT shipment_id FROM shipment_line WHERE order_line_id = ? ORDER BY shipment_id').pluck().all(lineId) as number[];
  if (shipments.length > 0) statement(db, 'DELETE FROM shipment_line WHERE order_line_id = ?').run(lineId);
  return shipments;
}
