import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import * as q from '../../db/queries/orders.js';
import { conflict } from '../errors.js';
import { logEvent, setStatus } from './events.js';
import { findOrder, orderDetail } from './find.js';
import { allocateItems } from './items.js';
import type { Address, ItemSpec, Order, OrderDetail, OrderLine, OrderStatus } from './types.js';

const UNSHIPPED: readonly OrderStatus[] = ['pending_payment', 'paid', 'picking', 'packed'];
const norm = (v: string | null) => (v ?? '').trim().toLowerCase().replace(/\s+/g, ' ');
export const sameAddress = (a: Address, b: Address) =>
  (['name', 'phone', 'province', 'city', 'district', 'street', 'postcode', 'country'] as const).every((k) => norm(a[k]) === norm(b[k]));

function assertUnshipped(order: Order, action: string): void {
  if (!UNSHIPPED.includes(order.status)) {
    throw conflict('order.notMergeable', { order: order.platformOrderId, status: order.status, action }, { key: 'order.notMergeable.hint' });
  }
}

/**
 * Merges B into A: same shop, buyer and address, neither shipped nor held, both paid or both unpaid. B's lines
 * (and their reservations) move to A, the money adds up on A, and B is cancelled as "merged into A".
 */
export function mergeOrders(db: Db, a: { ref: string; shop?: string }, b: { ref: string; shop?: string }, now: number): { into: OrderDetail; from: OrderDetail } {
  return writeTransaction(db, () => {
    const into = findOrder(db, a.ref, a.shop);
    const from = findOrder(db, b.ref, b.shop);
    if (into.id === from.id) throw conflict('order.mergeSelf', { order: into.platformOrderId });
    assertUnshipped(into, 'merge');
    assertUnshipped(from, 'merge');
    const paid = (o: Order) => o.status !== 'pending_payment';
    if (into.shopId !== from.shopId || into.customerId !== from.customerId || !sameAddress(into.address, from.address) || paid(into) !== paid(from)) {
      throw conflict('order.mergeMismatch', { a: into.platformOrderId, b: from.platformOrderId }, { key: 'order.mergeMismatch.hint' });
    }
    for (const line of q.linesOf(db, from.id)) q.saveLine(db, { ...line, orderId: into.id, lineKey: `${from.platformOrderId}:${line.lineKey}` });
    for (const k of ['itemSubtotal', 'shipping', 'discount', 'tax', 'total', 'paid'] as const) {
      into[k] += from[k];
      from[k] = 0;
    }
    if (into.status !== 'pending_payment' && into.status !== 'paid') setStatus(into, 'paid', db, now, 'merged: pick and pack again');
    logEvent(db, into, now, 'merge', from.platformOrderId, into.platformOrderId, null);
    logEvent(db, from, now, 'merge', from.platformOrderId, into.platformOrderId, null);
    from.cancelReason = `merged into ${into.platformOrderId}`;
    from.cancelledAt = now;
    setStatus(from, 'cancelled', db, now, from.cancelReason);
    q.saveOrder(db, into, now);
    q.saveOrder(db, from, now);
    return { into: orderDetail(db, q.orderById(db, into.id)!), from: orderDetail(db, q.orderById(db, from.id)!) };
  });
}

/**
 * Moves the named units into a new order ("<number>-S1") with the same buyer and address; reservations go with
 * them. The new order's money is its items' value; a paid order's payment is split the same way.
 */
export function splitOrder(db: Db, target: { ref: string; shop?: string }, items: ItemSpec[], now: number): { original: OrderDetail; created: OrderDetail } {
  return writeTransaction(db, () => {
    const order = findOrder(db, target.ref, target.shop);
    assertUnshipped(order, 'split');
    const lines = q.linesOf(db, order.id);
    // An item the platform cancelled stays where it is: it has no units to move.
    const movable = (l: OrderLine) => (l.cancelled ? 0 : l.quantity);
    const moves = allocateItems(order, lines, items, movable);
    const unitsLeft = lines.reduce((sum, l) => sum + movable(l), 0) - [...moves.values()].reduce((a, b) => a + b, 0);
    if (unitsLeft === 0) throw conflict('order.splitAll', { order: order.platformOrderId });
    const value = [...moves].reduce((sum, [l, n]) => sum + n * l.unitPrice, 0);
    let n = 1;
    while (q.ordersByPlatformId(db, `${order.platformOrderId}-S${n}`, order.shopId).length > 0) n++;
    const paid = order.status !== 'pending_payment';
    const newId = q.insertOrder(db, {
      shopId: order.shopId,
      platformOrderId: `${order.platformOrderId}-S${n}`,
      customerId: order.customerId,
      status: paid ? 'paid' : 'pending_payment',
      currency: order.currency,
      itemSubtotal: value,
      shipping: 0,
      discount: 0,
      tax: 0,
      total: value,
      paid: paid ? Math.min(value, order.paid) : 0,
      address: order.address,
      buyerNote: order.buyerNote,
      sellerMemo: order.sellerMemo,
      source: 'split',
      placedAt: order.placedAt,
      paidAt: order.paidAt,
    });
    for (const [line, units] of moves) {
      const reservedMoving = Math.min(line.reserved, units);
      if (units === line.quantity) q.saveLine(db, { ...line, orderId: newId });
      else {
        const id = q.insertLine(db, { orderId: newId, lineKey: line.lineKey, skuId: line.skuId, platformSku: line.platformSku, listingId: line.listingId, title: line.title, variant: line.variant, quantity: units, unitPrice: line.unitPrice, discount: 0 });
        q.saveLine(db, { ...q.linesOf(db, newId).find((l) => l.id === id)!, reserved: reservedMoving });
        q.saveLine(db, { ...line, quantity: line.quantity - units, reserved: line.reserved - reservedMoving });
      }
    }
    order.itemSubtotal -= value;
    order.total -= value;
    if (paid) order.paid -= Math.min(value, order.paid);
    if (order.status === 'picking' || order.status === 'packed') setStatus(order, 'paid', db, now, 'split: pick and pack again');
    const created = q.orderById(db, newId)!;
    logEvent(db, created, now, 'created', null, created.status, `split from ${order.platformOrderId}`);
    logEvent(db, order, now, 'split', order.platformOrderId, created.platformOrderId, null);
    q.saveOrder(db, order, now);
    return { original: orderDetail(db, q.orderById(db, order.id)!), created: orderDetail(db, created) };
  });
}
