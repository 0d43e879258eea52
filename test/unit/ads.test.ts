import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { addAd, adTotals, summariseCampaigns } from '../../src/domain/traffic/ads.js';
import { importAds } from '../../src/domain/traffic/ads-import.js';
import { CHANNELS, checkChannel } from '../../src/domain/traffic/values.js';
import { amountFitsCurrency } from '../../src/domain/money.js';
import { trafficEn } from '../../src/i18n/messages/traffic.js';
import { trafficZh } from '../../src/i18n/messages/traffic.zh-CN.js';
import { NOW, shopDb } from '../helpers/db.js';

const csv = (text: string) => new TextEncoder().encode(text);
const fixture = (name: string) => readFileSync(new URL(`../fixtures/traffic/${name}`, import.meta.url));
const count = (db: Db) => (db.prepare('SELECT count(*) AS n FROM ad_daily').get() as { n: number }).n;

describe('ads add', () => {
  it('stores money in minor units of the shop currency and replaces the same campaign-day', () => {
    const db = shopDb();
    const r = addAd(db, { date: '2026-11-24', channel: '直通车', campaign: '龙井 关键词', spend: '¥120.50', impressions: '8200', clicks: '164', orders: '3', revenue: '980' });
    expect(r).toEqual({ outcome: 'new', record: expect.objectContaining({ channel: 'ztc', currency: 'CNY', spend: '120.50', revenue: '980.00' }) });
    expect(db.prepare('SELECT spend, revenue FROM ad_daily').get()).toEqual({ spend: 12050, revenue: 98000 });
    expect(addAd(db, { date: '2026-11-24', channel: 'ztc', campaign: '龙井 关键词', spend: '130' }).outcome).toBe('replaced');
    expect(count(db)).toBe(1);
    // Figures not given are unknown, not 0: they stay out of every rate.
    expect(db.prepare('SELECT spend, impressions, clicks, orders, revenue FROM ad_daily').get()).toEqual({ spend: 13000, impressions: null, clicks: null, orders: null, revenue: null });
    expect(summariseCampaigns(db, {}).totals[0]).toMatchObject({ spend: 13000, impressions: null, revenue: null, ctr: null, cpc: null, roas: null });
  });

  it('refuses unknown channels, bad money and clicks above impressions', () => {
    const db = shopDb();
    expect(() => addAd(db, { date: '2026-11-24', channel: 'tiktok', campaign: 'x', spend: '1' })).toThrow(expect.objectContaining({ kind: 'usage', key: 'input.oneOf' }));
    expect(() => addAd(db, { date: '2026-11-24', channel: 'ztc', campaign: 'x', spend: '1.234' })).toThrow(expect.objectContaining({ key: 'money.invalid' }));
    expect(() => addAd(db, { date: '2026-11-24', channel: 'ztc', campaign: 'x', spend: '1', impressions: '5', clicks: '6' })).toThrow(expect.objectContaining({ key: 'ads.clicksTooMany' }));
    expect(() => addAd(db, { date: '2026-11-24', channel: 'ztc', campaign: ' ', spend: '1' })).toThrow(expect.objectContaining({ key: 'input.required' }));
    expect(count(db)).toBe(0);
  });

  it('knows the channels by their English and Chinese names', () => {
    expect(['直通车', '引力魔方', '万相台', '巨量千川', '多多搜索', 'Google Ads', 'Meta', 'Amazon Ads', 'CPS', '淘宝客', '其他', 'GOOGLE'].map((c) => checkChannel(c, 'c'))).toEqual([
      'ztc', 'yinli', 'wanxiangtai', 'qianchuan', 'ddss', 'google', 'meta', 'amazon', 'affiliate', 'affiliate', 'other', 'google',
    ]);
  });
});

describe('ads money in another currency', () => {
  it('refuses an amount written with another currency\'s symbol or code, naming it and the shop\'s currency', () => {
    const db = shopDb();
    addShop(db, { name: 'US Store', platform: 'shopify', currency: 'USD', timezone: 'America/New_York' }, NOW);
    for (const spend of ['$120', 'USD 120', '€5', '£9', 'HK$120', 'US$120', '120 USD']) {
      expect(() => addAd(db, { date: '2026-11-10', channel: '直通车', campaign: 'A', spend })).toThrow(
        expect.objectContaining({ kind: 'usage', key: 'ads.amountCurrency', params: { field: '--spend', value: spend, shop: 'Tea House', currency: 'CNY' }, hint: expect.objectContaining({ key: 'ads.amountCurrency.hint' }) }),
      );
    }
    for (const revenue of ['¥30', 'HK$30', 'CNY 30', '30元']) {
      expect(() => addAd(db, { shop: 'US Store', date: '2026-11-10', channel: 'google', campaign: 'A', spend: '1', revenue })).toThrow(expect.objectContaining({ key: 'ads.amountCurrency', params: expect.objectContaining({ field: '--revenue', currency: 'USD' }) }));
    }
    expect(count(db)).toBe(0);
  });

  it('takes a symbol or code that fits the shop\'s currency, and a plain number', () => {
    const db = shopDb();
    addShop(db, { name: 'US Store', platform: 'shopify', currency: 'USD', timezone: 'America/New_York' }, NOW);
    const spend = (shop: string | undefined, text: string) => addAd(db, { shop, date: '2026-11-10', channel: 'other', campaign: text, spend: text }).record.spend;
    expect(['¥12', '￥12', '12元', 'CNY 12', 'RMB 12', '12'].map((t) => spend(undefined, t))).toEqual(Array(6).fill('12.00'));
    expect(['$12', 'US$12', 'USD 12', '12 USD', '12'].map((t) => spend('US Store', t))).toEqual(Array(5).fill('12.00'));
  });

  it('knows which currencies a mark fits: $ any dollar, US$ and HK$ their own only, ¥ yuan and yen', () => {
    expect(['CAD', 'AUD', 'HKD', 'USD'].map((c) => amountFitsCurrency('$5', c))).toEqual([true, true, true, true]);
    expect(['USD', 'HKD', 'CAD'].map((c) => amountFitsCurrency('US$5', c))).toEqual([true, false, false]);
    expect(['HKD', 'USD'].map((c) => amountFitsCurrency('HK$5', c))).toEqual([true, false]);
    expect(['CNY', 'JPY', 'USD'].map((c) => amountFitsCurrency('¥5', c))).toEqual([true, true, false]);
    expect([amountFitsCurrency('5元', 'JPY'), amountFitsCurrency('€5', 'EUR'), amountFitsCurrency('£5', 'GBP'), amountFitsCurrency('5', 'KWD')]).toEqual([false, true, true, true]);
  });

  it('rejects such a row of an import as it rejects the file\'s other bad cells', () => {
    const db = shopDb();
    expect(() => importAds(db, fixture('ads-other-currency.csv'), 'ads.csv', { dryRun: false })).toThrow(
      expect.objectContaining({
        kind: 'invalid_data',
        key: 'adsImport.rejected',
        details: [
          { line: 2, key: 'ads.amountCurrency', params: { field: 'spend', value: '$120', shop: 'Tea House', currency: 'CNY' } },
          { line: 3, key: 'ads.amountCurrency', params: { field: 'revenue', value: 'USD 300', shop: 'Tea House', currency: 'CNY' } },
        ],
      }),
    );
    expect(count(db)).toBe(0);
  });
});

describe('ads channel names', () => {
  it('accepts every label shopkeep prints, in English and Chinese, whole or in part, in any letter case', () => {
    for (const messages of [trafficEn, trafficZh]) {
      for (const code of CHANNELS) {
        const label = messages[`adChannel.${code}`];
        const parts = /^(.+?) \((.+)\)$/.exec(label)?.slice(1) ?? [];
        for (const name of [label, label.toUpperCase(), label.toLowerCase(), ...parts]) expect([name, checkChannel(name, '--channel')]).toEqual([name, code]);
      }
    }
    expect(checkChannel('Duoduo Search', '--channel')).toBe('ddss');
    // Two names of different channels are no channel.
    expect(() => checkChannel('直通车 (Duoduo Search)', '--channel')).toThrow(expect.objectContaining({ key: 'input.oneOf' }));
  });
});

describe('campaign summaries', () => {
  it('sums per campaign with CTR, CPC and ROAS, null where the denominator is zero', () => {
    const db = shopDb();
    addShop(db, { name: 'US', platform: 'shopify', currency: 'USD', timezone: 'America/New_York' }, NOW);
    addAd(db, { date: '2026-11-23', channel: 'ztc', campaign: 'A', spend: '100', impressions: '1000', clicks: '50', orders: '2', revenue: '300' });
    addAd(db, { date: '2026-11-24', channel: 'ztc', campaign: 'A', spend: '100', impressions: '1000', clicks: '50', orders: '1', revenue: '100' });
    addAd(db, { date: '2026-11-24', channel: 'wanxiangtai', campaign: 'B', spend: '0' });
    addAd(db, { shop: 'US', date: '2026-11-24', channel: 'google', campaign: 'Search', spend: '25.40', clicks: '10', impressions: '400' });
    const { campaigns, totals } = summariseCampaigns(db, { from: '2026-11-01', to: '2026-11-30' });
    const a = campaigns.find((c) => c.campaign === 'A')!;
    expect(a).toMatchObject({ days: 2, spend: 20000, impressions: 2000, clicks: 100, orders: 3, revenue: 40000, ctr: 0.05, cpc: 200, roas: 2 });
    expect(campaigns.find((c) => c.campaign === 'B')).toMatchObject({ ctr: null, cpc: null, roas: null });
    expect(totals).toEqual([expect.objectContaining({ currency: 'CNY', spend: 20000 }), expect.objectContaining({ currency: 'USD', spend: 2540, cpc: 254 })]);
    expect(summariseCampaigns(db, { channel: '直通车' }).campaigns).toHaveLength(1);
    expect(summariseCampaigns(db, { from: '2026-11-24', to: '2026-11-24', shop: 'Tea House' }).campaigns.find((c) => c.campaign === 'A')).toMatchObject({ days: 1 });
    const t = adTotals(db, { shopId: 1, fromDay: '2026-11-23', toDay: '2026-11-24' });
    expect(t.byCurrency).toEqual([expect.objectContaining({ currency: 'CNY', spend: 20000, orders: 3, revenue: 40000, roas: 2 })]);
    expect(t.byChannel.map((c) => c.channel)).toEqual(['ztc', 'wanxiangtai']);
  });
});

describe('ads import', () => {
  it('imports English or Chinese headers and channel names, idempotently', () => {
    const db = shopDb();
    const file = csv('日期,渠道,计划,花费,展现量,点击量,成交笔数,成交金额\n2026-11-23,直通车,龙井,"1,200.50",50000,900,12,"3,600"\n2026-11-23,万相台,拉新,200,10000,150,0,0\n');
    expect(importAds(db, file, 'ads.csv', { dryRun: false })).toMatchObject({ rows: 2, new: 2 });
    expect(importAds(db, file, 'ads.csv', { dryRun: false })).toMatchObject({ new: 0, unchanged: 2 });
    expect(db.prepare("SELECT spend FROM ad_daily WHERE channel = 'ztc'").get()).toEqual({ spend: 120050 });
  });

  it('is all-or-nothing with line numbers, and refuses a currency that is not the shop\'s', () => {
    const db = shopDb();
    const file = csv('day,channel,campaign,currency,spend\n2026-11-23,ztc,A,CNY,10\n2026-11-23,ztc,B,USD,10\n2026-11-23,tiktok,C,,10\n2026-11-23,ztc,A,,11\n');
    expect(() => importAds(db, file, 'ads.csv', { dryRun: false })).toThrow(
      expect.objectContaining({
        kind: 'invalid_data',
        details: [
          expect.objectContaining({ line: 3, key: 'ads.currencyMismatch' }),
          expect.objectContaining({ line: 4, key: 'input.oneOf' }),
          expect.objectContaining({ line: 5, key: 'adsImport.duplicate' }),
        ],
      }),
    );
    expect(count(db)).toBe(0);
  });

  it('skips the empty rows Excel leaves and reads "-" as a figure not given', () => {
    const db = shopDb();
    expect(importAds(db, fixture('ads-blank-rows-dashes.csv'), 'ads.csv', { dryRun: false })).toMatchObject({ rows: 2, new: 2 });
    expect(db.prepare("SELECT spend, impressions, clicks, orders, revenue FROM ad_daily WHERE channel = 'wanxiangtai'").get()).toEqual({ spend: 20000, impressions: null, clicks: null, orders: null, revenue: null });
  });

  it('says plainly that a required cell is "-" or empty, naming the file\'s column', () => {
    const db = shopDb();
    expect(() => importAds(db, fixture('ads-spend-dash.csv'), 'ads.csv', { dryRun: false })).toThrow(
      expect.objectContaining({
        details: [
          { line: 2, key: 'trafficCell.noFigure', params: { field: '花费', value: '-' } },
          { line: 3, key: 'trafficCell.empty', params: { field: '花费' } },
        ],
      }),
    );
    expect(() => importAds(db, csv('日期,渠道,计划\n2026-11-04,ztc,A\n'), 'ads.csv', { dryRun: false })).toThrow(
      expect.objectContaining({ key: 'csv.missingColumns', params: { file: 'ads.csv', columns: 'spend / cost / 花费' }, hint: { key: 'adsImport.missingColumns.hint' } }),
    );
    expect(count(db)).toBe(0);
  });

  it('--dry-run writes nothing', () => {
    const db = shopDb();
    expect(importAds(db, csv('day,channel,campaign,spend\n2026-11-23,ztc,A,10\n'), 'a.csv', { dryRun: true })).toMatchObject({ dryRun: true, new: 1 });
    expect(count(db)).toBe(0);
  });
});
