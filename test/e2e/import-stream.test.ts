import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binaryShop, spawnShopkeep } from '../helpers/bin.js';
import { shopifyCsv, shopifyOrder } from '../helpers/shopify-csv.js';

// The built binary reads order files in a worker thread while the main thread writes: the same results as
// the in-thread reader (test/unit/import-stream.test.ts), through every way a read can end or start again.

/** Orders of two lines, multi-byte titles, a quoted two-line note on every tenth: about 4 MB for 9,000. */
function bigRows(count: number): Record<string, string>[] {
  return Array.from({ length: count }, (_, i) => {
    const [first, second] = shopifyOrder(`#${1000 + i}`, { financial: 'paid', fulfillment: i % 3 === 0 ? 'fulfilled' : 'unfulfilled', total: '30.00', lines: [['TEA', 2, '10.00'], [`CUSTOM-${i % 7}`, 1, '10.00']] });
    return [{ ...first!, 'Lineitem name': `青瓷盖碗·龙泉窑手工茶具套装 ${i}`.repeat(3), Notes: i % 10 === 0 ? `第一行 ${i}\r\n第二行 "引号"` : '' }, second!];
  }).flat();
}

const bad = () => ({ ...shopifyOrder('#bad', { financial: 'paid', total: '1.00', lines: [['TEA', 1, '1.00']] })[0]!, 'Lineitem quantity': 'lots' });

describe('order import of a big file on the built binary', () => {
  it('imports every order, settles stock once, and a re-import changes nothing', () => {
    const { dir, sk } = binaryShop();
    const path = join(dir, 'orders_export.csv');
    writeFileSync(path, shopifyCsv(bigRows(9000)));
    const r = sk('order', 'import', path, '--json');
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ orders: { new: 9000, updated: 0, unchanged: 0 }, lines: 18000, rejected: 0 });
    // 3,000 fulfilled orders shipped 2 TEA each; 6,000 paid ones reserve 2 each.
    expect(JSON.parse(sk('stock', 'list', '--json').stdout).stock[0]).toMatchObject({ onHand: 94_000, reserved: 12_000 });
    expect(JSON.parse(sk('order', 'show', '#1010', '--json').stdout).order.buyerNote).toBe('第一行 10\r\n第二行 "引号"');
    expect(JSON.parse(sk('order', 'import', path, '--json').stdout).orders).toEqual({ new: 0, updated: 0, unchanged: 9000 });
    expect(sk('db', 'check').code).toBe(0);
  }, 60_000);

  it('refuses the whole file for one bad row in its last chunk, naming the line, and changes nothing', () => {
    const { dir, sk, rows } = binaryShop();
    const text = shopifyCsv([...bigRows(8000), bad()]);
    const line = text.subarray(0, text.indexOf('#bad')).toString('utf8').split('\n').length;
    const path = join(dir, 'orders_export.csv');
    writeFileSync(path, text);
    const before = rows();
    const strict = sk('order', 'import', path);
    expect(strict.code).toBe(5);
    expect(strict.stderr).toContain(`line ${line}`);
    expect(rows()).toEqual(before);
    const skipped = sk('order', 'import', path, '--skip-bad', '--rejects', join(dir, 'bad.csv'), '--json');
    expect(skipped.code).toBe(5);
    expect(JSON.parse(skipped.stdout)).toMatchObject({ orders: { new: 8000 }, rejected: 1 });
    expect(readFileSync(join(dir, 'bad.csv'), 'utf8')).toContain(`orders_export.csv,${line},`);
  }, 60_000);

  it('leaves the database file byte-identical on a dry run', () => {
    const { dir, db, sk } = binaryShop();
    const path = join(dir, 'orders_export.csv');
    writeFileSync(path, shopifyCsv(bigRows(6000)));
    expect(sk('db', 'check').code).toBe(0);
    const before = readFileSync(db);
    const r = sk('order', 'import', path, '--dry-run', '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ orders: { new: 6000 }, dryRun: true });
    expect(readFileSync(db).equals(before)).toBe(true);
  }, 60_000);

  it('starts again when a file scatters an order’s rows, or is not UTF-8 after its first megabyte', () => {
    const { dir, sk } = binaryShop();
    const [a1, a2] = shopifyOrder('#A', { financial: 'paid', total: '20.00', lines: [['TEA', 1, '10.00'], ['POT', 1, '10.00']] });
    const scattered = join(dir, 'scattered.csv');
    writeFileSync(scattered, shopifyCsv([a1!, ...bigRows(3000), a2!]));
    expect(JSON.parse(sk('order', 'import', scattered, '--json').stdout)).toMatchObject({ orders: { new: 3001 }, lines: 6002 });
    expect(JSON.parse(sk('order', 'show', '#A', '--json').stdout).order.lines.map((l: { title: string }) => l.title)).toEqual(['Item TEA', 'Item POT']);
    const rows: Record<string, string>[] = bigRows(4000).map((r) => ({ ...r, 'Lineitem name': 'Green tea', Notes: '' }));
    rows.push({ ...shopifyOrder('#cafe', { financial: 'paid', total: '10.00', lines: [['TEA', 1, '10.00']] })[0]!, 'Lineitem name': 'Café crème' });
    const latin1 = join(dir, 'latin1.csv');
    writeFileSync(latin1, Buffer.from(shopifyCsv(rows).toString('utf8'), 'latin1'));
    const r = sk('order', 'import', latin1, '--json');
    expect(JSON.parse(r.stdout)).toMatchObject({ encoding: 'windows-1252', orders: { new: 1001, updated: 0, unchanged: 3000 } });
    expect(JSON.parse(sk('order', 'show', '#cafe', '--json').stdout).order.lines[0].title).toBe('Café crème');
  }, 60_000);

  it('reads stdin in the worker too', () => {
    const { dir, db } = binaryShop();
    const input = shopifyCsv(bigRows(3000)).toString('utf8');
    const r = spawnShopkeep(['--db', db, 'order', 'import', '-', '--json'], { cwd: dir, input });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ file: 'stdin', orders: { new: 3000 }, lines: 6000 });
  }, 60_000);

  it('reads through a --mapping file in the worker too', () => {
    const { dir, sk } = binaryShop();
    const lines = ['Order No,Line No,Item Code,Item Name,Qty,Unit Price,Order Time', ...Array.from({ length: 20000 }, (_, i) => `E${i},1,TEA,Tea,1,10.00,2026-11-20 10:00:00`)];
    writeFileSync(join(dir, 'erp.csv'), `${lines.join('\n')}\n`);
    writeFileSync(join(dir, 'erp.json'), JSON.stringify({ name: 'erp', platform: 'other', columns: { orderId: 'Order No', lineId: 'Line No', sku: 'Item Code', title: 'Item Name', quantity: 'Qty', unitPrice: 'Unit Price', placedAt: 'Order Time' } }));
    const r = sk('order', 'import', 'erp.csv', '--mapping', 'erp.json', '--shop', 'US', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ profile: 'mapping:erp', orders: { new: 20000 }, lines: 20000 });
  }, 60_000);

  it('one row per order through the worker: a repeated order id is a rejected row; a later export keeps each order to its one line', () => {
    const { dir, sk } = binaryShop();
    const header = 'Order No,Item Code,Item Name,Qty,Unit Price,Order Time';
    const row = (i: number, code = 'TEA', qty = 1) => `E${i},${code},Tea,${qty},10.00,2026-11-20 10:00:00`;
    // 6,000 orders with E17 written again near the end (not next to its first row: the reader starts again, buffered).
    writeFileSync(join(dir, 'erp.csv'), [header, ...Array.from({ length: 6000 }, (_, i) => row(i)), row(17, 'POT')].join('\n'));
    writeFileSync(join(dir, 'erp.json'), JSON.stringify({ name: 'erp', lines: 'one-per-order', columns: { orderId: 'Order No', sku: 'Item Code', title: 'Item Name', quantity: 'Qty', unitPrice: 'Unit Price', placedAt: 'Order Time' } }));
    const strict = sk('order', 'import', 'erp.csv', '--mapping', 'erp.json', '--shop', 'US');
    expect(strict.code).toBe(5);
    expect(strict.stderr).toContain('E17');
    const r = sk('order', 'import', 'erp.csv', '--mapping', 'erp.json', '--shop', 'US', '--skip-bad', '--rejects', 'bad.csv', '--json');
    expect(r.code).toBe(5);
    expect(JSON.parse(r.stdout)).toMatchObject({ orders: { new: 6000 }, lines: 6000, rejected: 1 });
    expect(readFileSync(join(dir, 'bad.csv'), 'utf8')).toMatch(/erp\.csv,6002,.*E17.*line 19/);
    // The ERP's next export corrects E5's item and quantity: the same one line is found and updated, no second line.
    writeFileSync(join(dir, 'next.csv'), [header, row(5, 'POT', 3)].join('\n'));
    expect(sk('order', 'import', 'next.csv', '--mapping', 'erp.json', '--shop', 'US').code).toBe(0);
    expect(JSON.parse(sk('order', 'show', 'E5', '--json').stdout).order.lines.map((l: { quantity: number }) => l.quantity)).toEqual([3]);
  }, 60_000);

  it('reads wall times in the reader thread as the main thread does: a repeated one is its first instant, a skipped one moves on', () => {
    const { dir, sk } = binaryShop();
    expect(sk('shop', 'add', 'EG', '--platform', 'other', '--currency', 'EGP', '--timezone', 'Africa/Cairo').code).toBe(0);
    // Cairo 2026: 00:00–01:00 on 24 April skipped; 23:00–24:00 on 29 October twice (+03:00, then +02:00).
    const times = ['2026-04-24 00:30:00', '2026-10-29 23:30:00', '2026-07-01 12:00:00', '2026-12-01 12:00:00'];
    writeFileSync(join(dir, 'eg.csv'), ['Order No,Item Code,Qty,Unit Price,Order Time', ...times.map((t, i) => `EG${i},TEA,1,10.00,${t}`)].join('\r\n'));
    writeFileSync(join(dir, 'eg.json'), JSON.stringify({ name: 'eg', platform: 'other', columns: { orderId: 'Order No', sku: 'Item Code', quantity: 'Qty', unitPrice: 'Unit Price', placedAt: 'Order Time' } }));
    expect(sk('order', 'import', 'eg.csv', '--mapping', 'eg.json', '--shop', 'EG').code).toBe(0);
    const exported = JSON.parse(sk('order', 'export', '--shop', 'EG', '--format', 'json').stdout) as { platformOrderId: string; placedAt: string }[];
    expect(Object.fromEntries(exported.map((o) => [o.platformOrderId, o.placedAt]))).toEqual({
      EG0: '2026-04-24T01:30:00+03:00',
      EG1: '2026-10-29T23:30:00+03:00',
      EG2: '2026-07-01T12:00:00+03:00',
      EG3: '2026-12-01T12:00:00+02:00',
    });
  });
});

