import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open.js';
import { checkDatabase } from '../../src/domain/admin/database.js';
import { findSku } from '../../src/domain/catalog/lookup.js';
import { seeded } from '../../src/domain/demo/random.js';
import { ShopkeepError } from '../../src/domain/errors.js';
import { listMovements, receiveStock } from '../../src/domain/inventory/stock.js';
import { getOrder } from '../../src/domain/orders/find.js';
import { shipOrder } from '../../src/domain/orders/ship.js';
import {
  approveReturn,
  closeReturn,
  listReturnRequests,
  openReturn,
  receiveReturn,
  refundReturn,
  rejectReturn,
  RETURN_CONDITIONS,
  RETURN_TYPES,
} from '../../src/domain/service/returns.js';
import { NOW } from '../helpers/db.js';
import { order, orderDb } from '../helpers/orders.js';

const SKUS = ['A', 'B', 'C'];

function sum(db: Db, sql: string, ...params: unknown[]): number {
  return (db.prepare(sql).get(...params) as { n: number | null }).n ?? 0;
}

/** Everything that must hold after any step, whatever happened before. */
function checkInvariants(db: Db): void {
  for (const code of SKUS) {
    const sku = findSku(db, code);
    expect(sku.onHand, `${code} on hand`).toBeGreaterThanOrEqual(0);
    const moves = listMovements(db, { sku: code, limit: 100_000 });
    const inOut = moves.filter((m) => m.kind !== 'sale' && m.kind !== 'return').reduce((s, m) => s + m.quantity, 0);
    const returned = moves.filter((m) => m.kind === 'return').reduce((s, m) => s + m.quantity, 0);
    const shipped = sum(db, 'SELECT sum(l.shipped) AS n FROM order_line l JOIN sku s ON s.id = l.sku_id WHERE s.code = ?', code);
    // on hand + shipped − resellable returned = received ± adjustments
    expect(sku.onHand + shipped - returned, `${code} units`).toBe(inOut);
    // resellable units counted once: exactly the units of received resellable returns and exchanges, never more than shipped
    const resellable = sum(
      db,
      `SELECT sum(rl.quantity) AS n FROM return_line rl JOIN return_request r ON r.id = rl.return_id JOIN order_line l ON l.id = rl.order_line_id
       JOIN sku s ON s.id = l.sku_id WHERE s.code = ? AND r.received_at IS NOT NULL AND r.condition = 'resellable' AND r.type IN ('return','exchange')`,
      code,
    );
    expect(returned, `${code} resellable returned`).toBe(resellable);
    expect(returned).toBeLessThanOrEqual(shipped);
  }
  // one set of return movements per return, at most
  const perReturn = db.prepare("SELECT reference, count(*) AS n FROM stock_movement WHERE kind = 'return' GROUP BY reference, sku_id HAVING count(*) > 1").all();
  expect(perReturn).toEqual([]);
  // no order line returned beyond what it shipped
  const over = db
    .prepare(
      `SELECT l.id FROM order_line l JOIN return_line rl ON rl.order_line_id = l.id JOIN return_request r ON r.id = rl.return_id
       WHERE r.status <> 'rejected' GROUP BY l.id HAVING sum(rl.quantity) > l.shipped`,
    )
    .all();
  expect(over).toEqual([]);
  // refunded ≤ paid per order, and every refund is a return's
  const orders = db.prepare('SELECT o.id, o.paid, o.refunded, (SELECT coalesce(sum(refund_amount), 0) FROM return_request r WHERE r.order_id = o.id) AS returns FROM sales_order o').all() as {
    id: number;
    paid: number;
    refunded: number;
    returns: number;
  }[];
  for (const o of orders) {
    expect(o.refunded, `order ${o.id} refunded`).toBeLessThanOrEqual(o.paid);
    expect(o.refunded, `order ${o.id} refunds`).toBe(o.returns);
  }
  expect(checkDatabase(db)).toEqual([]);
}

describe('returns under random sequences', () => {
  it('stock and money stay exactly right', () => {
    const random = seeded(7);
    const counts = { refused: 0, received: 0, refunded: 0, exchanges: 0 };
    for (let round = 0; round < 10; round++) {
      const db = orderDb();
      receiveStock(db, { sku: 'C', quantity: 6 }, NOW);
      const orders: string[] = [];
      for (let step = 0; step < 90; step++) {
        const returns = listReturnRequests(db, {});
        const pickReturn = () => returns[random.int(0, returns.length - 1)]!.number;
        try {
          switch (random.int(0, 9)) {
            case 0: {
              const ref = order(db, [{ sku: random.pick(SKUS), quantity: random.int(1, 3) }, ...(random.chance(0.4) ? [{ sku: random.pick(SKUS), quantity: random.int(1, 2) }] : [])], { paid: true }).platformOrderId;
              orders.push(ref);
              shipOrder(db, { ref, carrier: 'SF', tracking: 'SF1234567890123' }, NOW);
              break;
            }
            case 1:
            case 2:
              if (orders.length) {
                const ref = random.pick(orders);
                const lines = getOrder(db, ref).lines;
                const line = random.pick(lines);
                const type = random.pick(RETURN_TYPES);
                const items = type === 'refund_only' && random.chance(0.3) ? undefined : [{ sku: line.skuCode!, quantity: random.int(1, 3) }];
                openReturn(db, { order: ref, items, type, reason: 'random' }, NOW);
              }
              break;
            case 3:
              if (returns.length) {
                if (random.chance(0.8)) approveReturn(db, pickReturn(), {}, NOW);
                else rejectReturn(db, pickReturn(), { reason: 'random' }, NOW);
              }
              break;
            case 4:
            case 5:
              if (returns.length) {
                const got = receiveReturn(db, pickReturn(), { condition: random.pick(RETURN_CONDITIONS) }, NOW);
                counts.received++;
                if (got.replacement) counts.exchanges++;
              }
              break;
            case 6:
              if (returns.length) {
                refundReturn(db, pickReturn(), { amount: `${random.int(1, 60)}.${random.int(0, 99)}` }, NOW);
                counts.refunded++;
              }
              break;
            case 7:
              if (returns.length) closeReturn(db, pickReturn(), {}, NOW);
              break;
            case 8:
              receiveStock(db, { sku: random.pick(SKUS), quantity: random.int(1, 3) }, NOW);
              break;
            case 9: {
              // ship a replacement (or anything still paid)
              const paid = db.prepare("SELECT platform_order_id AS ref FROM sales_order WHERE status = 'paid'").all() as { ref: string }[];
              if (paid.length) shipOrder(db, { ref: random.pick(paid).ref, carrier: 'SF', tracking: 'SF1234567890123' }, NOW);
              break;
            }
          }
        } catch (error) {
          if (!(error instanceof ShopkeepError) || error.kind !== 'conflict') throw error;
          counts.refused++;
        }
        checkInvariants(db);
      }
    }
    // the sequences exercised every path, refusals included
    expect(counts.refused).toBeGreaterThan(0);
    expect(counts.received).toBeGreaterThan(0);
    expect(counts.refunded).toBeGreaterThan(0);
    expect(counts.exchanges).toBeGreaterThan(0);
  });
});
