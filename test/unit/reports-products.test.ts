import { describe, expect, it } from 'vitest';
import { addProduct } from '../../src/domain/catalog/products.js';
import { receiveStock } from '../../src/domain/inventory/stock.js';
import { shipOrder } from '../../src/domain/orders/ship.js';
import { abcClasses, productsReport } from '../../src/domain/reports/products.js';
import { NOW, shopDb } from '../helpers/db.js';
import { order } from '../helpers/orders.js';

const at = (iso: string) => Date.parse(iso);
const period = { from: '2026-11-01', to: '2026-11-24' };

function productDb() {
  const db = shopDb();
  const sku = (code: string, cost?: string) => addProduct(db, { title: `Tea ${code}`, sku: { code, price: '10', ...(cost && { cost }) } }, NOW);
  sku('A', '4.00');
  sku('B');
  sku('C', '1.00');
  sku('D', '60.00');
  sku('E', '2.00');
  sku('F');
  sku('G', '1.00');
  for (const [code, qty] of [['A', 5], ['B', 5], ['C', 5], ['D', 5], ['E', 5], ['F', 2], ['G', 5]] as const) receiveStock(db, { sku: code, quantity: qty }, NOW);
  const inPeriod = at('2026-11-10T04:00:00Z');
  order(db, [{ sku: 'A', quantity: 1, unitPrice: '500.00' }], { paid: true, placedAt: inPeriod });
  order(db, [{ sku: 'C', quantity: 1, unitPrice: '300.00' }], { paid: true, placedAt: inPeriod });
  order(db, [{ sku: 'B', quantity: 1, unitPrice: '150.00' }], { paid: true, placedAt: inPeriod });
  order(db, [{ sku: 'D', quantity: 1, unitPrice: '50.00' }], { paid: true, placedAt: inPeriod });
  // E: last paid long ago → slow. G: paid long ago but shipped inside the window → not slow.
  order(db, [{ sku: 'E', quantity: 2 }], { paid: true, placedAt: at('2026-10-01T04:00:00Z') });
  const g = order(db, [{ sku: 'G', quantity: 1 }], { paid: true, placedAt: at('2026-10-01T05:00:00Z') });
  shipOrder(db, { ref: g.platformOrderId, carrier: 'SF', tracking: 'SF1234567890123' }, at('2026-11-10T04:00:00Z'));
  return db;
}

describe('report products', () => {
  it('ranks bestsellers by revenue, top N per currency', () => {
    const r = productsReport(productDb(), { ...period, top: 2 }, NOW);
    expect(r.bestsellers).toEqual([
      { sku: 'A', title: 'Tea A', currency: 'CNY', units: 1, revenue: 50000 },
      { sku: 'C', title: 'Tea C', currency: 'CNY', units: 1, revenue: 30000 },
    ]);
  });

  it('classes SKUs A/B/C at 80% and 95% of revenue', () => {
    const r = productsReport(productDb(), period, NOW);
    expect(r.abc.map((s) => [s.sku, s.abcClass, s.share, s.cumulativeShare])).toEqual([
      ['A', 'A', 0.5, 0.5],
      ['C', 'A', 0.3, 0.8],
      ['B', 'B', 0.15, 0.95],
      ['D', 'C', 0.05, 1],
    ]);
  });

  it('keeps ABC classes per currency', () => {
    const rows = abcClasses([
      { sku: 'X', title: 'X', currency: 'USD', units: 1, revenue: 100 },
      { sku: 'Y', title: 'Y', currency: 'CNY', units: 1, revenue: 10 },
      { sku: 'Z', title: 'Z', currency: 'CNY', units: 1, revenue: 990 },
    ]);
    expect(rows.map((r) => [r.currency, r.sku, r.abcClass])).toEqual([
      ['CNY', 'Z', 'A'],
      ['CNY', 'Y', 'C'], // 99% came before it
      ['USD', 'X', 'A'],
    ]);
  });

  it('computes margin where cost is known, null otherwise', () => {
    const r = productsReport(productDb(), { ...period, sections: ['margin'] }, NOW);
    const bySku = Object.fromEntries(r.margin.map((m) => [m.sku, m]));
    expect(bySku.A).toMatchObject({ revenue: 50000, cost: 400, margin: 49600, marginRate: 0.992 });
    expect(bySku.B).toMatchObject({ revenue: 15000, cost: null, margin: null, marginRate: null });
    expect(bySku.D).toMatchObject({ revenue: 5000, cost: 6000, margin: -1000, marginRate: -0.2 });
  });

  it('lists slow movers: stock on hand, no sale paid or shipped in N days, valued at cost', () => {
    const r = productsReport(productDb(), { ...period, sections: ['slow'] }, NOW);
    expect(r.slow).toEqual([
      { sku: 'E', title: 'Tea E', onHand: 5, currency: 'CNY', stockValue: 1000, lastSoldAt: at('2026-10-01T04:00:00Z'), lastSoldZone: 'Asia/Shanghai' },
      { sku: 'F', title: 'Tea F', onHand: 2, currency: 'CNY', stockValue: null, lastSoldAt: null, lastSoldZone: null },
    ]);
    // With a window reaching back to 1 October, E sold inside it.
    const long = productsReport(productDb(), { ...period, sections: ['slow'], slowDays: 60 }, NOW);
    expect(long.slow.map((s) => s.sku)).toEqual(['F']);
  });

  it('refuses an unknown section and a zero --top, saying what it takes', () => {
    const db = productDb();
    expect(() => productsReport(db, { sections: ['best'] }, NOW)).toThrow(expect.objectContaining({ kind: 'usage' }));
    expect(() => productsReport(db, { top: 0 }, NOW)).toThrow(expect.objectContaining({ kind: 'usage', key: 'input.notPositive', params: { field: '--top', value: '0' } }));
  });
});
