import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open.js';
import { adsReport } from '../../src/domain/reports/ads-report.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { NOW, shopDb } from '../helpers/db.js';

function adDb(): Db {
  const db = shopDb();
  addShop(db, { name: 'US Store', platform: 'shopify', currency: 'USD', timezone: 'America/New_York' }, NOW);
  const insert = db.prepare('INSERT INTO ad_daily (shop_id, day, channel, campaign, currency, spend, impressions, clicks, orders, revenue) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  insert.run(1, '2026-11-23', 'ztc', 'Spring', 'CNY', 10000, 5000, 200, 4, 30000);
  insert.run(1, '2026-11-24', 'ztc', 'Spring', 'CNY', 5000, 1000, 100, 1, 6000);
  insert.run(1, '2026-11-24', 'qianchuan', 'Live', 'CNY', 0, 0, 0, 0, 0);
  insert.run(1, '2026-11-25', 'ztc', 'Spring', 'CNY', 9999, 1, 1, 1, 1);
  insert.run(2, '2026-11-24', 'google', 'Brand', 'USD', 2000, 1000, 30, 2, 5000);
  return db;
}

describe('report ads', () => {
  it('sums per campaign and channel over the period with CTR, CPC and ROAS, null on zero', () => {
    const r = adsReport(adDb(), { from: '2026-11-23', to: '2026-11-24' }, NOW);
    const figures = (a: (typeof r.rows)[number]) => ({ shop: a.shop, channel: a.channel, campaign: a.campaign, currency: a.currency, spend: a.spend, impressions: a.impressions, clicks: a.clicks, orders: a.orders, revenue: a.revenue, ctr: a.ctr, cpc: a.cpc, roas: a.roas });
    expect(r.rows.map(figures)).toEqual([
      { shop: 'Tea House', channel: 'ztc', campaign: 'Spring', currency: 'CNY', spend: 15000, impressions: 6000, clicks: 300, orders: 5, revenue: 36000, ctr: 0.05, cpc: 50, roas: 2.4 },
      { shop: 'Tea House', channel: 'qianchuan', campaign: 'Live', currency: 'CNY', spend: 0, impressions: 0, clicks: 0, orders: 0, revenue: 0, ctr: null, cpc: null, roas: null },
      { shop: 'US Store', channel: 'google', campaign: 'Brand', currency: 'USD', spend: 2000, impressions: 1000, clicks: 30, orders: 2, revenue: 5000, ctr: 0.03, cpc: 67, roas: 2.5 },
    ]);
    expect(r.totals.map((t) => [t.currency, t.spend, t.revenue, t.roas])).toEqual([
      ['CNY', 15000, 36000, 2.4],
      ['USD', 2000, 5000, 2.5],
    ]);
  });

  it('takes each rate over the rows that state its figures: a campaign reporting spend and clicks only changes no CTR or ROAS', () => {
    const db = adDb();
    // Spend and clicks, no impressions, orders or revenue: unknown, not 0.
    db.prepare("INSERT INTO ad_daily (shop_id, day, channel, campaign, currency, spend, clicks) VALUES (2, '2026-11-24', 'google', 'Search', 'USD', 2540, 31)").run();
    const r = adsReport(db, { from: '2026-11-24', to: '2026-11-24', shop: 'US Store' }, NOW);
    const search = r.rows.find((a) => a.campaign === 'Search')!;
    expect([search.impressions, search.clicks, search.revenue, search.ctr, search.cpc, search.roas]).toEqual([null, 31, null, null, 82, null]);
    // Totals: CTR of the Brand rows alone (30 of 1,000), ROAS over the spend that states revenue, CPC over both.
    expect(r.totals.map((t) => [t.spend, t.impressions, t.clicks, t.revenue, t.ctr, t.cpc, t.roas])).toEqual([[4540, 1000, 61, 5000, 0.03, 74, 2.5]]);
  });

  it('filters one shop', () => {
    const r = adsReport(adDb(), { from: '2026-11-23', to: '2026-11-24', shop: 'US Store' }, NOW);
    expect(r.rows.map((a) => a.campaign)).toEqual(['Brand']);
  });
});
