import type { Migration } from './index.js';

/**
 * Every change to an order's `refunded`, with when it happened: the KPI report's refunds are money refunded in its
 * period, whether a return, an import or a cancellation gave it back. Earlier refunds are carried over: each
 * return's at its refund time, the rest of an order's (an import's) at the order's latest stated time; and a paid
 * order cancelled before now, which kept its payment, gives it back when it was cancelled (as `order cancel` now does).
 */
export const orderRefunds: Migration = {
  version: 11,
  name: 'order_refunds',
  sql: `
CREATE TABLE order_refund (
  id        INTEGER PRIMARY KEY,
  order_id  INTEGER NOT NULL REFERENCES sales_order (id),
  at        INTEGER NOT NULL,
  amount    INTEGER NOT NULL,
  source    TEXT NOT NULL CHECK (source IN ('return','import','cancel')),
  return_id INTEGER REFERENCES return_request (id)
) STRICT;
CREATE INDEX order_refund_at ON order_refund (at);
CREATE INDEX order_refund_order ON order_refund (order_id);

INSERT INTO order_refund (order_id, at, amount, source, return_id)
  SELECT order_id, refunded_at, refund_amount, 'return', id FROM return_request WHERE refunded_at IS NOT NULL AND refund_amount > 0;
INSERT INTO order_refund (order_id, at, amount, source)
  SELECT o.id, coalesce(o.cancelled_at, o.completed_at, o.delivered_at, o.shipped_at, o.paid_at, o.placed_at),
    o.refunded - coalesce((SELECT sum(r.amount) FROM order_refund r WHERE r.order_id = o.id), 0), 'import'
  FROM sales_order o
  WHERE o.refunded <> coalesce((SELECT sum(r.amount) FROM order_refund r WHERE r.order_id = o.id), 0);
INSERT INTO order_refund (order_id, at, amount, source)
  SELECT id, coalesce(cancelled_at, updated_at), paid - refunded, 'cancel' FROM sales_order WHERE status = 'cancelled' AND paid > refunded;
UPDATE sales_order SET refunded = paid WHERE status = 'cancelled' AND paid > refunded;
`,
};
