import { statement, type Db } from '../open.js';

export function productStatusCounts(db: Db): { active: number; archived: number } {
  const r = statement(db, "SELECT sum(status = 'active') AS active, sum(status = 'archived') AS archived FROM product").get() as { active: number | null; archived: number | null };
  return { active: r.active ?? 0, archived: r.archived ?? 0 };
}

export function activeSkuTotals(db: Db): { skus: number; units: number } {
  return statement(db, "SELECT count(*) AS skus, coalesce(sum(s.on_hand), 0) AS units FROM sku s JOIN product p ON p.id = s.product_id WHERE p.status = 'active'")
    .get() as { skus: number; units: number };
}

/** Stock on hand valued at cost, one row per currency. */
export function stockValueByCurrency(db: Db): { currency: string; amount: number }[] {
  return statement(db, 
      `SELECT s.currency, sum(max(s.on_hand, 0) * s.cost) AS amount FROM sku s JOIN product p ON p.id = s.product_id
       WHERE p.status = 'active' AND s.cost IS NOT NULL GROUP BY s.currency ORDER BY s.currency`,
    )
    .all() as { currency: string; amount: number }[];
}

export function movementCount(db: Db): number {
  return (statement(db, 'SELECT count(*) AS n FROM stock_movement').get() as { n: number }).n;
}

/** True when the database holds any shop or product (demo refuses to write into it). */
export function hasData(db: Db): boolean {
  return statement(db, 'SELECT EXISTS (SELECT 1 FROM shop) OR EXISTS (SELECT 1 FROM product) AS any').pluck().get() === 1;
}

export function orderCountsByStatus(db: Db): Record<string, number> {
  const rows = statement(db, 'SELECT status, count(*) AS n FROM sales_order GROUP BY status').all() as { status: string; n: number }[];
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}

/** Orders paid before `paidBefore` and not yet shipped. */
export function overdueCount(db: Db, paidBefore: number): number {
  return statement(db, "SELECT count(*) FROM sales_order WHERE status IN ('paid','picking','packed','partially_shipped') AND paid_at < ?").pluck().get(paidBefore) as number;
}
