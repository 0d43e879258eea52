import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open.js';
import { ShopkeepError } from '../../src/domain/errors.js';
import { cancelOrder } from '../../src/domain/orders/transitions.js';
import { customerDetail, editCustomer, findCustomer, listCustomers } from '../../src/domain/service/customers.js';
import { addReview } from '../../src/domain/service/reviews.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { NOW } from '../helpers/db.js';
import { order, orderDb } from '../helpers/orders.js';

const FANG = { name: '王芳', phone: '13812345678', email: 'fang@example.com' };
const LEI = { name: '李雷', phone: '13900001111', email: 'lei@example.com' };
const DAY = 86_400_000;

function kindOf(work: () => unknown): string | undefined {
  try {
    work();
  } catch (error) {
    if (error instanceof ShopkeepError) return error.kind;
    throw error;
  }
  return undefined;
}

/** 王芳: A×2 (20.00) and B×1 (25.50) paid, a cancelled B×1, and one refund of 5.00; 李雷: C×1 (99.00) paid. */
function customersDb(): Db {
  const db = orderDb();
  order(db, [{ sku: 'A', quantity: 2 }], { paid: true, buyer: FANG, platformOrderId: 'F1', placedAt: NOW - 10 * DAY });
  order(db, [{ sku: 'B', quantity: 1 }], { paid: true, buyer: FANG, platformOrderId: 'F2', placedAt: NOW - 2 * DAY });
  order(db, [{ sku: 'B', quantity: 1 }], { paid: true, buyer: FANG, platformOrderId: 'F3', placedAt: NOW - DAY });
  cancelOrder(db, { ref: 'F3' }, 'changed mind', NOW);
  db.prepare("UPDATE sales_order SET refunded = 500 WHERE platform_order_id = 'F2'").run();
  order(db, [{ sku: 'C', quantity: 1 }], { paid: true, buyer: LEI, platformOrderId: 'L1', placedAt: NOW - 5 * DAY });
  return db;
}

describe('customer references', () => {
  it('finds a customer by C-id, bare id, buyer id, email and phone', () => {
    const db = customersDb();
    const fang = findCustomer(db, 'fang@example.com');
    expect(fang.name).toBe('王芳');
    expect(findCustomer(db, `C-${fang.id}`).id).toBe(fang.id);
    expect(findCustomer(db, `c${fang.id}`).id).toBe(fang.id);
    expect(findCustomer(db, String(fang.id)).id).toBe(fang.id);
    expect(findCustomer(db, 'FANG@EXAMPLE.COM').id).toBe(fang.id);
    expect(findCustomer(db, '+86 138-1234-5678').id).toBe(fang.id);
    expect(findCustomer(db, '13812345678').id).toBe(fang.id);
    db.prepare('UPDATE customer SET platform_buyer_id = ? WHERE id = ?').run('tb_fang', fang.id);
    expect(findCustomer(db, 'tb_fang').id).toBe(fang.id);
  });

  it('is exit 3 when nothing matches, and asks for --shop when the buyer is in two shops', () => {
    const db = customersDb();
    expect(kindOf(() => findCustomer(db, 'nobody@example.com'))).toBe('not_found');
    expect(kindOf(() => findCustomer(db, 'C-999'))).toBe('not_found');
    addShop(db, { name: 'Tea Shopify', platform: 'shopify', currency: 'USD', timezone: 'America/New_York' }, NOW);
    order(db, [{ sku: 'A', quantity: 1, unitPrice: '3.00' }], { shop: 'Tea Shopify', paid: true, buyer: FANG, platformOrderId: 'S1' });
    expect(kindOf(() => findCustomer(db, 'fang@example.com'))).toBe('usage');
    expect(findCustomer(db, 'fang@example.com', 'Tea Shopify').shop).toBe('Tea Shopify');
  });
});

describe('customer show', () => {
  it('sums lifetime spend (paid − refunded, cancelled left out), AOV and the first and last order', () => {
    const db = customersDb();
    const c = customerDetail(db, 'fang@example.com');
    expect(c.orders).toBe(3);
    expect(c.spend).toEqual([{ currency: 'CNY', paidOrders: 2, paid: 4550, refunded: 500, spend: 4050, averageOrder: 2275 }]);
    expect(c.firstOrderAt).toBe(NOW - 10 * DAY);
    expect(c.lastOrderAt).toBe(NOW - DAY);
    expect(c.recentOrders.map((o) => o.platformOrderId)).toEqual(['F3', 'F2', 'F1']);
    expect(c.tickets).toEqual({ count: 0, recent: [] });
    expect(c.returns).toEqual({ count: 0, recent: [] });
    expect(c.reviews).toEqual({ count: 0, recent: [] });
  });

  it('counts the tickets, returns and reviews linked to the customer or to their orders', () => {
    const db = customersDb();
    const fang = findCustomer(db, 'fang@example.com');
    const f1 = db.prepare("SELECT id FROM sales_order WHERE platform_order_id = 'F1'").pluck().get() as number;
    const insertTicket = db.prepare(
      "INSERT INTO ticket (shop_id, customer_id, order_id, type, channel, subject, opened_at, updated_at) VALUES (1, ?, ?, 'order', 'chat', ?, ?, ?)",
    );
    insertTicket.run(fang.id, null, 'where is my parcel', NOW - 3 * DAY, NOW);
    insertTicket.run(null, f1, 'wrong colour', NOW - 2 * DAY, NOW);
    insertTicket.run(null, null, 'someone else', NOW, NOW);
    db.prepare("INSERT INTO return_request (order_id, type, status, reason, refund_amount, opened_at, updated_at) VALUES (?, 'return', 'requested', 'broken', 2000, ?, ?)").run(f1, NOW, NOW);
    addReview(db, { order: 'F1', rating: 2, text: '一般' }, NOW);
    addReview(db, { order: 'L1', rating: 5 }, NOW);
    const c = customerDetail(db, `C-${fang.id}`);
    expect(c.tickets.count).toBe(2);
    expect(c.tickets.recent.map((t) => t.subject)).toEqual(['wrong colour', 'where is my parcel']);
    expect(c.returns).toMatchObject({ count: 1, recent: [{ reason: 'broken', refundAmount: 2000, platformOrderId: 'F1', currency: 'CNY' }] });
    expect(c.reviews).toMatchObject({ count: 1, recent: [{ rating: 2, body: '一般', sku: 'A', platformOrderId: 'F1' }] });
  });
});

describe('customer list', () => {
  it('searches names, phones and emails, filters by shop and tag', () => {
    const db = customersDb();
    expect(listCustomers(db, { search: '王' }).map((c) => c.name)).toEqual(['王芳']);
    expect(listCustomers(db, { search: '1390000' }).map((c) => c.name)).toEqual(['李雷']);
    expect(listCustomers(db, { search: 'example.com' }).map((c) => c.name)).toEqual(['王芳', '李雷']);
    expect(listCustomers(db, { shop: 'Tea House' })).toHaveLength(2);
    editCustomer(db, 'lei@example.com', { tag: ['VIP', 'wholesale'] });
    expect(listCustomers(db, { tags: ['vip'] }).map((c) => c.name)).toEqual(['李雷']);
    expect(listCustomers(db, { tags: ['vip', 'retail'] })).toEqual([]);
  });

  it('ranks the biggest spenders per currency with --top', () => {
    const db = customersDb();
    addShop(db, { name: 'Tea Shopify', platform: 'shopify', currency: 'USD', timezone: 'America/New_York' }, NOW);
    order(db, [{ sku: 'A', quantity: 1, unitPrice: '3.00' }], { shop: 'Tea Shopify', paid: true, buyer: { name: 'Ann Lee', email: 'ann@example.com' }, platformOrderId: 'S1' });
    const top = listCustomers(db, { top: 1 });
    expect(top.map((c) => [c.name, c.rank, c.spend[0]!.currency, c.spend[0]!.spend])).toEqual([
      ['李雷', 1, 'CNY', 9900],
      ['Ann Lee', 1, 'USD', 300],
    ]);
    expect(listCustomers(db, { top: 5, shop: 'Tea House' }).map((c) => c.name)).toEqual(['李雷', '王芳']);
    expect(kindOf(() => listCustomers(db, { top: 0 }))).toBe('usage');
  });
});

describe('customer edit', () => {
  it('adds and removes tags without case duplicates and sets or clears the note', () => {
    const db = customersDb();
    let r = editCustomer(db, 'fang@example.com', { tag: ['vip,repeat'], note: ' prefers SF ' });
    expect(r).toMatchObject({ changed: true, customer: { tags: ['vip', 'repeat'], note: 'prefers SF' } });
    r = editCustomer(db, 'fang@example.com', { tag: ['VIP'] });
    expect(r.changed).toBe(false);
    r = editCustomer(db, 'fang@example.com', { untag: ['VIP'], note: '' });
    expect(r.customer).toMatchObject({ tags: ['repeat'], note: null });
    expect(findCustomer(db, 'fang@example.com').tags).toEqual(['repeat']);
    expect(kindOf(() => editCustomer(db, 'fang@example.com', {}))).toBe('usage');
    expect(kindOf(() => editCustomer(db, 'fang@example.com', { tag: ['x'.repeat(41)] }))).toBe('usage');
  });
});
