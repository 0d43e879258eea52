import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderCsv } from '../../src/cli/render/csv.js';
import { openDatabase } from '../../src/db/open.js';
import { checkDatabase } from '../../src/domain/admin/database.js';
import { addProduct } from '../../src/domain/catalog/products.js';
import { linkListing } from '../../src/domain/catalog/links.js';
import { findSku } from '../../src/domain/catalog/lookup.js';
import { receiveStock } from '../../src/domain/inventory/stock.js';
import { exportOrders, ORDER_EXPORT_COLUMNS, orderExportRows } from '../../src/domain/imports/export.js';
import { reattributeLines } from '../../src/domain/imports/reattribute.js';
import { shipOrder } from '../../src/domain/orders/ship.js';
import { splitOrder } from '../../src/domain/orders/merge-split.js';
import { importOrderFiles } from '../../src/domain/imports/run.js';
import { parseOrderFiles } from '../../src/domain/imports/parse-files.js';
import { mappingProfile } from '../../src/domain/imports/mapping.js';
import { PROFILES } from '../../src/domain/imports/profiles/index.js';
import { getOrder } from '../../src/domain/orders/find.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { memoryDb, NOW } from '../helpers/db.js';
import { shopifyCsv, shopifyOrder } from '../helpers/shopify-csv.js';

const options = { dryRun: false, skipBad: false };

function shopDb(db = memoryDb()) {
  addShop(db, { name: 'US', platform: 'shopify', currency: 'CNY', timezone: 'Asia/Shanghai' }, NOW);
  addProduct(db, { title: 'Tea', sku: { code: 'TEA', price: '10' } }, NOW);
  addProduct(db, { title: 'Pot', sku: { code: 'POT', price: '99' } }, NOW);
  receiveStock(db, { sku: 'TEA', quantity: 10 }, NOW);
  receiveStock(db, { sku: 'POT', quantity: 3 }, NOW);
  return db;
}

const file = (name: string, rows: Record<string, string>[]) => ({ name, bytes: shopifyCsv(rows) });
const stock = (db: ReturnType<typeof memoryDb>, code: string) => {
  const s = findSku(db, code);
  return [s.onHand, s.reserved];
};

describe('importing orders', () => {
  it('creates orders, reserves paid ones, deducts shipped ones, exactly once', () => {
    const db = shopDb();
    const day1 = file('day1.csv', [
      ...shopifyOrder('#1', { financial: 'paid', total: '30.00', lines: [['TEA', 3, '10.00']] }),
      ...shopifyOrder('#2', { financial: 'paid', fulfillment: 'fulfilled', total: '109.00', lines: [['TEA', 1, '10.00'], ['POT', 1, '99.00']] }),
      ...shopifyOrder('#3', { financial: 'pending', total: '10.00', lines: [['TEA', 1, '10.00']] }),
    ]);
    const [r] = importOrderFiles(db, [day1], options, NOW);
    expect(r).toMatchObject({ profile: 'shopify', shop: 'US', orders: { new: 3, updated: 0, unchanged: 0 }, lines: 4, rejected: 0 });
    expect(stock(db, 'TEA')).toEqual([9, 3]);
    expect(stock(db, 'POT')).toEqual([2, 0]);
    const again = importOrderFiles(db, [day1], options, NOW);
    expect(again[0]!.orders).toEqual({ new: 0, updated: 0, unchanged: 3 });
    expect(stock(db, 'TEA')).toEqual([9, 3]);
    expect(checkDatabase(db)).toEqual([]);
  });

  it('updates what a newer, overlapping export changed and logs it; a cancellation releases stock', () => {
    const db = shopDb();
    importOrderFiles(db, [file('day1.csv', [
      ...shopifyOrder('#1', { financial: 'paid', total: '30.00', lines: [['TEA', 3, '10.00']] }),
      ...shopifyOrder('#2', { financial: 'paid', total: '99.00', lines: [['POT', 1, '99.00']] }),
    ])], options, NOW);
    const [r] = importOrderFiles(db, [file('day2.csv', [
      ...shopifyOrder('#1', { financial: 'paid', fulfillment: 'fulfilled', total: '30.00', lines: [['TEA', 3, '10.00']] }),
      ...shopifyOrder('#2', { financial: 'refunded', total: '99.00', refunded: '99.00', lines: [['POT', 1, '99.00']] }),
      ...shopifyOrder('#4', { financial: 'paid', total: '10.00', lines: [['TEA', 1, '10.00']] }),
    ])], options, NOW + 1000);
    expect(r!.orders).toEqual({ new: 1, updated: 2, unchanged: 0 });
    expect(stock(db, 'TEA')).toEqual([7, 1]);
    expect(stock(db, 'POT')).toEqual([3, 0]);
    const first = getOrder(db, '#1');
    expect(first.status).toBe('shipped');
    expect(first.events.filter((e) => e.kind === 'status').map((e) => [e.from, e.to])).toEqual([['paid', 'shipped']]);
    const second = getOrder(db, '#2');
    expect([second.status, second.refunded]).toEqual(['cancelled', 9900]);
    expect(second.events.some((e) => e.kind === 'payment' && e.to === 'refunded 9900')).toBe(true);
    expect(checkDatabase(db)).toEqual([]);
  });

  it('is all or nothing: a bad row rejects the file, listing every bad line, and writes nothing', () => {
    const db = shopDb();
    const rows = [
      ...shopifyOrder('#1', { financial: 'paid', total: '30.00', lines: [['TEA', 3, '10.00']] }),
      ...shopifyOrder('#2', { financial: 'paid', total: '1.234,5', lines: [['TEA', 1, '10.00']] }),
      ...shopifyOrder('#3', { financial: 'paid', total: '10.00', created: '2026-02-30 10:00:00 +0800', lines: [['TEA', 1, '10.00']] }),
    ];
    expect(() => importOrderFiles(db, [file('bad.csv', rows)], options, NOW)).toThrow(
      expect.objectContaining({ kind: 'invalid_data', key: 'import.rejectedAll', details: [expect.objectContaining({ line: 3, key: 'import.badAmount' }), expect.objectContaining({ line: 4, key: 'import.badDate' })] }),
    );
    expect(db.prepare('SELECT count(*) FROM sales_order').pluck().get()).toBe(0);
    const [skipped] = importOrderFiles(db, [file('bad.csv', rows)], { ...options, skipBad: true }, NOW);
    expect(skipped).toMatchObject({ orders: { new: 1 }, rejected: 2 });
    expect(skipped!.rejects.map((x) => x.line)).toEqual([3, 4]);
  });

  it('with --skip-bad, a bad row takes its whole order with it: no order lands half-read or made up from its other rows', () => {
    const db = shopDb();
    const [head, tail] = shopifyOrder('#1', { financial: 'pending', total: '34.00', lines: [['TEA', 1, '10.00'], ['POT', 2, '12.00']] });
    const [a1, a2] = shopifyOrder('#2', { financial: 'paid', total: '20.00', lines: [['TEA', 1, '10.00'], ['POT', 1, '10.00']] });
    const rows = [
      { ...head!, 'Created at': '2026-04-05 25:06:21 +0400' }, // #1's first row, which holds its status and totals, is bad
      tail!, // and its second row must not make an order of its own
      a1!,
      { ...a2!, 'Lineitem quantity': 'two' }, // #2 loses a line row: not imported with one line
      ...shopifyOrder('#3', { financial: 'paid', total: '10.00', lines: [['TEA', 1, '10.00']] }),
    ];
    const [r] = importOrderFiles(db, [file('mixed.csv', rows)], { ...options, skipBad: true }, NOW);
    expect(r).toMatchObject({ orders: { new: 1 }, rejected: 4 });
    expect(db.prepare('SELECT platform_order_id FROM sales_order').pluck().all()).toEqual(['#3']);
    expect(r!.rejects.map((x) => [x.line, x.detail.key])).toEqual([
      [2, 'import.badDate'],
      [3, 'import.orderRowRejected'],
      [5, 'import.badNumber'],
      [4, 'import.orderRowRejected'],
    ]);
    expect(r!.rejects[3]!.detail.params).toEqual({ order: '#2', file: 'mixed.csv', line: 5 });
    expect(stock(db, 'POT')).toEqual([3, 0]);
  });

  it('a dry run does all the work, says what would change, and leaves the file byte-identical', () => {
    const dir = mkdtempSync(join(tmpdir(), 'shopkeep-dry-'));
    const path = join(dir, 'shop.db');
    const db = shopDb(openDatabase(path));
    db.close();
    const before = readFileSync(path);
    const reopened = openDatabase(path);
    const [r] = importOrderFiles(reopened, [file('x.csv', shopifyOrder('#1', { financial: 'paid', total: '30.00', lines: [['TEA', 3, '10.00']] }))], { ...options, dryRun: true }, NOW);
    reopened.close();
    expect(r).toMatchObject({ dryRun: true, orders: { new: 1 } });
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.endsWith('-wal'))).toEqual([]);
  });

  it('matches lines through listing links, then SKU codes; unmatched lines keep the platform text', () => {
    const db = shopDb();
    const rows = shopifyOrder('#9', { financial: 'paid', total: '20.00', lines: [['tea', 1, '10.00'], ['MYSTERY', 1, '10.00']] });
    importOrderFiles(db, [file('x.csv', rows)], options, NOW);
    const order = getOrder(db, '#9');
    expect(order.lines.map((l) => [l.skuCode, l.title])).toEqual([['TEA', 'Item tea'], [null, 'Item MYSTERY']]);
    addProduct(db, { title: 'Mystery box', sku: { code: 'MYSTERY', price: '10' } }, NOW);
    expect(getOrder(db, '#9').lines[1]!.skuCode).toBe('MYSTERY');
    expect(findSku(db, 'MYSTERY').reserved).toBe(1);
    expect(checkDatabase(db)).toEqual([]);
  });

  it('needs --shop when several shops could take the file, and refuses other currencies per order', () => {
    const db = shopDb();
    addShop(db, { name: 'US2', platform: 'shopify', currency: 'USD', timezone: 'UTC' }, NOW);
    const input = file('x.csv', shopifyOrder('#1', { financial: 'paid', total: '30.00', lines: [['TEA', 3, '10.00']] }));
    expect(() => importOrderFiles(db, [input], options, NOW)).toThrow(expect.objectContaining({ kind: 'usage', key: 'import.whichShop' }));
    expect(() => importOrderFiles(db, [input], { ...options, shop: 'US2' }, NOW)).toThrow(expect.objectContaining({ kind: 'invalid_data' }));
    expect(importOrderFiles(db, [input], { ...options, shop: 'US' }, NOW)[0]!.orders.new).toBe(1);
    linkListing(db, { sku: 'POT', shop: 'US', listingId: '777' }, NOW);
  });
});

describe('reading hostile or broken files', () => {
  const profiles = [mappingProfile('{"columns":{"orderId":"id","title":"name"}}', 'm.json')];
  const read = (text: string | Uint8Array) => parseOrderFiles([{ name: 'x.csv', bytes: typeof text === 'string' ? Buffer.from(text) : text }], profiles, { zone: 'UTC', currency: 'CNY' });

  it('names the layouts it tried and what the closest one misses', () => {
    expect(() => parseOrderFiles([{ name: 'x.csv', bytes: Buffer.from('foo,bar\n1,2\n') }], [profiles[0]!], { zone: 'UTC', currency: 'CNY' })).toThrow(
      expect.objectContaining({ kind: 'invalid_data', key: 'import.unknownLayout', params: expect.objectContaining({ missing: 'id' }) }),
    );
  });

  it('gives the byte offset of undecodable bytes', () => {
    const bytes = new Uint8Array([...Buffer.from('id,name\n1,ab'), 0xff, 0xfe, 0xfd, ...Buffer.from('\n')]);
    expect(() => read(bytes)).toThrow(expect.objectContaining({ kind: 'invalid_data', key: 'import.undecodable', params: expect.objectContaining({ encoding: 'utf-8', offset: 12 }) }));
  });

  it('takes a UTF-8 file with one bad byte for what it is, not for Windows-1252 (strict UTF-8)', () => {
    const text = shopifyCsv(shopifyOrder('#1', { financial: 'paid', total: '10.00', lines: [['TEA', 1, '10.00']] }).map((r) => ({ ...r, 'Lineitem name': 'Café crème' })));
    const at = text.indexOf('Café') + 5; // after "Café " (é is two bytes)
    const broken = Buffer.concat([text.subarray(0, at), Buffer.from([0xff]), text.subarray(at)]);
    expect(() => parseOrderFiles([{ name: 'orders_export.csv', bytes: broken }], PROFILES, { zone: 'UTC', currency: 'USD' })).toThrow(
      expect.objectContaining({ kind: 'invalid_data', key: 'import.undecodable', params: expect.objectContaining({ encoding: 'utf-8', offset: at }) }),
    );
    // The same letters in Windows-1252 are one byte each: that file is read as Windows-1252.
    const legacy = Buffer.from(text.toString('utf8').replace('Café crème', 'Caf\u00e9 cr\u00e8me'), 'latin1');
    const r = parseOrderFiles([{ name: 'orders_export.csv', bytes: legacy }], PROFILES, { zone: 'UTC', currency: 'USD' });
    expect(r.files[0]!.encoding).toBe('windows-1252');
    expect(r.orders[0]!.lines[0]!.title).toBe('Café crème');
    // A Windows-1252 byte pair that happens to be a UTF-8 character (É® is C9 AE) among other accents stays Windows-1252.
    const pair = Buffer.from(text.toString('utf8').replace('Café crème', 'CAF\u00c9\u00ae Sencha th\u00e9 \u00e0 la cr\u00e8me'), 'latin1');
    const p = parseOrderFiles([{ name: 'orders_export.csv', bytes: pair }], PROFILES, { zone: 'UTC', currency: 'USD' });
    expect(p.files[0]!.encoding).toBe('windows-1252');
    expect(p.orders[0]!.lines[0]!.title).toBe('CAFÉ® Sencha thé à la crème');
  });

  it('reads UTF-16LE with its BOM (Excel\'s "Unicode text")', () => {
    const text = shopifyCsv(shopifyOrder('#1', { financial: 'paid', total: '10.00', lines: [['TEA', 1, '10.00']] }).map((r) => ({ ...r, 'Lineitem name': '龙井 𠮷' }))).toString('utf8');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const r = parseOrderFiles([{ name: 'orders_export.csv', bytes }], PROFILES, { zone: 'UTC', currency: 'USD' });
    expect(r.files[0]).toMatchObject({ encoding: 'utf-16le', profile: expect.objectContaining({ id: 'shopify' }) });
    expect(r.orders.map((o) => [o.platformOrderId, o.total, o.lines[0]!.title])).toEqual([['#1', 1000, '龙井 𠮷']]);
  });

  it('refuses duplicate columns and hostile header names with a clear error, polluting nothing', () => {
    expect(() => read('id,name,Name\n1,a,b\n')).toThrow(expect.objectContaining({ key: 'import.duplicateColumn' }));
    for (const hostile of ['__proto__', 'constructor', ' Prototype ']) {
      expect(() => read(`id,name,${hostile}\n1,a,{"polluted":1}\n`)).toThrow(expect.objectContaining({ kind: 'invalid_data', key: 'import.hostileColumn' }));
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('rejects a row with too many or too few cells by its line, and an unclosed quote and a 2 MB record at once', () => {
    const r = read('id,name\n1,a\n2,b,c\n3\n4,d\n');
    expect(r.rejected.map((x) => [x.line, x.detail.key])).toEqual([[3, 'import.cellCount'], [4, 'import.cellCount']]);
    expect(() => read('id,name\n1,"open\n2,b\n')).toThrow(expect.objectContaining({ key: 'import.unclosedQuote' }));
    const t0 = Date.now();
    expect(() => read(`id,name\n1,"${'x'.repeat(2 * 1024 * 1024)}"\n`)).toThrow(expect.objectContaining({ key: 'import.recordTooLarge' }));
    expect(Date.now() - t0).toBeLessThan(5000);
  });
});

describe('the csv-spectrum conformance corpus through a mapping', () => {
  // shared/ sits beside the clone (in CI too); /work/shared is where sessions find it.
  const corpus = [new URL('../../../shared/corpora/csv-spectrum/', import.meta.url), new URL('file:///work/shared/corpora/csv-spectrum/')].find((u) => existsSync(u)) ?? new URL('../../../shared/corpora/csv-spectrum/', import.meta.url);
  const names = readdirSync(new URL('csvs/', corpus)).filter((f) => f.endsWith('.csv'));

  it.each(names)('%s', (name) => {
    const bytes = readFileSync(new URL(`csvs/${name}`, corpus));
    let expected = JSON.parse(readFileSync(new URL(`json/${name.replace('.csv', '.json')}`, corpus), 'utf8')) as Record<string, string>[] | Record<string, string>;
    if (!Array.isArray(expected)) expected = [expected];
    const header = Object.keys(expected[0] ?? { a: '', b: '' });
    const mapping = mappingProfile(JSON.stringify({ columns: { orderId: header[0], title: header[1] } }), 'spectrum.json');
    const parsed = parseOrderFiles([{ name, bytes }], [mapping], { zone: 'UTC', currency: 'CNY' });
    expect(parsed.rejected).toEqual([]);
    const got = parsed.orders.map((o) => [o.platformOrderId, o.lines[0]?.title ?? '']);
    // The published JSON of location_coordinates has another phone number than its CSV: compare what it shares.
    const want = expected.map((row, i) => [name === 'location_coordinates.csv' ? got[i]?.[0] : row[header[0]!], row[header[1]!] ?? '']);
    expect(got).toEqual(want.filter(([id]) => id !== ''));
  });
});

describe('what the seller did in shopkeep stays done', () => {
  it('an order shipped by hand stays shipped when an export made before the platform knew says paid; a split refuses a cancelled item', () => {
    const db = shopDb();
    const paid = file('d1.csv', shopifyOrder('#7', { financial: 'paid', total: '30.00', lines: [['TEA', 3, '10.00']] }));
    importOrderFiles(db, [paid], options, NOW);
    shipOrder(db, { ref: '#7', carrier: 'SF', tracking: 'SF1234567890' }, NOW);
    const again = file('d2.csv', shopifyOrder('#7', { financial: 'paid', total: '30.00', lines: [['TEA', 3, '10.00']] }).map((r, i) => (i === 0 ? { ...r, 'Shipping City': 'Ningbo' } : r)));
    importOrderFiles(db, [again], options, NOW + 60_000);
    expect(getOrder(db, '#7', 'US')).toMatchObject({ status: 'shipped' });
    expect(stock(db, 'TEA')).toEqual([7, 0]);
    expect(checkDatabase(db)).toEqual([]);
  });

  it('a split moves no unit of an item the platform cancelled', () => {
    const db = shopDb();
    addShop(db, { name: 'AMZ', platform: 'amazon', currency: 'USD', timezone: 'America/Los_Angeles' }, NOW);
    const cols = ['amazon-order-id', 'purchase-date', 'order-status', 'product-name', 'sku', 'item-status', 'quantity', 'currency', 'item-price'];
    const report = [cols, ['444-1', '2026-11-20T08:00:00+00:00', 'Unshipped', 'Tea', 'TEA', 'Unshipped', '1', 'USD', '10.00'], ['444-1', '2026-11-20T08:00:00+00:00', 'Unshipped', 'Pot', 'POT', 'Cancelled', '2', 'USD', '20.00']];
    importOrderFiles(db, [{ name: 'all.txt', bytes: Buffer.from(report.map((r) => r.join('\t')).join('\r\n')) }], { ...options, shop: 'AMZ' }, NOW);
    expect(() => splitOrder(db, { ref: '444-1', shop: 'AMZ' }, [{ sku: 'POT', quantity: 1 }], NOW)).toThrow(expect.objectContaining({ kind: 'conflict' }));
    expect(getOrder(db, '444-1', 'AMZ').lines.map((l) => [l.skuCode, l.quantity, l.cancelled === true])).toEqual([['TEA', 1, false], ['POT', 2, true]]);
    expect(stock(db, 'POT')).toEqual([3, 0]);
  });
});

describe('a mapping of one row per order', () => {
  it('takes an order imported before its line had the one-per-order key as that line: no second line, no stock counted twice', () => {
    const db = shopDb();
    addShop(db, { name: 'ERP', platform: 'other', currency: 'CNY', timezone: 'Asia/Shanghai' }, NOW);
    const columns = { orderId: 'No', sku: 'Code', title: 'Item', quantity: 'Qty', unitPrice: 'Price', paidAt: 'Paid' };
    const bytes = Buffer.from('No,Code,Item,Qty,Price,Paid\r\nE1,TEA,Tea,3,10.00,2026-11-20 10:00:00\r\n');
    const run = (lines?: string) => importOrderFiles(db, [{ name: 'erp.csv', bytes }], { ...options, shop: 'ERP', mapping: mappingProfile(JSON.stringify({ name: 'erp', ...(lines && { lines }), columns }), 'erp.json') }, NOW)[0]!;
    run(); // keyed by its SKU, as every version before one-per-order keyed it
    expect(stock(db, 'TEA')).toEqual([10, 3]);
    run('one-per-order');
    expect(getOrder(db, 'E1', 'ERP').lines.map((l) => [l.lineKey, l.quantity, l.reserved])).toEqual([['(order)', 3, 3]]);
    expect(stock(db, 'TEA')).toEqual([10, 3]);
    expect(run('one-per-order').orders.unchanged).toBe(1);
    expect(checkDatabase(db)).toEqual([]);
  });
});

describe('tracking numbers on re-import', () => {
  const douyin = (tracking: string, status = '已发货') =>
    Buffer.from(`\uFEFF主订单编号,子订单编号,选购商品,商品数量,商家编码,订单应付金额,订单提交时间,订单状态,快递单号,快递公司\r\n"\t692","\t6921",茶,2,TEA,20.00,2026-09-22 00:54:10,${status},${tracking},中通快递\r\n`);

  it('a corrected tracking number moves the parcel to it: no second parcel counting the same units again', () => {
    const db = shopDb();
    addShop(db, { name: 'DY', platform: 'douyin', currency: 'CNY', timezone: 'Asia/Shanghai' }, NOW);
    const opts = { ...options, shop: 'DY' };
    importOrderFiles(db, [{ name: 'a.csv', bytes: douyin('ZT111') }], opts, NOW);
    importOrderFiles(db, [{ name: 'b.csv', bytes: douyin('ZT222') }], opts, NOW + 60_000);
    const order = getOrder(db, '692', 'DY');
    expect(order.shipments.map((s) => [s.trackingNumber, s.lines.map((l) => l.quantity)])).toEqual([['ZT222', [2]]]);
    expect(order.events.filter((e) => e.kind === 'tracking').map((e) => [e.from, e.to])).toEqual([[null, 'ZTO ZT111'], ['ZTO ZT111', 'ZTO ZT222']]);
    expect(stock(db, 'TEA')).toEqual([8, 0]);
    expect(checkDatabase(db)).toEqual([]);
  });
});

describe('what shipped, line by line, in orders of several rows', () => {
  const shipping = (db: ReturnType<typeof memoryDb>, id: string, shop: string) => {
    const o = getOrder(db, id, shop);
    return { status: o.status, lines: o.lines.map((l) => [l.skuCode, l.shipped, l.reserved]), parcels: o.shipments.map((p) => [p.trackingNumber, p.lines.map((l) => l.quantity)]) };
  };

  it('eBay: an item with its own ship date and tracking ships, the other stays reserved: partially shipped', () => {
    const db = shopDb();
    addShop(db, { name: 'EB', platform: 'ebay', currency: 'CNY', timezone: 'America/Los_Angeles' }, NOW);
    const csv = [
      'Sales Record Number,Order Number,Item Number,Item Title,Custom Label,Quantity,Sold For,Total Price,Sale Date,Paid On Date,Shipped On Date,Tracking Number,Transaction ID',
      '1002,12-3,,,,3,,$34.00,Sep-09-26,Sep-09-26,,,',
      '1002,12-3,111,Tea,TEA,1,$10.00,,Sep-09-26,Sep-09-26,Sep-10-26,1Z55,2001',
      '1002,12-3,112,Pot,POT,2,$12.00,,Sep-09-26,Sep-09-26,,,2002',
    ].join('\r\n');
    importOrderFiles(db, [{ name: 'ebay.csv', bytes: Buffer.from(csv) }], { ...options, shop: 'EB' }, NOW);
    expect(shipping(db, '12-3', 'EB')).toEqual({ status: 'partially_shipped', lines: [['TEA', 1, 0], ['POT', 0, 2]], parcels: [['1Z55', [1]]] });
    expect(stock(db, 'TEA')).toEqual([9, 0]);
    expect(checkDatabase(db)).toEqual([]);
  });

  it('Douyin: sub-orders 已发货 and 待发货 give the same order whichever row comes first', () => {
    const head = '主订单编号,子订单编号,选购商品,商品数量,商家编码,订单应付金额,订单提交时间,支付完成时间,订单状态,快递单号,快递公司';
    const shippedRow = '"\t692","\t6921",茶,2,TEA,20.00,2026-09-22 00:54:10,2026-09-22 00:55:00,已发货,ZT111,中通快递';
    const waitingRow = '"\t692","\t6922",壶,1,POT,12.00,2026-09-22 00:54:10,2026-09-22 00:55:00,待发货,,';
    for (const rows of [[shippedRow, waitingRow], [waitingRow, shippedRow]]) {
      const db = shopDb();
      addShop(db, { name: 'DY', platform: 'douyin', currency: 'CNY', timezone: 'Asia/Shanghai' }, NOW);
      importOrderFiles(db, [{ name: 'dy.csv', bytes: Buffer.from(`\uFEFF${[head, ...rows].join('\r\n')}\r\n`) }], { ...options, shop: 'DY' }, NOW);
      expect(shipping(db, '692', 'DY')).toEqual({ status: 'partially_shipped', lines: expect.arrayContaining([['TEA', 2, 0], ['POT', 0, 1]]), parcels: [['ZT111', [2]]] });
      expect([stock(db, 'TEA'), stock(db, 'POT')]).toEqual([[8, 0], [3, 1]]);
    }
  });

  it('Douyin: the order is what its sub-orders say together, whichever row comes first (a refunded, closed one; a completed one)', () => {
    const head = '主订单编号,子订单编号,选购商品,商品数量,商家编码,订单应付金额,订单提交时间,支付完成时间,订单状态,售后状态';
    const row = (sub: string, title: string, sku: string, qty: number, status: string, afterSale = '-') => `"\t693","\t${sub}",${title},${qty},${sku},${qty * 10}.00,2026-09-22 00:54:10,2026-09-22 00:55:00,${status},${afterSale}`;
    const cases: [string[], string, [string, number, number][]][] = [
      [[row('1', '茶', 'TEA', 2, '已关闭', '退款成功'), row('2', '壶', 'POT', 1, '待发货')], 'paid', [['TEA', 0, 0], ['POT', 0, 1]]],
      [[row('2', '壶', 'POT', 1, '待发货'), row('1', '茶', 'TEA', 2, '已关闭', '退款成功')], 'paid', [['POT', 0, 1], ['TEA', 0, 0]]],
      [[row('1', '茶', 'TEA', 2, '已完成'), row('2', '壶', 'POT', 1, '待发货')], 'partially_shipped', [['TEA', 2, 0], ['POT', 0, 1]]],
      [[row('2', '壶', 'POT', 1, '待发货'), row('1', '茶', 'TEA', 2, '已完成')], 'partially_shipped', [['POT', 0, 1], ['TEA', 2, 0]]],
      [[row('1', '茶', 'TEA', 2, '已关闭', '退款成功'), row('2', '壶', 'POT', 1, '已关闭', '退款成功')], 'cancelled', [['TEA', 0, 0], ['POT', 0, 0]]],
    ];
    for (const [rows, status, lines] of cases) {
      const db = shopDb();
      addShop(db, { name: 'DY', platform: 'douyin', currency: 'CNY', timezone: 'Asia/Shanghai' }, NOW);
      importOrderFiles(db, [{ name: 'dy.csv', bytes: Buffer.from(`\uFEFF${[head, ...rows].join('\r\n')}\r\n`) }], { ...options, shop: 'DY' }, NOW);
      expect(shipping(db, '693', 'DY'), rows.join(' / ')).toMatchObject({ status, lines });
      expect(checkDatabase(db)).toEqual([]);
    }
  });

  it('eBay: every item shipped with its own date, the summary row saying none: shipped', () => {
    const db = shopDb();
    addShop(db, { name: 'EB', platform: 'ebay', currency: 'CNY', timezone: 'America/Los_Angeles' }, NOW);
    const csv = [
      'Sales Record Number,Order Number,Item Number,Item Title,Custom Label,Quantity,Sold For,Total Price,Sale Date,Paid On Date,Shipped On Date,Tracking Number,Transaction ID',
      '1003,12-4,,,,3,,$34.00,Sep-09-26,Sep-09-26,,,',
      '1003,12-4,111,Tea,TEA,1,$10.00,,Sep-09-26,Sep-09-26,Sep-10-26,1Z55,2001',
      '1003,12-4,112,Pot,POT,2,$12.00,,Sep-09-26,Sep-09-26,Sep-11-26,1Z56,2002',
    ].join('\r\n');
    importOrderFiles(db, [{ name: 'ebay.csv', bytes: Buffer.from(csv) }], { ...options, shop: 'EB' }, NOW);
    expect(shipping(db, '12-4', 'EB')).toMatchObject({ status: 'shipped', lines: [['TEA', 1, 0], ['POT', 2, 0]] });
    expect([stock(db, 'TEA'), stock(db, 'POT')]).toEqual([[9, 0], [1, 0]]);
  });

  it('Amazon Unshipped: an item whose quantity-shipped says it has gone ships, the other stays reserved', () => {
    const db = shopDb();
    addShop(db, { name: 'AMZ', platform: 'amazon', currency: 'CNY', timezone: 'America/Los_Angeles' }, NOW);
    const cols = ['order-id', 'order-item-id', 'purchase-date', 'payments-date', 'sku', 'product-name', 'quantity-purchased', 'quantity-shipped', 'quantity-to-ship'];
    const rows = [cols, ['222-1', '11', '2026-06-17T08:04:21+00:00', '2026-06-17T08:05:21+00:00', 'TEA', 'Tea', '2', '0', '2'], ['222-1', '12', '2026-06-17T08:04:21+00:00', '2026-06-17T08:05:21+00:00', 'POT', 'Pot', '1', '1', '0']];
    importOrderFiles(db, [{ name: 'unshipped.txt', bytes: Buffer.from(rows.map((r) => r.join('\t')).join('\r\n')) }], { ...options, shop: 'AMZ' }, NOW);
    expect(shipping(db, '222-1', 'AMZ')).toMatchObject({ status: 'partially_shipped', lines: [['TEA', 0, 2], ['POT', 1, 0]] });
    expect([stock(db, 'TEA'), stock(db, 'POT')]).toEqual([[10, 2], [2, 0]]);
  });
});

describe('refunds on re-import keep what was paid', () => {
  it('a Douyin sub-order refunded after payment: the order stays paid in full, its item\'s amount refunded, its stock released', () => {
    const db = shopDb();
    addShop(db, { name: 'DY', platform: 'douyin', currency: 'CNY', timezone: 'Asia/Shanghai' }, NOW);
    const opts = { ...options, shop: 'DY' };
    const file = (afterSale: string) => ({
      name: 'dy.csv',
      bytes: Buffer.from(`\uFEFF主订单编号,子订单编号,选购商品,商品数量,商家编码,订单应付金额,订单提交时间,支付完成时间,订单状态,售后状态\r\n"\t691","\t6911",茶,2,TEA,20.00,2026-09-22 00:54:10,2026-09-22 00:55:00,待发货,${afterSale}\r\n"\t691","\t6912",壶,1,POT,12.00,2026-09-22 00:54:10,2026-09-22 00:55:00,待发货,-\r\n`),
    });
    importOrderFiles(db, [file('-')], opts, NOW);
    expect(getOrder(db, '691', 'DY')).toMatchObject({ total: 3200, paid: 3200, refunded: 0 });
    expect(stock(db, 'TEA')).toEqual([10, 2]);
    importOrderFiles(db, [file('退款成功')], opts, NOW + 60_000);
    expect(getOrder(db, '691', 'DY')).toMatchObject({ status: 'paid', total: 3200, paid: 3200, refunded: 2000 });
    expect(stock(db, 'TEA')).toEqual([10, 0]);
    expect(stock(db, 'POT')).toEqual([3, 1]);
    expect(checkDatabase(db)).toEqual([]);
  });

  it('an order still awaiting payment with a refund stated is not made paid', () => {
    const db = shopDb();
    addShop(db, { name: 'ERP', platform: 'other', currency: 'CNY', timezone: 'Asia/Shanghai' }, NOW);
    const mapping = mappingProfile(JSON.stringify({ name: 'erp', columns: { orderId: 'No', status: 'State', title: 'Item', quantity: 'Qty', unitPrice: 'Price', refunded: 'Refunded' }, statusMap: { New: 'pending_payment' } }), 'erp.json');
    importOrderFiles(db, [{ name: 'erp.csv', bytes: Buffer.from('No,State,Item,Qty,Price,Refunded\r\nE3,New,Tea,1,10.00,5.00\r\n') }], { ...options, shop: 'ERP', mapping }, NOW);
    expect(getOrder(db, 'E3', 'ERP')).toMatchObject({ status: 'pending_payment', paid: 0 });
  });

  it('an order a file states refunded without a payment time was paid what was refunded', () => {
    const db = shopDb();
    addShop(db, { name: 'WOO', platform: 'woocommerce', currency: 'CNY', timezone: 'Asia/Shanghai' }, NOW);
    const bytes = Buffer.from('Order Number,Order Status,Order Date,SKU,Name,Quantity,Item Cost,Order Total Amount,Order Refund Amount\r\n1002,Refunded,2026-09-07 14:30,TEA,Tea,2,10.00,20.00,-20.00\r\n');
    importOrderFiles(db, [{ name: 'woo.csv', bytes }], { ...options, shop: 'WOO' }, NOW);
    expect(getOrder(db, '1002', 'WOO')).toMatchObject({ status: 'cancelled', paid: 2000, refunded: 2000 });
    expect(checkDatabase(db)).toEqual([]);
  });

  it('a WooCommerce order refunded after it was paid keeps its payment and records the refund', () => {
    const db = shopDb();
    addShop(db, { name: 'WOO', platform: 'woocommerce', currency: 'CNY', timezone: 'Asia/Shanghai' }, NOW);
    const opts = { ...options, shop: 'WOO' };
    const file = (status: string, refund: string) => ({
      name: 'woo.csv',
      bytes: Buffer.from(`Order Number,Order Status,Order Date,SKU,Name,Quantity,Item Cost,Order Total Amount,Order Refund Amount\r\n1001,${status},2026-09-07 14:30,TEA,Tea,2,10.00,20.00,${refund}\r\n`),
    });
    importOrderFiles(db, [file('Processing', '0.00')], opts, NOW);
    expect(getOrder(db, '1001', 'WOO')).toMatchObject({ status: 'paid', paid: 2000, refunded: 0 });
    importOrderFiles(db, [file('Refunded', '-20.00')], opts, NOW + 60_000);
    expect(getOrder(db, '1001', 'WOO')).toMatchObject({ status: 'cancelled', paid: 2000, refunded: 2000 });
    expect(stock(db, 'TEA')).toEqual([10, 0]);
    expect(checkDatabase(db)).toEqual([]);
  });
});

describe('Amazon: one order read from two report layouts', () => {
  const tsv = (rows: string[][]) => Buffer.from(`${rows.map((r) => r.join('\t')).join('\r\n')}\r\n`);
  const ALL = ['amazon-order-id', 'purchase-date', 'order-status', 'product-name', 'sku', 'asin', 'item-status', 'quantity', 'currency', 'item-price', 'shipping-price', 'item-tax'];
  const UNSHIPPED = ['order-id', 'order-item-id', 'purchase-date', 'payments-date', 'sku', 'product-name', 'quantity-purchased', 'quantity-shipped', 'quantity-to-ship'];
  const allOrders = tsv([ALL,
    ['111-1', '2026-11-20T08:00:00+00:00', 'Unshipped', 'Tea', 'TEA', 'B0TEA', 'Unshipped', '2', 'USD', '20.00', '5.00', '1.60'],
    ['111-1', '2026-11-20T08:00:00+00:00', 'Unshipped', 'Pot', 'POT', 'B0POT', 'Unshipped', '1', 'USD', '99.00', '0.00', '7.92'],
  ]);
  const unshipped = tsv([UNSHIPPED,
    ['111-1', '06512345678901', '2026-11-20T08:00:00+00:00', '2026-11-20T08:01:00+00:00', 'TEA', 'Tea', '2', '0', '2'],
    ['111-1', '06512345678902', '2026-11-20T08:00:00+00:00', '2026-11-20T08:01:00+00:00', 'POT', 'Pot', '1', '0', '1'],
  ]);

  function amazonShop() {
    const db = shopDb();
    addShop(db, { name: 'AMZ', platform: 'amazon', currency: 'USD', timezone: 'America/Los_Angeles' }, NOW);
    return db;
  }

  it('All Orders then Unshipped: one order, its two lines once, their prices, shipping and tax kept, stock reserved once', () => {
    const db = amazonShop();
    const opts = { ...options, shop: 'AMZ' };
    expect(importOrderFiles(db, [{ name: 'all.txt', bytes: allOrders }], opts, NOW)[0]).toMatchObject({ orders: { new: 1 }, lines: 2 });
    const [second] = importOrderFiles(db, [{ name: 'unshipped.txt', bytes: unshipped }], opts, NOW);
    expect(second!.orders.new).toBe(0);
    const order = getOrder(db, '111-1', 'AMZ');
    expect(order.lines.map((l) => [l.skuCode, l.quantity, l.unitPrice])).toEqual([['TEA', 2, 1000], ['POT', 1, 9900]]);
    expect(order).toMatchObject({ itemSubtotal: 11900, shipping: 500, tax: 952, total: 13352 }); // what Unshipped does not say is kept
    expect(stock(db, 'TEA')).toEqual([10, 2]);
    expect(stock(db, 'POT')).toEqual([3, 1]);
    expect(checkDatabase(db)).toEqual([]);
  });

  it('an order cancelled in a later All Orders report (its items now 0 units) releases the stock it reserved', () => {
    const db = amazonShop();
    const opts = { ...options, shop: 'AMZ' };
    importOrderFiles(db, [{ name: 'all.txt', bytes: allOrders }], opts, NOW);
    expect([stock(db, 'TEA'), stock(db, 'POT')]).toEqual([[10, 2], [3, 1]]);
    const cancelled = tsv([ALL,
      ['111-1', '2026-11-20T08:00:00+00:00', 'Cancelled', 'Tea', 'TEA', 'B0TEA', 'Cancelled', '0', 'USD', '', '', ''],
      ['111-1', '2026-11-20T08:00:00+00:00', 'Cancelled', 'Pot', 'POT', 'B0POT', 'Cancelled', '0', 'USD', '', '', ''],
    ]);
    expect(importOrderFiles(db, [{ name: 'all2.txt', bytes: cancelled }], opts, NOW)[0]!.orders.updated).toBe(1);
    expect(getOrder(db, '111-1', 'AMZ')).toMatchObject({ status: 'cancelled' });
    expect(getOrder(db, '111-1', 'AMZ').lines.map((l) => [l.skuCode, l.reserved])).toEqual([['TEA', 0], ['POT', 0]]);
    expect([stock(db, 'TEA'), stock(db, 'POT')]).toEqual([[10, 0], [3, 0]]);
    expect(checkDatabase(db)).toEqual([]);
  });

  it('an Unshipped report read again after the order shipped does not move it back to paid (its status is only a guess from dates)', () => {
    const db = amazonShop();
    const opts = { ...options, shop: 'AMZ' };
    importOrderFiles(db, [{ name: 'unshipped.txt', bytes: unshipped }], opts, NOW);
    const shipped = tsv([ALL,
      ['111-1', '2026-11-20T08:00:00+00:00', 'Shipped', 'Tea', 'TEA', 'B0TEA', 'Shipped', '2', 'USD', '20.00', '5.00', '1.60'],
      ['111-1', '2026-11-20T08:00:00+00:00', 'Shipped', 'Pot', 'POT', 'B0POT', 'Shipped', '1', 'USD', '99.00', '0.00', '7.92'],
    ]);
    importOrderFiles(db, [{ name: 'all.txt', bytes: shipped }], opts, NOW);
    expect(getOrder(db, '111-1', 'AMZ').status).toBe('shipped');
    importOrderFiles(db, [{ name: 'unshipped.txt', bytes: unshipped }], opts, NOW);
    expect(getOrder(db, '111-1', 'AMZ')).toMatchObject({ status: 'shipped' });
    expect([stock(db, 'TEA'), stock(db, 'POT')]).toEqual([[8, 0], [2, 0]]);
    expect(checkDatabase(db)).toEqual([]);
  });

  it('an item Amazon cancelled holds and ships nothing: not when its SKU is added later, not when the seller ships the order', () => {
    const db = amazonShop();
    const opts = { ...options, shop: 'AMZ' };
    const report = tsv([ALL,
      ['111-9', '2026-11-20T08:00:00+00:00', 'Unshipped', 'Tea', 'TEA', 'B0TEA', 'Unshipped', '2', 'USD', '20.00', '0.00', '0.00'],
      ['111-9', '2026-11-20T08:00:00+00:00', 'Unshipped', 'Cup', 'CUP-NEW', 'B0CUP', 'Cancelled', '1', 'USD', '5.00', '0.00', '0.00'],
    ]);
    importOrderFiles(db, [{ name: 'all.txt', bytes: report }], opts, NOW);
    addProduct(db, { title: 'Cup', sku: { code: 'CUP-NEW', price: '5' } }, NOW);
    receiveStock(db, { sku: 'CUP-NEW', quantity: 4 }, NOW);
    reattributeLines(db, NOW, { sellerSku: 'CUP-NEW' });
    expect(stock(db, 'CUP-NEW')).toEqual([4, 0]);
    shipOrder(db, { ref: '111-9', shop: 'AMZ', carrier: 'UPS', tracking: '1Z999' }, NOW);
    const order = getOrder(db, '111-9', 'AMZ');
    expect(order.status).toBe('shipped');
    expect(order.lines.map((l) => [l.skuCode, l.shipped, l.reserved, l.cancelled === true])).toEqual([['TEA', 2, 0, false], ['CUP-NEW', 0, 0, true]]);
    expect(order.shipments[0]!.lines.map((l) => [l.skuCode, l.quantity])).toEqual([['TEA', 2]]);
    expect([stock(db, 'TEA'), stock(db, 'CUP-NEW')]).toEqual([[8, 0], [4, 0]]);
    expect(checkDatabase(db)).toEqual([]);
  });

  it('an item a later report writes cancelled with 0 units, in an order that ships on, is cancelled and releases its stock', () => {
    const db = amazonShop();
    const opts = { ...options, shop: 'AMZ' };
    importOrderFiles(db, [{ name: 'all.txt', bytes: allOrders }], opts, NOW);
    const later = tsv([ALL,
      ['111-1', '2026-11-20T08:00:00+00:00', 'Shipped', 'Tea', 'TEA', 'B0TEA', 'Shipped', '2', 'USD', '20.00', '5.00', '1.60'],
      ['111-1', '2026-11-20T08:00:00+00:00', 'Shipped', 'Pot', 'POT', 'B0POT', 'Cancelled', '0', 'USD', '', '', ''],
    ]);
    importOrderFiles(db, [{ name: 'all2.txt', bytes: later }], opts, NOW + 60_000);
    const order = getOrder(db, '111-1', 'AMZ');
    expect(order.status).toBe('shipped');
    expect(order.lines.map((l) => [l.skuCode, l.shipped, l.reserved, l.cancelled === true])).toEqual([['TEA', 2, 0, false], ['POT', 0, 0, true]]);
    expect([stock(db, 'TEA'), stock(db, 'POT')]).toEqual([[8, 0], [3, 0]]);
    expect(importOrderFiles(db, [{ name: 'all2.txt', bytes: later }], opts, NOW + 120_000)[0]!.orders.unchanged).toBe(1);
    expect(checkDatabase(db)).toEqual([]);
  });

  it('the second of two identical items, cancelled later with 0 units, is the one cancelled (its key TEA#2)', () => {
    const db = amazonShop();
    const opts = { ...options, shop: 'AMZ' };
    const item = (status: string, qty: string) => ['222-1', '2026-11-20T08:00:00+00:00', 'Unshipped', 'Tea', 'TEA', 'B0TEA', status, qty, 'USD', qty === '0' ? '' : '10.00', '0.00', '0.00'];
    importOrderFiles(db, [{ name: 'a.txt', bytes: tsv([ALL, item('Unshipped', '1'), item('Unshipped', '1')]) }], opts, NOW);
    expect(stock(db, 'TEA')).toEqual([10, 2]);
    importOrderFiles(db, [{ name: 'b.txt', bytes: tsv([ALL, item('Unshipped', '1'), item('Cancelled', '0')]) }], opts, NOW + 60_000);
    expect(getOrder(db, '222-1', 'AMZ').lines.map((l) => [l.lineKey, l.reserved, l.cancelled === true])).toEqual([['TEA', 1, false], ['TEA#2', 0, true]]);
    expect(stock(db, 'TEA')).toEqual([10, 1]);
    expect(checkDatabase(db)).toEqual([]);
  });

  it('Unshipped then All Orders: the prices arrive, nothing doubles', () => {
    const db = amazonShop();
    const opts = { ...options, shop: 'AMZ' };
    importOrderFiles(db, [{ name: 'unshipped.txt', bytes: unshipped }], opts, NOW);
    expect(importOrderFiles(db, [{ name: 'all.txt', bytes: allOrders }], opts, NOW)[0]!.orders.new).toBe(0);
    const order = getOrder(db, '111-1', 'AMZ');
    expect(order.lines.map((l) => [l.skuCode, l.quantity, l.unitPrice])).toEqual([['TEA', 2, 1000], ['POT', 1, 9900]]);
    expect(stock(db, 'TEA')).toEqual([10, 2]);
    expect(checkDatabase(db)).toEqual([]);
  });

  it('an order’s total adds each item’s shipping and taxes to its items, leaving out a cancelled item', () => {
    const db = amazonShop();
    const bytes = readFileSync(new URL('../fixtures/imports/amazon-all-orders.txt', import.meta.url));
    importOrderFiles(db, [{ name: 'amazon-all-orders.txt', bytes }], { ...options, shop: 'AMZ', skipBad: true }, NOW);
    // 2 × 12.50 + 4.99 shipping + 2 × 1.03 tax; 29.99 − 3.00 promotion + 2.47 tax.
    expect(getOrder(db, '112-3941689-8772232', 'AMZ')).toMatchObject({ itemSubtotal: 2500, shipping: 499, tax: 206, total: 3205 });
    expect(getOrder(db, '114-2222222-3333333', 'AMZ')).toMatchObject({ itemSubtotal: 2699, shipping: 0, tax: 247, total: 2946 });
    // A cancelled order whose items all say quantity 0 is imported with no lines (it used to fail a CHECK constraint).
    expect(getOrder(db, '111-4444444-5555555', 'AMZ')).toMatchObject({ status: 'cancelled', lines: [] });
    expect(checkDatabase(db)).toEqual([]);
  });

  it('an FBA order (fulfillment-channel Amazon) moves and reserves none of the seller’s stock, even when its SKU is linked later', () => {
    const db = amazonShop();
    const opts = { ...options, shop: 'AMZ' };
    const fba = tsv([[...ALL, 'fulfillment-channel'],
      ['222-1', '2026-11-20T08:00:00+00:00', 'Shipped', 'Tea', 'TEA', 'B0TEA', 'Shipped', '2', 'USD', '20.00', '0.00', '0.00', 'Amazon'],
      ['222-2', '2026-11-20T09:00:00+00:00', 'Unshipped', 'Tea', 'TEA', 'B0TEA', 'Unshipped', '1', 'USD', '10.00', '0.00', '0.00', 'Amazon'],
      ['222-3', '2026-11-20T09:30:00+00:00', 'Shipped', 'Mug', 'MUG-NEW', 'B0MUG', 'Shipped', '1', 'USD', '15.00', '0.00', '0.00', 'Amazon'],
      ['333-1', '2026-11-20T10:00:00+00:00', 'Unshipped', 'Pot', 'POT', 'B0POT', 'Unshipped', '1', 'USD', '99.00', '0.00', '0.00', 'Merchant'],
    ]);
    const [r] = importOrderFiles(db, [{ name: 'all.txt', bytes: fba }], opts, NOW);
    expect(r!.orders.new).toBe(4);
    expect(stock(db, 'TEA')).toEqual([10, 0]); // Amazon's warehouse shipped 2 and holds 1 for the other
    expect(stock(db, 'POT')).toEqual([3, 1]); // the seller's own order reserves as before
    expect(getOrder(db, '222-1', 'AMZ').lines.map((l) => [l.skuCode, l.quantity, l.shipped, l.reserved])).toEqual([['TEA', 2, 2, 0]]);
    // A SKU created afterwards finds the unmatched FBA line without touching stock.
    addProduct(db, { title: 'Mug', sku: { code: 'MUG-NEW', price: '15' } }, NOW);
    receiveStock(db, { sku: 'MUG-NEW', quantity: 4 }, NOW);
    reattributeLines(db, NOW, { sellerSku: 'MUG-NEW' });
    expect(getOrder(db, '222-3', 'AMZ').lines[0]!.skuCode).toBe('MUG-NEW');
    expect(stock(db, 'MUG-NEW')).toEqual([4, 0]);
    expect(importOrderFiles(db, [{ name: 'all.txt', bytes: fba }], opts, NOW)[0]!.orders).toEqual({ new: 0, updated: 0, unchanged: 4 });
    // Exported in shopkeep's layout (which does not say FBA) and read back: the lines remember, nothing is reserved.
    const exported = renderCsv({ columns: ORDER_EXPORT_COLUMNS.map((key) => ({ key, label: key })), rows: orderExportRows(exportOrders(db, { shop: 'AMZ' }, NOW)) }, false);
    importOrderFiles(db, [{ name: 'orders.csv', bytes: Buffer.from(exported) }], { ...opts, platform: 'shopkeep' }, NOW);
    expect([stock(db, 'TEA'), stock(db, 'POT')]).toEqual([[10, 0], [3, 1]]);
    // Later, Amazon ships the other one: still nothing moves.
    const later = tsv([[...ALL, 'fulfillment-channel'], ['222-2', '2026-11-20T09:00:00+00:00', 'Shipped', 'Tea', 'TEA', 'B0TEA', 'Shipped', '1', 'USD', '10.00', '0.00', '0.00', 'Amazon']]);
    expect(importOrderFiles(db, [{ name: 'later.txt', bytes: later }], opts, NOW)[0]!.orders.updated).toBe(1);
    expect(stock(db, 'TEA')).toEqual([10, 0]);
    expect(checkDatabase(db)).toEqual([]);
  });
});

