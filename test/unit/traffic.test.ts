import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open.js';
import { addProduct } from '../../src/domain/catalog/products.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { addTraffic, listTraffic, trafficBySku, trafficTotals } from '../../src/domain/traffic/traffic.js';
import { importTraffic } from '../../src/domain/traffic/traffic-import.js';
import { checkDuration, checkRate } from '../../src/domain/traffic/values.js';
import { planDemoTrafficAds } from '../../src/domain/demo/traffic.js';
import { seeded } from '../../src/domain/demo/random.js';
import { dayOf } from '../../src/domain/reports/period.js';
import { NOW, shopDb } from '../helpers/db.js';

const csv = (text: string) => new TextEncoder().encode(text);
const fixture = (name: string) => readFileSync(new URL(`../fixtures/traffic/${name}`, import.meta.url));
const rows = (db: Db) => (db.prepare('SELECT count(*) AS n FROM traffic_daily').get() as { n: number }).n;

const withSku = () => {
  const db = shopDb();
  addProduct(db, { title: '西湖龙井', sku: { code: 'LJ-250G', price: '368' } }, NOW);
  return db;
};

describe('traffic add', () => {
  it('stores a shop-level day and replaces it when added again', () => {
    const db = shopDb();
    const first = addTraffic(db, { date: '2026-11-24', visitors: '300', pageViews: '1,020', bounceRate: '40%', avgTime: '1m30s', addToCart: '30', favourites: '12' });
    expect(first.outcome).toBe('new');
    expect(first.record).toMatchObject({ shop: 'Tea House', day: '2026-11-24', sku: null, source: '', visitors: 300, pageViews: 1020, bounced: 120, bounceRate: 0.4, avgSeconds: 90 });
    expect(addTraffic(db, { date: '2026-11-24', visitors: '300', pageViews: '1020', bounced: '120', avgTime: '90', addToCart: '30', favourites: '12' }).outcome).toBe('unchanged');
    expect(addTraffic(db, { date: '2026-11-24', visitors: '310', pageViews: '1020' }).outcome).toBe('replaced');
    expect(listTraffic(db, {})).toEqual([expect.objectContaining({ visitors: 310, bounced: null, avgSeconds: null })]);
  });

  it('keeps per-SKU and per-source rows apart from the shop total', () => {
    const db = withSku();
    addTraffic(db, { date: '2026-11-24', visitors: '300', pageViews: '900' });
    addTraffic(db, { date: '2026-11-24', visitors: '60', pageViews: '100', sku: 'LJ-250G' });
    addTraffic(db, { date: '2026-11-24', visitors: '200', pageViews: '500', source: '手淘搜索' });
    expect(rows(db)).toBe(3);
  });

  it('takes a source in other letters as the same source (as an import does): replaced, not a second row counted again', () => {
    const db = shopDb();
    expect(addTraffic(db, { date: '2026-11-24', visitors: '50', pageViews: '100', source: 'Google' }).outcome).toBe('new');
    expect(addTraffic(db, { date: '2026-11-24', visitors: '60', pageViews: '100', source: 'google' }).outcome).toBe('replaced');
    expect(listTraffic(db, {}).map((r) => [r.source, r.visitors])).toEqual([['Google', 60]]);
    // Rows an earlier version kept apart by letter case: the one spelled as given is the one replaced.
    db.prepare("INSERT INTO traffic_daily (shop_id, day, source, visitors, page_views) VALUES (1, '2026-11-24', 'GOOGLE', 5, 5)").run();
    expect(addTraffic(db, { date: '2026-11-24', visitors: '7', pageViews: '7', source: 'GOOGLE' }).outcome).toBe('replaced');
    expect(addTraffic(db, { date: '2026-11-24', visitors: '61', pageViews: '100', source: 'Google' }).outcome).toBe('replaced');
    expect(listTraffic(db, {}).map((r) => [r.source, r.visitors]).sort()).toEqual([['GOOGLE', 7], ['Google', 61]]);
  });

  it('refuses bad figures with the flag named', () => {
    const db = shopDb();
    expect(() => addTraffic(db, { date: '2026-11-31', visitors: '1', pageViews: '1' })).toThrow(expect.objectContaining({ kind: 'usage', key: 'traffic.dayInvalid' }));
    expect(() => addTraffic(db, { date: '2026-11-24', visitors: '-1', pageViews: '1' })).toThrow(expect.objectContaining({ key: 'input.notCount', params: expect.objectContaining({ field: '--visitors' }) }));
    expect(() => addTraffic(db, { date: '2026-11-24', visitors: '10', pageViews: '20', bounced: '11' })).toThrow(expect.objectContaining({ key: 'traffic.bouncedTooMany' }));
    expect(() => addTraffic(db, { date: '2026-11-24', visitors: '10', pageViews: '20', bounced: '1', bounceRate: '10%' })).toThrow(expect.objectContaining({ key: 'traffic.bounceBoth' }));
    expect(() => addTraffic(db, { date: '2026-11-24', visitors: '10', pageViews: '20', sku: 'NOPE' })).toThrow(expect.objectContaining({ kind: 'not_found' }));
    expect(rows(db)).toBe(0);
  });

  it('reads durations and rates as people write them', () => {
    expect(['90', '90.4', '1m30s', '1:30', '00:01:30', '1h'].map((t) => checkDuration(t, 'x'))).toEqual([90, 90, 90, 90, 90, 3600]);
    expect(() => checkDuration('soon', 'x')).toThrow();
    expect([checkRate('45%', 'x'), checkRate('0.45', 'x'), checkRate('45', 'x')]).toEqual([0.45, 0.45, 0.45]);
    expect(() => checkRate('120%', 'x')).toThrow();
  });
});

describe('traffic totals', () => {
  it('uses the all-sources row, else sums the per-source rows of that day', () => {
    const db = withSku();
    addTraffic(db, { date: '2026-11-23', visitors: '100', pageViews: '300', bounced: '40', avgTime: '60', addToCart: '10' });
    addTraffic(db, { date: '2026-11-23', visitors: '70', pageViews: '200', source: 'search' }); // ignored: a total exists
    addTraffic(db, { date: '2026-11-24', visitors: '50', pageViews: '100', source: 'search', avgTime: '120' });
    addTraffic(db, { date: '2026-11-24', visitors: '30', pageViews: '90', source: 'ads' });
    addTraffic(db, { date: '2026-11-24', visitors: '9', pageViews: '20', sku: 'LJ-250G', addToCart: '2' });
    const shopId = 1;
    expect(trafficTotals(db, { shopId, fromDay: '2026-11-23', toDay: '2026-11-24' })).toEqual({
      days: 2, visitors: 180, pageViews: 490, bounced: 40, addToCart: 10, favourites: null, avgSeconds: Math.round((100 * 60 + 50 * 120) / 150),
    });
    expect(trafficTotals(db, { shopId, fromDay: '2026-12-01', toDay: '2026-12-02' })).toMatchObject({ days: 0, visitors: 0, avgSeconds: null });
    expect(trafficBySku(db, { shopId, fromDay: '2026-11-01', toDay: '2026-11-30' })).toEqual([expect.objectContaining({ sku: 'LJ-250G', visitors: 9, addToCart: 2 })]);
  });
});

describe('traffic import', () => {
  it('imports the shopkeep layout, and a second import replaces rather than doubles', () => {
    const db = withSku();
    addShop(db, { name: 'PDD', platform: 'pdd' }, NOW);
    const file = csv('\uFEFFday,shop,sku,source,visitors,page_views,bounced,avg_seconds,add_to_cart,favourites\n2026-11-23,,,,100,300,40,75,9,4\n2026-11-23,PDD,,搜索,50,120,,,,\n2026-11-24,,LJ-250G,,12,30,,,3,\n');
    expect(importTraffic(db, file, 't.csv', { dryRun: false })).toMatchObject({ layout: 'shopkeep', encoding: 'utf-8', rows: 3, new: 3 });
    expect(importTraffic(db, file, 't.csv', { dryRun: false })).toMatchObject({ new: 0, unchanged: 3 });
    expect(rows(db)).toBe(3);
    expect(listTraffic(db, { shop: 'PDD' })).toEqual([expect.objectContaining({ source: '搜索', visitors: 50 })]);
  });

  it('is all-or-nothing, listing every bad line', () => {
    const db = shopDb();
    const file = csv('day,visitors,page_views\n2026-11-23,100,300\n2026-13-01,1,1\n2026-11-24,x,1\n2026-11-23,5,5\n');
    expect(() => importTraffic(db, file, 'bad.csv', { dryRun: false })).toThrow(
      expect.objectContaining({
        kind: 'invalid_data',
        key: 'trafficImport.rejected',
        details: [
          expect.objectContaining({ line: 3, key: 'traffic.dayInvalid' }),
          expect.objectContaining({ line: 4, key: 'input.notCount' }),
          expect.objectContaining({ line: 5, key: 'trafficImport.duplicate', params: { line: 2 } }),
        ],
      }),
    );
    expect(rows(db)).toBe(0);
  });

  it('refuses unknown columns in its own layout and unknown layouts', () => {
    const db = shopDb();
    expect(() => importTraffic(db, csv('day,visitors,page_views,vistors\n'), 'x.csv', { dryRun: false })).toThrow(expect.objectContaining({ key: 'csv.unknownColumn' }));
    expect(() => importTraffic(db, csv('foo,bar\n1,2\n'), 'x.csv', { dryRun: false })).toThrow(expect.objectContaining({ key: 'trafficImport.unknownLayout' }));
  });

  it('--dry-run counts but writes nothing', () => {
    const db = shopDb();
    expect(importTraffic(db, csv('day,visitors,page_views\n2026-11-23,100,300\n'), 'x.csv', { dryRun: true })).toMatchObject({ dryRun: true, new: 1 });
    expect(rows(db)).toBe(0);
  });

  it('reads a 生意参谋-style export with a title row, percent rates and thousands separators', () => {
    const db = shopDb();
    const file = csv('【生意参谋平台】店铺-整体看板\n统计日期,访客数,浏览量,跳失率,人均浏览量,平均停留时长,加购人数,收藏人数\n2026-11-23,"1,200","3,600",45.00%,3,62.5,96,40\n2026/11/24,1000,3000,0.5,3,60,-,30\n');
    expect(importTraffic(db, file, 'sycm.csv', { dryRun: false })).toMatchObject({ layout: 'sycm', rows: 2, new: 2 });
    expect(listTraffic(db, {})).toEqual([
      expect.objectContaining({ day: '2026-11-23', visitors: 1200, pageViews: 3600, bounced: 540, avgSeconds: 63, addToCart: 96, favourites: 40 }),
      expect.objectContaining({ day: '2026-11-24', bounced: 500, addToCart: null }),
    ]);
  });

  it('reads a GB18030-encoded 生意参谋 export', () => {
    const db = shopDb();
    const file = iconv.encode('统计日期,访客数,浏览量,跳失率\n2026-11-23,100,250,40%\n', 'gb18030');
    expect(importTraffic(db, file, 'sycm.csv', { dryRun: false })).toMatchObject({ layout: 'sycm', encoding: 'gb18030', new: 1 });
    expect(listTraffic(db, {})).toEqual([expect.objectContaining({ visitors: 100, bounced: 40 })]);
  });

  it('reads a Shopify-style sessions export into the named shop', () => {
    const db = shopDb();
    addShop(db, { name: 'Mountain', platform: 'shopify', currency: 'USD', timezone: 'America/Los_Angeles' }, NOW);
    const file = csv('Day,Sessions,Pageviews,Bounce rate,Average session duration,Sessions with cart additions\n2026-11-23,140,420,51.2%,00:01:05,12\n');
    expect(importTraffic(db, file, 's.csv', { shop: 'Mountain', dryRun: false })).toMatchObject({ layout: 'shopify', new: 1 });
    expect(listTraffic(db, { shop: 'Mountain' })).toEqual([expect.objectContaining({ visitors: 140, pageViews: 420, bounced: 72, avgSeconds: 65, addToCart: 12, favourites: null })]);
    // Named as the docs list them too (Date, Visitors, Page views), found without --layout.
    const other = csv('Date,Visitors,Page views,Referrer source\n2026-11-24,90,200,Search\n');
    expect(importTraffic(db, other, 'v.csv', { shop: 'Mountain', dryRun: false })).toMatchObject({ layout: 'shopify', new: 1 });
    expect(listTraffic(db, { shop: 'Mountain' }).map((r) => [r.day, r.source, r.visitors, r.pageViews])).toContainEqual(['2026-11-24', 'Search', 90, 200]);
  });
});

describe('traffic import: 生意参谋 exports with a title line (GB18030 fixtures)', () => {
  it('finds a TAB-separated header under a title line, judging the delimiter from the header', () => {
    const db = shopDb();
    expect(importTraffic(db, fixture('sycm-overview-title-tab.csv'), 'tab.csv', { dryRun: false })).toMatchObject({ layout: 'sycm', encoding: 'gb18030', rows: 2, new: 2 });
    expect(listTraffic(db, {}).map((r) => [r.day, r.visitors, r.pageViews, r.bounced])).toEqual([
      ['2026-11-04', 1234, 5678, 559],
      ['2026-11-05', 1300, 5800, null],
    ]);
  });

  it('skips up to ten title lines above the header, and no more', () => {
    const titles = (n: number) => Array.from({ length: n }, (_, i) => `生意参谋 报表说明 ${i + 1}`).join('\n');
    const file = (n: number) => csv(`${titles(n)}\n统计日期,访客数,浏览量\n2026-11-04,5,6\n`);
    expect(importTraffic(shopDb(), file(10), 't10.csv', { dryRun: false })).toMatchObject({ layout: 'sycm', rows: 1, new: 1 });
    expect(() => importTraffic(shopDb(), file(11), 't11.csv', { dryRun: false })).toThrow(expect.objectContaining({ key: 'trafficImport.unknownLayout' }));
  });

  it('does not take a title line that mentions 访客数 for the header', () => {
    const db = shopDb();
    expect(importTraffic(db, fixture('sycm-visitors-title-comma.csv'), 'title.csv', { dryRun: false })).toMatchObject({ layout: 'sycm', rows: 2, new: 2 });
    expect(listTraffic(db, {}).map((r) => [r.day, r.visitors, r.bounced])).toEqual([['2026-11-04', 1234, 559], ['2026-11-05', 1300, null]]);
  });

  it('names a missing column as the layout writes it, with a hint', () => {
    expect(() => importTraffic(shopDb(), fixture('sycm-no-page-views.csv'), 'pv.csv', { dryRun: false })).toThrow(
      expect.objectContaining({ kind: 'invalid_data', key: 'csv.missingColumns', params: { file: 'pv.csv', columns: '浏览量' }, hint: { key: 'trafficImport.missingColumns.hint' } }),
    );
    expect(() => importTraffic(shopDb(), csv('Day,Sessions\n2026-11-04,5\n'), 's.csv', { dryRun: false })).toThrow(expect.objectContaining({ params: { file: 's.csv', columns: 'Pageviews / Page views' } }));
    expect(() => importTraffic(shopDb(), csv('visitors,page_views\n5,9\n'), 'k.csv', { dryRun: false })).toThrow(expect.objectContaining({ params: { file: 'k.csv', columns: 'day' }, hint: expect.anything() }));
  });

  it('names bad cells by the file\'s own headers, and says plainly that a required cell is empty or "-"', () => {
    const db = shopDb();
    expect(() => importTraffic(db, fixture('sycm-bad-cells.csv'), 'bad.csv', { dryRun: false })).toThrow(
      expect.objectContaining({
        key: 'trafficImport.rejected',
        details: [
          { line: 2, key: 'traffic.rateInvalid', params: { field: '跳失率', value: '450%' } },
          { line: 3, key: 'trafficCell.noFigure', params: { field: '访客数', value: '-' } },
          { line: 4, key: 'trafficCell.empty', params: { field: '访客数' } },
        ],
      }),
    );
    expect(rows(db)).toBe(0);
  });
});

describe('demo traffic and ads', () => {
  it('has one traffic row and one day’s orders a day when the 90 days cross a clock change near the shop’s midnight', async () => {
    const { seedDemo } = await import('../../src/domain/demo/seed.js');
    const { memoryDb } = await import('../helpers/db.js');
    // 07:20 UTC is 00:20 in Los Angeles in summer and 23:20 the day before in winter (the demo failed at this time).
    const db = memoryDb();
    seedDemo(db, Date.parse('2026-11-26T07:20:00Z'));
    const traffic = db.prepare("SELECT shop_id, count(*) AS rows, count(DISTINCT day) AS days FROM traffic_daily WHERE sku_id IS NULL AND source = '' GROUP BY shop_id").all();
    expect(traffic).toHaveLength(3);
    for (const shop of traffic as { rows: number; days: number }[]) {
      expect(shop.rows).toBe(shop.days);
      expect(shop.days).toBeGreaterThanOrEqual(89);
    }
    // Orders are placed on calendar days too: before, 1 November got two days' orders and the last day none.
    const la = db.prepare("SELECT id FROM shop WHERE timezone = 'America/Los_Angeles'").pluck().get();
    const placed = db.prepare('SELECT placed_at FROM sales_order WHERE shop_id = ?').pluck().all(la) as number[];
    const days = new Set(placed.map((at) => dayOf(at, 'America/Los_Angeles')));
    expect(days.size).toBe(90);
    expect(days.has('2026-11-25')).toBe(true);
  });

  it('plans 90 days per demo shop with conversion in range and one campaign under ROAS 1', async () => {
    const { seedDemo } = await import('../../src/domain/demo/seed.js');
    const { memoryDb } = await import('../helpers/db.js');
    const db = memoryDb();
    seedDemo(db, NOW);
    db.exec('DELETE FROM traffic_daily; DELETE FROM ad_daily;');
    planDemoTrafficAds(db, seeded(7), NOW - 90 * 86_400_000, NOW);
    const shops = db.prepare('SELECT id, name FROM shop').all() as { id: number; name: string }[];
    for (const shop of shops) {
      const t = trafficTotals(db, { shopId: shop.id, fromDay: '2026-08-01', toDay: '2026-11-30' });
      expect(t.days).toBeGreaterThanOrEqual(88);
      const orders = (db.prepare('SELECT count(*) AS n FROM sales_order WHERE shop_id = ?').get(shop.id) as { n: number }).n;
      expect(orders / t.visitors).toBeGreaterThan(0.015);
      expect(orders / t.visitors).toBeLessThan(0.06);
      expect(trafficBySku(db, { shopId: shop.id, fromDay: '2026-08-01', toDay: '2026-11-30' }).length).toBeGreaterThan(3);
    }
    const { adTotals } = await import('../../src/domain/traffic/ads.js');
    const ads = adTotals(db, { fromDay: '2026-08-01', toDay: '2026-11-30' });
    expect(ads.byCurrency.map((c) => c.currency)).toEqual(['CNY', 'USD']);
    expect(ads.campaigns.filter((c) => c.roas !== null && c.roas < 1).map((c) => c.channel)).toEqual(['wanxiangtai']);
  });

  it('ends with a KPI report (the default day) in which every shop has visitors, sales and refunds', async () => {
    const { seedDemo } = await import('../../src/domain/demo/seed.js');
    const { memoryDb } = await import('../helpers/db.js');
    const { kpiReport } = await import('../../src/domain/reports/kpi.js');
    // At 04:00 UTC the Los Angeles shop is still on the day before: the default day is the last one ended everywhere.
    for (const now of [Date.parse('2026-11-20T04:00:00Z'), Date.parse('2026-11-20T12:00:00Z')]) {
      const db = memoryDb();
      seedDemo(db, now);
      const report = kpiReport(db, {}, now);
      for (const shop of report.shops) {
        const value = (key: string) => shop.metrics.find((m) => m.key === key)!.value;
        expect([shop.shop, value('visitors')]).not.toEqual([shop.shop, 0]);
        expect([shop.shop, value('gmv')]).not.toEqual([shop.shop, 0]);
        expect([shop.shop, value('refunds')]).not.toEqual([shop.shop, 0]);
      }
    }
  });
});
