import { describe, expect, it } from 'vitest';
import { addProduct } from '../../src/domain/catalog/products.js';
import { customersReport, rfmScores, segmentOf } from '../../src/domain/reports/customers.js';
import { addShop } from '../../src/domain/shops/shops.js';
import { memoryDb, NOW, shopDb } from '../helpers/db.js';
import { order } from '../helpers/orders.js';

const at = (iso: string) => Date.parse(iso);

function customerDb() {
  const db = shopDb();
  addProduct(db, { title: 'Teapot', sku: { code: 'T', price: '10', allowBackorder: true } }, NOW);
  const buy = (who: string, phone: string, iso: string, price: string) =>
    order(db, [{ sku: 'T', quantity: 1, unitPrice: price }], { buyer: { name: who, phone }, paid: true, placedAt: at(iso) });
  buy('c1', '13800000001', '2026-09-01T04:00:00Z', '100.00');
  buy('c1', '13800000001', '2026-11-10T04:00:00Z', '50.00');
  buy('c2', '13800000002', '2026-11-05T04:00:00Z', '30.00');
  buy('c2', '13800000002', '2026-11-20T04:00:00Z', '20.00');
  buy('c3', '13800000003', '2026-11-12T04:00:00Z', '10.00');
  buy('c4', '13800000004', '2026-06-01T04:00:00Z', '200.00');
  // after the period: ignored by both sections
  buy('c5', '13800000005', '2026-11-25T04:00:00Z', '999.00');
  return db;
}

describe('report customers', () => {
  it('splits buyers of the period into new and returning, with their spend', () => {
    const r = customersReport(customerDb(), { from: '2026-11-01', to: '2026-11-24' }, NOW);
    expect(r.buyers).toEqual([{ shop: 'Tea House', currency: 'CNY', buyers: 3, newBuyers: 2, returningBuyers: 1, newSpend: 6000, returningSpend: 5000 }]);
  });

  it('segments every customer by RFM over history up to the period end', () => {
    const r = customersReport(customerDb(), { from: '2026-11-01', to: '2026-11-24' }, NOW);
    // c1 R2 F3 M3 → at risk; c4 R1 F1 M4 → hibernating; c2 R4 F3 M2 and c3 R3 F1 M1 → needs attention
    expect(r.segments).toEqual([
      { currency: 'CNY', segment: 'at_risk', customers: 1, spend: 15000 },
      { currency: 'CNY', segment: 'hibernating', customers: 1, spend: 20000 },
      { currency: 'CNY', segment: 'needs_attention', customers: 2, spend: 6000 },
    ]);
  });

  it('counts recency in calendar days of the shop, across a 25-hour day', () => {
    const db = memoryDb();
    addShop(db, { name: 'US', platform: 'shopify', currency: 'USD', timezone: 'America/New_York' }, NOW);
    addProduct(db, { title: 'Mug', sku: { code: 'M', price: '20', currency: 'USD', allowBackorder: true } }, NOW);
    const buy = (who: string, iso: string) => order(db, [{ sku: 'M', quantity: 1 }], { shop: 'US', buyer: { name: who, email: `${who}@x.test` }, paid: true, placedAt: at(iso) });
    // 1 November 2026 has 25 hours in New York. P buys at 00:30 that day (0 days back at its end), Q1–Q4 the evening before (1 day).
    buy('p', '2026-11-01T04:30:00Z');
    for (const [i, time] of ['00:10', '01:10', '02:10', '03:10'].entries()) buy(`q${i + 1}`, `2026-11-01T${time}:00Z`);
    const r = customersReport(db, { date: '2026-11-01' }, NOW);
    expect(r.segments).toEqual([
      { currency: 'USD', segment: 'new', customers: 1, spend: 2000 },
      { currency: 'USD', segment: 'hibernating', customers: 4, spend: 8000 },
    ]);
  });

  it('scores quintiles by how many customers are strictly worse', () => {
    const scores = rfmScores([
      { recencyDays: 1, orders: 9, spend: 900 },
      { recencyDays: 5, orders: 5, spend: 500 },
      { recencyDays: 5, orders: 1, spend: 100 },
      { recencyDays: 90, orders: 3, spend: 300 },
      { recencyDays: 300, orders: 1, spend: 50 },
    ]);
    expect(scores).toEqual([
      { r: 5, f: 5, m: 5 },
      { r: 3, f: 4, m: 4 },
      { r: 3, f: 1, m: 2 },
      { r: 2, f: 3, m: 3 },
      { r: 1, f: 1, m: 1 },
    ]);
    expect(segmentOf(scores[0]!, 9)).toBe('champions');
    expect(segmentOf({ r: 3, f: 4, m: 2 }, 5)).toBe('loyal');
    expect(segmentOf({ r: 5, f: 1, m: 1 }, 1)).toBe('new');
    expect(segmentOf(scores[3]!, 3)).toBe('at_risk');
    expect(segmentOf(scores[4]!, 1)).toBe('hibernating');
    expect(segmentOf(scores[2]!, 1)).toBe('needs_attention');
  });
});
