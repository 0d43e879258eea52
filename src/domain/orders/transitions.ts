import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import * as q from '../../db/queries/orders.js';
import { recordRefund } from '../../db/queries/refunds.js';
import { conflict, usageError } from '../errors.js';
import { parseMoney } from '../money.js';
import { logEvent, setStatus } from './events.js';
import { findOrder, orderDetail } from './find.js';
import { assertMove } from './lifecycle.js';
import { releaseLines, reserveLines } from './reservations.js';
import type { Order, OrderDetail, OrderStatus } from './types.js';

export interface OrderRef {
  ref: string;
  shop?: string;
}

/** Runs one change to one order in a transaction and returns the order as it now stands. */
function change(db: Db, target: OrderRef, work: (order: Order) => void, now: number): OrderDetail {
  return writeTransaction(db, () => {
    const order = findOrder(db, target.ref, target.shop);
    work(order);
    q.saveOrder(db, order, now);
    return orderDetail(db, q.orderById(db, order.id)!);
  });
}

/** Payment inside the caller's transaction: reserves the stock, records the amount. */
export function payLoaded(db: Db, order: Order, options: { at: number; amount?: number }): void {
  assertMove(order, 'paid');
  reserveLines(db, order, q.linesOf(db, order.id));
  setStatus(order, 'paid', db, options.at);
  order.paid = options.amount ?? order.total;
  order.paidAt = options.at;
  logEvent(db, order, options.at, 'payment', null, String(order.paid));
  q.saveOrder(db, order, options.at);
}

export function payOrder(db: Db, target: OrderRef, options: { amount?: string }, now: number): OrderDetail {
  return change(db, target, (order) => {
    const amount = options.amount === undefined ? undefined : parseMoney(options.amount, order.currency, '--amount');
    payLoaded(db, order, { at: now, amount });
  }, now);
}

export function holdOrder(db: Db, target: OrderRef, reason: string, now: number): OrderDetail {
  if (reason.trim() === '') throw usageError('input.missingFlag', { flag: '--reason' });
  return change(db, target, (order) => {
    assertMove(order, 'on_hold');
    order.heldFrom = order.status;
    order.holdReason = reason.trim();
    setStatus(order, 'on_hold', db, now, order.holdReason);
  }, now);
}

/** Back to where it was held from (paid, picking or packed); the reservation never left. */
export function releaseOrder(db: Db, target: OrderRef, now: number): OrderDetail {
  return change(db, target, (order) => {
    if (order.status !== 'on_hold' || order.heldFrom === null) throw conflict('order.notHeld', { order: order.platformOrderId, status: order.status });
    const back: OrderStatus = order.heldFrom;
    assertMove(order, back, true);
    order.heldFrom = null;
    order.holdReason = null;
    setStatus(order, back, db, now);
  }, now);
}

export function cancelOrder(db: Db, target: OrderRef, reason: string, now: number): OrderDetail {
  if (reason.trim() === '') throw usageError('input.missingFlag', { flag: '--reason' });
  return change(db, target, (order) => {
    assertMove(order, 'cancelled');
    releaseLines(db, q.linesOf(db, order.id));
    order.heldFrom = null;
    order.cancelReason = reason.trim();
    order.cancelledAt = now;
    // A paid order cancelled gives the buyer back what is left of the payment.
    const back = order.paid - order.refunded;
    if (back > 0) {
      logEvent(db, order, now, 'payment', `refunded ${order.refunded}`, `refunded ${order.paid}`, order.cancelReason);
      order.refunded = order.paid;
      recordRefund(db, order.id, now, back, 'cancel');
    }
    setStatus(order, 'cancelled', db, now, order.cancelReason);
  }, now);
}

export function deliverOrder(db: Db, target: OrderRef, now: number): OrderDetail {
  return change(db, target, (order) => {
    assertMove(order, 'delivered');
    q.markShipmentsDelivered(db, order.id, now);
    order.deliveredAt = now;
    setStatus(order, 'delivered', db, now);
  }, now);
}

export function completeOrder(db: Db, target: OrderRef, now: number): OrderDetail {
  return change(db, target, (order) => {
    assertMove(order, 'completed');
    order.completedAt = now;
    setStatus(order, 'completed', db, now);
  }, now);
}

/** paid → picking (a pick list was printed for it); inside the caller's transaction. */
export function startPicking(db: Db, order: Order, now: number): boolean {
  if (order.status !== 'paid') return false;
  setStatus(order, 'picking', db, now);
  q.saveOrder(db, order, now);
  return true;
}

/** paid/picking → packed (a packing slip was printed for it); inside the caller's transaction. */
export function markPacked(db: Db, order: Order, now: number): void {
  if (order.status === 'packed') return;
  assertMove(order, 'packed');
  setStatus(order, 'packed', db, now);
  q.saveOrder(db, order, now);
}

export function setMemo(db: Db, target: OrderRef, memo: string, now: number): OrderDetail {
  return change(db, target, (order) => {
    logEvent(db, order, now, 'memo', order.sellerMemo, memo.trim() || null);
    order.sellerMemo = memo.trim() || null;
  }, now);
}
