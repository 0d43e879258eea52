import type { Migration } from './index.js';

/**
 * Reports read a period's orders and lines from narrow covering indexes, never from the wide rows (addresses, notes,
 * titles), so a month of a 300,000-order shop is a few hundred index pages instead of thousands of table pages:
 * - sales_order_paid and sales_order_shop_placed carry what the KPI and product reports read of an order;
 * - sales_order_customer_paid gains shop_id, so "did this buyer pay in this shop before" is answered by the index alone;
 * - order_line_order_sku carries a line's SKU, quantity and price by order;
 * - returns and shipments are found by their own time, not by walking every order of the shop.
 * The indexes they replace are prefixes of them: every query that used one uses its successor.
 */
export const reportIndexes: Migration = {
  version: 8,
  name: 'report_indexes',
  sql: `
DROP INDEX sales_order_paid;
CREATE INDEX sales_order_paid ON sales_order (shop_id, paid_at, status, currency, paid, customer_id);
DROP INDEX sales_order_shop_placed;
CREATE INDEX sales_order_shop_placed ON sales_order (shop_id, placed_at, status, currency);
DROP INDEX sales_order_customer_paid;
CREATE INDEX sales_order_customer_paid ON sales_order (customer_id, shop_id, paid_at) WHERE customer_id IS NOT NULL;
CREATE INDEX order_line_order_sku ON order_line (order_id, sku_id, quantity, unit_price, discount);
DROP INDEX shipment_time;
CREATE INDEX shipment_time ON shipment (shipped_at, order_id);
CREATE INDEX return_request_opened ON return_request (opened_at);
CREATE INDEX return_request_refunded ON return_request (refunded_at) WHERE refunded_at IS NOT NULL;
`,
};
