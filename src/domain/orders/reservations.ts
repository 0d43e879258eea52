import type { Db } from '../../db/open.js';
import * as q from '../../db/queries/orders.js';
import { skuById } from '../../db/queries/catalog.js';
import { conflict, type Detail } from '../errors.js';
import { recordMovement } from '../inventory/ledger.js';
import type { Order, OrderLine } from './types.js';

/** Units still to reserve; an item the platform cancelled holds none. */
const outstanding = (l: OrderLine) => (l.cancelled ? 0 : l.quantity - l.shipped - l.reserved);

/**
 * Reserves every unshipped unit of the order's matched lines, inside the caller's transaction.
 * Overselling is refused (exit 4) naming each SKU and how many are short, unless the SKU allows backorders.
 */
export function reserveLines(db: Db, order: Order, lines: OrderLine[]): void {
  const need = new Map<number, number>();
  for (const l of lines) if (l.skuId !== null && outstanding(l) > 0) need.set(l.skuId, (need.get(l.skuId) ?? 0) + outstanding(l));
  const short: Detail[] = [];
  for (const [skuId, units] of need) {
    const sku = skuById(db, skuId)!;
    const available = sku.onHand - sku.reserved;
    if (units > available && !sku.allowBackorder) short.push({ key: 'order.shortLine', params: { sku: sku.code, wanted: units, available, short: units - Math.max(available, 0) } });
  }
  if (short.length > 0) throw conflict('order.oversell', { order: order.platformOrderId, count: short.length }, { key: 'order.oversell.hint' }, short);
  for (const l of lines) {
    if (l.skuId === null || outstanding(l) <= 0) continue;
    q.addReserved(db, l.skuId, outstanding(l));
    l.reserved += outstanding(l);
    q.saveLine(db, l);
  }
}

/** Gives back whatever the lines still hold (cancel, merge away, split away). */
export function releaseLines(db: Db, lines: OrderLine[]): void {
  for (const l of lines) {
    if (l.skuId === null || l.reserved === 0) continue;
    q.addReserved(db, l.skuId, -l.reserved);
    l.reserved = 0;
    q.saveLine(db, l);
  }
}

/** Sends `quantity` of a line: a `sale` movement, its reservation used up first. */
export function shipFromLine(db: Db, order: Order, line: OrderLine, quantity: number, at: number): void {
  if (line.skuId !== null) {
    const sku = skuById(db, line.skuId)!;
    recordMovement(db, sku, { kind: 'sale', quantity: -quantity, reference: `order ${order.platformOrderId}`, occurredAt: at, orderId: order.id });
    const used = Math.min(line.reserved, quantity);
    if (used > 0) q.addReserved(db, line.skuId, -used);
    line.reserved -= used;
  }
  line.shipped += quantity;
  q.saveLine(db, line);
}
