import { describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/open.js';
import * as kq from '../../src/db/queries/kpi.js';
import { hasSaleLine, lastSaleMovement, saleLinesBackwards, skuSales as reportSkuSales } from '../../src/db/queries/reports.js';
import { openedCounts } from '../../src/db/queries/returns.js';
import { refundsIn } from '../../src/db/queries/refunds.js';
import { kpiReport } from '../../src/domain/reports/kpi.js';
import { dayOf, instantRange, periodDays } from '../../src/domain/reports/period.js';
import { latestSales, productsReport } from '../../src/domain/reports/products.js';
import { lastDays } from '../../src/domain/reports/sales.js';
import { memoryDb } from '../helpers/db.js';
import { prng } from '../helpers/prng.js';

// The report queries were rewritten for speed (set-based over the period, covering indexes, one probe per SKU for a
// slow mover's last sale). These tests hold each rewrite to the plain SQL it replaced, on a seeded random history
// with everything that could trip a rewrite: two shops in different zones (one through the autumn DST change),
// cancelled and unpaid orders, an order in a foreign currency, lines without a SKU, buyers without a customer,
// shipments (sale movements) long after payment, returns and refunds, archived and out-of-stock SKUs.

const DAY = 86_400_000;
const NOW = Date.parse('2026-11-12T02:00:00Z');
const START = Date.parse('2026-07-01T00:00:00Z');

const STATUSES = ['pending_payment', 'paid', 'picking', 'packed', 'shipped', 'delivered', 'completed', 'cancelled'] as const;

function history(seed = 7): Db {
  const db = memoryDb();
  const rnd = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  db.prepare("INSERT INTO shop (name, platform, currency, timezone, is_default, created_at) VALUES ('Tea House', 'taobao', 'CNY', 'Asia/Shanghai', 1, 0)").run();
  db.prepare("INSERT INTO shop (name, platform, currency, timezone, is_default, created_at) VALUES ('Tea NY', 'shopify', 'USD', 'America/New_York', 0, 0)").run();
  const product = db.prepare("INSERT INTO product (handle, title, status, created_at, updated_at) VALUES (?, ?, ?, 0, 0)");
  const sku = db.prepare('INSERT INTO sku (product_id, code, currency, cost, price, on_hand, reserved, lead_time_days, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0)');
  const skus: number[] = [];
  for (let i = 0; i < 25; i++) {
    const p = Number(product.run(`p${i}`, `Tea ${i}`, i % 11 === 10 ? 'archived' : 'active').lastInsertRowid);
    const onHand = i % 5 === 4 && i < 24 ? 0 : 1 + Math.floor(rnd() * 40);
    const id = Number(sku.run(p, `S${String(i).padStart(2, '0')}`, i % 7 === 6 ? 'USD' : 'CNY', i % 4 === 3 ? null : 100 + i * 10, 500 + i * 20, onHand, Math.min(onHand, Math.floor(rnd() * 3)), i % 3 === 0 ? 20 : null).lastInsertRowid);
    skus.push(id);
  }
  // SKUs 20–23 sell only long ago and 24 never: slow movers with and without a last sale.
  const selling = skus.slice(0, 20);
  const old = skus.slice(20, 24);
  const customer = db.prepare('INSERT INTO customer (shop_id, name, created_at) VALUES (?, ?, 0)');
  const customers: Record<number, number[]> = { 1: [], 2: [] };
  for (let i = 0; i < 60; i++) {
    const shop = i % 3 === 2 ? 2 : 1;
    customers[shop]!.push(Number(customer.run(shop, `c${i}`).lastInsertRowid));
  }
  const order = db.prepare(
    `INSERT INTO sales_order (shop_id, platform_order_id, customer_id, status, currency, total, paid, refunded, placed_at, paid_at, cancelled_at, updated_at)
     VALUES (?, ?, ?, ?, ?, 0, ?, 0, ?, ?, ?, ?)`,
  );
  const line = db.prepare('INSERT INTO order_line (order_id, line_key, sku_id, title, quantity, unit_price, discount) VALUES (?, ?, ?, ?, ?, ?, ?)');
  const shipment = db.prepare("INSERT INTO shipment (order_id, carrier, tracking_number, shipped_at) VALUES (?, 'sf', ?, ?)");
  const movement = db.prepare("INSERT INTO stock_movement (sku_id, kind, quantity, on_hand_after, occurred_at, order_id) VALUES (?, 'sale', ?, 0, ?, ?)");
  const ret = db.prepare(
    `INSERT INTO return_request (order_id, type, status, reason, refund_amount, opened_at, refunded_at, updated_at) VALUES (?, ?, ?, 'x', ?, ?, ?, ?)`,
  );
  const retLine = db.prepare('INSERT INTO return_line (return_id, order_line_id, quantity) VALUES (?, ?, ?)');
  for (let n = 0; n < 900; n++) {
    const shop = rnd() < 0.7 ? 1 : 2;
    const placed = START + Math.floor(rnd() * (NOW - START));
    const status = pick(STATUSES);
    const paidAt = status === 'pending_payment' || (status === 'cancelled' && rnd() < 0.5) ? null : placed + Math.floor(rnd() * 3_600_000);
    const currency = rnd() < 0.04 ? 'EUR' : shop === 1 ? 'CNY' : 'USD';
    // A few buyers also order in the other shop: "new in this shop" must not look at the other one.
    const buyer = rnd() < 0.15 ? null : pick(customers[rnd() < 0.1 ? 3 - shop : shop]!);
    const paid = paidAt === null ? 0 : 1000 + Math.floor(rnd() * 20000);
    const id = Number(order.run(shop, `o${n}`, buyer, status, currency, paid, placed, paidAt, status === 'cancelled' ? placed + DAY : null, placed).lastInsertRowid);
    const lines: { id: number; sku: number | null; qty: number }[] = [];
    const count = 1 + Math.floor(rnd() * 4);
    for (let k = 0; k < count; k++) {
      const s = rnd() < 0.06 ? null : placed < NOW - 90 * DAY && rnd() < 0.3 ? pick(old) : pick(selling);
      const qty = 1 + Math.floor(rnd() * 3);
      lines.push({ id: Number(line.run(id, `k${k}`, s, 'Tea', qty, 300 + Math.floor(rnd() * 900), rnd() < 0.2 ? 50 : 0).lastInsertRowid), sku: s, qty });
    }
    if (paidAt !== null && ['shipped', 'delivered', 'completed', 'cancelled'].includes(status)) {
      // Some ship weeks after payment: a sale movement can be the latest sale of a SKU.
      const shippedAt = paidAt + Math.floor(rnd() * (rnd() < 0.1 ? 60 : 3) * DAY);
      shipment.run(id, `T${n}`, shippedAt);
      for (const l of lines) if (l.sku !== null) movement.run(l.sku, -l.qty, shippedAt, id);
      if (rnd() < 0.15) {
        const opened = shippedAt + Math.floor(rnd() * 10 * DAY);
        const refunded = rnd() < 0.6 ? opened + DAY : null;
        const r = Number(ret.run(id, pick(['return', 'refund_only', 'exchange']), refunded === null ? 'requested' : 'refunded', refunded === null ? 0 : 500, opened, refunded, opened).lastInsertRowid);
        for (const l of lines.slice(0, 1 + Math.floor(rnd() * lines.length))) retLine.run(r, l.id, 1);
      }
    }
  }
  // Sales exactly on a window's first instant (Shanghai midnight, 13 October): a line of S22 paid then, and S20 paid
  // in July but shipped then. Both count as sold in a window starting that day.
  const edge = Date.parse('2026-10-13T00:00:00+08:00');
  for (const [n, s, paidAt, shippedAt] of [[1, old[2]!, edge, null], [2, old[0]!, Date.parse('2026-07-05T10:00:00Z'), edge]] as const) {
    const id = Number(order.run(1, `edge${n}`, null, 'completed', 'CNY', 1000, paidAt, paidAt, null, paidAt).lastInsertRowid);
    line.run(id, 'k0', s, 'Tea', 1, 1000, 0);
    if (shippedAt !== null) {
      shipment.run(id, `TE${n}`, shippedAt);
      movement.run(s, -1, shippedAt, id);
    }
  }
  return db;
}

// ── The SQL the rewrites replaced, verbatim ──

const OLD = {
  paidOrders: `WITH paid AS (
       SELECT o.currency, o.paid, coalesce(o.customer_id, -o.id) AS buyer, o.customer_id
       FROM sales_order o
       WHERE o.shop_id = :shopId AND o.paid_at >= :from AND o.paid_at < :until
     ), buyers AS (
       SELECT currency, buyer, count(*) AS n,
              (customer_id IS NULL OR NOT EXISTS (SELECT 1 FROM sales_order p WHERE p.customer_id = paid.customer_id
                                                    AND +p.shop_id = :shopId AND p.paid_at < :from)) AS fresh
       FROM paid GROUP BY currency, buyer
     )
     SELECT p.currency, count(*) AS paidOrders, sum(p.paid) AS paidAmount,
            (SELECT count(*) FROM buyers b WHERE b.currency = p.currency) AS payingBuyers,
            (SELECT count(*) FROM buyers b WHERE b.currency = p.currency AND b.n >= 2) AS repeatBuyers,
            (SELECT count(*) FROM buyers b WHERE b.currency = p.currency AND b.fresh) AS newBuyers
     FROM paid p GROUP BY p.currency ORDER BY p.currency`,
  skuSales: `SELECT l.sku_id AS skuId, s.code AS sku, p.title, o.currency, sum(l.quantity) AS units,
            sum(l.quantity * l.unit_price - l.discount) AS amount, count(DISTINCT coalesce(o.customer_id, -o.id)) AS buyers
     FROM order_line l JOIN sales_order o ON o.id = l.order_id JOIN sku s ON s.id = l.sku_id JOIN product p ON p.id = s.product_id
     WHERE o.shop_id = ? AND o.paid_at >= ? AND o.paid_at < ?
     GROUP BY l.sku_id, o.currency ORDER BY amount DESC, s.code`,
  shippedOrders: `SELECT count(DISTINCT s.order_id) FROM shipment s JOIN sales_order o ON o.id = s.order_id
     WHERE o.shop_id = ? AND s.shipped_at >= ? AND s.shipped_at < ?`,
  skuReturns: `SELECT l.sku_id AS skuId, s.code AS sku, count(DISTINCT r.id) AS returns
     FROM return_request r JOIN return_line rl ON rl.return_id = r.id JOIN order_line l ON l.id = rl.order_line_id
     JOIN sku s ON s.id = l.sku_id JOIN sales_order o ON o.id = r.order_id
     WHERE o.shop_id = ? AND r.opened_at >= ? AND r.opened_at < ?
     GROUP BY l.sku_id ORDER BY returns DESC, s.code`,
  openedCounts: `SELECT r.type, count(*) AS returns FROM return_request r JOIN sales_order o ON o.id = r.order_id
     WHERE r.opened_at >= ? AND r.opened_at < ? AND o.shop_id = ? GROUP BY r.type ORDER BY r.type`,
  // Each SKU's units in shop 1's window plus those in shop 2's.
  stockWithSales: `SELECT s.id AS skuId, s.code AS sku, p.title, s.currency, s.on_hand AS onHand, s.on_hand - s.reserved AS available, s.cost, s.lead_time_days AS leadTimeDays,
            coalesce((SELECT sum(l.quantity) FROM order_line l JOIN sales_order o ON o.id = l.order_id WHERE l.sku_id = s.id
                        AND o.status <> 'cancelled' AND o.shop_id = 1 AND o.paid_at >= ? AND o.paid_at < ?), 0)
          + coalesce((SELECT sum(l.quantity) FROM order_line l JOIN sales_order o ON o.id = l.order_id WHERE l.sku_id = s.id
                        AND o.status <> 'cancelled' AND o.shop_id = 2 AND o.paid_at >= ? AND o.paid_at < ?), 0) AS sold
     FROM sku s JOIN product p ON p.id = s.product_id
     WHERE p.status = 'active'
     ORDER BY s.code`,
  lastSales: `SELECT skuId, max(at) AS at FROM (
       SELECT l.sku_id AS skuId, o.paid_at AS at FROM order_line l JOIN sales_order o ON o.id = l.order_id
         WHERE l.sku_id IS NOT NULL AND o.shop_id = ? AND o.paid_at IS NOT NULL AND o.status <> 'cancelled' AND o.paid_at < ?
       UNION ALL
       SELECT m.sku_id, m.occurred_at FROM stock_movement m JOIN sales_order o ON o.id = m.order_id
         WHERE m.kind = 'sale' AND o.shop_id = ? AND m.occurred_at < ?
     ) GROUP BY skuId`,
  paidInstants: `SELECT paid_at AS paidAt, paid, coalesce(customer_id, -id) AS buyer FROM sales_order WHERE shop_id = ? AND currency = ? AND paid_at >= ? AND paid_at < ? ORDER BY paid_at`,
};

/** Periods that cut through the history differently: a day, the DST week, 30 days from the edge sales, a month, a quarter, everything. */
const PERIODS = [
  { fromDay: '2026-11-11', toDay: '2026-11-11' },
  { fromDay: '2026-10-13', toDay: '2026-11-11' },
  { fromDay: '2026-10-29', toDay: '2026-11-04' },
  { fromDay: '2026-10-01', toDay: '2026-10-31' },
  { fromDay: '2026-08-01', toDay: '2026-10-31' },
  { fromDay: '2026-06-01', toDay: '2026-11-30' },
];
const SHOPS = [
  { id: 1, zone: 'Asia/Shanghai', currency: 'CNY' },
  { id: 2, zone: 'America/New_York', currency: 'USD' },
];

function eachRange(check: (shop: (typeof SHOPS)[number], from: number, until: number, label: string) => void): void {
  for (const shop of SHOPS) {
    for (const p of PERIODS) {
      const { from, until } = instantRange(p, shop.zone);
      check(shop, from, until, `shop ${shop.id} ${p.fromDay}..${p.toDay}`);
    }
  }
}

describe('report queries give what the plain SQL they replaced gives', () => {
  const db = history();

  it('has a history that exercises them', () => {
    const one = (sql: string) => db.prepare(sql).pluck().get() as number;
    expect(one("SELECT count(*) FROM sales_order WHERE status = 'cancelled' AND paid_at IS NOT NULL")).toBeGreaterThan(10);
    expect(one("SELECT count(*) FROM sales_order WHERE currency = 'EUR'")).toBeGreaterThan(10);
    expect(one('SELECT count(*) FROM order_line WHERE sku_id IS NULL')).toBeGreaterThan(10);
    expect(one('SELECT count(*) FROM return_line')).toBeGreaterThan(10);
    expect(one('SELECT count(*) FROM sales_order WHERE customer_id IS NULL AND paid_at IS NOT NULL')).toBeGreaterThan(10);
  });

  it('paid orders, GMV, paying, repeat and new buyers per currency', () => {
    eachRange((shop, from, until, label) => {
      const rows = kq.paidOrders(db, shop.id, from, until);
      expect(rows, label).toEqual(db.prepare(OLD.paidOrders).all({ shopId: shop.id, from, until }));
      expect(rows.length, label).toBeGreaterThan(0);
    });
  });

  it('per-SKU units, amounts and buyers; shipped orders; returns per SKU; returns opened', () => {
    eachRange((shop, from, until, label) => {
      expect(kq.skuSales(db, shop.id, from, until), label).toEqual(db.prepare(OLD.skuSales).all(shop.id, from, until));
      expect(kq.shippedOrders(db, shop.id, from, until), label).toBe(db.prepare(OLD.shippedOrders).pluck().get(shop.id, from, until));
      expect(kq.skuReturns(db, shop.id, from, until), label).toEqual(db.prepare(OLD.skuReturns).all(shop.id, from, until));
      expect(openedCounts(db, from, until, shop.id), label).toEqual(db.prepare(OLD.openedCounts).all(from, until, shop.id));
    });
  });

  it("stock with the units sold over trailing windows, each shop's in its own zone, across shops", () => {
    let zonesMattered = 0;
    for (const toDay of ['2026-11-11', '2026-08-31', '2027-02-09']) {
      for (const days of [1, 30, 200]) {
        const [cn, us] = SHOPS.map((shop) => ({ shopId: shop.id, ...instantRange(lastDays(toDay, days), shop.zone) }));
        const rows = kq.stockWithSales(db, [cn!, us!]);
        expect(rows, `${days} days to ${toDay}`).toEqual(db.prepare(OLD.stockWithSales).all(cn!.from, cn!.until, us!.from, us!.until));
        if (toDay === '2026-11-11' && days >= 30) expect(rows.some((r) => r.sold > 0), `${days} days to ${toDay} sold something`).toBe(true);
        if (JSON.stringify(kq.stockWithSales(db, [cn!, { ...cn!, shopId: 2 }])) !== JSON.stringify(rows)) zonesMattered++;
      }
    }
    // Shop 2's sales over shop 1's days differ somewhere (New York's days end 12–13 hours later): the windows are used.
    expect(zonesMattered).toBeGreaterThan(0);
    const none = kq.stockWithSales(db, []);
    expect(none.map((r) => r.sold)).toEqual(none.map(() => 0));
    expect(none.length).toBeGreaterThan(0);
  });

  it('the trend: GMV and paying buyers per local day, through the DST change', () => {
    const window = { fromDay: '2026-10-25', toDay: '2026-11-11' };
    const report = kpiReport(db, { from: window.fromDay, to: window.toDay }, NOW);
    for (const [i, shop] of SHOPS.entries()) {
      const { from, until } = instantRange(window, shop.zone);
      const expected = new Map(periodDays(window).map((day) => [day, { gmv: 0, buyers: new Set<number>() }]));
      for (const o of db.prepare(OLD.paidInstants).all(shop.id, shop.currency, from, until) as { paidAt: number; paid: number; buyer: number }[]) {
        const p = expected.get(dayOf(o.paidAt, shop.zone))!;
        p.gmv += o.paid;
        p.buyers.add(o.buyer);
      }
      const trend = report.shops.find((s) => s.zone === shop.zone)!.trend;
      expect(trend.map((t) => [t.day, t.gmv, t.payingBuyers]), `shop ${i + 1}`).toEqual([...expected].map(([day, p]) => [day, p.gmv, p.buyers.size]));
      expect(trend.some((t) => t.gmv > 0)).toBe(true);
    }
  });

  it('the latest sale of SKUs not sold in a window, however far the walk back goes before SKUs are looked up one by one', () => {
    const notSoldIn = db.prepare(
      `SELECT id FROM sku WHERE id NOT IN (SELECT l.sku_id FROM order_line l JOIN sales_order o ON o.id = l.order_id
         WHERE o.shop_id = ? AND o.paid_at >= ? AND o.paid_at < ? AND o.status <> 'cancelled' AND l.sku_id IS NOT NULL) ORDER BY id`,
    );
    let checked = 0;
    for (const shop of SHOPS) {
      for (const window of [{ fromDay: '2026-11-05', toDay: '2026-11-11' }, { fromDay: '2026-09-01', toDay: '2026-09-30' }, { fromDay: '2026-12-01', toDay: '2026-12-31' }]) {
        const { from, until } = instantRange(window, shop.zone);
        const skus = notSoldIn.pluck().all(shop.id, from, until) as number[];
        const old = new Map((db.prepare(OLD.lastSales).all(shop.id, until, shop.id, until) as { skuId: number; at: number }[]).map((r) => [r.skuId, r.at]));
        const expected = new Map(skus.filter((s) => old.has(s)).map((s) => [s, old.get(s)!]));
        for (const walk of [1, 3, 30, 300, Infinity]) {
          expect(latestSales(db, shop.id, skus, from, until, walk), `shop ${shop.id} ${window.fromDay} walk ${walk}`).toEqual(expected);
          checked++;
        }
        expect(skus.length).toBeGreaterThan(0);
      }
    }
    expect(checked).toBe(30);
  });

  it('slow movers and their last sale, for several windows', () => {
    for (const slowDays of [1, 7, 30, 90, 400]) {
      // Up to yesterday; mid-history; and weeks after the last sale, when every SKU in stock is a slow mover.
      for (const to of ['2026-11-11', '2026-09-15', '2026-12-20']) {
        const input = { from: lastDays(to, 30).fromDay, to, slowDays };
        const report = productsReport(db, input, NOW);
        // The old way: the latest sale of every SKU in each shop, then "no sale since the window's start".
        const window = lastDays(to, slowDays);
        const recent = new Set<number>();
        const last = new Map<number, number>();
        for (const shop of SHOPS) {
          const { from, until } = instantRange(window, shop.zone);
          for (const r of db.prepare(OLD.lastSales).all(shop.id, until, shop.id, until) as { skuId: number; at: number }[]) {
            if (r.at >= from) recent.add(r.skuId);
            if (r.at > (last.get(r.skuId) ?? -Infinity)) last.set(r.skuId, r.at);
          }
        }
        const info = db.prepare("SELECT s.id, s.code, s.on_hand AS onHand, p.status = 'archived' AS archived FROM sku s JOIN product p ON p.id = s.product_id").all() as { id: number; code: string; onHand: number; archived: number }[];
        const expected = info.filter((s) => !s.archived && s.onHand > 0 && !recent.has(s.id)).map((s) => [s.code, last.get(s.id) ?? null]);
        const label = `${slowDays} days to ${to}`;
        expect(report.slow.map((s) => [s.sku, s.lastSoldAt]).sort(), label).toEqual(expected.sort());
        if (slowDays === 30 && to === '2026-11-11') {
          // The seeded history has slow movers both with a last sale and without any.
          expect(report.slow.some((s) => s.lastSoldAt !== null), label).toBe(true);
          expect(report.slow.some((s) => s.lastSoldAt === null), label).toBe(true);
        }
      }
    }
  });
});

/** The query plan lines (EXPLAIN QUERY PLAN) of every statement `call` runs, with the arguments it ran them with. */
function plans(db: Db, call: (db: Db) => unknown): string[] {
  const seen: { sql: string; args: unknown[] }[] = [];
  const prepare = db.prepare;
  const spy = (sql: string) => {
    const stmt = prepare.call(db, sql);
    const proxy: object = new Proxy(stmt, {
      get(target, key) {
        const value = Reflect.get(target, key, target);
        if (typeof value !== 'function') return value;
        if (key === 'all' || key === 'get' || key === 'iterate' || key === 'run') {
          return (...args: unknown[]) => {
            seen.push({ sql, args });
            return value.apply(target, args);
          };
        }
        return (...args: unknown[]) => {
          const out = value.apply(target, args);
          return out === target ? proxy : out;
        };
      },
    });
    return proxy;
  };
  db.prepare = spy as unknown as Db['prepare'];
  try {
    call(db);
  } finally {
    db.prepare = prepare;
  }
  return seen.flatMap(({ sql, args }) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail));
}

describe('report queries read the period through indexes, never a whole table of orders or lines', () => {
  // A fresh database per query: statements are prepared (and seen) on first use.
  const range = instantRange({ fromDay: '2026-11-01', toDay: '2026-11-11' }, 'Asia/Shanghai');
  const cases: [string, (db: Db) => unknown, RegExp[]][] = [
    ['placedOrders', (db) => kq.placedOrders(db, 1, range.from, range.until), [/COVERING INDEX sales_order_shop_placed \(shop_id=\? AND placed_at>\? AND placed_at<\?\)/, /COVERING INDEX order_line_order_sku \(order_id=\?\)/]],
    ['paidOrders', (db) => kq.paidOrders(db, 1, range.from, range.until), [/COVERING INDEX sales_order_paid \(shop_id=\? AND paid_at>\? AND paid_at<\?\)/, /COVERING INDEX sales_order_customer_paid \(customer_id=\? AND shop_id=\? AND paid_at<\?\)/]],
    ['paidDay', (db) => kq.paidDay(db, 1, 'CNY', range.from, range.until), [/COVERING INDEX sales_order_paid \(shop_id=\? AND paid_at>\? AND paid_at<\?\)/]],
    ['skuSales', (db) => kq.skuSales(db, 1, range.from, range.until), [/COVERING INDEX sales_order_paid/, /COVERING INDEX order_line_order_sku/]],
    ['stockWithSales', (db) => kq.stockWithSales(db, [{ shopId: 1, ...range }, { shopId: 2, ...range }]), [/COVERING INDEX sales_order_paid \(shop_id=\? AND paid_at>\? AND paid_at<\?\)/, /COVERING INDEX order_line_order_sku/]],
    ['shippedOrders', (db) => kq.shippedOrders(db, 1, range.from, range.until), [/COVERING INDEX shipment_time \(shipped_at>\? AND shipped_at<\?\)/]],
    ['skuReturns', (db) => kq.skuReturns(db, 1, range.from, range.until), [/INDEX return_request_opened \(opened_at>\? AND opened_at<\?\)/]],
    ['refundsIn', (db) => refundsIn(db, 1, range.from, range.until), [/INDEX order_refund_at \(at>\? AND at<\?\)/]],
    ['openedCounts', (db) => openedCounts(db, range.from, range.until, 1), [/INDEX return_request_opened \(opened_at>\? AND opened_at<\?\)/]],
    ['lastSaleMovement', (db) => lastSaleMovement(db, 1, 1, range.until), [/INDEX stock_movement_sku_time \(sku_id=\? AND occurred_at<\?\)/]],
    ['hasSaleLine', (db) => hasSaleLine(db, 1, 1, range.until), [/INDEX order_line_sku \(sku_id=\?\)/]],
    [
      'saleLinesBackwards',
      (db) => {
        for (const _ of saleLinesBackwards(db, 1, range.until)) break;
      },
      [/COVERING INDEX sales_order_paid \(shop_id=\? AND paid_at<\?\)/, /COVERING INDEX order_line_order_sku/],
    ],
    ['reports.skuSales', (db) => reportSkuSales(db, 1, range.from, range.until), [/COVERING INDEX sales_order_paid/, /COVERING INDEX order_line_order_sku/]],
  ];
  for (const [name, call, expected] of cases) {
    it(name, () => {
      const lines = plans(memoryDb(), call);
      for (const re of expected) expect(lines.some((l) => re.test(l)), `${name}: ${re} in\n${lines.join('\n')}`).toBe(true);
      const whole = lines.filter((l) => /^SCAN (o|l|p|s|m|r|sales_order|order_line|stock_movement|shipment|return_request)\b/.test(l) && !/^SCAN (s|p) USING/.test(l));
      expect(whole, name).toEqual([]);
      // Read newest first straight off the index: never the whole history sorted first.
      if (name === 'saleLinesBackwards') expect(lines.filter((l) => l.includes('ORDER BY')), name).toEqual([]);
    });
  }
});
