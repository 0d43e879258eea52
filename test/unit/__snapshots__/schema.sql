-- user_version 13
CREATE INDEX ad_daily_day ON ad_daily (day);

CREATE INDEX customer_email ON customer (shop_id, email COLLATE NOCASE) WHERE email IS NOT NULL;

CREATE INDEX customer_phone ON customer (shop_id, phone) WHERE phone IS NOT NULL;

CREATE INDEX import_run_time ON import_run (started_at);

CREATE INDEX listing_link_platform_sku ON listing_link (shop_id, platform_sku) WHERE platform_sku <> '';

CREATE INDEX listing_link_sku ON listing_link (sku_id);

CREATE INDEX order_event_order ON order_event (order_id, at);

CREATE INDEX order_line_order_sku ON order_line (order_id, sku_id, quantity, unit_price, discount);

CREATE INDEX order_line_sku ON order_line (sku_id) WHERE sku_id IS NOT NULL;

CREATE INDEX order_line_unmatched ON order_line (order_id) WHERE sku_id IS NULL;

CREATE INDEX order_line_unmatched_sku ON order_line (seller_sku) WHERE sku_id IS NULL;

CREATE INDEX order_refund_at ON order_refund (at);

CREATE INDEX order_refund_order ON order_refund (order_id);

CREATE INDEX product_category ON product (category);

CREATE INDEX return_request_opened ON return_request (opened_at);

CREATE INDEX return_request_order ON return_request (order_id);

CREATE INDEX return_request_refunded ON return_request (refunded_at) WHERE refunded_at IS NOT NULL;

CREATE INDEX return_request_status ON return_request (status, opened_at);

CREATE INDEX review_shop_time ON review (shop_id, reviewed_at);

CREATE INDEX review_sku_time ON review (sku_id, reviewed_at);

CREATE INDEX review_unanswered ON review (rating, replied_at);

CREATE INDEX sales_order_customer ON sales_order (customer_id, placed_at);

CREATE INDEX sales_order_customer_paid ON sales_order (customer_id, shop_id, paid_at) WHERE customer_id IS NOT NULL;

CREATE INDEX sales_order_paid ON sales_order (shop_id, paid_at, status, currency, paid, customer_id);

CREATE INDEX sales_order_platform_id ON sales_order (platform_order_id);

CREATE INDEX sales_order_shop_placed ON sales_order (shop_id, placed_at, status, currency);

CREATE INDEX sales_order_status ON sales_order (status, paid_at);

CREATE INDEX shipment_order ON shipment (order_id);

CREATE INDEX shipment_time ON shipment (shipped_at, order_id);

CREATE UNIQUE INDEX shop_single_default ON shop (is_default) WHERE is_default = 1;

CREATE INDEX sku_barcode ON sku (barcode) WHERE barcode IS NOT NULL;

CREATE INDEX sku_product ON sku (product_id);

CREATE INDEX stock_movement_order ON stock_movement (order_id) WHERE order_id IS NOT NULL;

CREATE INDEX stock_movement_sku_time ON stock_movement (sku_id, occurred_at);

CREATE INDEX stock_movement_time ON stock_movement (occurred_at);

CREATE INDEX ticket_customer ON ticket (customer_id);

CREATE INDEX ticket_message_ticket ON ticket_message (ticket_id, at);

CREATE INDEX ticket_opened ON ticket (shop_id, opened_at);

CREATE INDEX ticket_order ON ticket (order_id);

CREATE INDEX ticket_status_due ON ticket (status, resolution_due);

CREATE UNIQUE INDEX traffic_daily_shop_total ON traffic_daily (shop_id, day, source) WHERE sku_id IS NULL;

CREATE INDEX traffic_daily_sku ON traffic_daily (sku_id, day) WHERE sku_id IS NOT NULL;

CREATE TABLE "ad_daily" (
  id          INTEGER PRIMARY KEY,
  shop_id     INTEGER NOT NULL REFERENCES shop (id),
  day         TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  channel     TEXT NOT NULL CHECK (channel IN ('ztc','yinli','wanxiangtai','qianchuan','ddss','google','meta','amazon','affiliate','other')),
  campaign    TEXT NOT NULL CHECK (length(trim(campaign)) > 0),
  currency    TEXT NOT NULL CHECK (length(currency) = 3),
  spend       INTEGER NOT NULL CHECK (spend >= 0),
  impressions INTEGER CHECK (impressions >= 0),
  clicks      INTEGER CHECK (clicks >= 0),
  orders      INTEGER CHECK (orders >= 0),
  revenue     INTEGER CHECK (revenue >= 0),
  UNIQUE (shop_id, day, channel, campaign)
) STRICT;

CREATE TABLE business_hours (
  id      INTEGER PRIMARY KEY,
  shop_id INTEGER REFERENCES shop (id),
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens   TEXT NOT NULL CHECK (opens GLOB '[0-2][0-9]:[0-5][0-9]'),
  closes  TEXT NOT NULL CHECK (closes GLOB '[0-2][0-9]:[0-5][0-9]' AND closes > opens)
) STRICT;

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

CREATE TABLE holiday (
  id      INTEGER PRIMARY KEY,
  shop_id INTEGER REFERENCES shop (id),
  date    TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  name    TEXT,
  UNIQUE (shop_id, date)
) STRICT;

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

CREATE TABLE listing_link (
  id           INTEGER PRIMARY KEY,
  shop_id      INTEGER NOT NULL REFERENCES shop (id),
  sku_id       INTEGER NOT NULL REFERENCES sku (id),
  listing_id   TEXT NOT NULL CHECK (length(listing_id) > 0),
  platform_sku TEXT NOT NULL DEFAULT '',
  created_at   INTEGER NOT NULL,
  UNIQUE (shop_id, listing_id, platform_sku)
) STRICT;

CREATE TABLE order_event (
  id         INTEGER PRIMARY KEY,
  order_id   INTEGER NOT NULL REFERENCES sales_order (id),
  at         INTEGER NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('created','status','payment','address','lines','tracking','memo','hold','merge','split','import','note')),
  from_value TEXT,
  to_value   TEXT,
  note       TEXT
) STRICT;

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
  shipped       INTEGER NOT NULL DEFAULT 0 CHECK (shipped >= 0 AND shipped <= quantity), seller_sku TEXT, platform_stock INTEGER NOT NULL DEFAULT 0 CHECK (platform_stock IN (0, 1)), cancelled INTEGER NOT NULL DEFAULT 0 CHECK (cancelled IN (0, 1)),
  UNIQUE (order_id, line_key),
  CHECK (reserved + shipped <= quantity)
) STRICT;

CREATE TABLE order_refund (
  id        INTEGER PRIMARY KEY,
  order_id  INTEGER NOT NULL REFERENCES sales_order (id),
  at        INTEGER NOT NULL,
  amount    INTEGER NOT NULL,
  source    TEXT NOT NULL CHECK (source IN ('return','import','cancel')),
  return_id INTEGER REFERENCES return_request (id)
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

CREATE TABLE return_line (
  return_id     INTEGER NOT NULL REFERENCES return_request (id),
  order_line_id INTEGER NOT NULL REFERENCES order_line (id),
  quantity      INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (return_id, order_line_id)
) STRICT, WITHOUT ROWID;

CREATE TABLE return_request (
  id                   INTEGER PRIMARY KEY,
  order_id             INTEGER NOT NULL REFERENCES sales_order (id),
  ticket_id            INTEGER REFERENCES ticket (id),
  type                 TEXT NOT NULL CHECK (type IN ('return','exchange','refund_only','repair')),
  status               TEXT NOT NULL CHECK (status IN ('requested','approved','rejected','received','refunded','closed')),
  reason               TEXT NOT NULL,
  condition            TEXT CHECK (condition IN ('resellable','damaged','scrap')),
  refund_amount        INTEGER NOT NULL DEFAULT 0 CHECK (refund_amount >= 0),
  replacement_order_id INTEGER REFERENCES sales_order (id),
  note                 TEXT,
  opened_at            INTEGER NOT NULL,
  approved_at          INTEGER,
  rejected_at          INTEGER,
  received_at          INTEGER,
  refunded_at          INTEGER,
  closed_at            INTEGER,
  updated_at           INTEGER NOT NULL
) STRICT;

CREATE TABLE review (
  id                 INTEGER PRIMARY KEY,
  shop_id            INTEGER NOT NULL REFERENCES shop (id),
  order_id           INTEGER REFERENCES sales_order (id),
  sku_id             INTEGER REFERENCES sku (id),
  customer_id        INTEGER REFERENCES customer (id),
  platform_review_id TEXT,
  rating             INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
  body               TEXT,
  reviewed_at        INTEGER NOT NULL,
  reply              TEXT,
  replied_at         INTEGER,
  UNIQUE (shop_id, platform_review_id)
) STRICT;

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
  updated_at        INTEGER NOT NULL, import_hash TEXT,
  UNIQUE (shop_id, platform_order_id),
  CHECK ((status = 'on_hold') = (held_from IS NOT NULL))
) STRICT;

CREATE TABLE shipment (
  id              INTEGER PRIMARY KEY,
  order_id        INTEGER NOT NULL REFERENCES sales_order (id),
  carrier         TEXT NOT NULL CHECK (length(carrier) > 0),
  tracking_number TEXT NOT NULL CHECK (length(tracking_number) > 0),
  shipped_at      INTEGER NOT NULL,
  delivered_at    INTEGER
) STRICT;

CREATE TABLE shipment_line (
  shipment_id   INTEGER NOT NULL REFERENCES shipment (id),
  order_line_id INTEGER NOT NULL REFERENCES order_line (id),
  quantity      INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (shipment_id, order_line_id)
) STRICT, WITHOUT ROWID;

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

CREATE TABLE sla_target (
  id                     INTEGER PRIMARY KEY,
  shop_id                INTEGER REFERENCES shop (id),
  type                   TEXT NOT NULL CHECK (type IN ('presale','order','aftersale','complaint','other')),
  first_response_minutes INTEGER NOT NULL CHECK (first_response_minutes > 0),
  resolution_minutes     INTEGER NOT NULL CHECK (resolution_minutes > 0),
  UNIQUE (shop_id, type)
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
  occurred_at   INTEGER NOT NULL, order_id INTEGER REFERENCES sales_order (id),
  CHECK (kind <> 'receive' OR quantity > 0)
) STRICT;

CREATE TABLE ticket (
  id                 INTEGER PRIMARY KEY,
  shop_id            INTEGER NOT NULL REFERENCES shop (id),
  customer_id        INTEGER REFERENCES customer (id),
  order_id           INTEGER REFERENCES sales_order (id),
  sku_id             INTEGER REFERENCES sku (id),
  type               TEXT NOT NULL CHECK (type IN ('presale','order','aftersale','complaint','other')),
  channel            TEXT NOT NULL CHECK (channel IN ('chat','phone','email','other')),
  priority           TEXT NOT NULL DEFAULT 'normal' CHECK (priority IN ('low','normal','high','urgent')),
  status             TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open','pending','resolved','closed')),
  subject            TEXT NOT NULL CHECK (length(trim(subject)) > 0),
  tags               TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(tags) AND json_type(tags) = 'array'),
  resolution         TEXT,
  opened_at          INTEGER NOT NULL,
  first_response_at  INTEGER,
  first_response_due INTEGER,
  resolution_due     INTEGER,
  resolved_at        INTEGER,
  closed_at          INTEGER,
  updated_at         INTEGER NOT NULL
) STRICT;

CREATE TABLE ticket_message (
  id        INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES ticket (id),
  direction TEXT NOT NULL CHECK (direction IN ('inbound','outbound','note')),
  body      TEXT NOT NULL,
  template  TEXT,
  at        INTEGER NOT NULL
) STRICT;

CREATE TABLE traffic_daily (
  id            INTEGER PRIMARY KEY,
  shop_id       INTEGER NOT NULL REFERENCES shop (id),
  day           TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  sku_id        INTEGER REFERENCES sku (id),
  source        TEXT NOT NULL DEFAULT '',
  visitors      INTEGER NOT NULL CHECK (visitors >= 0),
  page_views    INTEGER NOT NULL CHECK (page_views >= 0),
  bounced       INTEGER CHECK (bounced >= 0),
  avg_seconds   INTEGER CHECK (avg_seconds >= 0),
  add_to_cart   INTEGER CHECK (add_to_cart >= 0),
  favourites    INTEGER CHECK (favourites >= 0),
  UNIQUE (shop_id, day, sku_id, source)
) STRICT;
