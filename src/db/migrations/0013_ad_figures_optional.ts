import type { Migration } from './index.js';

/**
 * An ad day's impressions, clicks, orders and revenue may be unknown (NULL), not 0: a channel that reports spend and
 * clicks only must not lower the CTR of the others, nor show a ROAS of 0. Rows stored before keep their numbers,
 * but for a day that spent money and had all four at 0: that is what a spend-only `ads add` stored, not a result.
 */
export const adFiguresOptional: Migration = {
  version: 13,
  name: 'ad_figures_optional',
  sql: `
CREATE TABLE ad_daily_new (
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
INSERT INTO ad_daily_new SELECT id, shop_id, day, channel, campaign, currency, spend, impressions, clicks, orders, revenue FROM ad_daily;
UPDATE ad_daily_new SET impressions = NULL, clicks = NULL, orders = NULL, revenue = NULL
  WHERE spend > 0 AND impressions = 0 AND clicks = 0 AND orders = 0 AND revenue = 0;
DROP TABLE ad_daily;
ALTER TABLE ad_daily_new RENAME TO ad_daily;
CREATE INDEX ad_daily_day ON ad_daily (day);
`,
};
