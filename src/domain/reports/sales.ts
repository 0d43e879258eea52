import type { Db } from '../../db/open.js';
import { reportShops, saleOrders, type ReportShop } from '../../db/queries/reports.js';
import { byCodeUnits } from '../compare.js';
import { usageError } from '../errors.js';
import { defaultShop, findShop } from '../shops/shops.js';
import { dayOf, instantRange, laggingZone, resolvePeriod, shiftDay, today, type Period, type PeriodInput } from './period.js';

/** Options every sibling report takes: a period and optionally one shop. */
export interface ReportScope extends PeriodInput {
  shop?: string;
}

export interface Scope {
  period: Period;
  shops: ReportShop[];
  /** The shop filter when --shop was given. */
  shopId?: number;
  /** The zone "yesterday" was taken in (for showing single instants). */
  zone: string;
}


/** `n` calendar days ending `toDay` (inclusive). */
export function lastDays(toDay: string, n: number): { fromDay: string; toDay: string } {
  return { fromDay: shiftDay(toDay, -(n - 1)), toDay };
}

/**
 * The shops and the period. Without --period/--from/--to/--date the sibling reports cover the last 30 days
 * ending yesterday. "Yesterday" is that of --shop's zone, else the last day that has ended in every shop's zone
 * (as report kpi has it); each shop then maps the same calendar days onto its own instants.
 */
export function resolveScope(db: Db, input: ReportScope, now: number): Scope {
  const shop = input.shop === undefined ? defaultShop(db) : findShop(db, input.shop);
  const zone = shop?.timezone ?? 'UTC';
  const shopId = input.shop === undefined ? undefined : shop!.id;
  const shops = reportShops(db, shopId);
  const periodZone = (shopId === undefined && laggingZone(shops.map((s) => s.timezone), now)) || zone;
  const explicit = input.period !== undefined || input.from !== undefined || input.to !== undefined || input.date !== undefined;
  let period: Period;
  if (explicit) period = resolvePeriod(input, periodZone, now);
  else {
    const yesterday = shiftDay(today(periodZone, now), -1);
    period = { kind: 'range', ...lastDays(yesterday, 30) };
  }
  return { period, zone, shops, ...(shopId !== undefined && { shopId }) };
}

/** Whole positive numbers for --top, --days and friends. */
export function positiveInt(value: number | undefined, fallback: number, flag: string): number {
  const n = value ?? fallback;
  if (!Number.isSafeInteger(n) || n < 1) throw usageError('input.notPositive', { field: flag, value: String(value) });
  return n;
}

/** a ÷ b rounded half away from zero to an integer (money averages in minor units); null when b is 0. */
export function divRound(a: number, b: number): number | null {
  if (b === 0) return null;
  const q = Math.floor(Math.abs(a) / Math.abs(b));
  const r = Math.abs(a) % Math.abs(b);
  const v = r * 2 >= Math.abs(b) ? q + 1 : q;
  return Math.sign(a) * Math.sign(b) < 0 ? -v : v;
}

/** a ÷ b as a ratio rounded to `digits` decimals; null when b is 0. */
export function ratio(a: number, b: number, digits = 4): number | null {
  if (b === 0) return null;
  const f = 10 ** digits;
  return Math.round((a / b) * f) / f;
}

export type Bucket = 'day' | 'week' | 'month';
export const BUCKETS: readonly Bucket[] = ['day', 'week', 'month'];

/** The bucket a calendar day belongs to: the day, the Monday starting its week, or "YYYY-MM". */
export function bucketOf(day: string, by: Bucket): string {
  if (by === 'day') return day;
  if (by === 'month') return day.slice(0, 7);
  const d = new Date(`${day}T00:00:00Z`);
  return shiftDay(day, -((d.getUTCDay() + 6) % 7));
}

export interface SalesRow {
  bucket: string;
  shop: string;
  platform: string;
  currency: string;
  orders: number;
  units: number;
  gmv: number;
  refunds: number;
  net: number;
  /** GMV ÷ orders in minor units (rounded half up); null without orders. */
  aov: number | null;
}

export interface SalesReport {
  period: Period;
  by: Bucket;
  rows: SalesRow[];
  /** Per currency over the whole period (never added across currencies). */
  totals: Omit<SalesRow, 'bucket' | 'shop' | 'platform'>[];
}

export interface SalesOptions extends ReportScope {
  by?: string;
}

/**
 * Sales per bucket × shop × currency. A sale is an order that was paid (paid_at) and is not cancelled; it falls
 * in the bucket of its payment day in its shop's zone. GMV = amount paid; refunds = amount refunded on those
 * orders; net = GMV − refunds; units = ordered quantity.
 */
export function salesReport(db: Db, input: SalesOptions, now: number): SalesReport {
  const by = (input.by ?? 'day') as Bucket;
  if (!BUCKETS.includes(by)) throw usageError('input.oneOf', { field: '--by', value: String(input.by), choices: BUCKETS.join(', ') });
  const scope = resolveScope(db, input, now);
  const rows = new Map<string, SalesRow>();
  const totals = new Map<string, SalesReport['totals'][number]>();
  for (const shop of scope.shops) {
    const { from, until } = instantRange(scope.period, shop.timezone);
    for (const o of saleOrders(db, shop.id, from, until)) {
      const bucket = bucketOf(dayOf(o.paidAt, shop.timezone), by);
      const key = `${bucket}\u0000${shop.name}\u0000${o.currency}`;
      let row = rows.get(key);
      if (!row) rows.set(key, (row = { bucket, shop: shop.name, platform: shop.platform, currency: o.currency, orders: 0, units: 0, gmv: 0, refunds: 0, net: 0, aov: null }));
      let total = totals.get(o.currency);
      if (!total) totals.set(o.currency, (total = { currency: o.currency, orders: 0, units: 0, gmv: 0, refunds: 0, net: 0, aov: null }));
      for (const r of [row, total]) {
        r.orders += 1;
        r.units += o.units;
        r.gmv += o.paid;
        r.refunds += o.refunded;
        r.net = r.gmv - r.refunds;
        r.aov = divRound(r.gmv, r.orders);
      }
    }
  }
  const sorted = [...rows.values()].sort((a, b) => byCodeUnits(a.bucket, b.bucket) || byCodeUnits(a.shop, b.shop) || byCodeUnits(a.currency, b.currency));
  return { period: scope.period, by, rows: sorted, totals: [...totals.values()].sort((a, b) => byCodeUnits(a.currency, b.currency)) };
}
