import type { Db } from '../../src/db/open.js';
import { addProduct } from '../../src/domain/catalog/products.js';
import { receiveStock } from '../../src/domain/inventory/stock.js';
import { addOrder } from '../../src/domain/orders/create.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { NOW } from '../helpers/db.js';

/** An instant from a Beijing wall time "YYYY-MM-DDTHH:mm". */
export const bj = (wall: string) => Date.parse(`${wall}:00+08:00`);

const ADDRESS = { province: '浙江省', city: '杭州市', street: '文三路 100 号' };

function paidOrder(db: Db, id: string, buyer: { name: string; phone: string }, items: { sku: string; quantity: number; unitPrice?: string }[], at: number, shop?: string) {
  return addOrder(db, { shop, platformOrderId: id, buyer, address: ADDRESS, items, paid: true, placedAt: at }, at);
}

/**
 * Tea House (Taobao, CNY, Asia/Shanghai), the report day 2026-11-20 and the day before. Hand-computed figures
 * for 2026-11-20 (compared with 2026-11-19):
 *  orders placed 4 (O1–O4; O5 cancelled) · units 5 · paid orders 3 · paid ¥55.50 · paying buyers 2 (王芳 twice, 李雷)
 *  new buyers 1 (王芳; 李雷 paid O0 the day before) · repurchase 1/2 · AOV ¥27.75 · refunds ¥5.00 · net ¥50.50
 *  visitors 250 · PV 600 · bounce 100/250 · add-to-cart 25/250 · conversion 2/250
 *  ad spend ¥100.00 · CTR 200/10000 · CPC ¥0.50 · ROAS 0.8 · tickets opened 2 resolved 1 · SLA breaches 2
 *  return rate 1 return / 2 shipped · rating (5 + 2) / 2 = 3.5
 * Previous day: O0 ¥10.00 paid by 李雷 at 23:30 Beijing, visitors 100; no ads, so ROAS, CTR and CPC are "—".
 */
export function seedKpi(db: Db): void {
  addShop(db, { name: 'Tea House', platform: 'taobao' }, NOW);
  addProduct(db, { title: 'Tea A', sku: { code: 'A', price: '10.00' } }, NOW);
  addProduct(db, { title: 'Tea B', sku: { code: 'B', price: '25.50' } }, NOW);
  receiveStock(db, { sku: 'A', quantity: 100 }, NOW);
  receiveStock(db, { sku: 'B', quantity: 100 }, NOW);
  addProduct(db, { title: 'Teapot C', sku: { code: 'C', price: '99.00' } }, NOW);
  receiveStock(db, { sku: 'C', quantity: 5 }, NOW);
  db.prepare("UPDATE sku SET lead_time_days = 30 WHERE code = 'C'").run();
  const wang = { name: '王芳', phone: '13812345678' };
  const li = { name: '李雷', phone: '13900001111' };
  // C: 4 sold in the 30 days before, 1 left, 30 days to restock → runs out first.
  paidOrder(db, 'O7', { name: 'Old Buyer', phone: '13500004444' }, [{ sku: 'C', quantity: 4 }], bj('2026-11-10T12:00'));
  paidOrder(db, 'O0', li, [{ sku: 'A', quantity: 1 }], bj('2026-11-19T23:30'));
  // 00:30 Beijing on the 20th is 16:30 UTC on the 19th: it belongs to the 20th.
  paidOrder(db, 'O1', wang, [{ sku: 'A', quantity: 2 }], bj('2026-11-20T00:30'));
  paidOrder(db, 'O2', wang, [{ sku: 'B', quantity: 1 }], bj('2026-11-20T10:00'));
  paidOrder(db, 'O3', li, [{ sku: 'A', quantity: 1 }], bj('2026-11-20T12:00'));
  addOrder(db, { platformOrderId: 'O4', buyer: { name: '张三', phone: '13700002222' }, address: ADDRESS, items: [{ sku: 'A', quantity: 1 }], placedAt: bj('2026-11-20T13:00') }, bj('2026-11-20T13:00'));
  addOrder(db, { platformOrderId: 'O5', buyer: { name: '赵四', phone: '13600003333' }, address: ADDRESS, items: [{ sku: 'B', quantity: 3 }], placedAt: bj('2026-11-20T14:00') }, bj('2026-11-20T14:00'));
  db.prepare("UPDATE sales_order SET status = 'cancelled', cancelled_at = ? WHERE platform_order_id = 'O5'").run(bj('2026-11-20T15:00'));
  // The next Beijing day starts at 16:00 UTC: not in the report.
  paidOrder(db, 'O6', li, [{ sku: 'B', quantity: 1 }], bj('2026-11-21T00:10'));

  const orderId = (p: string) => db.prepare('SELECT id FROM sales_order WHERE platform_order_id = ?').pluck().get(p) as number;
  const ship = db.prepare("INSERT INTO shipment (order_id, carrier, tracking_number, shipped_at) VALUES (?, 'sf', ?, ?)");
  ship.run(orderId('O1'), 'SF1', bj('2026-11-20T16:00'));
  ship.run(orderId('O3'), 'SF3', bj('2026-11-20T17:00'));
  // A refund-only return of ¥5.00 on O2, refunded at 19:00, written as `return refund` writes it.
  const refund = db.prepare(
    `INSERT INTO return_request (order_id, type, status, reason, refund_amount, opened_at, refunded_at, updated_at)
     VALUES (?, 'refund_only', 'refunded', 'damaged box', 500, ?, ?, ?)`,
  ).run(orderId('O2'), bj('2026-11-20T18:00'), bj('2026-11-20T19:00'), bj('2026-11-20T19:00'));
  db.prepare('UPDATE sales_order SET refunded = 500 WHERE id = ?').run(orderId('O2'));
  db.prepare("INSERT INTO order_refund (order_id, at, amount, source, return_id) VALUES (?, ?, 500, 'return', ?)").run(orderId('O2'), bj('2026-11-20T19:00'), refund.lastInsertRowid);

  const shopId = 1;
  const traffic = db.prepare('INSERT INTO traffic_daily (shop_id, day, sku_id, source, visitors, page_views, bounced, add_to_cart) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  // The 20th has an all-sources row, which counts alone (its 'search' row is part of it); the 19th only has its
  // sources, which are summed, and one of them gives no add-to-cart figure (its visitors stay out of that rate).
  traffic.run(shopId, '2026-11-20', null, '', 200, 500, 80, 20);
  traffic.run(shopId, '2026-11-20', null, 'search', 50, 100, 20, 5);
  traffic.run(shopId, '2026-11-19', null, 'search', 60, 120, 30, 6);
  traffic.run(shopId, '2026-11-19', null, 'ads', 40, 80, 20, null);
  traffic.run(shopId, '2026-11-20', 1, '', 150, 300, 50, 10); // A: 2 buyers → 1.33%, fine
  traffic.run(shopId, '2026-11-20', 2, '', 120, 200, 60, 5); // B: 1 buyer → 0.83%, flagged
  traffic.run(shopId, '2026-11-20', 2, 'search', 30, 40, 10, 2); // part of B's 120
  db.prepare(
    `INSERT INTO ad_daily (shop_id, day, channel, campaign, currency, spend, impressions, clicks, orders, revenue)
     VALUES (?, '2026-11-20', 'ztc', 'autumn tea', 'CNY', 10000, 10000, 200, 2, 8000)`,
  ).run(shopId);

  const ticket = db.prepare(
    `INSERT INTO ticket (shop_id, type, channel, subject, status, opened_at, first_response_at, first_response_due, resolution_due, resolved_at, updated_at)
     VALUES (?, 'order', 'chat', ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  // Unanswered and unresolved past both clocks: 2 breaches.
  ticket.run(shopId, 'where is my parcel', 'open', bj('2026-11-20T09:00'), null, bj('2026-11-20T10:00'), bj('2026-11-20T20:00'), null, bj('2026-11-20T09:00'));
  // Answered and resolved in time.
  ticket.run(shopId, 'invoice', 'resolved', bj('2026-11-20T09:30'), bj('2026-11-20T09:40'), bj('2026-11-20T10:30'), bj('2026-11-20T20:30'), bj('2026-11-20T11:00'), bj('2026-11-20T11:00'));

  const review = db.prepare('INSERT INTO review (shop_id, sku_id, rating, body, reviewed_at) VALUES (?, ?, ?, ?, ?)');
  review.run(shopId, 1, 5, 'good', bj('2026-11-20T20:00'));
  review.run(shopId, 2, 2, 'meh', bj('2026-11-20T21:00'));
}
