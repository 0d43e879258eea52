import { statement, type Db } from '../open.js';
import type { OrderStatus } from '../../domain/orders/types.js';
import { amountSql } from '../../domain/money.js';

export interface OrderFilter {
  statuses?: OrderStatus[];
  shopId?: number;
  platform?: string;
  ranges?: { shopId: number; from?: number; until?: number }[];
  buyer?: string;
  sku?: string;
  paidBefore?: number;
  /** The shipping queue: oldest payment first. Otherwise newest order first. */
  queue: boolean;
  limit: number;
}

export interface OrderSummary {
  id: number;
  shop: string;
  platform: string;
  timezone: string;
  platformOrderId: string;
  status: OrderStatus;
  currency: string;
  total: number;
  placedAt: number;
  paidAt: number | null;
  buyer: string | null;
  units: number;
  lines: number;
}

const like = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** WHERE clause over `sales_order o JOIN shop sh`, and its parameters. */
function filterSql(f: OrderFilter): { where: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = { limit: f.limit };
  if (f.statuses) where.push(`o.status IN (${f.statuses.map((s) => `'${s}'`).join(', ')})`);
  if (f.shopId !== undefined) {
    where.push('o.shop_id = @shopId');
    params.shopId = f.shopId;
  }
  if (f.platform) {
    where.push('sh.platform = @platform');
    params.platform = f.platform;
  }
  if (f.ranges) {
    const parts = f.ranges.map((r, i) => {
      const bounds = [`o.shop_id = @rs${i}`];
      params[`rs${i}`] = r.shopId;
      if (r.from !== undefined) {
        bounds.push(`o.placed_at >= @rf${i}`);
        params[`rf${i}`] = r.from;
      }
      if (r.until !== undefined) {
        bounds.push(`o.placed_at < @ru${i}`);
        params[`ru${i}`] = r.until;
      }
      return `(${bounds.join(' AND ')})`;
    });
    where.push(parts.length > 0 ? `(${parts.join(' OR ')})` : '0');
  }
  if (f.buyer) {
    where.push(`EXISTS (SELECT 1 FROM customer c WHERE c.id = o.customer_id AND (c.name LIKE @buyer ESCAPE '\\' OR c.phone LIKE @buyer ESCAPE '\\'
      OR c.email LIKE @buyer ESCAPE '\\' OR c.platform_buyer_id = @buyerExact)) OR o.ship_name LIKE @buyer ESCAPE '\\'`);
    params.buyer = like(f.buyer);
    params.buyerExact = f.buyer;
  }
  if (f.sku) {
    where.push('EXISTS (SELECT 1 FROM order_line l JOIN sku s ON s.id = l.sku_id WHERE l.order_id = o.id AND s.code = @sku)');
    params.sku = f.sku;
  }
  if (f.paidBefore !== undefined) {
    where.push('o.paid_at < @paidBefore');
    params.paidBefore = f.paidBefore;
  }
  return { where: where.length > 0 ? `WHERE ${where.map((w) => `(${w})`).join(' AND ')}` : '', params };
}

const orderBy = (f: OrderFilter) => (f.queue ? 'ORDER BY o.paid_at, o.id' : 'ORDER BY o.placed_at DESC, o.id DESC');

export function orderSummaries(db: Db, f: OrderFilter): OrderSummary[] {
  const { where, params } = filterSql(f);
  return statement(db, 
      `SELECT o.id, sh.name AS shop, sh.platform, sh.timezone, o.platform_order_id AS platformOrderId, o.status, o.currency, o.total,
         o.placed_at AS placedAt, o.paid_at AS paidAt, coalesce(o.ship_name, (SELECT name FROM customer c WHERE c.id = o.customer_id)) AS buyer,
         (SELECT coalesce(sum(quantity), 0) FROM order_line l WHERE l.order_id = o.id) AS units,
         (SELECT count(*) FROM order_line l WHERE l.order_id = o.id) AS lines
       FROM sales_order o JOIN shop sh ON sh.id = o.shop_id ${where} ${orderBy(f)} LIMIT @limit`,
    )
    .all(params) as OrderSummary[];
}

const iso = (ms: string) => `strftime('%Y-%m-%dT%H:%M:%fZ', ${ms} / 1000.0, 'unixepoch')`;

/**
 * The order list's JSON, built by SQLite (a shipping queue of thousands of orders prints without a row object
 * per line). Kept equal to views/orders.ts orderListJson by a test.
 */
export function orderListJsonText(db: Db, f: OrderFilter): string {
  const { where, params } = filterSql(f);
  const sql = `SELECT coalesce(json_group_array(json_object(
      'id', o.id, 'shop', sh.name, 'platform', sh.platform, 'platformOrderId', o.platform_order_id, 'status', o.status,
      'currency', o.currency, 'total', ${amountSql('o.total', 'o.currency')}, 'paid', ${amountSql('o.paid', 'o.currency')},
      'placedAt', ${iso('o.placed_at')}, 'paidAt', CASE WHEN o.paid_at IS NULL THEN NULL ELSE ${iso('o.paid_at')} END,
      'lines', (SELECT coalesce(json_group_array(json_object('sku', s.code, 'title', l.title, 'quantity', l.quantity,
          'unitPrice', ${amountSql('l.unit_price', 'o.currency')}, 'shipped', l.shipped)), '[]')
        FROM order_line l LEFT JOIN sku s ON s.id = l.sku_id WHERE l.order_id = o.id)
    )), '[]') FROM (SELECT o.* FROM sales_order o JOIN shop sh ON sh.id = o.shop_id ${where} ${orderBy(f)} LIMIT @limit) o
    JOIN shop sh ON sh.id = o.shop_id`;
  return statement(db, sql).pluck().get(params) as string;
}
