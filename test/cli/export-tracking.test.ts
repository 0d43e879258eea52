import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/open.js';
import { addProduct } from '../../src/domain/catalog/products.js';
import { receiveStock } from '../../src/domain/inventory/stock.js';
import { addOrder } from '../../src/domain/orders/create.js';
import { shipOrder } from '../../src/domain/orders/ship.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { withDb } from '../helpers/cli.js';
import { NOW } from '../helpers/db.js';

const TAOBAO_ORDER = '6917926768823643751';
const AMAZON_ORDER = '114-3941689-8772232';
const EARLY = Date.parse('2026-11-25T02:00:00Z');

/** A database file with a Taobao shop (Shanghai) and an Amazon shop (New York), each order shipped in two parcels. */
function shop(options: { empty?: boolean; oddCarrier?: boolean } = {}) {
  const sk = withDb();
  const db = openDatabase(sk.db);
  addShop(db, { name: 'Tea House', platform: 'taobao' }, NOW);
  addShop(db, { name: 'US Store', platform: 'amazon', currency: 'USD', timezone: 'America/New_York' }, NOW);
  if (!options.empty) {
    addProduct(db, { title: 'Longjing', sku: { code: 'X', price: '368' } }, NOW);
    addProduct(db, { title: 'Teacup', sku: { code: 'Y', price: '99' } }, NOW);
    receiveStock(db, { sku: 'X', quantity: 20 }, NOW);
    receiveStock(db, { sku: 'Y', quantity: 20 }, NOW);
    const items = [{ sku: 'X', quantity: 2 }, { sku: 'Y', quantity: 1 }];
    addOrder(db, { platformOrderId: TAOBAO_ORDER, buyer: {}, address: {}, items, paid: true }, EARLY - 3_600_000);
    addOrder(db, { shop: 'US Store', platformOrderId: AMAZON_ORDER, buyer: {}, address: {}, items: items.map((i) => ({ ...i, unitPrice: '12.00' })), paid: true }, EARLY - 3_600_000);
    shipOrder(db, { ref: TAOBAO_ORDER, carrier: 'SF', tracking: 'SF1234567890123', items: [{ sku: 'X', quantity: 1 }] }, EARLY);
    shipOrder(db, { ref: TAOBAO_ORDER, carrier: options.oddCarrier ? '=HYPERLINK("http://x")' : 'ZTO', tracking: '773000000000001' }, NOW);
    shipOrder(db, { ref: AMAZON_ORDER, carrier: 'UPS', tracking: '1Z999AA10123456784', items: [{ sku: 'X', quantity: 1 }] }, EARLY);
    shipOrder(db, { ref: AMAZON_ORDER, carrier: 'ZTO', tracking: '773000000000002' }, NOW);
  }
  db.close();
  return sk;
}

const lines = (...rows: string[]) => rows.map((r) => `${r}\r\n`).join('');

describe('order export-tracking', () => {
  it('amazon: tab-separated bytes, one row per shipped line, ship-date with the shop\'s offset', async () => {
    const r = await shop().run(['order', 'export-tracking', '--platform', 'amazon']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      lines(
        'order-id\torder-item-id\tquantity\tship-date\tcarrier-code\tcarrier-name\ttracking-number\tship-method',
        `${AMAZON_ORDER}\t1\t1\t2026-11-24T21:00:00-05:00\tUPS\t\t1Z999AA10123456784\t`,
        `${AMAZON_ORDER}\t1\t1\t2026-11-25T03:00:00-05:00\tOther\tZTO Express\t773000000000002\t`,
        `${AMAZON_ORDER}\t2\t1\t2026-11-25T03:00:00-05:00\tOther\tZTO Express\t773000000000002\t`,
      ),
    );
  });

  it('taobao: Chinese headers, the 19-digit order id as written, a BOM with --excel, -o writes the file', async () => {
    const sk = shop();
    const r = await sk.run(['order', 'export-tracking', '--platform', 'taobao', '--excel', '-o', '发货.csv']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('wrote 2 parcel(s) in 2 row(s) to 发货.csv');
    const bytes = readFileSync(join(sk.dir, '发货.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toBe(`\uFEFF${lines('订单编号,物流公司,运单号', `${TAOBAO_ORDER},顺丰速运,SF1234567890123`, `${TAOBAO_ORDER},中通快递,773000000000001`)}`);
    const plain = await sk.run(['order', 'export-tracking', '--platform', 'taobao', '-o', '-']);
    expect(plain.stdout.startsWith('订单编号,')).toBe(true);
  });

  it('shopify: the assumed CSV header; --shop names a shop on another platform, with a warning', async () => {
    const r = await shop().run(['order', 'export-tracking', '--platform', 'shopify', '--shop', 'US Store', '--since', '2026-11-25']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('shop "US Store" sells on amazon, not shopify');
    expect(r.stdout).toBe(
      lines(
        'Order Name,Tracking Number,Tracking Company,Tracking URL,Notify Customer',
        `${AMAZON_ORDER},773000000000002,ZTO Express,https://www.zto.com/?num=773000000000002,true`,
      ),
    );
  });

  it('generic: every shop, items quoted as one cell, --since read in each shop\'s zone', async () => {
    const r = await shop().run(['order', 'export-tracking', '--platform', 'generic', '--since', '2026-11-25']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      lines(
        'shop,platform,order,carrier,tracking,tracking_url,shipped_at,items',
        `Tea House,taobao,${TAOBAO_ORDER},SF,SF1234567890123,https://www.sf-express.com/chn/sc/waybill/waybill-detail/SF1234567890123,2026-11-25T10:00:00+08:00,X:1`,
        `Tea House,taobao,${TAOBAO_ORDER},ZTO,773000000000001,https://www.zto.com/?num=773000000000001,2026-11-25T16:00:00+08:00,"X:1,Y:1"`,
        `US Store,amazon,${AMAZON_ORDER},ZTO,773000000000002,https://www.zto.com/?num=773000000000002,2026-11-25T03:00:00-05:00,"X:1,Y:1"`,
      ),
    );
  });

  it('keeps cells formula-safe in CSV and TSV', async () => {
    const sk = shop({ oddCarrier: true });
    const csv = await sk.run(['order', 'export-tracking', '--platform', 'taobao']);
    expect(csv.stdout.split('\r\n')[2]).toBe(`${TAOBAO_ORDER},"'=HYPERLINK(""http://x"")",773000000000001`);
    const tsv = await sk.run(['order', 'export-tracking', '--platform', 'amazon', '--shop', 'Tea House']);
    expect(tsv.stdout.split('\r\n')[2]).toBe(`${TAOBAO_ORDER}\t1\t1\t2026-11-25T16:00:00+08:00\tOther\t'=HYPERLINK("http://x")\t773000000000001\t`);
  });

  it('no shipments: the header alone, exit 0', async () => {
    const sk = shop({ empty: true });
    const r = await sk.run(['order', 'export-tracking', '--platform', 'taobao']);
    expect(r).toMatchObject({ code: 0, stdout: lines('订单编号,物流公司,运单号'), stderr: '' });
    const none = await sk.run(['order', 'export-tracking', '--platform', 'shopify']);
    expect(none.code).toBe(0);
    expect(none.stdout).toBe(lines('Order Name,Tracking Number,Tracking Company,Tracking URL,Notify Customer'));
    expect(none.stderr).toContain('no shop sells on shopify');
  });

  it('--json: the shipments under a fixed key, order numbers as text, instants in UTC', async () => {
    const r = await shop().run(['order', 'export-tracking', '--platform', 'taobao', '--json']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`"order":"${TAOBAO_ORDER}"`);
    const { shipments } = JSON.parse(r.stdout);
    expect(shipments).toHaveLength(2);
    expect(shipments[0]).toEqual({
      id: 1,
      shop: 'Tea House',
      platform: 'taobao',
      order: TAOBAO_ORDER,
      carrier: 'SF',
      carrierName: 'SF Express',
      trackingNumber: 'SF1234567890123',
      trackingUrl: 'https://www.sf-express.com/chn/sc/waybill/waybill-detail/SF1234567890123',
      shippedAt: '2026-11-25T02:00:00.000Z',
      items: [{ lineKey: '1', sku: 'X', platformSku: null, title: 'Longjing', quantity: 1 }],
    });
  });

  it('--platform is required: exit 2 naming the flag when not interactive, a choice on a terminal', async () => {
    const sk = shop();
    const missing = await sk.run(['order', 'export-tracking']);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toContain('missing --platform');
    expect(missing.stderr).toContain('amazon, shopify, taobao, generic');
    const asked = await sk.run(['order', 'export-tracking'], { tty: true, answers: ['taobao'] });
    expect(asked.code).toBe(0);
    expect(asked.asked).toEqual(["Which platform's layout?"]);
    expect(asked.stdout.startsWith('订单编号,物流公司,运单号\r\n')).toBe(true);
  });

  it('exit 2 on an unknown platform or --since, listing the choices; exit 3 on an unknown shop', async () => {
    const sk = shop();
    const ebay = await sk.run(['order', 'export-tracking', '--platform', 'ebay']);
    expect(ebay.code).toBe(2);
    expect(ebay.stderr).toContain('unknown --platform "ebay"; use one of: amazon, shopify, taobao, generic');
    const zh = await sk.run(['order', 'export-tracking', '--platform', 'ebay', '--lang', 'zh-CN']);
    expect(zh.stderr).toContain('未知的 --platform“ebay”');
    expect((await sk.run(['order', 'export-tracking', '--platform', 'amazon', '--since', 'yesterday-ish'])).code).toBe(2);
    const noShop = await sk.run(['order', 'export-tracking', '--platform', 'amazon', '--shop', 'Nowhere']);
    expect(noShop.code).toBe(3);
  });

  it('help ends with examples in both languages', async () => {
    const sk = shop({ empty: true });
    for (const lang of ['en', 'zh-CN']) {
      const help = await sk.run(['order', 'export-tracking', '--help', '--lang', lang]);
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('$ shopkeep order export-tracking --platform amazon');
      expect(help.stdout).toContain('--platform <platform>');
    }
  });
});
