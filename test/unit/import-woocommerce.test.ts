import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrderFiles, type ParsedImport } from '../../src/domain/imports/parse-files.js';
import { PROFILES } from '../../src/domain/imports/profiles/index.js';
import type { RowContext } from '../../src/domain/imports/types.js';
import { inEveryZone } from '../helpers/zones.js';

const fixture = (name: string) => ({ name, bytes: readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url)) });

/** Parses under every process time zone, runs `check` on each result, and requires the orders to be identical. */
function everyZone(file: string, ctx: RowContext, check: (r: ParsedImport) => void): void {
  const seen: string[] = [];
  inEveryZone(() => {
    const r = parseOrderFiles([fixture(file)], PROFILES, ctx);
    check(r);
    seen.push(JSON.stringify([r.orders, r.rejected, r.warnings]));
  });
  expect(new Set(seen).size).toBe(1);
}

const byId = (r: ParsedImport, id: string) => r.orders.find((o) => o.platformOrderId === id)!;

describe('WooCommerce Advanced Order Export (one row per item)', () => {
  const file = 'woocommerce-aoe-orders.csv';
  const ctx = { zone: 'Europe/Berlin', currency: 'EUR' };

  it('is detected and rebuilds orders from repeated item rows', () => {
    everyZone(file, ctx, (r) => {
      expect(r.files.map((f) => [f.profile.id, f.encoding, f.rows])).toEqual([['woocommerce-aoe', 'utf-8', 7]]);
      expect(r.orders.map((o) => [o.platformOrderId, o.status, o.currency, o.total, o.lines.length])).toEqual([
        ['1042', 'paid', 'EUR', 9500, 2],
        ['1043', 'cancelled', 'EUR', 1250, 1],
        ['1044', 'completed', 'EUR', 3490, 1],
        ['1047', 'on_hold', 'EUR', 4000, 1],
      ]);
      expect(r.orders.flatMap((o) => o.lines)).toHaveLength(5);
      expect(r.warnings).toEqual([]);
    });
  });

  it('reads line prices in minor units, keys lines by SKU (else title) and marks a fully refunded item', () => {
    everyZone(file, ctx, (r) => {
      const first = byId(r, '1042');
      expect(first.lines.map((l) => [l.lineKey, l.sku, l.title, l.variant, l.quantity, l.unitPrice, l.discount, l.statedTotal])).toEqual([
        ['GW-CEL', 'GW-CEL', 'Gaiwan - Celadon', 'Colour: Celadon', 2, 2500, 0, 5000],
        ['TRAY-S', 'TRAY-S', 'Tea tray', null, 1, 4000, 0, 4000],
      ]);
      expect([first.itemSubtotal, first.shipping, first.buyerName, first.buyerNote]).toEqual([9000, 500, 'Jane Doe', 'Leave at the door\nthanks']);
      expect(byId(r, '1044').lines[0]).toMatchObject({ lineKey: 'Hand-thrown cup, blue', sku: null, quantity: 3, unitPrice: 1000 });
      const refunded = byId(r, '1043');
      expect([refunded.refunded, refunded.lines[0]!.cancelled]).toEqual([1250, true]);
    });
  });

  it('reads order dates in the shop zone, across a DST change', () => {
    everyZone(file, ctx, (r) => {
      expect(byId(r, '1042').placedAt).toBe(Date.parse('2026-09-07T12:30:00Z'));
      expect(byId(r, '1044').placedAt).toBe(Date.parse('2026-03-29T01:30:00Z'));
    });
  });

  it('rejects an impossible date and an ambiguous amount with their line numbers, without throwing', () => {
    everyZone(file, ctx, (r) => {
      expect(r.rejected.map((x) => [x.file, x.line, x.detail.key, x.detail.params?.['column']])).toEqual([
        [file, 8, 'import.badDate', 'order date'],
        [file, 9, 'import.badAmount', 'order total amount'],
      ]);
    });
  });
});

describe('WooCommerce WebToffee export (one row per order, items in line_item_N)', () => {
  const file = 'woocommerce-webtoffee-orders.csv';
  // The shop's currency differs on purpose: the file's order_currency wins.
  const ctx = { zone: 'Europe/London', currency: 'USD' };

  it('is detected; status slugs map; currency comes from the file', () => {
    everyZone(file, ctx, (r) => {
      expect(r.files.map((f) => f.profile.id)).toEqual(['woocommerce-webtoffee']);
      expect(r.orders.map((o) => [o.platformOrderId, o.status, o.currency, o.total, o.lines.length])).toEqual([
        ['2001', 'paid', 'GBP', 8595, 2],
        ['2002', 'cancelled', 'GBP', 1250, 1],
        ['2003', 'completed', 'GBP', 1300, 1],
        ['2006', 'pending_payment', 'GBP', 4000, 1],
      ]);
      expect(r.orders.flatMap((o) => o.lines)).toHaveLength(5);
      expect(r.warnings).toEqual([]);
    });
  });

  it('splits line_item cells (a | inside a name survives) into prices before and after discount', () => {
    everyZone(file, ctx, (r) => {
      const first = byId(r, '2001');
      expect(first.lines.map((l) => [l.lineKey, l.title, l.listingId, l.quantity, l.unitPrice, l.discount, l.statedTotal])).toEqual([
        ['GW-CEL', 'Gaiwan | celadon', '12', 2, 2500, 500, 4500],
        ['TRAY-S', 'Tea tray', '14', 1, 4000, 400, 3600],
      ]);
      expect([first.itemSubtotal, first.discount, first.shipping, first.buyerId]).toEqual([9000, 900, 495, '17']);
      // 3 units for 10.00: 3.34 each with 0.02 off, so the line still adds up to exactly 10.00.
      const odd = byId(r, '2003');
      expect(odd.lines[0]).toMatchObject({ lineKey: 'Sample tea, 3 kinds', sku: null, quantity: 3, unitPrice: 334, discount: 2, statedTotal: 1000 });
      expect(odd.buyerId).toBeNull();
      expect(byId(r, '2002').refunded).toBe(1250);
    });
  });

  it('reads dates in the shop zone on both sides of the end of British Summer Time', () => {
    everyZone(file, ctx, (r) => {
      expect([byId(r, '2001').placedAt, byId(r, '2001').paidAt]).toEqual([Date.parse('2026-10-24T15:05:00Z'), Date.parse('2026-10-24T15:06:10Z')]);
      expect(byId(r, '2003').placedAt).toBe(Date.parse('2026-10-25T12:00:00Z'));
    });
  });

  it('rejects bad rows with their line numbers', () => {
    everyZone(file, ctx, (r) => {
      expect(r.rejected.map((x) => [x.line, x.detail.key, x.detail.params?.['column']])).toEqual([
        [5, 'import.badDate', 'order_date'],
        [6, 'import.badAmount', 'order_total'],
      ]);
    });
  });
});

describe('WooCommerce Analytics › Orders download (one row per order)', () => {
  const file = 'woocommerce-analytics-orders.csv';
  const ctx = { zone: 'America/Chicago', currency: 'USD' };

  it('is detected; slugs and labels map; the refund row of an order is not a second order', () => {
    everyZone(file, ctx, (r) => {
      expect(r.files.map((f) => f.profile.id)).toEqual(['woocommerce-analytics']);
      expect(r.orders.map((o) => [o.platformOrderId, o.status, o.total, o.itemSubtotal, o.refunded, o.lines.length])).toEqual([
        ['3050', 'paid', 5250, 5000, null, 2],
        ['3049', 'cancelled', 4500, 4000, 4500, 1],
        ['3048', 'completed', 3100, 2800, null, 2],
        ['3047', 'on_hold', 1200, 1050, null, 1],
      ]);
      expect(byId(r, '3049').placedAt).toBe(Date.parse('2026-09-10T14:00:00Z'));
      expect(byId(r, '3050').buyerName).toBe('Bo Chen');
    });
  });

  it('builds lines from "N× name": a one-product order gets its price, others quantities only (and a warning)', () => {
    everyZone(file, ctx, (r) => {
      expect(byId(r, '3050').lines.map((l) => [l.lineKey, l.quantity, l.unitPrice])).toEqual([['Gaiwan', 2, 0], ['Tea tray', 1, 0]]);
      expect(byId(r, '3048').lines.map((l) => [l.title, l.quantity])).toEqual([['Cup, blue', 1], ['Saucer', 2]]);
      expect(byId(r, '3047').lines.map((l) => [l.title, l.quantity, l.unitPrice, l.statedTotal])).toEqual([['Strainer', 1, 1050, 1050]]);
      expect(r.warnings.map((w) => [w.key, w.params?.['order']])).toEqual([
        ['import.totalsDisagree', '3050'],
        ['import.totalsDisagree', '3048'],
      ]);
    });
  });

  it('rejects bad rows with their line numbers', () => {
    everyZone(file, ctx, (r) => {
      expect(r.rejected.map((x) => [x.line, x.detail.key, x.detail.params?.['column']])).toEqual([
        [7, 'import.badDate', 'date'],
        [8, 'import.badAmount', 'net sales'],
      ]);
    });
  });
});
