import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { addProduct } from '../../src/domain/catalog/products.js';
import { receiveStock } from '../../src/domain/inventory/stock.js';
import { addOrder } from '../../src/domain/orders/create.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { withDb } from '../helpers/cli.js';
import { NOW } from '../helpers/db.js';

const at = (iso: string) => Date.parse(iso);

/** Tea House (CNY) with two paid orders and two ad rows, US Store (USD) with one order. */
function setUp() {
  const ctx = withDb();
  const db = openDatabase(ctx.db);
  try {
    addShop(db, { name: 'Tea House', platform: 'taobao' }, NOW);
    addShop(db, { name: 'US Store', platform: 'shopify', currency: 'USD', timezone: 'America/New_York' }, NOW);
    addProduct(db, { title: '西湖龙井', sku: { code: 'LJ', price: '368', cost: '190', reorderPoint: '20', leadTimeDays: '10' } }, NOW);
    addProduct(db, { title: 'Teapot', sku: { code: 'TP', price: '99' } }, NOW);
    receiveStock(db, { sku: 'LJ', quantity: 30 }, NOW);
    receiveStock(db, { sku: 'TP', quantity: 4 }, NOW);
    const buyer = { name: '王芳', phone: '13812345678' };
    const address = { city: '杭州市' };
    addOrder(db, { platformOrderId: 'A1', buyer, address, items: [{ sku: 'LJ', quantity: 1 }], paid: true, placedAt: at('2026-11-23T04:00:00Z') }, NOW);
    addOrder(db, { platformOrderId: 'A2', buyer, address, items: [{ sku: 'LJ', quantity: 2 }], paid: true, placedAt: at('2026-11-24T04:00:00Z') }, NOW);
    addOrder(db, { shop: 'US Store', platformOrderId: 'U1', buyer: { name: 'Ann' }, address: {}, items: [{ sku: 'LJ', quantity: 1, unitPrice: '50.00' }], paid: true, placedAt: at('2026-11-24T20:00:00Z') }, NOW);
    const ad = db.prepare('INSERT INTO ad_daily (shop_id, day, channel, campaign, currency, spend, impressions, clicks, orders, revenue) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    ad.run(1, '2026-11-24', 'ztc', 'Spring', 'CNY', 10000, 4000, 100, 2, 73600);
    ad.run(1, '2026-11-24', 'yinli', 'Retarget', 'CNY', 0, 0, 0, 0, 0);
  } finally {
    db.close();
  }
  return ctx;
}

describe('report sales', () => {
  it('prints JSON per day, shop and currency with exact amounts and per-currency totals', async () => {
    const { run } = setUp();
    const r = await run(['report', 'sales', '--from', '2026-11-23', '--to', '2026-11-24', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.period).toEqual({ kind: 'range', from: '2026-11-23', to: '2026-11-24' });
    expect(json.sales).toEqual([
      { bucket: '2026-11-23', shop: 'Tea House', platform: 'taobao', currency: 'CNY', orders: 1, units: 1, gmv: '368.00', refunds: '0.00', net: '368.00', aov: '368.00' },
      { bucket: '2026-11-24', shop: 'Tea House', platform: 'taobao', currency: 'CNY', orders: 1, units: 2, gmv: '736.00', refunds: '0.00', net: '736.00', aov: '736.00' },
      { bucket: '2026-11-24', shop: 'US Store', platform: 'shopify', currency: 'USD', orders: 1, units: 1, gmv: '50.00', refunds: '0.00', net: '50.00', aov: '50.00' },
    ]);
    expect(json.totals.map((t: { currency: string; gmv: string }) => [t.currency, t.gmv])).toEqual([
      ['CNY', '1104.00'],
      ['USD', '50.00'],
    ]);
  });

  it('defaults to the 30 days ending with the last day over in every shop zone, or in the zone of --shop', async () => {
    const { run } = setUp();
    // 10:00 on the 25th in Beijing, 21:00 on the 24th in New York.
    const now = '2026-11-25T02:00:00Z';
    const all = JSON.parse((await run(['report', 'sales', '--json'], { now })).stdout);
    expect(all.period).toMatchObject({ from: '2026-10-25', to: '2026-11-23' });
    const one = JSON.parse((await run(['report', 'sales', '--shop', 'Tea House', '--json'], { now })).stdout);
    expect(one.period).toMatchObject({ from: '2026-10-26', to: '2026-11-24' });
  });

  it('gives CSV for free and plain rows in a pipe', async () => {
    const { run } = setUp();
    const csv = await run(['report', 'sales', '--period', 'week', '--by', 'week', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split(/\r?\n/)[0]).toBe('bucket,shop,platform,orders,units,gmv,refunds,net,aov');
    expect(csv.stdout).toContain('2026-11-23,Tea House,taobao,2,3');
    const plain = await run(['report', 'sales', '--from', '2026-11-24', '--to', '2026-11-24', '--shop', 'US Store']);
    expect(plain.stdout).toContain('$50.00');
    expect(plain.stdout).not.toContain('¥');
  });

  it('speaks Chinese', async () => {
    const { run } = setUp();
    const r = await run(['--lang', 'zh-CN', 'report', 'sales', '--from', '2026-11-23', '--to', '2026-11-24']);
    expect(r.stdout).toContain('成交额');
    expect(r.stdout).toContain('客单价');
  });

  it('exits 2 on a bad --by and 3 on an unknown shop', async () => {
    const { run } = setUp();
    expect((await run(['report', 'sales', '--by', 'year'])).code).toBe(2);
    expect((await run(['report', 'sales', '--shop', 'Nope'])).code).toBe(3);
    expect((await run(['report', 'sales', '--from', '2026-11-01'])).code).toBe(2);
  });
});

describe('report products', () => {
  it('keys JSON per section and shows — for unknown margins', async () => {
    const { run } = setUp();
    const json = JSON.parse((await run(['report', 'products', '--json'])).stdout);
    expect(Object.keys(json)).toEqual(['period', 'bestsellers', 'slow', 'abc', 'margin']);
    expect(json.margin).toContainEqual({ sku: 'LJ', title: '西湖龙井', currency: 'CNY', units: 3, revenue: '1104.00', cost: '570.00', margin: '534.00', marginRate: 0.4837 });
    // USD line on a CNY-costed SKU: margin unknown, never mixed
    expect(json.margin).toContainEqual({ sku: 'LJ', title: '西湖龙井', currency: 'USD', units: 1, revenue: '50.00', cost: null, margin: null, marginRate: null });
    expect(json.slow.skus.map((s: { sku: string }) => s.sku)).toEqual(['TP']);
    const table = await run(['report', 'products', '--section', 'margin']);
    expect(table.stdout).toContain('—');
  });

  it("shows a slow mover's last sale as the day it was in the shop's zone", async () => {
    const ctx = setUp();
    const db = openDatabase(ctx.db);
    try {
      // 17:30 UTC on 30 September is already 1 October in Shanghai.
      addOrder(db, { platformOrderId: 'OLD', buyer: { name: 'Li' }, address: {}, items: [{ sku: 'TP', quantity: 1 }], paid: true, placedAt: at('2026-09-30T17:30:00Z') }, NOW);
    } finally {
      db.close();
    }
    const plain = await ctx.run(['report', 'products', '--section', 'slow']);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toMatch(/TP\tTeapot\t4\t—\t2026-10-01/);
  });

  it("dates a slow mover's last sale in the zone of the shop that made it, not the default shop's", async () => {
    const ctx = setUp();
    const db = openDatabase(ctx.db);
    try {
      // 03:30 UTC on 9 October: 11:30 on the 9th in Shanghai, 23:30 on the 8th in New York, where it was sold.
      addOrder(db, { shop: 'US Store', platformOrderId: 'U0', buyer: { name: 'Bo' }, address: {}, items: [{ sku: 'TP', quantity: 1, unitPrice: '20.00' }], paid: true, placedAt: at('2026-10-09T03:30:00Z') }, NOW);
    } finally {
      db.close();
    }
    const plain = await ctx.run(['report', 'products', '--section', 'slow']);
    expect(plain.stdout).toMatch(/TP\tTeapot\t4\t—\t2026-10-08/);
  });

  it('needs one --section for CSV', async () => {
    const { run } = setUp();
    expect((await run(['report', 'products', '--format', 'csv'])).code).toBe(2);
    const csv = await run(['report', 'products', '--section', 'abc', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout).toContain('LJ');
    expect((await run(['report', 'products', '--section', 'best'])).code).toBe(2);
    expect((await run(['report', 'products', '--top', 'x'])).code).toBe(2);
  });
});

describe('report inventory', () => {
  it('shows days of cover, — without sales, and reorder suggestions', async () => {
    const { run } = setUp();
    const json = JSON.parse((await run(['report', 'inventory', '--json'])).stdout);
    // LJ: 30 on hand, 4 reserved → 26 available; 4 sold in 30 days; cover 195 days; 26 > 20 → no reorder
    expect(json.inventory[0]).toMatchObject({ sku: 'LJ', available: 26, unitsSold: 4, dailySales: 0.13, daysOfCover: 195, reorder: false });
    expect(json.inventory[1]).toMatchObject({ sku: 'TP', daysOfCover: null, reorder: false });
    const plain = await run(['report', 'inventory']);
    expect(plain.stdout).toMatch(/TP\tTeapot\t4\t0\t4\t0\t0\.00\t—/);
  });
});

describe('report customers', () => {
  it('prints buyers and segments, one section for CSV', async () => {
    const { run } = setUp();
    const json = JSON.parse((await run(['report', 'customers', '--json'])).stdout);
    expect(json.buyers).toEqual([
      { shop: 'Tea House', currency: 'CNY', buyers: 1, newBuyers: 1, returningBuyers: 0, newSpend: '1104.00', returningSpend: '0.00' },
      { shop: 'US Store', currency: 'USD', buyers: 1, newBuyers: 1, returningBuyers: 0, newSpend: '50.00', returningSpend: '0.00' },
    ]);
    expect(json.segments.map((s: { currency: string }) => s.currency)).toEqual(['CNY', 'USD']);
    expect((await run(['report', 'customers', '--section', 'segments', '--format', 'csv'])).code).toBe(0);
    expect((await run(['report', 'customers', '--section', 'nope'])).code).toBe(2);
  });
});

describe('report ads', () => {
  it('prints per campaign with — where nothing was spent', async () => {
    const { run } = setUp();
    const json = JSON.parse((await run(['report', 'ads', '--period', 'day', '--json'])).stdout);
    expect(json.ads[0]).toEqual({ shop: 'Tea House', channel: 'ztc', campaign: 'Spring', currency: 'CNY', spend: '100.00', impressions: 4000, clicks: 100, ctr: 0.025, cpc: '1.00', orders: 2, revenue: '736.00', roas: 7.36 });
    expect(json.ads[1]).toMatchObject({ campaign: 'Retarget', ctr: null, cpc: null, roas: null });
    const plain = await run(['report', 'ads', '--period', 'day']);
    expect(plain.stdout).toMatch(/Retarget\t¥0\.00\t0\t0\t—\t—\t0\t¥0\.00\t—/);
  });
});

describe('the sibling reports as documents and files', () => {
  it('report sales: a sparkline of the trend on a terminal, Markdown on stdout, HTML and CSV to -o files', async () => {
    const { run, dir } = setUp();
    const period = ['--from', '2026-11-22', '--to', '2026-11-24'];
    const table = await run(['report', 'sales', ...period], { tty: true, env: { NO_COLOR: '1' } });
    expect(table.stdout).toMatch(/Net sales trend CNY\s*│?\s*[▁▂▃▄▅▆▇█]{3}\s+2026-11-22 … 2026-11-24/);
    // By week, every week of the period has its mark, the ones without a sale too (the first starts on the Monday before 1 November).
    const weeks = await run(['report', 'sales', '--from', '2026-11-01', '--to', '2026-11-24', '--by', 'week'], { tty: true, env: { NO_COLOR: '1' } });
    expect(weeks.stdout).toMatch(/Net sales trend CNY\s*│?\s*▁▁▁[▁▂▃▄▅▆▇█]█\s+2026-10-26 … 2026-11-23/);
    const md = await run(['report', 'sales', ...period, '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# /);
    expect(md.stdout).toContain('| 2026-11-24 | Tea House | taobao | 1 | 2 | ¥736.00 |');
    expect(md.stdout).toMatch(/\| ---: \|/);
    const html = await run(['report', 'sales', ...period, '-o', 'sales.html']);
    expect(html).toMatchObject({ code: 0, stdout: '' });
    const page = readFileSync(join(dir, 'sales.html'), 'utf8');
    expect(page).toMatch(/^<!doctype html>/);
    expect(page).toContain('<td class="num">¥736.00</td>');
    expect(page).not.toMatch(/<script|<link|src=|url\(/);
    expect((await run(['report', 'sales', ...period, '-o', 'sales.csv'])).code).toBe(0);
    const csv = readFileSync(join(dir, 'sales.csv'), 'utf8');
    expect(csv).toContain('bucket,shop,platform,orders,units,gmv,refunds,net,aov');
    expect(csv).toContain('2026-11-24,Tea House,taobao,1,2,¥736.00,¥0.00,¥736.00,¥736.00');
  });

  it('report products, inventory, customers and ads take --format md|html and -o like report kpi', async () => {
    const { run, dir } = setUp();
    for (const args of [['products'], ['inventory'], ['customers'], ['ads', '--from', '2026-11-24', '--to', '2026-11-24']]) {
      const md = await run(['report', ...args, '--format', 'md']);
      expect([args[0], md.code]).toEqual([args[0], 0]);
      expect(md.stdout).toMatch(/^# .+\n/);
      const file = `${args[0]}.html`;
      expect((await run(['report', ...args, '-o', file])).code).toBe(0);
      expect(readFileSync(join(dir, file), 'utf8')).toMatch(/^<!doctype html>[\s\S]*<table>/);
    }
    expect(readFileSync(join(dir, 'ads.html'), 'utf8')).toContain('Spring');
  });

  it('-o into a missing directory: a clear message and exit 2, nothing left behind', async () => {
    const { run, dir } = setUp();
    const r = await run(['report', 'sales', '-o', 'nowhere/sales.html']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot write nowhere/sales.html: its directory does not exist');
    expect(r.stderr).not.toMatch(/unexpected|ENOENT/);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('any view as Markdown or HTML keeps its headings: order show names the order, then its lines', async () => {
    const { run } = setUp();
    const md = await run(['order', 'show', 'A1', '--format', 'md']);
    expect(md.code).toBe(0);
    expect(md.stdout).toMatch(/^# A1 · Tea House\n/);
    expect(md.stdout).toContain('\n## Lines\n');
    const html = await run(['order', 'show', 'A1', '--format', 'html']);
    expect(html.stdout).toContain('<title>A1 · Tea House</title>');
    expect(html.stdout).toContain('<h2>Lines</h2>');
  });

  it('order show marks an item the platform cancelled, in the table and in JSON', async () => {
    const { run, dir } = setUp();
    expect((await run(['shop', 'add', 'AMZ', '--platform', 'amazon', '--currency', 'USD', '--timezone', 'America/Los_Angeles'])).code).toBe(0);
    const rows = [
      ['amazon-order-id', 'purchase-date', 'order-status', 'product-name', 'sku', 'item-status', 'quantity', 'currency', 'item-price'],
      ['111-1', '2026-11-24T09:00:00+00:00', 'Unshipped', 'Tea', 'LJ', 'Unshipped', '1', 'USD', '16.00'],
      ['111-1', '2026-11-24T09:00:00+00:00', 'Unshipped', 'Pot', 'TP', 'Cancelled', '1', 'USD', '8.00'],
    ];
    writeFileSync(join(dir, 'all.txt'), rows.map((r) => r.join('\t')).join('\r\n'));
    expect((await run(['order', 'import', 'all.txt', '--shop', 'AMZ'])).code).toBe(0);
    const shown = await run(['order', 'show', '111-1', '--shop', 'AMZ']);
    expect(shown.stdout).toMatch(/Pot · cancelled by the platform/);
    expect(shown.stdout).not.toMatch(/Tea · cancelled/);
    const lines = JSON.parse((await run(['order', 'show', '111-1', '--shop', 'AMZ', '--json'])).stdout).order.lines;
    expect(lines.map((l: { sku: string; cancelled: boolean; reserved: number }) => [l.sku, l.cancelled, l.reserved])).toEqual([['LJ', false, 1], ['TP', true, 0]]);
  });

  it('order cancel gives a paid order its money back: order show says what was refunded, and the KPI counts it that day', async () => {
    const { run } = setUp();
    expect((await run(['order', 'cancel', 'A1', '--reason', 'out of stock'])).code).toBe(0);
    const shown = await run(['order', 'show', 'A1']);
    expect(shown.stdout).toMatch(/paid ¥368\.00; refunded ¥368\.00/);
    expect(JSON.parse((await run(['order', 'show', 'A1', '--json'])).stdout).order).toMatchObject({ paid: '368.00', refunded: '368.00' });
    const day = new Date(NOW + 8 * 3_600_000).toISOString().slice(0, 10); // NOW's day in Beijing
    const kpi = JSON.parse((await run(['report', 'kpi', '--date', day, '--shop', 'Tea House', '--json'])).stdout);
    expect(kpi.shops[0].metrics.refunds.value).toBe('368.00');
    expect((await run(['db', 'check'])).code).toBe(0);
  });
});
