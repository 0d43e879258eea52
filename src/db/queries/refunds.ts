import { statement, type Db } from '../open.js';

/** Where a refund came from: a return refunded, an import that found more (or less) refunded, a paid order cancelled. */
export type RefundSource = 'return' | 'import' | 'cancel';

/** One change of an order's `refunded`, at the time it happened (a correction may be negative). */
export function recordRefund(db: Db, orderId: number, at: number, amount: number, source: RefundSource, returnId: number | null = null): void {
  if (amount === 0) return;
  statement(db, 'INSERT INTO order_refund (order_id, at, amount, source, return_id) VALUES (?, ?, ?, ?, ?)').run(orderId, at, amount, source, returnId);
}

/** Money refunded in [from, until) per currency, on one shop's orders, whatever gave it back. */
export function refundsIn(db: Db, shopId: number, from: number, until: number): { currency: string; amount: number }[] {
  return statement(
    db,
    `SELECT o.currency, sum(r.amount) AS amount FROM order_refund r JOIN sales_order o ON o.id = r.order_id
     WHERE r.at >= ? AND r.at < ? AND +o.shop_id = ? GROUP BY o.currency HAVING sum(r.amount) <> 0 ORDER BY o.currency`,
  ).all(from, until, shopId) as { currency: string; amount: number }[];
}

/** Orders whose `refunded` is not the sum of their refunds (db check). */
export function refundMismatches(db: Db): { order: string; refunded: number; ledger: number }[] {
  return statement(
    db,
    `SELECT o.platform_order_id AS "order", o.refunded, coalesce(sum(r.amount), 0) AS ledger FROM sales_order o LEFT JOIN order_refund r ON r.order_id = o.id
     GROUP BY o.id HAVING o.refunded <> coalesce(sum(r.amount), 0)`,
  ).all() as { order: string; refunded: number; ledger: number }[];
}
