import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrderFiles, type InputFile, type ParsedImport } from '../../src/domain/imports/parse-files.js';
import { PROFILES } from '../../src/domain/imports/profiles/index.js';
import type { RowContext } from '../../src/domain/imports/types.js';
import { inEveryZone } from '../helpers/zones.js';

const fixture = (name: string) => ({ name, bytes: readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url)) });
const CN: RowContext = { zone: 'Asia/Shanghai', currency: 'CNY' };

/** Parses under every process zone, runs the checks each time, and insists the results are identical. */
function parsedEverywhere(files: InputFile[], check: (r: ParsedImport) => void): void {
  let first: ParsedImport | undefined;
  inEveryZone(() => {
    const r = parseOrderFiles(files, PROFILES, CN);
    check(r);
    if (first) expect(r).toEqual(first);
    first ??= r;
  });
}

/** Beijing wall time as an instant, independent of the process zone. */
const beijing = (wall: string) => Date.parse(`${wall.replace(' ', 'T')}+08:00`);

describe('Douyin 抖店 订单导出', () => {
  it('detects the layout in a UTF-8 file with BOM and TAB-guarded cells', () => {
    const bytes = fixture('douyin-orders.csv').bytes;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    parsedEverywhere([fixture('douyin-orders.csv')], (r) => {
      expect(r.files[0]).toMatchObject({ profile: expect.objectContaining({ id: 'douyin', platform: 'douyin' }), encoding: 'utf-8', rows: 9 });
      expect(r.orders.map((o) => [o.platformOrderId, o.status, o.currency, o.lines.length])).toEqual([
        ['6917926768823643751', 'shipped', 'CNY', 3],
        ['6917926768823643761', 'completed', 'CNY', 1],
        ['6917926768823643771', 'cancelled', 'CNY', 1],
        ['6917926768823643781', 'paid', 'CNY', 2],
      ]);
    });
  });

  it('keeps 19-digit ids as text, gifts as 0.00 lines, thousands separators and discounts in minor units', () => {
    parsedEverywhere([fixture('douyin-orders.csv')], (r) => {
      const [shipped, completed] = r.orders;
      expect(shipped!.lines.map((l) => [l.lineKey, l.sku, l.listingId, l.title, l.variant, l.quantity, l.unitPrice, l.discount, l.statedTotal, l.cancelled])).toEqual([
        ['6917926768823643752', 'ZS-XISHI-200', '3601234567890123456', '宜兴紫砂壶 西施壶 原矿朱泥', '200ml;朱泥', 1, 129900, 10000, 119900, false],
        ['6917926768823643753', 'CUP-QC-60', '3601234567890123457', '青瓷品茗杯', '60ml', 2, 4500, 0, 9000, false],
        ['6917926768823643754', 'GIFT-TOWEL', '3601234567890123458', '【赠品】棉麻茶巾', null, 1, 0, 0, 0, false],
      ]);
      expect(shipped!.shipping).toBe(0);
      // No 商品单价 (`-`): the unit price is worked back from 订单应付金额 200.00 and the 10.00 discount.
      expect(completed!.lines[0]).toMatchObject({ quantity: 3, unitPrice: 7000, discount: 1000, statedTotal: 20000 });
      expect(completed!.shipping).toBe(600);
      for (const o of r.orders) for (const l of o.lines) expect(l.quantity * l.unitPrice - l.discount).toBe(l.statedTotal);
    });
  });

  it('stores encrypted recipients as given and reads Beijing times in the shop zone', () => {
    parsedEverywhere([fixture('douyin-orders.csv')], (r) => {
      const [shipped, completed] = r.orders;
      expect(shipped!.address).toEqual({ name: '##7F3A9C02D1E84B6F', phone: '$$Q2h0b2RlPT0xMzg$$', street: '##0B44E1AC9F2D7E31##' });
      expect(shipped).toMatchObject({
        placedAt: beijing('2026-09-22 00:54:10'),
        paidAt: beijing('2026-09-22 00:54:32'),
        shippedAt: beijing('2026-09-23 16:20:00'),
        completedAt: null,
        carrier: '顺丰速运',
        trackingNumber: 'SF1402337584211',
        buyerNote: '请用纸箱包装',
      });
      expect(shipped!.placedAt).toBe(Date.parse('2026-09-21T16:54:10Z'));
      expect(completed).toMatchObject({ completedAt: beijing('2026-09-08 12:00:00'), sellerMemo: '老客户' });
    });
  });

  it('cancels a refunded line (售后 退款成功) and leaves `-` lines standing', () => {
    parsedEverywhere([fixture('douyin-orders.csv')], (r) => {
      expect(r.orders.map((o) => o.lines.map((l) => l.cancelled))).toEqual([[false, false, false], [false], [true], [true, false]]);
    });
  });

  it('rejects an impossible date and an ambiguous amount with their line numbers', () => {
    parsedEverywhere([fixture('douyin-orders.csv')], (r) => {
      expect(r.rejected.map((x) => [x.line, x.detail.key, x.detail.params?.column])).toEqual([
        [9, 'import.badDate', '订单提交时间'],
        [10, 'import.badAmount', '订单应付金额'],
      ]);
    });
  });

  it('reads a GB18030 file with only the confirmed columns, 4-byte characters intact', () => {
    const bytes = fixture('douyin-orders-gb18030.csv').bytes;
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    parsedEverywhere([fixture('douyin-orders-gb18030.csv')], (r) => {
      expect(r.files[0]).toMatchObject({ profile: expect.objectContaining({ id: 'douyin' }), encoding: 'gb18030', rows: 1 });
      expect(r.rejected).toEqual([]);
      expect(r.orders).toHaveLength(1);
      expect(r.orders[0]).toMatchObject({ platformOrderId: '6920000000000000011', status: 'paid', placedAt: beijing('2026-10-01 08:00:00') });
      expect(r.orders[0]!.lines).toEqual([
        expect.objectContaining({ lineKey: '6920000000000000012', title: '𠮷祥如意 建盏', variant: '兔毫', quantity: 2, unitPrice: 52500, discount: 5000, statedTotal: 100000 }),
      ]);
    });
  });
});
