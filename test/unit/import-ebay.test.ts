import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrderFiles, type ParsedImport } from '../../src/domain/imports/parse-files.js';
import { PROFILES } from '../../src/domain/imports/profiles/index.js';
import { inEveryZone } from '../helpers/zones.js';

const FILE = 'ebay-orders-report.csv';
const ctx = { zone: 'America/New_York', currency: 'USD' };
const fixture = (name: string) => ({ name, bytes: readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url)) });

function everyZone(check: (r: ParsedImport) => void): void {
  const seen: string[] = [];
  inEveryZone(() => {
    const r = parseOrderFiles([fixture(FILE)], PROFILES, ctx);
    check(r);
    seen.push(JSON.stringify([r.orders, r.rejected, r.warnings]));
  });
  expect(new Set(seen).size).toBe(1);
}

const byId = (r: ParsedImport, id: string) => r.orders.find((o) => o.platformOrderId === id)!;

describe('eBay Seller Hub Orders report', () => {
  it('is detected under its comma line (BOM, blank line and footer skipped); status derived from the dates', () => {
    everyZone((r) => {
      expect(r.files.map((f) => [f.profile.id, f.encoding])).toEqual([['ebay', 'utf-8']]);
      expect(r.orders.map((o) => [o.platformOrderId, o.status, o.total, o.lines.length])).toEqual([
        ['12-11111-22222', 'shipped', 5850, 1],
        ['12-33333-44444', 'paid', 6800, 2],
        ['12-55555-66666', 'pending_payment', 3000, 1],
      ]);
      expect(r.orders.flatMap((o) => o.lines)).toHaveLength(4);
      expect(r.warnings).toEqual([]);
    });
  });

  it('groups a multi-item order under its summary row, which is not a line', () => {
    everyZone((r) => {
      const multi = byId(r, '12-33333-44444');
      expect(multi.lines.map((l) => [l.lineKey, l.sku, l.listingId, l.title, l.quantity, l.unitPrice])).toEqual([
        ['3456789012345', 'TRAY-S', '223344556677', 'Bamboo Tea Tray', 1, 4000],
        // An auction's Transaction ID is 0: the Item Number keys the line.
        ['334455667788', 'STR-1', '334455667788', 'Steel Strainer (auction)', 2, 1000],
      ]);
      expect([multi.buyerId, multi.buyerName, multi.shipping]).toEqual(['leaf_fan', 'Bo Chen', 800]);
    });
  });

  it('reads $ amounts in minor units, Custom Label as SKU, tracking and carrier', () => {
    everyZone((r) => {
      const single = byId(r, '12-11111-22222');
      expect(single.lines.map((l) => [l.lineKey, l.sku, l.variant, l.quantity, l.unitPrice, l.shipped])).toEqual([
        ['2345678901234', 'GW-CEL', 'Colour:Celadon', 2, 2500, 2],
      ]);
      expect([single.shipping, single.tax, single.buyerName, single.carrier, single.trackingNumber]).toEqual([500, 350, 'Ann Lee', 'USPS', '9400111899223100000000']);
    });
  });

  it('reads Sep-07-26 and Sep-07-26 23:45:00 in the seller zone', () => {
    everyZone((r) => {
      const single = byId(r, '12-11111-22222');
      expect([single.placedAt, single.paidAt, single.shippedAt]).toEqual([
        Date.parse('2026-09-07T04:00:00Z'),
        Date.parse('2026-09-07T04:00:00Z'),
        Date.parse('2026-09-08T14:00:00Z'),
      ]);
      expect(byId(r, '12-33333-44444').placedAt).toBe(Date.parse('2026-09-08T03:45:00Z'));
    });
  });

  it('rejects an impossible date and an ambiguous amount with their line numbers; the footer is not a row', () => {
    everyZone((r) => {
      expect(r.rejected.map((x) => [x.line, x.detail.key, x.detail.params?.['column']])).toEqual([
        [9, 'import.badDate', 'sale date'],
        [10, 'import.badAmount', 'sold for'],
      ]);
    });
  });

  it('knows its footer lines', () => {
    const ebay = PROFILES.find((p) => p.id === 'ebay')!;
    expect(ebay.isFooter?.(['5', 'record(s) downloaded', 'from Sep-01-26 to Sep-30-26'])).toBe(true);
    expect(ebay.isFooter?.(['Seller ID : brooklyn_tea_shop'])).toBe(true);
    expect(ebay.isFooter?.(['1001', '12-11111-22222', 'tea_lover'])).toBe(false);
  });
});
