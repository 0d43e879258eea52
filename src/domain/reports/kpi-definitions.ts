import type { MetricKey } from './kpi.js';

/**
 * Which convention each figure follows: "gross" as 生意参谋 counts it (支付 by payment time, refunds not
 * taken off, platform-attributed ad revenue), "net" after refunds or returns, "count" for plain counts.
 */
export const CONVENTIONS: Record<MetricKey, 'gross' | 'net' | 'plain'> = {
  visitors: 'plain',
  pageViews: 'plain',
  bounceRate: 'plain',
  conversionRate: 'gross',
  addToCartRate: 'plain',
  orders: 'plain',
  units: 'plain',
  paidOrders: 'gross',
  payingBuyers: 'gross',
  gmv: 'gross',
  refunds: 'plain',
  netSales: 'net',
  aov: 'gross',
  newBuyers: 'gross',
  returningBuyers: 'gross',
  repurchaseRate: 'gross',
  adSpend: 'plain',
  ctr: 'plain',
  cpc: 'plain',
  roas: 'gross',
  ticketsOpened: 'plain',
  ticketsResolved: 'plain',
  slaBreaches: 'plain',
  returnRate: 'net',
  averageRating: 'plain',
};
