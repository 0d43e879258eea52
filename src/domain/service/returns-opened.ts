import type { Db } from '../../db/open.js';
import * as q from '../../db/queries/returns.js';
import { RETURN_TYPES, type ReturnType } from './return-types.js';

// The return counts the KPI report reads, apart from the return service (orders, stock, the catalogue) so the
// report loads only this. Refunds come from the refund ledger (db/queries/refunds.ts), whatever gave them back.

export interface ReturnsOpened {
  /** Returns opened in [from, to). */
  opened: number;
  openedByType: Record<ReturnType, number>;
}

/** Returns opened in a period ([from, to) as epoch ms, optionally one shop), in all and by type. */
export function returnsOpened(db: Db, period: { from: number; to: number; shopId?: number }): ReturnsOpened {
  const openedByType = Object.fromEntries(RETURN_TYPES.map((t) => [t, 0])) as Record<ReturnType, number>;
  for (const row of q.openedCounts(db, period.from, period.to, period.shopId)) openedByType[row.type] = row.returns;
  return { opened: Object.values(openedByType).reduce((a, b) => a + b, 0), openedByType };
}
