import { describe, expect, it } from 'vitest';
import { findSku } from '../../src/domain/catalog/lookup.js';
import { checkDatabase } from '../../src/domain/admin/database.js';
import { checkOrders } from '../../src/domain/orders/check.js';
import { getOrder } from '../../src/domain/orders/find.js';
import { parseItems } from '../../src/domain/orders/items.js';
import { listOrders, orderFilter } from '../../src/domain/orders/list.js';
import { mergeOrders, splitOrder } from '../../src/domain/orders/merge-split.js';
import { shipOrder } from '../../src/domain/orders/ship.js';
import { shipFromCsv } from '../../src/domain/orders/ship-batch.js';
import { cancelOrder, holdOrder, payOrder } from '../../src/domain/orders/transitions.js';
import { listMovements } from '../../src/domain/inventory/stock.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { orderListJsonText } from '../../src/db/queries/order-list.js';
import { orderListJson } from '../../src/cli/views/orders.js';
import { NOW } from '../helpers/db.js';
import { ADDRESS, order, orderDb } from '../helpers/orders.js';

const stock = (db: ReturnType<typeof orderDb>, code: string) => {
  const s = findSku(db, code);
  return { onHand: s.onHand, reserved: s.reserved, available: s.onHand - s.reserved };
};

describe('adding orders', () => {
  it('prices lines from the SKU, totals in minor units, numbers manual orders per shop day', () => {
    const db = orderDb();
    const o = order(db, [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1, unitPrice: '20.00' }], { shipping: '8', discount: '3.50' });
    expect(o).toMatchObject({ platformOrderId: 'M20261125-001', status: 'pending_payment', currency: 'CNY', itemSubtotal: 4000, shipping: 800, discount: 350, total: 4450, paid: 0 });
    expect(o.lines.map((l) => [l.skuCode, l.title, l.quantity, l.unitPrice])).toEqual([
      ['A', 'Tea A', 2, 1000],
      ['B', 'Tea B', 1, 2000],
    ]);
    expect(order(db, [{ sku: 'A', quantity: 1 }]).platformOrderId).toBe('M20261125-002');
    expect(o.events.map((e) => e.kind)).toEqual(['created']);
  });

  it('matches the buyer by phone, never by a masked phone', () => {
    const db = orderDb();
    const a = order(db, [{ sku: 'A', quantity: 1 }], { buyer: { name: '王芳', phone: '13812345678' } });
    const b = order(db, [{ sku: 'A', quantity: 1 }], { buyer: { phone: '13812345678' } });
    const masked1 = order(db, [{ sku: 'A', quantity: 1 }], { buyer: { name: 'X', phone: '138****5678' } });
    const masked2 = order(db, [{ sku: 'A', quantity: 1 }], { buyer: { name: 'Y', phone: '138****5678' } });
    expect(b.customerId).toBe(a.customerId);
    expect(masked1.customerId).not.toBe(a.customerId);
    expect(masked2.customerId).not.toBe(masked1.customerId);
  });

  it('refuses a duplicate number, an unknown SKU (3), a bad item list (2), a price in another currency without one', () => {
    const db = orderDb();
    order(db, [{ sku: 'A', quantity: 1 }], { platformOrderId: 'X1' });
    expect(() => order(db, [{ sku: 'A', quantity: 1 }], { platformOrderId: 'X1' })).toThrow(expect.objectContaining({ kind: 'conflict', key: 'order.exists' }));
    expect(() => order(db, [{ sku: 'ZZZ', quantity: 1 }])).toThrow(expect.objectContaining({ kind: 'not_found' }));
    expect(() => parseItems('A:0')).toThrow(expect.objectContaining({ kind: 'usage' }));
    expect(() => parseItems('A:x')).toThrow(expect.objectContaining({ kind: 'usage' }));
    expect(parseItems('A:2, B@9.90,C:3@1')).toEqual([{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1, unitPrice: '9.90' }, { sku: 'C', quantity: 3, unitPrice: '1' }]);
    addShop(db, { name: 'US', platform: 'shopify', currency: 'USD', timezone: 'America/New_York' }, NOW);
    expect(() => order(db, [{ sku: 'A', quantity: 1 }], { shop: 'US' })).toThrow(expect.objectContaining({ key: 'order.priceNeeded' }));
    expect(order(db, [{ sku: 'A', quantity: 1, unitPrice: '1.99' }], { shop: 'US' }).total).toBe(199);
  });
});

describe('stock follows orders', () => {
  it('paying reserves, shipping turns the reservation into a sale movement, cancelling releases', () => {
    const db = orderDb();
    const o = order(db, [{ sku: 'A', quantity: 3 }]);
    payOrder(db, { ref: o.platformOrderId }, {}, NOW);
    expect(stock(db, 'A')).toEqual({ onHand: 10, reserved: 3, available: 7 });
    shipOrder(db, { ref: o.platformOrderId, carrier: 'SF', tracking: 'SF1234567890123', items: [{ sku: 'A', quantity: 1 }] }, NOW);
    expect(stock(db, 'A')).toEqual({ onHand: 9, reserved: 2, available: 7 });
    expect(listMovements(db, { sku: 'A' })[0]).toMatchObject({ kind: 'sale', quantity: -1, reference: `order ${o.platformOrderId}` });
    const p = order(db, [{ sku: 'A', quantity: 4 }], { paid: true });
    expect(stock(db, 'A')).toEqual({ onHand: 9, reserved: 6, available: 3 });
    cancelOrder(db, { ref: p.platformOrderId }, 'buyer cancelled', NOW);
    expect(stock(db, 'A')).toEqual({ onHand: 9, reserved: 2, available: 7 });
  });

  it('refuses to oversell, naming each SKU and how many are short, and reserves nothing', () => {
    const db = orderDb();
    const o = order(db, [{ sku: 'A', quantity: 12 }, { sku: 'B', quantity: 7 }, { sku: 'C', quantity: 50 }]);
    let error: { kind?: string; details?: { params?: Record<string, unknown> }[] } = {};
    try {
      payOrder(db, { ref: o.platformOrderId }, {}, NOW);
    } catch (e) {
      error = e as typeof error;
    }
    expect(error.kind).toBe('conflict');
    expect(error.details?.map((d) => d.params)).toEqual([
      { sku: 'A', wanted: 12, available: 10, short: 2 },
      { sku: 'B', wanted: 7, available: 5, short: 2 },
    ]);
    expect([stock(db, 'A').reserved, stock(db, 'B').reserved, stock(db, 'C').reserved]).toEqual([0, 0, 0]);
    expect(getOrder(db, o.platformOrderId).status).toBe('pending_payment');
  });

  it('lets a backorder SKU be reserved beyond stock, but never ships what is not on hand', () => {
    const db = orderDb();
    const o = order(db, [{ sku: 'C', quantity: 2 }], { paid: true });
    expect(stock(db, 'C')).toEqual({ onHand: 0, reserved: 2, available: -2 });
    expect(() => shipOrder(db, { ref: o.platformOrderId, carrier: 'SF', tracking: 'SF1234567890123' }, NOW)).toThrow(expect.objectContaining({ kind: 'conflict', key: 'stock.wouldGoNegative' }));
    expect(getOrder(db, o.platformOrderId).shipments).toEqual([]);
  });
});

describe('shipping', () => {
  it('ships partially, then the rest, with tracking and events', () => {
    const db = orderDb();
    const o = order(db, [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }], { paid: true });
    const first = shipOrder(db, { ref: o.platformOrderId, carrier: 'zto', tracking: '731234567890', items: [{ sku: 'A', quantity: 2 }] }, NOW);
    expect(first.order.status).toBe('partially_shipped');
    expect(first.warnings).toEqual([]);
    const second = shipOrder(db, { ref: o.platformOrderId, carrier: 'UPS', tracking: 'bad' }, NOW + 1000);
    expect(second.order.status).toBe('shipped');
    expect(second.warnings).toEqual([{ key: 'carrier.oddTracking', params: { tracking: 'bad', carrier: 'UPS' } }]);
    expect(second.order.shipments.map((s) => [s.carrier, s.trackingNumber, s.lines.map((l) => [l.skuCode, l.quantity])])).toEqual([
      ['ZTO', '731234567890', [['A', 2]]],
      ['UPS', 'bad', [['B', 1]]],
    ]);
    expect(second.order.events.filter((e) => e.kind === 'tracking').map((e) => e.to)).toEqual(['ZTO 731234567890', 'UPS bad']);
  });

  it('refuses unpaid, cancelled, items not on the order and more than remains (4)', () => {
    const db = orderDb();
    const unpaid = order(db, [{ sku: 'A', quantity: 1 }]);
    const ship = (ref: string, items?: { sku: string; quantity: number }[]) => () => shipOrder(db, { ref, carrier: 'SF', tracking: 'SF1234567890123', items }, NOW);
    expect(ship(unpaid.platformOrderId)).toThrow(expect.objectContaining({ kind: 'conflict', key: 'order.badTransition' }));
    cancelOrder(db, { ref: unpaid.platformOrderId }, 'x', NOW);
    expect(ship(unpaid.platformOrderId)).toThrow(expect.objectContaining({ kind: 'conflict' }));
    const paid = order(db, [{ sku: 'A', quantity: 1 }], { paid: true });
    expect(ship(paid.platformOrderId, [{ sku: 'B', quantity: 1 }])).toThrow(expect.objectContaining({ kind: 'conflict', key: 'order.itemNotOnOrder' }));
    expect(ship(paid.platformOrderId, [{ sku: 'A', quantity: 2 }])).toThrow(expect.objectContaining({ kind: 'conflict', key: 'order.itemTooMany' }));
    expect(getOrder(db, paid.platformOrderId).status).toBe('paid');
  });

  it('ships a CSV all or nothing, listing every bad line', () => {
    const db = orderDb();
    const a = order(db, [{ sku: 'A', quantity: 1 }], { paid: true });
    const b = order(db, [{ sku: 'B', quantity: 1 }], { paid: true });
    const unpaid = order(db, [{ sku: 'A', quantity: 1 }]);
    const bad = `order,carrier,tracking\n${a.platformOrderId},SF,SF1234567890123\nNOPE,SF,1\n${unpaid.platformOrderId},SF,SF1\n${b.platformOrderId},,SF2\n`;
    let error: { kind?: string; details?: { line?: number; key: string }[] } = {};
    try {
      shipFromCsv(db, Buffer.from(bad), 'ship.csv', NOW);
    } catch (e) {
      error = e as typeof error;
    }
    expect(error.kind).toBe('invalid_data');
    expect(error.details?.map((d) => [d.line, d.key])).toEqual([
      [3, 'order.notFound'],
      [4, 'order.badTransition'],
      [5, 'input.missingFlag'],
    ]);
    expect(getOrder(db, a.platformOrderId).status).toBe('paid');
    const good = `order,carrier,tracking\r\n${a.platformOrderId},SF,SF1234567890123\r\n${b.platformOrderId},顺丰,SF1234567890124\r\n`;
    expect(shipFromCsv(db, Buffer.from(good), 'ship.csv', NOW).shipped).toBe(2);
    expect([getOrder(db, a.platformOrderId).status, getOrder(db, b.platformOrderId).status]).toEqual(['shipped', 'shipped']);
  });
});

describe('merge and split', () => {
  it('merges B into A: lines, money and reservations move, B is cancelled', () => {
    const db = orderDb();
    const a = order(db, [{ sku: 'A', quantity: 1 }], { paid: true, shipping: '5' });
    const b = order(db, [{ sku: 'B', quantity: 2 }], { paid: true });
    const { into, from } = mergeOrders(db, { ref: a.platformOrderId }, { ref: b.platformOrderId }, NOW);
    expect(into.lines.map((l) => [l.skuCode, l.quantity, l.reserved])).toEqual([
      ['A', 1, 1],
      ['B', 2, 2],
    ]);
    expect([into.total, into.paid, from.total, from.status]).toEqual([1000 + 500 + 5100, 1000 + 500 + 5100, 0, 'cancelled']);
    expect(stock(db, 'B').reserved).toBe(2);
    expect(checkDatabase(db)).toEqual([]);
  });

  it('refuses to merge different buyers or addresses, shipped or held orders', () => {
    const db = orderDb();
    const a = order(db, [{ sku: 'A', quantity: 1 }], { paid: true });
    const other = order(db, [{ sku: 'A', quantity: 1 }], { paid: true, address: { ...ADDRESS, street: '另一条路 9 号' } });
    expect(() => mergeOrders(db, { ref: a.platformOrderId }, { ref: other.platformOrderId }, NOW)).toThrow(expect.objectContaining({ key: 'order.mergeMismatch' }));
    const unpaid = order(db, [{ sku: 'A', quantity: 1 }]);
    expect(() => mergeOrders(db, { ref: a.platformOrderId }, { ref: unpaid.platformOrderId }, NOW)).toThrow(expect.objectContaining({ key: 'order.mergeMismatch' }));
    holdOrder(db, { ref: other.platformOrderId }, 'x', NOW);
    expect(() => mergeOrders(db, { ref: a.platformOrderId }, { ref: other.platformOrderId }, NOW)).toThrow(expect.objectContaining({ key: 'order.notMergeable' }));
  });

  it('splits items into a new order, reservations and payment with them', () => {
    const db = orderDb();
    const o = order(db, [{ sku: 'A', quantity: 3 }, { sku: 'B', quantity: 1 }], { paid: true });
    const { original, created } = splitOrder(db, { ref: o.platformOrderId }, [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }], NOW);
    expect(created).toMatchObject({ platformOrderId: `${o.platformOrderId}-S1`, status: 'paid', total: 4550, paid: 4550, source: 'split' });
    expect(original).toMatchObject({ total: 1000, paid: 1000 });
    expect(original.lines.map((l) => [l.skuCode, l.quantity, l.reserved])).toEqual([['A', 1, 1]]);
    expect(created.lines.map((l) => [l.skuCode, l.quantity, l.reserved])).toEqual([
      ['B', 1, 1],
      ['A', 2, 2],
    ]);
    expect(stock(db, 'A').reserved).toBe(3);
    expect(() => splitOrder(db, { ref: original.platformOrderId }, [{ sku: 'A', quantity: 1 }], NOW)).toThrow(expect.objectContaining({ key: 'order.splitAll' }));
    expect(checkDatabase(db)).toEqual([]);
  });
});

describe('order check', () => {
  it('flags what a seller should look at', () => {
    const db = orderDb();
    const fine = order(db, [{ sku: 'A', quantity: 1 }], { paid: true });
    expect(checkOrders(db, { ref: fine.platformOrderId })[0]!.flags).toEqual([]);
    const dup = order(db, [{ sku: 'B', quantity: 1 }], { paid: true });
    const odd = order(db, [{ sku: 'A', quantity: 6 }], { buyer: { name: '赵六' }, address: { name: '赵六', city: '上海市' }, buyerNote: '请用顺丰' });
    const codes = (ref: string) => checkOrders(db, { ref })[0]!.flags.map((f) => f.code);
    expect(codes(dup.platformOrderId)).toEqual(['possible_duplicate']);
    expect(codes(odd.platformOrderId)).toEqual(['address_incomplete', 'phone_missing', 'buyer_note', 'unusual_quantity']);
    expect(checkOrders(db, {}).map((c) => c.order.platformOrderId)).toEqual([fine.platformOrderId, dup.platformOrderId, odd.platformOrderId]);
  });
});

describe('order list', () => {
  it('puts an order at 00:30 Beijing time on that Beijing day, whatever the process zone', () => {
    const db = orderDb();
    const early = order(db, [{ sku: 'A', quantity: 1 }], { placedAt: Date.parse('2026-11-24T16:30:00Z') });
    order(db, [{ sku: 'A', quantity: 1 }], { placedAt: Date.parse('2026-11-24T15:59:00Z') });
    const ids = (from: string, to: string) => listOrders(db, { from, to }, NOW).map((o) => o.platformOrderId);
    expect(ids('2026-11-25', '2026-11-25')).toEqual([early.platformOrderId]);
    expect(ids('2026-11-24', '2026-11-24')).toHaveLength(1);
  });

  it('gives the shipping queue oldest payment first, and the overdue ones', () => {
    const db = orderDb();
    const old = order(db, [{ sku: 'A', quantity: 1 }], { paid: true, placedAt: NOW - 72 * 3_600_000 });
    const fresh = order(db, [{ sku: 'A', quantity: 1 }], { paid: true, placedAt: NOW - 3_600_000 });
    order(db, [{ sku: 'A', quantity: 1 }]);
    expect(listOrders(db, { toShip: true }, NOW).map((o) => o.platformOrderId)).toEqual([old.platformOrderId, fresh.platformOrderId]);
    expect(listOrders(db, { overdueHours: 48 }, NOW).map((o) => o.platformOrderId)).toEqual([old.platformOrderId]);
    expect(listOrders(db, { overdueHours: 0 }, NOW)).toHaveLength(2);
    expect(listOrders(db, { statuses: ['pending_payment'] }, NOW)).toHaveLength(1);
    expect(listOrders(db, { sku: 'B' }, NOW)).toHaveLength(0);
    expect(listOrders(db, { buyer: '王' }, NOW)).toHaveLength(3);
    expect(() => listOrders(db, { statuses: ['lost'] }, NOW)).toThrow(expect.objectContaining({ kind: 'usage' }));
  });

  it('builds the same JSON in SQLite as in JS, in the same order', () => {
    const db = orderDb();
    order(db, [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1, unitPrice: '0.05' }], { paid: true, placedAt: NOW - 1 });
    order(db, [{ sku: 'C', quantity: 1 }], { placedAt: NOW - 999 });
    order(db, [{ sku: 'A', quantity: 1 }], { paid: true, placedAt: NOW - 5000 });
    for (const input of [{}, { toShip: true }, { statuses: ['pending_payment'] }]) {
      const filter = orderFilter(db, input, NOW);
      const js = listOrders(db, input, NOW).map((o) => orderListJson(getOrder(db, `id:${o.id}`)));
      expect(JSON.parse(orderListJsonText(db, filter))).toEqual(js);
    }
  });
});
