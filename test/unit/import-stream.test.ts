import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addProduct } from '../../src/domain/catalog/products.js';
import { contiguousOrders, NotContiguous, OrderGrouper } from '../../src/domain/imports/group.js';
import { parseOrderFiles } from '../../src/domain/imports/parse-files.js';
import { PROFILES } from '../../src/domain/imports/profiles/index.js';
import { importOrderFiles } from '../../src/domain/imports/run.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { memoryDb, NOW } from '../helpers/db.js';
import { shopifyCsv, shopifyOrder } from '../helpers/shopify-csv.js';

// Files are read a megabyte at a time: these files are several chunks long, with multi-byte characters and
// quoted newlines cut by chunk ends, and the same import from bytes in memory is the reference.
const options = { dryRun: false, skipBad: false };
const TITLE = '青瓷盖碗·龙泉窑手工茶具套装'.repeat(3);

function shopDb() {
  const db = memoryDb();
  addShop(db, { name: 'US', platform: 'shopify', currency: 'CNY', timezone: 'Asia/Shanghai' }, NOW);
  addProduct(db, { title: 'Tea', sku: { code: 'TEA', price: '10' } }, NOW);
  return db;
}

/** `count` orders of two lines each, every title multi-byte and every tenth order with a two-line note. */
function bigRows(count: number): Record<string, string>[] {
  return Array.from({ length: count }, (_, i) => {
    const [first, second] = shopifyOrder(`#${1000 + i}`, { financial: 'paid', fulfillment: i % 3 === 0 ? 'fulfilled' : 'unfulfilled', total: '30.00', lines: [['TEA', 2, '10.00'], [`CUSTOM-${i % 7}`, 1, '10.00']] });
    return [{ ...first!, 'Lineitem name': `${TITLE} ${i}`, Notes: i % 10 === 0 ? `第一行 ${i}\r\n第二行 "引号"` : '' }, second!];
  }).flat();
}

function onDisk(name: string, bytes: Uint8Array) {
  const path = join(mkdtempSync(join(tmpdir(), 'shopkeep-stream-')), name);
  writeFileSync(path, bytes);
  return { name, path };
}

const orderRows = (db: ReturnType<typeof memoryDb>) =>
  db.prepare('SELECT platform_order_id, status, total, buyer_note, (SELECT json_group_array(json_array(line_key, title, quantity, reserved, shipped)) FROM order_line l WHERE l.order_id = o.id) AS lines FROM sales_order o ORDER BY id').all();

describe('a file read in chunks', () => {
  const bytes = shopifyCsv(bigRows(9000));

  it('is several chunks long', () => {
    expect(bytes.length).toBeGreaterThan(3 * 1024 * 1024);
  });

  it('imports from disk exactly as from memory: orders, lines, titles, notes and stock', () => {
    const fromDisk = shopDb();
    const fromMemory = shopDb();
    const [disk] = importOrderFiles(fromDisk, [onDisk('orders_export.csv', bytes)], options, NOW);
    const [memory] = importOrderFiles(fromMemory, [{ name: 'orders_export.csv', bytes }], options, NOW);
    expect(disk).toMatchObject({ orders: { new: 9000, updated: 0, unchanged: 0 }, lines: 18000, rejected: 0 });
    expect(disk).toEqual(memory);
    const rows = orderRows(fromDisk) as { buyer_note: string | null; lines: string }[];
    expect(rows).toEqual(orderRows(fromMemory));
    expect(rows[10]!.buyer_note).toBe('第一行 10\r\n第二行 "引号"');
    expect(JSON.parse(rows[8999]!.lines).map((l: string[]) => l[1])).toContain(`${TITLE} 8999`);
    expect(fromDisk.prepare("SELECT on_hand, reserved FROM sku WHERE code = 'TEA'").get()).toEqual(fromMemory.prepare("SELECT on_hand, reserved FROM sku WHERE code = 'TEA'").get());
  });

  it('names the right line for a bad row in its last chunk', () => {
    const rows = bigRows(6000);
    rows.push({ ...shopifyOrder('#bad', { financial: 'paid', total: '1.00', lines: [['TEA', 1, '1.00']] })[0]!, 'Lineitem quantity': 'lots' });
    const text = shopifyCsv(rows);
    const badLine = text.subarray(0, text.indexOf('#bad')).toString('utf8').split('\n').length;
    const [r] = importOrderFiles(shopDb(), [onDisk('bad.csv', text)], { ...options, skipBad: true }, NOW);
    expect(r!.orders.new).toBe(6000);
    expect(r!.rejects.map((x) => [x.line, x.detail.key])).toEqual([[badLine, 'import.badNumber']]);
  });

  it('that turns out not to be UTF-8 after its first megabyte is read again as Windows-1252', () => {
    const rows: Record<string, string>[] = bigRows(4000).map((r) => ({ ...r, 'Lineitem name': 'Green tea', Notes: '' }));
    rows.push({ ...shopifyOrder('#cafe', { financial: 'paid', total: '10.00', lines: [['TEA', 1, '10.00']] })[0]!, 'Lineitem name': 'Café crème' });
    const latin1 = Buffer.from(shopifyCsv(rows).toString('utf8'), 'latin1');
    expect(latin1.indexOf(0xe9)).toBeGreaterThan(1024 * 1024);
    const db = shopDb();
    const [r] = importOrderFiles(db, [onDisk('orders_export.csv', latin1)], options, NOW);
    expect(r).toMatchObject({ encoding: 'windows-1252', orders: { new: 4001 } });
    expect(db.prepare("SELECT title FROM order_line l JOIN sales_order o ON o.id = l.order_id WHERE platform_order_id = '#cafe'").pluck().get()).toBe('Café crème');
  });
});

describe('rows of an order apart', () => {
  const row = (orderId: string, line: number) => ({ record: { orderId, order: {}, line: null }, line });

  it('are noticed among 200,000 orders, and 200,000 distinct ones are never taken for scattered', () => {
    const ids = Array.from({ length: 200_000 }, (_, i) => `${1930679858170647 + i * 7919}`);
    expect([...contiguousOrders(ids.map(row), new OrderGrouper())]).toHaveLength(200_000);
    const again = [...ids.map(row), row(ids[123_456]!, 0)];
    expect(() => [...contiguousOrders(again, new OrderGrouper())]).toThrow(NotContiguous);
  });

  it('still make one order when a file scatters them (it is read again, holding every order)', () => {
    const [a1, a2] = shopifyOrder('#1', { financial: 'paid', total: '20.00', lines: [['TEA', 1, '10.00'], ['POT', 1, '10.00']] });
    const b = shopifyOrder('#2', { financial: 'paid', total: '10.00', lines: [['TEA', 1, '10.00']] });
    const together = parseOrderFiles([{ name: 'a.csv', bytes: shopifyCsv([a1!, a2!, ...b]) }], PROFILES, { zone: 'UTC', currency: 'CNY' });
    const apart = parseOrderFiles([{ name: 'b.csv', bytes: shopifyCsv([a1!, ...b, a2!]) }], PROFILES, { zone: 'UTC', currency: 'CNY' });
    expect(apart.orders.map((o) => [o.platformOrderId, o.lines.map((l) => l.lineKey)])).toEqual([['#1', ['TEA', 'POT']], ['#2', ['TEA']]]);
    expect(apart.orders.map(({ line: _, ...o }) => o)).toEqual(together.orders.map(({ line: _, ...o }) => o));
  });

  it('in a Taobao pair whose 宝贝报表 lists orders in another order are joined all the same', () => {
    const fixture = (name: string) => readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url));
    const orders = { name: 'ExportOrderList201904011200.csv', bytes: fixture('taobao-ExportOrderList201904011200.csv') };
    const items = fixture('taobao-ExportOrderDetailList201904011200.csv');
    // GB18030 never uses CR or LF inside a character: the file splits into lines as bytes.
    const [header, first, second, ...rest] = items.toString('latin1').split('\r\n');
    expect(first!.split(',')[0]).toBe(second!.split(',')[0]);
    const moved = Buffer.from([header, ...rest.filter(Boolean), first, second, ''].join('\r\n'), 'latin1');
    const ctx = { zone: 'Asia/Shanghai', currency: 'CNY' };
    const inStep = parseOrderFiles([orders, { name: 'ExportOrderDetailList201904011200.csv', bytes: items }], PROFILES, ctx);
    const outOfStep = parseOrderFiles([orders, { name: 'ExportOrderDetailList201904011200.csv', bytes: moved }], PROFILES, ctx);
    expect(outOfStep.orders[0]!.lines.map((l) => l.title)).toEqual(['青瓷盖碗 𠀀窑', '竹制茶盘']);
    expect(outOfStep.orders).toEqual(inStep.orders);
  });
});
