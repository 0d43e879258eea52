import { describe, expect, it } from 'vitest';
import { addProduct } from '../../src/domain/catalog/products.js';
import { findSku } from '../../src/domain/catalog/lookup.js';
import { adjustStock, countStock, listMovements, listStock, receiveStock } from '../../src/domain/inventory/stock.js';
import { checkDatabase } from '../../src/domain/admin/database.js';
import { seeded } from '../../src/domain/demo/random.js';
import { NOW, shopDb } from '../helpers/db.js';

const withSku = () => {
  const db = shopDb();
  addProduct(db, { title: 'Longjing', sku: { code: 'LJ', price: '368', lowStockThreshold: '5' } }, NOW);
  return db;
};

describe('stock ledger', () => {
  it('records every change as a movement with the resulting on-hand', () => {
    const db = withSku();
    receiveStock(db, { sku: 'LJ', quantity: 40, unitCost: '190.00', reference: 'PO-1' }, NOW);
    adjustStock(db, { sku: 'LJ', change: -2, reason: 'damaged' }, NOW + 1);
    countStock(db, { sku: 'LJ', counted: 35 }, NOW + 2);
    const moves = listMovements(db, {});
    expect(moves.map((m) => [m.kind, m.quantity, m.onHandAfter])).toEqual([
      ['count', -3, 35],
      ['adjust', -2, 38],
      ['receive', 40, 40],
    ]);
    expect(moves[2]).toMatchObject({ unitCost: 19000, reference: 'PO-1' });
    expect(findSku(db, 'LJ').onHand).toBe(35);
  });

  it('never goes below zero unless allowed, and a refusal writes nothing', () => {
    const db = withSku();
    receiveStock(db, { sku: 'LJ', quantity: 3 }, NOW);
    expect(() => adjustStock(db, { sku: 'LJ', change: -4, reason: 'sold offline' }, NOW)).toThrow(expect.objectContaining({ kind: 'conflict', key: 'stock.wouldGoNegative' }));
    expect(listMovements(db, {})).toHaveLength(1);
    expect(adjustStock(db, { sku: 'LJ', change: -4, reason: 'sold offline', allowNegative: true }, NOW).onHandAfter).toBe(-1);
  });

  it('refuses nonsense quantities as usage errors', () => {
    const db = withSku();
    expect(() => receiveStock(db, { sku: 'LJ', quantity: 0 }, NOW)).toThrow(expect.objectContaining({ kind: 'usage' }));
    expect(() => adjustStock(db, { sku: 'LJ', change: 0, reason: 'x' }, NOW)).toThrow(expect.objectContaining({ kind: 'usage' }));
    expect(() => adjustStock(db, { sku: 'LJ', change: 1, reason: ' ' }, NOW)).toThrow(expect.objectContaining({ kind: 'usage' }));
    expect(() => countStock(db, { sku: 'LJ', counted: -1 }, NOW)).toThrow(expect.objectContaining({ kind: 'usage' }));
    expect(() => receiveStock(db, { sku: 'LJ', quantity: 1, unitCost: '1.234' }, NOW)).toThrow(expect.objectContaining({ kind: 'usage', key: 'money.invalid' }));
  });

  it('records a stocktake that matches as a zero movement (the date of the last check)', () => {
    const db = withSku();
    receiveStock(db, { sku: 'LJ', quantity: 3 }, NOW);
    expect(countStock(db, { sku: 'LJ', counted: 3 }, NOW).quantity).toBe(0);
  });

  it('lists on hand, reserved, available and flags low stock', () => {
    const db = withSku();
    receiveStock(db, { sku: 'LJ', quantity: 5 }, NOW);
    expect(listStock(db, {})).toEqual([expect.objectContaining({ skuCode: 'LJ', onHand: 5, reserved: 0, available: 5, lowStockThreshold: 5, low: true })]);
    receiveStock(db, { sku: 'LJ', quantity: 1 }, NOW);
    expect(listStock(db, { lowOnly: true })).toEqual([]);
  });

  it('filters movements by SKU and time', () => {
    const db = withSku();
    addProduct(db, { title: 'Gaiwan', sku: { code: 'GW', price: '1' } }, NOW);
    receiveStock(db, { sku: 'LJ', quantity: 1 }, NOW - 10_000);
    receiveStock(db, { sku: 'GW', quantity: 1 }, NOW);
    expect(listMovements(db, { sku: 'GW' }).map((m) => m.skuCode)).toEqual(['GW']);
    expect(listMovements(db, { since: NOW - 1 }).map((m) => m.skuCode)).toEqual(['GW']);
    expect(listMovements(db, { until: NOW }).map((m) => m.skuCode)).toEqual(['LJ']);
  });

  it('keeps on-hand equal to the sum of movements under random sequences', () => {
    const random = seeded(7);
    for (let round = 0; round < 20; round++) {
      const db = withSku();
      let expected = 0;
      for (let step = 0; step < 60; step++) {
        const op = random.int(0, 2);
        try {
          if (op === 0) {
            const q = random.int(1, 10);
            receiveStock(db, { sku: 'LJ', quantity: q }, NOW + step);
            expected += q;
          } else if (op === 1) {
            const q = random.int(-8, 8) || 1;
            adjustStock(db, { sku: 'LJ', change: q, reason: 'r' }, NOW + step);
            expected += q;
          } else {
            const q = random.int(0, 20);
            countStock(db, { sku: 'LJ', counted: q }, NOW + step);
            expected = q;
          }
        } catch (error) {
          expect(error).toMatchObject({ kind: 'conflict' });
        }
        expect(findSku(db, 'LJ').onHand).toBe(expected);
        expect(expected).toBeGreaterThanOrEqual(0);
      }
      expect(checkDatabase(db)).toEqual([]);
    }
  });
});
