import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../../src/domain/admin/database.js';
import { importOrderFiles } from '../../src/domain/imports/run.js';
import { addShop } from '../../src/domain/shops/shops.js';
import type { Platform } from '../../src/domain/shops/types.js';
import { memoryDb, NOW } from '../helpers/db.js';

const fixture = (name: string) => ({ name, bytes: readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url)) });

/** Every platform fixture (pairs together), into a shop of its platform, currency and zone. */
const CASES: [files: string[], platform: Platform, currency: string, zone: string][] = [
  [['amazon-all-orders.txt'], 'amazon', 'USD', 'America/Los_Angeles'],
  [['amazon-all-orders-fr-cp1252.txt'], 'amazon', 'EUR', 'Europe/Paris'],
  [['amazon-legacy-order-report.txt'], 'amazon', 'GBP', 'Europe/London'],
  [['amazon-unshipped-jp-sjis.txt'], 'amazon', 'JPY', 'Asia/Tokyo'],
  [['douyin-orders.csv'], 'douyin', 'CNY', 'Asia/Shanghai'],
  [['douyin-orders-gb18030.csv'], 'douyin', 'CNY', 'Asia/Shanghai'],
  [['ebay-orders-report.csv'], 'ebay', 'USD', 'America/New_York'],
  [['etsy-EtsySoldOrders2026-9.csv', 'etsy-EtsySoldOrderItems2026-9.csv'], 'etsy', 'USD', 'America/New_York'],
  [['etsy-EtsySoldOrderItems2026-9.csv'], 'etsy', 'USD', 'America/New_York'],
  [['jd-orders-export.csv'], 'jd', 'CNY', 'Asia/Shanghai'],
  [['pdd-orders-2019.csv'], 'pdd', 'CNY', 'Asia/Shanghai'],
  [['pdd-orders-2023.csv'], 'pdd', 'CNY', 'Asia/Shanghai'],
  [['shopify-orders_export.csv'], 'shopify', 'USD', 'America/New_York'],
  [['taobao-ExportOrderList201904011200.csv', 'taobao-ExportOrderDetailList201904011200.csv'], 'taobao', 'CNY', 'Asia/Shanghai'],
  [['taobao-tmall-ExportOrderDetailList202006011200.csv'], 'tmall', 'CNY', 'Asia/Shanghai'],
  [['woocommerce-analytics-orders.csv'], 'woocommerce', 'USD', 'America/New_York'],
  [['woocommerce-aoe-orders.csv'], 'woocommerce', 'USD', 'America/New_York'],
  [['woocommerce-webtoffee-orders.csv'], 'woocommerce', 'GBP', 'Europe/London'],
];

describe('every platform fixture into a real database', () => {
  it.each(CASES)('%s: imports (bad rows aside), checks out, and imports again as unchanged', (files, platform, currency, timezone) => {
    const db = memoryDb();
    addShop(db, { name: 'Shop', platform, currency, timezone }, NOW);
    const options = { dryRun: false, skipBad: true, shop: 'Shop' };
    const [first] = importOrderFiles(db, files.map(fixture), options, NOW);
    expect(first!.orders.new).toBeGreaterThan(0);
    expect(checkDatabase(db)).toEqual([]);
    const lines = db.prepare('SELECT count(*) FROM order_line').pluck().get();
    const [again] = importOrderFiles(db, files.map(fixture), options, NOW);
    expect(again!.orders).toEqual({ new: 0, updated: 0, unchanged: first!.orders.new });
    expect(db.prepare('SELECT count(*) FROM order_line').pluck().get()).toBe(lines);
  });
});
