import { statement, type Db } from '../open.js';

/** One shipment with its order and shop, as the tracking exports read it. */
export interface TrackingShipmentRow {
  id: number;
  order_id: number;
  platform_order_id: string;
  shop_name: string;
  platform: string;
  timezone: string;
  carrier: string;
  tracking_number: string;
  shipped_at: number;
}

/** One line of a shipment: which order line, and how many of its units went in that parcel. */
export interface TrackingLineRow {
  shipment_id: number;
  line_key: string;
  sku_code: string | null;
  platform_sku: string | null;
  title: string;
  quantity: number;
}

/** A shop to read, with its own lower bound on shipment time (null: from the beginning). */
export interface ShopWindow {
  shopId: number;
  since: number | null;
}

// The shops and their bounds travel as one JSON parameter, so one statement serves any number of shops
// (each shop reads --since in its own time zone, so the bounds differ).
const WINDOWS = `WITH win AS (
  SELECT json_extract(value, '$.shopId') AS shop_id, json_extract(value, '$.since') AS since FROM json_each(?)
)`;

/** Shipments of the given shops shipped at or after each shop's bound, oldest first. */
export function shipmentsInWindows(db: Db, windows: readonly ShopWindow[]): TrackingShipmentRow[] {
  return statement(db, 
      `${WINDOWS}
       SELECT s.id, s.order_id, o.platform_order_id, sh.name AS shop_name, sh.platform, sh.timezone,
              s.carrier, s.tracking_number, s.shipped_at
       FROM shipment s
       JOIN sales_order o ON o.id = s.order_id
       JOIN shop sh ON sh.id = o.shop_id
       JOIN win ON win.shop_id = o.shop_id
       WHERE win.since IS NULL OR s.shipped_at >= win.since
       ORDER BY s.shipped_at, s.id`,
    )
    .all(JSON.stringify(windows)) as TrackingShipmentRow[];
}

/** The lines of those same shipments, in order-line order within each shipment. */
export function shipmentLinesInWindows(db: Db, windows: readonly ShopWindow[]): TrackingLineRow[] {
  return statement(db, 
      `${WINDOWS}
       SELECT sl.shipment_id, l.line_key, k.code AS sku_code, l.platform_sku, l.title, sl.quantity
       FROM shipment s
       JOIN sales_order o ON o.id = s.order_id
       JOIN win ON win.shop_id = o.shop_id
       JOIN shipment_line sl ON sl.shipment_id = s.id
       JOIN order_line l ON l.id = sl.order_line_id
       LEFT JOIN sku k ON k.id = l.sku_id
       WHERE win.since IS NULL OR s.shipped_at >= win.since
       ORDER BY sl.shipment_id, l.id`,
    )
    .all(JSON.stringify(windows)) as TrackingLineRow[];
}
