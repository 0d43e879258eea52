import type { Db } from '../../db/open.js';
import * as q from '../../db/queries/summary.js';
import { listStock } from '../inventory/stock.js';
import type { StockLine } from '../inventory/types.js';
import { listShops } from '../shops/shops.js';
import type { Shop } from '../shops/types.js';
import { DEFAULT_OVERDUE_HOURS } from '../orders/list.js';
import { TO_SHIP } from '../orders/types.js';

export interface CatalogueSummary {
  shops: Shop[];
  products: { active: number; archived: number };
  skus: number;
  unitsOnHand: number;
  /** Stock valued at cost, per currency (never added across currencies). */
  stockValue: { currency: string; amount: number }[];
  movements: number;
  lowStock: StockLine[];
  orders: { total: number; byStatus: Record<string, number>; toShip: number; overdue: number };
}

export function catalogueSummary(db: Db, now: number): CatalogueSummary {
  const totals = q.activeSkuTotals(db);
  const byStatus = q.orderCountsByStatus(db);
  return {
    shops: listShops(db),
    products: q.productStatusCounts(db),
    skus: totals.skus,
    unitsOnHand: totals.units,
    stockValue: q.stockValueByCurrency(db),
    movements: q.movementCount(db),
    lowStock: listStock(db, { lowOnly: true }),
    orders: {
      total: Object.values(byStatus).reduce((a, b) => a + b, 0),
      byStatus,
      toShip: TO_SHIP.reduce((sum, s) => sum + (byStatus[s] ?? 0), 0),
      overdue: q.overdueCount(db, now - DEFAULT_OVERDUE_HOURS * 3_600_000),
    },
  };
}
