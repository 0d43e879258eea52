import { describe, expect, it } from 'vitest';
import { checkDatabase } from '../../src/domain/admin/database.js';
import { findSku } from '../../src/domain/catalog/lookup.js';
import { seeded } from '../../src/domain/demo/random.js';
import { ShopkeepError } from '../../src/domain/errors.js';
import { getOrder } from '../../src/domain/orders/find.js';
import { mergeOrders, splitOrder } from '../../src/domain/orders/merge-split.js';
import { shipOrder } from '../../src/domain/orders/ship.js';
import { cancelOrder, holdOrder, payOrder, releaseOrder } from '../../src/domain/orders/transitions.js';
import { adjustStock, listMovements, receiveStock } from '../../src/domain/inventory/stock.js';
import { NOW } from '../helpers/db.js';
import { order, orderDb } from '../helpers/orders.js';

const SKUS = ['A', 'B', 'C'];

describe('stock invariants under random order operations', () => {
  it('available never negative unless backorders are allowed; no unit lost; reservations add up', () => {
    const random = seeded(42);
    for (let round = 0; round < 12; round++) {
      const db = orderDb();
      const refs: string[] = [];
      let refused = 0;
      for (let step = 0; step < 80; step++) {
        const pick = () => refs[random.int(0, refs.length - 1)]!;
        try {
          switch (random.int(0, 8)) {
            case 0:
            case 1:
              refs.push(order(db, [{ sku: random.pick(SKUS), quantity: random.int(1, 4) }, ...(random.chance(0.4) ? [{ sku: random.pick(SKUS), quantity: random.int(1, 3) }] : [])]).platformOrderId);
              break;
            case 2:
              if (refs.length) payOrder(db, { ref: pick() }, {}, NOW);
              break;
            case 3:
              if (refs.length) {
                const ref = pick();
                const line = getOrder(db, ref).lines[0];
                const items = line && random.chance(0.5) ? [{ sku: line.skuCode!, quantity: 1 }] : undefined;
                shipOrder(db, { ref, carrier: 'SF', tracking: 'SF1234567890123', items }, NOW);
              }
              break;
            case 4:
              if (refs.length) cancelOrder(db, { ref: pick() }, 'random', NOW);
              break;
            case 5:
              if (refs.length > 1) mergeOrders(db, { ref: pick() }, { ref: pick() }, NOW);
              break;
            case 6:
              if (refs.length) {
                const o = getOrder(db, pick());
                const line = o.lines[random.int(0, o.lines.length - 1)];
                if (line) refs.push(splitOrder(db, { ref: o.platformOrderId }, [{ sku: line.skuCode!, quantity: 1 }], NOW).created.platformOrderId);
              }
              break;
            case 7:
              receiveStock(db, { sku: random.pick(SKUS), quantity: random.int(1, 5) }, NOW);
              break;
            case 8:
              if (refs.length) {
                const ref = pick();
                if (random.chance(0.5)) holdOrder(db, { ref }, 'random', NOW);
                else releaseOrder(db, { ref }, NOW);
              }
              break;
          }
        } catch (error) {
          if (!(error instanceof ShopkeepError) || error.kind === 'usage') throw error;
          refused++;
        }
        for (const code of SKUS) {
          const sku = findSku(db, code);
          if (!sku.allowBackorder) expect(sku.onHand - sku.reserved, `${code} available`).toBeGreaterThanOrEqual(0);
          expect(sku.onHand).toBeGreaterThanOrEqual(0);
          // on hand + shipped = received ± adjustments: the ledger's non-sale movements minus what left as sales.
          const moves = listMovements(db, { sku: code, limit: 100_000 });
          const inOut = moves.filter((m) => m.kind !== 'sale').reduce((sum, m) => sum + m.quantity, 0);
          const shipped = db.prepare('SELECT coalesce(sum(l.shipped), 0) AS n FROM order_line l JOIN sku s ON s.id = l.sku_id WHERE s.code = ?').get(code) as { n: number };
          expect(sku.onHand + shipped.n, `${code} units`).toBe(inOut);
        }
      }
      expect(checkDatabase(db)).toEqual([]);
      expect(refused).toBeGreaterThan(0);
    }
  });

  it('adjustments take part in the sum', () => {
    const db = orderDb();
    adjustStock(db, { sku: 'A', change: -2, reason: 'damaged' }, NOW);
    const o = order(db, [{ sku: 'A', quantity: 8 }], { paid: true });
    shipOrder(db, { ref: o.platformOrderId, carrier: 'SF', tracking: 'SF1234567890123' }, NOW);
    expect(findSku(db, 'A')).toMatchObject({ onHand: 0, reserved: 0 });
    expect(() => order(db, [{ sku: 'A', quantity: 1 }], { paid: true })).toThrow(expect.objectContaining({ kind: 'conflict' }));
  });
});
