import type { MetricKey } from './kpi.js';

/**
 * Which convention each figure follows: "gross" as 生意参谋 counts it (支付 by payment time, refunds not
 * taken off, platform-attributed ad revenue), "net" after refunds or returns, "count" for plain counts.
 */
export const CONVENTIONS: Record<MetricKey, 'gross' | 'net' | 'count'> = {
  visitors: 'count',
  pageViews: 'count',
  bounceRate: 'count',
  conversionRate: 'gross',
  addToCartRate: 'count',
  orders: 'count',
  units: 'count',
  paidOrders: 'gross',
  payingBuyers: 'gross',
  gmv: 'gross',
  refunds: 'count',
  netSales: 'net',
  aov: 'gross',
  newBuyers: 'gross',
  returningBuyers: 'gross',
  repurchaseRate: 'gross',
  adSpend: 'count',
  ctr: 'count',
  cpc: 'count',
  roas: 'gross',
  ticketsOpened: 'count',
  ticketsResolved: 'count',
  slaBreaches: 'count',
  returnRate: 'net',
  averageRating: 'count',
};
