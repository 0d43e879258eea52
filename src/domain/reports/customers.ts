import type { Db } from '../../db/open.js';
import { customerOrders } from '../../db/queries/reports.js';
import { byCodeUnits } from '../compare.js';
import { offsetAt } from '../zone-clock.js';
import { instantRange, type Period } from './period.js';
import { resolveScope, type ReportScope } from './sales.js';

export const SEGMENTS = ['champions', 'loyal', 'new', 'at_risk', 'hibernating', 'needs_attention'] as const;
export type Segment = (typeof SEGMENTS)[number];

export interface BuyerRow {
  shop: string;
  currency: string;
  buyers: number;
  newBuyers: number;
  returningBuyers: number;
  newSpend: number;
  returningSpend: number;
}

export interface SegmentRow {
  currency: string;
  segment: Segment;
  customers: number;
  /** Everything these customers paid up to the period end. */
  spend: number;
}

export interface CustomersReport {
  period: Period;
  buyers: BuyerRow[];
  segments: SegmentRow[];
}

export interface Rfm {
  recencyDays: number;
  orders: number;
  spend: number;
}

const DAY_MS = 86_400_000;
/** The calendar day an instant falls on in `zone`, as a day number: recency counts days, and a DST day has 23 or 25 hours. */
const localDay = (ms: number, zone: string) => Math.floor((ms + offsetAt(zone, ms)) / DAY_MS);

/**
 * Quintile scores 1–5 within one currency: a customer scores floor(worse × 5 ÷ n) + 1, where `worse` is how
 * many customers are strictly worse (older last order, fewer orders, less spend). Ties share a score.
 */
export function rfmScores(list: Rfm[]): { r: number; f: number; m: number }[] {
  const n = list.length;
  const score = (worse: number) => Math.floor((worse * 5) / n) + 1;
  return list.map((c) => ({
    r: score(list.filter((o) => o.recencyDays > c.recencyDays).length),
    f: score(list.filter((o) => o.orders < c.orders).length),
    m: score(list.filter((o) => o.spend < c.spend).length),
  }));
}

/** First rule that matches wins (see docs/reports.md). */
export function segmentOf(s: { r: number; f: number; m: number }, orders: number): Segment {
  if (s.r >= 4 && s.f >= 4 && s.m >= 4) return 'champions';
  if (s.f >= 4 && s.r >= 3) return 'loyal';
  if (orders === 1 && s.r >= 4) return 'new';
  if (s.r <= 2 && s.f >= 3) return 'at_risk';
  if (s.r <= 2) return 'hibernating';
  return 'needs_attention';
}

/**
 * New buyers: their first sale order ever is in the period; returning: they bought before. RFM over all
 * history up to the end of the period, recency counted in calendar days back from that end (each shop's zone).
 */
export function customersReport(db: Db, input: ReportScope, now: number): CustomersReport {
  const scope = resolveScope(db, input, now);
  const ranges = new Map(scope.shops.map((s) => [s.id, { shop: s, ...instantRange(scope.period, s.timezone) }]));
  const maxUntil = Math.max(0, ...[...ranges.values()].map((r) => r.until));
  const buyers = new Map<string, BuyerRow>();
  const seen = new Set<number>();
  const newInPeriod = new Set<number>();
  const counted = new Set<number>();
  const history = new Map<string, Rfm & { currency: string; last: number; until: number; zone: string }>();
  for (const o of customerOrders(db, maxUntil, scope.shopId)) {
    const range = ranges.get(o.shopId);
    if (!range || o.paidAt >= range.until) continue;
    const first = !seen.has(o.customerId);
    seen.add(o.customerId);
    const key = `${o.customerId}\u0000${o.currency}`;
    const h = history.get(key) ?? { currency: o.currency, recencyDays: 0, orders: 0, spend: 0, last: o.paidAt, until: range.until, zone: range.shop.timezone };
    h.orders += 1;
    h.spend += o.paid;
    h.last = Math.max(h.last, o.paidAt);
    history.set(key, h);
    if (o.paidAt < range.from) continue;
    const bKey = `${range.shop.name}\u0000${o.currency}`;
    const b = buyers.get(bKey) ?? { shop: range.shop.name, currency: o.currency, buyers: 0, newBuyers: 0, returningBuyers: 0, newSpend: 0, returningSpend: 0 };
    buyers.set(bKey, b);
    // A buyer is new if this period holds their first order; their later orders in the period count as new spend too.
    const isNew = first || newInPeriod.has(o.customerId);
    if (first) {
      newInPeriod.add(o.customerId);
      b.buyers += 1;
      b.newBuyers += 1;
    } else if (!counted.has(o.customerId) && !isNew) {
      b.buyers += 1;
      b.returningBuyers += 1;
    }
    counted.add(o.customerId);
    if (isNew) b.newSpend += o.paid;
    else b.returningSpend += o.paid;
  }

  const segments = new Map<string, SegmentRow>();
  const currencies = [...new Set([...history.values()].map((h) => h.currency))].sort();
  for (const currency of currencies) {
    const list = [...history.values()].filter((h) => h.currency === currency);
    for (const h of list) h.recencyDays = localDay(h.until - 1, h.zone) - localDay(h.last, h.zone);
    const scores = rfmScores(list);
    list.forEach((h, i) => {
      const segment = segmentOf(scores[i]!, h.orders);
      const key = `${currency}\u0000${segment}`;
      const row = segments.get(key) ?? { currency, segment, customers: 0, spend: 0 };
      row.customers += 1;
      row.spend += h.spend;
      segments.set(key, row);
    });
  }
  return {
    period: scope.period,
    buyers: [...buyers.values()].sort((a, b) => byCodeUnits(a.shop, b.shop) || byCodeUnits(a.currency, b.currency)),
    segments: [...segments.values()].sort((a, b) => byCodeUnits(a.currency, b.currency) || SEGMENTS.indexOf(a.segment) - SEGMENTS.indexOf(b.segment)),
  };
}
