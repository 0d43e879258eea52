import { statement, type Db } from '../open.js';
import type { Order } from '../../domain/orders/types.js';
import { ORDER_SELECT, toOrder, type OrderRow } from './orders.js';

/** The buyer's other live orders placed within the window (likely duplicates). */
export function recentOrdersOfCustomer(db: Db, customerId: number, exceptId: number, from: number, until: number): Order[] {
  return (
    statement(db, `${ORDER_SELECT} WHERE o.customer_id = ? AND o.id <> ? AND o.placed_at BETWEEN ? AND ? AND o.status <> 'cancelled' ORDER BY o.placed_at`)
      .all(customerId, exceptId, from, until) as OrderRow[]
  ).map(toOrder);
}

/** Average units per order line of this SKU on other orders (1 when it has never sold). */
export function typicalQuantity(db: Db, skuId: number, exceptOrderId: number): number {
  const row = statement(db, 'SELECT avg(quantity) AS avg FROM order_line WHERE sku_id = ? AND order_id <> ?').get(skuId, exceptOrderId) as { avg: number | null };
  return row.avg ?? 1;
}
