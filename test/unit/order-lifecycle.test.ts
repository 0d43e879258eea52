import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open.js';
import { canMove, TRANSITIONS } from '../../src/domain/orders/lifecycle.js';
import { findOrder } from '../../src/domain/orders/find.js';
import { shipOrder } from '../../src/domain/orders/ship.js';
import { cancelOrder, completeOrder, deliverOrder, holdOrder, markPacked, payOrder, releaseOrder, startPicking } from '../../src/domain/orders/transitions.js';
import { ORDER_STATUSES, type OrderStatus } from '../../src/domain/orders/types.js';
import { writeTransaction } from '../../src/db/open.js';
import { NOW } from '../helpers/db.js';
import { order, orderDb } from '../helpers/orders.js';

/** The lifecycle as the issue states it, written out independently of the implementation's table. */
const EXPECTED: Record<OrderStatus, OrderStatus[]> = {
  pending_payment: ['paid', 'cancelled'],
  paid: ['picking', 'packed', 'partially_shipped', 'shipped', 'on_hold', 'cancelled'],
  picking: ['packed', 'partially_shipped', 'shipped', 'on_hold', 'cancelled'],
  packed: ['partially_shipped', 'shipped', 'on_hold', 'cancelled'],
  partially_shipped: ['partially_shipped', 'shipped'],
  shipped: ['delivered', 'completed'],
  delivered: ['completed'],
  completed: [],
  on_hold: ['paid', 'picking', 'packed', 'cancelled'],
  cancelled: [],
};

describe('order state machine', () => {
  it.each(ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => [from, to] as const)))('%s → %s', (from, to) => {
    expect(canMove(from, to)).toBe(EXPECTED[from].includes(to));
  });

  it('has an entry for every status and no unknown targets', () => {
    expect(Object.keys(TRANSITIONS).sort()).toEqual([...ORDER_STATUSES].sort());
  });
});

/** Puts a fresh two-unit order into `status` through the real operations. */
function reach(db: Db, status: OrderStatus): string {
  const ref = order(db, [{ sku: 'A', quantity: 2 }]).platformOrderId;
  const t = { ref };
  const steps: Record<OrderStatus, () => void> = {
    pending_payment: () => undefined,
    paid: () => payOrder(db, t, {}, NOW),
    picking: () => {
      steps.paid();
      writeTransaction(db, () => startPicking(db, findOrder(db, ref), NOW));
    },
    packed: () => {
      steps.paid();
      writeTransaction(db, () => markPacked(db, findOrder(db, ref), NOW));
    },
    partially_shipped: () => {
      steps.paid();
      shipOrder(db, { ref, carrier: 'SF', tracking: 'SF1234567890123', items: [{ sku: 'A', quantity: 1 }] }, NOW);
    },
    shipped: () => {
      steps.paid();
      shipOrder(db, { ref, carrier: 'SF', tracking: 'SF1234567890123' }, NOW);
    },
    delivered: () => {
      steps.shipped();
      deliverOrder(db, t, NOW);
    },
    completed: () => {
      steps.delivered();
      completeOrder(db, t, NOW);
    },
    on_hold: () => {
      steps.paid();
      holdOrder(db, t, 'address check', NOW);
    },
    cancelled: () => cancelOrder(db, t, 'buyer changed mind', NOW),
  };
  steps[status]();
  expect(findOrder(db, ref).status).toBe(status);
  return ref;
}

const OPERATIONS: Record<string, { to: OrderStatus; run: (db: Db, ref: string) => unknown }> = {
  pay: { to: 'paid', run: (db, ref) => payOrder(db, { ref }, {}, NOW) },
  pack: { to: 'packed', run: (db, ref) => writeTransaction(db, () => markPacked(db, findOrder(db, ref), NOW)) },
  ship: { to: 'shipped', run: (db, ref) => shipOrder(db, { ref, carrier: 'SF', tracking: 'SF1234567890123' }, NOW) },
  deliver: { to: 'delivered', run: (db, ref) => deliverOrder(db, { ref }, NOW) },
  complete: { to: 'completed', run: (db, ref) => completeOrder(db, { ref }, NOW) },
  hold: { to: 'on_hold', run: (db, ref) => holdOrder(db, { ref }, 'why', NOW) },
  cancel: { to: 'cancelled', run: (db, ref) => cancelOrder(db, { ref }, 'why', NOW) },
};

describe('operations from every state', () => {
  const cases = ORDER_STATUSES.flatMap((from) => Object.keys(OPERATIONS).map((op) => [from, op] as const));
  it.each(cases)('from %s: %s', (from, op) => {
    const db = orderDb();
    const ref = reach(db, from);
    const { to, run } = OPERATIONS[op]!;
    const allowed = (canMove(from, to) && (from !== 'on_hold' || op === 'cancel')) || (op === 'pack' && from === 'packed');
    if (allowed) {
      run(db, ref);
      expect(findOrder(db, ref).status).toBe(to);
    } else if (from === 'on_hold') {
      expect(() => run(db, ref)).toThrow(expect.objectContaining({ kind: 'conflict', key: 'order.held' }));
      expect(findOrder(db, ref).status).toBe(from);
    } else {
      expect(() => run(db, ref)).toThrow(expect.objectContaining({ kind: 'conflict', key: 'order.badTransition', params: expect.objectContaining({ from, to }) }));
      expect(findOrder(db, ref).status).toBe(from);
    }
  });

  it('release returns a held order to where it was held from, and refuses an order that is not held', () => {
    for (const from of ['paid', 'picking', 'packed'] as const) {
      const db = orderDb();
      const ref = reach(db, from);
      holdOrder(db, { ref }, 'check address', NOW);
      expect(releaseOrder(db, { ref }, NOW).status).toBe(from);
      expect(() => releaseOrder(db, { ref }, NOW)).toThrow(expect.objectContaining({ kind: 'conflict', key: 'order.notHeld' }));
    }
  });

  it('a refused transition names the current state and what may come next', () => {
    const db = orderDb();
    const ref = reach(db, 'shipped');
    expect(() => cancelOrder(db, { ref }, 'too late', NOW)).toThrow(expect.objectContaining({ params: expect.objectContaining({ from: 'shipped', allowed: 'delivered, completed' }) }));
  });
});
