import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseOrderFiles, type InputFile, type ParsedImport } from '../../src/domain/imports/parse-files.js';
import { PROFILES } from '../../src/domain/imports/profiles/index.js';
import type { RowContext } from '../../src/domain/imports/types.js';
import { inEveryZone } from '../helpers/zones.js';

const fixture = (name: string) => ({ name, bytes: readFileSync(new URL(`../fixtures/imports/${name}`, import.meta.url)) });

/** The same file re-encoded as UTF-8: what the profile reads once the bytes are decoded right. */
const asUtf8 = (name: string, encoding: string): InputFile => ({ name, bytes: new TextEncoder().encode(new TextDecoder(encoding, { fatal: true }).decode(fixture(name).bytes)) });

/** Parses under every process zone, runs the checks each time, and insists the results are identical. */
function parsedEverywhere(files: InputFile[], ctx: RowContext, check: (r: ParsedImport) => void): void {
  let first: ParsedImport | undefined;
  inEveryZone(() => {
    const r = parseOrderFiles(files, PROFILES, ctx);
    check(r);
    if (first) expect(r).toEqual(first);
    first ??= r;
  });
}

const US: RowContext = { zone: 'America/Los_Angeles', currency: 'USD' };

describe('Amazon All Orders report', () => {
  it('reads orders, repeated identical items, a cancelled item in a shipped order, offsets and trailing empty columns', () => {
    parsedEverywhere([fixture('amazon-all-orders.txt')], US, (r) => {
      expect(r.files[0]).toMatchObject({ profile: expect.objectContaining({ id: 'amazon-all-orders', platform: 'amazon' }), encoding: 'utf-8', rows: 8 });
      expect(r.orders.map((o) => [o.platformOrderId, o.status, o.currency, o.lines.length])).toEqual([
        ['112-3941689-8772232', 'shipped', 'USD', 3],
        ['113-0000000-1111111', 'pending_payment', 'USD', 1],
        ['114-2222222-3333333', 'delivered', 'USD', 1],
        ['111-4444444-5555555', 'cancelled', 'USD', 0], // its item, quantity 0, carries nothing
      ]);
      const [shipped, pending, delivered, cancelled] = r.orders;
      expect(shipped!.lines.map((l) => [l.lineKey, l.sku, l.listingId, l.quantity, l.unitPrice, l.discount, l.statedTotal, l.shipped, l.cancelled])).toEqual([
        ['MUG-CELADON', 'MUG-CELADON', 'B0C1MUG001', 1, 1250, 0, 1250, 1, false],
        ['MUG-CELADON#2', 'MUG-CELADON', 'B0C1MUG001', 1, 1250, 0, 1250, 1, false],
        ['TEA-OOLONG-100', 'TEA-OOLONG-100', 'B0C1TEA100', 1, 800, 0, 800, 0, true],
      ]);
      expect(shipped!.placedAt).toBe(Date.parse('2026-03-08T06:30:00Z'));
      expect(shipped!.address).toEqual({ city: 'PORTLAND', province: 'OR', postcode: '97201-1234', country: 'US' });
      // Pending orders carry no price yet.
      expect(pending!.lines[0]).toMatchObject({ quantity: 2, unitPrice: 0, statedTotal: null, shipped: 0, cancelled: false });
      expect(pending!.placedAt).toBe(Date.parse('2026-03-10T07:59:59Z'));
      // item-price is the total for the quantity: 29.99 for 3 → 10.00 each, 0.01 over carried with the 3.00 promotion.
      expect(delivered!.lines[0]).toMatchObject({ quantity: 3, unitPrice: 1000, discount: 301, statedTotal: 2699, shipped: 3 });
      expect(cancelled!.lines).toEqual([]);
      // Shipping and taxes are per item: added up per order, a cancelled item's left out (its 0.66 tax).
      expect([shipped, delivered].map((o) => [o!.shipping, o!.tax, o!.discount])).toEqual([[499, 206, null], [0, 247, null]]);
      expect(pending).toMatchObject({ shipping: null, tax: null });
    });
  });

  it('rejects an impossible date and an ambiguous amount with their line numbers, and keeps the rest', () => {
    parsedEverywhere([fixture('amazon-all-orders.txt')], US, (r) => {
      expect(r.rejected.map((x) => [x.line, x.detail.key, x.detail.params?.column])).toEqual([
        [8, 'import.badDate', 'purchase-date'],
        [9, 'import.badAmount', 'item-price'],
      ]);
      expect(r.orders.some((o) => o.platformOrderId === '112-6666666-7777777' || o.platformOrderId === '112-8888888-9999999')).toBe(false);
    });
  });

  it('reads a Windows-1252 (Amazon.fr) file once its bytes are decoded', () => {
    const bytes = fixture('amazon-all-orders-fr-cp1252.txt').bytes;
    expect(bytes.includes(0xe9)).toBe(true); // é as one Windows-1252 byte, so the file is not UTF-8
    parsedEverywhere([asUtf8('amazon-all-orders-fr-cp1252.txt', 'windows-1252')], { zone: 'Europe/Paris', currency: 'EUR' }, (r) => {
      expect(r.files[0]!.profile.id).toBe('amazon-all-orders');
      expect(r.rejected).toEqual([]);
      expect(r.orders.map((o) => [o.platformOrderId, o.status, o.currency, o.placedAt])).toEqual([
        ['171-1234567-7654321', 'cancelled', 'EUR', Date.parse('2026-03-28T22:30:00Z')],
        ['171-7654321-1234567', 'paid', 'EUR', Date.parse('2026-03-29T07:00:00Z')],
      ]);
      expect(r.orders.map((o) => [o.lines[0]!.title, o.lines[0]!.quantity, o.lines[0]!.unitPrice, o.address.city])).toEqual([
        ['Théière en fonte 0,8 L', 1, 3490, 'Besançon'],
        ['Thé vert Sencha, boîte 100 g', 2, 990, 'Besançon'],
      ]);
    });
  });

  it('detects Windows-1252 in an Amazon file by itself and reads it as the decoded copy', () => {
    const ctx: RowContext = { zone: 'Europe/Paris', currency: 'EUR' };
    const decoded = parseOrderFiles([asUtf8('amazon-all-orders-fr-cp1252.txt', 'windows-1252')], PROFILES, ctx);
    parsedEverywhere([fixture('amazon-all-orders-fr-cp1252.txt')], ctx, (r) => {
      expect(r.files[0]).toMatchObject({ profile: expect.objectContaining({ id: 'amazon-all-orders' }), encoding: 'windows-1252' });
      expect(r.orders).toEqual(decoded.orders);
    });
  });

  it('keeps quote marks in unquoted product names (Amazon never quotes: 27" monitors, "Best" mugs)', () => {
    const file = readFileSync(new URL('../fixtures/imports/amazon-all-orders.txt', import.meta.url), 'utf8')
      .replace('Bamboo Tea Tray', 'Monitor 27" stand')
      .replace('Tea Towel (linen)', '"Best" tea towel');
    parsedEverywhere([{ name: 'quotes.txt', bytes: new TextEncoder().encode(file) }], US, (r) => {
      expect(r.orders.map((o) => o.lines[0]?.title)).toEqual(['Celadon Tea Mug, 350 ml', 'Monitor 27" stand', '"Best" tea towel', undefined]);
    });
  });
});

describe('Amazon Unshipped Orders report', () => {
  const JP: RowContext = { zone: 'Asia/Tokyo', currency: 'JPY' };

  it('reads a Shift_JIS (Amazon.co.jp) file once its bytes are decoded: item ids, relay emails, newer columns', () => {
    const bytes = fixture('amazon-unshipped-jp-sjis.txt').bytes;
    expect(Buffer.from(bytes).includes(Buffer.from([0x93, 0xfa, 0x96, 0x7b]))).toBe(true); // 日本 in Shift_JIS
    parsedEverywhere([asUtf8('amazon-unshipped-jp-sjis.txt', 'shift_jis')], JP, (r) => {
      expect(r.files[0]).toMatchObject({ profile: expect.objectContaining({ id: 'amazon-unshipped' }), rows: 3 });
      expect(r.rejected).toEqual([]);
      expect(r.orders.map((o) => [o.platformOrderId, o.status, o.currency, o.placedAt, o.paidAt, o.lines.length])).toEqual([
        ['503-1234567-1234567', 'partially_shipped', 'JPY', Date.parse('2026-03-31T23:00:00Z'), Date.parse('2026-03-31T23:05:00Z'), 1],
        ['503-7654321-7654321', 'paid', 'JPY', Date.parse('2026-04-01T14:30:00Z'), Date.parse('2026-04-01T14:31:00Z'), 2],
      ]);
      const [partial, paid] = r.orders;
      expect(partial).toMatchObject({ buyerName: '山田 太郎', buyerEmail: 'k3x9q2abcd@marketplace.amazon.co.jp', buyerPhone: '03-1234-5678' });
      expect(partial!.address).toMatchObject({ name: '山田 太郎', street: '千代田1-1, 日本ビル 3階', city: '千代田区', province: '東京都', postcode: '100-0001', country: 'JP' });
      expect(partial!.lines[0]).toMatchObject({ lineKey: 'GYOKURO-100', sku: 'GYOKURO-100', title: '日本茶 玉露 100g', quantity: 2, shipped: 1, unitPrice: 0, statedTotal: null });
      expect(paid!.lines.map((l) => [l.lineKey, l.title, l.quantity, l.shipped])).toEqual([
        [paid!.lines[0]!.sku, '急須（常滑焼）ほうじ茶セット', 1, 0],
        ['GYOKURO-100', '日本茶 玉露 100g', 1, 0],
      ]);
    });
  });

  it('detects Shift_JIS in an Amazon file by itself and reads it as the decoded copy', () => {
    const decoded = parseOrderFiles([asUtf8('amazon-unshipped-jp-sjis.txt', 'shift_jis')], PROFILES, JP);
    parsedEverywhere([fixture('amazon-unshipped-jp-sjis.txt')], JP, (r) => {
      expect(r.files[0]).toMatchObject({ profile: expect.objectContaining({ id: 'amazon-unshipped' }), encoding: 'shift_jis' });
      expect(r.orders).toEqual(decoded.orders);
      expect(r.orders[0]!.lines[0]!.title).toBe('日本茶 玉露 100g');
    });
  });
});

describe('Amazon legacy order report', () => {
  it('reads item ids as text, line totals into unit prices, buyer and address, and skips continuation rows', () => {
    parsedEverywhere([fixture('amazon-legacy-order-report.txt')], { zone: 'Europe/London', currency: 'GBP' }, (r) => {
      expect(r.files[0]).toMatchObject({ profile: expect.objectContaining({ id: 'amazon-legacy' }), encoding: 'utf-8', rows: 4 });
      expect(r.rejected).toEqual([]);
      expect(r.orders.map((o) => [o.platformOrderId, o.status, o.currency, o.placedAt, o.paidAt, o.lines.length])).toEqual([
        ['202-1111111-2222222', 'paid', 'GBP', Date.parse('2026-03-29T00:30:00Z'), Date.parse('2026-03-29T00:31:00Z'), 2],
        ['203-3333333-4444444', 'pending_payment', 'GBP', Date.parse('2026-03-30T09:00:00Z'), null, 1],
      ]);
      const order = r.orders[0]!;
      expect(order).toMatchObject({ buyerName: 'Jane Doe', buyerEmail: 'zz81nq@marketplace.amazon.co.uk' });
      expect(order.address).toMatchObject({ name: 'Jane Doe', street: '12 High Street, Flat 3', city: 'York', postcode: 'YO1 7HH', country: 'GB' });
      expect(order.lines.map((l) => [l.lineKey, l.sku, l.quantity, l.unitPrice, l.discount, l.statedTotal])).toEqual([
        ['MUG-CELADON', 'MUG-CELADON', 2, 1250, 250, 2250],
        ['TRAY-S', 'TRAY-S', 1, 1800, 0, 1800],
      ]);
    });
  });
});
