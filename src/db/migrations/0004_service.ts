import type { Migration } from './index.js';

/** Customer service: tickets with their thread and SLA settings, returns, reviews. */
export const service: Migration = {
  version: 4,
  name: 'service',
  sql: `
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
CREATE INDEX ticket_status_due ON ticket (status, resolution_due);
CREATE INDEX ticket_customer ON ticket (customer_id);
CREATE INDEX ticket_order ON ticket (order_id);
CREATE INDEX ticket_opened ON ticket (shop_id, opened_at);

CREATE TABLE ticket_message (
  id        INTEGER PRIMARY KEY,
  ticket_id INTEGER NOT NULL REFERENCES ticket (id),
  direction TEXT NOT NULL CHECK (direction IN ('inbound','outbound','note')),
  body      TEXT NOT NULL,
  template  TEXT,
  at        INTEGER NOT NULL
) STRICT;
CREATE INDEX ticket_message_ticket ON ticket_message (ticket_id, at);

CREATE TABLE sla_target (
  id                     INTEGER PRIMARY KEY,
  shop_id                INTEGER REFERENCES shop (id),
  type                   TEXT NOT NULL CHECK (type IN ('presale','order','aftersale','complaint','other')),
  first_response_minutes INTEGER NOT NULL CHECK (first_response_minutes > 0),
  resolution_minutes     INTEGER NOT NULL CHECK (resolution_minutes > 0),
  UNIQUE (shop_id, type)
) STRICT;

CREATE TABLE business_hours (
  id      INTEGER PRIMARY KEY,
  shop_id INTEGER REFERENCES shop (id),
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  opens   TEXT NOT NULL CHECK (opens GLOB '[0-2][0-9]:[0-5][0-9]'),
  closes  TEXT NOT NULL CHECK (closes GLOB '[0-2][0-9]:[0-5][0-9]' AND closes > opens)
) STRICT;

CREATE TABLE holiday (
  id      INTEGER PRIMARY KEY,
  shop_id INTEGER REFERENCES shop (id),
  date    TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  name    TEXT,
  UNIQUE (shop_id, date)
) STRICT;

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
CREATE INDEX return_request_order ON return_request (order_id);
CREATE INDEX return_request_status ON return_request (status, opened_at);

CREATE TABLE return_line (
  return_id     INTEGER NOT NULL REFERENCES return_request (id),
  order_line_id INTEGER NOT NULL REFERENCES order_line (id),
  quantity      INTEGER NOT NULL CHECK (quantity > 0),
  PRIMARY KEY (return_id, order_line_id)
) STRICT, WITHOUT ROWID;

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
CREATE INDEX review_sku_time ON review (sku_id, reviewed_at);
CREATE INDEX review_shop_time ON review (shop_id, reviewed_at);
CREATE INDEX review_unanswered ON review (rating, replied_at);
`,
};
