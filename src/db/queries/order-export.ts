import { statement, type Db } from '../open.js';
import type { OrderRow } from './orders.js';

/** Parameters of an export: per-shop --since windows and the statuses, as JSON arrays. */
export interface ExportParams {
  windows: string;
  statuses: string | null;
}

const PICKED = `WITH win AS (
    SELECT json_extract(value, '$.shopId') AS shop_id, json_extract(value, '$.since') AS since FROM json_each(@windows)
  ), picked AS (
    SELECT o.id FROM sales_order o JOIN win ON win.shop_id = o.shop_id
    WHERE (win.since IS NULL OR o.placed_at >= win.since)
      AND (@statuses IS NULL OR o.status IN (SELECT value FROM json_each(@statuses)))
  )`;

export interface ExportOrderRow extends OrderRow {
  buyer_id: string | null;
  buyer_name: string | null;
  buyer_phone: string | null;
  buyer_email: string | null;
  carrier: string | null;
  tracking_number: string | null;
}

export interface ExportLineRow {
  order_id: number;
  line_key: string;
  sku_code: string | null;
  seller_sku: string | null;
  platform_sku: string | null;
  listing_id: string | null;
  title: string;
  variant: string | null;
  quantity: number;
  unit_price: number;
  discount: number;
  shipped: number;
  cancelled: number;
}

export function exportOrderRows(db: Db, params: ExportParams): ExportOrderRow[] {
  return statement(
    db,
    `${PICKED}
     SELECT o.*, sh.name AS shop_name, sh.platform, sh.timezone,
            c.platform_buyer_id AS buyer_id, c.name AS buyer_name, c.phone AS buyer_phone, c.email AS buyer_email,
            t.carrier, t.tracking_number
     FROM picked p
     JOIN sales_order o ON o.id = p.id
     JOIN shop sh ON sh.id = o.shop_id
     LEFT JOIN customer c ON c.id = o.customer_id
     LEFT JOIN shipment t ON t.id = (SELECT s.id FROM shipment s WHERE s.order_id = o.id ORDER BY s.shipped_at DESC, s.id DESC LIMIT 1)
     ORDER BY sh.name, sh.id, o.placed_at, o.id`,
  ).all(params) as ExportOrderRow[];
}

export function exportLineRows(db: Db, params: ExportParams): ExportLineRow[] {
  return statement(
    db,
    `${PICKED}
     SELECT l.order_id, l.line_key, k.code AS sku_code, l.seller_sku, l.platform_sku, l.listing_id, l.title, l.variant,
            l.quantity, l.unit_price, l.discount, l.shipped, l.cancelled
     FROM order_line l JOIN picked p ON p.id = l.order_id LEFT JOIN sku k ON k.id = l.sku_id
     ORDER BY l.order_id, l.id`,
  ).all(params) as ExportLineRow[];
}
