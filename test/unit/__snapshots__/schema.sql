-- user_version 1
CREATE INDEX listing_link_platform_sku ON listing_link (shop_id, platform_sku) WHERE platform_sku <> '';

CREATE INDEX listing_link_sku ON listing_link (sku_id);

CREATE INDEX product_category ON product (category);

CREATE UNIQUE INDEX shop_single_default ON shop (is_default) WHERE is_default = 1;

CREATE INDEX sku_barcode ON sku (barcode) WHERE barcode IS NOT NULL;

CREATE INDEX sku_product ON sku (product_id);

CREATE INDEX stock_movement_sku_time ON stock_movement (sku_id, occurred_at);

CREATE INDEX stock_movement_time ON stock_movement (occurred_at);

CREATE TABLE listing_link (
  id           INTEGER PRIMARY KEY,
  shop_id      INTEGER NOT NULL REFERENCES shop (id),
  sku_id       INTEGER NOT NULL REFERENCES sku (id),
  listing_id   TEXT NOT NULL CHECK (length(listing_id) > 0),
  platform_sku TEXT NOT NULL DEFAULT '',
  created_at   INTEGER NOT NULL,
  UNIQUE (shop_id, listing_id, platform_sku)
) STRICT;

CREATE TABLE product (
  id          INTEGER PRIMARY KEY,
  handle      TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(handle) BETWEEN 1 AND 64),
  title       TEXT NOT NULL CHECK (length(trim(title)) > 0),
  category    TEXT,
  brand       TEXT,
  description TEXT,
  attributes  TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(attributes) AND json_type(attributes) = 'object'),
  status      TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'archived')),
  created_at  INTEGER NOT NULL,
  updated_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE shop (
  id          INTEGER PRIMARY KEY,
  name        TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(name)) > 0),
  platform    TEXT NOT NULL CHECK (platform IN ('taobao','tmall','jd','pdd','douyin','shopify','amazon','etsy','ebay','woocommerce','other')),
  currency    TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
  timezone    TEXT NOT NULL CHECK (length(timezone) > 0),
  is_default  INTEGER NOT NULL DEFAULT 0 CHECK (is_default IN (0, 1)),
  created_at  INTEGER NOT NULL
) STRICT;

CREATE TABLE sku (
  id                  INTEGER PRIMARY KEY,
  product_id          INTEGER NOT NULL REFERENCES product (id),
  code                TEXT NOT NULL COLLATE NOCASE UNIQUE CHECK (length(trim(code)) > 0 AND code = trim(code)),
  barcode             TEXT,
  variant             TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(variant) AND json_type(variant) = 'object'),
  currency            TEXT NOT NULL CHECK (length(currency) = 3 AND currency = upper(currency)),
  cost                INTEGER CHECK (cost >= 0),
  price               INTEGER NOT NULL CHECK (price >= 0),
  weight_g            INTEGER CHECK (weight_g >= 0),
  low_stock_threshold INTEGER NOT NULL DEFAULT 0 CHECK (low_stock_threshold >= 0),
  reorder_point       INTEGER CHECK (reorder_point >= 0),
  lead_time_days      INTEGER CHECK (lead_time_days >= 0),
  location            TEXT,
  allow_backorder     INTEGER NOT NULL DEFAULT 0 CHECK (allow_backorder IN (0, 1)),
  on_hand             INTEGER NOT NULL DEFAULT 0,
  reserved            INTEGER NOT NULL DEFAULT 0 CHECK (reserved >= 0),
  created_at          INTEGER NOT NULL,
  updated_at          INTEGER NOT NULL
) STRICT;

CREATE TABLE stock_movement (
  id            INTEGER PRIMARY KEY,
  sku_id        INTEGER NOT NULL REFERENCES sku (id),
  kind          TEXT NOT NULL CHECK (kind IN ('receive','adjust','count','sale','return','scrap')),
  quantity      INTEGER NOT NULL CHECK (quantity <> 0 OR kind = 'count'),
  on_hand_after INTEGER NOT NULL,
  unit_cost     INTEGER CHECK (unit_cost >= 0),
  reason        TEXT,
  reference     TEXT,
  occurred_at   INTEGER NOT NULL,
  CHECK (kind <> 'receive' OR quantity > 0)
) STRICT;
