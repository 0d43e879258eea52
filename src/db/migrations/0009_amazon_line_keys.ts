import type { Migration } from './index.js';

/**
 * Amazon's All Orders report has no order-item-id, so its lines are keyed by SKU (else ASIN, else title); the
 * Unshipped and legacy reports were keyed by order-item-id, and the same order read from both got its lines twice.
 * Every Amazon layout now keys by SKU: lines stored under an order-item-id take that key, where it is unambiguous
 * in their order (an order with two lines of one SKU keeps its keys).
 */
export const amazonLineKeys: Migration = {
  version: 9,
  name: 'amazon_line_keys',
  sql: `
UPDATE order_line SET line_key = coalesce(seller_sku, listing_id, title)
WHERE order_id IN (SELECT o.id FROM sales_order o JOIN shop s ON s.id = o.shop_id WHERE s.platform = 'amazon')
  AND line_key <> coalesce(seller_sku, listing_id, title)
  AND NOT EXISTS (SELECT 1 FROM order_line other WHERE other.order_id = order_line.order_id AND other.id <> order_line.id
    AND coalesce(other.seller_sku, other.listing_id, other.title) = coalesce(order_line.seller_sku, order_line.listing_id, order_line.title));
`,
};
