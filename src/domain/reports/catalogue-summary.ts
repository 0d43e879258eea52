import type { Db } from '../../db/open.js';
import * as q from '../../db/queries/summary.js';
import { listStock } from '../inventory/stock.js';
import type { StockLine } from '../inventory/types.js';
import { listShops } from '../shops/shops.js';
import type { Shop } from '../shops/types.js';

export interface CatalogueSummary {
  shops: Shop[];
  products: { active: number; archived: number };
  skus: number;
  unitsOnHand: number;
  /** Stock valued at cost, per currency (never added across currencies). */
  stockValue: { currency: string; amount: number }[];
  movements: number;
  lowStock: StockLine[];
}

export function catalogueSummary(db: Db): CatalogueSummary {
  const totals = q.activeSkuTotals(db);
  return {
    shops: listShops(db),
    products: q.productStatusCounts(db),
    skus: totals.skus,
    unitsOnHand: totals.units,
    stockValue: q.stockValueByCurrency(db),
    movements: q.movementCount(db),
    lowStock: listStock(db, { lowOnly: true }),
  };
}
