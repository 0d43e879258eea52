import type { Db } from '../../db/open.js';
import { insertEvent } from '../../db/queries/orders.js';
import type { EventKind, Order } from './types.js';

/** One line of an order's timeline: what changed, from what to what, and why. */
export function logEvent(db: Db, order: Pick<Order, 'id'>, at: number, kind: EventKind, from: string | null, to: string | null, note: string | null = null): void {
  insertEvent(db, order.id, at, kind, from, to, note);
}

/** Moves an order to `to`, recording the change. */
export function setStatus(order: Order, to: Order['status'], db: Db, at: number, note: string | null = null): void {
  logEvent(db, order, at, 'status', order.status, to, note);
  order.status = to;
}
