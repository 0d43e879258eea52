import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open.js';
import { checkDatabase } from '../../src/domain/admin/database.js';
import { adjustStock, listMovements } from '../../src/domain/inventory/stock.js';
import { findSku } from '../../src/domain/catalog/lookup.js';
import { getOrder } from '../../src/domain/orders/find.js';
import { shipOrder } from '../../src/domain/orders/ship.js';
import { returnsOpened } from '../../src/domain/service/returns-opened.js';
import {
  approveReturn,
  closeReturn,
  getReturn,
  linkReturnTicket,
  listReturnRequests,
  openReturn,
  receiveReturn,
  refundReturn,
  rejectReturn,
} from '../../src/domain/service/returns.js';
import { NOW } from '../helpers/db.js';
import { order, orderDb } from '../helpers/orders.js';

const HOUR = 3_600_000;

/** A paid and shipped order of the given items. */
function shipped(db: Db, items: { sku: string; quantity: number }[]) {
  const o = order(db, items, { paid: true });
  shipOrder(db, { ref: o.platformOrderId, carrier: 'SF', tracking: 'SF1234567890123' }, NOW);
  return o.platformOrderId;
}

const expectError = (fn: () => unknown, kind: string, key?: string) => expect(fn).toThrow(expect.objectContaining({ kind, ...(key && { key }) }));

function insertTicket(db: Db, shopId = 1, orderId: number | null = null): number {
  const info = db
    .prepare("INSERT INTO ticket (shop_id, order_id, type, channel, subject, opened_at, updated_at) VALUES (?, ?, 'aftersale', 'chat', 'broken lid', ?, ?)")
    .run(shopId, orderId, NOW, NOW);
  return Number(info.lastInsertRowid);
}

describe('return open', () => {
  it('opens a return on shipped units, numbered R-000001, logged on the order', () => {
    const db = orderDb();
    const ref = shipped(db, [{ sku: 'A', quantity: 3 }]);
    const r = openReturn(db, { order: ref, items: [{ sku: 'a', quantity: 2 }], type: 'return', reason: 'wrong flavour' }, NOW);
    expect(r).toMatchObject({ number: 'R-000001', status: 'requested', type: 'return', reason: 'wrong flavour', orderNumber: ref, refundAmount: 0 });
    expect(r.lines).toEqual([expect.objectContaining({ skuCode: 'A', quantity: 2, unitPrice: 1000 })]);
    expect(getOrder(db, ref).events.at(-1)).toMatchObject({ kind: 'note', to: 'requested', note: 'return R-000001 (return): A×2; wrong flavour' });
    expect(getReturn(db, 'r-1').id).toBe(r.id);
    expect(getReturn(db, 'id:1').id).toBe(r.id);
  });

  it('refuses more than was shipped, counting units already on the order\'s returns (exit 4)', () => {
    const db = orderDb();
    const o = order(db, [{ sku: 'A', quantity: 3 }], { paid: true });
    shipOrder(db, { ref: o.platformOrderId, carrier: 'SF', tracking: 'SF1234567890123', items: [{ sku: 'A', quantity: 2 }] }, NOW);
    expectError(() => openReturn(db, { order: o.platformOrderId, items: [{ sku: 'A', quantity: 3 }], type: 'return', reason: 'x' }, NOW), 'conflict', 'return.tooMany');
    openReturn(db, { order: o.platformOrderId, items: [{ sku: 'A', quantity: 1 }], type: 'return', reason: 'x' }, NOW);
    expectError(() => openReturn(db, { order: o.platformOrderId, items: [{ sku: 'A', quantity: 2 }], type: 'exchange', reason: 'x' }, NOW), 'conflict', 'return.tooMany');
    // the same SKU named twice counts twice
    expectError(() => openReturn(db, { order: o.platformOrderId, items: [{ sku: 'A', quantity: 1 }, { sku: 'A', quantity: 1 }], type: 'return', reason: 'x' }, NOW), 'conflict', 'return.tooMany');
    expect(listReturnRequests(db, {})).toHaveLength(1);
  });

  it('gives units back to the order when a return is rejected', () => {
    const db = orderDb();
    const ref = shipped(db, [{ sku: 'B', quantity: 1 }]);
    const r = openReturn(db, { order: ref, items: [{ sku: 'B', quantity: 1 }], type: 'return', reason: 'x' }, NOW);
    expectError(() => openReturn(db, { order: ref, items: [{ sku: 'B', quantity: 1 }], type: 'return', reason: 'y' }, NOW), 'conflict', 'return.tooMany');
    rejectReturn(db, r.number, { reason: 'used' }, NOW);
    expect(openReturn(db, { order: ref, items: [{ sku: 'B', quantity: 1 }], type: 'return', reason: 'y' }, NOW).number).toBe('R-000002');
  });

  it('refuses unshipped orders, SKUs not on the order, bad types and missing values', () => {
    const db = orderDb();
    const unshipped = order(db, [{ sku: 'A', quantity: 1 }], { paid: true }).platformOrderId;
    expectError(() => openReturn(db, { order: unshipped, items: [{ sku: 'A', quantity: 1 }], type: 'return', reason: 'x' }, NOW), 'conflict', 'return.tooMany');
    const ref = shipped(db, [{ sku: 'A', quantity: 1 }]);
    expectError(() => openReturn(db, { order: ref, items: [{ sku: 'B', quantity: 1 }], type: 'return', reason: 'x' }, NOW), 'conflict', 'return.itemNotOnOrder');
    expectError(() => openReturn(db, { order: ref, items: [{ sku: 'A', quantity: 1 }], type: 'swap', reason: 'x' }, NOW), 'usage');
    expectError(() => openReturn(db, { order: ref, items: [{ sku: 'A', quantity: 1 }], type: 'return', reason: ' ' }, NOW), 'usage');
    expectError(() => openReturn(db, { order: ref, type: 'return', reason: 'x' }, NOW), 'usage', 'return.itemsNeeded');
    expectError(() => openReturn(db, { order: 'nope', items: [{ sku: 'A', quantity: 1 }], type: 'return', reason: 'x' }, NOW), 'not_found');
    expectError(() => getReturn(db, 'R-000099'), 'not_found', 'return.notFound');
  });

  it('links a ticket of the same shop and order, on open or later', () => {
    const db = orderDb();
    const ref = shipped(db, [{ sku: 'A', quantity: 2 }]);
    const orderId = getOrder(db, ref).id;
    const t1 = insertTicket(db, 1, orderId);
    const r = openReturn(db, { order: ref, items: [{ sku: 'A', quantity: 1 }], type: 'return', reason: 'x', ticket: `T-${t1}` }, NOW);
    expect(r.ticket).toMatchObject({ id: t1, subject: 'broken lid', status: 'open' });
    expectError(() => openReturn(db, { order: ref, items: [{ sku: 'A', quantity: 1 }], type: 'return', reason: 'x', ticket: '999' }, NOW), 'not_found', 'return.ticketNotFound');
    expectError(() => openReturn(db, { order: ref, items: [{ sku: 'A', quantity: 1 }], type: 'return', reason: 'x', ticket: 'abc' }, NOW), 'usage');
    const other = shipped(db, [{ sku: 'A', quantity: 1 }]);
    const r2 = openReturn(db, { order: other, items: [{ sku: 'A', quantity: 1 }], type: 'return', reason: 'x' }, NOW);
    expectError(() => linkReturnTicket(db, r2.number, String(t1), NOW), 'conflict', 'return.ticketOtherOrder');
    const t2 = insertTicket(db);
    expect(linkReturnTicket(db, r2.number, `#${t2}`, NOW).ticketId).toBe(t2);
    expect(listReturnRequests(db, {})).toHaveLength(2);
  });
});

describe('return flow: return', () => {
  it('resellable units come back into stock once, as a return movement; the refund lands on the order', () => {
    const db = orderDb();
    const ref = shipped(db, [{ sku: 'A', quantity: 3 }]);
    expect(findSku(db, 'A').onHand).toBe(7);
    const r = openReturn(db, { order: ref, items: [{ sku: 'A', quantity: 2 }], type: 'return', reason: 'too strong' }, NOW);
    expectError(() => receiveReturn(db, r.number, { condition: 'resellable' }, NOW), 'conflict', 'return.badTransition');
    approveReturn(db, r.number, {}, NOW + HOUR);
    const got = receiveReturn(db, r.number, { condition: 'resellable', note: 'sealed' }, NOW + 2 * HOUR);
    expect(got.replacement).toBeNull();
    expect(got.return).toMatchObject({ status: 'received', condition: 'resellable', note: 'sealed' });
    expect(findSku(db, 'A').onHand).toBe(9);
    const moves = listMovements(db, { sku: 'A', limit: 10 });
    expect(moves[0]).toMatchObject({ kind: 'return', quantity: 2, reference: 'return R-000001', onHandAfter: 9 });
    expectError(() => receiveReturn(db, r.number, { condition: 'resellable' }, NOW), 'conflict', 'return.alreadyReceived');
    expect(findSku(db, 'A').onHand).toBe(9);

    const refunded = refundReturn(db, r.number, { amount: '20.00' }, NOW + 3 * HOUR);
    expect(refunded).toMatchObject({ status: 'refunded', refundAmount: 2000, order: { paid: 3000, refunded: 2000 } });
    const o = getOrder(db, ref);
    expect(o.refunded).toBe(2000);
    expect(o.events.find((e) => e.kind === 'payment' && e.note === 'return R-000001')).toMatchObject({ from: 'refunded 0', to: 'refunded 2000' });
    expectError(() => refundReturn(db, r.number, { amount: '1' }, NOW), 'conflict', 'return.alreadyRefunded');
    const closed = closeReturn(db, r.number, {}, NOW + 4 * HOUR);
    expect(closed.status).toBe('closed');
    expectError(() => approveReturn(db, r.number, {}, NOW), 'conflict', 'return.badTransition');
    expect(checkDatabase(db)).toEqual([]);
  });

  it('damaged and scrapped units are recorded without adding sellable stock', () => {
    const db = orderDb();
    const ref = shipped(db, [{ sku: 'A', quantity: 2 }, { sku: 'B', quantity: 1 }]);
    const a = openReturn(db, { order: ref, items: [{ sku: 'A', quantity: 1 }], type: 'return', reason: 'dented' }, NOW);
    const b = openReturn(db, { order: ref, items: [{ sku: 'B', quantity: 1 }], type: 'return', reason: 'broken' }, NOW);
    for (const r of [a, b]) approveReturn(db, r.number, {}, NOW);
    expect(receiveReturn(db, a.number, { condition: 'damaged' }, NOW).return.condition).toBe('damaged');
    expect(receiveReturn(db, b.number, { condition: 'SCRAP' }, NOW).return.condition).toBe('scrap');
    expect(findSku(db, 'A').onHand).toBe(8);
    expect(findSku(db, 'B').onHand).toBe(4);
    expect(listMovements(db, { limit: 100 }).filter((m) => m.kind === 'return')).toEqual([]);
    expectError(() => receiveReturn(db, a.number, { condition: 'resellable' }, NOW), 'conflict', 'return.alreadyReceived');
    expectError(() => receiveReturn(db, b.number, { condition: 'mint' }, NOW), 'usage');
  });

  it('refunds never go above what was paid, across all returns of the order (exit 4)', () => {
    const db = orderDb();
    const ref = shipped(db, [{ sku: 'A', quantity: 2 }]); // paid 20.00
    const r1 = openReturn(db, { order: ref, items: [{ sku: 'A', quantity: 1 }], type: 'refund_only', reason: 'bitter' }, NOW);
    const r2 = openReturn(db, { order: ref, type: 'refund_only', reason: 'late delivery' }, NOW);
    approveReturn(db, r1.number, {}, NOW);
    approveReturn(db, r2.number, {}, NOW);
    expectError(() => refundReturn(db, r1.number, { amount: '20.01' }, NOW), 'conflict', 'return.refundTooMuch');
    expectError(() => refundReturn(db, r1.number, { amount: '0' }, NOW), 'usage', 'return.amountPositive');
    expectError(() => refundReturn(db, r1.number, { amount: '1.234' }, NOW), 'usage');
    expectError(() => refundReturn(db, r1.number, {}, NOW), 'usage');
    refundReturn(db, r1.number, { amount: '15' }, NOW);
    expectError(() => refundReturn(db, r2.number, { amount: '5.01' }, NOW), 'conflict', 'return.refundTooMuch');
    refundReturn(db, r2.number, { amount: '5.00' }, NOW);
    expect(getOrder(db, ref)).toMatchObject({ paid: 2000, refunded: 2000 });
    expectError(() => openReturn(db, { order: ref, type: 'refund_only', reason: 'more' }, NOW), 'conflict', 'return.nothingToRefund');
    expectError(() => receiveReturn(db, r1.number, { condition: 'resellable' }, NOW), 'conflict');
    expect(findSku(db, 'A').onHand).toBe(8);
  });

  it('a return received but not refunded may be closed; rejected returns are final', () => {
    const db = orderDb();
    const ref = shipped(db, [{ sku: 'A', quantity: 2 }]);
    const r = openReturn(db, { order: ref, items: [{ sku: 'A', quantity: 1 }], type: 'return', reason: 'x' }, NOW);
    approveReturn(db, r.number, {}, NOW);
    receiveReturn(db, r.number, { condition: 'resellable' }, NOW);
    expect(closeReturn(db, r.number, { note: 'refunded on Taobao' }, NOW).status).toBe('closed');
    const x = openReturn(db, { order: ref, items: [{ sku: 'A', quantity: 1 }], type: 'return', reason: 'x' }, NOW);
    const rejected = rejectReturn(db, x.number, { reason: 'opened and used' }, NOW);
    expect(rejected).toMatchObject({ status: 'rejected', note: 'opened and used' });
    expectError(() => approveReturn(db, x.number, {}, NOW), 'conflict', 'return.badTransition');
    expectError(() => rejectReturn(db, x.number, { reason: '' }, NOW), 'usage');
  });
});

describe('return flow: exchange and repair', () => {
  it('an exchange creates the replacement order at receive, paid at 0, its stock reserved', () => {
    const db = orderDb();
    const ref = shipped(db, [{ sku: 'B', quantity: 2 }]);
    const r = openReturn(db, { order: ref, items: [{ sku: 'B', quantity: 1 }], type: 'exchange', reason: 'cracked' }, NOW);
    approveReturn(db, r.number, {}, NOW);
    expectError(() => closeReturn(db, r.number, {}, NOW), 'conflict', 'return.badTransition');
    const got = receiveReturn(db, r.number, { condition: 'damaged' }, NOW);
    expect(got.replacement).toMatchObject({ platformOrderId: `${ref}-X1`, status: 'paid', total: 0, paid: 0, shopId: 1 });
    expect(got.replacement!.lines).toEqual([expect.objectContaining({ skuCode: 'B', quantity: 1, unitPrice: 0, reserved: 1 })]);
    expect(got.replacement!.address).toEqual(getOrder(db, ref).address);
    expect(got.replacement!.customerId).toBe(getOrder(db, ref).customerId);
    expect(got.return).toMatchObject({ status: 'received', replacementOrderNumber: `${ref}-X1` });
    expect(findSku(db, 'B')).toMatchObject({ onHand: 3, reserved: 1 });
    expectError(() => refundReturn(db, r.number, { amount: '1' }, NOW), 'conflict', 'return.badTransition');
    expect(closeReturn(db, r.number, {}, NOW).status).toBe('closed');
    shipOrder(db, { ref: `${ref}-X1`, carrier: 'SF', tracking: 'SF1234567890124' }, NOW);
    expect(findSku(db, 'B')).toMatchObject({ onHand: 2, reserved: 0 });
    expect(checkDatabase(db)).toEqual([]);
  });

  it('a resellable exchange returns the unit first, then reserves the replacement', () => {
    const db = orderDb();
    const ref = shipped(db, [{ sku: 'B', quantity: 5 }]);
    expect(findSku(db, 'B').onHand).toBe(0);
    const r = openReturn(db, { order: ref, items: [{ sku: 'B', quantity: 1 }], type: 'exchange', reason: 'wrong size' }, NOW);
    approveReturn(db, r.number, {}, NOW);
    receiveReturn(db, r.number, { condition: 'resellable' }, NOW);
    expect(findSku(db, 'B')).toMatchObject({ onHand: 1, reserved: 1 });
  });

  it('short stock for the replacement is exit 4 naming the SKU, and nothing is written', () => {
    const db = orderDb();
    const ref = shipped(db, [{ sku: 'B', quantity: 5 }]);
    const r = openReturn(db, { order: ref, items: [{ sku: 'B', quantity: 2 }], type: 'exchange', reason: 'wrong size' }, NOW);
    approveReturn(db, r.number, {}, NOW);
    let error: unknown;
    try {
      receiveReturn(db, r.number, { condition: 'damaged' }, NOW);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ kind: 'conflict', key: 'order.oversell', details: [expect.objectContaining({ params: expect.objectContaining({ sku: 'B' }) })] });
    expect(getReturn(db, r.number)).toMatchObject({ status: 'approved', receivedAt: null, replacementOrderId: null });
    expect(() => getOrder(db, `${ref}-X1`)).toThrow();
    adjustStock(db, { sku: 'B', change: 2, reason: 'found' }, NOW);
    expect(receiveReturn(db, r.number, { condition: 'damaged' }, NOW).replacement?.platformOrderId).toBe(`${ref}-X1`);
  });

  it('a repair never adds stock, even resellable, and closes when sent back', () => {
    const db = orderDb();
    const ref = shipped(db, [{ sku: 'A', quantity: 1 }]);
    const r = openReturn(db, { order: ref, items: [{ sku: 'A', quantity: 1 }], type: 'repair', reason: 'lid hinge' }, NOW);
    approveReturn(db, r.number, {}, NOW);
    receiveReturn(db, r.number, { condition: 'resellable' }, NOW);
    expect(findSku(db, 'A').onHand).toBe(9);
    expectError(() => refundReturn(db, r.number, { amount: '1' }, NOW), 'conflict');
    expect(closeReturn(db, r.number, { note: 'sent back SF1' }, NOW)).toMatchObject({ status: 'closed', note: 'sent back SF1' });
  });
});

describe('return list and totals', () => {
  it('filters by status, type, shop and order', () => {
    const db = orderDb();
    const ref = shipped(db, [{ sku: 'A', quantity: 3 }]);
    const a = openReturn(db, { order: ref, items: [{ sku: 'A', quantity: 1 }], type: 'return', reason: 'x' }, NOW);
    openReturn(db, { order: ref, items: [{ sku: 'A', quantity: 1 }], type: 'exchange', reason: 'x' }, NOW + 1);
    approveReturn(db, a.number, {}, NOW);
    expect(listReturnRequests(db, {}).map((r) => r.number)).toEqual(['R-000002', 'R-000001']);
    expect(listReturnRequests(db, { statuses: ['approved'] }).map((r) => r.number)).toEqual(['R-000001']);
    expect(listReturnRequests(db, { types: ['exchange,repair'] }).map((r) => r.number)).toEqual(['R-000002']);
    expect(listReturnRequests(db, { shop: 'Tea House', order: ref })).toHaveLength(2);
    expectError(() => listReturnRequests(db, { statuses: ['done'] }), 'usage');
    expectError(() => listReturnRequests(db, { shop: 'Nope' }), 'not_found');
  });

  it('returnsOpened: returns opened in the period, in all and by type, for all shops or one', () => {
    const db = orderDb();
    const ref = shipped(db, [{ sku: 'A', quantity: 3 }]);
    const a = openReturn(db, { order: ref, items: [{ sku: 'A', quantity: 1 }], type: 'refund_only', reason: 'x' }, NOW);
    openReturn(db, { order: ref, items: [{ sku: 'A', quantity: 1 }], type: 'return', reason: 'x' }, NOW + 2 * HOUR);
    approveReturn(db, a.number, {}, NOW);
    refundReturn(db, a.number, { amount: '7.50' }, NOW + HOUR);
    expect(returnsOpened(db, { from: NOW, to: NOW + 2 * HOUR })).toEqual({
      opened: 1,
      openedByType: { return: 0, exchange: 0, refund_only: 1, repair: 0 },
    });
    expect(returnsOpened(db, { from: NOW, to: NOW + 3 * HOUR, shopId: 1 }).opened).toBe(2);
    expect(returnsOpened(db, { from: NOW + 2 * HOUR + 1, to: NOW + 3 * HOUR, shopId: 1 }).opened).toBe(0);
    expect(returnsOpened(db, { from: NOW, to: NOW + 3 * HOUR, shopId: 2 }).opened).toBe(0);
  });
});
