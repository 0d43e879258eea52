import type { Migration } from './index.js';

/**
 * A line shipped from the platform's own warehouse (Amazon FBA) never moves or reserves the seller's stock, now or
 * when its SKU is linked later: the line says so.
 */
export const platformStock: Migration = {
  version: 10,
  name: 'platform_stock',
  sql: `
ALTER TABLE order_line ADD COLUMN platform_stock INTEGER NOT NULL DEFAULT 0 CHECK (platform_stock IN (0, 1));
`,
};
