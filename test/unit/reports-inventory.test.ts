import { describe, expect, it } from 'vitest';
import { addProduct } from '../../src/domain/catalog/products.js';
import { receiveStock } from '../../src/domain/inventory/stock.js';
import { inventoryReport, reorderSuggestion } from '../../src/domain/reports/inventory.js';
import { NOW, shopDb } from '../helpers/db.js';
import { order } from '../helpers/orders.js';

const at = (iso: string) => Date.parse(iso);

function inventoryDb() {
  const db = shopDb();
  addProduct(db, { title: 'Tea A', sku: { code: 'A', price: '10', reorderPoint: '5', leadTimeDays: '14' } }, NOW);
  addProduct(db, { title: 'Tea B', sku: { code: 'B', price: '10', reorderPoint: '8' } }, NOW);
  addProduct(db, { title: 'Teapot C', sku: { code: 'C', price: '99' } }, NOW);
  receiveStock(db, { sku: 'A', quantity: 40 }, NOW);
  receiveStock(db, { sku: 'B', quantity: 5 }, NOW);
  order(db, [{ sku: 'A', quantity: 30 }], { paid: true, placedAt: at('2026-11-10T04:00:00Z') });
  // before the 30-day window (26 Oct – 24 Nov): reserves stock but is not recent sales
  order(db, [{ sku: 'B', quantity: 2 }], { paid: true, placedAt: at('2026-10-20T04:00:00Z') });
  return db;
}

describe('report inventory', () => {
  it('computes available, daily sales, days of cover and reorder suggestions', () => {
    const r = inventoryReport(inventoryDb(), {}, NOW);
    expect(r.window).toEqual({ fromDay: '2026-10-26', toDay: '2026-11-24' });
    expect(r.rows).toEqual([
      // cover 10 days < lead time 14: ceil(30 × 44 ÷ 30) − 10 = 34
      { sku: 'A', title: 'Tea A', onHand: 40, reserved: 30, available: 10, unitsSold: 30, dailySales: 1, daysOfCover: 10, reorderPoint: 5, leadTimeDays: 14, reorder: true, suggestedQuantity: 34 },
      // no sales: cover unknown; available 3 ≤ reorder point 8: 8 − 3
      { sku: 'B', title: 'Tea B', onHand: 5, reserved: 2, available: 3, unitsSold: 0, dailySales: 0, daysOfCover: null, reorderPoint: 8, leadTimeDays: null, reorder: true, suggestedQuantity: 5 },
      { sku: 'C', title: 'Teapot C', onHand: 0, reserved: 0, available: 0, unitsSold: 0, dailySales: 0, daysOfCover: null, reorderPoint: null, leadTimeDays: null, reorder: false, suggestedQuantity: 0 },
    ]);
  });

  it('averages over --days and can list only what to reorder', () => {
    const r = inventoryReport(inventoryDb(), { days: 60, reorderOnly: true }, NOW);
    // A: 0.5 a day covers 20 days ≥ lead time 14, and 10 > reorder point 5, so it drops out.
    expect(r.rows.map((s) => [s.sku, s.unitsSold, s.dailySales, s.daysOfCover, s.suggestedQuantity])).toEqual([['B', 2, 0.03, 90, 5]]);
    expect(inventoryReport(inventoryDb(), { days: 60 }, NOW).rows.find((s) => s.sku === 'A')).toMatchObject({ dailySales: 0.5, daysOfCover: 20, reorder: false });
  });

  it('suggests enough for lead time + 30 days, at least up to the reorder point', () => {
    expect(reorderSuggestion(50, 30, 30, 10, 7)).toEqual({ reorder: false, quantity: 0 });
    expect(reorderSuggestion(5, 30, 30, 10, 7)).toEqual({ reorder: true, quantity: 32 });
    expect(reorderSuggestion(5, 1, 30, 40, null)).toEqual({ reorder: true, quantity: 35 });
    expect(reorderSuggestion(0, 0, 30, 0, 3)).toEqual({ reorder: true, quantity: 1 });
  });
});
