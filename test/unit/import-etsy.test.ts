import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrderFiles, type ParsedImport } from '../../src/domain/imports/parse-files.js';
import { PROFILES } from '../../src/domain/imports/profiles/index.js';
import { inEveryZone } from '../helpers/zones.js';

const ORDERS = 'etsy-EtsySoldOrders2026-9.csv';
const ITEMS = 'etsy-EtsySoldOrderItems2026-9.csv';
const ctx = { zone: 'America/Los_Angeles', currency: 'EUR' };
const fixture = (name: string) => ({ name, bytes: readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url)) });

function everyZone(files: string[], check: (r: ParsedImport) => void): void {
  const seen: string[] = [];
  inEveryZone(() => {
    const r = parseOrderFiles(files.map(fixture), PROFILES, ctx);
    check(r);
    seen.push(JSON.stringify([r.orders, r.rejected, r.warnings]));
  });
  expect(new Set(seen).size).toBe(1);
}

const byId = (r: ParsedImport, id: string) => r.orders.find((o) => o.platformOrderId === id)!;
const summary = (r: ParsedImport) => r.orders.map((o) => [o.platformOrderId, o.status, o.currency, o.total, o.lines.length]);

describe('Etsy sold orders and order items', () => {
  it('items alone: orders with lines keyed by transaction id, status from the dates', () => {
    everyZone([ITEMS], (r) => {
      expect(r.files.map((f) => [f.profile.id, f.profile.part])).toEqual([['etsy-items', { group: 'etsy', role: 'items' }]]);
      expect(summary(r)).toEqual([
        ['3456789012', 'shipped', 'USD', null, 2],
        ['3456789013', 'paid', 'USD', null, 1],
        ['3456789014', 'paid', 'USD', null, 1],
      ]);
      const first = byId(r, '3456789012');
      expect(first.lines.map((l) => [l.lineKey, l.sku, l.listingId, l.variant, l.quantity, l.unitPrice, l.statedTotal, l.shipped])).toEqual([
        ['4012345678901234567', 'GW-CEL', '1234567890', 'Colour:Celadon', 2, 2500, 5000, 2],
        ['4012345678901234568', 'TRAY-S', '1234567891', null, 1, 1800, 1800, 1],
      ]);
      expect([first.shipping, first.placedAt, first.shippedAt]).toEqual([800, Date.parse('2026-09-03T07:00:00Z'), Date.parse('2026-09-05T07:00:00Z')]);
      expect(byId(r, '3456789013').discount).toBe(270);
      expect(r.rejected.map((x) => [x.file, x.line, x.detail.key, x.detail.params?.['column']])).toEqual([[ITEMS, 6, 'import.badDate', 'date paid']]);
    });
  });

  it('orders alone: a stand-in line from the SKU cell, Status and refunds read, guests without a buyer id', () => {
    everyZone([ORDERS], (r) => {
      expect(r.files.map((f) => f.profile.id)).toEqual(['etsy-orders']);
      expect(summary(r)).toEqual([
        ['3456789012', 'shipped', 'USD', 7600, 1],
        ['3456789013', 'paid', 'USD', 3030, 1],
        ['3456789014', 'cancelled', 'USD', 4000, 1],
      ]);
      expect(r.orders.map((o) => o.lines.map((l) => [l.lineKey, l.sku, l.quantity, l.unitPrice, l.discount, l.statedTotal]))).toEqual([
        [['(order row) GW-CEL, TRAY-S', null, 3, 2267, 1, 6800]],
        [['(order row) SOAP-LAV', 'SOAP-LAV', 3, 900, 0, 2700]],
        [['(order row) TEAPOT', 'TEAPOT', 1, 4000, 0, 4000]],
      ]);
      expect(r.warnings).toEqual([]);
      expect(r.orders.map((o) => [o.buyerId, o.buyerName])).toEqual([
        ['123456789', 'Jane Doe'],
        [null, 'Bob Smith'],
        ['987654321', 'Cat Jones'],
      ]);
      expect(byId(r, '3456789014').refunded).toBe(4000);
      expect(byId(r, '3456789013').placedAt).toBe(Date.parse('2026-09-12T07:00:00Z'));
      expect(r.rejected.map((x) => [x.line, x.detail.key, x.detail.params?.['column']])).toEqual([
        [5, 'import.badDate', 'sale date'],
        [6, 'import.badAmount', 'order total'],
      ]);
    });
  });

  it('both together join on Order ID: the order file says the order, the items file\'s lines replace the stand-ins', () => {
    for (const files of [[ORDERS, ITEMS], [ITEMS, ORDERS]]) {
      everyZone(files, (r) => {
        expect(summary(r)).toEqual([
          ['3456789012', 'shipped', 'USD', 7600, 2],
          ['3456789013', 'paid', 'USD', 3030, 1],
          ['3456789014', 'cancelled', 'USD', 4000, 1],
        ]);
        expect(r.orders.flatMap((o) => o.lines.map((l) => l.lineKey))).toEqual([
          '4012345678901234567',
          '4012345678901234568',
          '4012345678901234569',
          '4012345678901234570',
        ]);
        expect(byId(r, '3456789012')).toMatchObject({ itemSubtotal: 6800, buyerId: '123456789', paidAt: Date.parse('2026-09-03T07:00:00Z') });
        expect(r.warnings).toEqual([]);
        expect(r.rejected.map((x) => [x.file, x.line])).toEqual([
          [ORDERS, 5],
          [ORDERS, 6],
          [ITEMS, 6],
        ]);
      });
    }
  });
});
