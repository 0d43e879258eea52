import type { Db } from '../../db/open.js';
import * as q from '../../db/queries/orders.js';
import { notFound, usageError } from '../errors.js';
import { findShop } from '../shops/shops.js';
import type { Order, OrderDetail } from './types.js';

/**
 * An order by its platform order number (any shop, or the one named), or by shopkeep's own id as "id:12"
 * (not "#12": Shopify's order names look like that). A number found in several shops asks for --shop.
 */
export function findOrder(db: Db, ref: string, shopName?: string): Order {
  const r = ref.trim();
  const own = /^id:(\d+)$/i.exec(r);
  if (own) {
    const order = q.orderById(db, Number(own[1]));
    if (order) return order;
  } else {
    const shopId = shopName === undefined ? undefined : findShop(db, shopName).id;
    const matches = q.ordersByPlatformId(db, r, shopId);
    if (matches.length === 1) return matches[0]!;
    if (matches.length > 1) throw usageError('order.ambiguous', { ref: r, shops: matches.map((o) => o.shopName).join(', ') }, { key: 'order.ambiguous.hint' });
  }
  throw notFound('order.notFound', { ref: r }, { key: 'order.notFound.hint' });
}

export function orderDetail(db: Db, order: Order): OrderDetail {
  return {
    ...order,
    customer: order.customerId === null ? null : (q.customerById(db, order.customerId) ?? null),
    lines: q.linesOf(db, order.id),
    shipments: q.shipmentsOf(db, order.id),
    events: q.eventsOf(db, order.id),
  };
}

export function getOrder(db: Db, ref: string, shopName?: string): OrderDetail {
  return orderDetail(db, findOrder(db, ref, shopName));
}
