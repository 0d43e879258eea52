import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, type Db } from '../../src/db/open.js';
import { addProduct } from '../../src/domain/catalog/products.js';
import { receiveStock } from '../../src/domain/inventory/stock.js';
import { addOrder } from '../../src/domain/orders/create.js';
import { shipOrder } from '../../src/domain/orders/ship.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { withDb } from '../helpers/cli.js';
import { NOW } from '../helpers/db.js';

const BIG = '6917926768823643751';
const T = (iso: string) => Date.parse(iso);

/** A database file with a Taobao shop (Shanghai) and an Amazon shop (New York); orders unless `empty`. */
function shop(options: { empty?: boolean } = {}) {
  const sk = withDb();
  const db: Db = openDatabase(sk.db);
  addShop(db, { name: 'Tea House', platform: 'taobao' }, NOW);
  addShop(db, { name: 'US Store', platform: 'amazon', currency: 'USD', timezone: 'America/New_York' }, NOW);
  addProduct(db, { title: '西湖龙井', sku: { code: 'X', price: '750' } }, NOW);
  addProduct(db, { title: 'Teacup', sku: { code: 'Y', price: '99' } }, NOW);
  if (!options.empty) {
    receiveStock(db, { sku: 'X', quantity: 20 }, NOW);
    receiveStock(db, { sku: 'Y', quantity: 20 }, NOW);
    const buyer = { name: '王芳', phone: '13812345678' };
    const address = { name: '王芳', phone: '13812345678', province: '浙江省', city: '杭州市', street: '文三路 100 号' };
    // 2026-11-24T17:30Z is already the 25th in Shanghai.
    addOrder(db, { platformOrderId: BIG, buyer, address, items: [{ sku: 'X', quantity: 2 }, { sku: 'Y', quantity: 1 }], buyerNote: '周末不在家,\n放门卫', sellerMemo: '=HYPERLINK("http://x")', paid: true, placedAt: T('2026-11-24T17:30:00Z') }, NOW);
    shipOrder(db, { ref: BIG, carrier: 'SF', tracking: 'SF1234567890123' }, NOW);
    addOrder(db, { platformOrderId: 'T-1500', buyer, address, items: [{ sku: 'X', quantity: 2 }], placedAt: T('2026-11-24T15:00:00Z') }, NOW);
    // 2026-11-25T04:30Z is still the 24th in New York.
    addOrder(db, { shop: 'US Store', platformOrderId: '114-3941689-8772232', buyer: {}, address: {}, items: [{ sku: 'Y', quantity: 1, unitPrice: '12.00' }], paid: true, placedAt: T('2026-11-25T04:30:00Z') }, NOW);
  }
  db.close();
  return sk;
}

const header = (text: string) => text.replace(/^\uFEFF/, '').split('\r\n')[0]!;
const orderIds = (text: string) => text.split('\r\n').slice(1).filter(Boolean).map((l) => l.split(',')[2]);

describe('order export', () => {
  it('writes the CSV to stdout, one row per line, formula-safe, nothing on stderr', async () => {
    const r = await shop().run(['order', 'export']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(header(r.stdout)).toBe(
      'shop,platform,order_id,status,currency,placed_at,paid_at,shipped_at,delivered_at,completed_at,cancelled_at,buyer_id,buyer_name,buyer_phone,buyer_email,recipient,phone,province,city,district,street,postcode,country,item_subtotal,shipping,discount,tax,total,paid,refunded,buyer_note,seller_memo,carrier,tracking,line_key,sku,platform_sku,listing_id,title,variant,quantity,unit_price,line_discount,shipped,line_status',
    );
    expect(r.stdout.startsWith('\uFEFF')).toBe(false);
    expect(r.stdout).toContain(`Tea House,taobao,${BIG},shipped,CNY,2026-11-25T01:30:00+08:00,`);
    expect(r.stdout).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(r.stdout).toContain('"周末不在家,\n放门卫"');
    expect(r.stdout).toContain('13812345678'); // not masked: an export is data
    expect(orderIds(r.stdout.replace(/"[^"]*"/g, '""'))).toEqual(['T-1500', BIG, BIG, '114-3941689-8772232']);
  });

  it('round trip through the CLI: export, import into an empty database, export again: the same bytes', async () => {
    const source = shop();
    const first = await source.run(['order', 'export', '--shop', 'Tea House', '-o', 'orders.csv']);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('wrote 2 order(s) in 3 row(s) to orders.csv');
    const bytes = readFileSync(join(source.dir, 'orders.csv'));
    const target = shop({ empty: true });
    writeFileSync(join(target.dir, 'orders.csv'), bytes);
    const imported = await target.run(['order', 'import', 'orders.csv', '--platform', 'shopkeep', '--shop', 'Tea House']);
    expect(imported.code).toBe(0);
    expect(imported.stderr).toContain('shopkeep');
    const again = await target.run(['order', 'export', '--shop', 'Tea House']);
    expect(again.stdout).toBe(bytes.toString('utf8'));
    // From stdin too, and the layout is found without --platform.
    const third = shop({ empty: true });
    expect((await third.run(['order', 'import', '-', '--shop', 'Tea House'], { stdin: bytes })).code).toBe(0);
    expect((await third.run(['order', 'export', '--shop', 'Tea House'])).stdout).toBe(bytes.toString('utf8'));
  });

  it('--excel adds a BOM, which the import reads through', async () => {
    const sk = shop();
    const r = await sk.run(['order', 'export', '--shop', 'US Store', '--excel', '-o', '订单.csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const bytes = readFileSync(join(sk.dir, '订单.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const plain = await sk.run(['order', 'export', '--shop', 'US Store', '-o', '-']);
    expect(bytes.toString('utf8')).toBe(`\uFEFF${plain.stdout}`);
    const target = shop({ empty: true });
    expect((await target.run(['order', 'import', '-', '--platform', 'shopkeep', '--shop', 'US Store'], { stdin: bytes })).code).toBe(0);
    expect((await target.run(['order', 'export', '--shop', 'US Store'])).stdout).toBe(plain.stdout);
  });

  it('--since is read in each shop\'s own zone; --status filters', async () => {
    const sk = shop();
    const since = await sk.run(['order', 'export', '--since', '2026-11-25']);
    expect(since.code).toBe(0);
    expect(orderIds(since.stdout.replace(/"[^"]*"/g, '""'))).toEqual([BIG, BIG]);
    const status = await sk.run(['order', 'export', '--status', 'pending_payment', '--status', 'paid']);
    expect(orderIds(status.stdout)).toEqual(['T-1500', '114-3941689-8772232']);
  });

  it('--format json: an array of orders, compact in a pipe, indented on a terminal; --json the same', async () => {
    const sk = shop();
    const r = await sk.run(['order', 'export', '--format', 'json', '--status', 'pending_payment']);
    expect(r.code).toBe(0);
    expect(r.stdout.trimEnd()).not.toContain('\n');
    const orders = JSON.parse(r.stdout);
    expect(Array.isArray(orders)).toBe(true);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({
      shop: 'Tea House',
      platform: 'taobao',
      platformOrderId: 'T-1500',
      status: 'pending_payment',
      currency: 'CNY',
      total: '1500.00',
      placedAt: '2026-11-24T23:00:00+08:00',
      lines: [{ sku: 'X', title: '西湖龙井', quantity: 2, unitPrice: '750.00' }],
    });
    const tty = await sk.run(['order', 'export', '--json', '--shop', 'Tea House', '--since', '2026-11-25'], { tty: true });
    expect(tty.stdout.startsWith('[\n  {\n    "shop": "Tea House",')).toBe(true);
    const big = JSON.parse(tty.stdout)[0];
    expect(big.platformOrderId).toBe(BIG);
    expect(big.sellerMemo).toBe('=HYPERLINK("http://x")');
    const file = await sk.run(['order', 'export', '--format', 'json', '-o', 'orders.json'], { tty: true });
    expect(file.stderr).toContain('wrote 3 order(s) to orders.json');
    expect(readFileSync(join(sk.dir, 'orders.json'), 'utf8').trimEnd()).not.toContain('\n');
  });

  it('an empty database exports the header only (exit 0), and an empty JSON array', async () => {
    const sk = shop({ empty: true });
    const r = await sk.run(['order', 'export']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\r\n')).toHaveLength(2);
    expect((await sk.run(['order', 'export', '--json'])).stdout).toBe('[]\n');
  });

  it('exit codes: bad --status 2, bad --format 2, bad --since 2, unknown shop 3', async () => {
    const sk = shop();
    const status = await sk.run(['order', 'export', '--status', 'paid,shiped']);
    expect(status.code).toBe(2);
    expect(status.stderr).toContain('shiped');
    expect(status.stdout).toBe('');
    expect((await sk.run(['order', 'export', '--format', 'xml'])).code).toBe(2);
    expect((await sk.run(['order', 'export', '--since', 'last week'])).code).toBe(2);
    const unknown = await sk.run(['order', 'export', '--shop', 'Tea Hose']);
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toContain('Tea House');
  });

  it('speaks Chinese with --lang zh-CN', async () => {
    const sk = shop();
    const r = await sk.run(['--lang', 'zh-CN', 'order', 'export', '-o', 'orders.csv']);
    expect(r.stderr).toContain('已将 3 个订单（4 行）写入 orders.csv');
    const help = await sk.run(['--lang', 'zh-CN', 'order', 'export', '--help']);
    expect(help.stdout).toContain('只导出此状态的订单');
  });
});
