import { describe, expect, it } from 'vitest';
import { addProduct } from '../../src/domain/catalog/products.js';
import { addOrder } from '../../src/domain/orders/create.js';
import { cancelOrder } from '../../src/domain/orders/transitions.js';
import { getOrder } from '../../src/domain/orders/find.js';
import { importOrderFiles } from '../../src/domain/imports/run.js';
import { checkDatabase } from '../../src/domain/admin/database.js';
import { shopifyCsv, shopifyOrder } from '../helpers/shopify-csv.js';
import { receiveStock } from '../../src/domain/inventory/stock.js';
import { kpiReport, metric, metricValues, type KpiSection } from '../../src/domain/reports/kpi.js';
import { instantRange, previousPeriod, resolvePeriod, type Period } from '../../src/domain/reports/period.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { findingText, kpiJson, kpiMarkdown, kpiRows } from '../../src/cli/views/kpi.js';
import { zhCN } from '../../src/i18n/zh-CN.js';
import { sparkline } from '../../src/cli/views/sparkline.js';
import { en } from '../../src/i18n/en.js';
import { translator } from '../../src/i18n/index.js';
import { memoryDb, NOW } from '../helpers/db.js';
import { bj, seedKpi } from './kpi-fixture.js';

const t = translator(en);
const value = (s: KpiSection, key: Parameters<typeof metric>[1]) => metric(s, key).value;

function fixture() {
  const db = memoryDb();
  seedKpi(db);
  return db;
}

describe('kpiReport on a hand-computed day', () => {
  const db = fixture();
  const report = kpiReport(db, { date: '2026-11-20' }, NOW);
  const s = report.shops[0]!;

  it('uses the calendar day in the shop zone and compares with the day before', () => {
    expect(report.period).toEqual({ kind: 'day', fromDay: '2026-11-20', toDay: '2026-11-20' });
    expect(report.comparePeriod).toEqual({ kind: 'day', fromDay: '2026-11-19', toDay: '2026-11-19' });
    expect(s.range).toEqual({ from: Date.parse('2026-11-19T16:00:00Z'), until: Date.parse('2026-11-20T16:00:00Z') });
  });

  it('computes every formula', () => {
    const expected: Record<string, number | null> = {
      visitors: 200, pageViews: 500, bounceRate: 80 / 200, conversionRate: 2 / 200, addToCartRate: 20 / 200,
      orders: 4, units: 5, paidOrders: 3, payingBuyers: 2, gmv: 5550, refunds: 500, netSales: 5050, aov: 2775,
      newBuyers: 1, returningBuyers: 1, repurchaseRate: 0.5, adSpend: 10000, ctr: 0.02, cpc: 50, roas: 0.8,
      ticketsOpened: 2, ticketsResolved: 1, slaBreaches: 2, returnRate: 0.5, averageRating: 3.5,
    };
    for (const m of s.metrics) expect(m.value, m.key).toBeCloseTo(expected[m.key]!, 10);
    expect(s.metrics.map((m) => m.key).sort()).toEqual(Object.keys(expected).sort());
  });

  it('sets each figure beside its comparison: an order at 23:30 Beijing stays on the day before', () => {
    expect(metric(s, 'gmv')).toMatchObject({ previous: 1000, delta: 4550, change: 4.55 });
    expect(metric(s, 'payingBuyers').previous).toBe(1);
    // The 19th's sources summed: 100 visitors, 50 bounced; add-to-cart 6 of the 60 visitors whose source gives it.
    expect(metric(s, 'visitors').previous).toBe(100);
    expect(metric(s, 'pageViews').previous).toBe(200);
    expect(metric(s, 'conversionRate').previous).toBeCloseTo(0.01, 10);
    expect(metric(s, 'bounceRate').previous).toBeCloseTo(50 / 100, 10);
    expect(metric(s, 'addToCartRate').previous).toBeCloseTo(6 / 60, 10);
    // No ads the day before: divisions by zero are null, and so is the change.
    expect(metric(s, 'roas')).toMatchObject({ value: 0.8, previous: null, delta: null, change: null });
    expect(metric(s, 'cpc').previous).toBeNull();
    expect(metric(s, 'averageRating').previous).toBeNull();
  });

  it('shows a division by zero as "—" in the table and null in JSON, never NaN or Infinity', () => {
    const rows = kpiRows(t, report);
    const roas = rows.find((r) => r.metric === 'ROAS')!;
    expect(roas).toMatchObject({ value: '0.80', previous: '—', change: '—' });
    const json = kpiJson(report);
    expect(json.shops[0]!.metrics.roas).toEqual({ value: 0.8, previous: null, delta: null, change: null });
    expect(json.shops[0]!.metrics.gmv).toEqual({ value: '55.50', previous: '10.00', delta: '45.50', change: 4.55 });
    expect(json.shops[0]!.metrics.aov!.value).toBe('27.75');
    const text = JSON.stringify(json) + JSON.stringify(rows);
    expect(text).not.toMatch(/NaN|Infinity/);
  });

  it('lists what to look at with the numbers behind each finding', () => {
    const rules = report.attention.map((f) => `${f.rule}:${f.subject}`);
    expect(rules).toContain('lowRoas:ztc');
    expect(rules).toContain('lowConversionSku:B');
    expect(rules).not.toContain('lowConversionSku:A');
    expect(rules).toContain('stockoutBeforeReorder:C');
    expect(report.attention.find((f) => f.rule === 'lowRoas')!.numbers).toMatchObject({ roas: '0.80', spend: 10000, revenue: 8000 });
    expect(report.attention.find((f) => f.rule === 'lowConversionSku')!.numbers).toEqual({ visitors: 120, buyers: 1, conversion: '0.8%' });
    expect(report.attention.find((f) => f.rule === 'stockoutBeforeReorder')!.numbers).toMatchObject({ available: 1, sold: 4, cover: 7, leadTime: 30 });
  });

  it('builds a trend of at least 14 days with the day in the shop zone', () => {
    expect(s.trend).toHaveLength(14);
    expect(s.trend.at(-1)).toMatchObject({ day: '2026-11-20', gmv: 5550, visitors: 200, payingBuyers: 2 });
    expect(s.trend.at(-2)).toMatchObject({ day: '2026-11-19', gmv: 1000, visitors: 100 });
    expect(s.topProducts[0]).toMatchObject({ sku: 'A', units: 3, amount: 3000, buyers: 2, visitors: 150 });
  });
});

describe('kpi rules over periods', () => {
  it('flags a falling repurchase rate and rising returns and bad reviews for a SKU', () => {
    const db = fixture();
    // The day before: 1 buyer with 2 orders (100%); on the 20th 1 of 2 (50%).
    addOrder(db, { platformOrderId: 'P1', buyer: { name: '李雷', phone: '13900001111' }, address: {}, items: [{ sku: 'A', quantity: 1 }], paid: true, placedAt: bj('2026-11-19T09:00') }, bj('2026-11-19T09:00'));
    const review = db.prepare('INSERT INTO review (shop_id, sku_id, rating, reviewed_at) VALUES (1, 1, ?, ?)');
    review.run(1, bj('2026-11-20T08:00'));
    review.run(2, bj('2026-11-20T09:00'));
    const lineOf = (order: string) => db.prepare('SELECT l.id, o.id AS orderId FROM order_line l JOIN sales_order o ON o.id = l.order_id WHERE o.platform_order_id = ?').get(order) as { id: number; orderId: number };
    for (const o of ['O1', 'O3']) {
      const l = lineOf(o);
      const r = db.prepare("INSERT INTO return_request (order_id, type, status, reason, opened_at, updated_at) VALUES (?, 'return', 'requested', 'x', ?, ?)").run(l.orderId, bj('2026-11-20T20:00'), bj('2026-11-20T20:00'));
      db.prepare('INSERT INTO return_line (return_id, order_line_id, quantity) VALUES (?, ?, 1)').run(r.lastInsertRowid, l.id);
    }
    const report = kpiReport(db, { date: '2026-11-20' }, NOW);
    const found = (rule: string) => report.attention.find((f) => f.rule === rule);
    expect(found('repurchaseFalling')?.numbers).toEqual({ rate: '50.0%', previous: '100.0%' });
    expect(found('returnsRising')).toMatchObject({ subject: 'A', numbers: { returns: 2, previous: 0 } });
    expect(found('badReviewsRising')).toMatchObject({ subject: 'A', numbers: { negative: 2, previous: 0 } });
  });
});

describe('ad channels in what to look at', () => {
  it('states ROAS with the spend it divides: the spend of the days that report revenue', () => {
    const db = fixture();
    const ad = db.prepare("INSERT INTO ad_daily (shop_id, day, channel, campaign, currency, spend, revenue) VALUES (1, ?, 'wanxiangtai', 'B', 'CNY', 10000, ?)");
    ad.run('2026-11-19', null);
    ad.run('2026-11-20', 6000);
    const report = kpiReport(db, { from: '2026-11-19', to: '2026-11-20' }, NOW);
    expect(report.attention.find((f) => f.rule === 'lowRoas' && f.subject === 'wanxiangtai')!.numbers).toMatchObject({ roas: '0.60', spend: 10000, revenue: 6000 });
  });
});

describe('refunds, by when the money went back', () => {
  it('counts a refund an export brings and a paid order cancelled, each on its day (the return is in the fixture); db check sees every refund in the ledger', () => {
    const db = memoryDb();
    addShop(db, { name: 'US', platform: 'shopify', currency: 'CNY', timezone: 'Asia/Shanghai' }, NOW);
    addProduct(db, { title: 'Tea', sku: { code: 'TEA', price: '10', allowBackorder: true } }, NOW);
    const file = (name: string, rows: Record<string, string>[]) => [{ name, bytes: shopifyCsv(rows.map((r) => (r['Financial Status'] ? { ...r, 'Paid at': r['Created at']! } : r))) }];
    const opts = { dryRun: false, skipBad: false };
    // Both paid on the 20th (Beijing); the 23rd's export says #1 had ¥15.00 refunded.
    const created = '2026-11-20 10:00:00 +0800';
    importOrderFiles(db, file('d1.csv', [...shopifyOrder('#1', { financial: 'paid', total: '30.00', created, lines: [['TEA', 3, '10.00']] }), ...shopifyOrder('#2', { financial: 'paid', total: '20.00', created, lines: [['TEA', 2, '10.00']] })]), opts, bj('2026-11-20T12:00'));
    importOrderFiles(db, file('d2.csv', shopifyOrder('#1', { financial: 'partially_refunded', total: '30.00', created, refunded: '15.00', lines: [['TEA', 3, '10.00']] })), opts, bj('2026-11-23T09:00'));
    cancelOrder(db, { ref: '#2', shop: 'US' }, 'out of stock', bj('2026-11-24T09:00'));
    const day = (date: string) => kpiReport(db, { date, shop: 'US' }, NOW).shops[0]!;
    expect([value(day('2026-11-20'), 'gmv'), value(day('2026-11-20'), 'refunds')]).toEqual([5000, 0]);
    expect([value(day('2026-11-23'), 'refunds'), value(day('2026-11-23'), 'netSales')]).toEqual([1500, -1500]);
    expect(value(day('2026-11-24'), 'refunds')).toBe(2000); // what #2 paid, given back when it was cancelled
    const month = kpiReport(db, { period: 'month', date: '2026-11-20', shop: 'US' }, NOW).shops[0]!;
    expect([value(month, 'gmv'), value(month, 'refunds'), value(month, 'netSales')]).toEqual([5000, 3500, 1500]);
    expect(getOrder(db, '#2', 'US')).toMatchObject({ status: 'cancelled', paid: 2000, refunded: 2000 });
    expect(checkDatabase(db)).toEqual([]);
    db.prepare("UPDATE sales_order SET refunded = 100 WHERE platform_order_id = '#1'").run();
    expect(checkDatabase(db)).toEqual([{ kind: 'refunds', order: '#1', refunded: 100, ledger: 1500 }]);
  });
});

describe('slow movers in what to look at', () => {
  it('lists the 5 tying up the most money in each currency, never ranking yuan against dollars', () => {
    const db = memoryDb();
    addShop(db, { name: 'Tea House', platform: 'taobao' }, NOW);
    // Six USD SKUs of $1,000 at cost (P6 $900) and one CNY SKU of ¥2,500, none sold: more minor units, less money.
    for (const [code, cost, currency] of [['P1', '100.00', 'USD'], ['P2', '100.00', 'USD'], ['P3', '100.00', 'USD'], ['P4', '100.00', 'USD'], ['P5', '100.00', 'USD'], ['P6', '90.00', 'USD'], ['L1', '250.00', 'CNY']]) {
      addProduct(db, { title: code!, sku: { code: code!, price: '300.00', cost: cost!, currency: currency! } }, NOW);
      receiveStock(db, { sku: code!, quantity: 10 }, NOW - 40 * 86_400_000);
    }
    const slow = kpiReport(db, { date: '2026-11-20' }, NOW).attention.filter((f) => f.rule === 'slowMover');
    expect(slow.map((f) => [f.subject, f.numbers.currency, f.numbers.tiedUp])).toEqual([
      ['L1', 'CNY', 250000],
      ['P1', 'USD', 100000],
      ['P2', 'USD', 100000],
      ['P3', 'USD', 100000],
      ['P4', 'USD', 100000],
      ['P5', 'USD', 100000],
    ]);
  });
});

describe('time zones and currencies', () => {
  it('cuts a 23-hour DST day in America/New_York and counts orders on their local day', () => {
    const db = memoryDb();
    addShop(db, { name: 'NY Shop', platform: 'shopify', currency: 'USD', timezone: 'America/New_York' }, NOW);
    addProduct(db, { title: 'Mug', sku: { code: 'M', price: '12.00', currency: 'USD', allowBackorder: true } }, NOW);
    const at = (iso: string) => Date.parse(iso);
    const buy = (id: string, when: number) => addOrder(db, { platformOrderId: id, buyer: { name: id, email: `${id}@x.test` }, address: {}, items: [{ sku: 'M', quantity: 1 }], paid: true, placedAt: when }, when);
    buy('N1', at('2026-03-08T00:30:00-05:00')); // just after midnight, still EST
    buy('N2', at('2026-03-08T23:30:00-04:00')); // late evening, EDT: still the 8th
    buy('N3', at('2026-03-09T00:30:00-04:00')); // the 9th
    buy('N4', at('2026-03-07T23:30:00-05:00')); // the 7th
    const r = kpiReport(db, { date: '2026-03-08' }, NOW);
    const s = r.shops[0]!;
    expect(s.range!.until - s.range!.from).toBe(23 * 3_600_000);
    expect(value(s, 'paidOrders')).toBe(2);
    expect(value(s, 'gmv')).toBe(2400);
    const fall = instantRange({ fromDay: '2026-11-01', toDay: '2026-11-01' }, 'America/New_York');
    expect(fall.until - fall.from).toBe(25 * 3_600_000);
  });

  it('defaults to the last day that has ended in every shop zone, so no shop is cut short', () => {
    const db = fixture();
    addShop(db, { name: 'Etsy Tea', platform: 'etsy', currency: 'USD', timezone: 'America/New_York' }, NOW);
    // 10:00 on the 25th in Beijing, 21:00 on the 24th in New York: the 23rd has ended in both.
    const early = kpiReport(db, {}, Date.parse('2026-11-25T02:00:00Z'));
    expect(early.period).toEqual({ kind: 'day', fromDay: '2026-11-23', toDay: '2026-11-23' });
    // 16:00 in Beijing, 03:00 in New York: the 24th has.
    expect(kpiReport(db, {}, Date.parse('2026-11-25T08:00:00Z')).period).toEqual({ kind: 'day', fromDay: '2026-11-24', toDay: '2026-11-24' });
    // One shop: its own yesterday.
    expect(kpiReport(db, { shop: 'Tea House' }, Date.parse('2026-11-25T02:00:00Z')).period).toEqual({ kind: 'day', fromDay: '2026-11-24', toDay: '2026-11-24' });
  });

  it('never adds money in another currency than the shop\'s: it is listed apart, per currency', () => {
    const db = fixture();
    // The shop now sells in USD; its orders, refunds and ads so far are in CNY.
    db.prepare("UPDATE shop SET currency = 'USD' WHERE name = 'Tea House'").run();
    const s = kpiReport(db, { date: '2026-11-20' }, NOW).shops[0]!;
    expect(s.currency).toBe('USD');
    expect([value(s, 'gmv'), value(s, 'refunds'), value(s, 'adSpend')]).toEqual([0, 0, 0]);
    expect(s.otherCurrencies).toEqual(expect.arrayContaining([
      { currency: 'CNY', what: 'gmv', amount: 5550 },
      { currency: 'CNY', what: 'refunds', amount: 500 },
      { currency: 'CNY', what: 'adSpend', amount: 10000 },
    ]));
    expect(kpiJson(kpiReport(db, { date: '2026-11-20' }, NOW)).shops[0]!.otherCurrencies).toEqual(expect.arrayContaining([{ currency: 'CNY', what: 'gmv', amount: '55.50' }]));
  });

  it('reports each shop in its currency and totals only within one currency', () => {
    const db = fixture();
    addShop(db, { name: 'Tea PDD', platform: 'pdd' }, NOW);
    addShop(db, { name: 'Etsy Tea', platform: 'etsy', currency: 'USD', timezone: 'America/New_York' }, NOW);
    addOrder(db, { shop: 'Tea PDD', platformOrderId: 'D1', buyer: { name: '钱七', phone: '13300005555' }, address: {}, items: [{ sku: 'A', quantity: 1 }], paid: true, placedAt: bj('2026-11-20T11:00') }, bj('2026-11-20T11:00'));
    addOrder(db, { shop: 'Etsy Tea', platformOrderId: 'E1', buyer: { name: 'Ann', email: 'ann@x.test' }, address: {}, items: [{ sku: 'B', quantity: 1, unitPrice: '7.25' }], paid: true, placedAt: Date.parse('2026-11-20T12:00:00-05:00') }, Date.parse('2026-11-20T12:00:00-05:00'));
    const r = kpiReport(db, { date: '2026-11-20' }, NOW);
    expect(r.shops.map((s) => [s.shop, s.currency, value(s, 'gmv')])).toEqual([
      ['Tea House', 'CNY', 5550],
      ['Etsy Tea', 'USD', 725],
      ['Tea PDD', 'CNY', 1000],
    ]);
    expect(r.totals).toHaveLength(1);
    expect(r.totals[0]).toMatchObject({ shop: null, currency: 'CNY', shops: ['Tea House', 'Tea PDD'] });
    expect(value(r.totals[0]!, 'gmv')).toBe(6550);
    expect(value(r.totals[0]!, 'payingBuyers')).toBe(3);
    // Ratios are recomputed from the sums, not averaged: 3 buyers over 200 visitors (Tea PDD has no traffic).
    expect(value(r.totals[0]!, 'conversionRate')).toBeCloseTo(3 / 200, 10);
    const json = kpiJson(r);
    expect(json.totals.map((x) => x.currency)).toEqual(['CNY']);
  });
});

describe('the comparison period', () => {
  const p = (kind: Period['kind'], fromDay: string, toDay: string): Period => ({ kind, fromDay, toDay });
  it('is the days just before for a day, a week or a range, and the month before, day for day, for a month', () => {
    expect(previousPeriod(p('day', '2026-11-20', '2026-11-20'))).toEqual(p('day', '2026-11-19', '2026-11-19'));
    expect(previousPeriod(p('week', '2026-11-16', '2026-11-19'))).toEqual(p('week', '2026-11-09', '2026-11-12'));
    expect(previousPeriod(p('range', '2026-11-01', '2026-11-10'))).toEqual(p('range', '2026-10-22', '2026-10-31'));
    expect(previousPeriod(p('month', '2026-11-01', '2026-11-19'))).toEqual(p('month', '2026-10-01', '2026-10-19'));
    expect(previousPeriod(p('month', '2026-10-01', '2026-10-31'))).toEqual(p('month', '2026-09-01', '2026-09-30'));
    expect(previousPeriod(p('month', '2026-03-01', '2026-03-31'))).toEqual(p('month', '2026-02-01', '2026-02-28'));
    expect(previousPeriod(p('month', '2026-03-01', '2026-03-30'))).toEqual(p('month', '2026-02-01', '2026-02-28'));
    expect(previousPeriod(p('month', '2026-01-01', '2026-01-15'))).toEqual(p('month', '2025-12-01', '2025-12-15'));
  });
});

describe('the report period', () => {
  // 20 November 2026, 09:00 in Shanghai: yesterday there is the 19th.
  const now = Date.parse('2026-11-20T01:00:00Z');
  const period = (input: Parameters<typeof resolvePeriod>[0]) => resolvePeriod(input, 'Asia/Shanghai', now);
  it('cuts a running week or month at yesterday, whether --date names a day in it or not', () => {
    expect(period({ period: 'month' })).toEqual({ kind: 'month', fromDay: '2026-11-01', toDay: '2026-11-19' });
    expect(period({ period: 'month', date: '2026-11-05' })).toEqual({ kind: 'month', fromDay: '2026-11-01', toDay: '2026-11-19' });
    expect(period({ period: 'week', date: '2026-11-17' })).toEqual({ kind: 'week', fromDay: '2026-11-16', toDay: '2026-11-19' });
    expect(period({ period: 'month', date: '2026-10-05' })).toEqual({ kind: 'month', fromDay: '2026-10-01', toDay: '2026-10-31' });
    // A week that starts after yesterday has no day to cut to: it stays whole.
    expect(period({ period: 'week', date: '2026-11-25' })).toEqual({ kind: 'week', fromDay: '2026-11-23', toDay: '2026-11-29' });
  });
});

describe('metric helpers', () => {
  it('never divides by zero', () => {
    const values = metricValues({
      visitors: 0, pageViews: 0, bounced: 0, bounceVisitors: 0, addToCart: 0, cartVisitors: 0, orders: 0, units: 0, paidOrders: 0, payingBuyers: 0, paidAmount: 0, refunds: 0,
      newBuyers: 0, repeatBuyers: 0, adSpend: 0, ctrClicks: 0, ctrImpressions: 0, clicks: 0, cpcSpend: 0, adRevenue: 0, roasSpend: 0, ticketsOpened: 0, ticketsResolved: 0, slaBreaches: 0,
      returnsOpened: 0, shippedOrders: 0, ratingSum: 0, ratingCount: 0,
    });
    for (const key of ['bounceRate', 'conversionRate', 'addToCartRate', 'aov', 'repurchaseRate', 'ctr', 'cpc', 'roas', 'returnRate', 'averageRating'] as const) expect(values[key], key).toBeNull();
  });

  it('draws sparklines', () => {
    expect(sparkline([0, 1, 2, 3, 4, 5, 6, 7])).toBe('▁▂▃▄▅▆▇█');
    expect(sparkline([null, 0, 0])).toBe(' ▁▁');
    expect(sparkline([])).toBe('');
  });
});

describe('second review of the KPI', () => {
  type Item = { sku: string; quantity: number; unitPrice?: string };
  const buy = (db: ReturnType<typeof memoryDb>, id: string, buyer: string, at: number, items: Item[] = [{ sku: 'A', quantity: 1 }], shop?: string) =>
    addOrder(db, { shop, platformOrderId: id, buyer: { name: buyer, email: `${buyer}@x.test` }, address: {}, items, paid: true, placedAt: at }, at);

  it('flags a repurchase rate that fell by exactly 5 points (25% → 20%, 0.0499… in floating point)', () => {
    const db = memoryDb();
    addShop(db, { name: 'Tea House', platform: 'taobao' }, NOW);
    addProduct(db, { title: 'Tea A', sku: { code: 'A', price: '10.00', allowBackorder: true } }, NOW);
    // The 19th: b1 twice, b2–b4 once (1 repeat buyer of 4); the 20th: c1 twice, c2–c5 once (1 of 5).
    for (const [day, prefix, buyers] of [['2026-11-19', 'b', 4], ['2026-11-20', 'c', 5]] as const) {
      for (let i = 1; i <= buyers; i++) buy(db, `${prefix}${i}`, `${prefix}${i}-buyer`, bj(`${day}T1${i}:00`));
      buy(db, `${prefix}1x`, `${prefix}1-buyer`, bj(`${day}T20:00`));
    }
    const report = kpiReport(db, { date: '2026-11-20' }, NOW);
    expect([value(report.shops[0]!, 'repurchaseRate'), metric(report.shops[0]!, 'repurchaseRate').previous]).toEqual([0.2, 0.25]);
    expect(report.attention.find((f) => f.rule === 'repurchaseFalling')?.numbers).toEqual({ rate: '20.0%', previous: '25.0%' });
  });

  /** CN in Beijing and a dollar shop in `zone`, sharing SKU E: 50 on hand at ¥4.00, received 60 days before. */
  function stockInTwoZones(name: string, zone: string) {
    const db = memoryDb();
    addShop(db, { name: 'CN', platform: 'taobao' }, NOW);
    addShop(db, { name, platform: 'shopify', currency: 'USD', timezone: zone }, NOW);
    addProduct(db, { title: 'Tea E', sku: { code: 'E', price: '10.00', cost: '4.00' } }, NOW);
    receiveStock(db, { sku: 'E', quantity: 50 }, NOW - 60 * 86_400_000);
    return db;
  }

  it("counts stock cover over each shop's own 30 days, whichever shop the report is for", () => {
    const db = stockInTwoZones('US', 'America/New_York');
    // 22:00 on the 20th in New York is 11:00 on the 21st in Beijing: a sale of the 20th for the US shop.
    buy(db, 'U1', 'ann', Date.parse('2026-11-20T22:00:00-05:00'), [{ sku: 'E', quantity: 1, unitPrice: '3.00' }], 'US');
    // 00:30 on 22 October in New York: inside the 30 days ending 20 November there, outside 30 × 24 hours.
    buy(db, 'U2', 'bob', Date.parse('2026-10-22T00:30:00-04:00'), [{ sku: 'E', quantity: 1, unitPrice: '3.00' }], 'US');
    const now = Date.parse('2026-11-21T12:00:00Z');
    for (const shop of [undefined, 'CN', 'US']) {
      const slow = kpiReport(db, { date: '2026-11-20', shop }, now).attention.find((f) => f.rule === 'slowMover' && f.subject === 'E');
      expect(slow?.numbers, String(shop)).toMatchObject({ sold: 2, available: 48, onHand: 50 });
    }
  });

  it("ends the stock cover's days on one that has ended in every shop's zone, with --shop too", () => {
    const db = stockInTwoZones('LA', 'America/Los_Angeles');
    // 06:00 UTC on the 12th: 14:00 in Beijing, 22:00 on the 11th in Los Angeles, whose 11th has not ended.
    const now = Date.parse('2026-11-12T06:00:00Z');
    buy(db, 'L1', 'lee', Date.parse('2026-11-10T10:00:00-08:00'), [{ sku: 'E', quantity: 1, unitPrice: '3.00' }], 'LA');
    buy(db, 'L2', 'lou', Date.parse('2026-11-11T10:00:00-08:00'), [{ sku: 'E', quantity: 1, unitPrice: '3.00' }], 'LA');
    expect(kpiReport(db, { shop: 'CN' }, now).period.toDay).toBe('2026-11-11');
    for (const shop of [undefined, 'CN']) {
      const slow = kpiReport(db, { shop }, now).attention.find((f) => f.rule === 'slowMover' && f.subject === 'E');
      expect(slow?.numbers.sold, String(shop)).toBe(1);
    }
  });

  it('escapes a shop name in the Markdown lines about money in another currency', () => {
    const db = fixture();
    db.prepare("UPDATE shop SET currency = 'USD', name = 'Evil | <b>shop' WHERE name = 'Tea House'").run();
    const md = kpiMarkdown(t, kpiReport(db, { date: '2026-11-20' }, NOW));
    expect(md).toContain('> Evil \\| \\<b>shop');
    expect(md).not.toMatch(/[^\\]<b>shop/);
  });

  it('values a slow mover at cost of all on hand, reserved units too, and shows its cover as "—" when nothing sold', () => {
    const db = memoryDb();
    addShop(db, { name: 'Tea House', platform: 'taobao' }, NOW);
    addProduct(db, { title: 'Tea C', sku: { code: 'C', price: '10.00', cost: '4.00' } }, NOW);
    receiveStock(db, { sku: 'C', quantity: 50 }, NOW - 60 * 86_400_000);
    // Paid 40 days before and not shipped: 1 reserved, nothing sold in the 30 days.
    buy(db, 'R1', 'ruth', bj('2026-10-11T10:00'), [{ sku: 'C', quantity: 1 }]);
    const report = kpiReport(db, { date: '2026-11-20' }, NOW);
    const slow = report.attention.find((f) => f.rule === 'slowMover')!;
    expect(slow.numbers).toMatchObject({ onHand: 50, available: 49, sold: 0, cover: '—', tiedUp: 20000 });
    expect(findingText(t, slow)).toBe('C is slow — 49 available, 0 sold in 30 days (days of cover: —), tying up ¥200.00 at cost (50 on hand)');
  });

  it('takes a change against the size of the comparison value: net sales from −¥100 to ¥0 rose 100%', () => {
    const db = memoryDb();
    addShop(db, { name: 'US', platform: 'shopify', currency: 'CNY', timezone: 'Asia/Shanghai' }, NOW);
    addProduct(db, { title: 'Tea', sku: { code: 'TEA', price: '100', allowBackorder: true } }, NOW);
    buy(db, 'X1', 'xin', bj('2026-11-10T10:00'), [{ sku: 'TEA', quantity: 1 }], 'US');
    cancelOrder(db, { ref: 'X1', shop: 'US' }, 'changed mind', bj('2026-11-19T10:00'));
    const s = kpiReport(db, { date: '2026-11-20', shop: 'US' }, NOW).shops[0]!;
    expect(metric(s, 'netSales')).toMatchObject({ value: 0, previous: -10000, delta: 10000, change: 1 });
    expect(kpiRows(t, kpiReport(db, { date: '2026-11-20', shop: 'US' }, NOW)).find((r) => r.metric === 'Net sales')?.change).toBe('+100.0%');
  });

  it('escapes a title in the Markdown so that it stays in its cell and is never taken for HTML; a SKU with no traffic row has visitors "—"', () => {
    const db = memoryDb();
    addShop(db, { name: 'Tea House', platform: 'taobao' }, NOW);
    addProduct(db, { title: 'Back\\|slash <b>tea</b>', sku: { code: 'BS', price: '10.00', allowBackorder: true } }, NOW);
    buy(db, 'M1', 'mia', bj('2026-11-20T10:00'), [{ sku: 'BS', quantity: 1 }]);
    const report = kpiReport(db, { date: '2026-11-20' }, NOW);
    expect(report.shops[0]!.topProducts[0]).toMatchObject({ sku: 'BS', visitors: null });
    expect(kpiJson(report).shops[0]!.topProducts[0]).toMatchObject({ sku: 'BS', visitors: null });
    expect(kpiMarkdown(t, report)).toContain('| BS | Back\\\\\\|slash \\<b>tea\\</b> | 1 | ¥10.00 | 1 | — |');
  });

  it('names an ad channel in a finding as shopkeep prints it, in either language', () => {
    const db = fixture();
    db.prepare("INSERT INTO ad_daily (shop_id, day, channel, campaign, currency, spend, revenue) VALUES (1, '2026-11-20', 'meta', 'M', 'CNY', 10000, 5000)").run();
    const report = kpiReport(db, { date: '2026-11-20' }, NOW);
    const meta = report.attention.find((f) => f.rule === 'lowRoas' && f.subject === 'meta')!;
    expect(findingText(t, meta)).toBe('Tea House: channel Meta returns less than it costs — ROAS 0.50 (¥50.00 revenue on ¥100.00 spend)');
    const ztc = report.attention.find((f) => f.rule === 'lowRoas' && f.subject === 'ztc')!;
    expect(findingText(translator(zhCN), ztc)).toContain('推广渠道 直通车 入不敷出');
    expect(findingText(translator(zhCN), meta)).toContain('推广渠道 Meta 广告 入不敷出');
  });

  it('asks for a calendar day where a report takes one (7d is for --since, not --date)', () => {
    const db = fixture();
    expect(() => kpiReport(db, { date: '7d' }, NOW)).toThrow(expect.objectContaining({ kind: 'usage', key: 'time.invalidDay', params: { field: '--date', value: '7d' } }));
    expect(t('time.invalidDay', { field: '--date', value: '7d' })).toBe('--date: "7d" is not a calendar day (use 2026-11-25)');
  });

  it("adds up a SKU's sales in every shop of a currency, not only where it was among the top ten", () => {
    const db = memoryDb();
    addShop(db, { name: 'S1', platform: 'taobao' }, NOW);
    addShop(db, { name: 'S2', platform: 'pdd' }, NOW);
    for (let i = 1; i <= 11; i++) addProduct(db, { title: `K${i}`, sku: { code: `K${i}`, price: '1.00', allowBackorder: true } }, NOW);
    // S1: K1–K10 at ¥101–110 and K11 at ¥1; S2: K11 at ¥111.
    for (let i = 1; i <= 10; i++) buy(db, `s1-${i}`, `buyer${i}`, bj('2026-11-20T10:00'), [{ sku: `K${i}`, quantity: 1, unitPrice: `${100 + i}.00` }], 'S1');
    buy(db, 's1-11', 'buyer11', bj('2026-11-20T10:00'), [{ sku: 'K11', quantity: 1, unitPrice: '1.00' }], 'S1');
    buy(db, 's2-11', 'buyer12', bj('2026-11-20T10:00'), [{ sku: 'K11', quantity: 1, unitPrice: '111.00' }], 'S2');
    const r = kpiReport(db, { date: '2026-11-20' }, NOW);
    expect(r.shops.find((s) => s.shop === 'S1')!.topProducts.map((p) => p.sku)).not.toContain('K11');
    const total = r.totals[0]!;
    expect(total.topProducts[0]).toMatchObject({ sku: 'K11', units: 2, amount: 11200 });
    expect(total.topProducts).toHaveLength(10);
  });
});
