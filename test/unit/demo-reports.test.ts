import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/domain/demo/seed.js';
import { adsReport } from '../../src/domain/reports/ads-report.js';
import { customersReport } from '../../src/domain/reports/customers.js';
import { inventoryReport } from '../../src/domain/reports/inventory.js';
import { kpiReport, metric } from '../../src/domain/reports/kpi.js';
import { productsReport } from '../../src/domain/reports/products.js';
import { salesReport } from '../../src/domain/reports/sales.js';
import { memoryDb } from '../helpers/db.js';

// The demo's job (README Quick start): every section of every report has numbers.
describe('the demo shop', () => {
  const now = Date.parse('2026-11-26T03:00:00Z');
  const db = memoryDb();
  seedDemo(db, now);

  it('fills every section of report products: a slow mover with stock, and margins in both currencies', () => {
    const r = productsReport(db, {}, now);
    for (const section of ['bestsellers', 'abc', 'margin'] as const) expect(r[section].length, section).toBeGreaterThan(0);
    expect(r.slow.map((s) => s.sku)).toContain('JUHUA');
    expect(r.slow.every((s) => s.onHand > 0 && s.lastSoldAt !== null && s.lastSoldAt < now - 30 * 86_400_000)).toBe(true);
    for (const currency of ['CNY', 'USD']) {
      expect(r.margin.filter((m) => m.currency === currency && m.margin !== null).length, currency).toBeGreaterThan(5);
    }
  });

  it('fills the KPI, sales, inventory, customers and ads reports', () => {
    const kpi = kpiReport(db, {}, now);
    expect(kpi.shops).toHaveLength(3);
    for (const s of kpi.shops) {
      for (const key of ['visitors', 'paidOrders', 'gmv', 'adSpend', 'ctr', 'roas'] as const) expect(metric(s, key).value, `${s.shop} ${key}`).toBeGreaterThan(0);
      expect(s.topProducts.length, s.shop!).toBeGreaterThan(0);
    }
    expect(new Set(kpi.attention.map((f) => f.rule)).size).toBeGreaterThanOrEqual(3);
    expect(salesReport(db, {}, now).rows.length).toBeGreaterThan(0);
    expect(inventoryReport(db, {}, now).rows.some((r) => r.reorder)).toBe(true);
    expect(customersReport(db, {}, now).segments.length).toBeGreaterThan(1);
    expect(adsReport(db, {}, now).rows.length).toBeGreaterThan(0);
  });
});
