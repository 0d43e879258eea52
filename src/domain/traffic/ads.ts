import type { Db } from '../../db/open.js';
import { writeTransaction } from '../../db/open.js';
import * as q from '../../db/queries/ads.js';
import { usageError } from '../errors.js';
import { amountFitsCurrency, currencyMarkFits, formatAmount, parseMoney } from '../money.js';
import { resolveShop } from '../shops/shops.js';
import type { Shop } from '../shops/types.js';
import { dayRange, type DayRange, type UpsertOutcome } from './traffic.js';
import { blank, checkCampaign, checkChannel, checkCount, checkDay, ratio, type Channel } from './values.js';

export interface AdInput {
  shop?: string;
  date: string;
  channel: string;
  campaign: string;
  currency?: string;
  spend: string;
  impressions?: string;
  clicks?: string;
  orders?: string;
  revenue?: string;
}

export interface AdFieldNames {
  date: string;
  channel: string;
  campaign: string;
  currency: string;
  spend: string;
  impressions: string;
  clicks: string;
  orders: string;
  revenue: string;
}

export const AD_FLAG_NAMES: AdFieldNames = {
  date: '--date', channel: '--channel', campaign: '--campaign', currency: 'currency', spend: '--spend', impressions: '--impressions', clicks: '--clicks', orders: '--orders', revenue: '--revenue',
};

const count = (v: string | undefined, field: string) => (blank(v) ? 0 : checkCount(v, field));

/** An amount in the shop's currency: one written with another currency's symbol or code ("$120" in a CNY shop) is refused, never taken as the shop's. */
function shopMoney(text: string, shop: Shop, field: string): number {
  if (!amountFitsCurrency(text, shop.currency)) {
    throw usageError('ads.amountCurrency', { field, value: text, shop: shop.name, currency: shop.currency }, { key: 'ads.amountCurrency.hint', params: { currency: shop.currency } });
  }
  return parseMoney(text, shop.currency, field);
}

/** One campaign-day checked; money is in the shop's currency (a currency cell, when given, must say so). */
export function adValues(input: Omit<AdInput, 'shop'>, shop: Shop, names: AdFieldNames): q.AdValues {
  if (!blank(input.currency) && !currencyMarkFits(input.currency.trim().toUpperCase(), shop.currency)) {
    throw usageError('ads.currencyMismatch', { field: names.currency, value: input.currency, shop: shop.name, currency: shop.currency });
  }
  // A figure not given is unknown (null), not 0: it stays out of the rates (docs/traffic-ads.md).
  const optional = (value: string | undefined, name: string) => (blank(value) ? null : count(value, name));
  const impressions = optional(input.impressions, names.impressions);
  const clicks = optional(input.clicks, names.clicks);
  if (impressions !== null && clicks !== null && clicks > impressions) throw usageError('ads.clicksTooMany', { clicks, impressions });
  return {
    shopId: shop.id,
    day: checkDay(input.date, names.date),
    channel: checkChannel(input.channel, names.channel),
    campaign: checkCampaign(input.campaign, names.campaign),
    currency: shop.currency,
    spend: shopMoney(input.spend, shop, names.spend),
    impressions,
    clicks,
    orders: optional(input.orders, names.orders),
    revenue: blank(input.revenue) ? null : shopMoney(input.revenue, shop, names.revenue),
  };
}

export function upsertAd(db: Db, v: q.AdValues): UpsertOutcome {
  const existing = q.adKeyRow(db, v);
  if (!existing) {
    q.insertAd(db, v);
    return 'new';
  }
  if ((['currency', 'spend', 'impressions', 'clicks', 'orders', 'revenue'] as const).every((k) => existing[k] === v[k])) return 'unchanged';
  q.updateAd(db, existing.id, v);
  return 'replaced';
}

export interface AdRecord {
  shop: string;
  day: string;
  channel: Channel;
  campaign: string;
  currency: string;
  spend: string;
  /** null: not given (unknown), never read as 0. */
  impressions: number | null;
  clicks: number | null;
  orders: number | null;
  revenue: string | null;
}

/** `ads add`: one campaign-day; re-adding the same shop, day, channel and campaign replaces it. */
export function addAd(db: Db, input: AdInput): { outcome: UpsertOutcome; record: AdRecord } {
  return writeTransaction(db, () => {
    const shop = resolveShop(db, input.shop);
    const v = adValues(input, shop, AD_FLAG_NAMES);
    const outcome = upsertAd(db, v);
    return {
      outcome,
      record: { shop: shop.name, day: v.day, channel: v.channel as Channel, campaign: v.campaign, currency: v.currency, spend: formatAmount(v.spend, v.currency), impressions: v.impressions, clicks: v.clicks, orders: v.orders, revenue: v.revenue === null ? null : formatAmount(v.revenue, v.currency) },
    };
  });
}

/** Rates derived from sums; null where the denominator is zero. */
export interface AdRates {
  /** clicks ÷ impressions */
  ctr: number | null;
  /** spend ÷ clicks, in minor units (rounded) */
  cpc: number | null;
  /** revenue ÷ spend */
  roas: number | null;
}

/** Each rate over the rows that state both its sides (q.AdSums). */
export const ratesOf = (s: q.AdSums): AdRates => ({
  ctr: ratio(s.ctrClicks ?? 0, s.ctrImpressions ?? 0),
  cpc: s.clicks === null || s.clicks === 0 ? null : Math.round((s.cpcSpend ?? 0) / s.clicks),
  roas: ratio(s.revenue ?? 0, s.roasSpend ?? 0, 2),
});

export type CampaignSummary = q.CampaignSums & AdRates;

export interface AdListInput extends DayRange {
  channel?: string;
}

/** `ads list`: per campaign over the days, with per-currency totals. */
export function summariseCampaigns(db: Db, input: AdListInput): { campaigns: CampaignSummary[]; totals: (q.AdSums & AdRates & { currency: string })[] } {
  const filter = { ...dayRange(db, input), channel: input.channel === undefined ? undefined : checkChannel(input.channel, '--channel') };
  return {
    campaigns: q.campaignSums(db, filter).map((c) => ({ ...c, ...ratesOf(c) })),
    totals: q.currencySums(db, filter).map((c) => ({ ...c, ...ratesOf(c) })),
  };
}

export interface AdTotals {
  /** Sums per currency (amounts in minor units). */
  byCurrency: (q.AdSums & AdRates & { currency: string })[];
  byChannel: (q.AdSums & AdRates & { channel: string; currency: string })[];
  campaigns: CampaignSummary[];
}

/** Ad spend and results over [fromDay, toDay] (all shops when shopId is not given), for the KPI report. */
export function adTotals(db: Db, p: { shopId?: number; fromDay: string; toDay: string }): AdTotals {
  const filter = { shopId: p.shopId, fromDay: checkDay(p.fromDay, 'fromDay'), toDay: checkDay(p.toDay, 'toDay') };
  return {
    byCurrency: q.currencySums(db, filter).map((c) => ({ ...c, ...ratesOf(c) })),
    byChannel: q.channelSums(db, filter).map((c) => ({ ...c, ...ratesOf(c) })),
    campaigns: q.campaignSums(db, filter).map((c) => ({ ...c, ...ratesOf(c) })),
  };
}
