import type { Migration } from './index.js';

/** Daily traffic per shop (optionally per SKU and source) and daily ad spend per campaign. */
export const trafficAds: Migration = {
  version: 5,
  name: 'traffic_ads',
  sql: `
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
CREATE UNIQUE INDEX traffic_daily_shop_total ON traffic_daily (shop_id, day, source) WHERE sku_id IS NULL;
CREATE INDEX traffic_daily_sku ON traffic_daily (sku_id, day) WHERE sku_id IS NOT NULL;

CREATE TABLE ad_daily (
  id          INTEGER PRIMARY KEY,
  shop_id     INTEGER NOT NULL REFERENCES shop (id),
  day         TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
  channel     TEXT NOT NULL CHECK (channel IN ('ztc','yinli','wanxiangtai','qianchuan','ddss','google','meta','amazon','affiliate','other')),
  campaign    TEXT NOT NULL CHECK (length(trim(campaign)) > 0),
  currency    TEXT NOT NULL CHECK (length(currency) = 3),
  spend       INTEGER NOT NULL CHECK (spend >= 0),
  impressions INTEGER NOT NULL DEFAULT 0 CHECK (impressions >= 0),
  clicks      INTEGER NOT NULL DEFAULT 0 CHECK (clicks >= 0),
  orders      INTEGER NOT NULL DEFAULT 0 CHECK (orders >= 0),
  revenue     INTEGER NOT NULL DEFAULT 0 CHECK (revenue >= 0),
  UNIQUE (shop_id, day, channel, campaign)
) STRICT;
CREATE INDEX ad_daily_day ON ad_daily (day);

CREATE INDEX sales_order_paid ON sales_order (shop_id, paid_at);
`,
};
