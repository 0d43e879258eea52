import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrderFiles, type InputFile } from '../../src/domain/imports/parse-files.js';
import { PROFILES } from '../../src/domain/imports/profiles/index.js';
import { inEveryZone } from '../helpers/zones.js';

const OLD = 'pdd-orders-2019.csv';
const LATER = 'pdd-orders-2023.csv';
const bytesOf = (name: string) => readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url));
const ctx = { zone: 'Asia/Shanghai', currency: 'CNY' };
const parse = (input: InputFile) => parseOrderFiles([input], PROFILES, ctx);
const parseFixture = (name: string) => parse({ name, bytes: bytesOf(name) });
const cst = (wall: string) => Date.parse(`${wall.replace(' ', 'T')}+08:00`);

describe('Pinduoduo 拼多多 订单导出', () => {
  it('is detected as pdd from GB18030 (full-width 商品总价（元）) and from UTF-8 text', () => {
    const gb = bytesOf(OLD);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gb)).toThrow();
    const text = new TextDecoder('gb18030', { fatal: true }).decode(gb);
    expect(text).toContain('商品总价（元）,店铺优惠折扣(元)');
    expect(text).toContain('龙井路1号𠀀茶舍');
    const r = parseFixture(OLD);
    expect(r.files).toMatchObject([{ profile: expect.objectContaining({ id: 'pdd', platform: 'pdd' }), encoding: 'gb18030', rows: 10 }]);
    const utf8 = parse({ name: 'pdd-utf8.csv', bytes: Buffer.from(text, 'utf8') });
    expect(utf8.files[0]!.encoding).toBe('utf-8');
    expect(utf8.orders).toEqual(r.orders);
  });

  it('maps statuses with 售后状态, money in fen, one line per order', () => {
    const r = parseFixture(OLD);
    expect(r.orders.map((o) => [o.platformOrderId, o.status, o.itemSubtotal, o.shipping, o.discount, o.total, o.paid, o.refunded])).toEqual([
      ['190412-123456789012345', 'paid', 5980, 0, 800, 5180, 5180, null],
      ['190412-123456789012346', 'shipped', 10000, 600, 0, 10600, 10600, null],
      ['190412-123456789012347', 'completed', 2990, 0, 0, 2990, 2990, null],
      ['190412-123456789012348', 'delivered', 2990, 0, 0, 2990, 2990, null],
      ['190412-123456789012349', 'cancelled', 2990, 0, 0, 2990, 2990, 2990],
      ['190412-123456789012350', 'cancelled', 3300, 0, 0, 3300, 3300, 3300],
      ['190412-123456789012351', 'cancelled', 3300, 0, 0, 3300, null, null],
      // 待发货 with an after-sales case open (退款中): held, not shipped.
      ['190412-123456789012352', 'on_hold', 2990, 0, 0, 2990, 2990, null],
    ]);
    expect(r.orders.every((o) => o.lines.length === 1)).toBe(true);
    expect(r.orders[0]!.lines[0]).toMatchObject({ lineKey: '987654321', platformSku: '987654321', listingId: '123456789', sku: 'CUP-W', variant: '白色', quantity: 2, unitPrice: 2990, discount: 0 });
    // 无规格 is no variant; 100.00 over 3 units: 33.34 each, 0.02 off, exact.
    expect(r.orders[1]!.lines[0]).toMatchObject({ variant: null, quantity: 3, unitPrice: 3334, discount: 2, shipped: 3 });
    expect(r.warnings).toEqual([]);
  });

  it('drops a masked province, keeps masked phones off the buyer', () => {
    const r = parseFixture(OLD);
    const o = r.orders[1]!;
    expect(o.address).toEqual({ name: '李*', phone: '139****1111', city: '杭州市', district: '西湖区', street: '龙井路1号𠀀茶舍', country: 'CN' });
    expect(o).toMatchObject({ buyerPhone: null, buyerId: null, carrier: '中通快递', trackingNumber: '75123456789012', sellerMemo: '加急' });
  });

  it('reads China time in the shop zone whatever the process zone', () => {
    const seen: unknown[] = [];
    inEveryZone(() => {
      const r = parseFixture(OLD);
      expect([r.orders[1]!.placedAt, r.orders[1]!.paidAt, r.orders[1]!.shippedAt]).toEqual([cst('2019-04-11 10:00:00'), cst('2019-04-11 10:00:00'), cst('2019-04-12 09:00:00')]);
      expect(r.orders[2]!.completedAt).toBe(cst('2019-04-05 15:30:00'));
      seen.push(r.orders);
    });
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
  });

  it('rejects an impossible date and an ambiguous amount with their lines, not thrown', () => {
    const r = parseFixture(OLD);
    expect(r.rejected.map((x) => [x.file, x.line, x.detail.key, x.detail.params?.column])).toEqual([
      [OLD, 10, 'import.badDate', '支付时间'],
      [OLD, 11, 'import.badAmount', '用户实付金额(元)'],
    ]);
    expect(r.orders).toHaveLength(8);
  });

  it('reads a later export: ASCII brackets, 商家编码-规格维度, 订单成交时间', () => {
    const r = parseFixture(LATER);
    expect(r.files).toMatchObject([{ profile: expect.objectContaining({ id: 'pdd' }), encoding: 'gb18030', rows: 1 }]);
    expect(r.rejected).toEqual([]);
    const [o] = r.orders;
    expect(o).toMatchObject({ platformOrderId: '230601-555566667777888', status: 'paid', itemSubtotal: 8970, discount: 200, total: 8770, buyerNote: '包装好一点' });
    expect(o!.lines).toEqual([expect.objectContaining({ sku: 'CUP-B', variant: '黑色', quantity: 3, unitPrice: 2990 })]);
    inEveryZone(() => {
      expect(parseFixture(LATER).orders[0]!.placedAt).toBe(cst('2023-06-01 00:30:00'));
    });
  });
});
