import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrderFiles, type InputFile } from '../../src/domain/imports/parse-files.js';
import { PROFILES } from '../../src/domain/imports/profiles/index.js';
import { inEveryZone } from '../helpers/zones.js';

const NAME = 'jd-orders-export.csv';
const gb = readFileSync(new URL(`../fixtures/imports/${NAME}`, import.meta.url));
const ctx = { zone: 'Asia/Shanghai', currency: 'CNY' };
const parse = (input: InputFile = { name: NAME, bytes: gb }) => parseOrderFiles([input], PROFILES, ctx);
const cst = (wall: string) => Date.parse(`${wall.replace(' ', 'T')}+08:00`);

describe('JD 京东 订单导出', () => {
  it('is detected as jd from GB18030 bytes, and from the same text saved as UTF-8', () => {
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gb)).toThrow();
    const text = new TextDecoder('gb18030', { fatal: true }).decode(gb);
    expect(text).toContain('商家备注等级（等级1-5为由高到低）');
    const r = parse();
    expect(r.files).toMatchObject([{ profile: expect.objectContaining({ id: 'jd', platform: 'jd' }), encoding: 'gb18030', rows: 9 }]);
    const utf8 = parse({ name: 'jd-utf8.csv', bytes: Buffer.from(text, 'utf8') });
    expect(utf8.files[0]!.encoding).toBe('utf-8');
    expect(utf8.orders).toEqual(r.orders);
  });

  it('counts the order amount repeated on every SKU row once, never summed', () => {
    const r = parse();
    expect(r.orders).toHaveLength(6);
    expect(r.orders.reduce((n, o) => n + o.lines.length, 0)).toBe(7);
    const two = r.orders.find((o) => o.platformOrderId === '230412345601')!;
    expect([two.itemSubtotal, two.shipping, two.discount, two.total]).toEqual([24700, 0, 1000, 23700]);
    expect(two.lines.map((l) => [l.lineKey, l.platformSku, l.sku, l.title, l.quantity, l.unitPrice])).toEqual([
      ['100012345678', '100012345678', 'CUP-QH', '青花瓷茶杯 两只装', 2, 5900],
      ['100012345679', '100012345679', 'TRAY-B', '竹制茶盘 大号', 1, 12900],
    ]);
    expect(r.warnings).toEqual([]);
  });

  it('maps the status labels and keeps ids as text; masked phones stay on the address only', () => {
    const r = parse();
    expect(r.orders.map((o) => [o.platformOrderId, o.status, o.total])).toEqual([
      ['230412345601', 'paid', 23700],
      ['230412345602', 'shipped', 9400],
      ['230412345603', 'completed', 26400],
      ['230412345604', 'cancelled', 5900],
      ['230412345605', 'on_hold', 12900],
      ['230412345606', 'pending_payment', 8800],
    ]);
    const first = r.orders[0]!;
    expect(first).toMatchObject({ buyerId: 'jd_7f3a2b', buyerName: '李*', buyerPhone: null, buyerNote: '工作日送货' });
    // An address without spaces is kept whole; a spaced one is split.
    expect(first.address).toMatchObject({ phone: '1******6198', street: '广东广州市天河区体育西路103号维多利广场', country: 'CN' });
    expect(r.orders[1]!.address).toMatchObject({ province: '北京', city: '北京市', district: '海淀区', street: '中关村大街1号' });
    expect(r.orders[1]!.lines[0]!.shipped).toBe(1);
  });

  it('reads China time in the shop zone whatever the process zone', () => {
    const seen: unknown[] = [];
    inEveryZone(() => {
      const r = parse();
      expect([r.orders[0]!.placedAt, r.orders[0]!.paidAt]).toEqual([cst('2023-04-12 09:30:15'), cst('2023-04-12 09:31:02')]);
      expect(r.orders[2]!.completedAt).toBe(cst('2023-04-05 20:00:00'));
      seen.push(r.orders);
    });
    expect(seen[1]).toEqual(seen[0]);
    expect(seen[2]).toEqual(seen[0]);
  });

  it('rejects an impossible date and an over-precise amount with their lines, not thrown', () => {
    const r = parse();
    expect(r.rejected.map((x) => [x.file, x.line, x.detail.key, x.detail.params?.column])).toEqual([
      [NAME, 9, 'import.badDate', '下单时间'],
      [NAME, 10, 'import.badAmount', '应付金额'],
    ]);
    expect(r.orders.map((o) => o.platformOrderId)).not.toContain('230412345607');
  });
});
