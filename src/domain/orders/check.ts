import type { Db } from '../../db/open.js';
import * as q from '../../db/queries/orders.js';
import { recentOrdersOfCustomer, typicalQuantity } from '../../db/queries/order-check.js';
import type { MessageParams } from '../errors.js';
import { findShop } from '../shops/shops.js';
import { findOrder } from './find.js';
import { sameAddress } from './merge-split.js';
import type { Order } from './types.js';

export type FlagCode = 'address_incomplete' | 'phone_missing' | 'sku_unknown' | 'buyer_note' | 'possible_duplicate' | 'unusual_quantity';

export interface Flag {
  code: FlagCode;
  params: MessageParams;
}

export interface CheckedOrder {
  order: Order;
  flags: Flag[];
}

const DAY = 86_400_000;
const OPEN = ['pending_payment', 'paid', 'picking', 'packed', 'on_hold'];

/** What a seller should look at before shipping an order; an empty list means it looks fine. */
export function checkOrder(db: Db, order: Order): Flag[] {
  const flags: Flag[] = [];
  const a = order.address;
  const missing = (['name', 'province', 'city', 'street'] as const).filter((k) => !a[k]);
  if (missing.length > 0) flags.push({ code: 'address_incomplete', params: { fields: missing.join(', ') } });
  if (!a.phone) flags.push({ code: 'phone_missing', params: {} });
  const lines = q.linesOf(db, order.id);
  for (const l of lines) if (l.skuId === null) flags.push({ code: 'sku_unknown', params: { title: l.title, platformSku: l.platformSku ?? '' } });
  if (order.buyerNote) flags.push({ code: 'buyer_note', params: { note: order.buyerNote } });
  if (order.customerId !== null) {
    for (const other of recentOrdersOfCustomer(db, order.customerId, order.id, order.placedAt - DAY, order.placedAt + DAY)) {
      if (sameAddress(other.address, order.address)) flags.push({ code: 'possible_duplicate', params: { other: other.platformOrderId } });
    }
  }
  for (const l of lines) {
    if (l.skuId === null) continue;
    const typical = typicalQuantity(db, l.skuId, order.id);
    const limit = Math.max(5, Math.ceil(3 * typical));
    if (l.quantity > limit) flags.push({ code: 'unusual_quantity', params: { sku: l.skuCode ?? '', quantity: l.quantity, typical: Math.round(typical * 10) / 10 } });
  }
  return flags;
}

/** One order, or every open order (of a shop): only those with something to look at unless `all` flags are wanted. */
export function checkOrders(db: Db, input: { ref?: string; shop?: string }): CheckedOrder[] {
  if (input.ref !== undefined) {
    const order = findOrder(db, input.ref, input.shop);
    return [{ order, flags: checkOrder(db, order) }];
  }
  const shopId = input.shop === undefined ? undefined : findShop(db, input.shop).id;
  return q
    .openOrders(db, OPEN, shopId)
    .map((order) => ({ order, flags: checkOrder(db, order) }))
    .filter((c) => c.flags.length > 0);
}
