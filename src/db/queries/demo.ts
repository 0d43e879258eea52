import { statement, type Db } from '../open.js';

export interface Delivered {
  ref: string;
  shop: string;
  platform: string;
  deliveredAt: number;
  sku: string;
  quantity: number;
  buyer: string | null;
  unitPrice: number;
  currency: string;
}

/** Orders that reached their buyer, with their first SKU: what reviews, tickets and returns are about. */
export function deliveredOrders(db: Db): Delivered[] {
  return statement(
    db,
    `SELECT o.platform_order_id AS ref, sh.name AS shop, sh.platform, o.delivered_at AS deliveredAt, s.code AS sku, l.quantity, o.ship_name AS buyer,
       l.unit_price AS unitPrice, o.currency
     FROM sales_order o JOIN shop sh ON sh.id = o.shop_id
     JOIN order_line l ON l.id = (SELECT min(id) FROM order_line WHERE order_id = o.id AND sku_id IS NOT NULL AND shipped > 0)
     JOIN sku s ON s.id = l.sku_id
     WHERE o.delivered_at IS NOT NULL ORDER BY o.delivered_at`,
  ).all() as Delivered[];
}
