import type { Db } from '../open.js';
import { statement } from '../open.js';

export interface AdValues {
  shopId: number;
  day: string;
  channel: string;
  campaign: string;
  currency: string;
  spend: number;
  /** Figures a channel did not report are null, never 0 (a 0 would lower the others' rates). */
  impressions: number | null;
  clicks: number | null;
  orders: number | null;
  revenue: number | null;
}

export function adKeyRow(db: Db, v: Pick<AdValues, 'shopId' | 'day' | 'channel' | 'campaign'>): (AdValues & { id: number }) | undefined {
  return statement(
    db,
    `SELECT id, shop_id AS shopId, day, channel, campaign, currency, spend, impressions, clicks, orders, revenue
       FROM ad_daily WHERE shop_id = ? AND day = ? AND channel = ? AND campaign = ?`,
  ).get(v.shopId, v.day, v.channel, v.campaign) as (AdValues & { id: number }) | undefined;
}

export function insertAd(db: Db, v: AdValues): void {
  statement(db, 'INSERT INTO ad_daily (shop_id, day, channel, campaign, currency, spend, impressions, clicks, orders, revenue) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
    v.shopId, v.day, v.channel, v.campaign, v.currency, v.spend, v.impressions, v.clicks, v.orders, v.revenue,
  );
}

export function updateAd(db: Db, id: number, v: AdValues): void {
  statement(db, 'UPDATE ad_daily SET currency = ?, spend = ?, impressions = ?, clicks = ?, orders = ?, revenue = ? WHERE id = ?').run(
    v.currency, v.spend, v.impressions, v.clicks, v.orders, v.revenue, id,
  );
}

export interface AdFilter {
  shopId?: number;
  fromDay?: string;
  toDay?: string;
  channel?: string;
}

/**
 * Ad rows summed: spend over all of them, each other figure over the rows that state it (null when none does), and
 * each rate's two sides over the rows that state both, so a channel that reports no impressions or revenue neither
 * lowers nor raises the others' CTR and ROAS.
 */
export interface AdSums {
  spend: number;
  impressions: number | null;
  clicks: number | null;
  orders: number | null;
  revenue: number | null;
  /** clicks and impressions of the rows that state both: CTR */
  ctrClicks: number | null;
  ctrImpressions: number | null;
  /** spend of the rows that state clicks: CPC */
  cpcSpend: number | null;
  /** spend of the rows that state revenue: ROAS */
  roasSpend: number | null;
}

/** The select list of AdSums over ad_daily rows aliased `a`. */
export const AD_SUMS = `sum(a.spend) AS spend, sum(a.impressions) AS impressions, sum(a.clicks) AS clicks, sum(a.orders) AS orders, sum(a.revenue) AS revenue,
  sum(CASE WHEN a.impressions IS NOT NULL THEN a.clicks END) AS ctrClicks, sum(CASE WHEN a.clicks IS NOT NULL THEN a.impressions END) AS ctrImpressions,
  sum(CASE WHEN a.clicks IS NOT NULL THEN a.spend END) AS cpcSpend, sum(CASE WHEN a.revenue IS NOT NULL THEN a.spend END) AS roasSpend`;

/** Two sums of ad rows as one (a null figure adds nothing; both null stays null). */
export function addAdSums<T extends AdSums>(into: T, more: AdSums): T {
  const add = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);
  into.spend += more.spend;
  for (const k of ['impressions', 'clicks', 'orders', 'revenue', 'ctrClicks', 'ctrImpressions', 'cpcSpend', 'roasSpend'] as const) into[k] = add(into[k], more[k]);
  return into;
}

export const NO_AD_SUMS: AdSums = { spend: 0, impressions: null, clicks: null, orders: null, revenue: null, ctrClicks: null, ctrImpressions: null, cpcSpend: null, roasSpend: null };

export interface CampaignSums extends AdSums {
  shopId: number;
  shopName: string;
  channel: string;
  campaign: string;
  currency: string;
  days: number;
  firstDay: string;
  lastDay: string;
}

const WHERE = `(@shopId IS NULL OR a.shop_id = @shopId) AND (@fromDay IS NULL OR a.day >= @fromDay) AND (@toDay IS NULL OR a.day <= @toDay)
  AND (@channel IS NULL OR a.channel = @channel)`;
const SUMS = AD_SUMS;
const params = (f: AdFilter) => ({ shopId: f.shopId ?? null, fromDay: f.fromDay ?? null, toDay: f.toDay ?? null, channel: f.channel ?? null });

export function campaignSums(db: Db, f: AdFilter): CampaignSums[] {
  return statement(
    db,
    `SELECT a.shop_id AS shopId, s.name AS shopName, a.channel, a.campaign, a.currency, count(*) AS days, min(a.day) AS firstDay, max(a.day) AS lastDay, ${SUMS}
       FROM ad_daily a JOIN shop s ON s.id = a.shop_id WHERE ${WHERE}
      GROUP BY a.shop_id, a.channel, a.campaign, a.currency ORDER BY s.name, a.channel, sum(a.spend) DESC, a.campaign`,
  ).all(params(f)) as CampaignSums[];
}

export function currencySums(db: Db, f: AdFilter): (AdSums & { currency: string })[] {
  return statement(db, `SELECT a.currency, ${SUMS} FROM ad_daily a WHERE ${WHERE} GROUP BY a.currency ORDER BY a.currency`).all(params(f)) as (AdSums & {
    currency: string;
  })[];
}

export function channelSums(db: Db, f: AdFilter): (AdSums & { channel: string; currency: string })[] {
  return statement(db, `SELECT a.channel, a.currency, ${SUMS} FROM ad_daily a WHERE ${WHERE} GROUP BY a.channel, a.currency ORDER BY a.currency, sum(a.spend) DESC`).all(
    params(f),
  ) as (AdSums & { channel: string; currency: string })[];
}
