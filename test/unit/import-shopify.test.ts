import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrderFiles } from '../../src/domain/imports/parse-files.js';
import { PROFILES } from '../../src/domain/imports/profiles/index.js';
import { inEveryZone } from '../helpers/zones.js';

const fixture = (name: string) => ({ name, bytes: readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url)) });

describe('Shopify orders_export', () => {
  it('rebuilds multi-row orders with multi-line notes, offsets and statuses, whatever the process zone', () => inEveryZone(() => {
    const r = parseOrderFiles([fixture('shopify-orders_export.csv')], PROFILES, { zone: 'Asia/Shanghai', currency: 'USD' });
    expect(r.files[0]).toMatchObject({ profile: expect.objectContaining({ id: 'shopify' }), encoding: 'utf-8', rows: 3 });
    expect(r.rejected).toEqual([]);
    expect(r.orders.map((o) => [o.platformOrderId, o.status, o.total, o.lines.length])).toEqual([
      ['#1001', 'shipped', 141000, 2],
      ['#1002', 'pending_payment', 1999, 1],
    ]);
    const first = r.orders[0]!;
    expect(first.placedAt).toBe(Date.parse('2026-04-05T17:06:21Z'));
    expect(first.buyerNote).toBe('Please gift wrap\nthank you');
    expect(first.lines.map((l) => [l.sku, l.quantity, l.unitPrice, l.shipped])).toEqual([
      ['GAIWAN-CELADON', 2, 50000, 2],
      ['TRAY-S', 1, 40000, 1],
    ]);
    expect(r.warnings).toEqual([]);
  }));
});
