import type { Migration } from './index.js';

/** Customers, orders with lines, shipments, and the order event log. */
export const orders: Migration = {
  version: 2,
  name: 'orders',
  sql: `
CREATE TABLE customer (
  id                INTEGER PRIMARY KEY,
  shop_id           INTEGER NOT NULL REFERENCES shop (id),
  platform_buyer_id TEXT,
  name              TEXT,
  phone             TEXT,
  email             TEXT,
  tags              TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
  note              TEXT,
  created_at        INTEGER NOT NULL,
  UNIQUE (shop_id, platform_buyer_id)
) STRICT;
CREATE INDEX customer_phone ON customer (shop_id, phone) WHERE phone IS NOT NULL;
CREATE INDEX customer_email ON customer (shop_id, email) WHERE email IS NOT NULL;

CREATE TABLE sales_order (
  id                INTEGER PRIMARY KEY,
  shop_id           INTEGER NOT NULL REFERENCES shop (id),
  platform_order_id TEXT NOT NULL CHECK (length(platform_order_id) > 0),
  customer_id       INTEGER REFERENCES customer (id),
  status            TEXT NOT NULL CHECK (status IN ('pending_payment','paid','picking','packed','partially_shipped','shipped','delivered','completed','on_hold','cancelled')),
  held_from         TEXT CHECK (held_from IN ('paid','picking','packed')),
  currency          TEXT NOT NULL CHECK (length(currency) = 3),
  item_subtotal     INTEGER NOT NULL DEFAULT 0,
  shipping          INTEGER NOT NULL DEFAULT 0 CHECK (shipping >= 0),
  discount          INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0),
  tax               INTEGER NOT NULL DEFAULT 0 CHECK (tax >= 0),
  total             INTEGER NOT NULL,
  paid              INTEGER NOT NULL DEFAULT 0 CHECK (paid >= 0),
  refunded          INTEGER NOT NULL DEFAULT 0 CHECK (refunded >= 0),
  ship_name         TEXT,
  ship_phone        TEXT,
  ship_province     TEXT,
  ship_city         TEXT,
  ship_district     TEXT,
  ship_street       TEXT,
  ship_postcode     TEXT,
  ship_country      TEXT,
  buyer_note        TEXT,
  seller_memo       TEXT,
  hold_reason       TEXT,
  cancel_reason     TEXT,
  source            TEXT NOT NULL DEFAULT 'manual' CHECK (source IN ('manual','import','split')),
  placed_at         INTEGER NOT NULL,
  paid_at           INTEGER,
  shipped_at        INTEGER,
  delivered_at      INTEGER,
  completed_at      INTEGER,
  cancelled_at      INTEGER,
  updated_at        INTEGER NOT NULL,
  UNIQUE (shop_id, platform_order_id),
  CHECK ((status = 'on_hold') = (held_from IS NOT NULL))
) STRICT;
CREATE INDEX sales_order_status ON sales_order (status, paid_at);
CREATE INDEX sales_order_shop_placed ON sales_order (shop_id, placed_at);
CREATE INDEX sales_order_customer ON sales_order (customer_id, placed_at);
CREATE INDEX sales_order_platform_id ON sales_order (platform_order_id);

CREATE TABLE order_line (
  id            INTEGER PRIMARY KEY,
  order_id      INTEGER NOT NULL REFERENCES sales_order (id),
  line_key      TEXT NOT NULL,
  sku_id        INTEGER REFERENCES sku (id),
  platform_sku  TEXT,
  listing_id    TEXT,
  title         TEXT NOT NULL,
  variant       TEXT,
  quantity      INTEGER NOT NULL CHECK (quantity > 0),
  unit_price    INTEGER NOT NULL CHECK (unit_price >= 0),
  discount      INTEGER NOT NULL DEFAULT 0 CHECK (discount >= 0),
  reserved      INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  shipped       INTEGER NOT NULL DEFAULT 0 CHECK (shipped >= 0 AND shipped <= quantity),
  UNIQUE (order_id, line_key),
  CHECK (reserved + shipped <= quantity)
) STRICT;
CREATE INDEX order_line_sku ON order_line (sku_id) WHERE sku_id IS NOT NULL;
CREATE INDEX order_line_unmatched ON order_line (order_id) WHERE sku_id IS NULL;

CREATE TABLE shipment (
  id              INTEGER PRIMARY KEY,
  order_id        INTEGER NOT NULL REFERENCES sales_order (id),
  carrier         TEXT NOT NULL CHECK (length(carrier) > 0),
  tracking_number TEXT NOT NULL CHECK (length(tracking_number) > 0),
  shipped_at      INTEGER NOT NULL,
  delivered_at    INTEGER
) STRICT;
CREATE INDEX shipment_order ON shipment (order_id);
CREATE INDEX shipment_time ON shipment (shipped_at);

CREATE TABLE shipment_line (
  shipment_id   INTEGER NOT NULL REFERENCES shipment (id),
  order_line_id INTEGER NOT NULL REFERENCES order_line (id),
  quantity      INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (shipment_id, order_line_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE order_event (
  id         INTEGER PRIMARY KEY,
  order_id   INTEGER NOT NULL REFERENCES sales_order (id),
  at         INTEGER NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('created','status','payment','address','lines','tracking','memo','hold','merge','split','import','note')),
  from_value TEXT,
  to_value   TEXT,
  note       TEXT
) STRICT;
CREATE INDEX order_event_order ON order_event (order_id, at);

ALTER TABLE stock_movement ADD COLUMN order_id INTEGER REFERENCES sales_order (id);
CREATE INDEX stock_movement_order ON stock_movement (order_id) WHERE order_id IS NOT NULL;
`,
};
