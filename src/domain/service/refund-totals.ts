import type { Db } from '../../db/open.js';
import * as q from '../../db/queries/returns.js';
import { RETURN_TYPES, type ReturnType } from './return-types.js';

// The refund and return counts the KPI report reads, apart from the return service (orders, stock, the
// catalogue) so the report loads only this.

export interface RefundTotals {
  /** Money refunded through returns whose refund happened in [from, to), per currency, in minor units. */
  refunds: { currency: string; amount: number; returns: number }[];
  /** Returns opened in [from, to). */
  opened: number;
  openedByType: Record<ReturnType, number>;
}

/** Returns opened in a period ([from, to) as epoch ms, optionally one shop), in all and by type. */
export function returnsOpened(db: Db, period: { from: number; to: number; shopId?: number }): Pick<RefundTotals, 'opened' | 'openedByType'> {
  const openedByType = Object.fromEntries(RETURN_TYPES.map((t) => [t, 0])) as Record<ReturnType, number>;
  for (const row of q.openedCounts(db, period.from, period.to, period.shopId)) openedByType[row.type] = row.returns;
  return { opened: Object.values(openedByType).reduce((a, b) => a + b, 0), openedByType };
}

/** Refunds through returns and returns opened in a period: [from, to) as epoch ms, optionally one shop. */
export function refundTotals(db: Db, period: { from: number; to: number; shopId?: number }): RefundTotals {
  return { refunds: q.refundSums(db, period.from, period.to, period.shopId), ...returnsOpened(db, period) };
}
