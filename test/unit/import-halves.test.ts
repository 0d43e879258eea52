import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../../src/domain/admin/database.js';
import { addProduct } from '../../src/domain/catalog/products.js';
import { importOrderFiles } from '../../src/domain/imports/run.js';
import { receiveStock } from '../../src/domain/inventory/stock.js';
import { addShop } from '../../src/domain/shops/shops.js';
import type { Platform } from '../../src/domain/shops/types.js';
import type { Db } from '../../src/db/open.js';
import { memoryDb, NOW } from '../helpers/db.js';

// The two halves of a Taobao or Etsy export imported in separate runs end as the pair imported together does.
const fixture = (name: string) => ({ name, bytes: readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url)) });
const TAOBAO = ['taobao-ExportOrderList201904011200.csv', 'taobao-ExportOrderDetailList201904011200.csv'];
const ETSY = ['etsy-EtsySoldOrders2026-9.csv', 'etsy-EtsySoldOrderItems2026-9.csv'];
const options = { dryRun: false, skipBad: true, shop: 'Shop' };

function shop(platform: Platform, currency: string, codes: string[]): Db {
  const db = memoryDb();
  addShop(db, { name: 'Shop', platform, currency, timezone: platform === 'etsy' ? 'America/New_York' : 'Asia/Shanghai' }, NOW);
  for (const code of codes) {
    addProduct(db, { title: code, sku: { code, price: '10.00' } }, NOW);
    receiveStock(db, { sku: code, quantity: 10 }, NOW);
  }
  return db;
}

const taobaoShop = () => shop('taobao', 'CNY', ['GAIWAN-CELADON', 'TRAY-S', 'ZISHA-01', 'PUER-357']);
const etsyShop = () => shop('etsy', 'USD', ['GW-CEL', 'TRAY-S', 'SOAP-LAV', 'TEAPOT']);

const run = (db: Db, files: string[]) => importOrderFiles(db, files.map(fixture), options, NOW)[0]!;

/** What the halves must agree on: each order's lines and stock, the SKUs' stock, what each shipment holds. */
const state = (db: Db) => ({
  lines: db.prepare(`SELECT o.platform_order_id, l.line_key, l.sku_id, l.quantity, l.unit_price, l.reserved, l.shipped FROM order_line l
    JOIN sales_order o ON o.id = l.order_id ORDER BY o.platform_order_id, l.line_key`).raw().all(),
  skus: db.prepare('SELECT code, on_hand, reserved FROM sku ORDER BY code').raw().all(),
  shipments: db.prepare(`SELECT o.platform_order_id, s.tracking_number, l.line_key, sl.quantity FROM shipment s JOIN sales_order o ON o.id = s.order_id
    LEFT JOIN shipment_line sl ON sl.shipment_id = s.id LEFT JOIN order_line l ON l.id = sl.order_line_id ORDER BY 1, 2, 3`).raw().all(),
  orders: db.prepare('SELECT platform_order_id, status, total, paid FROM sales_order ORDER BY 1').raw().all(),
});

describe('the halves of a two-file export in separate runs', () => {
  it('Taobao: 订单报表 alone, then the pair: the items replace the stand-in lines, stock and shipments included', () => {
    const together = taobaoShop();
    run(together, TAOBAO);
    const apart = taobaoShop();
    const first = run(apart, TAOBAO.slice(0, 1));
    expect(first.orders.new).toBeGreaterThan(0);
    expect(apart.prepare("SELECT count(*) FROM order_line WHERE line_key LIKE '(order row) %'").pluck().get()).toBe(first.orders.new);
    const second = run(apart, TAOBAO);
    expect(second.orders).toMatchObject({ new: 0, updated: first.orders.new });
    expect(state(apart)).toEqual(state(together));
    expect(checkDatabase(apart)).toEqual([]);
    const events = apart.prepare("SELECT from_value FROM order_event WHERE kind = 'lines' AND to_value IS NULL").pluck().all() as string[];
    expect(events.length).toBe(first.orders.new);
    expect(events.every((e) => e.startsWith('(order row) '))).toBe(true);
  });

  it('Taobao: the pair, then 订单报表 alone: the stand-ins are ignored and nothing changes', () => {
    const db = taobaoShop();
    const pair = run(db, TAOBAO);
    const before = state(db);
    const alone = run(db, TAOBAO.slice(0, 1));
    expect(alone.orders).toEqual({ new: 0, updated: 0, unchanged: pair.orders.new });
    expect(state(db)).toEqual(before);
  });

  it('Etsy: SoldOrders alone, then both: a reservation counted once', () => {
    const together = etsyShop();
    run(together, ETSY);
    const apart = etsyShop();
    run(apart, ETSY.slice(0, 1));
    // SOAP-LAV ×3 on a paid order: reserved by its stand-in line.
    expect(apart.prepare("SELECT reserved FROM sku WHERE code = 'SOAP-LAV'").pluck().get()).toBe(3);
    run(apart, ETSY);
    expect(state(apart)).toEqual(state(together));
    expect(apart.prepare("SELECT reserved FROM sku WHERE code = 'SOAP-LAV'").pluck().get()).toBe(3);
    expect(checkDatabase(apart)).toEqual([]);
  });

  it('Etsy: a shipped single-SKU order, SoldOrders alone then both: its units leave stock once', () => {
    // Order 3456789013 (SOAP-LAV ×3) shipped on 13 September.
    const orders = fixture(ETSY[0]!);
    const shipped = { name: orders.name, bytes: Buffer.from(orders.bytes.toString('utf8').replace('3,Credit Card,,100 Main St', '3,Credit Card,09/13/26,100 Main St')) };
    const items = fixture(ETSY[1]!);
    const together = etsyShop();
    importOrderFiles(together, [shipped, items], options, NOW);
    const apart = etsyShop();
    importOrderFiles(apart, [shipped], options, NOW);
    expect(apart.prepare("SELECT on_hand FROM sku WHERE code = 'SOAP-LAV'").pluck().get()).toBe(7);
    importOrderFiles(apart, [shipped, items], options, NOW);
    expect(state(apart)).toEqual(state(together));
    expect(apart.prepare("SELECT on_hand FROM sku WHERE code = 'SOAP-LAV'").pluck().get()).toBe(7);
    expect(checkDatabase(apart)).toEqual([]);
  });

  it('Etsy: SoldOrders alone, then SoldOrderItems alone: the items replace the stand-ins, and dates never undo a cancellation', () => {
    const together = etsyShop();
    run(together, ETSY);
    const apart = etsyShop();
    run(apart, ETSY.slice(0, 1));
    run(apart, ETSY.slice(1));
    // The items file alone guesses "paid" for 3456789014 from its Date Paid; the orders file said it was refunded.
    expect(apart.prepare("SELECT status FROM sales_order WHERE platform_order_id = '3456789014'").pluck().get()).toBe('cancelled');
    expect(state(apart)).toEqual(state(together));
    expect(checkDatabase(apart)).toEqual([]);
  });

  it('Etsy: the pair again with an order now Canceled: the stated status wins over the items file guess', () => {
    const db = etsyShop();
    run(db, ETSY);
    const orders = fixture(ETSY[0]!);
    const canceled = { name: orders.name, bytes: Buffer.from(orders.bytes.toString('utf8').replace(',30.30,,1.00,', ',30.30,Canceled,1.00,')) };
    const [again] = importOrderFiles(db, [canceled, fixture(ETSY[1]!)], options, NOW);
    expect(again!.orders.updated).toBe(1);
    expect(db.prepare("SELECT status FROM sales_order WHERE platform_order_id = '3456789013'").pluck().get()).toBe('cancelled');
    expect(db.prepare("SELECT reserved FROM sku WHERE code = 'SOAP-LAV'").pluck().get()).toBe(0);
  });

  it('Taobao: 订单报表 alone, then 宝贝报表 alone: the orders keep the amounts the 订单报表 stated', () => {
    const db = taobaoShop();
    run(db, TAOBAO.slice(0, 1));
    const amounts = () => db.prepare('SELECT platform_order_id, item_subtotal, shipping, discount, total, paid, refunded FROM sales_order ORDER BY 1').raw().all();
    const before = amounts();
    run(db, TAOBAO.slice(1));
    expect(amounts()).toEqual(before);
    expect(db.prepare("SELECT count(*) FROM order_line WHERE line_key LIKE '(order row) %'").pluck().get()).toBe(0);
  });

  it('Taobao: a 宝贝报表 alone whose only item of an order is closed does not cancel the order the 订单报表 said completed', () => {
    const db = taobaoShop();
    const orders = ['订单编号,买家会员名,订单状态,宝贝标题,宝贝总数量,买家应付货款,订单创建时间,订单付款时间', '="77",a,交易成功,茶,1,10.00,2026-11-10 10:00:00,2026-11-10 10:01:00'].join('\r\n');
    const items = ['订单编号,标题,价格,购买数量,商家编码,商品属性,订单状态', '="77",普洱,10.00,1,PUER-357,,交易关闭'].join('\r\n');
    importOrderFiles(db, [{ name: 'ExportOrderList.csv', bytes: Buffer.from(orders) }], options, NOW);
    expect(db.prepare("SELECT status FROM sales_order WHERE platform_order_id = '77'").pluck().get()).toBe('completed');
    importOrderFiles(db, [{ name: 'ExportOrderDetailList.csv', bytes: Buffer.from(items) }], options, NOW + 60_000);
    expect(db.prepare("SELECT status FROM sales_order WHERE platform_order_id = '77'").pluck().get()).toBe('completed');
  });
});
