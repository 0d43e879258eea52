import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/cli/render/csv.js';
import type { Db } from '../../src/db/open.js';
import { addProduct } from '../../src/domain/catalog/products.js';
import { ShopkeepError } from '../../src/domain/errors.js';
import { receiveStock } from '../../src/domain/inventory/stock.js';
import { exportInstant, exportOrders, ORDER_EXPORT_COLUMNS, orderExportJson, orderExportRows, type ExportQuery } from '../../src/domain/imports/export.js';
import { parseOrderFiles } from '../../src/domain/imports/parse-files.js';
import { shopkeepOrders } from '../../src/domain/imports/profiles/shopkeep.js';
import { importOrderFiles } from '../../src/domain/imports/run.js';
import { addOrder } from '../../src/domain/orders/create.js';
import { findOrder } from '../../src/domain/orders/find.js';
import { mergeOrders } from '../../src/domain/orders/merge-split.js';
import { shipOrder } from '../../src/domain/orders/ship.js';
import { cancelOrder, completeOrder, deliverOrder, holdOrder, startPicking } from '../../src/domain/orders/transitions.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { memoryDb, NOW } from '../helpers/db.js';
import { ADDRESS } from '../helpers/orders.js';

const BIG = '6917926768823643751';
const T = (iso: string) => Date.parse(iso);
const NOTE = '请尽快发货,谢谢\n周末不在家';

/** Shops and SKUs, no orders: what the target database of a round trip starts with. */
function catalogue(db: Db = memoryDb()): Db {
  addShop(db, { name: 'Tea House', platform: 'taobao' }, NOW);
  addShop(db, { name: 'US Store', platform: 'amazon', currency: 'USD', timezone: 'America/New_York' }, NOW);
  addProduct(db, { title: '西湖龙井 明前', sku: { code: 'A', price: '10.00', variant: { 规格: '250g' } } }, NOW);
  addProduct(db, { title: 'Tea B', sku: { code: 'B', price: '25.50' } }, NOW);
  addProduct(db, { title: 'Teapot C', sku: { code: 'C', price: '99', allowBackorder: true } }, NOW);
  return db;
}

/** Orders in every state, with the awkward values a round trip must keep. */
function seeded(): Db {
  const db = catalogue();
  receiveStock(db, { sku: 'A', quantity: 20 }, NOW);
  receiveStock(db, { sku: 'B', quantity: 5 }, NOW);
  const buyer = { buyerId: 'tb_wangfang', name: '王芳', phone: '+8613812345678', email: 'wf@example.com' };
  addOrder(db, {
    platformOrderId: BIG,
    buyer,
    address: ADDRESS,
    items: [{ sku: 'A', quantity: 2, unitPrice: '750.00' }, { sku: 'B', quantity: 1 }],
    shipping: '12.00',
    discount: '5.50',
    buyerNote: NOTE,
    sellerMemo: '=SUM(A1:A9)',
    paid: true,
    placedAt: T('2026-11-20T02:03:04Z'),
  }, NOW);
  shipOrder(db, { ref: BIG, carrier: 'SF', tracking: 'SF1234567890123', items: [{ sku: 'A', quantity: 1 }] }, T('2026-11-20T09:00:00Z'));
  shipOrder(db, { ref: BIG, carrier: 'ZTO', tracking: '773000000000001' }, T('2026-11-21T09:00:00Z'));
  deliverOrder(db, { ref: BIG }, T('2026-11-23T09:00:00Z'));
  completeOrder(db, { ref: BIG }, T('2026-11-24T09:00:00Z'));

  addOrder(db, { platformOrderId: 'P-1500', buyer: { name: 'Li Lei' }, address: { ...ADDRESS, name: 'Li Lei', street: "'quoted' street" }, items: [{ sku: 'A', quantity: 2, unitPrice: '750.00' }], buyerNote: '-5 off please', sellerMemo: '@boss check', paid: true, placedAt: T('2026-11-21T10:00:00.250Z') }, NOW);
  addOrder(db, { platformOrderId: 'P-PART', buyer, address: ADDRESS, items: [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }], paid: true, placedAt: T('2026-11-22T01:00:00Z') }, NOW);
  shipOrder(db, { ref: 'P-PART', carrier: 'YTO', tracking: 'YT1234567890123', items: [{ sku: 'A', quantity: 1 }] }, T('2026-11-22T08:00:00Z'));
  addOrder(db, { platformOrderId: 'P-HOLD', buyer, address: ADDRESS, items: [{ sku: 'B', quantity: 1 }], paid: true, placedAt: T('2026-11-22T02:00:00Z') }, NOW);
  startPicking(db, findOrder(db, 'P-HOLD'), T('2026-11-22T03:00:00Z'));
  holdOrder(db, { ref: 'P-HOLD' }, 'address check', T('2026-11-22T04:00:00Z'));
  addOrder(db, { platformOrderId: 'P-CANCEL', buyer: {}, address: {}, items: [{ sku: 'C', quantity: 1 }], paid: true, placedAt: T('2026-11-22T05:00:00Z') }, NOW);
  cancelOrder(db, { ref: 'P-CANCEL' }, 'buyer asked', T('2026-11-22T06:00:00Z'));
  addOrder(db, { platformOrderId: 'P-PENDING', buyer, address: ADDRESS, items: [{ sku: 'C', quantity: 3 }], placedAt: T('2026-11-23T05:00:00Z') }, NOW);
  // Merging leaves the second order cancelled with no lines at all.
  addOrder(db, { platformOrderId: 'P-M1', buyer, address: ADDRESS, items: [{ sku: 'A', quantity: 1 }], placedAt: T('2026-11-24T05:00:00Z') }, NOW);
  addOrder(db, { platformOrderId: 'P-M2', buyer, address: ADDRESS, items: [{ sku: 'B', quantity: 1 }], placedAt: T('2026-11-24T06:00:00Z') }, NOW);
  mergeOrders(db, { ref: 'P-M1' }, { ref: 'P-M2' }, T('2026-11-24T07:00:00Z'));
  addOrder(db, { shop: 'US Store', platformOrderId: '114-3941689-8772232', buyer: { name: 'Ann Smith', email: 'ann@example.com' }, address: { name: 'Ann Smith', street: '1 Main St', city: 'Boston', province: 'MA', postcode: '02134', country: 'US' }, items: [{ sku: 'A', quantity: 1, unitPrice: '12.00' }], tax: '0.75', paid: true, placedAt: T('2026-11-25T05:30:00Z') }, NOW);
  return db;
}

function csv(db: Db, query: ExportQuery = {}, excel = false): string {
  const rows = orderExportRows(exportOrders(db, query, NOW));
  return renderCsv({ columns: ORDER_EXPORT_COLUMNS.map((key) => ({ key, label: key })), rows }, excel);
}

const importInto = (db: Db, shop: string, text: string, now = NOW) =>
  importOrderFiles(db, [{ name: 'orders.csv', bytes: Buffer.from(text, 'utf8') }], { platform: 'shopkeep', shop, dryRun: false, skipBad: false }, now);

/** Everything an import could touch, except the bookkeeping columns of the import itself. */
function snapshot(db: Db) {
  const all = (sql: string) => db.prepare(sql).all();
  return {
    orders: all('SELECT * FROM sales_order ORDER BY id').map((r) => ({ ...(r as object), updated_at: undefined, import_hash: undefined })),
    lines: all('SELECT * FROM order_line ORDER BY id'),
    events: all('SELECT * FROM order_event ORDER BY id'),
    shipments: all('SELECT * FROM shipment ORDER BY id'),
    shipmentLines: all('SELECT * FROM shipment_line ORDER BY shipment_id, order_line_id'),
    customers: all('SELECT * FROM customer ORDER BY id'),
    skus: all('SELECT code, on_hand, reserved FROM sku ORDER BY id'),
    movements: all('SELECT count(*) AS n FROM stock_movement'),
  };
}

const cellsOf = (text: string) => parseOrderFiles([{ name: 'x.csv', bytes: Buffer.from(text) }], [shopkeepOrders], { zone: 'Asia/Shanghai', currency: 'CNY' });

describe('order export', () => {
  it('round trip: export → import into an empty database → export gives the same bytes, shop by shop', () => {
    const source = seeded();
    for (const shop of ['Tea House', 'US Store']) {
      const first = csv(source, { shop });
      const target = catalogue();
      const [result] = importInto(target, shop, first);
      expect(result!.rejected).toBe(0);
      expect(result!.profile).toBe('shopkeep');
      expect(csv(target, { shop })).toBe(first);
      expect(exportOrders(target, { shop }, NOW).map(orderExportJson)).toEqual(exportOrders(source, { shop }, NOW).map(orderExportJson));
    }
  });

  it('round trip keeps the awkward values: 19 digits, several lines, Chinese, a note with a newline and a comma, formula starts', () => {
    const target = catalogue();
    importInto(target, 'Tea House', csv(seeded(), { shop: 'Tea House' }));
    const [big] = exportOrders(target, { shop: 'Tea House' }, NOW);
    expect(big!.platformOrderId).toBe(BIG);
    expect(big!.buyerNote).toBe(NOTE);
    expect(big!.sellerMemo).toBe('=SUM(A1:A9)');
    expect(big!.buyer).toEqual({ buyerId: 'tb_wangfang', name: '王芳', phone: '+8613812345678', email: 'wf@example.com' });
    expect(big!.lines.map((l) => [l.lineKey, l.sku, l.title, l.variant, l.quantity, l.unitPrice])).toEqual([
      ['1', 'A', '西湖龙井 明前', '250g', 2, 75000],
      ['2', 'B', 'Tea B', null, 1, 2550],
    ]);
    expect([big!.status, big!.carrier, big!.trackingNumber]).toEqual(['completed', 'ZTO', '773000000000001']);
    const p1500 = exportOrders(target, { shop: 'Tea House', statuses: ['paid'] }, NOW)[0]!;
    expect(p1500.placedAt).toBe(T('2026-11-21T10:00:00.250Z'));
    expect(p1500.buyerNote).toBe('-5 off please');
    expect(p1500.address.street).toBe("'quoted' street");
  });

  it('writes an order without lines as one row with empty line cells', () => {
    const rows = orderExportRows(exportOrders(seeded(), { statuses: ['cancelled'] }, NOW));
    const merged = rows.find((r) => r.order_id === 'P-M2')!;
    expect(rows.filter((r) => r.order_id === 'P-M2')).toHaveLength(1);
    expect(['line_key', 'sku', 'title', 'quantity', 'unit_price', 'line_discount', 'shipped'].map((c) => merged[c as 'sku'])).toEqual([null, null, null, null, null, null, null]);
    expect(merged.total).toBe('0.00');
  });

  it('re-importing an export into the database it came from changes no data', () => {
    const db = seeded();
    const text = csv(db, { shop: 'Tea House' });
    const before = snapshot(db);
    importInto(db, 'Tea House', text, NOW + 60_000);
    expect(snapshot(db)).toEqual(before);
    expect(csv(db, { shop: 'Tea House' })).toBe(text);
    const again = importInto(db, 'Tea House', text, NOW + 120_000);
    expect(again[0]!.orders).toEqual({ new: 0, updated: 0, unchanged: 8 });
    expect(snapshot(db)).toEqual(before);
  });

  it('re-importing the export of a shipped order with a cancelled item ships nothing more', () => {
    const db = memoryDb();
    addShop(db, { name: 'Amazon US', platform: 'amazon', currency: 'USD', timezone: 'America/Los_Angeles' }, NOW);
    for (const code of ['TEA-OOLONG-100', 'TEA-GREEN-250', 'MUG-CELADON', 'GAIWAN-WHITE']) {
      addProduct(db, { title: code, sku: { code, price: '8.00' } }, NOW);
      receiveStock(db, { sku: code, quantity: 10 }, NOW);
    }
    const amazon = readFileSync(new URL('../fixtures/imports/amazon-all-orders.txt', import.meta.url));
    importOrderFiles(db, [{ name: 'amazon-all-orders.txt', bytes: amazon }], { shop: 'Amazon US', dryRun: false, skipBad: true }, NOW);
    const cancelled = db.prepare(`SELECT l.shipped, o.status FROM order_line l JOIN sales_order o ON o.id = l.order_id
      WHERE o.platform_order_id = '112-3941689-8772232' AND l.seller_sku = 'TEA-OOLONG-100'`).get();
    expect(cancelled).toEqual({ shipped: 0, status: 'shipped' });
    const text = csv(db, { shop: 'Amazon US' });
    const before = snapshot(db);
    const [again] = importInto(db, 'Amazon US', text, NOW + 60_000);
    expect(again!.orders.new + again!.orders.updated).toBe(0);
    expect(snapshot(db)).toEqual(before);
  });

  it('round trip keeps an item the platform cancelled in an order still to ship: marked in line_status, reserving nothing, in this database or another', () => {
    const db = memoryDb();
    addShop(db, { name: 'Amazon US', platform: 'amazon', currency: 'USD', timezone: 'America/Los_Angeles' }, NOW);
    for (const code of ['TEA', 'POT']) {
      addProduct(db, { title: code, sku: { code, price: '8.00', currency: 'USD' } }, NOW);
      receiveStock(db, { sku: code, quantity: 10 }, NOW);
    }
    const header = ['amazon-order-id', 'purchase-date', 'order-status', 'product-name', 'sku', 'item-status', 'quantity', 'currency', 'item-price'];
    const report = [header, ['111-1', '2026-11-24T09:00:00+00:00', 'Unshipped', 'Tea', 'TEA', 'Unshipped', '2', 'USD', '16.00'], ['111-1', '2026-11-24T09:00:00+00:00', 'Unshipped', 'Pot', 'POT', 'Cancelled', '1', 'USD', '8.00']];
    importOrderFiles(db, [{ name: 'all.txt', bytes: Buffer.from(report.map((r) => r.join('\t')).join('\r\n')) }], { shop: 'Amazon US', dryRun: false, skipBad: false }, NOW);
    const reserved = (d: Db) => d.prepare("SELECT code, reserved FROM sku ORDER BY code").raw().all();
    expect(reserved(db)).toEqual([['POT', 0], ['TEA', 2]]);
    const text = csv(db, { shop: 'Amazon US' });
    expect(text).toMatch(/,POT,.*,cancelled\r\n/);
    const before = snapshot(db);
    const [again] = importInto(db, 'Amazon US', text, NOW + 60_000);
    expect(again!.orders).toEqual({ new: 0, updated: 0, unchanged: 1 });
    expect(again!.warnings).toEqual([]);
    expect(snapshot(db)).toEqual(before);
    const target = memoryDb();
    addShop(target, { name: 'Amazon US', platform: 'amazon', currency: 'USD', timezone: 'America/Los_Angeles' }, NOW);
    for (const code of ['TEA', 'POT']) addProduct(target, { title: code, sku: { code, price: '8.00', currency: 'USD' } }, NOW);
    importInto(target, 'Amazon US', text);
    expect(reserved(target)).toEqual([['POT', 0], ['TEA', 2]]);
    expect(csv(target, { shop: 'Amazon US' })).toBe(text);
  });

  // Orders made in shopkeep have no import hash yet: the import must compare what it would write.
  it('re-importing an export into the database it came from reports every order unchanged', () => {
    const db = seeded();
    const [result] = importInto(db, 'Tea House', csv(db, { shop: 'Tea House' }), NOW + 60_000);
    expect(result!.orders).toEqual({ new: 0, updated: 0, unchanged: 8 });
  });

  it('re-importing into the database it was imported into reports every order unchanged', () => {
    const target = catalogue();
    const text = csv(seeded(), { shop: 'Tea House' });
    importInto(target, 'Tea House', text);
    const [again] = importInto(target, 'Tea House', text, NOW + 60_000);
    expect(again!.orders).toEqual({ new: 0, updated: 0, unchanged: 8 });
  });

  it('is formula-safe: cells starting with = + - @ get an apostrophe, which the import takes off again', () => {
    const text = csv(seeded(), { shop: 'Tea House' });
    expect(text).toContain(",'=SUM(A1:A9),");
    expect(text).toContain(",'+8613812345678,");
    expect(text).toContain(",'-5 off please,");
    expect(text).toContain(",'@boss check,");
    expect(text).toContain(",''quoted' street,");
    expect(text).not.toMatch(/,[=+@-]/);
    expect(text).toContain(`,"${NOTE}",`);
    expect(text).toContain(`,${BIG},`);
    const big = cellsOf(text).orders.find((o) => o.platformOrderId === BIG)!;
    expect([big.sellerMemo, big.buyerPhone, big.buyerNote]).toEqual(['=SUM(A1:A9)', '+8613812345678', NOTE]);
  });

  it('writes the documented header, CRLF rows, and a BOM only with --excel', () => {
    const text = csv(seeded(), { shop: 'US Store' });
    expect(text.split('\r\n')[0]).toBe(ORDER_EXPORT_COLUMNS.join(','));
    expect(text.split('\r\n')[1]).toBe(
      'US Store,amazon,114-3941689-8772232,paid,USD,2026-11-25T00:30:00-05:00,2026-11-25T00:30:00-05:00,,,,,,Ann Smith,,ann@example.com,Ann Smith,,MA,Boston,,1 Main St,02134,US,12.00,0.00,0.00,0.75,12.75,12.75,0.00,,,,,1,A,,,西湖龙井 明前,250g,1,12.00,0.00,0,',
    );
    expect(text.startsWith('\uFEFF')).toBe(false);
    const excel = csv(seeded(), { shop: 'US Store' }, true);
    expect(excel).toBe(`\uFEFF${text}`);
    const target = catalogue();
    importInto(target, 'US Store', excel);
    expect(csv(target, { shop: 'US Store' })).toBe(text);
  });

  it('--since is read in each shop\'s own zone, on the placed time', () => {
    const db = seeded();
    // 2026-11-24T17:30Z is 01:30 on the 25th in Shanghai; 2026-11-25T04:30Z is 23:30 on the 24th in New York.
    addOrder(db, { platformOrderId: 'CN-EARLY', buyer: {}, address: {}, items: [{ sku: 'A', quantity: 1 }], placedAt: T('2026-11-24T17:30:00Z') }, NOW);
    addOrder(db, { platformOrderId: 'CN-LATE-24', buyer: {}, address: {}, items: [{ sku: 'A', quantity: 1 }], placedAt: T('2026-11-24T15:59:59Z') }, NOW);
    addOrder(db, { shop: 'US Store', platformOrderId: 'US-24', buyer: {}, address: {}, items: [{ sku: 'A', quantity: 1, unitPrice: '1' }], placedAt: T('2026-11-25T04:30:00Z') }, NOW);
    const ids = exportOrders(db, { since: '2026-11-25' }, NOW).map((o) => `${o.shop}/${o.platformOrderId}`);
    expect(ids).toEqual(['Tea House/CN-EARLY', 'US Store/114-3941689-8772232']);
    expect(exportOrders(db, { since: '2026-11-24T16:00:00Z', shop: 'Tea House' }, NOW).map((o) => o.platformOrderId)).toEqual(['CN-EARLY']);
    // A span counts back from now (2026-11-25T08:00Z), whatever the zone.
    expect(exportOrders(db, { since: '1d' }, NOW).map((o) => o.platformOrderId)).toEqual(['CN-LATE-24', 'CN-EARLY', 'US-24', '114-3941689-8772232']);
  });

  it('orders by shop, placed time and id; --status takes lists and repeats', () => {
    const db = seeded();
    expect(exportOrders(db, {}, NOW).map((o) => o.platformOrderId)).toEqual([BIG, 'P-1500', 'P-PART', 'P-HOLD', 'P-CANCEL', 'P-PENDING', 'P-M1', 'P-M2', '114-3941689-8772232']);
    expect(exportOrders(db, { statuses: ['on_hold,cancelled', 'partially_shipped'] }, NOW).map((o) => o.platformOrderId)).toEqual(['P-PART', 'P-HOLD', 'P-CANCEL', 'P-M2']);
  });

  it('refuses a bad --status (usage), an unknown shop (not found) and a bad --since (usage)', () => {
    const db = seeded();
    const kind = (query: ExportQuery) => {
      try {
        exportOrders(db, query, NOW);
      } catch (error) {
        return error instanceof ShopkeepError ? [error.kind, error.key] : error;
      }
      return 'no error';
    };
    expect(kind({ statuses: ['paid,shiped'] })).toEqual(['usage', 'input.oneOf']);
    expect(kind({ shop: 'Nope' })).toEqual(['not_found', 'shop.notFound']);
    expect(kind({ since: 'yesterday-ish' })).toEqual(['usage', 'time.invalid']);
  });

  it('JSON: the contract keys, money as decimal strings, times with the shop\'s offset, nothing masked', () => {
    const orders = exportOrders(seeded(), { shop: 'Tea House' }, NOW).map(orderExportJson);
    const p1500 = orders.find((o) => o.platformOrderId === 'P-1500')!;
    expect(p1500).toMatchObject({
      shop: 'Tea House',
      platform: 'taobao',
      platformOrderId: 'P-1500',
      status: 'paid',
      currency: 'CNY',
      total: '1500.00',
      paid: '1500.00',
      placedAt: '2026-11-21T18:00:00.250+08:00',
      lines: [{ sku: 'A', title: '西湖龙井 明前', quantity: 2, unitPrice: '750.00' }],
    });
    const big = orders.find((o) => o.platformOrderId === BIG)!;
    expect(typeof big.platformOrderId).toBe('string');
    expect(big.total).toBe('1532.00');
    expect(big.placedAt).toBe('2026-11-20T10:03:04+08:00');
    expect(big.buyer).toEqual({ platformBuyerId: 'tb_wangfang', name: '王芳', phone: '+8613812345678', email: 'wf@example.com' });
    expect(big.address.phone).toBe('13812345678');
    expect(big.lines.map((l) => [l.sku, l.quantity, l.unitPrice, l.shipped])).toEqual([['A', 2, '750.00', 2], ['B', 1, '25.50', 1]]);
    for (const o of orders) {
      for (const key of ['shop', 'platform', 'platformOrderId', 'status', 'currency', 'total', 'placedAt', 'lines']) expect(o).toHaveProperty(key);
      expect(o.total).toMatch(/^-?\d+\.\d{2}$/);
      expect(o.placedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?[+-]\d{2}:\d{2}$/);
      for (const l of o.lines) {
        expect(l.sku === null || typeof l.sku === 'string').toBe(true);
        expect(l.unitPrice).toMatch(/^\d+\.\d{2}$/);
      }
    }
  });

  it('writes instants with the shop\'s offset, milliseconds only when there are some', () => {
    expect(exportInstant(T('2026-11-25T08:00:00Z'), 'Asia/Shanghai')).toBe('2026-11-25T16:00:00+08:00');
    expect(exportInstant(T('2026-07-01T12:00:00.007Z'), 'America/New_York')).toBe('2026-07-01T08:00:00.007-04:00');
  });
});

describe('the shopkeep import profile', () => {
  const header = ORDER_EXPORT_COLUMNS.join(',');
  const row = (cells: Partial<Record<(typeof ORDER_EXPORT_COLUMNS)[number], string>>) => ORDER_EXPORT_COLUMNS.map((c) => cells[c] ?? '').join(',');
  const base = { order_id: 'X1', status: 'paid', currency: 'CNY', total: '10.00', line_key: '1', title: 'Tea', quantity: '1', unit_price: '10.00' };

  it('reads a time without offset in the shop\'s zone, and keeps milliseconds', () => {
    const parsed = cellsOf([header, row({ ...base, placed_at: '2026-11-25 08:00:00', paid_at: '2026-11-25T08:00:00.5+08:00' })].join('\n'));
    expect(parsed.rejected).toEqual([]);
    expect(parsed.orders[0]!.placedAt).toBe(T('2026-11-25T00:00:00Z'));
    expect(parsed.orders[0]!.paidAt).toBe(T('2026-11-25T00:00:00.500Z'));
  });

  it('rejects an unknown status, a line without a title, and a row without an order id, naming the column', () => {
    const parsed = cellsOf([header, row({ ...base, status: 'sent' }), row({ ...base, order_id: 'X2', title: '' }), row({ ...base, order_id: '' })].join('\n'));
    expect(parsed.rejected.map((r) => [r.line, r.detail.key, r.detail.params])).toEqual([
      [2, 'import.unknownStatus', { column: 'status', value: 'sent' }],
      [3, 'orderExport.cellMissing', { column: 'title' }],
      [4, 'orderExport.cellMissing', { column: 'order_id' }],
    ]);
  });

  it('refuses a row of another shop when the import says which shop it writes to', () => {
    const parsed = parseOrderFiles([{ name: 'x.csv', bytes: Buffer.from([header, row({ ...base, shop: 'Other' }), row({ ...base, order_id: 'X2', shop: 'Tea House' })].join('\n')) }], [shopkeepOrders], {
      zone: 'Asia/Shanghai',
      currency: 'CNY',
      shop: 'Tea House',
    } as never);
    expect(parsed.rejected.map((r) => r.detail.key)).toEqual(['orderExport.otherShop']);
    expect(parsed.orders.map((o) => o.platformOrderId)).toEqual(['X2']);
  });

  it('is detected from the header among every built-in layout', async () => {
    const { PROFILES } = await import('../../src/domain/imports/profiles/index.js');
    const parsed = parseOrderFiles([{ name: 'x.csv', bytes: Buffer.from([header, row(base)].join('\r\n')) }], PROFILES, { zone: 'Asia/Shanghai', currency: 'CNY' });
    expect(parsed.files[0]!.profile.id).toBe('shopkeep');
  });
});
