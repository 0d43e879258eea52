import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrderFiles, readFiles, readOrders, type InputFile } from '../../src/domain/imports/parse-files.js';
import { PROFILES } from '../../src/domain/imports/profiles/index.js';
import { inEveryZone } from '../helpers/zones.js';

const fixture = (name: string) => ({ name, bytes: readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url)) });
const ORDERS = 'taobao-ExportOrderList201904011200.csv';
const ITEMS = 'taobao-ExportOrderDetailList201904011200.csv';
const TMALL = 'taobao-tmall-ExportOrderDetailList202006011200.csv';
const ctx = { zone: 'Asia/Shanghai', currency: 'CNY' };
const parse = (...names: string[]) => parseOrderFiles(names.map(fixture), PROFILES, ctx);
/** China time, as the file writes it, to an instant. */
const cst = (wall: string) => Date.parse(`${wall.replace(' ', 'T')}+08:00`);
const byId = (r: ReturnType<typeof parse>, id: string) => r.orders.find((o) => o.platformOrderId === id)!;

describe('Taobao/Tmall fixtures', () => {
  it('are real GB18030: not UTF-8, with a four-byte sequence for 𠀀 (U+20000) that GB18030 decodes', () => {
    for (const name of [ORDERS, ITEMS, TMALL]) {
      const bytes = fixture(name).bytes;
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
      expect(Buffer.from(bytes).includes(Buffer.from([0x95, 0x32, 0x82, 0x36]))).toBe(true);
      expect(new TextDecoder('gb18030', { fatal: true }).decode(bytes)).toContain('𠀀窑');
    }
    const header = new TextDecoder('gb18030').decode(fixture(ORDERS).bytes).split('\r\n')[0]!;
    expect(header).toContain('"收货地址 "');
    expect(header).toContain('"订单付款时间 "');
  });
});

describe('Taobao 订单报表 alone', () => {
  it('is detected as taobao-orders in GB18030, trailing-space headers and all', () => {
    const r = parse(ORDERS);
    expect(r.files).toMatchObject([{ profile: expect.objectContaining({ id: 'taobao-orders', platform: 'taobao' }), encoding: 'gb18030', rows: 8 }]);
    expect(r.files[0]!.matched).toBe(r.files[0]!.of);
  });

  it('reads ids as text, statuses, money in fen (元, thousands), addresses, phones and stand-in lines', () => {
    const r = parse(ORDERS);
    expect(r.orders.map((o) => [o.platformOrderId, o.status, o.itemSubtotal, o.shipping, o.total, o.paid, o.refunded])).toEqual([
      ['1930679858170647', 'paid', 28800, 0, 28800, 28800, 0],
      ['1930679858170648', 'shipped', 128000, 800, 128800, 128800, 0],
      ['1930679858170649', 'completed', 15600, 0, 15600, 14600, 4000],
      ['1930679858170650', 'pending_payment', 10000, 0, 10000, 0, 0],
      ['1930679858170651', 'cancelled', 6600, 0, 6600, 0, 0],
      ['1930679858170652', 'cancelled', 1200, 0, 1200, 0, null],
    ]);
    const first = byId(r, '1930679858170647');
    expect(first).toMatchObject({ buyerId: 'tea_lover88', buyerName: '张三', buyerPhone: '13800138000', buyerNote: '请用顺丰\n谢谢', line: 2 });
    expect(first.address).toEqual({ name: '张三', phone: '13800138000', province: '浙江省', city: '杭州市', district: '西湖区', street: '龙井路1号𠀀茶舍', postcode: '310000', country: 'CN' });
    // One stand-in line per order from 宝贝标题 × 宝贝总数量, priced so that it adds up to 买家应付货款.
    expect(first.lines).toEqual([expect.objectContaining({ lineKey: '(order row) 青瓷盖碗 𠀀窑，竹制茶盘', title: '青瓷盖碗 𠀀窑，竹制茶盘', quantity: 3, unitPrice: 9600, discount: 0, sku: null })]);
    expect(byId(r, '1930679858170650').lines).toEqual([expect.objectContaining({ quantity: 3, unitPrice: 3334, discount: 2 })]);
    const shipped = byId(r, '1930679858170648');
    // A masked phone is kept on the address but never used to recognise the buyer; 000000 is no postcode.
    expect(shipped).toMatchObject({ buyerPhone: null, carrier: '圆通速递', trackingNumber: 'YT1234567890123', sellerMemo: '老客户，送茶巾' });
    expect(shipped.address).toMatchObject({ phone: '138****1234', province: '北京', city: '北京市', district: '朝阳区', street: '建国路88号 SOHO现代城' });
    expect(shipped.address.postcode ?? null).toBeNull();
    expect(byId(r, '1930679858170649').address.postcode).toBe('650000');
    expect(byId(r, '1930679858170650').address).toMatchObject({ city: '东莞市', district: '长安镇', street: '振安路9号' });
    expect(r.warnings).toEqual([]);
  });

  it('reads China time without offset in the shop zone, whatever the process zone', () => {
    const seen: unknown[] = [];
    inEveryZone(() => {
      const r = parse(ORDERS);
      const o = byId(r, '1930679858170649');
      expect([o.placedAt, o.paidAt, o.completedAt]).toEqual([cst('2019-03-20 12:00:00'), cst('2019-03-20 12:01:00'), cst('2019-03-28 10:00:00')]);
      expect(byId(r, '1930679858170650').placedAt).toBe(cst('2019-03-31 23:59:59'));
      seen.push(r.orders);
    });
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
  });

  it('rejects an impossible date and an ambiguous amount with their file lines, keeping the other orders', () => {
    const r = parse(ORDERS);
    // Line numbers count the newline inside the first order's 买家留言.
    expect(r.rejected.map((x) => [x.file, x.line, x.detail.key, x.detail.params?.column])).toEqual([
      [ORDERS, 9, 'import.badDate', '订单创建时间'],
      [ORDERS, 10, 'import.badAmount', '买家应付货款'],
    ]);
    expect(r.orders.map((o) => o.platformOrderId)).not.toContain('1930679858170653');
    expect(r.orders).toHaveLength(6);
  });

  it('accepts an ASCII comma in a status and the older labels; refuses an unknown one', () => {
    const csv = [
      '订单编号,买家会员名,订单状态,宝贝标题,宝贝总数量,买家应付货款',
      '="1",a,"买家已付款,等待卖家发货",茶,1,10.00',
      '="2",b,买家已签收,茶,1,10.00',
      '="3",c,卖家部分发货,茶,1,10.00',
      '="4",d,退款中,茶,1,10.00',
    ].join('\n');
    const r = parseOrderFiles([{ name: 'x.csv', bytes: Buffer.from(csv.replace(/="(\d)"/g, '"=""$1"""')) }], PROFILES, ctx);
    expect(r.orders.map((o) => [o.platformOrderId, o.status])).toEqual([['1', 'paid'], ['2', 'delivered'], ['3', 'partially_shipped']]);
    expect(r.rejected.map((x) => [x.line, x.detail.key, x.detail.params?.value])).toEqual([[5, 'import.unknownStatus', '退款中']]);
  });
});

describe('Taobao 宝贝报表', () => {
  it('alone: one line per item keyed by 商家编码 (or 外部系统编号) and 商品属性; a closed item is a cancelled line', () => {
    const r = parse(ITEMS);
    expect(r.files).toMatchObject([{ profile: expect.objectContaining({ id: 'taobao-items' }), encoding: 'gb18030', rows: 9 }]);
    expect(r.orders).toHaveLength(6);
    expect(r.orders.reduce((n, o) => n + o.lines.length, 0)).toBe(9);
    expect(byId(r, '1930679858170647').lines.map((l) => [l.lineKey, l.sku, l.title, l.variant, l.quantity, l.unitPrice])).toEqual([
      ['GAIWAN-CELADON | 颜色分类：青瓷', 'GAIWAN-CELADON', '青瓷盖碗 𠀀窑', '颜色分类：青瓷', 2, 9900],
      ['TRAY-S | 尺寸：小号', 'TRAY-S', '竹制茶盘', '尺寸：小号', 1, 9000],
    ]);
    const success = byId(r, '1930679858170649');
    expect(success.status).toBe('completed');
    expect(success.lines.map((l) => [l.sku, l.cancelled, l.shipped])).toEqual([['PUER-357', false, 2], ['NEEDLE', true, 0]]);
    expect(byId(r, '1930679858170648').lines[0]!.unitPrice).toBe(128000);
  });
});

describe('Taobao pair: 订单报表 + 宝贝报表 joined on 订单编号', () => {
  it('takes order fields from the 订单报表 and the item lines from the 宝贝报表, in either file order', () => {
    const r = parse(ITEMS, ORDERS);
    expect(r.files.map((f) => [f.profile.id, f.encoding])).toEqual([['taobao-items', 'gb18030'], ['taobao-orders', 'gb18030']]);
    expect(r.orders.map((o) => [o.platformOrderId, o.status, o.total])).toEqual(parse(ORDERS).orders.map((o) => [o.platformOrderId, o.status, o.total]));
    const first = byId(r, '1930679858170647');
    expect(first.address.street).toBe('龙井路1号𠀀茶舍');
    expect(first.lines).toEqual(expect.arrayContaining([
      expect.objectContaining({ lineKey: 'GAIWAN-CELADON | 颜色分类：青瓷', quantity: 2, unitPrice: 9900 }),
      expect.objectContaining({ lineKey: 'TRAY-S | 尺寸：小号', quantity: 1, unitPrice: 9000 }),
    ]));
    // The order's own status wins over an item's: 交易成功 with one refunded (交易关闭) item.
    const success = byId(r, '1930679858170649');
    expect(success.status).toBe('completed');
    expect(success.refunded).toBe(4000);
    expect(success.lines).toEqual(expect.arrayContaining([expect.objectContaining({ sku: 'NEEDLE', cancelled: true })]));
    // The items of a rejected order row are not in the items file here; the bad rows stay rejected.
    expect(r.rejected.map((x) => x.line)).toEqual([9, 10]);
  });

  it('keeps only the 宝贝报表 lines when both halves are given', () => {
    const r = parse(ORDERS, ITEMS);
    expect(byId(r, '1930679858170647').lines.map((l) => l.lineKey)).toEqual(['GAIWAN-CELADON | 颜色分类：青瓷', 'TRAY-S | 尺寸：小号']);
    expect(r.warnings).toEqual([]);
  });
});

describe('Tmall 宝贝报表 (子订单编号, 主订单编号, 退款状态)', () => {
  it('is detected as tmall-items; 子订单编号 keys the line, 主订单编号 the order, 退款成功 cancels the item', () => {
    const r = parse(TMALL);
    expect(r.files).toMatchObject([{ profile: expect.objectContaining({ id: 'tmall-items', platform: 'taobao' }), encoding: 'gb18030', rows: 4 }]);
    expect(r.orders.map((o) => [o.platformOrderId, o.status, o.lines.map((l) => [l.lineKey, l.sku, l.quantity, l.unitPrice, l.cancelled])])).toEqual([
      ['1930679858170647', 'paid', [['1930679858171647', 'GAIWAN-CELADON', 2, 9900, false], ['1930679858172647', 'TRAY-S', 1, 9000, false]]],
      ['1930679858170649', 'completed', [['1930679858171649', 'PUER-357', 2, 5800, false], ['1930679858172649', 'NEEDLE', 1, 4000, true]]],
    ]);
    inEveryZone(() => {
      expect(parse(TMALL).orders[0]!.paidAt).toBe(cst('2019-03-30 21:15:30'));
    });
  });

  it('joins the 订单报表 on 主订单编号', () => {
    const r = parse(ORDERS, TMALL);
    expect(r.files.map((f) => f.profile.id)).toEqual(['taobao-orders', 'tmall-items']);
    const first = byId(r, '1930679858170647');
    expect(first).toMatchObject({ buyerId: 'tea_lover88', total: 28800, status: 'paid' });
    expect(first.lines.map((l) => l.lineKey)).toEqual(expect.arrayContaining(['1930679858171647', '1930679858172647']));
  });

  it('rejects the 宝贝报表 rows of an order whose 订单报表 row is rejected, naming that row, in step without a second read', () => {
    const orders = [
      '订单编号,买家会员名,订单状态,宝贝标题,宝贝总数量,买家应付货款,订单创建时间',
      '="1",a,买家已付款，等待卖家发货,茶,1,10.00,2026-11-20 10:00:00',
      '="2",b,买家已付款，等待卖家发货,茶,2,20.00,2026-11-31 10:00:00',
      '="3",c,买家已付款，等待卖家发货,茶,1,10.00,2026-11-20 11:00:00',
    ].join('\r\n');
    const items = [
      '订单编号,标题,价格,购买数量,商家编码,商品属性',
      '="1",龙井,10.00,1,LJ,',
      '="2",龙井,10.00,1,LJ,',
      '="2",红茶,10.00,1,HC,',
      '="3",红茶,10.00,1,HC,',
    ].join('\r\n');
    const files = [{ name: 'ExportOrderList.csv', bytes: Buffer.from(orders) }, { name: 'ExportOrderDetailList.csv', bytes: Buffer.from(items) }];
    // 'stream-only' throws instead of reading again holding every order: the join stays in step.
    const r = readOrders(readFiles(files, PROFILES), ctx, (found, log) => ({ orders: [...found], rejected: log.rejected }), undefined, 'stream-only');
    expect(r.orders.map((o) => [o.platformOrderId, o.lines.map((l) => l.sku)])).toEqual([['1', ['LJ']], ['3', ['HC']]]);
    expect(r.rejected.map((x) => [x.file, x.line, x.detail.key, x.detail.params])).toEqual([
      ['ExportOrderList.csv', 3, 'import.badDate', expect.objectContaining({ column: '订单创建时间' })],
      ['ExportOrderDetailList.csv', 3, 'import.orderRowRejected', { order: '2', file: 'ExportOrderList.csv', line: 3 }],
      ['ExportOrderDetailList.csv', 4, 'import.orderRowRejected', { order: '2', file: 'ExportOrderList.csv', line: 3 }],
    ]);
  });

  it('rejects a whole order when one of its 宝贝报表 rows is bad: its 订单报表 row and its other items are listed with it, in step', () => {
    const orders = [
      '订单编号,买家会员名,订单状态,宝贝标题,宝贝总数量,买家应付货款,订单创建时间',
      '="1",a,买家已付款，等待卖家发货,茶,2,20.00,2026-11-20 10:00:00',
      '="2",b,买家已付款，等待卖家发货,茶,1,10.00,2026-11-20 11:00:00',
    ].join('\r\n');
    const items = [
      '订单编号,标题,价格,购买数量,商家编码,商品属性',
      '="1",龙井,10.00,1,LJ,',
      '="1",红茶,10.00,lots,HC,',
      '="2",红茶,10.00,1,HC,',
    ].join('\r\n');
    const files = [{ name: 'ExportOrderList.csv', bytes: Buffer.from(orders) }, { name: 'ExportOrderDetailList.csv', bytes: Buffer.from(items) }];
    const r = readOrders(readFiles(files, PROFILES), ctx, (found, log) => ({ orders: [...found], rejected: log.rejected }), undefined, 'stream-only');
    // Order 1 does not land with one of its two items: it is not imported at all.
    expect(r.orders.map((o) => [o.platformOrderId, o.lines.map((l) => l.sku)])).toEqual([['2', ['HC']]]);
    const cause = { order: '1', file: 'ExportOrderDetailList.csv', line: 3 };
    expect(r.rejected.map((x) => [x.file, x.line, x.detail.key, x.detail.key === 'import.orderRowRejected' ? x.detail.params : null])).toEqual([
      ['ExportOrderDetailList.csv', 3, 'import.badNumber', null],
      ['ExportOrderList.csv', 2, 'import.orderRowRejected', cause],
      ['ExportOrderDetailList.csv', 2, 'import.orderRowRejected', cause],
    ]);
    expect(r.rejected[1]!.cells[0]).toBe('="1"');
  });

  it('reads back a row fixed in the rejects file: an id written \'="…" (formula-safe over Excel\'s text guard) is the plain id', () => {
    const id = `"'=""1930679858170653"""`;
    const orders = ['订单编号,买家会员名,订单状态,宝贝标题,宝贝总数量,买家应付货款,订单创建时间', `${id},a,买家已付款，等待卖家发货,茶,1,10.00,2026-11-20 10:00:00`].join('\r\n');
    const r = parseOrderFiles([{ name: 'ExportOrderList.csv', bytes: Buffer.from(orders) }], PROFILES, ctx);
    expect(r.rejected).toEqual([]);
    expect(r.orders.map((o) => o.platformOrderId)).toEqual(['1930679858170653']);
  });
});
