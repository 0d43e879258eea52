import { describe, expect, it } from 'vitest';
import { addProduct } from '../../src/domain/catalog/products.js';
import { receiveStock } from '../../src/domain/inventory/stock.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { bucketOf, divRound, ratio, resolveScope, salesReport } from '../../src/domain/reports/sales.js';
import { NOW } from '../helpers/db.js';
import { order, orderDb } from '../helpers/orders.js';

const at = (iso: string) => Date.parse(iso);

function salesDb() {
  const db = orderDb();
  addShop(db, { name: 'US Store', platform: 'shopify', currency: 'USD', timezone: 'America/New_York' }, NOW);
  // 2026-11-23 23:30 in Shanghai
  order(db, [{ sku: 'A', quantity: 2 }], { paid: true, placedAt: at('2026-11-23T15:30:00Z') });
  // 2026-11-24 00:30 in Shanghai: the next day there, though the same UTC date
  order(db, [{ sku: 'A', quantity: 1 }, { sku: 'B', quantity: 1 }], { paid: true, placedAt: at('2026-11-23T16:30:00Z') });
  const refunded = order(db, [{ sku: 'A', quantity: 3 }], { paid: true, placedAt: at('2026-11-24T10:00:00Z') });
  db.prepare('UPDATE sales_order SET refunded = 500 WHERE id = ?').run(refunded.id);
  // not paid: no sale
  order(db, [{ sku: 'A', quantity: 1 }], { placedAt: at('2026-11-24T11:00:00Z') });
  // 2026-11-25 00:30 in Shanghai: after the period
  order(db, [{ sku: 'A', quantity: 1 }], { paid: true, placedAt: at('2026-11-24T16:30:00Z') });
  // 2026-11-24 22:00 in New York (already the 25th in UTC and Shanghai): in the period for that shop
  order(db, [{ sku: 'A', quantity: 1, unitPrice: '12.00' }], { paid: true, shop: 'US Store', placedAt: at('2026-11-25T03:00:00Z') });
  return db;
}

describe('report sales', () => {
  it('buckets by payment day in each shop zone, per shop and currency, never adding currencies', () => {
    const r = salesReport(salesDb(), { from: '2026-11-23', to: '2026-11-24' }, NOW);
    expect(r.rows).toEqual([
      { bucket: '2026-11-23', shop: 'Tea House', platform: 'taobao', currency: 'CNY', orders: 1, units: 2, gmv: 2000, refunds: 0, net: 2000, aov: 2000 },
      { bucket: '2026-11-24', shop: 'Tea House', platform: 'taobao', currency: 'CNY', orders: 2, units: 5, gmv: 6550, refunds: 500, net: 6050, aov: 3275 },
      { bucket: '2026-11-24', shop: 'US Store', platform: 'shopify', currency: 'USD', orders: 1, units: 1, gmv: 1200, refunds: 0, net: 1200, aov: 1200 },
    ]);
    expect(r.totals).toEqual([
      { currency: 'CNY', orders: 3, units: 7, gmv: 8550, refunds: 500, net: 8050, aov: 2850 },
      { currency: 'USD', orders: 1, units: 1, gmv: 1200, refunds: 0, net: 1200, aov: 1200 },
    ]);
  });

  it('groups by ISO week (Monday) and month, and filters one shop', () => {
    const db = salesDb();
    const week = salesReport(db, { from: '2026-11-23', to: '2026-11-24', by: 'week', shop: 'Tea House' }, NOW);
    expect(week.rows.map((r) => [r.bucket, r.shop, r.orders, r.gmv])).toEqual([['2026-11-23', 'Tea House', 3, 8550]]);
    expect(bucketOf('2026-11-29', 'week')).toBe('2026-11-23');
    expect(bucketOf('2026-11-29', 'month')).toBe('2026-11');
  });

  it('defaults to the last 30 days ending yesterday in the default shop zone', () => {
    const scope = resolveScope(salesDb(), {}, NOW);
    expect(scope.period).toEqual({ kind: 'range', fromDay: '2026-10-26', toDay: '2026-11-24' });
    expect(scope.shops.map((s) => s.name)).toEqual(['Tea House', 'US Store']);
  });

  it('refuses an unknown --by and an unknown shop', () => {
    const db = salesDb();
    expect(() => salesReport(db, { by: 'year' }, NOW)).toThrow(expect.objectContaining({ kind: 'usage' }));
    expect(() => salesReport(db, { shop: 'Nope' }, NOW)).toThrow(expect.objectContaining({ kind: 'not_found' }));
  });

  it('divides money exactly, rounding half away from zero, and gives null for division by zero', () => {
    expect(divRound(1000, 3)).toBe(333);
    expect(divRound(2000, 3)).toBe(667);
    expect(divRound(5, 2)).toBe(3);
    expect(divRound(-5, 2)).toBe(-3);
    expect(divRound(5, 0)).toBeNull();
    expect(ratio(1, 3)).toBe(0.3333);
    expect(ratio(1, 0)).toBeNull();
  });

  it('counts an empty period as no rows', () => {
    const db = orderDb();
    receiveStock(db, { sku: 'A', quantity: 1 }, NOW);
    addProduct(db, { title: 'X', sku: { code: 'X', price: '1' } }, NOW);
    expect(salesReport(db, {}, NOW)).toMatchObject({ rows: [], totals: [] });
  });
});
