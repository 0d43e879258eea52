import type { Migration } from './index.js';

/** Import runs (what was read, when, with what outcome), each imported order's content hash, a line's SKU text as the file gave it. */
export const imports: Migration = {
  version: 3,
  name: 'imports',
  sql: `
CREATE TABLE import_run (
  id               INTEGER PRIMARY KEY,
  shop_id          INTEGER NOT NULL REFERENCES shop (id),
  files            TEXT NOT NULL CHECK (json_valid(files) AND json_type(files) = 'array'),
  orders_new       INTEGER NOT NULL CHECK (orders_new >= 0),
  orders_updated   INTEGER NOT NULL CHECK (orders_updated >= 0),
  orders_unchanged INTEGER NOT NULL CHECK (orders_unchanged >= 0),
  lines            INTEGER NOT NULL CHECK (lines >= 0),
  rejected         INTEGER NOT NULL CHECK (rejected >= 0),
  started_at       INTEGER NOT NULL,
  finished_at      INTEGER NOT NULL
) STRICT;
CREATE INDEX import_run_time ON import_run (started_at);

ALTER TABLE sales_order ADD COLUMN import_hash TEXT;
ALTER TABLE order_line ADD COLUMN seller_sku TEXT;
CREATE INDEX order_line_unmatched_sku ON order_line (seller_sku) WHERE sku_id IS NULL;
`,
};
