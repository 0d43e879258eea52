import type { Migration } from './index.js';

/**
 * An item the platform cancelled inside an order that goes on (an Amazon item-status Cancelled, a Douyin sub-order
 * refunded): the line stays, holding and shipping nothing, and says so, so an export read back keeps it cancelled.
 */
export const lineCancelled: Migration = {
  version: 12,
  name: 'line_cancelled',
  sql: `
ALTER TABLE order_line ADD COLUMN cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1));
`,
};
