import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mappingProfile, parseMapping } from '../../src/domain/imports/mapping.js';
import { parseOrderFiles } from '../../src/domain/imports/parse-files.js';
import { inEveryZone } from '../helpers/zones.js';

const template = readFileSync(new URL('../../templates/order-mapping.json', import.meta.url), 'utf8');

describe('custom mapping', () => {
  it('the template in templates/ is a valid mapping', () => {
    expect(parseMapping(template, 'order-mapping.json')).toMatchObject({ name: 'my-erp', platform: 'other', lines: 'one-per-row' });
  });

  it('maps any CSV onto orders: lines grouped by order, statuses, money, times in the mapping zone', () => {
    const csv = [
      'Order No,Line No,State,Order Time,Customer,Mobile,Province,City,Address,Item Code,Item Name,Qty,Unit Price,Freight,Order Amount',
      'E-1001,1,Paid,2026-11-25 00:30:00,王芳,13812345678,浙江省,杭州市,文三路 1 号,LJ-250,西湖龙井,2,368.00,10.00,746.00',
      'E-1001,2,Paid,2026-11-25 00:30:00,王芳,13812345678,浙江省,杭州市,文三路 1 号,GAIWAN,盖碗,1,"1,000.00",10.00,746.00',
      'E-1002,1,Sent,2026/11/24 23:59:59,李四,,,,,TRAY,Tray,1,98元,,98.00',
    ].join('\r\n');
    inEveryZone(() => {
      const r = parseOrderFiles([{ name: 'erp.csv', bytes: Buffer.from(csv) }], [mappingProfile(template, 'order-mapping.json')], { zone: 'UTC', currency: 'CNY' });
      expect(r.rejected).toEqual([]);
      expect(r.orders.map((o) => [o.platformOrderId, o.status, o.total, o.lines.map((l) => [l.lineKey, l.sku, l.quantity, l.unitPrice])])).toEqual([
        ['E-1001', 'paid', 74600, [['1', 'LJ-250', 2, 36800], ['2', 'GAIWAN', 1, 100000]]],
        ['E-1002', 'shipped', 9800, [['1', 'TRAY', 1, 9800]]],
      ]);
      expect(r.orders[0]!.placedAt).toBe(Date.parse('2026-11-24T16:30:00Z'));
    });
  });

  it('refuses a bad mapping with the key named (exit 5)', () => {
    expect(() => parseMapping('{"columns": {}}', 'm.json')).toThrow(expect.objectContaining({ kind: 'invalid_data', params: expect.objectContaining({ key: 'columns.orderId' }) }));
    expect(() => parseMapping('{"columns": {"orderId": "a", "price": "b"}}', 'm.json')).toThrow(expect.objectContaining({ params: expect.objectContaining({ key: 'columns.price' }) }));
    expect(() => parseMapping('{"columns": {"orderId": "a"}, "statusMap": {"X": "lost"}}', 'm.json')).toThrow(expect.objectContaining({ params: expect.objectContaining({ key: 'statusMap.X' }) }));
    expect(() => parseMapping('{"__proto__": {"x": 1}, "columns": {"orderId": "a"}}', 'm.json')).toThrow(expect.objectContaining({ params: expect.objectContaining({ key: '__proto__' }) }));
    expect(() => parseMapping('not json', 'm.json')).toThrow(expect.objectContaining({ key: 'mapping.notJson' }));
  });

  it('an unmapped status is a rejected row, not a guess', () => {
    const csv = 'Order No,State,Item Name,Qty\r\nA,Lost in space,Tea,1\r\n';
    const r = parseOrderFiles([{ name: 'x.csv', bytes: Buffer.from(csv) }], [mappingProfile(template, 'm.json')], { zone: 'UTC', currency: 'CNY' });
    expect(r.rejected.map((x) => [x.line, x.detail.key])).toEqual([[2, 'import.unknownStatus']]);
  });

  it('reads day-first dates by its dateFormat, in its zone, whatever the process zone; a cell that does not fit is a rejected row', () => {
    const mapping = JSON.stringify({ name: 'eu-erp', timezone: 'Europe/Berlin', dateFormat: 'dd.MM.yyyy HH:mm', columns: { orderId: 'No', placedAt: 'Date', title: 'Item', quantity: 'Qty', unitPrice: 'Price' } });
    const csv = ['No,Date,Item,Qty,Price', 'A,05.04.2026 10:00,Tea,1,9.50', 'B,29.03.2026 02:30,Tea,1,9.50', 'C,2026-04-05 10:00,Tea,1,9.50', 'D,31.02.2026 10:00,Tea,1,9.50'].join('\n');
    inEveryZone(() => {
      const r = parseOrderFiles([{ name: 'eu.csv', bytes: Buffer.from(csv) }], [mappingProfile(mapping, 'eu.json')], { zone: 'UTC', currency: 'EUR' });
      // 5 April, not 4 May; 02:30 on 29 March does not exist in Berlin (clocks go 02:00 → 03:00): read as 03:30 CEST.
      expect(r.orders.map((o) => [o.platformOrderId, new Date(o.placedAt!).toISOString()])).toEqual([
        ['A', '2026-04-05T08:00:00.000Z'],
        ['B', '2026-03-29T01:30:00.000Z'],
      ]);
      expect(r.rejected.map((x) => [x.line, x.detail.key, x.detail.params?.format])).toEqual([
        [4, 'import.badDateFormat', 'dd.MM.yyyy HH:mm'],
        [5, 'import.badDateFormat', 'dd.MM.yyyy HH:mm'],
      ]);
    });
    expect(() => parseMapping(JSON.stringify({ dateFormat: 'HH:mm', columns: { orderId: 'a' } }), 'm.json')).toThrow(expect.objectContaining({ params: expect.objectContaining({ key: 'dateFormat' }) }));
    expect(parseMapping(JSON.stringify({ dateFormat: 'yyyy年M月d日', columns: { orderId: 'a' } }), 'm.json').dateFormat!.parse('2026年4月5日', 'Asia/Shanghai')).toBe(Date.parse('2026-04-04T16:00:00Z'));
  });

  it('"lines" says how rows group: one per line (rows of an order id are its lines) or one per order (a repeated id is a rejected row, near or far)', () => {
    const columns = { orderId: 'No', sku: 'Code', title: 'Item', quantity: 'Qty', unitPrice: 'Price' };
    const csv = ['No,Code,Item,Qty,Price', 'A,TEA,Tea,1,9.50', 'A,POT,Pot,1,20.00', 'B,TEA,Tea,2,9.50', 'C,CUP,Cup,1,5.00', 'B,CUP,Cup,1,5.00'].join('\n');
    const read = (lines?: string) => {
      const mapping = JSON.stringify({ name: 'erp', ...(lines ? { lines } : {}), columns });
      return parseOrderFiles([{ name: 'erp.csv', bytes: Buffer.from(csv) }], [mappingProfile(mapping, 'erp.json')], { zone: 'UTC', currency: 'CNY' });
    };
    const shape = (r: ReturnType<typeof read>) => r.orders.map((o) => [o.platformOrderId, o.lines.map((l) => [l.lineKey, l.sku, l.quantity])]);
    for (const perRow of [read(), read('one-per-row')]) {
      expect(perRow.rejected).toEqual([]);
      expect(shape(perRow)).toEqual([
        ['A', [['TEA', 'TEA', 1], ['POT', 'POT', 1]]],
        ['B', [['TEA', 'TEA', 2], ['CUP', 'CUP', 1]]],
        ['C', [['CUP', 'CUP', 1]]],
      ]);
    }
    const perOrder = read('one-per-order');
    // Line 3 repeats A just after its row; line 6 repeats B further down (the stream reading starts again, buffered).
    expect(perOrder.rejected.map((x) => [x.line, x.detail.key, x.detail.params])).toEqual([
      [3, 'import.orderRowTwice', { order: 'A', first: 2 }],
      [6, 'import.orderRowTwice', { order: 'B', first: 4 }],
    ]);
    // Each order's one line under one key, whatever its SKU: a later export with a corrected SKU finds that line, not a new one.
    expect(shape(perOrder)).toEqual([
      ['A', [['(order)', 'TEA', 1]]],
      ['B', [['(order)', 'TEA', 2]]],
      ['C', [['(order)', 'CUP', 1]]],
    ]);
  });
});
